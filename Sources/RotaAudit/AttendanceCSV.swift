import Foundation
import RotaCore
import RotaInput
import RotaOutput
import RotaVerifier

/// The status of one person on one half-day, as an attendance sheet records it.
public enum AttendanceStatus: String, Sendable, Hashable, CaseIterable {
    /// At post.
    case present
    /// Away with a reason (leave, training, illness with a note): not an absence from post.
    case justified
    /// Away without a proper reason (无正当理由脱岗).
    case unjustified
}

/// One row of an attendance sheet: a person's status on one half-day.
public struct AttendanceRecord: Sendable, Hashable {
    /// The file and line the row was read from (for messages).
    public var file: String
    public var line: Int
    /// Limits the row to one submission (the optional `submission` column); nil = every
    /// submission that lists the person.
    public var submission: String?
    public var person: String
    public var date: Day
    /// `am` or `pm`.
    public var half: String
    public var status: AttendanceStatus

    public init(file: String, line: Int, submission: String? = nil, person: String, date: Day, half: String,
                status: AttendanceStatus) {
        self.file = file; self.line = line; self.submission = submission; self.person = person
        self.date = date; self.half = half; self.status = status
    }
}

/// Reads an attendance CSV for `rota audit`.
///
/// Columns (a header row, any order): `person, date, half, status`, and optionally
/// `submission` (the submission folder name a row belongs to, for a region-wide file whose
/// person ids repeat across submissions); in Chinese `人员编号, 日期, 时段, 考勤状态` (or 状态,
/// 考勤, 出勤情况) and `报送单位` (`chineseColumns`). `date` is ISO `YYYY-MM-DD`, `half` is `am` or `pm`,
/// `status` is `present`, `justified` or `unjustified`, or a Chinese word (`statusWords`: 在岗,
/// 请假 …, 脱岗 …); `half` may be 上午/下午 and `date` `2025/7/1` as Chinese-locale Excel saves it. UTF-8 (a byte-order mark is fine) or
/// GB18030, as other rota inputs. Blank lines are skipped. The same person, date and half
/// given twice with different statuses is an error.
///
/// Discussion: every problem is reported as a `Diagnostic` located to its line —
/// `attendance.csv:7: attendance[5].status: unknown status "absent" (expected present,
/// justified or unjustified)` — and the whole file is refused, so an audit never rests on a
/// half-read sheet.
///
/// ```swift
/// let rows = try AttendanceCSV.read(path: "Scenarios/audit/attendance.csv")
/// rows.filter { $0.status == .unjustified }.count
/// ```
public enum AttendanceCSV {
    /// The columns a file must have.
    public static let requiredColumns = ["person", "date", "half", "status"]

    /// Chinese statuses as attendance sheets write them. 在岗/出勤 is at post; leave with a
    /// reason (请假, 病假, 事假, 休假, 公假, 培训, 出差) is justified; 脱岗/旷工/缺勤 (无正当理由脱岗)
    /// is unjustified.
    public static let statusWords: [String: String] = {
        var map: [String: String] = [:]
        for w in ["在岗", "出勤", "到岗"] { map[w] = AttendanceStatus.present.rawValue }
        for w in ["请假", "病假", "事假", "休假", "公假", "培训", "出差", "调休"] { map[w] = AttendanceStatus.justified.rawValue }
        for w in ["脱岗", "旷工", "缺勤", "无故缺勤"] { map[w] = AttendanceStatus.unjustified.rawValue }
        return map
    }()

    /// 上午 and 下午 as the halves.
    public static let halfWords = ["上午": "am", "下午": "pm"]
    /// The columns a file may have.
    public static let knownColumns = ["submission", "person", "date", "half", "status"]

    /// Chinese headers, as an HR office's attendance sheet names the columns.
    public static let chineseColumns: [String: String] = [
        "报送批次": "submission", "报送单位": "submission",
        "人员编号": "person", "工号": "person",
        "日期": "date", "时段": "half",
        "状态": "status", "考勤": "status", "考勤状态": "status", "出勤情况": "status",
    ]

    /// The column a header cell names (English, any case, or Chinese), or nil.
    static func column(named raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let name = chineseColumns[text] { return name }
        return knownColumns.contains(text.lowercased()) ? text.lowercased() : nil
    }

    /// Reads and checks the file at `path`.
    public static func read(path: String) throws(InputError) -> [AttendanceRecord] {
        switch TextDecoding.readFile(atPath: path) {
        case .unreadable(let reason):
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)",
                                         message: "cannot read the attendance file (\(reason))")])
        case .undecodable(let offset, let line):
            throw InputError([Diagnostic(file: path, line: line, path: "(whole file)",
                                         message: TextDecoding.undecodableMessage(byteOffset: offset))])
        case .text(let text, _):
            return try parse(text, file: path)
        }
    }

    /// Parses attendance CSV text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws(InputError) -> [AttendanceRecord] {
        let table = CSVTable.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let records = table.records.filter { !$0.isBlank }
        guard let header = records.first else {
            throw InputError([Diagnostic(file: file, line: 0, path: "(whole file)", message: "empty file",
                                         expected: "a header row: \(requiredColumns.joined(separator: ","))")])
        }
        var problems: [Diagnostic] = []
        var column: [String: Int] = [:]
        for (i, raw) in header.cells.enumerated() {
            guard let name = AttendanceCSV.column(named: raw) else {
                problems.append(Diagnostic(file: file, line: header.line, path: "header[\(i)]",
                                           message: "unknown column \"\(raw)\"",
                                           expected: knownColumns.joined(separator: ", ") + " (or 报送单位, 人员编号, 日期, 时段, 考勤状态)"))
                continue
            }
            if column[name] != nil {
                problems.append(Diagnostic(file: file, line: header.line, path: "header[\(i)]",
                                           message: "column \"\(name)\" given twice"))
            } else {
                column[name] = i
            }
        }
        for name in requiredColumns where column[name] == nil {
            problems.append(Diagnostic(file: file, line: header.line, path: "header", message: "missing column \"\(name)\"",
                                       expected: "a header row with \(requiredColumns.joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw InputError(problems) }

        var out: [AttendanceRecord] = []
        var seen: [String: (status: AttendanceStatus, line: Int)] = [:]
        for (index, r) in records.dropFirst().enumerated() {
            let at = "attendance[\(index)]"
            func problem(_ field: String, _ message: String, _ expected: String? = nil) {
                problems.append(Diagnostic(file: file, line: r.line, path: "\(at).\(field)", message: message, expected: expected))
            }
            for p in r.problems { problems.append(Diagnostic(file: file, line: r.line, path: at, message: p)) }
            if r.cells.count > header.cells.count {
                problems.append(Diagnostic(file: file, line: r.line, path: at,
                                           message: "\(r.cells.count) cells in a row of \(header.cells.count) columns",
                                           expected: "\(header.cells.count) cells"))
                continue
            }
            func cell(_ name: String) -> String {
                guard let i = column[name], i < r.cells.count else { return "" }
                return r.cells[i].trimmingCharacters(in: .whitespaces)
            }
            let person = cell("person"), dateText = cell("date")
            let half = AttendanceCSV.halfWords[cell("half")] ?? cell("half").lowercased()
            let statusText = AttendanceCSV.statusWords[cell("status")] ?? cell("status").lowercased()
            let submission = cell("submission")
            var ok = true
            if person.isEmpty { problem("person", "missing person", "a staff id of the submission's scenario"); ok = false }
            let date = Day(spreadsheet: dateText)
            if date == nil {
                problem("date", dateText.isEmpty ? "missing date" : "not a date: \"\(dateText)\"", Day.spreadsheetForms); ok = false
            }
            if half != "am" && half != "pm" {
                problem("half", half.isEmpty ? "missing half" : "unknown half \"\(cell("half"))\"", "am or pm (上午 or 下午)"); ok = false
            }
            let status = AttendanceStatus(rawValue: statusText)
            if status == nil {
                problem("status", statusText.isEmpty ? "missing status" : "unknown status \"\(cell("status"))\"",
                        "present, justified or unjustified (在岗, 请假, 脱岗 …)"); ok = false
            }
            guard ok, let date, let status else { continue }
            let key = "\(submission)\u{1}\(person)\u{1}\(date.iso)\u{1}\(half)"
            if let earlier = seen[key] {
                if earlier.status != status {
                    problem("status", "\(person) \(date.iso) \(half) is \(status.rawValue) here but \(earlier.status.rawValue) on line \(earlier.line)",
                            "one status per person and half-day")
                }
                continue
            }
            seen[key] = (status, r.line)
            out.append(AttendanceRecord(file: file, line: r.line, submission: submission.isEmpty ? nil : submission,
                                        person: person, date: date, half: half, status: status))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return out
    }
}
