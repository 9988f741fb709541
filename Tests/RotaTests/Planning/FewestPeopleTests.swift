import Testing
@testable import RotaCore
@testable import RotaPlanner
@testable import RotaVerifier

/// `ObjectiveWeights.fewestPeopleFirst`: the plan dispatches no more people than the rules
/// need. In the test region that is 6 (T1: ⌈1.2% × 500⌉, T1.total 6) + 19 (T2: ⌈1.6% × 300⌉ = 5
/// and ⌈1.6% × 400⌉ = 7 twice, above T2.total 15) + 12 (T3: four centres × ⌈6% × 50⌉ = 3, above
/// T3.total 8 and its 2 stationed) = 37, above REGION.total 30; a person holds one posting, so
/// the tiers do not share people.
@Suite struct FewestPeopleTests {
    @Test func dispatchesWhatTheRulesNeedAndNoMore() throws {
        let scenario = TestRegion.scenario()
        var weights = ObjectiveWeights()
        weights.fewestPeopleFirst = true
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 30, weights: weights)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.failures.prefix(5).map(\.instance))")
        let people = Set(plan.teams.flatMap(\.members) + plan.villageHelpers.map(\.person))
        #expect(people.count == 37)
        // No county hospital sends village helpers: the township centres' quotas meet T3.total.
        let tier = Dictionary(uniqueKeysWithValues: scenario.institutions.map { ($0.id, $0.tier) })
        #expect(!plan.villageHelpers.contains { tier[$0.sender] == .county })
        // The default objective sends more (county hospitals add village helpers for coverage).
        guard case .planned(let usual) = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 30)).plan() else { return }
        #expect(Set(usual.teams.flatMap(\.members) + usual.villageHelpers.map(\.person)).count > 37)
    }
}
