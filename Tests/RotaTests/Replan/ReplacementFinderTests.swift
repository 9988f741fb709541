import Testing
@testable import RotaCore
@testable import RotaPlanner
@testable import RotaVerifier

/// `rota suggest`'s ranking agrees with the independent verifier: a candidate said to keep
/// every rule, swapped into the plan, gives a plan the verifier passes; one said to break a
/// rule gives a plan that breaks that rule.
@Suite struct ReplacementFinderTests {
    static let scenario = TestRegion.scenario()
    static let plan: Plan? = {
        guard case .planned(let p) = try? AnnualPlanner(scenario: scenario).plan() else { return nil }
        return p
    }()

    @Test func theGroupNurseIsReplacedByAFreeNurseOfTheSameSender() throws {
        let plan = try #require(Self.plan)
        #expect(PlanVerifier(scenario: Self.scenario).verify(plan).passed)
        let team = try #require(plan.teams.first { $0.group3331 != nil })
        let nurse = team.group3331!.nurse
        let finder = ReplacementFinder(scenario: Self.scenario, plan: plan)
        let start = Self.scenario.period.from
        let duties = finder.duties(of: nurse, from: start)
        #expect(duties.map(\.key) == [team.id])
        #expect(duties.first?.groupRole == "nurse")
        let candidates = finder.candidates(replacing: nurse, from: start)
        let onDuty = finder.peopleOnDuty
        #expect(!candidates.isEmpty)
        #expect(candidates.allSatisfy { $0.person.institution == team.sender && !onDuty.contains($0.person.id) })
        // Ranked: no candidate keeping every rule comes after one that breaks a rule.
        #expect(candidates.map(\.broken) == candidates.map(\.broken).sorted())

        let best = try #require(candidates.first)
        #expect(best.keepsEveryRule && best.person.role == .nurse)
        let swapped = finder.plan(replacing: nurse, with: best.person.id)
        #expect(swapped.teams.first { $0.id == team.id }?.group3331?.nurse == best.person.id)
        let report = PlanVerifier(scenario: Self.scenario).verify(swapped)
        #expect(report.passed, "\(report.failures.map(\.instance))")

        if let wrong = candidates.first(where: { c in !c.keepsEveryRule && c.rules.contains { $0.rule == "T1.3331" && !$0.kept } }) {
            let broken = PlanVerifier(scenario: Self.scenario).verify(finder.plan(replacing: nurse, with: wrong.person.id))
            #expect(broken.failures.contains { $0.instance.hasPrefix("T1.3331") })
        }
    }

    @Test func aPersonWithoutDutiesNeedsNobody() throws {
        let plan = try #require(Self.plan)
        let finder = ReplacementFinder(scenario: Self.scenario, plan: plan)
        let free = try #require(Self.scenario.staff.first { !finder.peopleOnDuty.contains($0.id) })
        #expect(finder.duties(of: free.id, from: Self.scenario.period.from).isEmpty)
        #expect(finder.candidates(replacing: free.id, from: Self.scenario.period.from).isEmpty)
    }

    @Test func leaveInTheRestOfThePostingIsCounted() throws {
        let plan = try #require(Self.plan)
        let team = try #require(plan.teams.first { $0.group3331 != nil })
        let nurse = team.group3331!.nurse
        let base = ReplacementFinder(scenario: Self.scenario, plan: plan)
        let best = try #require(base.candidates(replacing: nurse, from: day("2025-07-01")).first)
        // The same candidate on leave for the whole autumn breaks PERSON.leave and drops in rank.
        var s = Self.scenario
        let i = s.staff.firstIndex { $0.id == best.person.id }!
        s.staff[i].unavailable.append(DayRange(from: day("2025-09-01"), to: day("2025-11-30")))
        let after = ReplacementFinder(scenario: s, plan: plan).candidates(replacing: nurse, from: day("2025-07-01"))
        let same = try #require(after.first { $0.person.id == best.person.id })
        #expect(same.rules.contains { $0.rule == "PERSON.leave" && !$0.kept })
        #expect(same.leaveWorkingDays > 20)
        #expect(after.first?.person.id != best.person.id)
    }
}
