/// A day as spreadsheets on Chinese Windows write it: `2025-07-01`, `2025/7/1` (what Excel
/// saves for a date cell in the Chinese locale) or `2025年7月1日`.
///
/// Every reader of a sheet a person may have edited in Excel accepts these; the files rota
/// writes use ISO days only.
///
/// ```swift
/// Day(spreadsheet: "2025/12/25")      // 2025-12-25
/// Day(spreadsheet: "2025年7月1日")     // 2025-07-01
/// Day(spreadsheet: "2025/13/1")       // nil
/// ```
extension Day {
    /// The written forms, for `(expected …)` texts.
    public static let spreadsheetForms = "YYYY-MM-DD, YYYY/M/D or YYYY年M月D日"

    public init?(spreadsheet text: String) {
        if let day = Day(iso: text) { self = day; return }
        let parts: [Substring]
        if text.contains("/") {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
        } else if text.hasSuffix("日"), text.contains("年"), text.contains("月") {
            parts = text.dropLast().split(omittingEmptySubsequences: false, whereSeparator: { $0 == "年" || $0 == "月" })
        } else {
            return nil
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }
}
