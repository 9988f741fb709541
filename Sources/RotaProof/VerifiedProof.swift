import Foundation
import RotaCore
import RotaInput
import RotaVerifier
/// The independent verification of a plan (and its weekly rota) together with the compliance
/// proof it gives: what `rota plan`, `rota verify --proof` and `rota check-proof` all compute.
///
/// Discussion: the parts are independent of each other — the plan's checks, the rota's checks
/// and the SHA-256 of each input's canonical bytes — so they run side by side on the
/// machine's cores (`ParallelJobs`), and the result is assembled in a fixed order: the same
/// inputs always give the same report and the same proof bytes, whichever part finishes
/// first. Nothing here reads the planner's code or GLPK; the parts are `PlanVerifier`,
/// `RotaVerifier` and the canonical forms.
///
/// ```swift
/// let entries = try RotaCSVReader.read(path: "out/rota.csv")
/// let verified = VerifiedProof(scenario: scenario, plan: plan, rota: (file: "out/rota.csv", entries: entries))
/// verified.report.passed          // true
/// try verified.proof.fileData()   // proof.jsonl.gz's bytes
/// ```
public struct VerifiedProof: Sendable {
    /// The verifier's report: the plan's checks and, with a rota, the rota's.
    public let report: VerificationReport
    /// The proof of `report`, bound to the inputs by their digests.
    public let proof: ComplianceProof

    /// Verifies `plan` (and `rota`, a rota file's name and entries) against `scenario` and
    /// builds the proof. `digests` are input digests the caller has computed already from the
    /// same inputs (`VerificationInputs.digests`: the rota's, while the scenario was read);
    /// the others are computed here.
    public init(scenario: Scenario, plan: Plan, rota: (file: String, entries: [RotaEntry])?, digests known: [String: String] = [:]) {
        let verified = VerifiedProof.verify(scenario: scenario, plan: plan, rota: rota, digests: known)
        self.report = verified.report
        self.proof = ProofWriter.proof(scenario: scenario, report: verified.report, digests: verified.digests, solver: plan.solver)
    }

    /// The verification alone, without a proof: no digests are computed (`rota verify`
    /// without `--proof`).
    public static func report(scenario: Scenario, plan: Plan, rota: (file: String, entries: [RotaEntry])?) -> VerificationReport {
        verify(scenario: scenario, plan: plan, rota: rota, digests: nil).report
    }

    /// The report and, unless `known` is nil (no proof wanted), every input's digest: those in
    /// `known`, and the others computed beside the checks.
    private static func verify(scenario: Scenario, plan: Plan, rota: (file: String, entries: [RotaEntry])?,
                               digests known: [String: String]?) -> (report: VerificationReport, digests: [String: String]) {
        // The rota's parts are jobs of this list, not a parallel run inside one job: nested in
        // another's job, GCD would run them one after another (`RotaVerifier.Parts`). The
        // longest first, so the others fill the second core beside them; the first rota part
        // builds the rota verifier and the rota's index, which the later ones share.
        let rotaParts = rota.map { RotaVerifier.Parts(scenario: scenario, plan: plan, entries: $0.entries) }
        let wanted = { (key: String) in known.map { $0[key] == nil } ?? false }
        var list: [@Sendable () -> Part] = []
        if let rotaParts { list.append { .rotaPart(0, rotaParts.decide(0)) } }
        if wanted("scenario") { list.append { .digest("scenario", ScenarioCanonicalForm.sha256(scenario)) } }
        // The rota's digest is of its file's bytes (`VerificationInputs` gives it); without the
        // file, of the bytes rota writes for these entries.
        if let rota, wanted("rota") {
            list.append { .digest("rota", Digest.hex(RotaCSV.data(rota: WeeklyRota(scenario: scenario.name, entries: rota.entries), scenario: scenario))) }
        }
        if let rotaParts { for k in 1..<rotaParts.count { list.append { .rotaPart(k, rotaParts.decide(k)) } } }
        list.append { .plan(PlanVerifier(scenario: scenario).verify(plan)) }
        // The plan's digest is of its file's bytes (`VerificationInputs` gives it); without the
        // file, of the bytes rota writes for this plan.
        if wanted("plan") { list.append { .digest("plan", PlanFileBytes.sha256(plan)) } }
        let jobs = list
        let parts = ParallelJobs.run(count: jobs.count, threads: ParallelJobs.processors) { i in jobs[i]() }
        var planReport: VerificationReport?
        var rotaChecks = Array(repeating: [RuleCheck](), count: rotaParts?.count ?? 0)
        var digests = known ?? [:]
        for part in parts {
            switch part {
            case .plan(let r): planReport = r
            case .rotaPart(let k, let checks): rotaChecks[k] = checks
            case .digest(let key, let hex): digests[key] = hex
            }
        }
        guard var report = planReport else { preconditionFailure("the plan was not verified") }
        if let rota, let rotaParts {
            report = report.adding(rota: VerificationReport.RotaSection(file: rota.file, entries: rota.entries.count,
                                                                        checks: rotaParts.assemble(rotaChecks)))
        }
        return (report, digests)
    }

    /// One part's result.
    private enum Part: Sendable {
        case plan(VerificationReport)
        case rotaPart(Int, [RuleCheck])
        case digest(String, String)
    }
}
