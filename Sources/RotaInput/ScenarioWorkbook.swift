import Foundation
import RotaCore

/// Reads a scenario kept as an Excel workbook: a filled `rota template`
/// (`ScenarioWorkbookLayout`), planned directly with `rota plan 方案.xlsx`.
///
/// The sheets are found by name: `方案` (name, 政策, 开始日期, 结束日期 and any rule overrides,
/// one item a row), `县区`, `单位`, `村卫生室`, `人员` and `日历`; columns by their headers, so
/// a planner may reorder or add columns only by the names the layout knows. Values are read as
/// a planner writes them: tiers 三级医院 … 乡镇卫生院, flags 是/否, dates as Excel date cells or
/// text `2025-07-01`, `2025/7/1`, `2025年7月1日`; a township or county may be given by its name
/// instead of its id. The staff sheet is read as a staff CSV is (`StaffCSV`, Chinese headers
/// and values), and `日历` rows are holidays, adjusted working days or a person's leave, one
/// range a row. A row whose first cell starts with `例：` (the template's example) is skipped.
///
/// Everything else is the scenario format's: the workbook is turned into the scenario's YAML,
/// one cell a line, and read by `ScenarioReader`, so a workbook is checked by the very rules a
/// YAML file is, and every problem is reported at its cell (`方案.xlsx:单位!E7: …`).
///
/// ```swift
/// let scenario = try ScenarioReader.read(path: "曹县方案.xlsx")   // ScenarioWorkbook.read
/// ```
enum ScenarioWorkbook {
    typealias Layout = ScenarioWorkbookLayout

    /// Whether `path` names a workbook (by its extension).
    static func isWorkbook(path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    /// The scenario YAML built from a workbook, each line knowing the cell it came from.
    struct Lines {
        var text: [String] = []
        /// 1-based line → `sheet!A1`.
        var cells: [Int: String] = [:]

        mutating func add(_ line: String, cell: String?) {
            text.append(line)
            if let cell { cells[text.count] = cell }
        }

        /// A YAML double-quoted scalar: every character kept, nothing read as a number or a
        /// flag (`Quote.text`'s escapes are YAML's; other control characters become `\uXXXX`).
        static func quoted(_ s: String) -> String {
            var out = ""
            for scalar in Quote.text(s).unicodeScalars {
                let v = scalar.value
                if v < 0x20 || v == 0x7F || v == 0x85 || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    out += String(format: "\\u%04X", v)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
    }

    /// One data row of a table sheet: its cells by field, with their names (`单位!C5`).
    struct Row {
        var line: Int
        var values: [String: String]
        var cells: [String: String]
        /// The first cell of the row that has a value.
        var firstCell: String
    }

    static func read(path: String) throws(InputError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError([SourcePlace(file: path, line: 0, path: "document").problem("cannot read the scenario workbook")])
        }
        let sheets: [(name: String, sheet: XLSXSheet)]
        do { sheets = try XLSXSheet.readAll(data: data) } catch {
            throw InputError([SourcePlace(file: path, line: 0, path: "document").problem(error.reason,
                expected: "an Excel workbook (.xlsx) as rota template writes it")])
        }
        let log = DiagnosticLog()
        var reader = Reader(path: path, sheets: sheets, log: log)
        let lines = reader.yaml()
        let directory = (path as NSString).deletingLastPathComponent
        func remap(_ d: Diagnostic) -> Diagnostic {
            guard d.file == path, d.line > 0 else { return d }
            var d = d
            d.file = "\(path):\(lines.cells[d.line] ?? Layout.settingsSheet)"
            d.line = 0
            if d.message.hasPrefix("unknown tier") {
                d.expected = Layout.tierNames.joined(separator: ", ")
            }
            return d
        }
        do {
            var scenario = try ScenarioReader.read(yaml: lines.text.joined(separator: "\n") + "\n", fileName: path,
                                                   baseDirectory: directory.isEmpty ? "." : directory, log: log,
                                                   extraLeave: reader.leave)
            scenario.warnings = scenario.warnings.map { warning in
                guard warning.hasPrefix(path + ":") else { return warning }
                let rest = warning.dropFirst(path.count + 1)
                guard let line = Int(rest.prefix { $0.isNumber }), let cell = lines.cells[line] else { return warning }
                return "\(path):\(cell)" + rest.drop { $0.isNumber }
            }
            return scenario
        } catch {
            // A sheet or item reported missing is not reported again as the YAML field it fills.
            let kept = error.diagnostics.filter { d in
                !(d.file == path && reader.reportedMissing.contains(d.path) && d.message.hasPrefix("required field"))
            }
            throw InputError(kept.map(remap))
        }
    }

    /// Turns the sheets into scenario YAML, logging what no YAML reader could see (an unknown
    /// column, a word outside a drop-down list, a date that is none).
    struct Reader {
        let path: String
        let sheets: [(name: String, sheet: XLSXSheet)]
        let log: DiagnosticLog
        var lines = Lines()
        /// Leave rows of `日历`.
        var leave: [(person: Located<String>, range: Located<DayRange>)] = []
        /// Top-level fields whose sheet or item is missing (already reported).
        var reportedMissing: Set<String> = []

        init(path: String, sheets: [(name: String, sheet: XLSXSheet)], log: DiagnosticLog) {
            self.path = path; self.sheets = sheets; self.log = log
        }

        func sheet(_ name: String) -> XLSXSheet? { sheets.first { $0.name == name }?.sheet }

        func place(_ cell: String, _ what: String) -> SourcePlace { SourcePlace(file: "\(path):\(cell)", line: 0, path: what) }

        mutating func missing(_ sheetName: String, fields: [String], _ what: String) {
            log.add(SourcePlace(file: path, line: 0, path: "document"), "the workbook has no sheet \(Quote.text(sheetName))",
                    expected: what)
            reportedMissing.formUnion(fields)
        }

        mutating func yaml() -> Lines {
            settings()
            let counties = table(Layout.counties)
            let institutions = table(Layout.institutions)
            let villages = table(Layout.villages)
            if !counties.isEmpty {
                lines.add("counties:", cell: nil)
                for row in counties { item(row, table: Layout.counties, indent: "  ") }
            }
            lines.add(institutions.isEmpty && villages.isEmpty ? "institutions: []" : "institutions:", cell: nil)
            let countyIDs = Dictionary(counties.compactMap { r in r.values["name"].flatMap { n in r.values["id"].map { (n, $0) } } },
                                       uniquingKeysWith: { a, _ in a })
            let townshipIDs = Dictionary(institutions.compactMap { r in r.values["name"].flatMap { n in r.values["id"].map { (n, $0) } } },
                                         uniquingKeysWith: { a, _ in a })
            for var row in institutions {
                row.values["county"] = row.values["county"].map { countyIDs[$0] ?? $0 }
                item(row, table: Layout.institutions, indent: "  ")
            }
            for var row in villages {
                row.values["county"] = row.values["county"].map { countyIDs[$0] ?? $0 }
                row.values["township"] = row.values["township"].map { townshipIDs[$0] ?? $0 }
                row.values["tier"] = "village"
                row.cells["tier"] = row.firstCell
                item(row, table: Layout.villages, indent: "  ")
            }
            if sheet(Layout.staff.name) != nil {
                lines.add("staff: \(Lines.quoted((path as NSString).lastPathComponent))", cell: Layout.staff.name)
            } else {
                missing(Layout.staff.name, fields: ["staff"], "a sheet 人员 with the staff list (rota template writes one)")
            }
            calendar()
            return lines
        }

        /// `方案`: name, profile, period, rule overrides.
        mutating func settings() {
            let name = Layout.settingsSheet
            guard let sheet = sheet(name) else {
                missing(name, fields: ["name", "profile", "period"], "a sheet 方案 with 名称, 政策, 开始日期, 结束日期")
                return
            }
            var found: [String: (value: String, cell: String)] = [:]
            var rules: [(key: String, value: String, cell: String)] = []
            for row in sheet.rows {
                let label = Trimmed.text(row.cells.first ?? "", .whitespaces)
                guard !label.isEmpty, label != Layout.settingsHeader[0] else { continue }
                let value = row.cells.count > 1 ? Trimmed.text(row.cells[1], .whitespaces) : ""
                let cell = "\(name)!B\(row.line)"
                if let item = Layout.settings.first(where: { $0.label == label || $0.field == label }) {
                    if found[item.field] != nil {
                        log.add(place("\(name)!A\(row.line)", label), "the item is given twice", expected: "each item on one row")
                        continue
                    }
                    var text = value
                    if item.kind == .day, !value.isEmpty {
                        guard let day = day(value, numeric: row.numeric.contains(1)) else {
                            log.add(place(cell, label), "bad date \(Quote.text(value))", expected: StaffDayText.expected)
                            continue
                        }
                        text = day.iso
                    }
                    found[item.field] = (text, cell)
                } else if label.contains(".") {
                    rules.append((label, value, cell))
                } else {
                    log.add(place("\(name)!A\(row.line)", label), "unknown item \(Quote.text(label))",
                            expected: Layout.settings.map(\.label).joined(separator: ", ") + ", or a rule parameter such as T1.team-size")
                }
            }
            for item in Layout.settings where found[item.field] == nil || found[item.field]!.value.isEmpty {
                log.add(place(name, item.label), "no value for \(item.label)", expected: "a row \(item.label) with its value in column B")
                reportedMissing.insert(item.field.hasPrefix("period") ? "period" : item.field)
            }
            for field in ["name", "profile"] {
                if let v = found[field], !v.value.isEmpty { lines.add("\(field): \(Lines.quoted(v.value))", cell: v.cell) }
            }
            if let start = found["period.start"], let end = found["period.end"], !start.value.isEmpty, !end.value.isEmpty {
                lines.add("period:", cell: start.cell)
                lines.add("  start: \(start.value)", cell: start.cell)
                lines.add("  end: \(end.value)", cell: end.cell)
            }
            if !rules.isEmpty {
                lines.add("rules:", cell: rules[0].cell)
                for rule in rules {
                    let plain = Double(rule.value) != nil || Layout.flagWords[rule.value] != nil
                    let value = Layout.flagWords[rule.value].map { String($0) } ?? (plain ? rule.value : Lines.quoted(rule.value))
                    lines.add("  \(Lines.quoted(rule.key)): \(value)", cell: rule.cell)
                }
            }
        }

        /// A day from a cell: an Excel date serial, or a date written as staff lists write it.
        func day(_ text: String, numeric: Bool) -> Day? {
            numeric ? XLSXSheet.dayFromSerial(text) : Day(spreadsheet: text)
        }

        /// The data rows of a table sheet (none when the sheet is missing), cells checked
        /// against their column's kind and given as the scenario format writes them.
        mutating func table(_ table: Layout.Table) -> [Row] {
            guard let sheet = sheet(table.name) else { return [] }
            guard let headerIndex = sheet.rows.firstIndex(where: { $0.cells.contains { !Trimmed.text($0, .whitespaces).isEmpty } }) else { return [] }
            let header = sheet.rows[headerIndex]
            var columns: [Int: Layout.Column] = [:]
            for (i, raw) in header.cells.enumerated() {
                let text = Trimmed.text(raw, .whitespaces)
                guard !text.isEmpty else { continue }
                let cell = "\(table.name)!\(XLSXSheet.columnName(i))\(header.line)"
                guard let column = table.column(forHeader: text) else {
                    log.add(place(cell, "header"), "unknown column \(Quote.text(text))\(Suggestion.note(text, among: table.columns.map(\.header)))",
                            expected: table.columns.map(\.header).joined(separator: ", "))
                    continue
                }
                if columns.values.contains(where: { $0.field == column.field }) {
                    log.add(place(cell, "header"), "column \(Quote.text(text)) is given twice", expected: "each column once")
                    continue
                }
                columns[i] = column
            }
            var rows: [Row] = []
            for record in sheet.rows[(headerIndex + 1)...] where !Layout.isExample(firstCell: record.cells.first ?? "") {
                var values: [String: String] = [:], cells: [String: String] = [:]
                var first: String?
                for (i, column) in columns.sorted(by: { $0.key < $1.key }) where i < record.cells.count {
                    var text = Trimmed.text(record.cells[i], .whitespaces)
                    guard !text.isEmpty else { continue }
                    let cell = "\(table.name)!\(XLSXSheet.columnName(i))\(record.line)"
                    first = first ?? cell
                    if column.kind == .day, let d = day(text, numeric: record.numeric.contains(i)) { text = d.iso }
                    cells[column.field] = cell
                    values[column.field] = text
                }
                guard let firstCell = first else { continue }   // a blank row
                for (field, text) in values {
                    guard let column = table.columns.first(where: { $0.field == field }), let cell = cells[field] else { continue }
                    values[field] = checked(text, column: column, cell: cell, table: table)
                }
                rows.append(Row(line: record.line, values: values, cells: cells, firstCell: firstCell))
            }
            return rows
        }

        /// The YAML text of a cell's value (nil when it is wrong: the problem is logged), for the
        /// columns the workbook reader knows; staff and calendar columns are read elsewhere.
        mutating func checked(_ text: String, column: Layout.Column, cell: String, table: Layout.Table) -> String? {
            switch column.kind {
            case .text: return text
            case .wholeNumber, .decimal: return text
            case .day:
                guard Day(iso: text) != nil else {
                    log.add(place(cell, column.header), "bad date \(Quote.text(text))", expected: StaffDayText.expected)
                    return nil
                }
                return text
            case .flag:
                return flag(text, column: column, cell: cell)
            case .choice(let words):
                if column.field == "tier" {
                    return Layout.tierWords[text] ?? text   // any other word: the format's "unknown tier"
                } else if words == ["是", "否"] {
                    return flag(text, column: column, cell: cell)
                } else if words.contains(text) {
                    return text
                }
                log.add(place(cell, column.header), "unknown value \(Quote.text(text))", expected: words.joined(separator: ", "))
                return nil
            }
        }

        mutating func flag(_ text: String, column: Layout.Column, cell: String) -> String? {
            if let value = Layout.flagWords[text] ?? YAMLFlag.parse(text) { return String(value) }
            log.add(place(cell, column.header), "unknown value \(Quote.text(text))", expected: "是 or 否")
            return nil
        }

        /// One row as an item of a YAML list, one field a line (a wrong value is left out: its
        /// problem is logged).
        mutating func item(_ row: Row, table: Layout.Table, indent: String) {
            var prefix = indent + "- "
            func add(_ key: String, _ value: String, cell: String) {
                lines.add(prefix + key + ": " + value, cell: cell)
                prefix = indent + "  "
            }
            var location: [(String, String, String)] = []
            let fields = ["id", "name", "tier"] + table.columns.map(\.field).filter { !["id", "name", "tier"].contains($0) }
            for field in fields {
                guard let value = row.values[field] else { continue }
                let cell = row.cells[field] ?? row.firstCell
                let column = table.columns.first { $0.field == field }
                if field.hasPrefix("location.") {
                    location.append((String(field.dropFirst("location.".count)), value, cell))
                    continue
                }
                switch column?.kind {
                case .wholeNumber?, .decimal?:
                    add(field, Double(value) != nil ? value : Lines.quoted(value), cell: cell)
                case .choice(let words)? where words == ["是", "否"]:
                    add(field, value, cell: cell)
                case .flag?:
                    add(field, value, cell: cell)
                default:
                    add(field, Lines.quoted(value), cell: cell)
                }
            }
            if !location.isEmpty {
                lines.add(prefix + "location:", cell: location[0].2)
                for (key, value, cell) in location {
                    lines.add(indent + "    " + key + ": " + (Double(value) != nil ? value : Lines.quoted(value)), cell: cell)
                }
            }
        }

        /// `日历`: holidays and adjusted working days into `calendar:`, leave into `leave`.
        mutating func calendar() {
            let rows = table(Layout.calendar)
            var holidays: [(Day, String)] = [], workdays: [(Day, String)] = []
            for row in rows {
                guard let kind = row.values["kind"] else {
                    if row.cells["kind"] == nil {
                        log.add(place(row.firstCell, "类别"), "no 类别 on this row", expected: Layout.calendarKinds.joined(separator: ", "))
                    }
                    continue
                }
                guard let fromText = row.values["from"], let from = Day(iso: fromText), let fromCell = row.cells["from"] else {
                    if row.cells["from"] == nil {
                        log.add(place(row.firstCell, "开始日期"), "no 开始日期 on this row", expected: StaffDayText.expected)
                    }
                    continue
                }
                var to = from
                if let cell = row.cells["to"] {
                    guard let text = row.values["to"], let day = Day(iso: text) else { continue }
                    guard day >= from else {
                        log.add(place(cell, "结束日期"), "\(day.iso) is before the start \(from.iso)", expected: "a last day on or after the first")
                        continue
                    }
                    guard day.ordinal - from.ordinal < 366 else {
                        log.add(place(cell, "结束日期"), "the range from \(from.iso) to \(day.iso) is longer than a year", expected: "a range of at most 366 days")
                        continue
                    }
                    to = day
                }
                let range = DayRange(from: from, to: to)
                switch kind {
                case "节假日": holidays += range.days.map { ($0, fromCell) }
                case "调休上班日": workdays += range.days.map { ($0, fromCell) }
                default:
                    guard let person = row.values["person"], let cell = row.cells["person"] else {
                        log.add(place(row.firstCell, "人员编号"), "leave names no person", expected: "the 人员编号 of the person on leave")
                        continue
                    }
                    leave.append((Located(value: person, place: place(cell, "人员编号")),
                                  Located(value: range, place: place(fromCell, "开始日期"))))
                }
            }
            guard !holidays.isEmpty || !workdays.isEmpty else { return }
            lines.add("calendar:", cell: nil)
            for (key, days) in [("holidays", holidays), ("workdays", workdays)] where !days.isEmpty {
                lines.add("  \(key):", cell: days[0].1)
                for (day, cell) in days { lines.add("    - \(day.iso)", cell: cell) }
            }
        }
    }
}
