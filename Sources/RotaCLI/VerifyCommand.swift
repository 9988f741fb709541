import ArgumentParser
import Foundation
import Rota

/// `rota verify SCENARIO PLAN`: checks a plan.json against every rule of its scenario with
/// the independent verifier, prints the report, and exits 0 when every rule instance holds,
/// 1 when one is broken, 2 when the scenario or plan file cannot be read.
///
/// ```text
/// $ rota verify Scenarios/heze-mini.yaml out/plan.json
/// Verification of the plan for scenario heze-mini-2025 (profile heze-city, period 2025-01-01..2025-12-31)
/// …
/// PASSES: all 214 rule instances hold.
/// ```
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a plan.json against every rule of its scenario, independently of the planner.",
        discussion: """
            Re-derives every rule instance (quotas, team sizes, durations, localities, 3331 \
            workstations, village help, TCM clinics, leave, totals) from the scenario and checks \
            the plan in integer arithmetic. Exit 0: the plan complies; 1: it breaks a rule; \
            2: the scenario or the plan file cannot be read.
            """
    )

    @Argument(help: "The scenario YAML file the plan was made for.")
    var scenario: String

    @Argument(help: "The plan.json file to check (as written by `rota plan`).")
    var plan: String

    @OptionGroup var proofOptions: ProofOptions

    func run() throws {
        // Read both files first, so one run lists the problems of both.
        var diagnostics: [Diagnostic] = []
        var scenario: Scenario?
        var plan: Plan?
        do { scenario = try ScenarioReader.read(path: self.scenario) } catch { diagnostics += error.diagnostics }
        do { plan = try PlanReader.read(path: self.plan) } catch { diagnostics += error.diagnostics }
        guard let scenario, let plan, diagnostics.isEmpty else {
            for d in diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            throw ExitCode(2)
        }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        FileHandle.standardOutput.write(Data(report.render().utf8))
        try proofOptions.writeIfAsked(scenario: scenario, scenarioPath: self.scenario, plan: plan, planPath: self.plan, report: report)
        if !report.passed { throw ExitCode(1) }
    }
}
