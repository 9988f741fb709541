import Foundation
import RotaCore

/// The workbook `rota template` writes: a scenario to fill in, in Chinese, that
/// `rota plan` reads back directly (`ScenarioWorkbookLayout`).
///
/// Sheets, in this order: `说明` (what to fill where), `方案` (name, 政策, 开始日期, 结束日期,
/// with the policy as a drop-down list and room for rule overrides), then one table sheet
/// each for `县区`, `单位`, `村卫生室`, `人员` and `日历`: Chinese headers in row 1 (bold,
/// frozen), an example row in row 2 (its first cell starts with `例：`, so the reader skips it), drop-
/// down lists on every column with a fixed set of words (层级, 是/否 columns, 岗位类别, 职称,
/// 日历's 类别) down to row `validatedRows`, and example dates as real date cells. The bytes are
/// always the same (`XLSXWorkbook`).
///
/// ```swift
/// try ScenarioTemplate.data().write(to: URL(fileURLWithPath: "方案.xlsx"))
/// ```
public enum ScenarioTemplate {
    typealias Layout = ScenarioWorkbookLayout

    /// The last row the drop-down lists cover.
    public static let validatedRows = 5000

    public static func data() throws -> Data { try XLSXWorkbook.data(sheets: sheets()) }

    static func sheets() -> [XLSXSheet] {
        [instructions(), settings()] + Layout.tables.map(table)
    }

    static let instructionLines = [
        "填写说明（rota 方案工作簿）",
        "1. 在“方案”表填写方案名称、政策（下拉选择）、计划期开始和结束日期；如需覆盖政策参数，在下方 A 列填参数名（如 REGION.total），B 列填数值。",
        "2. “县区”表：每个县区一行（编号、名称）。",
        "3. “单位”表：三级医院、二级医院、县级医院、乡镇卫生院，每个单位一行；层级从下拉列表选择。",
        "4. “村卫生室”表：每个村卫生室一行；所属乡镇卫生院可填编号或名称；是/否从下拉列表选择。",
        "5. “人员”表：候选派出人员，每人一行；岗位类别、职称从下拉列表选择；单位可填编号或名称。",
        "6. “日历”表：节假日、调休上班日、请假，每段日期一行；请假须填人员编号。日期可填 2025-07-01、2025/7/1、2025年7月1日 或 Excel 日期。",
        "7. 各表第 2 行是示例（第一格以“例：”开头）：可直接覆盖；以“例：”开头的行不会被读入。",
        "8. 填好后运行：rota plan 本文件.xlsx（出错时会指出工作表和单元格，如 单位!E7）。",
        "",
        "各列说明：",
    ]

    static func instructions() -> XLSXSheet {
        var rows: [[XLSXCell]] = instructionLines.map { [.text($0)] }
        for item in Layout.settings { rows.append([.text("\(Layout.settingsSheet) · \(item.label)：\(item.note)")]) }
        for table in Layout.tables {
            for column in table.columns { rows.append([.text("\(table.name) · \(column.header)：\(column.note)")]) }
        }
        return XLSXSheet(name: Layout.instructionsSheet, rows: rows, headerRows: 1, columnWidths: [120])
    }

    static func settings() -> XLSXSheet {
        var rows: [[XLSXCell]] = [Layout.settingsHeader.map(XLSXCell.text)]
        for item in Layout.settings {
            rows.append([.text(item.label), cell(item.example, kind: item.kind), .text(item.note)])
        }
        rows.append(["", "", "以下各行可选：A 列填规则参数名（如 REGION.total、T1.team-size），B 列填数值"])
        let profileRow = 1 + (Layout.settings.firstIndex { $0.field == "profile" } ?? 0) + 1
        return XLSXSheet(name: Layout.settingsSheet, rows: rows, headerRows: 1, columnWidths: [18, 20, 70],
                         validations: [XLSXListValidation(column: 1, rows: profileRow...profileRow, values: Layout.profileNames,
                                                          message: "请选择政策：" + Layout.profileNames.joined(separator: "、"))])
    }

    static func table(_ table: Layout.Table) -> XLSXSheet {
        let header = table.columns.map { XLSXCell.text($0.header) }
        var example = table.columns.map { cell($0.example, kind: $0.kind) }
        example[0] = .text(Layout.examplePrefix + example[0].text)
        var validations: [XLSXListValidation] = []
        for (i, column) in table.columns.enumerated() {
            guard case .choice(let words) = column.kind else { continue }
            validations.append(XLSXListValidation(column: i, rows: 2...validatedRows, values: words,
                                                  message: "请从下拉列表选择：" + words.joined(separator: "、")))
        }
        let widths = XLSXSheet.fittedWidths([header, example], minimum: 12, maximum: 30)
        return XLSXSheet(name: table.name, rows: [header, example], headerRows: 1, columnWidths: widths, validations: validations)
    }

    /// A template cell: a date cell for a date, a number for a whole number, else text.
    static func cell(_ text: String, kind: Layout.Kind) -> XLSXCell {
        switch kind {
        case .day: return Day(iso: text).map(XLSXCell.day) ?? .text(text)
        case .wholeNumber: return Int(text).map(XLSXCell.number) ?? .text(text)
        default: return .text(text)
        }
    }
}
