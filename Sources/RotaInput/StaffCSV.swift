import RotaCore
/// Reads the staff of a scenario from a CSV file with the staff field names as its header.
///
/// The header row names the columns, in any order: `id`, `name`, `institution` and `role` are
/// required, `specialty`, `title`, `hometown` and `unavailable` optional; each may also be
/// written by its Chinese name (`StaffVocabulary`: 编号, 姓名, 单位, 岗位类别, 专业, 职称, 家乡,
/// 不可派出日期 …); any other name is an error. An empty cell is an absent field. `unavailable` is written
/// `2025-03-01..2025-03-14;2025-07-01..2025-07-05` (one day as `2025-05-06`). Rows with no
/// text at all are skipped and not counted: `staff[i]` is the i-th (0-based) non-blank data row,
/// reported on the physical line it starts on.
///
/// ```
/// id,name,institution,role,title,unavailable
/// hzm-0001,张伟,hz-municipal,doctor,senior,2025-03-01..2025-03-14
/// ```
enum StaffCSV {
    /// Reads the staff entries of `text` (the decoded file), reporting problems against `file`.
    static func read(_ text: String, file: String, log: DiagnosticLog) -> [StaffEntry] {
        read(table: CSVTable.parse(text), file: file, log: log)
    }

    /// Reads a sheet of an Excel workbook the same way; problems name the cell
    /// (`staff.xlsx:B17`, or `staff.xlsx:人员!B17` with the sheet's name as `cellPrefix`). A
    /// number in the `unavailable` column is an Excel date cell.
    static func read(sheet: XLSXSheet, file: String, log: DiagnosticLog, cellPrefix: String = "") -> [StaffEntry] {
        let header = sheet.rows.first { row in row.cells.contains { !Trimmed.text($0, .whitespaces).isEmpty } }
        let leaveColumns = Set((header?.cells ?? []).indices.filter {
            StaffVocabulary.field(forHeader: Trimmed.text(header!.cells[$0], .whitespaces)) == "unavailable"
        })
        let records = sheet.rows.map { row in
            var cells = row.cells
            for column in row.numeric.intersection(leaveColumns) {
                if let day = XLSXSheet.dayFromSerial(cells[column]) { cells[column] = day.iso }
            }
            return CSVTable.Record(line: row.line, cells: cells)
        }
        return read(table: CSVTable(records: records), file: file, log: log,
                    cellName: { column, line in "\(cellPrefix)\(XLSXSheet.columnName(column))\(line)" })
    }

    /// Reads the staff entries of a table of cells. `cellName` names a cell (`B17`) for
    /// workbooks, whose problems are reported by cell rather than by line.
    static func read(table: CSVTable, file: String, log: DiagnosticLog,
                     cellName: ((Int, Int) -> String)? = nil) -> [StaffEntry] {
        let headerPlace = SourcePlace(file: file, line: 1, path: "header")
        guard let headerIndex = table.records.firstIndex(where: { !$0.isBlank }) else {
            log.add(SourcePlace(file: file, line: 1, path: "document"), "the staff file is empty",
                    expected: "a header row \(Quote.list(StaffFields.all)) and a row per staff member")
            return []
        }
        let header = table.records[headerIndex]
        let place = SourcePlace(file: file, line: header.line, path: headerPlace.path)
        for problem in header.problems { log.add(place, problem) }

        // Column index → field name (nil: a column with no name, which must stay empty).
        var columns: [String?] = []
        var seen: [String: Int] = [:]
        for (i, raw) in header.cells.enumerated() {
            let written = Trimmed.text(raw, .whitespaces)
            if written.isEmpty { columns.append(nil); continue }
            guard let name = StaffVocabulary.field(forHeader: written) else {
                log.add(place, "unknown column \(Quote.text(written))\(Suggestion.note(written, among: StaffFields.all))",
                        expected: "\(Quote.list(StaffFields.all)) or their Chinese names (姓名, 单位, 岗位类别, 职称, 专业 …)")
                columns.append(nil)
                continue
            }
            if let first = seen[name] {
                log.add(place, "column \(Quote.text(name)) is given twice (columns \(first + 1) and \(i + 1))")
                columns.append(nil)
                continue
            }
            seen[name] = i
            columns.append(name)
        }
        let missing = StaffFields.required.filter { seen[$0] == nil }
        for name in missing {
            log.add(place, "missing column \(Quote.text(name))", expected: "the columns \(Quote.list(StaffFields.required)), and optionally \(Quote.list(StaffFields.all.filter { !StaffFields.required.contains($0) }))")
        }
        // Unknown or unnamed columns may hold nothing; a bad header makes every row suspect, so
        // rows are still read to report their own problems.

        var entries: [StaffEntry] = []
        var row = 0
        for record in table.records[(headerIndex + 1)...] where !record.isBlank {
            entries.append(read(record: record, row: row, columns: columns, header: header.cells,
                                file: file, log: log, cellName: cellName))
            row += 1
        }
        return entries
    }

    /// One data row.
    private static func read(record: CSVTable.Record, row: Int, columns: [String?], header: [String],
                             file: String, log: DiagnosticLog, cellName: ((Int, Int) -> String)?) -> StaffEntry {
        let rowPlace = SourcePlace(file: file, line: record.line, path: DocumentPath.element("staff", row))
        let before = log.diagnostics.count
        for problem in record.problems { log.add(rowPlace, problem) }

        var cells: [String: Located<String>] = [:]
        for (i, raw) in record.cells.enumerated() {
            let value = Trimmed.text(raw)
            guard i < columns.count else {
                if !value.isEmpty {
                    log.add(rowPlace, "row has \(record.cells.count) cells but the header has \(columns.count) columns",
                            expected: "one cell per header column")
                    break
                }
                continue
            }
            guard let name = columns[i] else {
                let title = i < header.count ? Trimmed.text(header[i], .whitespaces) : ""
                if !value.isEmpty && title.isEmpty {
                    log.add(rowPlace, "cell \(i + 1) has text but its column has no name in the header",
                            expected: "a column name in the header for every column with text")
                }
                continue
            }
            if !value.isEmpty {
                let place = cellName.map {
                    SourcePlace(file: "\(file):\($0(i, record.line))", line: 0, path: rowPlace.field(name).path)
                } ?? rowPlace.field(name)
                cells[name] = Located(value: value, place: place)
            }
        }

        func required(_ name: String) -> Located<String>? {
            if let cell = cells[name] { return cell }
            guard columns.contains(name) else { return nil }   // the header's problem, reported once
            log.add(rowPlace.field(name), "required field is missing (empty cell)")
            return nil
        }
        let id = required("id")
        let name = required("name")
        let institution = required("institution")
        let role = required("role").flatMap { StaffFields.role($0, log: log) }
        let title = cells["title"].flatMap { StaffFields.title($0, log: log) }
        let leave = cells["unavailable"].map {
            LeaveText.ranges($0.value, listPlace: $0.place, log: log)
        } ?? []
        return StaffEntry(place: rowPlace, id: id, name: name?.value, institution: institution, role: role,
                          specialty: cells["specialty"].map { StaffVocabulary.specialty($0.value) }, title: title, hometown: cells["hometown"],
                          unavailable: leave,
                          isComplete: log.diagnostics.count == before && id != nil && name != nil
                              && institution != nil && role != nil)
    }
}
