import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// The canonical bytes of a plan, and their SHA-256: what a compliance proof names as
/// "the plan".
///
/// Discussion: the form is the canonical JSON (`CanonicalJSON`, RFC 8785) of the plan as rota
/// reads it — plan.json decoded into `Plan` and encoded again — *without* its `solver` field.
/// The solver's figures are a claim about how the plan was found, not part of what the plan
/// says; a proof records them separately. So:
/// - whitespace, key order and number spelling in plan.json do not change the digest;
/// - fields rota does not read (unknown keys) are not covered — they have no meaning to rota;
/// - the order of lists is kept as written: every list in plan.json is part of the plan as
///   submitted (rota writes them sorted), so moving a team changes the digest;
/// - anything rota reads — a date, a member, a site, the coverage lists — changes it.
///
/// ```swift
/// PlanCanonicalForm.sha256(plan)   // "9b0e…" (64 hex digits)
/// ```
public enum PlanCanonicalForm {
    /// The plan as a JSON value, without `solver`.
    public static func value(_ plan: Plan) -> JSONValue {
        var unsolved = plan
        unsolved.solver = nil
        // Plan holds strings, integers and lists only once the solver is left out, so the
        // encoder cannot fail; a failure would be a programming error.
        do { return try JSONValue(encoding: unsolved).removing("solver") }
        catch { preconditionFailure("plan.json could not be encoded: \(error)") }
    }

    /// The canonical bytes.
    public static func data(_ plan: Plan) -> Data { CanonicalJSON.data(value(plan)) }

    /// SHA-256 of the canonical bytes, 64 lower-case hex digits.
    public static func sha256(_ plan: Plan) -> String { Digest.hex(data(plan)) }
}
