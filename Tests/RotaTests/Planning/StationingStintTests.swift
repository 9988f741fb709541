import Foundation
import Testing
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// rules.md, "Stationing stints": a village hosts at most one stationed helper at a time and
/// each stays at least T3.station-months, so a village may host two helpers in succession.
@Suite struct StationingStintTests {
    /// Scenarios/infeasible/stationing.yaml has three villages open to stationing; with
    /// T3.total.stationed 6 each hosts two half-year helpers.
    static func threeVillagesSixStationed() throws -> Scenario {
        let path = ScenarioFilesPlanTests.root.appendingPathComponent("Scenarios/infeasible/stationing.yaml").path
        var yaml = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(yaml.split(separator: "\n").first { $0.hasPrefix("  T3.total.stationed:") })
        yaml = yaml.replacingOccurrences(of: String(line), with: "  T3.total.stationed: 6")
        return try ScenarioReader.read(yaml: yaml, fileName: "stints.yaml", baseDirectory: "Scenarios/infeasible")
    }

    @Test func threeVillagesHostSixStationedHelpersInSuccession() throws {
        let scenario = try Self.threeVillagesSixStationed()
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 60)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.failures.prefix(5).map { "\($0.instance): \($0.finding)" })")
        let stationed = plan.villageHelpers.filter { $0.form == .station }
        #expect(Set(stationed.map(\.person)).count >= 6)
        // Each village's stationings never overlap, and each lasts at least 6 months.
        for (village, list) in Dictionary(grouping: stationed, by: \.site) {
            let ranges = list.map { DayRange(from: Day(iso: $0.start)!, to: Day(iso: $0.end)!) }.sorted { $0.from < $1.from }
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.to < b.from, "\(village): \(a) and \(b) overlap") }
            for r in ranges { #expect(r.from.adding(months: 6).adding(days: -1) <= r.to, "\(village): \(r)") }
        }
        #expect(stationed.contains { $0.start == "2025-01-01" && $0.end == "2025-06-30" })
        #expect(stationed.contains { $0.start == "2025-07-01" && $0.end == "2025-12-31" })

        // The weekly rota keeps each stationed helper in their village during their stint only.
        let rota = try RotaPlanner(scenario: scenario, plan: plan).schedule()
        for h in stationed {
            let entries = rota.entries.filter { $0.person == h.person && $0.activity == .station }
            #expect(!entries.isEmpty, "\(h.person) is never scheduled")
            #expect(entries.allSatisfy { $0.site == h.site && $0.date >= h.start && $0.date <= h.end },
                    "\(h.person) scheduled outside \(h.start)..\(h.end)")
        }
        let rotaChecks = RotaVerifier(scenario: scenario, plan: plan).verify(entries: rota.entries)
        let failed = rotaChecks.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed.prefix(5).map { "\($0.instance): \($0.finding)" })")
    }

    /// A whole-year helper is preferred where the totals do not ask for more: heze-mini's two
    /// stationed helpers each stay the whole year.
    @Test func wholeYearWhereTotalsAllow() throws {
        let path = ScenarioFilesPlanTests.root.appendingPathComponent("Scenarios/mini/heze-mini.yaml").path
        let scenario = try ScenarioReader.read(path: path)
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 60)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        #expect(PlanVerifier(scenario: scenario).verify(plan).passed)
        let stationed = plan.villageHelpers.filter { $0.form == .station }
        #expect(!stationed.isEmpty)
        #expect(stationed.allSatisfy { $0.start == plan.period.start && $0.end == plan.period.end })
    }
}
