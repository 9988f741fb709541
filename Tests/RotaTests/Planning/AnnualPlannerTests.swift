import Testing
@testable import Rota

@Suite struct AnnualPlannerTests {
    @Test func plansTheTestRegion() throws {
        let outcome = try AnnualPlanner(scenario: TestRegion.scenario()).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let t1 = plan.teams.filter { $0.tier == "T1" }
        #expect(t1.count >= 1)
        #expect(t1.allSatisfy { $0.members.count >= 6 && $0.group3331 != nil })
        print(String(decoding: try plan.jsonData(), as: UTF8.self))
    }
}
