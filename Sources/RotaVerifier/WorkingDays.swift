import RotaCore
extension PlanVerifier {
    /// The verifier's own working-day calendar: Monday to Friday, minus the scenario's public
    /// holidays, plus its adjusted working days (调休).
    ///
    /// Written apart from `WorkCalendar.isWorkingDay` on purpose (the independence rule): the
    /// verifier must not share the planner's calendar code, so a mistake there shows up as a
    /// disagreement. An adjusted working day wins over a holiday listed on the same date.
    ///
    /// ```swift
    /// let cal = PlanVerifier.WorkingDays(holidays: [Day(iso: "2025-04-04")!], workdays: [Day(iso: "2025-04-27")!])
    /// cal.isWorkingDay(Day(iso: "2025-04-04")!)   // false (Friday, Qingming)
    /// cal.isWorkingDay(Day(iso: "2025-04-27")!)   // true  (Sunday, 调休)
    /// cal.count(in: [DayRange(from: Day(iso: "2025-03-31")!, to: Day(iso: "2025-04-27")!)])  // 20
    /// ```
    public struct WorkingDays: Sendable, Hashable {
        let holidays: Set<Int>
        let workdays: Set<Int>

        public init(holidays: [Day], workdays: [Day]) {
            self.holidays = Set(holidays.map(\.ordinal))
            self.workdays = Set(workdays.map(\.ordinal))
        }

        public func isWorkingDay(_ day: Day) -> Bool {
            if workdays.contains(day.ordinal) { return true }
            if holidays.contains(day.ordinal) { return false }
            // 1970-01-01 (ordinal 0) was a Thursday; Monday = 0 … Sunday = 6.
            let r = (day.ordinal + 3) % 7
            let mondayBased = r < 0 ? r + 7 : r
            return mondayBased < 5
        }

        /// Working days in the union of `ranges` (a day in two ranges counts once).
        public func count(in ranges: [DayRange]) -> Int {
            var seen = Set<Int>()
            var n = 0
            for range in ranges where range.from <= range.to {
                for ordinal in range.from.ordinal...range.to.ordinal where seen.insert(ordinal).inserted {
                    if isWorkingDay(Day(ordinal: ordinal)) { n += 1 }
                }
            }
            return n
        }
    }
}
