import RotaCore
import RotaInput
import RotaSolver
/// Days a stationed helper's leave takes from a week's T3.station-days requirement.
///
/// Made by `StationWeeks`, filled by the week's part-time model with colleagues of the same
/// hospital (half a day per leave day is enough), or reported as a shortfall.
///
/// ```swift
/// // 5 working days, helper away Tuesday and Wednesday: the week asks 5, they give 3.
/// demand.deficit   // 2
/// ```
struct StationCoverDemand: Sendable {
    let absent: String
    let sender: String
    let village: String
    /// Monday of the week.
    let week: Day
    /// Working days of the week, inside the stationing, the helper is on leave.
    let leaveDays: [Day]
    /// What the week asks (min(k, working days)).
    let required: Int
    /// Days the helper is there.
    let present: Int

    /// Days a colleague must cover: what the week asks beyond the helper's own days.
    var deficit: Int { max(0, required - present) }
}
