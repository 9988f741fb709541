import RotaCore
/// T3.station-days and T3.station-continuity in the rota.
///
/// - `T3.station-days[PERSON:MONDAY]` for every stationing and week (Monday–Sunday) of its
///   dates inside the period with a working day: the days with at least one half-day `station`
///   entry at the helper's village ≥ min(T3.station-days-per-week, the week's working days
///   inside the period and the stationing that the helper is not on leave). A week that
///   holidays, the period's or the stationing's edges or leave shorten is reported as relaxed
///   (finding and quantities `asked` > `required`), not failed; a colleague covering at the
///   village (allowed by ROTA.integrity when the helper is on leave that week) is listed as
///   evidence but is not needed.
/// - `T3.station-continuity[rota:PERSON:VILLAGE]` for every stationing: every `station` entry
///   of the helper inside the stationing's dates is at the planned village, and the helper is
///   there in every week that asks for at least one day.
///
/// ```text
/// T3.station-days[ch-s1:2025-09-29]  days 2 ≥ min(5, 2 working − 0 on leave) = 2  (relaxed: holidays)
/// ```
extension RotaVerifier {
    func stationChecks(_ book: Book) -> [RuleCheck] {
        let asked = context.parameters.int("T3.station-days-per-week")
        var checks: [RuleCheck] = []
        for h in helpers(.station) {
            let stay = Stationing(h, self, book)
            var expected = 0, present = 0
            var absentWeeks: [DayRange] = []
            for w in weeks(stay.range) {
                guard let (check, required, days) = stationWeek(stay, asked: asked, week: w, book) else { continue }
                checks.append(check)
                if required > 0 {
                    expected += 1
                    if days > 0 { present += 1 } else { absentWeeks.append(w) }
                }
            }
            checks.append(stationContinuity(stay, expected: expected, present: present, absent: absentWeeks, book))
        }
        return checks
    }

    /// One stationing of the plan, looked up once for all its weeks.
    private struct Stationing {
        let id: String, village: String, range: DayRange
        /// The helper's and the village's numbers in the book (nil, −1: not in the rota).
        let person: Int32?, site: Int32
        let leave: [DayRange]
        /// `张伟 (hzm-0001)`, `李庄村卫生室 (cao-hanji-v01)`.
        let personLabel: String, villageLabel: String

        init(_ h: PlanVerifier.PlanView.Helper, _ v: RotaVerifier, _ book: Book) {
            id = h.helper.person; village = h.helper.site; range = h.range!
            person = book.person(id); site = book.site(village) ?? -1
            leave = v.leave(of: id)
            personLabel = v.context.label(person: id); villageLabel = v.context.label(institution: village)
        }

        func onLeave(_ d: Day) -> Bool { RotaVerifier.onLeave(leave, d) }
    }

    private func stationWeek(_ stay: Stationing, asked: Int, week: DayRange, _ book: Book) -> (RuleCheck, Int, Int)? {
        let ctx = context, id = stay.id, village = stay.village
        let working = workingDays(week)
        guard !working.isEmpty else { return nil }
        let leave = working.filter(stay.onLeave)
        let required = min(asked, working.count - leave.count)
        let present = working.filter { d in
            !stay.onLeave(d) && stay.person.map { book.items($0, on: d).contains { $0.activity == .station && $0.site == stay.site } } ?? false
        }
        var why: [String] = []
        let monday = week.from.weekStart
        if working.count < asked {
            why.append(shortReason(week, full: DayRange(from: monday, to: monday.adding(days: 6)), working: working.count))
        }
        if !leave.isEmpty { why.append("\(VerifyText.counted(leave.count, "working day", "working days")) on leave") }
        let relaxed = required < asked ? "relaxed to \(required): \(why.joined(separator: "; "))" : ""

        var witnesses = RotaVerifier.dayRuns(present, note: "at the village")
        witnesses += RotaVerifier.dayRuns(working.filter { d in !stay.onLeave(d) && !present.contains(d) }, note: "not at the village")
        witnesses += RotaVerifier.dayRuns(leave, note: "leave")
        let colleagues = book.firstOfEachPerson(book.items(.station, at: stay.site, week: week).filter { $0.person != stay.person })
        witnesses += colleagues.map { ctx.witness(person: book.entry(of: $0).person, note: leave.isEmpty ? "also at the village this week" : "covers at the village this week") }
        witnesses.append(ctx.witness(institution: village, note: "village"))

        let passed = present.count >= required
        let check = ctx.check("T3.station-days", "\(id):\(monday.iso)", subject: ctx.subject(person: id),
                              quantities: [Quantity("workingDays", working.count), Quantity("leaveDays", leave.count),
                                           Quantity("asked", asked), Quantity("required", required), Quantity("days", present.count)],
                              arithmetic: "days \(VerifyText.atLeast(present.count, required)) = min(\(asked), \(working.count) working − \(leave.count) on leave)",
                              finding: (passed
                                  ? "\(stay.personLabel) is at \(stay.villageLabel) on \(present.count) days in the week of \(monday.iso)"
                                  : "shortfall: \(stay.personLabel) is at \(stay.villageLabel) on \(present.count) days in the week of \(monday.iso), \(required) required")
                                  + (relaxed.isEmpty ? "" : " (\(relaxed))"),
                              witnesses: witnesses, passed: passed)
        return (check, required, present.count)
    }

    private func stationContinuity(_ stay: Stationing, expected: Int, present: Int, absent: [DayRange], _ book: Book) -> RuleCheck {
        let ctx = context, id = stay.id, village = stay.village, range = stay.range
        // Station entries inside the stationing, by site (numbered; spelled as first met).
        var bySite: [Int32: (site: String, days: [Day])] = [:]
        let entries = book.entries
        for e in stay.person.map({ book.items(of: $0) }) ?? [] where e.activity == .station {
            guard let d = e.day, range.contains(d) else { continue }
            if bySite[e.site] == nil { bySite[e.site] = (entries[Int(e.index)].site, []) }
            bySite[e.site]!.days.append(d)
        }
        let elsewhere = bySite.keys.filter { $0 != stay.site }.sorted().map { bySite[$0]! }
        var witnesses = [ctx.witness(institution: village, note: "planned village")]
        for other in elsewhere {
            witnesses.append(ctx.witness(institution: other.site, note: "station entries elsewhere"))
            witnesses += RotaVerifier.dayRuns(Array(Set(other.days)), note: "at \(ctx.label(institution: other.site))")
        }
        witnesses += absent.map { Witness(.dates, $0.description, note: "not at the village this week") }
        var problems: [String] = []
        if !elsewhere.isEmpty {
            problems.append("station entries at \(elsewhere.map { ctx.label(institution: $0.site) }.joined(separator: ", ")) besides \(stay.villageLabel)")
        }
        if present < expected { problems.append("absent from the village in \(VerifyText.counted(expected - present, "week", "weeks"))") }
        let villages = bySite.count
        return ctx.check("T3.station-continuity", "rota:\(id):\(village)", subject: ctx.subject(person: id),
                         quantities: [Quantity("villages", villages), Quantity("otherVillages", elsewhere.count),
                                      Quantity("weeksExpected", expected), Quantity("weeksPresent", present)],
                         arithmetic: "other villages \(elsewhere.count) \(elsewhere.isEmpty ? "=" : "≠") 0; weeks at the village \(VerifyText.atLeast(present, expected))",
                         finding: problems.isEmpty
                             ? "\(stay.personLabel) stays at \(stay.villageLabel) throughout \(range) (\(present) weeks)"
                             : problems.joined(separator: "; "),
                         witnesses: witnesses, passed: problems.isEmpty)
    }
}
