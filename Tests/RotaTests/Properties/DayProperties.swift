import Foundation
import PropertyBased
import Testing
@testable import RotaCore

/// `Day`'s own arithmetic (Hinnant's civil-day algorithms, no Foundation) agrees with
/// Foundation's Gregorian calendar on random days from 1600 to 2400 (Foundation's calendar
/// turns Julian before 1582, so earlier days are not compared).
@Suite struct DayProperties {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
    static let epoch = Date(timeIntervalSince1970: 0)
    /// Ordinals (days since 1970-01-01) from 1600-01-01 to 2400-12-31.
    static let ordinals = Gen.int(in: -135_140...157_071)

    static func foundation(_ ordinal: Int) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .weekday], from: epoch.addingTimeInterval(Double(ordinal) * 86_400))
    }

    @Test func civilDatesAndWeekdaysMatchFoundation() async {
        await propertyCheck(count: 2000, input: Self.ordinals) { ordinal in
            let day = Day(ordinal: ordinal), c = Self.foundation(ordinal)
            #expect(day.civil.year == c.year && day.civil.month == c.month && day.civil.day == c.day)
            // Foundation: Sunday 1 … Saturday 7; Day: ISO Monday 1 … Sunday 7.
            #expect(day.weekday == (c.weekday! + 5) % 7 + 1)
            #expect(Day(year: c.year!, month: c.month!, day: c.day!) == day)
            #expect(Day(iso: day.iso) == day)
        }
    }

    @Test func addingDaysAndMonthsMatchFoundation() async {
        await propertyCheck(count: 1000, input: Self.ordinals, Gen.int(in: -800...800), Gen.int(in: -30...30)) { ordinal, days, months in
            let day = Day(ordinal: ordinal)
            #expect(day.adding(days: days).ordinal == ordinal + days)
            // The same day of month `months` later, clamped to that month's length as Foundation's
            // calendar gives it. (Foundation's own `date(byAdding: .month)` is not the oracle: on
            // Linux it overflows instead of clamping in some cases, 1808-03-31 − 25 months
            // giving 1806-03-01.)
            let c = Self.foundation(ordinal)
            let total = c.year! * 12 + (c.month! - 1) + months
            let year = total >= 0 ? total / 12 : (total - 11) / 12, month = total - year * 12 + 1
            let first = Self.calendar.date(from: DateComponents(year: year, month: month, day: 1))!
            let length = Self.calendar.range(of: .day, in: .month, for: first)!.count
            let moved = day.adding(months: months).civil
            #expect(moved.year == year && moved.month == month && moved.day == min(c.day!, length), "\(day.iso) + \(months) months")
            #expect(day.weekStart.weekday == 1 && day.weekStart <= day && day.ordinal - day.weekStart.ordinal < 7)
        }
    }

    @Test func isoTextThatIsNoDayIsRefused() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 1600...9999), Gen.int(in: 0...14), Gen.int(in: 0...33)) { y, m, d in
            let text = String(format: "%04d-%02d-%02d", y, m, d)
            var c = DateComponents(); c.year = y; c.month = m; c.day = d
            let valid = (1...12).contains(m) && d >= 1 && Self.calendar.date(from: c).map {
                let r = Self.calendar.dateComponents([.year, .month, .day], from: $0)
                return r.year == y && r.month == m && r.day == d
            } == true
            #expect((Day(iso: text) != nil) == valid, "\(text)")
        }
    }
}
