import Foundation
import RotaCore
import RotaVerifier

/// Every human-facing file of a rota, ready to be written under one output folder.
///
/// `files` returns, in this order and with these relative names:
///
/// | name              | for               | writer            |
/// |-------------------|-------------------|-------------------|
/// | `rota-grid.csv`   | HR departments    | `RotaGridCSV`     |
/// | `rota.xlsx`       | HR departments    | `RotaWorkbook`    |
/// | `ics/PERSON.ics`  | each person       | `PersonCalendar`  |
/// | `sites/SITE.csv`  | each host site    | `SiteRotaCSV`     |
/// | `report.html`     | planners, leaders | `RotaReportPage`  |
/// | `report/*.html`   | each hospital's HR office, each county | `RotaReportPages` |
///
/// (`rota.csv`, the machine-readable long form, is written by the rota planner's
/// `RotaCSV`; the workbook's second sheet has the same rows.) Each writer can also be used
/// on its own. Everything is deterministic: the same inputs give the same names and bytes,
/// with no clock, dictionary order or locale involved.
///
/// ```swift
/// for file in try RotaOutputs.files(rota: rota, plan: plan, scenario: scenario, report: report) {
///     let url = out.appendingPathComponent(file.name)
///     try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
///     try file.data.write(to: url)
/// }
/// ```
public enum RotaOutputs {
    /// Every file, in the table's order.
    ///
    /// With `earlier` (a re-plan), the calendars and site sheets whose contents cannot have
    /// changed are taken from the earlier plan's folder rather than rendered again; the files
    /// are the same bytes either way (`EarlierOutputs`).
    ///
    /// Only the kinds `selection` asks for are rendered (`rota plan --outputs plan` renders
    /// none of them); the calendars are rendered for `calendars-zip` too, which zips them.
    public static func files(rota: WeeklyRota, plan: Plan, scenario: Scenario,
                             report: VerificationReport?, earlier: EarlierOutputs? = nil,
                             selection: OutputSelection = .everything) throws -> [(name: String, data: Data)] {
        let ctx = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
        let wants = selection.sets
        let needsGrid = wants.contains(.grid) || wants.contains(.workbook)
        let grid = needsGrid ? RotaGrid(ctx) : nil
        // The kinds of file are independent: each is made as one job, on every core, and
        // joined in the table's order, so the result never depends on which finished first.
        var kinds: [@Sendable () throws -> [(name: String, data: Data)]] = []
        if let grid, wants.contains(.grid) { kinds.append { [(RotaGridCSV.fileName, Data(RotaGridCSV.render(grid).utf8))] } }
        if let grid, wants.contains(.workbook) { kinds.append { [(RotaWorkbook.fileName, try RotaWorkbook.data(grid: grid, long: RotaLongForm(ctx)))] } }
        if wants.contains(.calendars) || wants.contains(.calendarsZip) { kinds.append { PersonCalendar.files(ctx, earlier: earlier) } }
        if wants.contains(.sites) { kinds.append { SiteRotaCSV.files(ctx, earlier: earlier) } }
        if wants.contains(.report) { kinds.append { RotaReportPages.files(ctx, report: report) } }
        let jobs = kinds
        let made = ParallelJobs.run(count: jobs.count, threads: ParallelJobs.processors) { k in
            Result { try jobs[k]() }
        }
        return try made.flatMap { try $0.get() }
    }
}
