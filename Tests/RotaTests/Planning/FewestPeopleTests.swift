import Testing
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// The default objective is lexicographic (issue 10): after the hard rules, the fewest people
/// dispatched. In the test region that is 6 (T1: ⌈1.2% × 500⌉, T1.total 6) + 19 (T2: ⌈1.6% ×
/// 300⌉ = 5 and ⌈1.6% × 400⌉ = 7 twice, above T2.total 15) + 12 (T3: four centres × ⌈6% × 50⌉
/// = 3, above T3.total 8 and its 2 stationed) = 37, above REGION.total 30; a person holds one
/// full-time posting, so the tiers do not share people.
@Suite struct FewestPeopleTests {
    static func people(_ plan: Plan) -> Set<String> { Set(plan.teams.flatMap(\.members) + plan.villageHelpers.map(\.person)) }

    static func planned(_ scenario: Scenario, _ options: PlanningOptions = PlanningOptions(timeLimit: 30)) throws -> Plan? {
        let outcome = try AnnualPlanner(scenario: scenario, options: options).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return nil }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.failures.prefix(5).map(\.instance))")
        return plan
    }

    @Test func theDefaultPlanDispatchesWhatTheRulesNeedAndNoMore() throws {
        let scenario = TestRegion.scenario()
        guard let plan = try Self.planned(scenario) else { return }
        #expect(Self.people(plan).count == 37)
        #expect(DispatchLowerBound(scenario: scenario).region == 37)
        // No county hospital sends village helpers: the township centres' quotas meet T3.total.
        let tier = Dictionary(uniqueKeysWithValues: scenario.institutions.map { ($0.id, $0.tier) })
        #expect(!plan.villageHelpers.contains { tier[$0.sender] == .county })
        // Technical support is still planned where the rules ask for it: rounds helpers, who
        // go to villages anyway, support clinics with no licensed physician.
        let support = plan.villageHelpers.filter { $0.form == .techSupport }
        #expect(!support.isEmpty)
        let rounds = Set(plan.villageHelpers.filter { $0.form == .rounds }.map(\.person))
        #expect(support.allSatisfy { rounds.contains($0.person) })
    }

    /// `person-dispatched: 0` turns level 2 off: coverage then buys people, as before issue 10.
    @Test func turningTheLevelOffSendsMore() throws {
        var scenario = TestRegion.scenario()
        scenario.objective = ObjectiveSettings(values: ["person-dispatched": 0])
        guard let plan = try Self.planned(scenario) else { return }
        #expect(Self.people(plan).count > 37)
        let quality = PlanQuality(plan: plan, scenario: scenario)
        #expect(quality.people.region.excess == Self.people(plan).count - 37)
        #expect(quality.whyAboveBound.contains("person-dispatched is 0"))
    }

    /// A person cost below a coverage gain lets stationing buy people, and the summary says
    /// how many people each unit of coverage cost.
    @Test func aCheaperPersonBuysCoverageAndSaysAtWhatPrice() throws {
        var scenario = TestRegion.scenario()
        scenario.objective = ObjectiveSettings(values: ["person-dispatched": 2, "village-unstationed": 6])
        guard let plan = try Self.planned(scenario) else { return }
        guard let minimum = try Self.planned(TestRegion.scenario()) else { return }
        let bought = Self.people(plan).count - Self.people(minimum).count
        let stationed = PlanQuality(plan: plan, scenario: scenario).villages.covered
            - PlanQuality(plan: minimum, scenario: TestRegion.scenario()).villages.covered
        #expect(bought > 0 && stationed > 0)
        let price = CoveragePrice(plan: plan, minimum: minimum, scenario: scenario)
        #expect(price.extraPeople == bought)
        #expect(price.units.first { $0.name == "eligible villages stationed" }?.gained == stationed)
        #expect(price.render().contains("extra people"))
    }
}
