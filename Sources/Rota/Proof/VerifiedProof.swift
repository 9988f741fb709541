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
/// try verified.proof.jsonData()   // proof.json's bytes
/// ```
public struct VerifiedProof: Sendable {
    /// The verifier's report: the plan's checks and, with a rota, the rota's.
    public let report: VerificationReport
    /// The proof of `report`, bound to the inputs by their digests.
    public let proof: ComplianceProof

    /// Verifies `plan` (and `rota`, a rota file's name and entries) against `scenario` and
    /// builds the proof.
    public init(scenario: Scenario, plan: Plan, rota: (file: String, entries: [RotaEntry])?) {
        let jobs: [@Sendable () -> Part] = [
            // The longest first, so the others fill the second core beside it.
            { rota.map { .rota(RotaVerifier(scenario: scenario, plan: plan).section(entries: $0.entries, file: $0.file)) } ?? .none },
            { .plan(PlanVerifier(scenario: scenario).verify(plan)) },
            { rota.map { .digest("rota", RotaCanonicalForm.sha256($0.entries)) } ?? .none },
            { .digest("scenario", ScenarioCanonicalForm.sha256(scenario)) },
            { .digest("plan", PlanCanonicalForm.sha256(plan)) },
        ]
        let parts = ParallelJobs.run(count: jobs.count, threads: ParallelJobs.processors) { i in jobs[i]() }
        var planReport: VerificationReport?, rotaSection: VerificationReport.RotaSection?
        var digests: [String: String] = [:]
        for part in parts {
            switch part {
            case .plan(let r): planReport = r
            case .rota(let s): rotaSection = s
            case .digest(let key, let hex): digests[key] = hex
            case .none: break
            }
        }
        guard var report = planReport else { preconditionFailure("the plan was not verified") }
        if let rotaSection { report = report.adding(rota: rotaSection) }
        self.report = report
        self.proof = ProofWriter.proof(scenario: scenario, report: report, digests: digests, solver: plan.solver)
    }

    /// One part's result.
    private enum Part: Sendable {
        case plan(VerificationReport)
        case rota(VerificationReport.RotaSection)
        case digest(String, String)
        case none
    }
}
