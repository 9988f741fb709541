import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaConflictCheck

@Suite struct ScenarioFactsTests {
    static func facts(from: String, to: String, stationMonths: Int = 6) -> ScenarioFacts {
        ScenarioFacts(scenario: TestRegion.scenario { s in
            s.period = DayRange(from: Day(iso: from)!, to: Day(iso: to)!)
            s.parameters.set("T3.station-months", .integer(stationMonths))
        })
    }

    /// rules.md, "Stationing stints": successive stints of T3.station-months in the period.
    @Test func countsTheStintsAVillageHolds() {
        #expect(Self.facts(from: "2025-01-01", to: "2025-12-31").stints == 2)
        #expect(Self.facts(from: "2025-01-01", to: "2025-12-30").stints == 1)
        #expect(Self.facts(from: "2025-01-01", to: "2025-12-31", stationMonths: 12).stints == 1)
        #expect(Self.facts(from: "2025-01-01", to: "2025-12-31", stationMonths: 4).stints == 3)
        #expect(Self.facts(from: "2025-01-01", to: "2025-04-30").stints == 0)
        #expect(Self.facts(from: "2025-03-15", to: "2026-09-14").stints == 3)
    }

    /// ⌈p·N⌉ in integers, at least 1 for a listed sender with staff, 0 without.
    @Test func quotasAreExactIntegers() {
        let s = TestRegion.scenario()
        let facts = ScenarioFacts(scenario: s)
        var h = s.institutions[0]
        for (staff, expected) in [(84, 2), (1000, 12), (1001, 13), (1, 1), (0, 0)] {
            h.technicalStaff = staff
            #expect(facts.required(quota: "T1.quota", of: h) == expected, "\(staff)")
        }
        h.technicalStaff = nil
        #expect(facts.required(quota: "T1.quota", of: h) == 0)
    }

    /// Working days of leave come from the verifier's calendar, clipped to the period.
    @Test func leaveIsCountedInWorkingDaysInsideThePeriod() {
        let s = TestRegion.scenario { s in
            s.staff[0].unavailable = [DayRange(from: Day(iso: "2024-12-29")!, to: Day(iso: "2025-01-10")!)]
        }
        let facts = ScenarioFacts(scenario: s)
        // 2025-01-01 is a holiday: Jan 2, 3, 6–10.
        #expect(facts.leaveDays[s.staff[0].id] == 7)
        #expect(facts.isFreeForPosting(s.staff[0].id))
    }
}
