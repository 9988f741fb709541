import Foundation
import RotaCore

/// The digest a proof records for a plan it was not given as a file: that of the bytes
/// `rota plan` writes for it (`Plan.jsonData()`).
///
/// Discussion: a proof binds plan.json's bytes exactly (`VerificationInputs` hashes the file as
/// read), so a space, a reordered key or a changed solver figure in plan.json is a different
/// plan to the proof. When a proof is made from a plan in memory — `rota plan` proving the
/// plan it is about to write, a test — the bytes are those rota writes, which are the file's.
///
/// ```swift
/// PlanFileBytes.sha256(plan) == Digest.hex(try plan.jsonData())   // true
/// ```
public enum PlanFileBytes {
    /// Lower-case hex SHA-256 of `plan.jsonData()`; a plan JSON cannot hold (a NaN solver
    /// figure) has no file, and gets a digest no file has.
    public static func sha256(_ plan: Plan) -> String {
        do { return Digest.hex(try plan.jsonData()) } catch { return "none: the plan cannot be written as JSON (\(error))" }
    }
}
