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

/// One way to break the compliant rota, and the rule instances it must fail exactly.
struct RotaBreakage: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: Set<String>
    let apply: @Sendable (inout Scenario, inout Plan, inout [RotaEntry]) -> Void

    var testDescription: String { name }

    static let TA = RotaVerificationFixture.TA
    static let group = ["hzm-d1", "hzm-n1", "hzm-p1"]

    static let all: [RotaBreakage] = [
        RotaBreakage(name: "drop a 3331 visit day", expected: ["T1.3331[\(TA):2025-09]"]) { _, _, e in
            e = e.toPosting(group, "2025-09-17", "cao-people")
        },
        RotaBreakage(name: "split the group on a day", expected: ["T1.3331[\(TA):2025-09]"]) { _, _, e in
            e = e.toPosting(["hzm-p1"], "2025-09-24", "cao-people")
        },
        RotaBreakage(name: "only two modes in a month", expected: ["T1.3331[\(TA):2025-09]"]) { _, _, e in
            e = e.editing({ $0.date == "2025-09-24" && $0.activity == .lecture3331 }) {
                RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: $0.site, activity: .rounds3331)
            }
        },
        RotaBreakage(name: "two modes on one visit day", expected: ["T1.3331[\(TA):2025-09]"]) { _, _, e in
            e = e.editing({ $0.date == "2025-09-24" && $0.person == "hzm-n1" && $0.half == .pm }) {
                RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: $0.site, activity: .teaching3331)
            }
        },
        RotaBreakage(name: "cram the visits into one week", expected: ["T1.3331[\(TA):2025-09]"]) { _, _, e in
            e = e.toPosting(group, "2025-09-17", "cao-people").toPosting(group, "2025-09-24", "cao-people")
            for (date, mode) in [("2025-09-01", RotaActivity.teaching3331), ("2025-09-02", .lecture3331)] {
                e = e.editing({ group.contains($0.person) && $0.date == date }) {
                    RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: "cao-hanji-v02", activity: mode)
                }
            }
        },
        RotaBreakage(name: "a 3331 visit by a colleague while the group member is at work",
                     expected: ["T1.3331[\(TA):2025-09]", "ROTA.integrity[person:hzm-d2]"]) { _, _, e in
            e = e.toPosting(["hzm-d1"], "2025-09-03", "cao-people").editing({ $0.person == "hzm-d2" && $0.date == "2025-09-03" }) {
                RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: "cao-hanji-v02", activity: .rounds3331)
            }
        },
        RotaBreakage(name: "a station entry by a colleague while the helper is at work",
                     expected: ["ROTA.integrity[person:ch-x1]"]) { _, _, e in
            e.append(RotaEntry(person: "ch-x1", date: "2025-09-10", half: .pm, site: "cao-hanji-v01", activity: .station))
        },
        RotaBreakage(name: "drop a station day", expected: ["T3.station-days[ch-s1:2025-09-08]"]) { _, _, e in
            e = e.removing("ch-s1", "2025-09-10")
        },
        RotaBreakage(name: "move the station village for a week",
                     expected: ["T3.station-days[ch-s1:2025-09-08]", "T3.station-continuity[rota:ch-s1:cao-hanji-v01]",
                                "ROTA.integrity[person:ch-s1]"]) { _, _, e in
            e = e.editing({ $0.person == "ch-s1" && $0.date >= "2025-09-08" && $0.date <= "2025-09-14" }) {
                RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: "cao-hanji-v03", activity: .station)
            }
        },
        RotaBreakage(name: "drop rounds sessions",
                     expected: ["T3.rounds[ca-r1:2025-09-08]", "T3.rounds[area:cao-anling-a1:2025-09-01]",
                                "T3.rounds[area:cao-anling-a1:2025-09-08]"]) { _, _, e in
            e = e.removing("ca-r1", "2025-09-08")
        },
        RotaBreakage(name: "leave a clinic unvisited for two weeks", expected: ["T3.rounds[area:cao-anling-a1:2025-09-08]"]) { _, _, e in
            e = e.editing({ $0.person == "ca-r1" && $0.site == "cao-anling-v01" && $0.date >= "2025-09-08" && $0.date <= "2025-09-21" }) {
                RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: "cao-anling-v02", activity: .rounds)
            }
        },
        RotaBreakage(name: "drop a technical-support visit", expected: ["T3.tech-support[ch-ts1:2025-09-01]"]) { _, _, e in
            e = e.removing("ch-ts1", "2025-09-02")
        },
        RotaBreakage(name: "leave not covered", expected: ["T3.tech-support[ch-ts1:2025-10-13]"]) { _, _, e in
            e = e.filter { $0.person != "ch-x1" }
        },
        RotaBreakage(name: "drop a TCM clinic", expected: ["TCM.weekly[cao-hanji:2025-09-08]"]) { _, _, e in
            e = e.toPosting(["cp-d1"], "2025-09-08", "cao-hanji")
        },
        RotaBreakage(name: "a TCM clinic by a colleague the plan does not name, nobody on leave",
                     expected: ["TCM.weekly[cao-hanji:2025-09-08]", "ROTA.integrity[person:cp-tcm2]"]) { _, _, e in
            e = e.toPosting(["cp-d1"], "2025-09-08", "cao-hanji")
            e.append(RotaEntry(person: "cp-tcm2", date: "2025-09-08", half: .pm, site: "cao-hanji", activity: .tcmClinic))
        },
        RotaBreakage(name: "a person in two places in one slot", expected: ["ROTA.integrity[person:ch-s1]"]) { _, _, e in
            e.append(RotaEntry(person: "ch-s1", date: "2025-09-02", half: .am, site: "cao-hanji-v04", activity: .techSupport))
        },
        RotaBreakage(name: "an entry on a holiday", expected: ["ROTA.integrity[person:ch-s1]"]) { _, _, e in
            e.append(RotaEntry(person: "ch-s1", date: "2025-10-02", half: .am, site: "cao-hanji-v01", activity: .station))
        },
        RotaBreakage(name: "an entry during leave", expected: ["ROTA.integrity[person:ch-ts1]"]) { _, _, e in
            e.append(RotaEntry(person: "ch-ts1", date: "2025-10-14", half: .pm, site: "cao-hanji-v04", activity: .techSupport))
        },
        RotaBreakage(name: "an entry outside the period, an unknown site and person",
                     expected: ["ROTA.integrity[person:ch-s1]", "ROTA.integrity[person:nobody]"]) { _, _, e in
            e.append(RotaEntry(person: "ch-s1", date: "2025-11-03", half: .am, site: "cao-hanji-v01", activity: .station))
            e.append(RotaEntry(person: "ch-s1", date: "2025-09-02", half: .pm, site: "atlantis", activity: .techSupport))
            e.append(RotaEntry(person: "nobody", date: "2025-09-02", half: .pm, site: "cao-hanji-v01", activity: .station))
        },
        RotaBreakage(name: "a posting at the wrong recipient", expected: ["ROTA.integrity[person:cp-n1]",
                                                                         "ROTA.posting[cp-n1@T2:cao-people>cao-hanji]"]) { _, _, e in
            e = e.toPosting(["cp-n1"], "2025-09-10", "cao-people")
        },
        RotaBreakage(name: "a posted member on rounds", expected: ["ROTA.integrity[person:cp-n1]",
                                                                  "ROTA.posting[cp-n1@T2:cao-people>cao-hanji]"]) { _, _, e in
            e = e.editing({ $0.person == "cp-n1" && $0.date == "2025-09-10" && $0.half == .pm }) {
                RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: "cao-anling-v03", activity: .rounds)
            }
        },
        RotaBreakage(name: "a posting absence", expected: ["ROTA.posting[cp-n1@T2:cao-people>cao-hanji]"]) { _, _, e in
            e = e.removing("cp-n1", "2025-09-10", .pm)
        },
    ]
}

@Suite struct RotaVerifierTests {
    let compliant = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan).verify(entries: RotaVerificationFixture.entries)

    func check(_ instance: String, in checks: [RuleCheck]? = nil) -> RuleCheck? {
        (checks ?? compliant).first { $0.instance == instance }
    }

    @Test func compliantRotaPassesEveryInstance() {
        let failed = compliant.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed.map { "\($0.instance): \($0.finding)" })")
        var counts: [String: Int] = [:]
        for c in compliant { counts[c.rule, default: 0] += 1 }
        // 16 people; 11 team members; 2 months; 9 weeks each; 8 two-week windows.
        #expect(counts == ["ROTA.integrity": 16, "ROTA.posting": 11, "T1.3331": 2, "T3.station-days": 9,
                           "T3.station-continuity": 1, "T3.rounds": 17, "T3.tech-support": 9, "TCM.weekly": 9])
        #expect(compliant.map(\.rule) == compliant.sorted(by: RotaVerifier.precedes).map(\.rule))
        let section = VerificationReport.RotaSection(file: "rota.csv", entries: RotaVerificationFixture.entries.count, checks: compliant)
        #expect(section.passed)
        #expect(section.families.map(\.rule) == RotaVerifier.ruleOrder)
    }

    @Test(arguments: RotaBreakage.all)
    func eachBreakageFailsExactlyItsRules(_ b: RotaBreakage) {
        var scenario = RotaVerificationFixture.scenario, plan = RotaVerificationFixture.plan, entries = RotaVerificationFixture.entries
        b.apply(&scenario, &plan, &entries)
        let checks = RotaVerifier(scenario: scenario, plan: plan).verify(entries: entries)
        let failing = Set(checks.filter { !$0.passed }.map(\.instance))
        #expect(failing == b.expected, "\(b.name): \(checks.filter { !$0.passed }.map { "\($0.instance): \($0.finding)" })")
    }

    @Test func the3331MonthsInNumbers() throws {
        let sep = try #require(check("T1.3331[\(RotaVerificationFixture.TA):2025-09]"))
        #expect(sep.arithmetic == "visits 3 ≥ 3 = min(3, 23 working days); modes 3 ≥ 3 = min(3, 3 visits); "
                + "busiest week 1 ≤ ⌈3 / 5⌉ + 1 = 2; split days 0 = 0; mixed-mode days 0 = 0")
        let oct = try #require(check("T1.3331[\(RotaVerificationFixture.TA):2025-10]"))
        #expect(oct.quantity("workingDays") == 18)
        #expect(oct.quantity("weeks") == 4)
        #expect(oct.quantity("covers") == 1)
        #expect(oct.witnesses.contains(Witness(.person, "hzm-d2", name: "王芳", note: "covers doctor 张伟 (hzm-d1) on leave 2025-10-15")))
        #expect(oct.clause == RuleCatalogue.rule("T1.3331")!.clause)
    }

    @Test func crammedVisitsNameTheWeek() throws {
        let b = RotaBreakage.all.first { $0.name == "cram the visits into one week" }!
        var s = RotaVerificationFixture.scenario, p = RotaVerificationFixture.plan, e = RotaVerificationFixture.entries
        b.apply(&s, &p, &e)
        let c = try #require(check("T1.3331[\(RotaVerificationFixture.TA):2025-09]", in: RotaVerifier(scenario: s, plan: p).verify(entries: e)))
        #expect(c.arithmetic.contains("busiest week 3 > ⌈3 / 5⌉ + 1 = 2"))
        #expect(c.witnesses.contains(Witness(.dates, "2025-09-01..2025-09-07", note: "3 visits in one week")))
    }

    @Test func holidayWeeksRelaxAndPass() throws {
        // The National Day weeks: 2 and 3 working days.
        let w1 = try #require(check("T3.station-days[ch-s1:2025-09-29]"))
        #expect(w1.passed)
        #expect(w1.quantities == [Quantity("workingDays", 2), Quantity("leaveDays", 0), Quantity("asked", 5),
                                  Quantity("required", 2), Quantity("days", 2)])
        #expect(w1.arithmetic == "days 2 ≥ 2 = min(5, 2 working − 0 on leave)")
        #expect(w1.finding.contains("relaxed to 2: 2 working days (holidays 2025-10-01, 2025-10-02, 2025-10-03)"))
        let w2 = try #require(check("T3.station-days[ch-s1:2025-10-06]"))
        #expect(w2.passed && w2.quantity("required") == 3 && w2.quantity("days") == 3)
        // A 6-day week (Sunday 09-28 worked) still asks for 5.
        #expect(check("T3.station-days[ch-s1:2025-09-22]")?.quantity("required") == 5)
        let tech = try #require(check("T3.tech-support[ch-ts1:2025-09-29]"))
        #expect(tech.passed && tech.quantity("required") == 2)
        #expect(check("TCM.weekly[cao-hanji:2025-10-06]")?.arithmetic == "clinics 1 ≥ min(1, 3 working days) = 1")
    }

    @Test func leaveWeeks() throws {
        // Stationing: 2 days of leave relax the week to 3.
        let station = try #require(check("T3.station-days[ch-s1:2025-09-15]"))
        #expect(station.passed)
        #expect(station.arithmetic == "days 3 ≥ 3 = min(5, 5 working − 2 on leave)")
        #expect(station.finding.contains("relaxed to 3: 2 working days on leave"))
        // A colleague of the same centre may cover the stationing on the leave days.
        var e = RotaVerificationFixture.entries
        for d in ["2025-09-15", "2025-09-16"] {
            e.append(RotaEntry(person: "ch-x1", date: d, half: .am, site: "cao-hanji-v01", activity: .station))
        }
        let covered = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan).verify(entries: e)
        #expect(covered.filter { !$0.passed }.isEmpty)
        #expect(check("T3.station-days[ch-s1:2025-09-15]", in: covered)?.witnesses
                .contains(Witness(.person, "ch-x1", name: "冯雪", note: "covers at the village this week")) == true)
        // Technical support: a colleague of the same centre covers the whole week.
        let tech = try #require(check("T3.tech-support[ch-ts1:2025-10-13]"))
        #expect(tech.passed)
        #expect(tech.arithmetic == "visits own 0 + cover 2 = 2 ≥ min(2, 5 working days) = 2")
        #expect(tech.finding.contains("by 冯雪 (ch-x1) covering; 程刚 (ch-ts1) on leave"))
        // TCM: a senior TCM colleague of the named physician's hospital.
        let tcm = try #require(check("TCM.weekly[cao-hanji:2025-10-20]"))
        #expect(tcm.passed && tcm.quantity("cover") == 1)
        // The posting excuses leave days.
        let posting = try #require(check("ROTA.posting[cp-d1@\(RotaVerificationFixture.T2A)]"))
        #expect(posting.quantity("leaveDays") == 5)
        #expect(posting.quantity("otherDuty") == 8)
    }

    /// Issue 10: a TCM clinic may be covered by any senior TCM doctor the rules let hold it (a
    /// city hospital's, or a county hospital's of the centre's county), not only by the named
    /// physician's colleagues; a county hospital of another county may not.
    @Test func aTCMCoverMayComeFromAnyEligibleHospital() throws {
        var s = RotaVerificationFixture.scenario
        s.institutions.append(Institution(id: "shan-people", name: "单县人民医院", tier: .county, county: "shan", technicalStaff: 300))
        s.staff.append(StaffMember(id: "hzm-tcm", name: "郭志明", institution: "hz-municipal", role: .doctor, specialty: "tcm", title: .senior))
        s.staff.append(StaffMember(id: "sp-tcm", name: "苏晓梅", institution: "shan-people", role: .doctor, specialty: "tcm", title: .senior))
        func verdict(coveredBy person: String) -> RuleCheck? {
            let e = RotaVerificationFixture.entries.map { e in
                e.person == "cp-tcm2" && e.activity == .tcmClinic && e.date == "2025-10-20"
                    ? RotaEntry(person: person, date: e.date, half: e.half, site: e.site, activity: e.activity) : e
            }
            let checks = RotaVerifier(scenario: s, plan: RotaVerificationFixture.plan).verify(entries: e)
            return check("TCM.weekly[cao-hanji:2025-10-20]", in: checks)
        }
        #expect(verdict(coveredBy: "hzm-tcm")?.passed == true)
        #expect(verdict(coveredBy: "hzm-tcm")?.quantity("cover") == 1)
        #expect(verdict(coveredBy: "sp-tcm")?.passed == false)
    }

    @Test func aCoverCountsOnceWhenTheColleagueSharesTheArea() throws {
        // A second rounds helper of the same centre in the same area; 袁媛 on leave 10-27..10-31.
        var s = RotaVerificationFixture.scenario, p = RotaVerificationFixture.plan
        s.staff.append(StaffMember(id: "ca-r2", name: "韩梅", institution: "cao-anling", role: .doctor, specialty: "general"))
        s.staff[s.staff.firstIndex { $0.id == "ca-r1" }!].unavailable = [RotaVerificationFixture.range("2025-10-27", "2025-10-31")]
        p.villageHelpers.append(PlanVillageHelper(person: "ca-r2", sender: "cao-anling", form: .rounds, site: "cao-anling-a1",
                                                  start: "2025-09-01", end: "2025-10-31"))
        let base = RotaVerificationFixture.entries.filter { !($0.person == "ca-r1" && $0.date >= "2025-10-27") }
        var extra: [RotaEntry] = []
        // 韩梅's own weeks: a morning at one clinic and an afternoon at another — two visits.
        for d in ["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "2025-10-09", "2025-10-13", "2025-10-20"] {
            extra.append(RotaEntry(person: "ca-r2", date: d, half: .am, site: "cao-anling-v05", activity: .rounds))
            extra.append(RotaEntry(person: "ca-r2", date: d, half: .pm, site: "cao-anling-v04", activity: .rounds))
        }
        let lastWeek = ["2025-10-27", "2025-10-28"].flatMap { d in HalfDay.allCases.map { (d, $0) } }
        for (n, slot) in lastWeek.enumerated() {
            extra.append(RotaEntry(person: "ca-r2", date: slot.0, half: slot.1, site: RotaVerificationFixture.areaClinics[n], activity: .rounds))
        }
        extra.append(RotaEntry(person: "ca-r2", date: "2025-10-29", half: .am, site: "cao-anling-v05", activity: .rounds))
        // Five sessions: two of 韩梅's own, three to cover 袁媛's two.
        let five = RotaVerifier(scenario: s, plan: p).verify(entries: base + extra)
        #expect(five.filter { !$0.passed }.isEmpty, "\(five.filter { !$0.passed }.map(\.finding))")
        #expect(check("T3.rounds[ca-r1:2025-10-27]", in: five)?.arithmetic == "visits own 0 + cover 2 = 2 ≥ min(2, 5 working days) = 2")
        // Three sessions: her own two, and one left to cover — short by one.
        let three = RotaVerifier(scenario: s, plan: p).verify(entries: base + extra.filter { !($0.date == "2025-10-28") })
        let short = try #require(check("T3.rounds[ca-r1:2025-10-27]", in: three))
        #expect(!short.passed)
        #expect(short.arithmetic == "visits own 0 + cover 1 = 1 < min(2, 5 working days) = 2")
        #expect(short.finding.hasPrefix("shortfall: "))
        #expect(check("T3.rounds[ca-r2:2025-10-27]", in: three)?.passed == true)
    }

    /// rules.md, "Sessions are visits": a morning and an afternoon at one clinic on one day are
    /// one visit; two visits are on two days, or at two clinics.
    @Test func roundsCountVisitsNotHalfDays() throws {
        let s = RotaVerificationFixture.scenario, p = RotaVerificationFixture.plan
        let week = ("2025-09-08", "2025-09-14")
        let others = RotaVerificationFixture.entries.filter { !($0.person == "ca-r1" && $0.date >= week.0 && $0.date <= week.1) }
        func verdict(_ sessions: [(String, HalfDay, String)]) -> RuleCheck? {
            let entries = others + sessions.map { RotaEntry(person: "ca-r1", date: $0.0, half: $0.1, site: $0.2, activity: .rounds) }
            return RotaVerifier(scenario: s, plan: p).verify(entries: entries).first { $0.instance == "T3.rounds[ca-r1:2025-09-08]" }
        }
        let v1 = RotaVerificationFixture.areaClinics[0], v2 = RotaVerificationFixture.areaClinics[1]
        // Morning and afternoon at one clinic on one day: one visit, short.
        let sameDay = try #require(verdict([("2025-09-08", .am, v1), ("2025-09-08", .pm, v1)]))
        #expect(!sameDay.passed)
        #expect(sameDay.arithmetic == "visits 1 < min(2, 5 working days) = 2")
        // Two clinics on one day, or one clinic on two days: two visits.
        #expect(verdict([("2025-09-08", .am, v1), ("2025-09-08", .pm, v2)])?.passed == true)
        #expect(verdict([("2025-09-08", .am, v1), ("2025-09-10", .am, v1)])?.passed == true)
    }

    /// The same reading for technical support (每周到村卫生室不少于2次): a morning and an
    /// afternoon at the clinic on one day are one visit; two days are two.
    @Test func techSupportCountsVisitsNotHalfDays() throws {
        let s = RotaVerificationFixture.scenario, p = RotaVerificationFixture.plan
        let week = ("2025-09-08", "2025-09-14")
        let others = RotaVerificationFixture.entries.filter { !($0.person == "ch-ts1" && $0.date >= week.0 && $0.date <= week.1) }
        func verdict(_ sessions: [(String, HalfDay)]) -> RuleCheck? {
            let entries = others + sessions.map { RotaEntry(person: "ch-ts1", date: $0.0, half: $0.1, site: "cao-hanji-v04", activity: .techSupport) }
            return RotaVerifier(scenario: s, plan: p).verify(entries: entries).first { $0.instance == "T3.tech-support[ch-ts1:2025-09-08]" }
        }
        let sameDay = try #require(verdict([("2025-09-08", .am), ("2025-09-08", .pm)]))
        #expect(!sameDay.passed)
        #expect(sameDay.arithmetic.hasPrefix("visits 1 < min(2, "))
        #expect(verdict([("2025-09-08", .am), ("2025-09-09", .pm)])?.passed == true)
    }

    @Test func integrityNamesEveryProblem() throws {
        var e = RotaVerificationFixture.entries
        e.append(RotaEntry(person: "ch-s1", date: "2025-10-02", half: .am, site: "cao-hanji-v01", activity: .station))
        e.append(RotaEntry(person: "ch-s1", date: "2025-09-02", half: .am, site: "cao-hanji-v04", activity: .techSupport))
        e.append(RotaEntry(person: "ch-s1", date: "2025-9-3", half: .am, site: "cao-hanji-v01", activity: .station))
        let checks = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan).verify(entries: e)
        let c = try #require(check("ROTA.integrity[person:ch-s1]", in: checks))
        #expect(!c.passed)
        #expect(c.quantity("entriesWithProblems") == 3)
        #expect(c.quantity("crowdedSlots") == 1)
        #expect(c.quantity("nonWorkingDays") == 1)
        #expect(c.quantity("unreadableDates") == 1)
        #expect(c.quantity("notPlanned") == 1)
        #expect(c.witnesses.contains(Witness(.dates, "2025-10-02",
                                             note: "am: station at 李庄村卫生室 (cao-hanji-v01): not a working day (public holiday)")))
        #expect(c.witnesses.contains(Witness(.dates, "2025-09-02",
                                             note: "am: 2 entries in one half-day: station at 李庄村卫生室 (cao-hanji-v01), tech-support at 孙楼村卫生室 (cao-hanji-v04)")))
        #expect(c.witnesses.contains { $0.id == "2025-09-02" && $0.note.contains("no tech-support duty that day") })
        #expect(c.witnesses.contains { $0.id == "2025-9-3" && $0.note.contains("is not a date") })
        #expect(c.clause == RotaVerifier.rotaIntegrity.clause)
    }

    @Test func reportHoldsPlanAndRota() throws {
        var e = RotaVerificationFixture.entries
        e = e.removing("ch-ts1", "2025-09-02")
        let rota = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan).section(entries: e, file: "out/rota.csv")
        let plan = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)
        let report = plan.adding(rota: rota)
        #expect(!report.passed)
        #expect(plan.passed)
        #expect(report.failing == ["T3.tech-support[ch-ts1:2025-09-01]"])
        #expect(report.check("T3.tech-support[ch-ts1:2025-09-01]")?.quantity("own") == 1)
        #expect(report.checks.count == 121)
        #expect(report.allChecks.count == 121 + 74)

        let text = report.render()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Rota out/rota.csv: \(e.count) half-day entries"))
        #expect(lines.contains("Rota family             pass  fail  What it asks"))
        #expect(lines.contains { $0.hasPrefix("T3.tech-support            8     1  each technical-support helper") })
        #expect(lines.contains { $0.hasPrefix("ROTA.integrity            16     0  the rota names") })
        #expect(text.contains("FAILS: 1 of 195 rule instances is broken, in 1 rule family."))
        #expect(text.contains("""
            1. T3.tech-support[ch-ts1:2025-09-01] — 程刚 (ch-ts1)
               Finding:  1 visit of technical support at 孙楼村卫生室 (cao-hanji-v04) in the week of 2025-09-01, 2 required
               Numbers:  workingDays 5, asked 2, required 2, own 1, cover 0, holdersOnLeave 0
               Check:    visits 1 < min(2, 5 working days) = 2
               Evidence: cao-hanji-v04 孙楼村卫生室 (clinic); 2025-09-01 (am: tech-support at 孙楼村卫生室 (cao-hanji-v04))
               Source:   菏卫发〔2024〕2号 附件3 §二(三) — 业务技术帮扶主要面向无执业（助理）医师的村卫生室，帮扶人员每周到村卫生室不少于2次，每次不少于半天
            """))
        #expect(!text.contains("- T3.station-days: days a week in the village"))
        #expect(text.contains("- T2.coverage, T3.hometown, T3.scope: soft rules"))

        // A report without a rota reads as before.
        #expect(plan.rota == nil)
        #expect(plan.render().contains("- T3.station-days: days a week in the village: plan.json has no weekly timetable"))
    }
}
