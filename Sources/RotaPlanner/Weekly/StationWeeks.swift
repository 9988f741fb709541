import RotaCore
import RotaInput
import RotaSolver
/// T3.station-days and T3.station-continuity, week by week, for the plan's stationed helpers.
///
/// Stationing is a direct assignment: the helper is in their one village both halves of every
/// working day of the stationing (so the same helper stays in the same village for the whole
/// term — T3.station-continuity — and works at least half a day on each of those days). No
/// solver is needed for that; this type works out, per helper and week,
///
/// - what the week asks: min(k, working days of the week inside the term), k =
///   `T3.station-days-per-week`; a shorter week is recorded as a `RotaRelaxation`;
/// - how many of those days leave takes away from what the week asks: a `StationCoverDemand`
///   that the week's part-time model fills with colleagues of the same hospital who are
///   village helpers (not full-time posted), or reports as a shortfall.
///
/// ```swift
/// let weeks = StationWeeks(plan: p, calendar: cal, daysPerWeek: 5)
/// weeks.relaxations   // T3.station-days, one per helper and short week
/// weeks.demands       // leave to cover
/// ```
struct StationWeeks: Sendable {
    var relaxations: [RotaRelaxation] = []
    var demands: [StationCoverDemand] = []

    init(plan: Plan, calendar: RotaCalendar, daysPerWeek k: Int) {
        for h in plan.villageHelpers where h.form == .station {
            guard let term = calendar.term(start: h.start, end: h.end) else { continue }
            for monday in calendar.weeks {
                let week = RotaCalendar.week(monday)
                guard let scope = week.clipped(to: term) else { continue }
                let days = calendar.workingDays(in: scope)
                let required = min(k, days.count)
                if required < k {
                    relaxations.append(RotaRelaxation(rule: "T3.station-days", subject: h.person, period: monday.iso, asked: k, required: required,
                                                      reason: calendar.shortening(week, label: "week of \(monday.iso)", term: term)))
                }
                let away = days.filter { calendar.isOnLeave(h.person, $0) }
                let deficit = required - (days.count - away.count)
                if deficit > 0 {
                    demands.append(StationCoverDemand(absent: h.person, sender: h.sender, village: h.site, week: monday,
                                                      leaveDays: away, required: required, present: days.count - away.count))
                }
            }
        }
    }
}
