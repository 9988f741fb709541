import Foundation

/// Reads a `rota.csv` for `rota verify`: the verifier's own reader, written apart from the
/// rota planner's CSV code (the independence rule), so a writer bug shows up as a diagnostic
/// or a failed check instead of being read back the way it was written.
///
/// The contract: UTF-8 (an optional byte-order mark), CRLF or LF line ends, RFC 4180 quoting
/// (a cell in double quotes may hold commas, line breaks and `""` for a quote), a header row
/// and then exactly these columns in this order:
///
/// ```text
/// person,name,hospital,date,half,site,site_name,activity
/// hzm-a-d1,张伟,菏泽市立医院,2025-09-01,am,cao-people,曹县人民医院,posting
/// ```
///
/// Structure is the reader's: a wrong header, a row with the wrong number of cells, broken
/// quoting, an empty `person`/`date`/`half`/`site`/`activity`, a date that is not
/// `YYYY-MM-DD`, a half other than `am`/`pm`, an activity outside the vocabulary
/// (`RotaActivity`) — each is a located `Diagnostic` (`file:line: rota[i].field: what is
/// wrong (expected …)`, `i` the 0-based data row; blank lines are skipped and not counted),
/// and every problem of the file is reported at once (exit 2). Whether the rows make sense —
/// known people and sites, working days, leave, one place per slot — is `ROTA.integrity`'s
/// (exit 1). `name`, `hospital` and `site_name` are display columns and are not checked.
///
/// ```swift
/// let entries = try RotaCSVReader.read(path: "out/rota.csv")
/// // rota.csv:7: rota[5].half: unknown half "AM" (expected am or pm)
/// ```
public enum RotaCSVReader {
    /// The columns of `rota.csv`, in order.
    public static let columns = ["person", "name", "hospital", "date", "half", "site", "site_name", "activity"]

    /// Reads and parses the file at `path`.
    public static func read(path: String) throws(InputError) -> [RotaEntry] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let ns = error as NSError
            let reason = ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError ? "no such file" : ns.localizedDescription
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)", message: "cannot read the rota file (\(reason))")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)", message: "the rota file is not UTF-8 text",
                                         expected: "UTF-8, with or without a byte-order mark")])
        }
        return try parse(text, fileName: path)
    }

    /// Parses the text of a rota file; `fileName` names it in diagnostics.
    public static func parse(_ text: String, fileName: String) throws(InputError) -> [RotaEntry] {
        let header = columns.joined(separator: ",")
        var records = split(text)
        records.removeAll { $0.isBlank }
        guard let first = records.first else {
            throw InputError([Diagnostic(file: fileName, line: 0, path: "(whole file)", message: "the rota file is empty",
                                         expected: "a header row \(header) and a row per person and half-day")])
        }
        var problems: [Diagnostic] = []
        for p in first.problems { problems.append(Diagnostic(file: fileName, line: first.line, path: "header", message: p)) }
        if first.cells != columns {
            problems.append(Diagnostic(file: fileName, line: first.line, path: "header",
                                       message: "columns are \(first.cells.joined(separator: ","))", expected: header))
            throw InputError(problems)
        }

        var entries: [RotaEntry] = []
        for (row, record) in records.dropFirst().enumerated() {
            func add(_ field: String?, _ message: String, expected: String? = nil) {
                let path = field.map { "rota[\(row)].\($0)" } ?? "rota[\(row)]"
                problems.append(Diagnostic(file: fileName, line: record.line, path: path, message: message, expected: expected))
            }
            for p in record.problems { add(nil, p) }
            if record.unclosed { continue }   // the rest of the file is inside one cell
            guard record.cells.count == columns.count else {
                add(nil, "\(record.cells.count) cells", expected: "\(columns.count): \(header)")
                continue
            }
            let cell = Dictionary(uniqueKeysWithValues: zip(columns, record.cells))
            var ok = true
            for name in ["person", "date", "half", "site", "activity"] where cell[name]!.isEmpty {
                add(name, "empty cell", expected: expectedText(name)); ok = false
            }
            let date = cell["date"]!, halfText = cell["half"]!, activityText = cell["activity"]!
            if !date.isEmpty && Day(iso: date) == nil { add("date", "not a date \"\(date)\"", expected: expectedText("date")); ok = false }
            let half = HalfDay(rawValue: halfText)
            if !halfText.isEmpty && half == nil { add("half", "unknown half \"\(halfText)\"", expected: expectedText("half")); ok = false }
            let activity = RotaActivity(rawValue: activityText)
            if !activityText.isEmpty && activity == nil {
                add("activity", "unknown activity \"\(activityText)\"", expected: expectedText("activity")); ok = false
            }
            if ok, let half, let activity, record.problems.isEmpty {
                entries.append(RotaEntry(person: cell["person"]!, date: date, half: half, site: cell["site"]!, activity: activity))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return entries
    }

    private static func expectedText(_ field: String) -> String {
        switch field {
        case "person": return "a staff id of the scenario"
        case "date": return "an ISO date YYYY-MM-DD"
        case "half": return "am or pm"
        case "site": return "an institution id of the scenario"
        default: return RotaActivity.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// One CSV record and the physical line it starts on.
    struct Record: Equatable {
        var line: Int
        var cells: [String]
        var problems: [String]
        /// A line with nothing on it (no cell, no quotes).
        var isBlank: Bool { cells == [""] && problems.isEmpty && !quoted }
        var quoted: Bool
        /// A quoted cell runs to the end of the file.
        var unclosed = false
    }

    /// Splits text into RFC 4180 records. A leading byte-order mark is dropped; line ends are
    /// LF or CRLF (a lone CR counts as a line end too). Never fails: broken quoting is noted on
    /// the record it occurs in.
    static func split(_ text: String) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var problems: [String] = []
        var line = 1, recordLine = 1
        var inQuotes = false, quoteLine = 0, afterQuote = false, quoted = false
        var i = 0

        func endCell() { cells.append(String(cell)); cell = String.UnicodeScalarView(); afterQuote = false }
        func note(_ problem: String) { if !problems.contains(problem) { problems.append(problem) } }
        func endRecord() {
            endCell()
            records.append(Record(line: recordLine, cells: cells, problems: problems, quoted: quoted, unclosed: inQuotes))
            cells = []; problems = []; quoted = false
        }

        while i < scalars.count {
            let s = scalars[i]
            if inQuotes {
                if s == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                    inQuotes = false; afterQuote = true
                } else {
                    if s == "\n" || (s == "\r" && !(i + 1 < scalars.count && scalars[i + 1] == "\n")) { line += 1 }
                    cell.append(s)
                }
                i += 1
                continue
            }
            switch s {
            case ",":
                endCell()
            case "\r", "\n":
                if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                if cell.isEmpty && !afterQuote {
                    inQuotes = true; quoted = true; quoteLine = line
                } else {
                    note("a quote inside a cell that does not start with one (write the whole cell in quotes, with \"\" for a quote)")
                    cell.append(s)
                }
            default:
                if afterQuote {
                    note("text after the closing quote of a cell (a quoted cell ends at its closing quote)")
                    afterQuote = false
                }
                cell.append(s)
            }
            i += 1
        }
        if inQuotes { note("a quoted cell opened on line \(quoteLine) is never closed") }
        if !(cells.isEmpty && cell.isEmpty && !quoted && problems.isEmpty) || inQuotes { endRecord() }
        return records
    }
}
