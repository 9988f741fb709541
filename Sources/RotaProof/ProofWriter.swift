import RotaCore
import RotaInput
import RotaVerifier
/// Builds the compliance proof of a verification: `rota verify --proof` and `rota plan` use it.
///
/// Discussion: the proof takes every `RuleCheck` of the report as it is, in report order, and
/// adds the parameters each rule reads (from `RuleCatalogue`, with the scenario's resolved
/// values), the digests of the canonical scenario and of the plan's file bytes, the solver's figures from
/// plan.json, the versions, and the overall verdict. Checks the verifier gains later (say,
/// from a weekly rota) appear in the proof without change here.
///
/// ```swift
/// let report = PlanVerifier(scenario: scenario).verify(plan)
/// let proof = ProofWriter.proof(scenario: scenario, plan: plan, report: report)
/// try proof.fileData().write(to: URL(fileURLWithPath: "out/proof.jsonl.gz"))
/// ```
public enum ProofWriter {
    /// The proof of `report`, the verification of `plan` against `scenario`.
    public static func proof(scenario: Scenario, plan: Plan, report: VerificationReport) -> ComplianceProof {
        proof(scenario: scenario, plan: plan, report: report, additionalDigests: [:])
    }

    /// The proof, with the digests of further inputs the report rests on (key → hex SHA-256
    /// of that input's canonical bytes, e.g. `"rota"` for a weekly rota).
    public static func proof(scenario: Scenario, plan: Plan, report: VerificationReport,
                             additionalDigests: [String: String]) -> ComplianceProof {
        var digests = additionalDigests
        digests["scenario"] = ScenarioCanonicalForm.sha256(scenario)
        if digests["plan"] == nil { digests["plan"] = PlanFileBytes.sha256(plan) }
        return proof(scenario: scenario, report: report, digests: digests, solver: plan.solver)
    }

    /// The proof of `report`, with every input's digest already computed (`VerifiedProof`
    /// computes them beside the verification) and the plan's solver figures.
    static func proof(scenario: Scenario, report: VerificationReport, digests: [String: String],
                      solver: PlanSolver?) -> ComplianceProof {
        // Every instance the report holds: the plan's, and the rota's when it has one, taken
        // by position (a loop over the checks, or joining the two lists, would copy each).
        let plan = report.checks, rota = report.rota?.checks ?? []
        let count = plan.count + rota.count
        var parametersByRule: [String: [String: ProofParameter]] = [:]
        var passed = 0
        for i in 0..<count {
            let rule = i < plan.count ? plan[i].rule : rota[i - plan.count].rule
            if parametersByRule[rule] == nil { parametersByRule[rule] = parameters(of: rule, in: scenario) }
            if (i < plan.count ? plan[i].verdict : rota[i - plan.count].verdict) == .pass { passed += 1 }
        }
        let parameters = parametersByRule
        let instances = ParallelJobs.array(count: count, threads: ParallelJobs.processors) { i in
            let check = i < plan.count ? plan[i] : rota[i - plan.count]
            return ProofInstance(check: check, parameters: parameters[check.rule]!)
        }
        // With a rota, the weekly rules are checked; only the soft rules stay unchecked.
        let unchecked = report.rota == nil ? PlanVerifier.notChecked : PlanVerifier.notChecked.filter { $0.reason.hasPrefix("soft rules") }
        return ComplianceProof(
            rotaVersion: RotaVersion.current, ruleCatalogue: Profile.catalogueVersion,
            scenario: scenario.name, profile: scenario.profile, period: scenario.period.description,
            digests: digests, solver: solver.map(ProofSolver.init),
            instances: instances,
            notChecked: unchecked.map { ProofNotChecked(rule: $0.rule, reason: $0.reason) },
            summary: ProofSummary(instances: count, passed: passed, failed: count - passed),
            verdict: report.passed ? .pass : .fail)
    }

    /// The resolved values of the parameters rule `id` reads (keys the scenario lacks are left out).
    static func parameters(of id: String, in scenario: Scenario) -> [String: ProofParameter] {
        var out: [String: ProofParameter] = [:]
        for key in PlanVerifier.rule(id).parameters {
            if let value = scenario.parameters.values[key] { out[key] = ProofParameter(value) }
        }
        return out
    }
}
