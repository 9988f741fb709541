import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// Stints and clinics at their edges (heze-mini): a stationing that cannot be cut, one that
/// just ends with nobody taking over, and a TCM clinic whose physician another clinic
/// continues (`takesOverFrom`).
@Suite struct StintEndTests {
    typealias Fixture = ReplanningTests

    /// Re-plans `earlier` (planned on `scenario`) from `from` after the events in `yaml`.
    func replan(_ yaml: String, from: String, scenario: Scenario = Fixture.scenario,
                earlier: PlanPipeline.WrittenYear? = Fixture.earlier) throws -> (ReplanOutcome, ChangeSet, FrozenPast) {
        let e = try #require(earlier)
        let day = Day(iso: from)!
        let past = try FrozenPast(planData: e.plan, rotaData: e.rota, planFile: "plan.json", rotaFile: "rota.csv", from: day)
        let changes = try ChangeFileReader.read(yaml: yaml, fileName: "CHANGES.yaml", scenario: scenario, from: day)
        return (try PlanPipeline(scenario: changes.apply(to: scenario)).replan(past: past, changes: changes, original: scenario), changes, past)
    }

    /// Verified over the whole year, past frozen (the re-plan's files read back).
    func expectVerified(_ r: ReplannedYear, past: FrozenPast, amended: Scenario) throws {
        let before = { (e: RotaEntry) in Day(iso: e.date)! < past.from }
        #expect(Set(r.rota.entries.filter(before)) == Set(past.rota.filter(before)))
        guard case .data(let plan) = try #require(r.files.first { $0.name == "plan.json" }).contents,
              case .data(let rota) = try #require(r.files.first { $0.name == "rota.csv" }).contents else { Issue.record("not data"); return }
        let report = VerifiedProof.report(scenario: amended, plan: try PlanReader.decode(plan, file: "plan.json"),
                                          rota: (file: "rota.csv", entries: try RotaCSVReader.read(data: rota, path: "rota.csv")))
        #expect(report.failures.isEmpty, "\(report.failures.map(\.instance))")
    }

    static func wholeYearStation() throws -> PlanVillageHelper {
        try #require(try Fixture().past().plan.villageHelpers.first { $0.form == .station && $0.start <= "2025-01-01" && $0.end >= "2025-12-31" })
    }

    /// Re-planned from April, a stationed helper away April–June: the stint cut at 2025-04-01
    /// would have served three months, short of T3.station-months whoever serves the rest, and
    /// the leave breaks PERSON.leave on the whole stint. The conflict names both rules, by their
    /// catalogue ids, with the absence that causes them.
    @Test func aStintThatCannotBeCutNamesTheSixMonthRuleAndTheAbsence() throws {
        let station = try Self.wholeYearStation()
        let (outcome, _, _) = try replan("""
            changes:
              - {absence: \(station.person), from: 2025-04-01, to: 2025-06-30, reason: sick leave}
            """, from: "2025-04-01")
        guard case .conflict(let found) = outcome else { Issue.record("expected a conflict, got \(outcome)"); return }
        let stint = try #require(found.first { $0.check.rule == "T3.station-continuity" })
        #expect(stint.check.instance == "T3.station-continuity[\(station.person):\(station.site)]")
        #expect(RuleCatalogue.rule(stint.check.rule)?.parameters == ["T3.station-months"])
        #expect(stint.events.map(\.source) == ["CHANGES.yaml:2"])
        let leave = try #require(found.first { $0.check.rule == "PERSON.leave" })
        #expect(leave.check.instance == "PERSON.leave[\(station.person)@station:\(station.site)]" && leave.events.map(\.source) == ["CHANGES.yaml:2"])
    }

    /// Re-planned from September, a stationed helper who leaves then: eight months served meet
    /// T3.station-months, and nobody could serve the four left for six, so the stint just
    /// ends on 2025-08-31 and the village is left to local staff (coverage is soft). One posting
    /// changes, with no replacement; the helper's village half-days from September are gone.
    @Test func aStintThatJustEndsIsHandedToNobody() throws {
        let station = try Self.wholeYearStation()
        let (outcome, changes, past) = try replan("""
            changes:
              - {departure: \(station.person), date: 2025-09-01, reason: resigned}
            """, from: "2025-09-01")
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectVerified(r, past: past, amended: changes.apply(to: Fixture.scenario))
        #expect(r.postingsChanged.count == 1)
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(h.team == "station:\(station.site)" && h.person == station.person && h.replacement.isEmpty)
        #expect(r.plan.villageHelpers.filter { $0.form == .station && $0.site == station.site }.map { "\($0.person) \($0.start)..\($0.end)" }
                == ["\(station.person) \(station.start)..2025-08-31"])
        #expect(!r.rota.entries.contains { $0.site == station.site && $0.activity == .station && $0.date >= "2025-09-01" })
        #expect(PostingChange.sentence(h).contains("nobody takes it over"))
        let person = try #require(r.changes.first { $0.person == station.person })
        #expect(person.added == 0 && person.removed > 0 && person.first >= "2025-09-01")
        #expect(r.postingsChanged[0].rulesMet.contains { $0.hasPrefix("T3.station-continuity[\(station.person):\(station.site)]") })
    }

    /// A TCM physician who leaves in September hands the clinic to a colleague hired for it
    /// (the next clinic `takesOverFrom` them: the year re-planned once). Re-planned again from
    /// July when they leave then instead: their clinic passes to another newly hired senior TCM
    /// doctor from 2025-07-01, and the September clinic now continues the newcomer, so the
    /// chain in plan.json still holds (PLAN.integrity) and the year verifies.
    @Test func aPhysicianAnotherClinicContinuesHandsOverAndTheChainFollows() throws {
        let clinic = try #require(try Fixture().past().plan.tcmClinics.first { $0.start <= "2025-01-01" && $0.end >= "2025-12-31" })
        // The year as re-planned in September: the physician leaves, a colleague hired for it.
        let (first, september, _) = try replan("""
            changes:
              - {departure: \(clinic.physician), date: 2025-09-01, reason: retired}
              - {new-candidate: tcm-sep, name: 赵敏, institution: \(clinic.sender), role: doctor, specialty: tcm, title: senior, available: 2025-09-01, reason: hired}
            """, from: "2025-09-01")
        guard case .replanned(let year) = first else { Issue.record("the September re-plan fails: \(first)"); return }
        let planned = september.apply(to: Fixture.scenario)
        guard case .data(let planData) = try #require(year.files.first { $0.name == "plan.json" }).contents,
              case .data(let rotaData) = try #require(year.files.first { $0.name == "rota.csv" }).contents else { Issue.record("not data"); return }
        let earlier = PlanPipeline.WrittenYear(plan: planData, rota: rotaData)
        let chain = year.plan.tcmClinics.filter { $0.centre == clinic.centre }.map { "\($0.physician) \($0.start)..\($0.end) \($0.takesOverFrom ?? "-")" }
        try #require(chain == ["\(clinic.physician) \(clinic.start)..2025-08-31 -", "tcm-sep 2025-09-01..\(clinic.end) \(clinic.physician)"], "\(chain)")

        let (outcome, changes, past) = try replan("""
            changes:
              - {departure: \(clinic.physician), date: 2025-07-01, reason: retired}
              - {new-candidate: tcm-jul, name: 王芳, institution: \(clinic.sender), role: doctor, specialty: tcm, title: senior, available: 2025-07-01, reason: hired}
            """, from: "2025-07-01", scenario: planned, earlier: earlier)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectVerified(r, past: past, amended: changes.apply(to: planned))
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(r.postingsChanged.count == 1 && h.team == "tcm:\(clinic.centre)" && h.replacement == "tcm-jul")
        let now = r.plan.tcmClinics.filter { $0.centre == clinic.centre }.map { "\($0.physician) \($0.start)..\($0.end) \($0.takesOverFrom ?? "-")" }
        #expect(now == ["\(clinic.physician) \(clinic.start)..2025-06-30 -", "tcm-jul 2025-07-01..2025-08-31 \(clinic.physician)",
                        "tcm-sep 2025-09-01..\(clinic.end) tcm-jul"], "\(now)")
    }
}
