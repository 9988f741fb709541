import Foundation
import Testing
@testable import Rota

@Test(.enabled(if: ProcessInfo.processInfo.environment["ROTA_SMALL_PROBE"] != nil))
func smallProbe() throws {
    let s = TestRegion.scenario()
    let planner = AnnualPlanner(scenario: s, options: PlanningOptions(timeLimit: 20, gap: 0.01))
    let m = planner.models()[0]
    print("rows \(m.rows.count) cols \(m.columns.count)")
    var last = -1.0
    let o = try planner.plan { p in if p.elapsed - last > 1 { last = p.elapsed; print("  \(p.elapsed) inc \(p.incumbent ?? -1) bound \(p.bound ?? -1) gap \(p.gap ?? -1) nodes \(p.activeNodes)") } }
    if case .planned(let plan) = o { print(plan.solver!) }
}
