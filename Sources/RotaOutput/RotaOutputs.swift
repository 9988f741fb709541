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
        try outputFiles(rota: rota, plan: plan, scenario: scenario, report: report, earlier: earlier, selection: selection) { .data($1) }
            .map { ($0.name, $0.contents.bytes) }
    }

    /// Every file, in the table's order, each handed to `store` as soon as it is made: the
    /// contents `store` returns are what the list holds.
    ///
    /// Discussion: `rota plan` stores the files it will write as they are into the output
    /// folder's hidden folder (`OutputFolder.stage`), so a job's files leave memory when the
    /// job ends rather than when every output is made; `files` keeps them as data. `store` is
    /// called on the jobs' threads, several at once.
    ///
    /// ```swift
    /// let files = try RotaOutputs.outputFiles(rota: rota, plan: plan, scenario: scenario, report: nil) { name, data in
    ///     try folder.stage(OutputFile(name, data)).contents
    /// }
    /// ```
    public static func outputFiles(rota: WeeklyRota, plan: Plan, scenario: Scenario,
                                   report: VerificationReport?, earlier: EarlierOutputs? = nil,
                                   selection: OutputSelection = .everything,
                                   store: @escaping @Sendable (String, Data) throws -> OutputContents) throws -> [OutputFile] {
        try outputFiles(Prepared(rota: rota, plan: plan, scenario: scenario), report: report, earlier: earlier,
                        selection: selection, store: store)
    }

    /// What every writer looks up, worked out once from a rota, its plan and the scenario.
    ///
    /// Discussion: sorting a year's entries by person and by site and indexing them takes a
    /// few tenths of a second for Heze; a run that makes its files in two calls (`rota plan`
    /// makes the report pages after the verification, the rest beside it) prepares once and
    /// passes the same value to both.
    ///
    /// ```swift
    /// let prepared = RotaOutputs.Prepared(rota: rota, plan: plan, scenario: scenario)
    /// let early = try RotaOutputs.outputFiles(prepared, report: nil, selection: sheets) { .data($1) }
    /// let pages = try RotaOutputs.outputFiles(prepared, report: report, selection: reportOnly) { .data($1) }
    /// ```
    public struct Prepared: Sendable {
        let ctx: RotaOutputContext

        public init(rota: WeeklyRota, plan: Plan, scenario: Scenario) {
            ctx = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
        }
    }

    /// Every file of `prepared`, in the table's order, each handed to `store` as it is made.
    public static func outputFiles(_ prepared: Prepared, report: VerificationReport?, earlier: EarlierOutputs? = nil,
                                   selection: OutputSelection = .everything,
                                   store: @escaping @Sendable (String, Data) throws -> OutputContents) throws -> [OutputFile] {
        let ctx = prepared.ctx
        let wants = selection.sets
        let needsGrid = wants.contains(.grid) || wants.contains(.workbook)
        let grid = needsGrid ? RotaGrid(ctx) : nil
        // Every file is independent: the files are made as one list of jobs on every core — the
        // workbook, the longest, started first; the calendars and site sheets in slices of
        // people and sites, so no core idles while another finishes a kind — and joined in the
        // table's order, so the result never depends on which finished first.
        typealias Job = @Sendable () throws -> [(name: String, data: Data)]
        var jobs: [Job] = []
        var longest: Int?
        if let grid, wants.contains(.grid) { jobs.append { [(RotaGridCSV.fileName, Data(RotaGridCSV.render(grid).utf8))] } }
        if let grid, wants.contains(.workbook) {
            longest = jobs.count
            jobs.append { [(RotaWorkbook.fileName, try RotaWorkbook.data(grid: grid, ctx: ctx))] }
        }
        // One file per person or site: in slices, or as one job when an earlier folder may
        // supply files (it checks the first it could take over, in order).
        func perItem(_ count: Int, whole: @escaping Job, slice: @escaping @Sendable (Range<Int>) -> [(name: String, data: Data)]) -> [Job] {
            earlier != nil ? [whole] : slices(count).map { part in { slice(part) } }
        }
        if wants.contains(.calendars) || wants.contains(.calendarsZip) {
            let stems = OutputFileName.names(for: ctx.people)
            jobs += perItem(ctx.people.count, whole: { PersonCalendar.files(ctx, earlier: earlier) },
                            slice: { PersonCalendar.files(ctx, people: $0, stems: stems) })
        }
        if wants.contains(.sites) {
            let stems = OutputFileName.names(for: ctx.sites)
            jobs += perItem(ctx.sites.count, whole: { SiteRotaCSV.files(ctx, earlier: earlier) },
                            slice: { SiteRotaCSV.files(ctx, sites: $0, stems: stems) })
        }
        if wants.contains(.report) { jobs.append { RotaReportPages.files(ctx, report: report) } }
        let all = jobs
        // The order jobs are started in: the longest first, then the table's order.
        let start = longest.map { l in [l] + all.indices.filter { $0 != l } } ?? Array(all.indices)
        let made = ParallelJobs.run(count: all.count, threads: ParallelJobs.processors) { k in
            Result { try all[start[k]]().map { OutputFile($0.name, try store($0.name, $0.data)) } }
        }
        var inOrder = [Result<[OutputFile], Error>?](repeating: nil, count: all.count)
        for (k, result) in made.enumerated() { inOrder[start[k]] = result }
        return try inOrder.flatMap { try $0!.get() }
    }

    /// `count` items cut into about 16 contiguous slices (none when `count` is 0).
    static func slices(_ count: Int) -> [Range<Int>] {
        let parts = min(count, 16)
        return (0..<parts).map { k in count * k / parts..<count * (k + 1) / parts }
    }
}
