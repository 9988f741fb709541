import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// Checks a compliance proof against the scenario and plan it claims to be about, trusting
/// nothing the proof says (`rota check-proof`).
///
/// Discussion: it recomputes the digests of the canonical scenario and plan bytes, re-runs the
/// independent verifier (`PlanVerifier`) on the scenario and plan, builds the proof that
/// verification gives, and compares it with the claimed one field by field:
/// - the format, rota and rule-catalogue versions, scenario name, profile and period;
/// - every digest (a plan or scenario edited after proving shows here);
/// - the solver's figures against plan.json's `solver` (they are a claim rota cannot re-derive
///   without solving again; they are only held to what plan.json says);
/// - instance by instance, matched by key: instances missing from the proof or extra in it,
///   then the rule, subject, clause, quote, every parameter, every quantity (by name), the
///   arithmetic text, the finding, every witness, and the verdict;
/// - the rules not checked, the counts and the overall verdict.
///
/// An empty result means the proof says exactly what rota finds. The instances' order in the
/// file is not compared: it carries no meaning.
///
/// ```swift
/// let mismatches = ProofChecker.check(scenario: scenario, plan: plan, proof: proof)
/// for m in mismatches { print(m) }
/// // T1.quota[hz-municipal]: verdict: the proof says pass, recomputed fail
/// ```
public enum ProofChecker {
    /// Every difference between `proof` and what the verifier finds for `plan` and `scenario`.
    public static func check(scenario: Scenario, plan: Plan, proof: ComplianceProof) -> [ProofMismatch] {
        let report = PlanVerifier(scenario: scenario).verify(plan)
        return compare(claimed: proof, recomputed: ProofWriter.proof(scenario: scenario, plan: plan, report: report))
    }

    /// Checks a proof file's bytes against the proof rota recomputes (`rota check-proof`).
    ///
    /// Discussion: a proof file rota wrote and nobody changed is byte for byte the indented
    /// form of the recomputed proof (`ComplianceProof.jsonData()`); that comparison
    /// (`ProofJSON.prettyMatches`, which makes the expected bytes a chunk at a time) confirms
    /// it without decoding a single field. Any other bytes (an edit, another layout) are
    /// decoded and compared field by field (`compare(claimed:recomputed:)`), and fields
    /// outside the format are named (`unknownFields(in:)`). Throws when the bytes differ and
    /// are not a readable proof.
    ///
    /// ```swift
    /// let recomputed = ProofWriter.proof(scenario: scenario, plan: plan, report: report)
    /// let result = try ProofChecker.check(file: bytes, path: "proof.json", recomputed: recomputed)
    /// result.mismatches   // [] when the proof says exactly what rota finds
    /// ```
    public static func check(file data: Data, path: String, recomputed: ComplianceProof) throws(InputError) -> FileCheck {
        // Rota's own layout exists only for a proof JSON can hold (finite solver figures).
        if (try? recomputed.requireFiniteSolver()) != nil {
            if data.withUnsafeBytes({ ProofJSON.prettyMatches($0, recomputed) }) {
                return FileCheck(mismatches: [], claimed: recomputed, data: data, matchedByteForByte: true)
            }
            if let found = checkByInstance(file: Array(data), expected: ProofJSON.pretty(recomputed), recomputed: recomputed) {
                return FileCheck(mismatches: found.mismatches, claimed: found.claimed, data: data, matchedByteForByte: false)
            }
        }
        let claimed = try ProofReader.decode(ComplianceProof.self, data, file: path)
        return FileCheck(mismatches: compare(claimed: claimed, recomputed: recomputed) + unknownFields(in: data),
                         claimed: claimed, data: data, matchedByteForByte: false)
    }

    /// The check of a file in rota's layout (`ProofFileLayout`) that differs from the expected
    /// bytes: instances whose text is the expected text are taken as the recomputed ones, the
    /// others and the proof-wide fields are decoded and compared. Nil when the file is not in
    /// that layout or a part does not decode (the caller then decodes the whole file, which
    /// names the problem with its line).
    static func checkByInstance(file: [UInt8], expected: [UInt8], recomputed: ComplianceProof)
        -> (claimed: ComplianceProof, mismatches: [ProofMismatch])? {
        guard let fileLayout = ProofFileLayout.split(file), let expectedLayout = ProofFileLayout.split(expected),
              let skeleton = try? JSONParser.parse(fileLayout.skeleton),
              var claimed = try? skeleton.decode(ComplianceProof.self),
              let skeletonModel = try? claimed.jsonValue() else { return nil }
        var unknown = unknownFields(in: skeleton, model: skeletonModel, path: "")
        var unchanged: Set<String> = []
        claimed.instances.reserveCapacity(fileLayout.instances.count)
        for (n, text) in fileLayout.instances.enumerated() {
            if n < expectedLayout.instances.count, text.elementsEqual(expectedLayout.instances[n]) {
                claimed.instances.append(recomputed.instances[n])
                unchanged.insert(recomputed.instances[n].instance)
                continue
            }
            guard let value = try? JSONParser.parse(text), let instance = try? value.decode(ProofInstance.self),
                  let model = try? JSONValue(encoding: instance) else { return nil }
            unknown += unknownFields(in: value, model: model, path: "instances[\(n)]")
            claimed.instances.append(instance)
        }
        return (claimed, compare(claimed: claimed, recomputed: recomputed, unchanged: unchanged) + unknown)
    }

    /// What `check(file:path:recomputed:)` found.
    public struct FileCheck: Sendable {
        /// Every difference between the file and the recomputed proof; empty when confirmed.
        public let mismatches: [ProofMismatch]
        /// The proof the file holds.
        public let claimed: ComplianceProof
        let data: Data
        let matchedByteForByte: Bool

        /// The file's canonical bytes (RFC 8785): what a signature covers.
        public func canonicalBytes() throws(JSONParseError) -> Data {
            if matchedByteForByte, let bytes = try? claimed.canonicalData() { return bytes }
            return try CanonicalJSON.canonicalize(data)
        }
    }

    /// Every difference between a claimed proof and a recomputed one, proof-wide fields first,
    /// then instances in the recomputed report order, then instances only the proof has.
    public static func compare(claimed: ComplianceProof, recomputed: ComplianceProof) -> [ProofMismatch] {
        compare(claimed: claimed, recomputed: recomputed, unchanged: [])
    }

    /// `compare(claimed:recomputed:)`, told which instance keys the claim holds byte for byte
    /// as recomputed (their fields need no comparing; that they are listed once still does).
    static func compare(claimed: ComplianceProof, recomputed: ComplianceProof, unchanged: Set<String>) -> [ProofMismatch] {
        var out: [ProofMismatch] = []
        func field(_ instance: String?, _ name: String, _ claimed: String, _ recomputed: String) {
            if !same(claimed, recomputed) {
                out.append(ProofMismatch(instance: instance, field: name, proofValue: claimed, recomputedValue: recomputed))
            }
        }
        /// Compares two keyed collections; values rendered as text.
        func keyed(_ instance: String?, _ prefix: String, _ claimed: [String: String], _ recomputed: [String: String]) {
            for key in Set(claimed.keys).union(recomputed.keys).sorted(by: utf16Less) {
                field(instance, "\(prefix) \(key)", claimed[key] ?? ProofMismatch.absent, recomputed[key] ?? ProofMismatch.absent)
            }
        }

        field(nil, "format", claimed.format, recomputed.format)
        field(nil, "rota version", claimed.rotaVersion, recomputed.rotaVersion)
        field(nil, "rule catalogue", claimed.ruleCatalogue, recomputed.ruleCatalogue)
        field(nil, "scenario", claimed.scenario, recomputed.scenario)
        field(nil, "profile", claimed.profile, recomputed.profile)
        field(nil, "period", claimed.period, recomputed.period)
        field(nil, "digest algorithm", claimed.digestAlgorithm, recomputed.digestAlgorithm)
        keyed(nil, "digest", claimed.digests, recomputed.digests)
        keyed(nil, "solver", solverFields(claimed.solver), solverFields(recomputed.solver))

        // Instances, matched by key.
        var claimedByKey: [String: ProofInstance] = [:]
        var claimedOrder: [String] = []
        for i in claimed.instances {
            if claimedByKey[i.instance] != nil {
                out.append(ProofMismatch(instance: i.instance, field: "instance", proofValue: "listed more than once",
                                         recomputedValue: "once"))
                continue
            }
            claimedByKey[i.instance] = i
            claimedOrder.append(i.instance)
        }
        let recomputedKeys = Set(recomputed.instances.map(\.instance))
        for r in recomputed.instances {
            guard let c = claimedByKey[r.instance] else {
                out.append(ProofMismatch(instance: r.instance, field: "instance", proofValue: ProofMismatch.absent,
                                         recomputedValue: "\(r.rule) instance, verdict \(r.verdict.rawValue)"))
                continue
            }
            if !unchanged.contains(r.instance) { compare(c, r, into: &out) }
        }
        for key in claimedOrder where !recomputedKeys.contains(key) {
            let c = claimedByKey[key]!
            out.append(ProofMismatch(instance: key, field: "instance", proofValue: "\(c.rule) instance, verdict \(c.verdict.rawValue)",
                                     recomputedValue: ProofMismatch.absent))
        }

        field(nil, "rules not checked", claimed.notChecked.map { "\($0.rule): \($0.reason)" }.joined(separator: "; "),
              recomputed.notChecked.map { "\($0.rule): \($0.reason)" }.joined(separator: "; "))
        field(nil, "instance count", String(claimed.summary.instances), String(recomputed.summary.instances))
        field(nil, "instances passed", String(claimed.summary.passed), String(recomputed.summary.passed))
        field(nil, "instances failed", String(claimed.summary.failed), String(recomputed.summary.failed))
        field(nil, "overall verdict", claimed.verdict.rawValue, recomputed.verdict.rawValue)
        return out
    }

    /// Fields of a proof file that are not part of a proof (`rota-proof/1`), one mismatch each.
    ///
    /// Decoding ignores unknown keys, yet a signature covers them; so a signed proof could carry
    /// a claim ("approvedBy": …) that nothing checks. `rota check-proof` reports them. Keys with
    /// a `null` value are ignored (an absent optional field).
    ///
    /// ```swift
    /// ProofChecker.unknownFields(in: data)   // [instances[3].approvedBy: the proof has "yes", …]
    /// ```
    public static func unknownFields(in data: Data) -> [ProofMismatch] {
        guard let file = try? JSONParser.parse(data),
              let proof = try? ComplianceProof.decode(data),
              let known = try? proof.jsonValue() else { return [] }
        return unknownFields(in: file, model: known, path: "")
    }

    /// The members of `value` (found at `path` in the file) that its decoded-and-re-encoded
    /// `model` lacks.
    static func unknownFields(in value: JSONValue, model: JSONValue, path: String) -> [ProofMismatch] {
        var out: [ProofMismatch] = []
        func walk(_ value: JSONValue, _ model: JSONValue, _ path: String) {
            switch (value, model) {
            case (.object(let members), .object(let expected)):
                for key in CanonicalJSON.sortedKeys(members) {
                    let child = path.isEmpty ? key : "\(path).\(key)"
                    guard let m = expected[key] else {
                        if members[key] != .null {
                            out.append(ProofMismatch(instance: nil, field: "unknown field \(child)",
                                                     proofValue: CanonicalJSON.string(members[key]!),
                                                     recomputedValue: ProofMismatch.absent))
                        }
                        continue
                    }
                    walk(members[key]!, m, child)
                }
            case (.array(let elements), .array(let expected)) where elements.count == expected.count:
                for (i, e) in elements.enumerated() { walk(e, expected[i], "\(path)[\(i)]") }
            default:
                return
            }
        }
        walk(value, model, path)
        return out
    }

    /// The differences between one claimed instance and its recomputed twin.
    static func compare(_ c: ProofInstance, _ r: ProofInstance, into out: inout [ProofMismatch]) {
        let key = r.instance
        func field(_ name: String, _ claimed: String, _ recomputed: String) {
            if !same(claimed, recomputed) {
                out.append(ProofMismatch(instance: key, field: name, proofValue: claimed, recomputedValue: recomputed))
            }
        }
        func keyed(_ prefix: String, _ claimed: [String: String], _ recomputed: [String: String]) {
            for k in Set(claimed.keys).union(recomputed.keys).sorted(by: utf16Less) {
                field("\(prefix) \(k)", claimed[k] ?? ProofMismatch.absent, recomputed[k] ?? ProofMismatch.absent)
            }
        }
        field("rule", c.rule, r.rule)
        field("subject", describe(c.subject), describe(r.subject))
        field("clause", c.clause, r.clause)
        field("quote", c.quote, r.quote)
        keyed("parameter", c.parameters.mapValues(\.description), r.parameters.mapValues(\.description))
        keyed("quantity", quantityFields(c.quantities), quantityFields(r.quantities))
        if Set(c.quantities.map(\.name)) == Set(r.quantities.map(\.name)), c.quantities.map(\.name) != r.quantities.map(\.name) {
            field("quantity order", c.quantities.map(\.name).joined(separator: ", "), r.quantities.map(\.name).joined(separator: ", "))
        }
        field("arithmetic", c.arithmetic, r.arithmetic)
        field("finding", c.finding, r.finding)
        // Witnesses as multisets: each one the proof lacks or adds is named.
        // Keyed by their UTF-8 bytes, so other normalisations of a text count as different.
        var remaining: [[UInt8]: Int] = [:]
        for w in r.witnesses { remaining[Array(describe(w).utf8), default: 0] += 1 }
        var extra: [String] = []
        for w in c.witnesses.map(describe) {
            let bytes = Array(w.utf8)
            if let n = remaining[bytes], n > 0 { remaining[bytes] = n - 1 } else { extra.append(w) }
        }
        for w in r.witnesses.map(describe) {
            let bytes = Array(w.utf8)
            if let n = remaining[bytes], n > 0 {
                remaining[bytes] = n - 1
                field("witness", ProofMismatch.absent, w)
            }
        }
        for w in extra { field("witness", w, ProofMismatch.absent) }
        field("verdict", c.verdict.rawValue, r.verdict.rawValue)
    }

    /// Whether two texts are the same bytes (Swift's `==` would also equate other Unicode
    /// normalisations of the same text, which a proof must not).
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// Quantities by name; a name that occurs again is keyed `name#2`, `name#3`, ….
    static func quantityFields(_ quantities: [Quantity]) -> [String: String] {
        var out: [String: String] = [:]
        var seen: [String: Int] = [:]
        for q in quantities {
            let n = (seen[q.name] ?? 0) + 1
            seen[q.name] = n
            out[n == 1 ? q.name : "\(q.name)#\(n)"] = String(q.value)
        }
        return out
    }

    static func solverFields(_ s: ProofSolver?) -> [String: String] {
        guard let s else { return [:] }
        func n(_ d: Double) -> String { CanonicalJSON.number(d) ?? d.description }
        return ["status": s.status, "objective": n(s.objective), "bound": n(s.bound), "gap": n(s.gap)]
    }

    static func describe(_ s: CheckSubject) -> String { "\(s.kind.rawValue) \(s.id) \(s.name)" }

    static func describe(_ w: Witness) -> String {
        var text = "\(w.kind.rawValue) \(w.id)"
        if !w.name.isEmpty { text += " \(w.name)" }
        if !w.note.isEmpty { text += " (\(w.note))" }
        return text
    }
}
