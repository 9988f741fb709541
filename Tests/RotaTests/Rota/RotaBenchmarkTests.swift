import Foundation
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

/// Times the rota planner on a Heze-sized region. Opt in with `ROTA_BENCH=1` (best in
/// release: `swift test -c release -Xswiftc -enable-testing --filter RotaBenchmark`);
/// `ROTA_THREADS=n` sets the thread count (default 2).
@Suite struct RotaBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ROTA_BENCH"] == "1"))
    func aHezeSizedYear() throws {
        let built = SyntheticRegion.heze()
        let helpers = Dictionary(grouping: built.plan.villageHelpers, by: \.form).mapValues(\.count)
        print("synthetic Heze: \(built.plan.teams.count) teams, \(built.plan.teams.flatMap(\.members).count) posted, helpers \(helpers), \(built.plan.tcmClinics.count) TCM clinics, \(built.scenario.staff.count) staff")
        let threads = Int(ProcessInfo.processInfo.environment["ROTA_THREADS"] ?? "") ?? 2
        let run = try RotaPlanner(scenario: built.scenario, plan: built.plan, options: RotaOptions(threads: threads)).run()
        print("synthetic Heze rota: \(run.statistics.summary)")
        print("relaxations \(run.rota.relaxations.count), covers \(run.rota.covers.count), shortfalls \(run.rota.shortfalls.count)")
        let byRule = Dictionary(grouping: run.rota.shortfalls, by: \.rule).mapValues(\.count)
        print("shortfalls by rule \(byRule.sorted { $0.key < $1.key })")
        for s in run.rota.shortfalls.prefix(10) { print("  \(s)") }
        let started = Date()
        let csv = RotaCSV.render(rota: run.rota, scenario: built.scenario)
        let rendered = Date()
        let parsed = try RotaCSV.parse(csv)
        print("rota.csv: \(csv.utf8.count) bytes, render \(String(format: "%.2f", rendered.timeIntervalSince(started))) s, parse \(String(format: "%.2f", Date().timeIntervalSince(rendered))) s")
        #expect(parsed.count == run.rota.entries.count)
        #expect(run.statistics.unsolved == 0)
    }
}
