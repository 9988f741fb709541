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

@Suite struct PercentQuotaTests {
    @Test func exactIntegerEdges() {
        let q = PlanVerifier.PercentQuota(percent: ExactPercent("1.2")!, base: 3520)   // 42.24
        #expect(q.required == 43)
        #expect(!q.isMet(by: 42))
        #expect(q.isMet(by: 43))
        #expect(q.text(count: 42) == "42 < ⌈1.2% × 3520⌉ = 43")
        #expect(q.text(count: 43) == "43 ≥ ⌈1.2% × 3520⌉ = 43")

        let exact = PlanVerifier.PercentQuota(percent: ExactPercent("1.2")!, base: 1000) // exactly 12
        #expect(exact.required == 12)
        #expect(exact.isMet(by: 12))
        #expect(!exact.isMet(by: 11))

        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("1.2")!, base: 84).required == 2)    // 1.008
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("6")!, base: 64).required == 4)      // 3.84
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("1.6")!, base: 312).required == 5)   // 4.992
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("1.6")!, base: 313).required == 6)   // 5.008
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("0.75")!, base: 400).required == 3)  // exactly 3
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("0.75")!, base: 401).required == 4)  // 3.0075
    }

    @Test func zeroAndHugeNumbers() {
        let zero = PlanVerifier.PercentQuota(percent: ExactPercent("1.2")!, base: 0)
        #expect(zero.required == 0)
        #expect(zero.isMet(by: 0))
        let none = PlanVerifier.PercentQuota(percent: ExactPercent("0")!, base: 500)
        #expect(none.required == 0)
        #expect(none.text(count: 0) == "0 ≥ ⌈0% × 500⌉ = 0")
        // 999999999.999999 % of a huge base: the product overflows; reported, never a trap.
        let huge = PlanVerifier.PercentQuota(percent: ExactPercent("999999999.999999")!, base: Int.max / 2)
        #expect(huge.required == nil)
        #expect(!huge.isMet(by: 5))
        #expect(huge.text(count: 5) == "5 < ⌈999999999.999999% × \(Int.max / 2)⌉ = too large to compute")
    }

    @Test func percentTextKeepsTheWrittenDigits() {
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("1.2")!, base: 1).percentText == "1.2")
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("6")!, base: 1).percentText == "6")
        #expect(PlanVerifier.PercentQuota(percent: ExactPercent("0.05")!, base: 1).percentText == "0.05")
    }
}

@Suite struct WorkingDaysTests {
    let cal = PlanVerifier.WorkingDays(holidays: [Fixture.day("2025-04-04"), Fixture.day("2025-05-01")],
                          workdays: [Fixture.day("2025-04-27")])

    @Test func weekdaysHolidaysAndAdjustedWorkdays() {
        #expect(cal.isWorkingDay(Fixture.day("2025-04-03")))    // Thursday
        #expect(!cal.isWorkingDay(Fixture.day("2025-04-04")))   // Friday, 清明
        #expect(!cal.isWorkingDay(Fixture.day("2025-04-26")))   // Saturday
        #expect(cal.isWorkingDay(Fixture.day("2025-04-27")))    // Sunday, 调休
        #expect(!cal.isWorkingDay(Fixture.day("1969-12-28")))   // a Sunday before the epoch
        #expect(cal.isWorkingDay(Fixture.day("1969-12-29")))    // a Monday before the epoch
    }

    @Test func countsTheUnionOfRanges() {
        let a = Fixture.range("2025-03-31", "2025-04-27")
        #expect(cal.count(in: [a]) == 20)
        #expect(cal.count(in: [a, Fixture.range("2025-04-07", "2025-04-28")]) == 21)   // overlap counted once
        #expect(cal.count(in: []) == 0)
    }
}
