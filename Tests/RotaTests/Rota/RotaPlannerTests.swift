import Foundation
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

/// Checks the TestRegion's rota with plain loops over dates, written here without the rota
/// code (working days, weeks and months are recomputed from the scenario).
@Suite struct RotaPlannerTests {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    /// Records at most a few of `problems`, so a broken rule does not flood the log.
    private func expectNone(_ problems: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems.isEmpty, "\(what): \(problems.count) problems, e.g. \(problems.prefix(5).joined(separator: " | "))", sourceLocation: sourceLocation)
    }

    @Test func postingMembersAreAtTheirRecipientEveryWorkingDayOffLeave() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        var problems: [String] = []
        var checked = 0
        for team in f.plan.teams {
            let workstation = team.group3331?.workstation
            for m in team.members {
                for d in facts.workingDays(day(team.start), day(team.end)) where !facts.onLeave(m, d) {
                    for half in ["am", "pm"] {
                        let e = facts.at["\(m)|\(d.iso)|\(half)"] ?? []
                        checked += 1
                        let present = e.count == 1 && e.allSatisfy {
                            ($0.site == team.recipient && ($0.activity == .posting || $0.activity == .tcmClinic))
                                || ($0.activity.is3331Visit && $0.site == workstation)
                        }
                        if !present { problems.append("\(m) \(d.iso) \(half): \(e.map { "\($0.site)/\($0.activity.rawValue)" })") }
                    }
                }
            }
        }
        #expect(checked > 1000)
        expectNone(problems, "posting presence")
    }

    @Test func the3331GroupVisitsTogetherThreeFullDaysAMonthInAllThreeModes() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        let roleOf = Dictionary(uniqueKeysWithValues: f.scenario.staff.map { ($0.id, $0.role) })
        var problems: [String] = []
        var months = 0
        for team in f.plan.teams {
            guard let g = team.group3331 else { continue }
            var visitsByWeek: [Int: Int] = [:]
            var shortMonths = Set<String>()
            for month in 1...12 {
                let first = Day(year: 2025, month: month, day: 1)!
                let last = Day(year: 2025, month: month, day: Day.daysIn(year: 2025, month: month))!
                let key = String(format: "2025-%02d", month)
                let days = facts.workingDays(first, last)
                let required = min(3, days.count)
                var visits = 0
                var modes = Set<RotaActivity>()
                for d in days {
                    // The team's people at the workstation all day in one 3331 mode.
                    let there = team.members.filter { p in
                        let e = facts.entries(p, d)
                        return e.count == 2 && e.allSatisfy { $0.site == g.workstation && $0.activity.is3331Visit }
                    }
                    guard !there.isEmpty else { continue }
                    let dayModes = Set(there.flatMap { facts.entries($0, d).map(\.activity) })
                    let roles = Set(there.compactMap { roleOf[$0] })
                    guard roles.isSuperset(of: [.doctor, .nurse, .pharmacist]), dayModes.count == 1, there.count == 3 else {
                        problems.append("\(team.id) \(d.iso): incomplete visit \(there) \(dayModes)"); continue
                    }
                    visits += 1
                    modes.formUnion(dayModes)
                    visitsByWeek[d.ordinal - (d.weekday - 1), default: 0] += 1
                    // Anyone but the planned three is a recorded cover.
                    for p in there where ![g.doctor, g.nurse, g.pharmacist].contains(p) {
                        let absent = [g.doctor, g.nurse, g.pharmacist].first { roleOf[$0] == roleOf[p] }!
                        #expect(facts.onLeave(absent, d))
                        let monday = Day(ordinal: d.ordinal - (d.weekday - 1)).iso
                        if !f.rota.covers.contains(where: { $0.rule == "T1.3331" && $0.absent == absent && $0.coveredBy == p && $0.week == monday }) {
                            problems.append("\(team.id) \(d.iso): \(p) stands in for \(absent) without a cover record")
                        }
                    }
                }
                months += 1
                if facts.hasShortfall("T1.3331", subject: team.id, period: key) { shortMonths.insert(key); continue }
                if visits < required { problems.append("\(team.id) \(key): \(visits) visits < \(required)") }
                if visits >= 3 && modes.count < 3 { problems.append("\(team.id) \(key): modes \(modes)") }
            }
            // Spread: never two visits in one calendar week (this region always has the weeks).
            for (monday, n) in visitsByWeek where n > 1 {
                let key = Day(ordinal: monday).monthKey
                if !shortMonths.contains(key) { problems.append("\(team.id): \(n) visits in the week of \(Day(ordinal: monday).iso)") }
            }
        }
        #expect(months >= 12)
        expectNone(problems, "3331")
    }

    @Test func a3331MemberOnLeaveIsCoveredBySameRoleColleagueOrReported() throws {
        let f = try RotaFixture.shared.get()
        let team = try #require(f.plan.teams.first { $0.group3331 != nil })
        let roleOf = Dictionary(uniqueKeysWithValues: f.scenario.staff.map { ($0.id, $0.role) })
        for (person, month) in [(f.doctorOnLeave, "2025-03"), (f.nurseOnLeave, "2025-06")] {
            let absent = try #require(person)
            let colleagues = team.members.filter { $0 != absent && roleOf[$0] == roleOf[absent] }
            let covered = f.rota.covers.filter { $0.rule == "T1.3331" && $0.absent == absent && $0.week.hasPrefix(month.prefix(4)) }
            let short = f.rota.shortfalls.contains { $0.rule == "T1.3331" && $0.subject == team.id && $0.period == month }
            if colleagues.isEmpty {
                #expect(short, "\(absent) has no same-role colleague: \(month) must be a shortfall")
            } else {
                #expect(!covered.isEmpty, "\(absent) on leave in \(month): a colleague should stand in")
                #expect(covered.allSatisfy { colleagues.contains($0.coveredBy) })
            }
        }
    }

    @Test func stationedHelpersAreInTheirVillageEnoughDaysEveryWeek() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        var problems: [String] = []
        let stationed = f.plan.villageHelpers.filter { $0.form == .station }
        #expect(!stationed.isEmpty)
        for h in stationed {
            // Continuity: the helper is never anywhere else.
            for e in facts.byPerson[h.person] ?? [] where e.site != h.site || e.activity != .station {
                problems.append("\(h.person) at \(e.site)/\(e.activity.rawValue) on \(e.date)")
            }
            for monday in facts.mondays {
                let from = Day(ordinal: max(monday.ordinal, day(h.start).ordinal)), to = Day(ordinal: min(monday.ordinal + 6, day(h.end).ordinal))
                let days = facts.workingDays(from, to)
                let required = min(5, days.count)
                let present = days.filter { d in facts.at(site: h.site, dates: [d.iso]).contains { $0.activity == .station } }
                if present.count < required && !facts.hasShortfall("T3.station-days", subject: h.person, period: monday.iso) {
                    problems.append("\(h.person) week \(monday.iso): \(present.count) days < \(required)")
                }
                // Not on leave: the helper is there both halves of every working day.
                for d in days where !facts.onLeave(h.person, d) && facts.entries(h.person, d).count != 2 {
                    problems.append("\(h.person) \(d.iso): not there all day")
                }
            }
        }
        expectNone(problems, "stationing")
    }

    @Test func aStationedHelpersLeaveIsCoveredByAColleagueOrReported() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        let absent = try #require(f.stationedOnLeave)
        let h = try #require(f.plan.villageHelpers.first { $0.person == absent && $0.form == .station })
        let covers = f.rota.covers.filter { $0.rule == "T3.station-days" && $0.absent == absent && $0.week == "2025-05-12" }
        let short = facts.hasShortfall("T3.station-days", subject: absent, period: "2025-05-12")
        #expect(!covers.isEmpty || short)
        #expect(facts.entries(absent, day("2025-05-13")).isEmpty)
        // Covers are colleagues of the same hospital without a full-time posting: its other
        // village helpers first, then any other of its listed candidates (rules.md, Leave and postings).
        let fullTime = Set(f.plan.teams.flatMap(\.members) + f.plan.villageHelpers.filter { $0.form == .station }.map(\.person))
        let colleagues = Set(f.scenario.staff.filter { $0.institution == h.sender && !fullTime.contains($0.id) }.map(\.id))
        for c in covers { #expect(colleagues.contains(c.coveredBy), "\(c.coveredBy) is no free colleague of \(h.sender)") }
        if !covers.isEmpty {
            // Every leave day of that week has a colleague at the village at least half a day.
            for d in facts.workingDays(day("2025-05-12"), day("2025-05-16")) {
                let there = facts.at(site: h.site, dates: [d.iso]).filter { $0.activity == .station }
                #expect(!there.isEmpty && there.allSatisfy { colleagues.contains($0.person) }, "\(d.iso): \(there)")
            }
        }
    }

    @Test func roundsHelpersHoldTheirSessionsAndEveryClinicIsSeenEveryTwoWeeks() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        let clinicsOf = Dictionary(grouping: f.scenario.institutions.filter { $0.tier == .village }, by: { $0.serviceArea ?? $0.id }).mapValues { Set($0.map(\.id)) }
        var problems: [String] = []
        let helpers = f.plan.villageHelpers.filter { $0.form == .rounds }
        #expect(!helpers.isEmpty)
        for h in helpers {
            let clinics = clinicsOf[h.site] ?? []
            #expect(!clinics.isEmpty)
            for monday in facts.mondays {
                let days = facts.workingDays(monday, Day(ordinal: monday.ordinal + 6))
                let required = min(2, days.count)
                let inWeek = Set(days.map(\.iso))
                // Visits (rules.md, "Sessions are visits"): distinct days and clinics.
                let own = Set((facts.byPerson[h.person] ?? []).filter { inWeek.contains($0.date) && $0.activity == .rounds && clinics.contains($0.site) }
                    .map { "\($0.date) \($0.site)" })
                let coveredBy = Set(f.rota.covers.filter { $0.rule == "T3.rounds" && $0.absent == h.person && $0.week == monday.iso }.map(\.coveredBy))
                let coverEntries: [RotaEntry] = coveredBy.flatMap { facts.byPerson[$0] ?? [] }.filter { e in
                    coveredBy.contains(e.person) && inWeek.contains(e.date) && e.activity == .rounds && clinics.contains(e.site)
                }
                let coverVisits: Set<String> = Set(coverEntries.map { e in e.date + " " + e.site })
                let byCover = coverVisits.subtracting(own).count
                let ownVisits = own.count
                if ownVisits + byCover < required && !facts.hasShortfall("T3.rounds", subject: h.person, period: monday.iso) {
                    problems.append("\(h.person) week \(monday.iso): \(ownVisits)+\(byCover) visits < \(required)")
                }
            }
        }
        // Every clinic of a rounds area within every window of two consecutive weeks.
        for area in Set(helpers.map(\.site)).sorted() {
            let clinics = clinicsOf[area] ?? []
            for (a, b) in zip(facts.mondays, facts.mondays.dropFirst()) {
                let window = facts.workingDays(a, Day(ordinal: b.ordinal + 6)).map(\.iso)
                for c in clinics.sorted() {
                    let seen = facts.at(site: c, dates: window).contains { $0.activity == .rounds }
                    let reported = f.rota.shortfalls.contains { $0.rule == "T3.rounds" && $0.site == c && ($0.period == a.iso || $0.period == b.iso) }
                    if !seen && !reported { problems.append("\(area)/\(c): not visited in weeks \(a.iso)+\(b.iso)") }
                }
            }
        }
        expectNone(problems, "rounds")
    }

    /// Rounds spread over mornings and afternoons, and a part-time week stays within
    /// `RotaOptions.partTimeHalfDaysPerWeek` (4) unless covers need more.
    @Test func roundsUseBothHalvesAndPartTimeWeeksStayWithinTheCap() throws {
        let f = try RotaFixture.shared.get()
        let rounds = f.rota.entries.filter { $0.activity == .rounds }
        let afternoons = rounds.filter { $0.half == .pm }.count
        #expect(rounds.count > 20)
        #expect(afternoons * 10 >= rounds.count * 3 && afternoons * 10 <= rounds.count * 7, "\(afternoons) of \(rounds.count) rounds half-days in the afternoon")
        let partTime: Set<RotaActivity> = [.rounds, .techSupport, .tcmClinic]
        var perWeek: [String: Int] = [:]
        for e in f.rota.entries where partTime.contains(e.activity) {
            perWeek["\(e.person) \(Day(iso: e.date)!.weekStart.iso)", default: 0] += 1
        }
        let coverWeeks = Set(f.rota.covers.map { "\($0.coveredBy) \($0.week)" })
        // The cap: 4 half-days, one more per further part-time duty a person holds (a rounds
        // helper who also gives technical support).
        var duties: [String: Int] = [:]
        for h in f.plan.villageHelpers where h.form != .station { duties[h.person, default: 0] += 1 }
        for c in f.plan.tcmClinics { duties[c.physician, default: 0] += 1 }
        let over = perWeek.filter { key, n in
            let person = String(key.split(separator: " ")[0])
            return n > RotaOptions().weeklyCap(duties: duties[person] ?? 1) && !coverWeeks.contains(key)
        }
        #expect(over.isEmpty, "\(over.sorted { $0.key < $1.key }.prefix(5))")
    }

    @Test func techSupportAndTCMClinicsAreHeldEveryWeek() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        var problems: [String] = []
        let tech = f.plan.villageHelpers.filter { $0.form == .techSupport }
        #expect(!tech.isEmpty && !f.plan.tcmClinics.isEmpty)
        for monday in facts.mondays {
            let days = facts.workingDays(monday, Day(ordinal: monday.ordinal + 6))
            let inWeek = Set(days.map(\.iso))
            for h in tech {
                // The holder's own visits, or a colleague's who covers their leave that week.
                let coveredBy = Set(f.rota.covers.filter { $0.rule == "T3.tech-support" && $0.absent == h.person && $0.week == monday.iso }.map(\.coveredBy))
                let n = Set(([h.person] + coveredBy).flatMap { facts.byPerson[$0] ?? [] }
                    .filter { inWeek.contains($0.date) && $0.site == h.site && $0.activity == .techSupport }.map(\.date)).count
                if n < min(2, days.count) && !facts.hasShortfall("T3.tech-support", subject: h.person, period: monday.iso) {
                    problems.append("tech \(h.person) week \(monday.iso): \(n)")
                }
            }
            for centre in Set(f.plan.tcmClinics.map(\.centre)).sorted() {
                let n = facts.at(site: centre, dates: days.map(\.iso)).filter { $0.activity == .tcmClinic }.count
                if n < min(1, days.count) && !facts.hasShortfall("TCM.weekly", subject: centre, period: monday.iso) {
                    problems.append("TCM \(centre) week \(monday.iso): \(n)")
                }
            }
        }
        expectNone(problems, "tech support and TCM")
        // The TCM physician's leave week: covered or reported for each of their centres.
        let physician = try #require(f.tcmOnLeave)
        for c in f.plan.tcmClinics where c.physician == physician {
            let others = f.plan.tcmClinics.filter { $0.centre == c.centre && $0.physician != physician }
            guard others.isEmpty else { continue }
            let covered = f.rota.covers.contains { $0.rule == "TCM.weekly" && $0.absent == physician && $0.week == "2025-08-04" && $0.site == c.centre }
            #expect(covered || facts.hasShortfall("TCM.weekly", subject: c.centre, period: "2025-08-04"))
        }
    }

    @Test func aRoundsHelpersLeaveIsCoveredOrReported() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        let absent = try #require(f.roundsOnLeave)
        #expect((facts.byPerson[absent] ?? []).allSatisfy { !facts.onLeave(absent, day($0.date)) })
        let covered = f.rota.covers.contains { $0.rule == "T3.rounds" && $0.absent == absent && $0.week == "2025-07-07" }
        #expect(covered || facts.hasShortfall("T3.rounds", subject: absent, period: "2025-07-07"))
    }

    @Test func nobodyIsInTwoPlacesAndNobodyWorksOnLeaveOrDaysOff() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        var problems: [String] = []
        for (slot, e) in facts.at where e.count > 1 { problems.append("\(slot): \(e.count) entries") }
        for e in f.rota.entries {
            guard let d = Day(iso: e.date) else { problems.append("bad date \(e.date)"); continue }
            if !facts.isWorkingDay(d) { problems.append("\(e.person) works on \(e.date), not a working day") }
            if facts.onLeave(e.person, d) { problems.append("\(e.person) works on \(e.date), on leave") }
        }
        #expect(!f.rota.entries.isEmpty)
        #expect(!f.rota.entries.contains { ["2025-10-01", "2025-10-08", "2025-01-01", "2025-10-04"].contains($0.date) })
        #expect(f.rota.entries.contains { $0.date == "2025-09-28" } && f.rota.entries.contains { $0.date == "2025-10-11" })
        #expect(f.rota.entries == f.rota.entries.sorted())
        expectNone(problems, "slots")
    }

    @Test func everyShortfallIsExplainedByLeave() throws {
        let f = try RotaFixture.shared.get(), facts = RotaFacts(f.scenario, f.rota)
        var problems: [String] = []
        func leaveIn(_ people: [String], _ from: Day, _ to: Day) -> Bool {
            people.contains { p in facts.workingDays(from, to).contains { facts.onLeave(p, $0) } }
        }
        for s in f.rota.shortfalls {
            let explained: Bool
            if s.rule == "T1.3331" {
                let g = f.plan.teams.first { $0.id == s.subject }?.group3331
                let first = Day(iso: s.period + "-01")!
                let last = Day(year: first.year, month: first.month, day: Day.daysIn(year: first.year, month: first.month))!
                explained = leaveIn([g?.doctor, g?.nurse, g?.pharmacist].compactMap { $0 }, first, last)
            } else {
                let monday = day(s.period)
                let people: [String]
                switch s.rule {
                case "TCM.weekly": people = f.plan.tcmClinics.filter { $0.centre == s.subject }.map(\.physician)
                case "T3.rounds" where f.plan.villageHelpers.contains(where: { $0.site == s.subject }):
                    people = f.plan.villageHelpers.filter { $0.site == s.subject }.map(\.person)
                default: people = [s.subject]
                }
                explained = leaveIn(people, Day(ordinal: monday.ordinal - 7), Day(ordinal: monday.ordinal + 6))
            }
            if !explained { problems.append("\(s)") }
        }
        expectNone(problems, "shortfalls without leave")
        #expect(!f.rota.shortfalls.isEmpty)   // the fixture's leave leaves some duties without a colleague
    }

    @Test func theNationalDayWeeksAreRelaxedWithTheirReasons() throws {
        let f = try RotaFixture.shared.get()
        let stationed = f.plan.villageHelpers.filter { $0.form == .station }.map(\.person)
        #expect(!stationed.isEmpty)
        for person in stationed {
            let holiday = f.rota.relaxations.first { $0.rule == "T3.station-days" && $0.subject == person && $0.period == "2025-09-29" }
            #expect(holiday?.asked == 5 && holiday?.required == 2, "\(person): \(String(describing: holiday))")
            #expect(holiday?.reason.contains("2025-10-01") ?? false)
            let after = f.rota.relaxations.first { $0.rule == "T3.station-days" && $0.subject == person && $0.period == "2025-10-06" }
            #expect(after?.required == 3)
            // The period's first week (Jan 1 is a holiday) and last week (ends Wednesday).
            #expect(f.rota.relaxations.contains { $0.rule == "T3.station-days" && $0.subject == person && $0.period == "2024-12-30" && $0.required == 2 })
            #expect(f.rota.relaxations.contains { $0.rule == "T3.station-days" && $0.subject == person && $0.period == "2025-12-29" && $0.required == 3 })
            // A full week asks for nothing less.
            #expect(!f.rota.relaxations.contains { $0.subject == person && $0.period == "2025-09-22" })
        }
        // Rounds, tech support and TCM need only one working day for a relaxation-free week of 2 (or 1) sessions.
        #expect(!f.rota.relaxations.contains { $0.rule != "T3.station-days" && $0.period == "2025-09-29" })
    }

    @Test func theSameInputGivesTheSameRotaOnAnyNumberOfThreads() throws {
        let f = try RotaFixture.shared.get()
        let one = try RotaPlanner(scenario: f.scenario, plan: f.plan, options: RotaOptions(threads: 1)).run()
        let two = try RotaPlanner(scenario: f.scenario, plan: f.plan, options: RotaOptions(threads: 2)).run()
        #expect(one.rota == f.rota)
        #expect(two.rota == f.rota)
        #expect(one.statistics.models == f.statistics.models && one.statistics.rows == f.statistics.rows)
        print("TestRegion rota: \(f.statistics.summary)")
        print("TestRegion rota, 1 thread: \(one.statistics.summary)")
    }

    /// Week models are built without instance names (`Model.named`), for speed: the rota is
    /// the same as with every model named, and so are the models' sizes.
    @Test func unnamedWeekModelsGiveTheSameRotaAsNamedOnes() throws {
        let f = try RotaFixture.shared.get()
        var options = RotaOptions()
        options.namedWeekModels = true
        let named = try RotaPlanner(scenario: f.scenario, plan: f.plan, options: options).run()
        #expect(named.rota == f.rota)
        #expect(named.statistics.rows == f.statistics.rows && named.statistics.columns == f.statistics.columns)
        #expect(named.statistics.weekModels == f.statistics.weekModels && named.statistics.weekModels > 0)
    }

    @Test func rotaCSVRoundTrips() throws {
        let f = try RotaFixture.shared.get()
        let text = RotaCSV.render(rota: f.rota, scenario: f.scenario)
        #expect(text.hasPrefix("\u{FEFF}人员编号,姓名,所属单位编号,日期,时段,地点编号,地点名称,工作内容\r\n"))
        // The English header of earlier versions reads the same.
        #expect(try RotaCSV.parse(text.replacingOccurrences(of: RotaCSV.header.joined(separator: ","), with: RotaCSV.englishHeader.joined(separator: ","))) == f.rota.entries)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.count == f.rota.entries.count + 2)   // header, rows, and the empty tail after the last CRLF
        let first = f.rota.entries[0]
        let staff = try #require(f.scenario.staff.first { $0.id == first.person })
        #expect(lines[1].hasPrefix("\(first.person),\(staff.name),\(staff.institution),\(first.date),\(first.half.rawValue),\(first.site),"))
        #expect(try RotaCSV.parse(text) == f.rota.entries)
    }

    @Test func rotaCSVQuotesAndRejectsWhatItMust() throws {
        var s = TestRegion.scenario()
        s.staff[0].name = "王, \"小\"明"
        s.institutions[0].name = "市立医院\n本部"
        let e = RotaEntry(person: s.staff[0].id, date: "2025-01-02", half: .pm, site: s.institutions[0].id, activity: .posting)
        let text = RotaCSV.render(rota: WeeklyRota(scenario: "x", entries: [e]), scenario: s)
        #expect(text.contains("\"王, \"\"小\"\"明\""))
        // The whole file, byte for byte, as `rota plan` writes it.
        #expect(RotaCSV.data(rota: WeeklyRota(scenario: "x", entries: [e]), scenario: s) == Data(("\u{FEFF}人员编号,姓名,所属单位编号,日期,时段,地点编号,地点名称,工作内容\r\n"
            + "\(e.person),\"王, \"\"小\"\"明\",\(s.staff[0].institution),2025-01-02,pm,\(e.site),\"市立医院\n本部\",posting\r\n").utf8))
        #expect(text.contains("\"市立医院\n本部\""))
        #expect(try RotaCSV.parse(text) == [e])
        // LF line ends and no BOM read too.
        #expect(try RotaCSV.parse(text.dropFirst().replacingOccurrences(of: "\r\n", with: "\n")) == [e])
        #expect(throws: RotaCSVError.self) { try RotaCSV.parse("person,name\r\n") }
        let badHalf = "person,name,hospital,date,half,site,site_name,activity\r\np,n,h,2025-01-02,noon,s,sn,posting\r\n"
        #expect(throws: RotaCSVError.self) { try RotaCSV.parse(badHalf) }
        let badActivity = badHalf.replacingOccurrences(of: "noon", with: "am").replacingOccurrences(of: "posting", with: "golf")
        #expect(throws: RotaCSVError.self) { try RotaCSV.parse(badActivity) }
        #expect(try RotaCSV.parse(badActivity.replacingOccurrences(of: "golf", with: "3331-lecture")).first?.activity == .lecture3331)
    }
}
