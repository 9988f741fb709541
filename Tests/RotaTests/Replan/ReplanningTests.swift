import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaOutput

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

    /// The issue's case: a 3331 group nurse away three months from the re-plan date. Her leave
    /// breaks PERSON.leave, so exactly her posting changes: a free nurse of the same sender
    /// takes over her place and group role from 2025-07-01, with her half-days; nobody else's
    /// duties move, and the whole year passes the verifier.
    @Test func aLongAbsenceOfAGroupNurseHandsHerPostingToAColleagueOfTheSameSender() throws {
        let team = try #require(past().plan.teams.first { $0.group3331 != nil })
        let nurse = team.group3331!.nurse
        let (outcome, changes) = try replan("""
            changes:
              - absence: \(nurse)
                from: 2025-07-01
                to: 2025-09-30
                reason: sick leave
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.postingsChanged.count == 1)
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(h.team == team.id && h.person == nurse && h.from == Self.from)
        let staff = Self.scenario.staffIndex()
        #expect(staff[h.replacement]?.institution == team.sender && staff[h.replacement]?.role == .nurse)
        #expect(!(try past().plan.teams.flatMap(\.members).contains(h.replacement)))
        // The team's plan: the same members as formed, the replacement recorded, group role passed on.
        let now = try #require(r.plan.teams.first { $0.id == team.id })
        #expect(now.members == team.members && now.replacements?.map(\.replacement) == [h.replacement])
        #expect(now.spans.last?.group3331?.nurse == h.replacement)
        // Fewest changed half-days: the nurse's half-days from the date pass to the replacement, nobody else's move.
        #expect(r.method == "handed over")
        #expect(Set(r.changes.map(\.person)) == [nurse, h.replacement])
        let out = try #require(r.changes.first { $0.person == nurse }), in_ = try #require(r.changes.first { $0.person == h.replacement })
        #expect(out.added == 0 && out.removed > 0 && in_.removed == 0 && in_.added == out.removed)
        // How the rules are met, in the verifier's words.
        #expect(r.postingsChanged[0].rulesMet.contains { $0.hasPrefix("T1.team-size[\(team.id)]") && $0.contains("then \(h.replacement) (nurse, same sender) from 2025-07-01") })
        #expect(r.postingsChanged[0].events.map(\.source) == ["CHANGES.yaml:2"])
        let csv = try #require(r.files.first { $0.name == "changes.csv" })
        guard case .data(let bytes) = csv.contents else { Issue.record("not data"); return }
        // changes.csv, for the HR offices: Chinese header and texts, as assignments.csv and rota.csv are written.
        let csvText = String(decoding: bytes, as: UTF8.self)
        #expect(csvText.hasPrefix("\u{FEFF}" + ChangesCSV.header.joined(separator: ",") + "\r\n"))
        let rows = CSVTable.parse(String(csvText.dropFirst())).records.dropFirst().filter { !$0.isBlank }.map(\.cells)
        let staffNames = Self.scenario.staffIndex()
        let out_ = try #require(rows.first { $0[0] == nurse }), in__ = try #require(rows.first { $0[0] == h.replacement })
        #expect(out_[3] == "自2025-07-01起\(team.id)团队岗位交由\(staffNames[h.replacement]!.name)（\(h.replacement)）接替" && out_[4] == "减少")
        #expect(in__[3] == "自2025-07-01起接替\(staffNames[nurse]!.name)（\(nurse)）的\(team.id)团队岗位" && in__[4] == "增加")
        #expect(out_[9] == "请假 2025-07-01至2025-09-30：sick leave [CHANGES.yaml:2]" && in__[9].hasPrefix("接替\(staffNames[nurse]!.name)（\(nurse)）：请假"))
        #expect(out_[1] == staffNames[nurse]!.name && out_[2] == team.sender && Int(out_[5]) == r.changes.first { $0.person == nurse }?.removed)
        // The report carries the same change section, with how each rule is met.
        let page = try #require(r.files.first { $0.name == "report.html" })
        guard case .data(let html) = page.contents else { Issue.record("not data"); return }
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("<section id=\"changes\">") && text.contains("Postings changed: 1") && text.contains(MarkupText.html("T1.team-size[\(team.id)]")))
        let record = try #require(r.files.first { $0.name == "replan.json" })
        guard case .data(let json) = record.contents else { Issue.record("not data"); return }
        let fields = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(fields["halfDaysChangedBeforeFrom"] as? Int == 0 && (fields["postingsChanged"] as? [Any])?.count == 1)
    }

    @Test func aDepartureOfAPostedMemberHandsThePostingOverFromTheDepartureDate() throws {
        let team = try #require(past().plan.teams.first { $0.tier == "T2" })
        let member = try #require(team.members.last)
        let (outcome, changes) = try replan("""
            changes:
              - {departure: \(member), date: 2025-08-01, reason: resigned}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(r.postingsChanged.count == 1 && h.person == member && h.from == Day(iso: "2025-08-01"))
        // July is served as planned: nothing of the member's changes before the departure.
        #expect(r.changes.allSatisfy { $0.first >= "2025-08-01" || $0.first.isEmpty })
    }

    /// An event that leaves no compliant year: the group nurse away for three months while
    /// every other nurse of her hospital has left. The conflict names the rule instance and
    /// the event that causes it; nothing is planned.
    @Test func anAbsenceNobodyCanTakeOverIsAConflictNamingTheRuleAndTheEvent() throws {
        let team = try #require(past().plan.teams.first { $0.group3331 != nil })
        let nurse = team.group3331!.nurse
        let others = Self.scenario.staff.filter { $0.institution == team.sender && $0.role == .nurse && !team.members.contains($0.id) }
        try #require(!others.isEmpty)
        let departures = others.map { "  - {departure: \($0.id), date: 2025-07-01, reason: left}" }.joined(separator: "\n")
        let (outcome, _) = try replan("""
            changes:
              - {absence: \(nurse), from: 2025-07-01, to: 2025-09-30, reason: sick leave}
            \(departures)
            """)
        guard case .conflict(let found) = outcome else { Issue.record("expected a conflict, got \(outcome)"); return }
        let leave = try #require(found.first { $0.check.instance.hasPrefix("PERSON.leave[\(nurse)@") })
        #expect(leave.events.map(\.source) == ["CHANGES.yaml:2"])
    }

    /// A village no longer eligible for stationing (a village doctor arrived in an integrated
    /// clinic) while a helper is stationed there: T3.station-target breaks, named with the event.
    @Test func aVillageNoLongerEligibleWhereAHelperIsStationedIsAConflict() throws {
        let station = try #require(past().plan.villageHelpers.first { $0.form == .station })
        let (outcome, _) = try replan("""
            changes:
              - {village: \(station.site), village-doctor: true, integrated: true, population: 500, reason: a village doctor arrived}
            """)
        guard case .conflict(let found) = outcome else { Issue.record("expected a conflict, got \(outcome)"); return }
        #expect(found.contains { $0.check.rule == "T3.station-target" && $0.events.map(\.source) == ["CHANGES.yaml:2"] })
    }

    /// A village newly eligible for stationing (its village doctor left): coverage is soft, so
    /// the plan stays and nothing changes.
    @Test func aVillageNewlyEligibleChangesNothing() throws {
        let plan = try past().plan
        let used = Set(plan.villageHelpers.map(\.site))
        let village = try #require(Self.scenario.institutions.first { $0.tier == .village && !used.contains($0.id) && ($0.population ?? 0) >= 800 })
        let (outcome, changes) = try replan("""
            changes:
              - {village: \(village.id), village-doctor: false, reason: the village doctor retired}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.changes.isEmpty && r.postingsChanged.isEmpty && r.plan == plan)
    }

    /// A lower head count lowers a quota the plan already meets: nothing changes.
    @Test func aLowerHeadCountChangesNothing() throws {
        let (outcome, changes) = try replan("""
            changes:
              - {head-count: hz-municipal, technical-staff: 100, reason: census}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.changes.isEmpty && r.postingsChanged.isEmpty)
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

/// The issue's first example and the TCM clinic: a stationed helper ill for three months from
/// July, a TCM physician away for three months, a TCM physician who leaves.
extension ReplanningTests {
    /// The stint is cut at 2025-07-01: the helper's January–June stint and a free colleague of
    /// the same sender's July–December stint, each at least T3.station-months; the village
    /// hosts one helper at a time; the colleague takes over the helper's station half-days.
    @Test func aStationedHelperIllForThreeMonthsHandsTheStationingToAColleague() throws {
        let station = try #require(past().plan.villageHelpers.first { $0.form == .station && $0.start <= "2025-01-01" && $0.end >= "2025-12-31" })
        let (outcome, changes) = try replan("""
            changes:
              - {absence: \(station.person), from: 2025-07-01, to: 2025-09-30, reason: sick leave}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.postingsChanged.count == 1)
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(h.team == "station:\(station.site)" && h.person == station.person && h.from == Self.from && !h.replacement.isEmpty)
        #expect(Self.scenario.staffIndex()[h.replacement]?.institution == station.sender)
        let stints = r.plan.villageHelpers.filter { $0.form == .station && $0.site == station.site }.map { "\($0.person) \($0.start)..\($0.end)" }
        #expect(stints.sorted() == ["\(station.person) 2025-01-01..2025-06-30", "\(h.replacement) 2025-07-01..2025-12-31"].sorted())
        #expect(r.method == "handed over" && Set(r.changes.map(\.person)) == [station.person, h.replacement])
        // How the rule is met, in the verifier's words: both stints long enough, one helper at a time.
        let met = r.postingsChanged[0].rulesMet
        #expect(met.contains { $0.hasPrefix("T3.station-continuity[\(station.person):\(station.site)]") })
        #expect(met.contains { $0.hasPrefix("T3.station-continuity[\(h.replacement):\(station.site)]") })
        #expect(met.contains { $0.hasPrefix("T3.station-target[\(station.site)]") })
    }

    /// A stint cut where the helper has served less than T3.station-months cannot stand: the
    /// verifier says so on the stint.
    @Test func theVerifierRefusesAStintCutBeforeSixMonths() throws {
        let plan = try past().plan
        let station = try #require(plan.villageHelpers.first { $0.form == .station && $0.start <= "2025-01-01" && $0.end >= "2025-12-31" })
        let other = try #require(Self.scenario.staff.first { $0.institution == station.sender && !ReplacementFinder(scenario: Self.scenario, plan: plan).peopleOnDuty.contains($0.id) })
        let cut = PostingHandover(team: "station:\(station.site)", person: station.person, replacement: other.id, from: Day(iso: "2025-04-01")!, reason: "test").apply(to: plan)
        let failures = PlanVerifier(scenario: Self.scenario).verify(cut).failures.map(\.instance)
        #expect(failures.contains("T3.station-continuity[\(station.person):\(station.site)]"))
    }

    /// A TCM physician away three months: the clinic is covered session by session by another
    /// senior TCM doctor who may hold it; no posting changes.
    @Test func aTCMPhysicianAwayIsCoveredSessionBySession() throws {
        let clinic = try #require(past().plan.tcmClinics.first)
        let (outcome, changes) = try replan("""
            changes:
              - {absence: \(clinic.physician), from: 2025-07-01, to: 2025-09-30, reason: sick leave}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        #expect(r.postingsChanged.isEmpty && r.method == "covered")
        let out = try #require(r.changes.first { $0.person == clinic.physician })
        let cover = try #require(r.changes.first { $0.person != clinic.physician })
        #expect(out.removed > 0 && cover.added == out.removed && cover.why.hasPrefix("covers \(clinic.physician)'s TCM clinic"))
        #expect(r.plan == (try past().plan))
    }

    /// A TCM physician who leaves hands the clinic over from the day they leave, to a free
    /// senior TCM doctor of the same hospital (one hired for it here: heze-mini's are all busy).
    @Test func aDepartingTCMPhysicianHandsTheClinicOver() throws {
        let clinic = try #require(past().plan.tcmClinics.first)
        let (outcome, changes) = try replan("""
            changes:
              - {departure: \(clinic.physician), date: 2025-08-01, reason: retired}
              - {new-candidate: tcm-new, name: 王芳, institution: \(clinic.sender), role: doctor, specialty: tcm, title: senior, available: 2025-07-01, reason: hired}
            """)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        try expectFrozenAndVerified(r, past: try past(), amended: changes.apply(to: Self.scenario))
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(r.postingsChanged.count == 1 && h.team == "tcm:\(clinic.centre)" && h.from == Day(iso: "2025-08-01") && h.replacement == "tcm-new")
        let clinics = r.plan.tcmClinics.filter { $0.centre == clinic.centre }.map { "\($0.physician) \($0.start)..\($0.end)" }
        #expect(clinics.contains("\(clinic.physician) \(clinic.start)..2025-07-31") && clinics.contains("\(h.replacement) 2025-08-01..\(clinic.end)"))
        #expect(r.postingsChanged[0].rulesMet.contains { $0.hasPrefix("TCM.weekly[\(clinic.centre)]") })
    }
}
