import Testing
@testable import RotaCore
@testable import RotaPlanner
@testable import RotaVerifier

/// The planner reads `totals.by-sender: 1` as the verifier does: T2.total is met by
/// county hospitals' people alone and T3.total by township centres' helpers alone.
@Suite struct TotalsBySenderPlanTests {
    @Test func plannerMeetsTotalsBySender() throws {
        // Four township centres of 50 medical staff owe ⌈6% × 50⌉ = 3 each (12); two county
        // hospitals of 400 technical staff ⌈1.6% × 400⌉ = 7 each (14) and the secondary
        // hospital 5. Asking 20 and 18 makes both totals bind beyond the quotas.
        let scenario = TestRegion.scenario { s in
            s.parameters.set("totals.by-sender", .integer(1))
            s.parameters.set("T3.total", .integer(20))
            s.parameters.set("T2.total", .integer(18))
        }
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 30)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let tier = Dictionary(uniqueKeysWithValues: scenario.institutions.map { ($0.id, $0.tier) })
        let townshipHelpers = Set(plan.villageHelpers.filter { tier[$0.sender] == .township }.map(\.person))
        let countyT2 = Set(plan.teams.filter { $0.tier == "T2" && tier[$0.sender] == .county }.flatMap(\.members))
        #expect(townshipHelpers.count >= 20)
        #expect(countyT2.count >= 18)
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.render())")
    }
}
