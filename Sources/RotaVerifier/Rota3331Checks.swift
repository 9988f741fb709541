import RotaCore
/// T1.3331 in the rota: the group's visits to its workstation, per T1 team and calendar month.
///
/// One instance per T1 team with a 3331 group and month of its posting inside the period
/// (`T1.3331[TEAM:YYYY-MM]`), over the month's working days inside the period and the
/// team's dates (D of them):
/// - **Visit day**: the group's doctor, nurse and pharmacist each have a `3331-*` entry at the
///   workstation in the morning *and* the afternoon. A group member on leave that day is
///   replaced by a same-role member of the same team who is there both halves (a cover).
/// - **Count**: visit days ≥ min(T1.3331.visits-per-month, D).
/// - **One mode a day**: every 3331 entry of a visit day has the same activity.
/// - **Modes**: the month's single-mode visit days use ≥ min(3, visit days) distinct modes —
///   all three when there are three visits or more.
/// - **Whole group**: a working day with some 3331 entry at the workstation that is not a
///   visit day (the group split, or a half-day only) is a breach.
/// - **Spread**: let w be the weeks (Monday–Sunday) holding at least one of the D days and
///   r the required count; no week holds more than c visit days, c = ⌈r / w⌉ + 1, raised to
///   the least c with Σ over the weeks of min(c, the week's D days) ≥ r when the calendar
///   leaves no other choice.
///
/// ```text
/// T1.3331[T1:hz-municipal>cao-people:2025-10]  visits 3 ≥ min(3, 18) = 3; modes 3 ≥ min(3, 3) = 3;
///   busiest week 1 ≤ ⌈3 / 4⌉ + 1 = 2; split days 0 = 0; mixed-mode days 0 = 0
/// ```
extension RotaVerifier {
    func visit3331Checks(_ book: Book) -> [RuleCheck] {
        view.teams(tier: "T1").flatMap { t -> [RuleCheck] in
            guard let range = t.range, t.team.group3331 != nil else { return [] }
            return months(range).compactMap { month3331(t, month: $0, book) }
        }
    }

    private func month3331(_ t: PlanVerifier.PlanView.Team, month: DayRange, _ book: Book) -> RuleCheck? {
        let ctx = context, team = t.team, g = team.group3331!
        let days = workingDays(month)
        guard !days.isEmpty else { return nil }
        let asked = ctx.parameters.int("T1.3331.visits-per-month")
        let required = min(asked, days.count)
        var witnesses: [Witness] = []

        let workstation = book.site(g.workstation) ?? -1   // −1: not in the rota

        /// The 3331 activities of `person` at the workstation on `d`, when they are there both halves.
        func fullDay(_ person: String, _ d: Day) -> Set<RotaActivity>? {
            let at = book.items(person, on: d).filter { $0.activity.is3331Visit && $0.site == workstation }
            guard at.contains(where: { $0.half == .am }), at.contains(where: { $0.half == .pm }) else { return nil }
            return Set(at.map(\.activity))
        }

        var visits: [(day: Day, modes: Set<RotaActivity>)] = []
        var split: [Day] = []
        var covers = 0
        for d in days {
            var modes = Set<RotaActivity>()
            var absent: [String] = []
            var dayCovers: [Witness] = []
            // The group of the day: a replacement of a group member holds the role from their day.
            let group = t.group(on: d) ?? g
            let serving = t.replacements.isEmpty ? t.members : t.members(on: d)
            for (role, holder) in [(Role.doctor, group.doctor), (.nurse, group.nurse), (.pharmacist, group.pharmacist)] {
                if !onLeave(holder, d) {
                    if let m = fullDay(holder, d) { modes.formUnion(m) } else { absent.append("\(role.rawValue) \(ctx.label(person: holder))") }
                    continue
                }
                let cover = serving.first { $0.role == role && $0.id != holder && !onLeave($0.id, d) && fullDay($0.id, d) != nil }
                if let cover {
                    modes.formUnion(fullDay(cover.id, d)!)
                    dayCovers.append(ctx.witness(person: cover.id, note: "covers \(role.rawValue) \(ctx.label(person: holder)) on leave \(d.iso)"))
                } else {
                    absent.append("\(role.rawValue) \(ctx.label(person: holder)) (on leave, no same-role cover)")
                }
            }
            if absent.isEmpty {
                visits.append((d, modes))
                covers += dayCovers.count
                witnesses += dayCovers
                let modeText = modes.map(\.rawValue).sorted().joined(separator: ", ")
                witnesses.append(Witness(.dates, d.iso, note: modes.count == 1 ? "visit: \(modeText)" : "visit with \(modes.count) modes in one day: \(modeText)"))
            } else if (t.replacements.isEmpty ? t.members : t.terms.map(\.member)).contains(where: { m in book.items(m.id, on: d).contains { $0.activity.is3331Visit && $0.site == workstation } }) {
                split.append(d)
                witnesses.append(Witness(.dates, d.iso, note: "incomplete visit: not at the workstation both halves: \(absent.joined(separator: ", "))"))
            }
        }

        let mixed = visits.filter { $0.modes.count > 1 }.count
        let modesUsed = Set(visits.filter { $0.modes.count == 1 }.flatMap(\.modes)).count
        let modesRequired = min(3, visits.count)

        // Spread over the weeks of the month.
        var daysInWeek: [Int: Int] = [:], visitsInWeek: [Int: Int] = [:]
        for d in days { daysInWeek[d.weekStart.ordinal, default: 0] += 1 }
        for v in visits { visitsInWeek[v.day.weekStart.ordinal, default: 0] += 1 }
        let weekCount = daysInWeek.count
        let baseCap = (required + weekCount - 1) / weekCount + 1
        var cap = baseCap
        while daysInWeek.values.reduce(0, { $0 + min(cap, $1) }) < required { cap += 1 }
        let busiest = visitsInWeek.values.max() ?? 0
        if busiest > cap {
            for (monday, n) in visitsInWeek.sorted(by: { $0.key < $1.key }) where n > cap {
                let m = Day(ordinal: monday)
                witnesses.append(Witness(.dates, "\(m.iso)..\(m.adding(days: 6).iso)", note: "\(n) visits in one week"))
            }
        }

        var problems: [String] = []
        if visits.count < required { problems.append("\(visits.count) full-day visits of the whole group, \(required) required") }
        if modesUsed < modesRequired {
            problems.append("the visits use \(VerifyText.counted(modesUsed, "mode", "modes")), \(modesRequired) required (rounds, teaching, lecture)")
        }
        if busiest > cap { problems.append("\(busiest) visits in one week, at most \(cap) allowed") }
        if !split.isEmpty { problems.append("the group is incomplete on \(split.map(\.iso).joined(separator: ", "))") }
        if mixed > 0 { problems.append("\(VerifyText.counted(mixed, "visit day has", "visit days have")) more than one mode") }

        let capText = cap == baseCap ? "⌈\(required) / \(weekCount)⌉ + 1 = \(cap)"
            : "\(cap) (⌈\(required) / \(weekCount)⌉ + 1 = \(baseCap), raised: the month's weeks leave no other choice)"
        let arithmetic = "visits \(VerifyText.atLeast(visits.count, required)) = min(\(asked), \(days.count) working days); "
            + "modes \(VerifyText.atLeast(modesUsed, modesRequired)) = min(3, \(visits.count) visits); "
            + "busiest week \(busiest) \(busiest <= cap ? "≤" : ">") \(capText); "
            + "split days \(split.count) \(split.isEmpty ? "=" : "≠") 0; mixed-mode days \(mixed) \(mixed == 0 ? "=" : "≠") 0"
        let monthFull = DayRange(from: month.from.monthStart, to: month.from.monthStart.adding(months: 1).adding(days: -1))
        let relaxed = required < asked ? "; relaxed to \(required): the month has \(shortReason(month, full: monthFull, working: days.count))" : ""
        witnesses.append(ctx.witness(institution: g.workstation, note: "workstation"))
        return ctx.check("T1.3331", "\(team.id):\(month.from.monthKey)", subject: ctx.subject(team: team),
                         quantities: [Quantity("workingDays", days.count), Quantity("asked", asked), Quantity("required", required),
                                      Quantity("visits", visits.count), Quantity("modes", modesUsed), Quantity("modesRequired", modesRequired),
                                      Quantity("weeks", weekCount), Quantity("weekCap", cap), Quantity("busiestWeek", busiest),
                                      Quantity("splitDays", split.count), Quantity("mixedModeDays", mixed), Quantity("covers", covers)],
                         arithmetic: arithmetic,
                         finding: problems.isEmpty
                             ? "in \(month.from.monthKey) the 3331 group visits \(ctx.label(institution: g.workstation)) on \(visits.count) full days "
                               + "in \(VerifyText.counted(modesUsed, "mode", "modes")), at most \(busiest) a week\(relaxed)"
                             : "in \(month.from.monthKey): " + problems.joined(separator: "; ") + relaxed,
                         witnesses: witnesses, passed: problems.isEmpty)
    }
}
