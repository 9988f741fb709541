import RotaCore
import RotaInput
import RotaSolver
/// What a group's week models carry from one week to the next.
///
/// The rounds coverage rule is about windows of weeks, so a week must know when each clinic
/// was last visited; the soft goals (balanced load, the same helper at the same clinic, a
/// steady weekly pattern, the same TCM physician) also look back. `PartTimeWeekModel.extract`
/// updates it after each week.
///
/// ```swift
/// var state = PartTimeState()
/// for monday in weeks { let w = PartTimeWeekModel(…, state: state, …); _ = w.extract(s, state: &state) }
/// ```
struct PartTimeState: Sendable {
    /// Rounds area → index of its latest active week (1 = the first week it had sessions to hold).
    var areaWeeks: [String: Int] = [:]
    /// Clinic → the area's active-week index of its last rounds visit.
    var lastVisit: [String: Int] = [:]
    /// Clinic → the helper who visited it last.
    var lastVisitor: [String: String] = [:]
    /// Person → recent sessions beyond their own requirement, halved each week.
    var extraLoad: [String: Double] = [:]
    /// Duty key → (weekday, half) slots used last week.
    var pattern: [String: Set<Int>] = [:]
    /// TCM centre → the physician who held its latest clinic.
    var lastHolder: [String: String] = [:]
}
