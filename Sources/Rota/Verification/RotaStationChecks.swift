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
        helpers(.station).flatMap { h -> [RuleCheck] in
            var weekly: [RuleCheck] = []
            var expected = 0, present = 0
            var absentWeeks: [DayRange] = []
            for w in weeks(h.range!) {
                guard let (check, required, days) = stationWeek(h, week: w, book) else { continue }
                weekly.append(check)
                if required > 0 {
                    expected += 1
                    if days > 0 { present += 1 } else { absentWeeks.append(w) }
                }
            }
            return weekly + [stationContinuity(h, expected: expected, present: present, absent: absentWeeks, book)]
        }
    }

    private func stationWeek(_ h: PlanVerifier.PlanView.Helper, week: DayRange, _ book: Book) -> (RuleCheck, Int, Int)? {
        let ctx = context, id = h.helper.person, village = h.helper.site
        let working = workingDays(week)
        guard !working.isEmpty else { return nil }
        let leave = working.filter { onLeave(id, $0) }
        let asked = ctx.parameters.int("T3.station-days-per-week")
        let required = min(asked, working.count - leave.count)
        let present = working.filter { d in
            !onLeave(id, d) && book.items(id, on: d).contains { $0.entry.activity == .station && $0.site == village }
        }
        var why: [String] = []
        let monday = week.from.weekStart
        if working.count < asked {
            why.append(shortReason(week, full: DayRange(from: monday, to: monday.adding(days: 6)), working: working.count))
        }
        if !leave.isEmpty { why.append("\(VerifyText.counted(leave.count, "working day", "working days")) on leave") }
        let relaxed = required < asked ? "relaxed to \(required): \(why.joined(separator: "; "))" : ""

        var witnesses = RotaVerifier.dayRuns(present, note: "at the village")
        witnesses += RotaVerifier.dayRuns(working.filter { d in !onLeave(id, d) && !present.contains(d) }, note: "not at the village")
        witnesses += RotaVerifier.dayRuns(leave, note: "leave")
        let colleagues = Set(book.items(.station, at: village, week: week).filter { $0.person != id }.map(\.person))
        witnesses += colleagues.sorted().map { ctx.witness(person: $0, note: leave.isEmpty ? "also at the village this week" : "covers at the village this week") }
        witnesses.append(ctx.witness(institution: village, note: "village"))

        let passed = present.count >= required
        let check = ctx.check("T3.station-days", "\(id):\(monday.iso)", subject: ctx.subject(person: id),
                              quantities: [Quantity("workingDays", working.count), Quantity("leaveDays", leave.count),
                                           Quantity("asked", asked), Quantity("required", required), Quantity("days", present.count)],
                              arithmetic: "days \(VerifyText.atLeast(present.count, required)) = min(\(asked), \(working.count) working − \(leave.count) on leave)",
                              finding: (passed
                                  ? "\(ctx.label(person: id)) is at \(ctx.label(institution: village)) on \(present.count) days in the week of \(monday.iso)"
                                  : "shortfall: \(ctx.label(person: id)) is at \(ctx.label(institution: village)) on \(present.count) days in the week of \(monday.iso), \(required) required")
                                  + (relaxed.isEmpty ? "" : " (\(relaxed))"),
                              witnesses: witnesses, passed: passed)
        return (check, required, present.count)
    }

    private func stationContinuity(_ h: PlanVerifier.PlanView.Helper, expected: Int, present: Int, absent: [DayRange],
                                   _ book: Book) -> RuleCheck {
        let ctx = context, id = h.helper.person, village = h.helper.site, range = h.range!
        let entries = (book.byPerson[id] ?? []).filter { $0.entry.activity == .station && ($0.day.map(range.contains) ?? false) }
        var bySite: [String: [Day]] = [:]
        for e in entries { bySite[e.site, default: []].append(e.day!) }
        let elsewhere = bySite.keys.filter { $0 != village }.sorted()
        var witnesses = [ctx.witness(institution: village, note: "planned village")]
        for site in elsewhere {
            witnesses.append(ctx.witness(institution: site, note: "station entries elsewhere"))
            witnesses += RotaVerifier.dayRuns(Array(Set(bySite[site]!)), note: "at \(ctx.label(institution: site))")
        }
        witnesses += absent.map { Witness(.dates, $0.description, note: "not at the village this week") }
        var problems: [String] = []
        if !elsewhere.isEmpty {
            problems.append("station entries at \(elsewhere.map { ctx.label(institution: $0) }.joined(separator: ", ")) besides \(ctx.label(institution: village))")
        }
        if present < expected { problems.append("absent from the village in \(VerifyText.counted(expected - present, "week", "weeks"))") }
        let villages = bySite.keys.count
        return ctx.check("T3.station-continuity", "rota:\(id):\(village)", subject: ctx.subject(person: id),
                         quantities: [Quantity("villages", villages), Quantity("otherVillages", elsewhere.count),
                                      Quantity("weeksExpected", expected), Quantity("weeksPresent", present)],
                         arithmetic: "other villages \(elsewhere.count) \(elsewhere.isEmpty ? "=" : "≠") 0; weeks at the village \(VerifyText.atLeast(present, expected))",
                         finding: problems.isEmpty
                             ? "\(ctx.label(person: id)) stays at \(ctx.label(institution: village)) throughout \(range) (\(present) weeks)"
                             : problems.joined(separator: "; "),
                         witnesses: witnesses, passed: problems.isEmpty)
    }
}
