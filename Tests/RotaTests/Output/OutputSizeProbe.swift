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

/// Measures the outputs of a synthetic Heze-sized year: 900 people, every activity, 365 days.
/// Run with `ROTA_OUTPUT_PROBE=1 swift test --filter outputSizeProbe`; set `ROTA_OUTPUT_DUMP=DIR`
/// to write the files there too (the fixture's files go to `DIR/fixture`).
@Test(.enabled(if: ProcessInfo.processInfo.environment["ROTA_OUTPUT_PROBE"] != nil))
func outputSizeProbe() throws {
    var size = TestRegion.Size()
    size.counties = 10; size.townshipsPerCounty = 17; size.villagesPerTownship = 30; size.tertiary = 5; size.secondary = 5
    let s = TestRegion.scenario(size: size) { s in
        s.calendar = WorkCalendar(holidays: ["2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03",
                                             "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"].map { Day(iso: $0)! },
                                  workdays: ["2025-01-26", "2025-02-08", "2025-09-28", "2025-10-11"].map { Day(iso: $0)! })
    }
    let rota = syntheticRota(s)
    let plan = Plan(scenario: s.name, profile: s.profile, period: PlanPeriod(start: "2025-01-01", end: "2025-12-31"))
    let t0 = Date()
    let files = try RotaOutputs.files(rota: rota, plan: plan, scenario: s, report: nil)
    let elapsed = Date().timeIntervalSince(t0)
    var t = Date()
    let ctx = RotaOutputContext(rota: rota, plan: plan, scenario: s)
    func lap(_ what: String) { print("probe: \(what) \(String(format: "%.2f", Date().timeIntervalSince(t))) s"); t = Date() }
    lap("context")
    let grid = RotaGrid(ctx); lap("grid")
    _ = RotaGridCSV.render(grid); lap("grid csv")
    _ = RotaLongForm(ctx); lap("long form")
    _ = try RotaWorkbook.data(grid: grid, ctx: ctx); lap("xlsx")
    _ = PersonCalendar.files(ctx); lap("ics")
    _ = SiteRotaCSV.files(ctx); lap("sites")
    _ = RotaReportPages.files(ctx, report: nil); lap("html")
    func total(_ prefix: String) -> Int { files.filter { $0.name.hasPrefix(prefix) }.reduce(0) { $0 + $1.data.count } }
    print("probe: \(ctx.people.count) people, \(ctx.sites.count) sites, \(rota.entries.count) entries, \(ctx.days.count) days; files() \(String(format: "%.1f", elapsed)) s")
    for (name, bytes) in [("rota-grid.csv", total("rota-grid.csv")), ("rota.xlsx", total("rota.xlsx")), ("ics/", total("ics/")),
                          ("sites/", total("sites/")), ("report.html", total("report.html")), ("report/", total("report/"))] {
        print("probe: \(name) \(bytes) bytes (\(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB)")
    }
    #expect(total("report.html") < 2_000_000)
    #expect(files.filter { $0.name.hasPrefix("report/") }.allSatisfy { $0.data.count < 2_000_000 })
    if let dir = ProcessInfo.processInfo.environment["ROTA_OUTPUT_DUMP"] {
        try write(files, to: URL(fileURLWithPath: dir).appendingPathComponent("heze-size"))
        try write(try OutputFixture.files(), to: URL(fileURLWithPath: dir).appendingPathComponent("fixture"))
    }
}

private func write(_ files: [(name: String, data: Data)], to dir: URL) throws {
    for f in files {
        let url = dir.appendingPathComponent(f.name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try f.data.write(to: url)
    }
}

/// 110 T1 (with 3331 groups), 340 T2, 35 stationed, 215 rounds, 100 technical-support
/// helpers and 100 TCM clinic physicians over 2025.
private func syntheticRota(_ s: Scenario) -> WeeklyRota {
    let counties = s.institutions.filter { $0.tier == .county }.map(\.id)
    let townships = s.institutions.filter { $0.tier == .township }.map(\.id)
    let tcmTownships = s.institutions.filter { $0.tier == .township && $0.tcmFeatured }.map(\.id)
    let villages = s.institutions.filter { $0.tier == .village }.map(\.id)
    let people = s.staff.map(\.id).sorted()
    let days = s.period.days.filter { s.calendar.isWorkingDay($0) }
    var e: [RotaEntry] = []
    func add(_ p: String, _ d: Day, _ h: HalfDay, _ site: String, _ a: RotaActivity) {
        e.append(RotaEntry(person: p, date: d.iso, half: h, site: site, activity: a))
    }
    for (i, p) in people.prefix(900).enumerated() {
        for (k, d) in days.enumerated() {
            let week = k / 5, dow = d.weekday
            switch i {
            case 0..<110:
                if i % 6 < 3 && d.civil.day % 10 == 3 {
                    let ws = villages[(i / 6) * 30 % villages.count]
                    add(p, d, .am, ws, .rounds3331); add(p, d, .pm, ws, d.month % 2 == 0 ? .teaching3331 : .lecture3331)
                } else {
                    add(p, d, .am, counties[i % counties.count], .posting); add(p, d, .pm, counties[i % counties.count], .posting)
                }
            case 110..<450:
                add(p, d, .am, townships[i % townships.count], .posting); add(p, d, .pm, townships[i % townships.count], .posting)
            case 450..<485:
                let v = villages[(i * 37) % villages.count]
                add(p, d, .am, v, .station); add(p, d, .pm, v, .station)
            case 485..<700:
                if dow == 2 || dow == 4 { add(p, d, dow == 2 ? .am : .pm, villages[(i * 13 + week % 3) % villages.count], .rounds) }
            case 700..<800:
                if dow == 3 { add(p, d, .pm, villages[(i * 29 + 7) % villages.count], .techSupport) }
            default:
                if dow == 5 { add(p, d, .am, tcmTownships[i % tcmTownships.count], .tcmClinic) }
            }
        }
    }
    return WeeklyRota(scenario: s.name, entries: e)
}
