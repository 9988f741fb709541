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
/// date a real date cell (`yyyy-mm-dd`), with the header frozen and filtered. A region whose
/// long form passes Excel's 1,048,576 rows (four times Heze's size and more) continues it on
/// sheets `明细 2`, `明细 3`, …, each with the header, in the same order.
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
        try XLSXWorkbook.data(sheets: [gridSheet(grid)] + longSheets(RotaLongForm.source(ctx)))
    }

    /// The long form's rows per sheet: Excel's row limit less the header row.
    static let longRowsPerSheet = XLSXWorkbook.maxRows - 1

    /// The long form on as many sheets as Excel's row limit needs: `明细`, then `明细 2`, …,
    /// each with the header and at most `rowsPerSheet` rows, in the source's order.
    static func longSheets(_ body: XLSXRowSource, rowsPerSheet: Int = longRowsPerSheet) -> [XLSXSheet] {
        let parts = max(1, (body.count + rowsPerSheet - 1) / rowsPerSheet)
        return (0..<parts).map { k in
            let start = k * rowsPerSheet
            let slice = XLSXRowSource(count: min(rowsPerSheet, body.count - start), columns: body.columns) { body.row(start + $0) }
            return longSheet(slice, name: k == 0 ? longSheetName : "\(longSheetName) \(k + 1)")
        }
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

    static func longSheet(_ body: XLSXRowSource, name: String = longSheetName) -> XLSXSheet {
        let header = [RotaLongForm.header.map(XLSXCell.text)]
        return XLSXSheet(name: name, rows: header, headerRows: 1, frozenColumns: 2,
                         columnWidths: XLSXSheet.fittedWidths(header, more: body, minimum: 6, maximum: 40),
                         filterRow: 1, fitToWidth: 1, more: body)
    }
}
