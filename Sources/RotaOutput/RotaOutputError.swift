import RotaCore
import RotaVerifier
/// Why an output file could not be written.
///
/// ```swift
/// RotaOutputError.tooLargeForExcel(sheet: "明细", rows: 1_200_000, columns: 8).description
/// // "sheet 明细 has 1200000 rows and 8 columns; Excel holds at most 1048576 rows and 16384 columns"
/// ```
public enum RotaOutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A sheet is past Excel's limits of 1,048,576 rows and 16,384 columns.
    case tooLargeForExcel(sheet: String, rows: Int, columns: Int)
    /// The zip library failed.
    case archive(String)

    public var description: String {
        switch self {
        case let .tooLargeForExcel(sheet, rows, columns):
            return "sheet \(sheet) has \(rows) rows and \(columns) columns; Excel holds at most \(XLSXWorkbook.maxRows) rows and \(XLSXWorkbook.maxColumns) columns"
        case let .archive(message):
            return "xlsx: \(message)"
        }
    }
}
