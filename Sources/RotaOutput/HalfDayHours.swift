import RotaCore
import RotaVerifier
/// The clock hours of the two half-day slots, as the calendars show them.
///
/// Morning 08:00–12:00, afternoon 14:00–17:30, Beijing time (Asia/Shanghai, UTC+8 all year).
/// An event that covers a whole day (see `PersonCalendar`) runs from the morning's start to
/// the afternoon's end.
///
/// ```swift
/// HalfDayHours.morningStart.icsTime      // "080000"
/// HalfDay.pm.hours.end.text              // "17:30"
/// ```
public enum HalfDayHours {
    public static let morningStart = ClockTime(hour: 8, minute: 0)
    public static let morningEnd = ClockTime(hour: 12, minute: 0)
    public static let afternoonStart = ClockTime(hour: 14, minute: 0)
    public static let afternoonEnd = ClockTime(hour: 17, minute: 30)
}

/// A time of day, to the minute.
public struct ClockTime: Hashable, Sendable {
    public var hour: Int
    public var minute: Int
    public init(hour: Int, minute: Int) { self.hour = hour; self.minute = minute }

    /// `HHMMSS`, as iCalendar DATE-TIME values end.
    public var icsTime: String { Self.two(hour) + Self.two(minute) + "00" }
    /// `HH:MM`.
    public var text: String { Self.two(hour) + ":" + Self.two(minute) }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

extension HalfDay {
    /// The slot's start and end (`HalfDayHours`).
    public var hours: (start: ClockTime, end: ClockTime) {
        self == .am ? (HalfDayHours.morningStart, HalfDayHours.morningEnd) : (HalfDayHours.afternoonStart, HalfDayHours.afternoonEnd)
    }
}
