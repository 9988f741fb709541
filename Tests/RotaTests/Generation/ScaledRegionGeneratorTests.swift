import Foundation
import Rota
import Testing

/// The scaled-region generator ("2× Heze"): copies of a region with successive seeds as one
/// scenario, ids kept apart, totals scaled; it reads back and plans to a verified plan.
@Suite struct ScaledRegionGeneratorTests {
    @Test func copiesAreTheRegionWithSuccessiveSeedsPrefixedAndTotalsScaled() throws {
        let g = ScaledRegionGenerator(region: .hezeMudan, copies: 2, seed: 3).generate()
        #expect(g.scenario.name == "heze-mudan-x2-2025")
        let plain = [3, 4].map { ScenarioGenerator(region: .hezeMudan, seed: UInt64($0)).generate().scenario }
        #expect(g.scenario.institutions.count == plain[0].institutions.count + plain[1].institutions.count)
        #expect(g.scenario.staff.map(\.id) == plain[0].staff.map { "x1-" + $0.id } + plain[1].staff.map { "x2-" + $0.id })
        #expect(g.scenario.counties.map(\.id) == plain[0].counties.map { "x1-" + $0.id } + plain[1].counties.map { "x2-" + $0.id })
        #expect(Set(g.scenario.institutions.map(\.id)).count == g.scenario.institutions.count)
        for key in ScaledRegionGenerator.scaledTotals {
            #expect(g.scenario.parameters.int(key) == 2 * plain[0].parameters.int(key), "\(key)")
        }
        #expect(ScaledRegionGenerator(region: .hezeMudan, copies: 2, seed: 3).generate().yamlText == g.yamlText)
    }

    @Test func writtenRegionReadsBackAndPlansToAVerifiedPlan() throws {
        let g = ScaledRegionGenerator(region: .hezeMudan, copies: 2, seed: 1).generate()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-scaled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(g.yamlText.utf8).write(to: dir.appendingPathComponent(g.yamlFileName))
        try Data(g.csvText.utf8).write(to: dir.appendingPathComponent(g.csvFileName))
        let scenario = try ScenarioReader.read(path: dir.appendingPathComponent(g.yamlFileName).path)
        #expect(scenario.staff.map(\.id) == g.scenario.staff.map(\.id))
        #expect(scenario.parameters.int("REGION.total") == g.scenario.parameters.int("REGION.total"))
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 120)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.failures.prefix(5).map(\.instance))")
        // Fewest people first: at the proven lower bound.
        let quality = PlanQuality(plan: plan, scenario: scenario)
        #expect(quality.people.region.excess == 0, "\(quality.people.region)")
    }
}
