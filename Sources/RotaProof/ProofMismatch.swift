import RotaCore
import RotaInput
import RotaVerifier
/// One way a compliance proof differs from what rota recomputes from the scenario and plan.
///
/// `instance` is the rule instance key, or nil for a field of the proof as a whole (a digest,
/// a version, the overall verdict, the signature). `field` names what differs (`verdict`,
/// `quantity sent`, `witness`, `digest plan`, …); the two values are shown as text, with
/// `(absent)` where one side has nothing.
///
/// ```swift
/// ProofMismatch(instance: "T1.quota[hz-municipal]", field: "quantity sent",
///               proofValue: "7", recomputedValue: "6").description
/// // T1.quota[hz-municipal]: quantity sent: the proof says 7, recomputed 6
/// ```
public struct ProofMismatch: Hashable, Sendable, CustomStringConvertible {
    /// Shown for the side that has no such value.
    public static let absent = "(absent)"

    public var instance: String?
    public var field: String
    public var proofValue: String
    public var recomputedValue: String
    /// Who states `proofValue` in the sentence: "the proof says" unless the value comes from
    /// elsewhere (the signature file).
    public var claimant: String
    /// What introduces `recomputedValue` in the sentence: "recomputed" unless told otherwise.
    public var finder: String

    public init(instance: String?, field: String, proofValue: String, recomputedValue: String,
                claimant: String = "the proof says", finder: String = "recomputed") {
        self.instance = instance; self.field = field
        self.proofValue = proofValue; self.recomputedValue = recomputedValue
        self.claimant = claimant; self.finder = finder
    }

    /// One line in plain words.
    public var description: String {
        let place = instance.map { "\($0): " } ?? ""
        if proofValue == ProofMismatch.absent {
            return "\(place)\(field): missing from the proof; \(finder) \(recomputedValue)"
        }
        if recomputedValue == ProofMismatch.absent {
            return "\(place)\(field): the proof has \(proofValue), which the recomputation does not"
        }
        return "\(place)\(field): \(claimant) \(proofValue), \(finder) \(recomputedValue)"
    }
}
