import RotaCore
/// A year's official public-holiday notice of the State Council (国务院办公厅关于…年部分节假日安排的通知):
/// the festival breaks and the weekend days worked in exchange (调休).
///
/// A scenario's calendar lists only what changes the Monday–Friday rule: the weekdays inside a
/// break (`holidays`) and the weekend days that are working days (`workdays`). `calendar`
/// derives both from the notice as published, so the break of 1–8 October (Wednesday to
/// Wednesday) becomes the six weekdays 1, 2, 3, 6, 7 and 8 October.
///
/// ```swift
/// let notice = HolidayNotice.year2025
/// notice.calendar.holidays.count   // 18
/// notice.label(of: Day(iso: "2025-02-08")!)  // "春节调休上班"
/// ```
public struct HolidayNotice: Sendable {
    /// One festival break: its name and its days off, as the notice gives them.
    public struct Break: Sendable {
        public var name: String
        public var days: DayRange
        /// Weekend days worked for this break (调休上班).
        public var workdays: [Day]
    }

    public var year: Int
    public var title: String
    public var breaks: [Break]

    /// 国务院办公厅关于2025年部分节假日安排的通知 (published 12 November 2024).
    public static let year2025 = HolidayNotice(
        year: 2025,
        title: "国务院办公厅关于2025年部分节假日安排的通知",
        breaks: [
            Break(name: "元旦", days: range("2025-01-01", "2025-01-01"), workdays: []),
            Break(name: "春节", days: range("2025-01-28", "2025-02-04"),
                  workdays: [day("2025-01-26"), day("2025-02-08")]),
            Break(name: "清明节", days: range("2025-04-04", "2025-04-06"), workdays: []),
            Break(name: "劳动节", days: range("2025-05-01", "2025-05-05"), workdays: [day("2025-04-27")]),
            Break(name: "端午节", days: range("2025-05-31", "2025-06-02"), workdays: []),
            Break(name: "国庆节、中秋节", days: range("2025-10-01", "2025-10-08"),
                  workdays: [day("2025-09-28"), day("2025-10-11")]),
        ]
    )

    /// The notice of `year`, when rota knows it.
    public static func forYear(_ year: Int) -> HolidayNotice? { year == 2025 ? year2025 : nil }

    /// The weekdays of every break and the weekend working days, each sorted.
    public var calendar: WorkCalendar {
        let off = breaks.flatMap { $0.days.days }.filter { !$0.isWeekend }
        let on = breaks.flatMap(\.workdays).filter(\.isWeekend)
        return WorkCalendar(holidays: off.sorted(), workdays: on.sorted())
    }

    /// What the notice says of a day: `春节`, `春节调休上班`, or nil.
    public func label(of d: Day) -> String? {
        for b in breaks {
            if b.days.contains(d) { return b.name }
            if b.workdays.contains(d) { return b.name + "调休上班" }
        }
        return nil
    }

    private static func day(_ iso: String) -> Day { Day(iso: iso)! }
    private static func range(_ a: String, _ b: String) -> DayRange { DayRange(from: day(a), to: day(b)) }
}
