import Foundation
import RotaCore

/// Reads a `rota.csv` for `rota verify`: the verifier's own reader, written apart from the
/// rota planner's CSV code (the independence rule), so a writer bug shows up as a diagnostic
/// or a failed check instead of being read back the way it was written.
///
/// The contract: UTF-8 (an optional byte-order mark) or GB18030 (a rota saved back from Excel on
/// Chinese Windows; its dates may then be `2025/7/1`), CRLF or LF line ends, RFC 4180 quoting
/// (a cell in double quotes may hold commas, line breaks and `""` for a quote), a header row
/// and then exactly these columns in this order, the header written in Chinese (as rota writes
/// it) or in English (as earlier versions did):
///
/// ```text
/// 人员编号,姓名,所属单位编号,日期,时段,地点编号,地点名称,工作内容
/// person,name,hospital,date,half,site,site_name,activity
/// hzm-a-d1,张伟,菏泽市立医院,2025-09-01,am,cao-people,曹县人民医院,posting
/// ```
///
/// The workbook's long sheet (`明细` in rota.xlsx) saved as CSV reads too: its header is
/// `人员编号,姓名,所属单位,日期,星期,时段,地点编号,地点名称,工作内容`, halves are `上午`/`下午`,
/// activities their Chinese labels (`派驻`, `巡回医疗`, …), and its `星期` must be the date's
/// weekday (a row whose date was edited but not its weekday is a mistake worth naming).
/// Any layout may use either spelling of halves and activities.
///
/// Structure is the reader's: a wrong header, a row with the wrong number of cells, broken
/// quoting, an empty `person`/`date`/`half`/`site`/`activity`, a date that is not
/// `YYYY-MM-DD`, a half other than `am`/`pm`, an activity outside the vocabulary
/// (`RotaActivity`) — each is a located `Diagnostic` (`file:line: rota[i].field: what is
/// wrong (expected …)`, `i` the 0-based data row; blank lines are skipped and not counted),
/// and every problem of the file is reported (exit 2): the first `listedProblems` one by one,
/// the rest counted by kind in one closing line. Whether the rows make sense —
/// known people and sites, working days, leave, one place per slot — is `ROTA.integrity`'s
/// (exit 1). `name`, `hospital` and `site_name` are display columns and are not checked.
///
/// ```swift
/// let entries = try RotaCSVReader.read(path: "out/rota.csv")
/// // rota.csv:7: rota[5].half: unknown half "AM" (expected am, pm, 上午 or 下午)
/// ```
public enum RotaCSVReader {
    /// The columns of `rota.csv`, in order, by their field names (the English header).
    public static let columns = ["person", "name", "hospital", "date", "half", "site", "site_name", "activity"]
    /// The same columns by their Chinese names (the header rota writes).
    public static let chineseColumns = ["人员编号", "姓名", "所属单位编号", "日期", "时段", "地点编号", "地点名称", "工作内容"]
    /// The columns of rota.xlsx's long sheet `明细`, which has a weekday column after the date.
    public static let longSheetColumns = ["人员编号", "姓名", "所属单位", "日期", "星期", "时段", "地点编号", "地点名称", "工作内容"]

    /// Reads and parses the file at `path`.
    public static func read(path: String) throws(InputError) -> [RotaEntry] {
        try read(data: try bytes(path), path: path)
    }

    /// The bytes of the file at `path` (the proof's rota digest is theirs).
    public static func bytes(_ path: String) throws(InputError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let ns = error as NSError
            let reason = ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError ? "no such file" : ns.localizedDescription
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)", message: "cannot read the rota file (\(reason))")])
        }
    }

    /// Parses a rota file's bytes; `path` names it in diagnostics.
    public static func read(data: Data, path: String) throws(InputError) -> [RotaEntry] {
        // Checking the encoding and parsing go on at the same time; parsing bytes that turn out
        // not to be UTF-8 gives nothing that is used.
        let work = ParallelJobs.run(count: 2, threads: 2) { job -> Result<[RotaEntry], InputError>? in
            if job == 0 {
                guard !isUTF8(data) else { return nil }
                return .failure(InputError([Diagnostic(file: path, line: firstNonUTF8Line(data), path: "(whole file)",
                                                       message: "the rota file is neither UTF-8 nor GB18030 text (this line has bytes that are not UTF-8)",
                                                       expected: "UTF-8, with or without a byte-order mark, or GB18030 as Excel saves CSV on Chinese Windows")]))
            }
            // Decoding the file as UTF-8 text drops one byte-order mark; `parse` drops one more.
            let start = data.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            return data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Result { () throws(InputError) in try parse(utf8: UnsafeBufferPointer(rebasing: bytes[start...]), fileName: path) }
            }
        }
        if let notUTF8 = work[0] {
            // Not UTF-8: a rota saved back from Excel on Chinese Windows is GB18030 ("ANSI").
            if case .text(let text, .gb18030) = TextDecoding.decode(Array(data)) { return try parse(text, fileName: path) }
            return try notUTF8.get()
        }
        return try work[1]!.get()
    }

    /// Parses the text of a rota file; `fileName` names it in diagnostics.
    public static func parse(_ text: String, fileName: String) throws(InputError) -> [RotaEntry] {
        var text = text
        let parsed = text.withUTF8 { bytes in Result { () throws(InputError) in try parse(utf8: bytes, fileName: fileName) } }
        return try parsed.get()
    }

    /// The 1-based line of the first byte sequence in `data` that is not UTF-8.
    static func firstNonUTF8Line(_ data: Data) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0x0A { line += 1 }
            case .emptyInput: return line
            case .error: return line
            }
        }
    }

    /// Whether `data` is valid UTF-8.
    private static func isUTF8(_ data: Data) -> Bool { (try? UTF8Span(validating: data.span)) != nil }

    /// The UTF-8 byte-order mark.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Cell positions of the checked columns in one accepted layout.
    private struct Layout {
        let header: [String]
        let person, date, half, site, activity: Int
        /// The long sheet's `星期`, checked against the date.
        let weekday: Int?
        /// The columns that must not be empty, in the order their problems are listed.
        var required: [(String, Int)] { [("person", person), ("date", date), ("half", half), ("site", site), ("activity", activity)] }

        static let all = [
            Layout(header: columns, person: 0, date: 3, half: 4, site: 5, activity: 7, weekday: nil),
            Layout(header: chineseColumns, person: 0, date: 3, half: 4, site: 5, activity: 7, weekday: nil),
            Layout(header: longSheetColumns, person: 0, date: 3, half: 5, site: 6, activity: 8, weekday: 4),
        ]
    }

    /// 周一 … 周日 (and 星期一 … 星期日), Monday first.
    private static let weekdayWords = ["一", "二", "三", "四", "五", "六", "日"]

    /// The ISO weekday (Monday 1) a `星期` cell names, or nil.
    static func weekday(_ text: String) -> Int? {
        for prefix in ["周", "星期"] where text.hasPrefix(prefix) {
            if let k = weekdayWords.firstIndex(of: String(text.dropFirst(prefix.count))) { return k + 1 }
        }
        return text == "星期天" || text == "周天" ? 7 : nil
    }

    /// Parses valid UTF-8 rota text.
    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws(InputError) -> [RotaEntry] {
        let header = chineseColumns.joined(separator: ",") + " (or in English: " + columns.joined(separator: ",")
            + "; or the workbook's 明细 sheet: " + longSheetColumns.joined(separator: ",") + ")"
        var scanner = RotaCSVScanner(bytes)
        var problems: [Diagnostic] = []
        var hasHeader = false
        while !hasHeader && scanner.next() { hasHeader = !scanner.isBlank }
        guard hasHeader else {
            throw InputError([Diagnostic(file: fileName, line: 1, path: "(whole file)", message: "the rota file is empty",
                                         expected: "a header row \(header) and a row per person and half-day")])
        }
        for p in scanner.problems { problems.append(Diagnostic(file: fileName, line: scanner.line, path: "header", message: p)) }
        let cells = (0..<scanner.cellCount).map { scanner.string($0) }
        guard let layout = Layout.all.first(where: { $0.header == cells }) else {
            problems.append(Diagnostic(file: fileName, line: scanner.line, path: "header",
                                       message: "columns are \(cells.joined(separator: ","))", expected: header))
            throw InputError(problems)
        }

        var entries: [RotaEntry] = []
        entries.reserveCapacity(bytes.count / 96)   // rows are about a hundred bytes
        var ids = UTF8Interner()
        var row = -1
        while scanner.next() {
            if scanner.isBlank { continue }
            row += 1
            let line = scanner.line
            func add(_ field: String?, _ message: String, expected: String? = nil) {
                let path = field.map { "rota[\(row)].\($0)" } ?? "rota[\(row)]"
                problems.append(Diagnostic(file: fileName, line: line, path: path, message: message, expected: expected))
            }
            for p in scanner.problems { add(nil, p) }
            if scanner.unclosed { continue }   // the rest of the file is inside one cell
            guard scanner.cellCount == layout.header.count else {
                add(nil, "\(scanner.cellCount) cells", expected: "\(layout.header.count), one per column of the header")
                continue
            }
            var ok = true
            for (name, k) in layout.required where scanner.isEmpty(k) {
                add(name, "empty cell", expected: expectedText(name)); ok = false
            }
            // A date is read as the last row's (a valid one: only valid rows reach `ids`) or parsed.
            // A day Excel saved in the Chinese locale (`2025/7/1`) is read as its ISO day.
            var spreadsheetDay: Day?
            if !scanner.isEmpty(layout.date)
                && !scanner.withCell(layout.date, { ids.isRecent($0, column: layout.date) || Day(isoUTF8: $0) != nil }) {
                spreadsheetDay = Day(spreadsheet: scanner.string(layout.date))
                if spreadsheetDay == nil {
                    add("date", "not a date \"\(scanner.string(layout.date))\"", expected: expectedText("date")); ok = false
                }
            }
            if let w = layout.weekday, !scanner.isEmpty(w), ok,
               let day = spreadsheetDay ?? scanner.withCell(layout.date, { Day(isoUTF8: $0) }) {
                let text = scanner.string(w)
                if weekday(text) != day.weekday {
                    add("weekday", "not the weekday of the date: \"\(text)\" on \(day.iso)", expected: "周" + weekdayWords[day.weekday - 1]); ok = false
                }
            }
            let half = scanner.withCell(layout.half, halfDay)
            if !scanner.isEmpty(layout.half) && half == nil {
                add("half", "unknown half \"\(scanner.string(layout.half))\"", expected: expectedText("half")); ok = false
            }
            let activity = scanner.withCell(layout.activity, rotaActivity)
            if !scanner.isEmpty(layout.activity) && activity == nil {
                add("activity", "unknown activity \"\(scanner.string(layout.activity))\"", expected: expectedText("activity")); ok = false
            }
            if ok, let half, let activity, scanner.problems.isEmpty {
                let odd = ids.oddSpellings.count
                defer { for problem in ids.oddSpellings.dropFirst(odd) { add(nil, problem, expected: IdSpelling.expected) } }
                entries.append(RotaEntry(person: scanner.withCell(layout.person) { ids.string($0, column: layout.person) },
                                         date: spreadsheetDay?.iso ?? scanner.withCell(layout.date) { ids.string($0, column: layout.date) }, half: half,
                                         site: scanner.withCell(layout.site) { ids.string($0, column: layout.site) }, activity: activity))
            }
        }
        if !problems.isEmpty { throw InputError(capped(problems, fileName: fileName)) }
        return entries
    }

    /// The most problems listed one by one; the rest are counted by kind.
    public static let listedProblems = 20

    /// The first `listedProblems` problems, then one line counting the others by kind (what
    /// is wrong, without the cell's text): a rota saved wrongly from a spreadsheet would
    /// otherwise print a line for each of its thousands of rows.
    static func capped(_ problems: [Diagnostic], fileName: String) -> [Diagnostic] {
        guard problems.count > listedProblems else { return problems }
        let sorted = problems.sorted()
        let rest = sorted.dropFirst(listedProblems)
        var kinds: [String: Int] = [:]
        for d in rest {
            // The kind: the column (or "row"), and what is wrong up to the cell's quoted text.
            let column = d.path.contains(".") ? String(d.path.split(separator: ".").last!) : "row"
            let what = (d.message.split(separator: "\"", omittingEmptySubsequences: false).first.map(String.init) ?? d.message)
            kinds[column + ": " + what.trimmingCharacters(in: .whitespaces), default: 0] += 1
        }
        let summary = kinds.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) × \($0.key)" }
        let last = rest.last!.line
        return Array(sorted.prefix(listedProblems)) + [Diagnostic(file: fileName, line: last, path: "(rest of the file)",
            message: "… and \(rest.count) more problems up to this line, not listed; by kind: " + summary.prefix(8).joined(separator: "; ") + (summary.count > 8 ? "; …" : ""),
            expected: "fix the problems above (often one cause, such as a column moved or a date format) and check again")]
    }

    /// The half-day a cell names exactly, or nil.
    private static func halfDay(_ cell: UnsafeBufferPointer<UInt8>) -> HalfDay? { word(cell, in: halves) }

    /// The activity a cell names exactly, or nil.
    private static func rotaActivity(_ cell: UnsafeBufferPointer<UInt8>) -> RotaActivity? { word(cell, in: activities) }

    private static let halves = HalfDay.allCases.flatMap { [(Array($0.rawValue.utf8), $0), (Array($0.chineseLabel.utf8), $0)] }
    private static let activities = RotaActivity.allCases.flatMap { [(Array($0.rawValue.utf8), $0), (Array($0.chineseLabel.utf8), $0)] }

    /// The value whose word is exactly the cell's bytes, or nil.
    private static func word<Value>(_ cell: UnsafeBufferPointer<UInt8>, in words: [([UInt8], Value)]) -> Value? {
        guard let base = cell.baseAddress, !cell.isEmpty else { return nil }
        for (word, value) in words where word.count == cell.count && memcmp(word, base, cell.count) == 0 { return value }
        return nil
    }

    /// What a checked column holds, for the `(expected …)` of its diagnostics.
    static func expectedText(_ field: String) -> String {
        switch field {
        case "person": return "a staff id of the scenario"
        case "date": return "a date \(Day.spreadsheetForms)"
        case "half": return "am, pm, 上午 or 下午"
        case "site": return "an institution id of the scenario"
        default: return RotaActivity.allCases.map { "\($0.rawValue)/\($0.chineseLabel)" }.joined(separator: ", ")
        }
    }
}
