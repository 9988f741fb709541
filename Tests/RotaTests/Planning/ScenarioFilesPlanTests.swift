import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

/// Every scenario in Scenarios/ plans to a plan the independent verifier accepts (and the
/// infeasible ones to a minimal conflict that names their rule), so no committed scenario
/// can drift away from what the tool does.
@Suite struct ScenarioFilesPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["Scenarios/mini/heze-mini.yaml", "Scenarios/heze-mudan-2025.yaml", "Scenarios/yanggu-county-2025.yaml",
                      "Scenarios/heze-city-2025.yaml"])
    func plansToAVerifiedPlanReachingTheTotals(path: String) throws {
        let scenario = try ScenarioReader.read(path: Self.root.appendingPathComponent(path).path)
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 120)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("\(path): \(outcome)"); return }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(path): \(report.failures.prefix(5).map(\.instance))")
        // The profile's totals are reached (the verifier's own counts).
        for rule in ["T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total"] {
            let met = report.checks(rule: rule).allSatisfy { $0.passed }
            #expect(met, "\(path): \(rule)")
        }
        #expect((plan.solver?.gap ?? 1) <= 0.01, "\(path): gap \(plan.solver?.gap ?? -1)")
    }

    @Test(arguments: [("Scenarios/infeasible/quota-short.yaml", "T1.quota"), ("Scenarios/infeasible/team-mix.yaml", "T2.team-mix"),
                      ("Scenarios/infeasible/locality.yaml", "T2.quota"), ("Scenarios/infeasible/stationing.yaml", "T3.total.stationed"),
                      ("Scenarios/infeasible/leave.yaml", "PERSON.leave")])
    func infeasibleScenariosNameTheirRule(path: String, rule: String) throws {
        let scenario = try ScenarioReader.read(path: Self.root.appendingPathComponent(path).path)
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 60)).plan()
        guard case .infeasible(let why) = outcome else { Issue.record("\(path): expected infeasible, got \(outcome)"); return }
        #expect(why.items.contains { $0.rule == rule }, "\(path): \(why.render())")
        // And the conflict re-checks independently (Tests/RotaTests/ConflictCheck has the cases).
        // (stationing.yaml asks 7 stationed helpers of three villages: 3 × 2 half-year stints = 6.)
        let problems = ConflictCheck(scenario: scenario).check(why)
        #expect(problems.isEmpty, "\(path): \(problems)")
    }
}
