import Foundation
import RotaCore
import RotaVerifier

/// `rota.xlsx`: the rota as an Excel workbook HR can filter, sort and print, with two sheets.
///
/// Sheet 1, `排班表`, is the wide grid (`RotaGrid`): row 1 the weekday of each day (周一 …
/// 周日), row 2 the headers — 人员编号, 姓名, 所属单位, 岗位, then each day as a real date
/// cell (shown `m月d日`) — then a row per person, the cells of `rota-grid.csv`. Headers of
/// non-working days are shaded grey; the two header rows and the id and name columns are
/// frozen; row 2 carries an autofilter; columns are as wide as their longest cell.
///
/// Sheet 2, `明细`, is the long form (`RotaLongForm`): a row per person and half-day, its
/// date a real date cell (`yyyy-mm-dd`), with the header frozen and filtered.
///
/// Both print landscape on A4 with the header rows (and on the grid, the id and name
/// columns) repeated on every page: the long form fit to one page wide, the grid to one page
/// wide per month of the period (a month's days across a page). The bytes depend only on the
/// inputs (see `XLSXWorkbook`).
///
/// ```swift
/// let data = try RotaWorkbook.data(rota: rota, plan: plan, scenario: scenario)
/// try data.write(to: out.appendingPathComponent(RotaWorkbook.fileName))
/// ```
public enum RotaWorkbook {
    public static let fileName = "rota.xlsx"
    public static let gridSheetName = "排班表"
    public static let longSheetName = "明细"
    /// The label left of the weekday row.
    public static let weekdayRowLabel = "星期"

    public static func data(rota: WeeklyRota, plan: Plan, scenario: Scenario) throws -> Data {
        let ctx = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
        return try data(grid: RotaGrid(ctx), ctx: ctx)
    }

    /// The long form's rows are made as the sheet is written (`RotaLongForm.source`), not held.
    static func data(grid: RotaGrid, ctx: RotaOutputContext) throws -> Data {
        try XLSXWorkbook.data(sheets: [gridSheet(grid), longSheet(RotaLongForm.source(ctx))])
    }

    static func gridSheet(_ grid: RotaGrid) -> XLSXSheet {
        let lead = RotaGrid.leadingColumns.count
        var weekdays = [XLSXCell](repeating: "", count: lead)
        weekdays[lead - 1] = .text(weekdayRowLabel)
        weekdays += grid.days.map { .text(RotaLongForm.weekdayLabel($0)) }
        let header = RotaGrid.leadingColumns.map(XLSXCell.text) + grid.days.map(XLSXCell.day)
        let body = grid.rows.map { $0.map(XLSXCell.text) }
        let rows = [weekdays, header] + body
        let months = Set(grid.days.map(\.monthKey)).count
        return XLSXSheet(name: gridSheetName, rows: rows, headerRows: 2, frozenColumns: 2,
                         columnWidths: XLSXSheet.fittedWidths(rows, minimum: 8, maximum: 40),
                         shadedHeader: Array(repeating: false, count: lead) + grid.workingDays.map { !$0 },
                         filterRow: 2, fitToWidth: max(1, months))
    }

    static func longSheet(_ body: XLSXRowSource) -> XLSXSheet {
        let header = [RotaLongForm.header.map(XLSXCell.text)]
        return XLSXSheet(name: longSheetName, rows: header, headerRows: 1, frozenColumns: 2,
                         columnWidths: XLSXSheet.fittedWidths(header, more: body, minimum: 6, maximum: 40),
                         filterRow: 1, fitToWidth: 1, more: body)
    }
}
