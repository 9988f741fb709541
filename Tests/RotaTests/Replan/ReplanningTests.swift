import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// Re-planning heze-mini from 2025-07-01 after each kind of event: the past is frozen exactly,
/// every re-plan passes the independent verifier over the whole year, and an event the plan
/// cannot absorb is a conflict naming the rule and the event.
@Suite struct ReplanningTests {
    static let scenario = try! ScenarioReader.read(path: "Scenarios/mini/heze-mini.yaml")
    static let from = Day(iso: "2025-07-01")!
    /// The earlier year as `rota plan` writes it.
    static let earlier: PlanPipeline.WrittenYear? = {
        guard case .planned(let year) = try? PlanPipeline(scenario: scenario).run() else { return nil }
        return try? PlanPipeline(scenario: scenario).write(plan: year.plan, rota: year.rota)
    }()

    func past(_ rota: Data? = nil) throws -> FrozenPast {
        let e = try #require(Self.earlier)
        return try FrozenPast(planData: e.plan, rotaData: rota ?? e.rota, planFile: "plan.json", rotaFile: "rota.csv", from: Self.from)
    }

    func replan(_ yaml: String, past: FrozenPast? = nil) throws -> (ReplanOutcome, ChangeSet) {
        let changes = try ChangeFileReader.read(yaml: yaml, fileName: "CHANGES.yaml", scenario: Self.scenario, from: Self.from)
        let p = try past ?? self.past()
        return (try PlanPipeline(scenario: changes.apply(to: Self.scenario)).replan(past: p, changes: changes, original: Self.scenario), changes)
    }

    /// The re-plan's rota before the re-plan date is the earlier rota's, entry for entry, and
    /// the whole year passes the verifier (reading the written bytes back).
    func expectFrozenAndVerified(_ r: ReplannedYear, past: FrozenPast, amended: Scenario) throws {
        let before = { (e: RotaEntry) in Day(iso: e.date)! < Self.from }
        #expect(Set(r.rota.entries.filter(before)) == Set(past.rota.filter(before)))
        let plan = try #require(r.files.first { $0.name == "plan.json" })
        let rota = try #require(r.files.first { $0.name == "rota.csv" })
        guard case .data(let planData) = plan.contents, case .data(let rotaData) = rota.contents else { Issue.record("not data"); return }
        let report = VerifiedProof.report(scenario: amended, plan: try PlanReader.decode(planData, file: "plan.json"),
                                          rota: (file: "rota.csv", entries: try RotaCSVReader.read(data: rotaData, path: "rota.csv")))
        #expect(report.failures.allSatisfy { f in r.frozenBreaches.contains { $0.instance == f.instance } }, "\(report.failures.map(\.instance))")
        #expect(r.files.contains { $0.name == "changes.csv" } && r.files.contains { $0.name == "replan.json" })
    }

    @Test func aShortAbsenceTakesOnlyThatPersonsHalfDays() throws {
        let plan = try past().plan
        let member = try #require(plan.teams.first { $0.tier == "T2" }?.members.first)
        let (outcome, changes) = try replan("""
            changes:
              - {absence: \(member), from: 2025-07-07, to: 2025-07-11, reason: training course}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.frozenBreaches.isEmpty && r.postingsChanged.isEmpty)
        #expect(r.method == "kept")
        #expect(r.changes.map(\.person) == [member])
        #expect(r.changes.first.map { "\($0.removed) \($0.added) \($0.first) \($0.last)" } == "10 0 2025-07-07 2025-07-11")
        #expect(r.plan == plan)
    }

    /// A week's absence of two 3331 group members in turn: the visits of July move (the rota
    /// from the re-plan date is scheduled again when keeping it breaks T1.3331), the past stays.
    @Test func shortAbsencesOfTheGroupReplanWithTheVisitsMoved() throws {
        let group = try #require(past().plan.teams.first { $0.group3331 != nil }?.group3331)
        let (outcome, changes) = try replan("""
            changes:
              - {absence: \(group.nurse), from: 2025-07-07, to: 2025-07-11, reason: course}
              - {absence: \(group.doctor), from: 2025-07-14, to: 2025-07-18, reason: course}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(Set([group.nurse, group.doctor]).isSubset(of: Set(r.changes.map(\.person))))
        #expect(r.changes.allSatisfy { $0.first >= "2025-07-01" })
    }

    @Test func aLongAbsenceOfAGroupNurseIsAConflictNamingTheRuleAndTheEvent() throws {
        let nurse = try #require(past().plan.teams.first { $0.group3331 != nil }?.group3331?.nurse)
        let (outcome, _) = try replan("""
            changes:
              - absence: \(nurse)
                from: 2025-07-01
                to: 2025-09-30
                reason: sick leave
            """)
        guard case .conflict(let found) = outcome else { Issue.record("expected a conflict, got \(outcome)"); return }
        let leave = try #require(found.first { $0.check.instance.hasPrefix("PERSON.leave[\(nurse)@") })
        #expect(leave.events.map(\.source) == ["CHANGES.yaml:2"])
    }

    @Test func aDepartureOfAPostedMemberIsAConflictNamingTheDeparture() throws {
        let member = try #require(past().plan.teams.first { $0.tier == "T2" }?.members.last)
        let (outcome, _) = try replan("""
            changes:
              - {departure: \(member), date: 2025-08-01, reason: resigned}
            """)
        guard case .conflict(let found) = outcome else { Issue.record("expected a conflict, got \(outcome)"); return }
        #expect(found.contains { $0.check.instance.hasPrefix("PERSON.leave[\(member)@") && $0.events.count == 1 })
    }

    @Test func aNewCandidateChangesNothing() throws {
        let (outcome, changes) = try replan("""
            changes:
              - {new-candidate: hzm-99, name: 李娜, institution: hz-municipal, role: nurse, available: 2025-08-01, reason: hired}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.changes.isEmpty)
    }

    @Test func aHeadCountThatRaisesTheQuotaBeyondTheTeamIsAConflict() throws {
        // 1.2% of 10,000 is 120 people: more than hz-municipal sends.
        let (outcome, _) = try replan("""
            changes:
              - {head-count: hz-municipal, technical-staff: 10000, reason: census}
            """)
        guard case .conflict(let found) = outcome else { Issue.record("expected a conflict, got \(outcome)"); return }
        let quota = try #require(found.first { $0.check.instance == "T1.quota[hz-municipal]" })
        #expect(quota.events.map(\.source) == ["CHANGES.yaml:2"])
    }

    @Test func aVillageChangeNoDutyDependsOnChangesNothing() throws {
        let plan = try past().plan
        let used = Set(plan.villageHelpers.map(\.site) + plan.teams.compactMap { $0.group3331?.workstation })
        let village = try #require(Self.scenario.institutions.first { $0.tier == .village && !used.contains($0.id) })
        let (outcome, changes) = try replan("""
            changes:
              - {village: \(village.id), village-doctor: true, integrated: true, reason: a village doctor arrived}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.changes.isEmpty)
    }

    /// A past that already breaks a rule (a posted member missing from the rota for a week of
    /// March) is said, and the rest of the year is planned.
    @Test func aFrozenPastThatAlreadyBreaksARuleIsSaidAndTheRestPlanned() throws {
        let e = try #require(Self.earlier)
        let member = try #require(try past().plan.teams.first { $0.tier == "T2" }?.members.first)
        let text = String(decoding: e.rota, as: UTF8.self)
        let separator = text.contains("\r\n") ? "\r\n" : "\n"
        let lines = text.components(separatedBy: separator)
        let kept = lines.filter { !($0.hasPrefix("\(member),") && $0.contains(",2025-03-1")) }
        try #require(kept.count < lines.count)
        let broken = try past(Data(kept.joined(separator: separator).utf8))
        let (outcome, changes) = try replan("""
            changes:
              - {new-candidate: hzm-99, name: 李娜, institution: hz-municipal, role: nurse}
            """, past: broken)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        #expect(r.frozenBreaches.map(\.instance).contains { $0.hasPrefix("ROTA.posting[\(member)@") })
        try expectFrozenAndVerified(r, past: broken, amended: changes.apply(to: Self.scenario))
    }
}
