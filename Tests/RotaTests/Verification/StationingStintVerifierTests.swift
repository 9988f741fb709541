import Testing
@testable import RotaCore
@testable import RotaVerifier

/// rules.md, "Stationing stints": a village hosts one stationed helper at a time, so two may
/// follow each other in a year. In the fixture 唐亮 (ch-s1) is stationed at 李庄村 (cao-hanji-v01)
/// to 2025-06-30; 蒋华 (ch-tcm) of the same centre follows from 2025-07-01. The verifier accepts
/// the succession, counts both stationed, and refuses the two when they overlap by one day.
@Suite struct StationingStintVerifierTests {
    static func plan(secondFrom start: String) -> Plan {
        var p = Fixture.plan
        p.villageHelpers.append(PlanVillageHelper(person: "ch-tcm", sender: "cao-hanji", form: .station, site: "cao-hanji-v01",
                                                  start: start, end: "2025-12-31"))
        return p
    }

    @Test func twoHelpersInSuccessionPass() throws {
        let report = PlanVerifier(scenario: Fixture.scenario).verify(Self.plan(secondFrom: "2025-07-01"))
        #expect(report.passed, "\(report.failures.map(\.instance))")
        let target = try #require(report.checks.first { $0.instance == "T3.station-target[cao-hanji-v01]" })
        #expect(target.passed)
        let stationed = try #require(report.checks.first { $0.rule == "T3.total.stationed" })
        #expect(stationed.quantity("people") == 3)
    }

    @Test func overlappingByOneDayFails() {
        let failed = Set(PlanVerifier(scenario: Fixture.scenario).verify(Self.plan(secondFrom: "2025-06-30")).failures.map(\.instance))
        #expect(failed.contains("T3.station-target[cao-hanji-v01]"), "\(failed)")
    }
}
