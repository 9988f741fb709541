import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

@Test func dayArithmetic() {
    let d = Day(iso: "2025-01-28")!
    #expect(d.weekday == 2)
    #expect(d.adding(days: 1).iso == "2025-01-29")
    #expect(Day(iso: "2024-02-30") == nil)
    #expect(Day(iso: "2025-01-01")!.adding(months: 12).iso == "2026-01-01")
    #expect(Day(iso: "2025-01-31")!.adding(months: 1).iso == "2025-02-28")
    #expect(Day(iso: "2025-06-15")!.weekStart.iso == "2025-06-09")
}

@Test func isoDatesParseAsTheyDidFromText() {
    let texts = ["2025-01-28", "2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31", "2025-13-01", "2025-00-10",
                 "2025-01-00", "2025-1-28", "20250-1-28", "2025-01-2", "2025/01/28", " 2025-01-28", "2025-01-28 ",
                 "+025-01-28", "-025-01-28", "２０２５-01-28", "2025-01-2\u{301}8", "2025-\u{301}01-28", "2025\u{2010}01-28",
                 "", "--", "2025--01-28", "2025-01-28-", "\u{663}025-01-28", "2025-01-28\r\n"]
    for text in texts {
        #expect(Day(iso: text) == RotaCSVReference.isoDay(text), "\(text.debugDescription)")
        #expect(Day(isoUTF8: Array(text.utf8)) == RotaCSVReference.isoDay(text), "\(text.debugDescription)")
    }
    var day = Day(iso: "1999-12-25")!
    for _ in 0..<800 {
        #expect(Day(iso: day.iso) == day)
        day = day.adding(days: 37)
    }
}

@Test func isoTextOfEveryKindOfYear() {
    /// The text as first written: each part padded with zeros to its width.
    func padded(_ d: Day) -> String {
        func pad(_ v: Int, _ width: Int) -> String { let s = String(v); return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s }
        let c = d.civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
    let days = [Day(year: 0, month: 1, day: 1)!, Day(year: 9, month: 2, day: 3)!, Day(year: 999, month: 12, day: 31)!,
                Day(year: 2025, month: 1, day: 28)!, Day(year: 9999, month: 12, day: 31)!, Day(year: 10000, month: 1, day: 1)!,
                Day(year: -1, month: 12, day: 31)!, Day(year: -2025, month: 6, day: 9)!, Day(ordinal: 0)]
    for d in days { #expect(d.iso == padded(d)) }
    #expect(Day(year: 0, month: 1, day: 1)!.iso == "0000-01-01")
}

@Test func exactPercent() {
    let p = ExactPercent("1.2")!
    #expect(p.minimumCount(of: 3520) == 43)
    #expect(p.minimumCount(of: 84) == 2)
    #expect(p.isMet(count: 42, of: 3520) == false)
    #expect(p.isMet(count: 43, of: 3520))
    #expect(ExactPercent("6")!.minimumCount(of: 64) == 4)
    #expect(ExactPercent("1.") == nil)
    #expect(ExactPercent("-1") == nil)
    #expect(p.description == "1.2")
}
