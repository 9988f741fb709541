import Foundation
import Testing
@testable import Rota

@Test(.enabled(if: ProcessInfo.processInfo.environment["ROTA_SCALE_PROBE"] != nil))
func scaleProbe() throws {
    var size = TestRegion.Size()
    size.counties = 10; size.townshipsPerCounty = 17; size.villagesPerTownship = 30; size.tertiary = 5; size.secondary = 5
    size.totals = (800, 110, 340, 350, 35)
    let s = TestRegion.scenario(size: size)
    let t0 = Date()
    let planner = AnnualPlanner(scenario: s, options: PlanningOptions(timeLimit: 60, gap: 0.01))
    let m = planner.models()[0]
    print("model rows \(m.rows.count) cols \(m.columns.count) int \(m.integerColumnCount) nz \(m.nonzeroCount) built in \(Date().timeIntervalSince(t0))")
    var last = -10.0
    let outcome = try planner.plan { p in if p.elapsed - last > 5 { last = p.elapsed; print("  \(p.elapsed) inc \(p.incumbent ?? -1) bound \(p.bound ?? -1) gap \(p.gap ?? -1)") } }
    print("total \(Date().timeIntervalSince(t0))")
    if case .planned(let plan) = outcome { print(plan.solver!) } else { print(outcome) }
}
