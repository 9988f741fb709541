/// A calendar day, counted in days since 1970-01-01 (proleptic Gregorian).
///
/// Dates in rota are whole days: a scenario's period, holidays and leave are all inclusive
/// day ranges. `Day` does its calendar arithmetic in integers, so it never depends on the
/// machine's time zone or locale, and two runs always agree.
///
/// ```swift
/// let d = Day(iso: "2025-01-28")!
/// d.weekday        // 2 (Tuesday; Monday is 1)
/// d.adding(days: 1).iso  // "2025-01-29"
/// ```
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A day from its year, month (1–12) and day of month, or nil when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD`: ten ASCII characters, digits but for the two hyphens.
    public init?(iso: String) {
        var text = iso
        guard let day = text.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from its UTF-8 bytes, as `init(iso:)` does from text.
    ///
    /// ```swift
    /// Day(isoUTF8: Array("2025-02-28".utf8))   // 2025-02-28
    /// Day(isoUTF8: Array("2025-2-28".utf8))    // nil
    /// ```
    public init?<Bytes: Collection>(isoUTF8 bytes: Bytes) where Bytes.Element == UInt8 {
        // Half a million rota rows each carry a day: read the bytes in one contiguous pass
        // when the collection has them (every caller's does), not through a generic iterator.
        if let day = bytes.withContiguousStorageIfAvailable(Day.parseISO) {
            guard let day else { return nil }
            self = day
            return
        }
        guard let day = Array(bytes).withUnsafeBufferPointer(Day.parseISO) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` from ten bytes, or nil.
    private static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        var value = 0
        var fields = (year: 0, month: 0, day: 0)
        for position in 0..<10 where position != 4 && position != 7 {
            let byte = b[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            switch position {
            case 3: fields.year = value; value = 0
            case 6: fields.month = value; value = 0
            case 9: fields.day = value
            default: break
            }
        }
        return Day(year: fields.year, month: fields.month, day: fields.day)
    }

    /// Year, month and day of month.
    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }

    /// ISO weekday: Monday 1 … Sunday 7.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// The Monday of this day's week (weeks run Monday to Sunday).
    public var weekStart: Day { Day(ordinal: ordinal - (weekday - 1)) }

    /// The first day of this day's month.
    public var monthStart: Day { let c = civil; return Day(year: c.year, month: c.month, day: 1)! }

    /// `YYYY-MM` of this day.
    public var monthKey: String { let c = civil; return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))" }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// The same day of month `n` months later, clamped to the month's last day.
    public func adding(months n: Int) -> Day {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + n
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return Day(year: y, month: m, day: min(c.day, Day.daysIn(year: y, month: m)))!
    }

    public var iso: String {
        let c = civil
        guard (0...9999).contains(c.year) else { return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))" }
        // Ten ASCII digits and hyphens, written in place (the common case, and a hot one).
        return String(unsafeUninitializedCapacity: 10) { text in
            /// Writes `value` in `width` digits ending before `end`.
            func digits(_ value: Int, width: Int, before end: Int) {
                var v = value
                for p in stride(from: end - 1, through: end - width, by: -1) { text[p] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
            }
            digits(c.year, width: 4, before: 4)
            text[4] = UInt8(ascii: "-")
            digits(c.month, width: 2, before: 7)
            text[7] = UInt8(ascii: "-")
            digits(c.day, width: 2, before: 10)
            return 10
        }
    }
    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// An inclusive range of days, as leave and periods are written: `{from: …, to: …}`.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) { self.from = from; self.to = to }

    public var dayCount: Int { max(0, to.ordinal - from.ordinal + 1) }
    public func contains(_ d: Day) -> Bool { from <= d && d <= to }
    public func overlaps(_ o: DayRange) -> Bool { from <= o.to && o.from <= to }

    /// The part of this range inside `other`, or nil when they do not meet.
    public func clipped(to other: DayRange) -> DayRange? {
        let f = max(from, other.from), t = min(to, other.to)
        return f <= t ? DayRange(from: f, to: t) : nil
    }

    /// Every day of the range, in order.
    public var days: [Day] { from <= to ? (from.ordinal...to.ordinal).map(Day.init(ordinal:)) : [] }

    public var description: String { "\(from.iso)..\(to.iso)" }
}
