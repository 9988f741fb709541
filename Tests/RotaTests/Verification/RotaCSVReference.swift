@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

/// The rota reader as it was written first, over Unicode scalars and `Day(iso:)` on split
/// text: kept in the tests as the reference the byte-level `RotaCSVReader` must agree with,
/// entry for entry and diagnostic for diagnostic.
enum RotaCSVReference {
    /// What reading a rota text gives: its entries, or the text of its diagnostics.
    enum Outcome: Equatable {
        case entries([RotaEntry])
        case problems([String])
    }

    /// The entries, or the diagnostics' text, of `text` named `fileName`.
    static func parse(_ text: String, fileName: String) -> Outcome {
        let columns = RotaCSVReader.columns
        let header = RotaCSVReader.chineseColumns.joined(separator: ",") + " (or in English: " + columns.joined(separator: ",")
            + "; or the workbook's 明细 sheet: " + RotaCSVReader.longSheetColumns.joined(separator: ",") + ")"
        var records = split(text)
        records.removeAll { $0.isBlank }
        guard let first = records.first else {
            return .problems(["\(fileName):1: (whole file): the rota file is empty (expected a header row \(header) and a row per person and half-day)"])
        }
        var problems: [Diagnostic] = []
        func diagnostic(_ line: Int, _ path: String, _ message: String, _ expected: String?) -> Diagnostic {
            Diagnostic(file: fileName, line: line, path: path, message: message, expected: expected)
        }
        func failure() -> Outcome { .problems(InputError(RotaCSVReader.capped(problems, fileName: fileName)).diagnostics.map(\.description)) }
        for p in first.problems { problems.append(diagnostic(first.line, "header", p, nil)) }
        if first.cells != columns && first.cells != RotaCSVReader.chineseColumns {
            problems.append(diagnostic(first.line, "header", "columns are \(first.cells.joined(separator: ","))", header))
            return failure()
        }
        var entries: [RotaEntry] = []
        var seenIds: Set<[UInt32]> = []
        for (row, record) in records.dropFirst().enumerated() {
            func add(_ field: String?, _ message: String, expected: String? = nil) {
                problems.append(diagnostic(record.line, field.map { "rota[\(row)].\($0)" } ?? "rota[\(row)]", message, expected))
            }
            for p in record.problems { add(nil, p) }
            if record.unclosed { continue }
            guard record.cells.count == columns.count else {
                add(nil, "\(record.cells.count) cells", expected: "\(columns.count), one per column of the header")
                continue
            }
            let cell = Dictionary(uniqueKeysWithValues: zip(columns, record.cells))
            var ok = true
            for name in ["person", "date", "half", "site", "activity"] where cell[name]!.isEmpty {
                add(name, "empty cell", expected: RotaCSVReader.expectedText(name)); ok = false
            }
            let date = cell["date"]!, halfText = cell["half"]!, activityText = cell["activity"]!
            // A day as Chinese-locale Excel writes it (2025/9/1) stands for its ISO day.
            let spreadsheet = isoDay(date) == nil ? Day(spreadsheet: date) : nil
            if !date.isEmpty && isoDay(date) == nil && spreadsheet == nil { add("date", "not a date \"\(date)\"", expected: RotaCSVReader.expectedText("date")); ok = false }
            let half = HalfDay.allCases.first { $0.rawValue == halfText || $0.chineseLabel == halfText }
            if !halfText.isEmpty && half == nil { add("half", "unknown half \"\(halfText)\"", expected: RotaCSVReader.expectedText("half")); ok = false }
            let activity = RotaActivity.allCases.first { $0.rawValue == activityText || $0.chineseLabel == activityText }
            if !activityText.isEmpty && activity == nil {
                add("activity", "unknown activity \"\(activityText)\"", expected: RotaCSVReader.expectedText("activity")); ok = false
            }
            if ok, let half, let activity, record.problems.isEmpty {
                entries.append(RotaEntry(person: cell["person"]!, date: spreadsheet?.iso ?? date, half: half, site: cell["site"]!, activity: activity))
                // An id not in Unicode normal form C is reported the first time it is seen.
                for id in [cell["person"]!, cell["site"]!] where seenIds.insert(id.unicodeScalars.map(\.value)).inserted {
                    if let problem = IdSpelling.problem(id) { add(nil, problem, expected: IdSpelling.expected) }
                }
            }
        }
        return problems.isEmpty ? .entries(entries) : failure()
    }

    /// `Day(iso:)` as it was first written: split on hyphens, count characters.
    static func isoDay(_ iso: String) -> Day? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// RFC 4180 records over Unicode scalars.
    static func split(_ text: String) -> [RotaCSVReader.Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [RotaCSVReader.Record] = []
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
            records.append(RotaCSVReader.Record(line: recordLine, cells: cells, problems: problems, quoted: quoted, unclosed: inQuotes))
            cells = []; problems = []; quoted = false
        }

        /// Whether the scalar after `i` is `c`.
        func followed(_ i: Int, by c: Unicode.Scalar) -> Bool { i + 1 < scalars.count && scalars[i + 1] == c }

        while i < scalars.count {
            let s = scalars[i]
            if inQuotes && s == "\"" && followed(i, by: "\"") {
                cell.append("\""); i += 2
            } else if inQuotes && s == "\"" {
                inQuotes = false; afterQuote = true; i += 1
            } else if inQuotes {
                if s == "\n" || (s == "\r" && !followed(i, by: "\n")) { line += 1 }
                cell.append(s); i += 1
            } else if s == "," {
                endCell(); i += 1
            } else if s == "\r" || s == "\n" {
                i += s == "\r" && followed(i, by: "\n") ? 2 : 1
                endRecord(); line += 1; recordLine = line
            } else if s == "\"" && cell.isEmpty && !afterQuote {
                inQuotes = true; quoted = true; quoteLine = line; i += 1
            } else if s == "\"" {
                note("a quote inside a cell that does not start with one (write the whole cell in quotes, with \"\" for a quote)")
                cell.append(s); i += 1
            } else {
                if afterQuote { note("text after the closing quote of a cell (a quoted cell ends at its closing quote)"); afterQuote = false }
                cell.append(s); i += 1
            }
        }
        if inQuotes { note("a quoted cell opened on line \(quoteLine) is never closed") }
        if !(cells.isEmpty && cell.isEmpty && !quoted && problems.isEmpty) || inQuotes { endRecord() }
        return records
    }
}

/// `RotaCSVScanner`'s records as values, for the tests to compare with the reference reader's.
extension RotaCSVReader {
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

    /// Splits text into RFC 4180 records (see `RotaCSVScanner`). Never fails: broken quoting
    /// is noted on the record it occurs in.
    static func split(_ text: String) -> [Record] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = RotaCSVScanner(bytes)
            var records: [Record] = []
            while scanner.next() {
                records.append(Record(line: scanner.line, cells: (0..<scanner.cellCount).map { scanner.string($0) },
                                      problems: scanner.problems, quoted: scanner.quoted, unclosed: scanner.unclosed))
            }
            return records
        }
    }
}
