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
    /// builds the proof. `digests` are input digests the caller has computed already from the
    /// same inputs (`VerificationInputs.digests`: the rota's, while the scenario was read);
    /// the others are computed here.
    public init(scenario: Scenario, plan: Plan, rota: (file: String, entries: [RotaEntry])?, digests known: [String: String] = [:]) {
        // The rota's parts are jobs of this list, not a parallel run inside one job: nested in
        // another's job, GCD would run them one after another (`RotaVerifier.Parts`). The
        // longest first, so the others fill the second core beside them; the first rota part
        // builds the rota verifier and the rota's index, which the later ones share.
        let rotaParts = rota.map { RotaVerifier.Parts(scenario: scenario, plan: plan, entries: $0.entries) }
        var list: [@Sendable () -> Part] = []
        if let rotaParts { list.append { .rotaPart(0, rotaParts.decide(0)) } }
        if known["scenario"] == nil { list.append { .digest("scenario", ScenarioCanonicalForm.sha256(scenario)) } }
        if let rota, known["rota"] == nil { list.append { .digest("rota", RotaCanonicalForm.sha256(rota.entries)) } }
        if let rotaParts { for k in 1..<rotaParts.count { list.append { .rotaPart(k, rotaParts.decide(k)) } } }
        list.append { .plan(PlanVerifier(scenario: scenario).verify(plan)) }
        if known["plan"] == nil { list.append { .digest("plan", PlanCanonicalForm.sha256(plan)) } }
        let jobs = list
        let parts = ParallelJobs.run(count: jobs.count, threads: ParallelJobs.processors) { i in jobs[i]() }
        var planReport: VerificationReport?
        var rotaChecks = Array(repeating: [RuleCheck](), count: rotaParts?.count ?? 0)
        var digests = known
        for part in parts {
            switch part {
            case .plan(let r): planReport = r
            case .rotaPart(let k, let checks): rotaChecks[k] = checks
            case .digest(let key, let hex): digests[key] = hex
            }
        }
        var rotaSection: VerificationReport.RotaSection?
        if let rota, let rotaParts {
            rotaSection = VerificationReport.RotaSection(file: rota.file, entries: rota.entries.count, checks: rotaParts.assemble(rotaChecks))
        }
        guard var report = planReport else { preconditionFailure("the plan was not verified") }
        if let rotaSection { report = report.adding(rota: rotaSection) }
        self.report = report
        self.proof = ProofWriter.proof(scenario: scenario, report: report, digests: digests, solver: plan.solver)
    }

    /// One part's result.
    private enum Part: Sendable {
        case plan(VerificationReport)
        case rotaPart(Int, [RuleCheck])
        case digest(String, String)
    }
}
