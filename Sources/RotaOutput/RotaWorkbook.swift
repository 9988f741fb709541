import Foundation
import RotaCore
import RotaVerifier

/// `rota.xlsx`: the rota as an Excel workbook with two sheets.
///
/// Sheet 1, `排班 Grid`, is the wide grid (`RotaGrid`), cell for cell the same as
/// `rota-grid.csv`, with the person columns and the header frozen and the headers of
/// non-working days shaded grey. Sheet 2, `明细 Entries`, is the long form (`RotaLongForm`),
/// the same rows and columns as `rota.csv`. Every cell is text. The bytes depend only on
/// the inputs (see `XLSXWorkbook`).
///
/// ```swift
/// let data = try RotaWorkbook.data(rota: rota, plan: plan, scenario: scenario)
/// try data.write(to: out.appendingPathComponent(RotaWorkbook.fileName))
/// ```
public enum RotaWorkbook {
    public static let fileName = "rota.xlsx"
    public static let gridSheetName = "排班 Grid"
    public static let longSheetName = "明细 Entries"

    public static func data(rota: WeeklyRota, plan: Plan, scenario: Scenario) throws -> Data {
        let ctx = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
        return try data(grid: RotaGrid(ctx), long: RotaLongForm(ctx))
    }

    static func data(grid: RotaGrid, long: RotaLongForm) throws -> Data {
        let lead = RotaGrid.leadingColumns.count
        let gridSheet = XLSXSheet(name: gridSheetName, rows: [grid.header] + grid.rows, frozenColumns: 2,
                                  columnWidths: [12, 10, 16, 6], otherColumnWidth: 30,
                                  shadedHeader: Array(repeating: false, count: lead) + grid.workingDays.map { !$0 })
        let longSheet = XLSXSheet(name: longSheetName, rows: [RotaLongForm.header] + long.rows, frozenColumns: 0,
                                  columnWidths: [12, 10, 12, 11, 5, 14, 20, 14])
        return try XLSXWorkbook.data(sheets: [gridSheet, longSheet])
    }
}
