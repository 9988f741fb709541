import Testing
@testable import Rota

@Test func dayArithmetic() {
    let d = Day(iso: "2025-01-28")!
    #expect(d.weekday == 2)
    #expect(d.adding(days: 1).iso == "2025-01-29")
    #expect(Day(iso: "2024-02-30") == nil)
    #expect(Day(iso: "2025-01-01")!.adding(months: 12).iso == "2026-01-01")
    #expect(Day(iso: "2025-01-31")!.adding(months: 1).iso == "2025-02-28")
    #expect(Day(iso: "2025-06-15")!.weekStart.iso == "2025-06-09")
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
