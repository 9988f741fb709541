import RotaCore
import RotaInput
import RotaSolver
/// The half-day slots of a scenario's period: which days are working days, which weeks and
/// months they fall in, and who is on leave when.
///
/// rules.md, "Time": working days are Monday–Friday, minus the scenario's holidays, plus its
/// adjusted working days (调休), inside the period. A week runs Monday to Sunday and is
/// judged on its days inside the period (and inside the duty's own term); a month likewise.
/// Every lookup is in integers (`Day.ordinal`), so the rota never depends on the machine's
/// time zone or locale.
///
/// ```swift
/// let cal = RotaCalendar(scenario: s)
/// cal.workingDays(in: DayRange(from: Day(iso: "2025-09-29")!, to: Day(iso: "2025-10-05")!))
/// // [2025-09-29, 2025-09-30] when 2025-10-01…03 are holidays
/// ```
struct RotaCalendar: Sendable {
    let period: DayRange
    /// Working-day ordinals inside the period.
    private let working: Set<Int>
    /// Holidays the scenario lists (any day), by ordinal.
    private let holidays: Set<Int>
    /// Mondays of every week that meets the period, in order.
    let weeks: [Day]
    /// Leave days per person (clipped to the period), by ordinal.
    private let leave: [String: Set<Int>]

    init(scenario: Scenario) {
        period = scenario.period
        let cal = scenario.calendar
        let holidaySet = Set(cal.holidays.map(\.ordinal)), workdaySet = Set(cal.workdays.map(\.ordinal))
        holidays = holidaySet
        working = Set(scenario.period.days.filter { d in
            workdaySet.contains(d.ordinal) || (!holidaySet.contains(d.ordinal) && !d.isWeekend)
        }.map(\.ordinal))
        var w: [Day] = []
        var monday = scenario.period.from.weekStart
        while monday <= scenario.period.to { w.append(monday); monday = monday.adding(days: 7) }
        weeks = w
        var l: [String: Set<Int>] = [:]
        for p in scenario.staff {
            var days = Set<Int>()
            for r in p.unavailable { if let c = r.clipped(to: scenario.period) { days.formUnion(c.from.ordinal...c.to.ordinal) } }
            if !days.isEmpty { l[p.id] = days }
        }
        leave = l
    }

    /// Whether `d` is a working day inside the period.
    func isWorking(_ d: Day) -> Bool { working.contains(d.ordinal) }

    /// Working days of `range` that lie inside the period, in order.
    func workingDays(in range: DayRange) -> [Day] {
        guard let r = range.clipped(to: period) else { return [] }
        return r.days.filter(isWorking)
    }

    /// Whether the person is on leave on `d`.
    func isOnLeave(_ person: String, _ d: Day) -> Bool { leave[person]?.contains(d.ordinal) ?? false }

    /// Whether the person has any leave in the period.
    func hasLeave(_ person: String) -> Bool { leave[person] != nil }

    /// Working days of leave the person has inside `range`.
    func leaveWorkingDays(_ person: String, in range: DayRange) -> Int {
        guard let l = leave[person] else { return 0 }
        return workingDays(in: range).filter { l.contains($0.ordinal) }.count
    }

    /// Monday to Sunday of the week starting `monday`.
    static func week(_ monday: Day) -> DayRange { DayRange(from: monday, to: monday.adding(days: 6)) }

    /// The calendar months that meet `range`, each clipped to it, in order.
    static func months(of range: DayRange) -> [(key: String, days: DayRange)] {
        var out: [(String, DayRange)] = []
        var first = range.from.monthStart
        while first <= range.to {
            let next = first.adding(months: 1)
            if let r = DayRange(from: first, to: next.adding(days: -1)).clipped(to: range) { out.append((first.monthKey, r)) }
            first = next
        }
        return out
    }

    /// Why `whole` (a week or a month, called `label` in the text) has the working days it
    /// has for a duty whose term, clipped to the period, is `term`: the holidays on its
    /// weekdays and the edges of the period or of the term that cut it.
    ///
    /// E.g. "2 working days in the week of 2025-09-29 (holidays 2025-10-01, 2025-10-02, 2025-10-03)".
    func shortening(_ whole: DayRange, label: String, term: DayRange) -> String {
        let scope = whole.clipped(to: term)
        let count = scope.map { workingDays(in: $0).count } ?? 0
        var why: [String] = []
        if let scope {
            let offs = scope.days.filter { !$0.isWeekend && holidays.contains($0.ordinal) }
            if !offs.isEmpty { why.append("holidays " + offs.map(\.iso).joined(separator: ", ")) }
        }
        if whole.contains(period.from) && whole.from < period.from { why.append("the period starts \(period.from.iso)") }
        if whole.contains(period.to) && period.to < whole.to { why.append("the period ends \(period.to.iso)") }
        if term.from != period.from && whole.contains(term.from) && whole.from < term.from { why.append("the duty starts \(term.from.iso)") }
        if term.to != period.to && whole.contains(term.to) && term.to < whole.to { why.append("the duty ends \(term.to.iso)") }
        let days = count == 1 ? "1 working day" : "\(count) working days"
        return "\(days) in the \(label)" + (why.isEmpty ? "" : " (" + why.joined(separator: "; ") + ")")
    }

    /// A duty's `start…end` (ISO) clipped to the period; the whole period when a date is
    /// missing or malformed, nil when the term misses the period.
    func term(start: String, end: String) -> DayRange? {
        let s = Day(iso: start) ?? period.from, e = Day(iso: end) ?? period.to
        return DayRange(from: s, to: e).clipped(to: period)
    }
}

/// A half-day slot: a day and morning or afternoon, packed into one integer so slots sort
/// in time order (`day.ordinal * 2 + 0|1`).
struct Slot: Hashable, Comparable, Sendable {
    let code: Int
    init(_ day: Day, _ half: HalfDay) { code = day.ordinal * 2 + (half == .am ? 0 : 1) }
    var day: Day { Day(ordinal: code >> 1) }
    var half: HalfDay { code & 1 == 0 ? .am : .pm }
    static func < (a: Slot, b: Slot) -> Bool { a.code < b.code }

    /// Both halves of a day, morning first.
    static func both(_ d: Day) -> [Slot] { [Slot(d, .am), Slot(d, .pm)] }
}
