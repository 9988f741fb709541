import Foundation
/// `rota.csv`: one row per person and half-day slot, for Excel and for the verifier.
///
/// UTF-8 with a byte-order mark (so Excel reads the Chinese names), CRLF line ends, a header
/// row in Chinese (`header`: 人员编号, 姓名, 所属单位编号, 日期, 时段, 地点编号, 地点名称, 工作内容),
/// then exactly the columns `person, name, hospital, date, half, site, site_name, activity`
/// in that order (`englishHeader`, the header rota wrote before, is read as well) —
/// `hospital` is the person's own institution id, `half` is `am` or `pm`, `activity` is a
/// `RotaActivity` raw value. Fields are quoted per RFC 4180 when they hold a comma, quote or
/// line break. Rows follow the rota's order (person, date, half).
///
/// `parse` reads such a file back (with or without the BOM, CRLF or LF line ends, either
/// header) into entries; the descriptive columns (`name`, `hospital`, `site_name`) are not
/// needed for that.
///
/// ```swift
/// let text = RotaCSV.render(rota: rota, scenario: s)
/// let entries = try RotaCSV.parse(text)   // == rota.entries
/// ```
public enum RotaCSV {
    /// The header rota writes: the columns' Chinese names.
    public static let header = ["人员编号", "姓名", "所属单位编号", "日期", "时段", "地点编号", "地点名称", "工作内容"]
    /// The same columns by their English field names (the header of earlier versions; still read).
    public static let englishHeader = ["person", "name", "hospital", "date", "half", "site", "site_name", "activity"]

    /// rota.csv as text.
    public static func render(rota: WeeklyRota, scenario: Scenario) -> String {
        String(decoding: data(rota: rota, scenario: scenario), as: UTF8.self)
    }

    /// rota.csv's bytes, made row by row into one buffer: what `rota plan` writes, without a
    /// copy of the text (a Heze year is about 45 MB).
    public static func data(rota: WeeklyRota, scenario: Scenario) -> Data {
        let inst = scenario.institutionIndex(), staff = scenario.staffIndex()
        var out = Data(capacity: rota.entries.count * 72 + 64)
        out.append(contentsOf: Array(("\u{FEFF}" + header.joined(separator: ",") + "\r\n").utf8))
        var row: [UInt8] = []
        row.reserveCapacity(256)
        func field(_ escaped: String, then separator: StaticString) {
            row.append(contentsOf: escaped.utf8)
            separator.withUTF8Buffer { row.append(contentsOf: $0) }
        }
        var current = "", name = "", hospital = ""
        for e in rota.entries {
            if e.person != current {
                current = e.person
                name = CSVField.escape(staff[e.person]?.name ?? "")
                hospital = CSVField.escape(staff[e.person]?.institution ?? "")
            }
            row.removeAll(keepingCapacity: true)
            field(CSVField.escape(e.person), then: ","); field(name, then: ","); field(hospital, then: ",")
            field(CSVField.escape(e.date), then: ","); field(e.half.rawValue, then: ",")
            field(CSVField.escape(e.site), then: ","); field(CSVField.escape(inst[e.site]?.name ?? ""), then: ",")
            field(e.activity.rawValue, then: "\r\n")
            out.append(contentsOf: row)
        }
        return out
    }

    /// Reads `rota.csv` text into entries, in file order.
    public static func parse(_ text: String) throws -> [RotaEntry] {
        let rows = try records(text)
        guard let head = rows.first else { throw RotaCSVError(line: 1, message: "empty file (expected the header \(header.joined(separator: ",")))") }
        guard head.fields == header || head.fields == englishHeader else {
            throw RotaCSVError(line: 1, message: "header is \(head.fields.joined(separator: ",")) (expected \(header.joined(separator: ",")) or \(englishHeader.joined(separator: ",")))")
        }
        var entries: [RotaEntry] = []
        entries.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            let f = row.fields
            if f.count == 1 && f[0].isEmpty { continue }   // a blank line
            guard f.count == header.count else {
                throw RotaCSVError(line: row.line, message: "\(f.count) fields (expected \(header.count))")
            }
            guard !f[0].isEmpty else { throw RotaCSVError(line: row.line, message: "person is empty") }
            guard Day(iso: f[3]) != nil else { throw RotaCSVError(line: row.line, message: "date \"\(f[3])\" is not YYYY-MM-DD") }
            guard let half = HalfDay(rawValue: f[4]) else { throw RotaCSVError(line: row.line, message: "half \"\(f[4])\" (expected am or pm)") }
            guard !f[5].isEmpty else { throw RotaCSVError(line: row.line, message: "site is empty") }
            guard let activity = RotaActivity(rawValue: f[7]) else {
                throw RotaCSVError(line: row.line, message: "activity \"\(f[7])\" (expected \(RotaActivity.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            entries.append(RotaEntry(person: f[0], date: f[3], half: half, site: f[5], activity: activity))
        }
        return entries
    }

    /// RFC 4180 records with the line each starts on. Quoted fields may hold commas, quotes
    /// (doubled) and line breaks; a leading BOM is skipped; CRLF and LF both end a record.
    static func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var out: [(Int, [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var i = 0
        var quoted = false, wasQuoted = false
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); wasQuoted = false }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false; i += 1; continue
                }
                if b == 0x0A { line += 1 }
                field.append(b); i += 1; continue
            }
            switch b {
            case 0x22:
                guard field.isEmpty && !wasQuoted else { throw RotaCSVError(line: line, message: "a quote inside an unquoted field") }
                quoted = true; wasQuoted = true
            case 0x2C:
                endField()
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                break
            case 0x0A:
                endField(); out.append((recordLine, fields)); fields = []
                line += 1; recordLine = line
            default:
                if wasQuoted { throw RotaCSVError(line: line, message: "text after a closing quote") }
                field.append(b)
            }
            i += 1
        }
        if quoted { throw RotaCSVError(line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endField(); out.append((recordLine, fields)) }
        return out
    }
}

/// A `rota.csv` file that could not be read: the line and what is wrong.
public struct RotaCSVError: Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let message: String
    public var description: String { "rota.csv:\(line): \(message)" }
}
