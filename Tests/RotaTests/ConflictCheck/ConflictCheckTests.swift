import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaConflictCheck

/// The independent conflict re-check: real conflicts are confirmed, every forged field and
/// every false claim is refused — whatever the planner says.
@Suite struct ConflictCheckTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String, tweak: (inout Scenario) -> Void = { _ in }) throws -> Scenario {
        var s = try ScenarioReader.read(path: root.appendingPathComponent("Scenarios/infeasible/\(name).yaml").path)
        tweak(&s)
        return s
    }

    /// The planner's conflict for a scenario.
    static func plannersConflict(_ scenario: Scenario) throws -> ConflictExplanation {
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 60)).plan()
        guard case .infeasible(let why) = outcome else { throw CancellationError() }
        return why
    }

    /// A conflict naming one total, as the planner would write it.
    static func totalClaim(_ scenario: Scenario, rule: String, achievable: Int) -> ConflictExplanation {
        let required = scenario.parameters.int(rule)
        var c = ConflictExplanation(scenario: scenario.name, items: [.init(
            rule: rule, instance: rule, subjects: [], required: required, achievable: achievable,
            clause: RuleCatalogue.rule(rule)!.clause,
            message: ConflictWording.total(rule: rule, required: required, achievable: achievable))])
        c.scenarioDigest = ScenarioCanonicalForm.sha256(scenario)
        return c
    }

    @Test(arguments: ["quota-short", "team-mix", "locality", "leave", "stationing", "seven-runs"])
    func confirmsTheRealConflictsOfTheInfeasibleScenarios(name: String) throws {
        let s = try Self.scenario(name)
        let why = try Self.plannersConflict(s)
        #expect(ConflictCheck(scenario: s).check(why) == [], "\(name): \(why.render())")
    }

    /// Three eligible villages hold six half-year stints (rules.md, "Stationing stints"): the
    /// claim that they cannot hold 6 — the planner's model made it — is refused, and how the
    /// stints meet it is named.
    @Test func refusesTheFalseStationingClaim() throws {
        let s = try Self.scenario("stationing") { $0.parameters.set("T3.total.stationed", .integer(6)) }
        #expect(s.parameters.int("T3.station-months") == 6)
        let problems = ConflictCheck(scenario: s).check(Self.totalClaim(s, rule: "T3.total.stationed", achievable: 3))
        #expect(problems.first == "not a conflict: a person-level assignment meets the named rule instance", "\(problems)")
        #expect(problems.contains { $0.contains("up to 6 possible (3 villages open to stationing × 2 stints") }, "\(problems)")
        // And 4 (what Scenarios/infeasible/stationing.yaml asked before stints) is no conflict either.
        let four = try Self.scenario("stationing") { $0.parameters.set("T3.total.stationed", .integer(4)) }
        #expect(ConflictCheck(scenario: four).check(Self.totalClaim(four, rule: "T3.total.stationed", achievable: 3)).first?.hasPrefix("not a conflict") == true)
    }

    /// Seven stationed helpers do not fit in 3 villages × 2 stints: confirmed, with 6 achievable.
    @Test func confirmsAStationedTotalAboveTheStints() throws {
        let s = try Self.scenario("stationing") { $0.parameters.set("T3.total.stationed", .integer(7)) }
        #expect(ConflictCheck(scenario: s).check(Self.totalClaim(s, rule: "T3.total.stationed", achievable: 6)) == [])
        let understated = ConflictCheck(scenario: s).check(Self.totalClaim(s, rule: "T3.total.stationed", achievable: 3))
        #expect(understated.contains("T3.total.stationed: achievable 3 in the conflict, 6 recomputed"), "\(understated)")
        // With one-year stints a village holds one helper: 3 villages, 3 achievable.
        let yearLong = try Self.scenario("stationing") { $0.parameters.set("T3.station-months", .integer(12)) }
        #expect(ConflictCheck(scenario: yearLong).check(Self.totalClaim(yearLong, rule: "T3.total.stationed", achievable: 3)) == [])
    }

    // MARK: Forged fields, each refused

    static func quotaShort() throws -> (Scenario, ConflictExplanation) {
        let s = try scenario("quota-short")
        return (s, try plannersConflict(s))
    }

    @Test func refusesAForgedMessage() throws {
        var (s, c) = try Self.quotaShort()
        c.items[0].message = c.items[0].message.replacingOccurrences(of: "lists 12 candidates", with: "lists 11 candidates")
        let problems = ConflictCheck(scenario: s).check(c)
        #expect(problems.count == 1 && problems[0].hasPrefix("T1.quota[hz-tcm]: message differs from the facts recomputed"), "\(problems)")
        // Even a change a reader cannot see (a trailing blank).
        c.items[0].message = try Self.quotaShort().1.items[0].message + " "
        #expect(!ConflictCheck(scenario: s).check(c).isEmpty)
    }

    @Test func refusesAForgedRuleClauseSubjectsRequiredAchievable() throws {
        let (s, c) = try Self.quotaShort()
        let check = ConflictCheck(scenario: s)
        var rule = c; rule.items[0].rule = "T2.quota"
        #expect(check.check(rule) == ["T1.quota[hz-tcm]: rule \"T2.quota\" in the conflict, the instance is of T1.quota"])
        var clause = c; clause.items[0].clause = "Heze Annex 3 §二(二)"
        #expect(check.check(clause).first?.hasPrefix("T1.quota[hz-tcm]: clause \"Heze Annex 3 §二(二)\" in the conflict") == true)
        var subjects = c; subjects.items[0].subjects = ["hz-municipal"]
        #expect(check.check(subjects) == ["T1.quota[hz-tcm]: subjects [\"hz-municipal\"] in the conflict, [\"hz-tcm\"] recomputed"])
        var required = c; required.items[0].required = 16
        #expect(check.check(required) == ["T1.quota[hz-tcm]: required 16 in the conflict, 15 recomputed"])
        var achievable = c; achievable.items[0].achievable = 14
        #expect(check.check(achievable).contains("T1.quota[hz-tcm]: achievable 14 in the conflict, 12 recomputed"))
    }

    @Test func refusesADuplicatedItemAndAnInstanceNamedTwice() throws {
        let (s, c) = try Self.quotaShort()
        var twice = c; twice.items.append(c.items[0])
        #expect(ConflictCheck(scenario: s).check(twice) == ["item 2 repeats item 1 (T1.quota[hz-tcm])"])
        var again = c; again.items.append(c.items[0]); again.items[1].message += "!"
        #expect(ConflictCheck(scenario: s).check(again) == ["T1.quota[hz-tcm]: named twice (items 1 and 2)"])
    }

    @Test func refusesAWrongScenarioFormatOrUnknownInstance() throws {
        let (s, c) = try Self.quotaShort()
        let check = ConflictCheck(scenario: s)
        var name = c; name.scenario = "heze-mini-2025"
        #expect(check.check(name) == ["scenario: the conflict names \"heze-mini-2025\", the scenario is \"infeasible-quota-short-2025\""])
        var format = c; format.format = "rota-conflict/1"   // one conflict, no advice: an older file
        #expect(check.check(format).count == 1)
        // The conflict of another scenario: its digest and its numbers differ.
        let other = try Self.scenario("team-mix")
        #expect(ConflictCheck(scenario: other).check(c).contains { $0.hasPrefix("scenario digest") })
        var unknown = c; unknown.items[0].instance = "T1.quota[hz-nowhere]"
        #expect(check.check(unknown) == ["T1.quota[hz-nowhere]: not a rule instance of this scenario that a conflict may name"])
        var none = c; none.items = []
        #expect(check.check(none) == ["the conflict names no rule instance"])
    }

    /// A set with an instance the others already rule out is not minimal.
    @Test func refusesANonMinimalSet() throws {
        let (s, c) = try Self.quotaShort()
        var padded = c
        let total = Self.totalClaim(s, rule: "T1.total", achievable: 0).items[0]
        padded.items.append(total)
        let problems = ConflictCheck(scenario: s).check(padded)
        #expect(problems.contains("not minimal: without T1.total the others still cannot all hold"), "\(problems)")
    }

    // MARK: Several conflicts in one file

    /// The six independent conflicts of the "7-run county", each checked on its own.
    static func sevenRuns() throws -> (Scenario, ConflictExplanation) {
        let s = try scenario("seven-runs")
        return (s, try plannersConflict(s))
    }

    /// Two independent conflicts filed as one are not minimal: either half already cannot hold.
    @Test func refusesTwoConflictsFiledAsOne() throws {
        let (s, c) = try Self.sevenRuns()
        #expect(c.conflictCount == 6)
        var merged = c
        for i in merged.items.indices where merged.items[i].conflict == 2 { merged.items[i].conflict = 1 }
        for i in merged.items.indices where merged.items[i].conflict > 2 { merged.items[i].conflict -= 1 }
        merged.advice = []
        let problems = ConflictCheck(scenario: s).check(merged)
        #expect(problems.contains { $0.hasPrefix("conflict 1: not minimal: without ") }, "\(problems)")
    }

    /// Conflict numbers run 1, 2, … in item order; a gap or a number out of order is refused.
    @Test func refusesConflictNumbersOutOfOrder() throws {
        let (s, c) = try Self.sevenRuns()
        var gap = c
        for i in gap.items.indices where gap.items[i].conflict == 6 { gap.items[i].conflict = 7 }
        #expect(ConflictCheck(scenario: s).check(gap).first?.hasPrefix("conflict numbers 1, 2, 3, 4, 5, 7 in item order") == true)
        var swapped = c
        swapped.items.swapAt(0, swapped.items.count - 1)
        #expect(ConflictCheck(scenario: s).check(swapped).first?.hasPrefix("conflict numbers") == true)
    }

    /// A lowered total must start from the scenario's number and go down, in the shared wording.
    @Test func refusesForgedAdvice() throws {
        let (s, c) = try Self.sevenRuns()
        let line = try #require(c.advice.firstIndex { $0.parameter == "T3.total" })
        #expect(c.advice[line].from == 40)
        var from = c; from.advice[line].from = 50
        #expect(ConflictCheck(scenario: s).check(from).contains("advice \(line + 1): T3.total is 40 in the scenario, the advice says 50"))
        var up = c; up.advice[line].to = 45
        #expect(ConflictCheck(scenario: s).check(up).contains("advice \(line + 1): T3.total advised 45, expected a value from 0 to 40"))
        var twice = c; twice.advice.append(c.advice[line])
        #expect(ConflictCheck(scenario: s).check(twice) == ["advice \(c.advice.count + 1) repeats advice \(line + 1)"])
        var conflicts = c; conflicts.advice[line].conflicts = [9]
        #expect(ConflictCheck(scenario: s).check(conflicts).contains("advice \(line + 1): names conflict 9, the file has 6"))
    }

    /// The team-mix line groups one sender's recipients; dropping one of them from the line is refused.
    @Test func checksAGroupedTeamLine() throws {
        let s = try Self.scenario("team-mix")
        let c = try Self.plannersConflict(s)
        let line = try #require(c.items.firstIndex { $0.rule == "T2.team-mix" })
        var shorter = c
        shorter.items[line].instance = c.items[line].instance.split(separator: " ").dropLast().joined(separator: " ")
        #expect(!ConflictCheck(scenario: s).check(shorter).isEmpty)
        var otherGroup = c
        otherGroup.items[line].message = otherGroup.items[line].message.replacingOccurrences(of: "nurse", with: "doctor")
        #expect(!ConflictCheck(scenario: s).check(otherGroup).isEmpty)
    }

    /// The planner's conflicts on the synthetic test region, of other rules, are confirmed.
    @Test(arguments: ["quota", "t1-team-mix", "tcm"])
    func confirmsThePlannersConflictsOnTheTestRegion(kind: String) throws {
        let s = TestRegion.scenario { s in
            switch kind {
            case "quota": s.institutions[0].technicalStaff = 2000
            case "t1-team-mix": s.staff = s.staff.filter { !($0.institution == "city-a" && $0.role == .nurse) }
            default: s.staff = s.staff.filter { !$0.isSeniorTCMPhysician }
            }
        }
        let why = try Self.plannersConflict(s)
        #expect(ConflictCheck(scenario: s).check(why) == [], "\(kind): \(why.render())")
    }
}
