import RotaCore
import RotaVerifier
/// Builds iCalendar (RFC 5545) text: content lines folded at 75 octets, TEXT values escaped.
///
/// Each content line ends with CRLF. A line longer than 75 octets is folded: it breaks
/// before the character that would pass 75 octets and goes on after CRLF and one space, the
/// space counting toward the next line's 75. Breaks fall between Unicode scalars, never
/// inside a UTF-8 sequence, so a Chinese character (3 octets) is never split; nor do they
/// fall inside a backslash escape (`\n`), which RFC 5545 allows but some readers trip on.
/// `escape` makes a TEXT value: backslash, semicolon and comma get a backslash, a line break
/// becomes `\n`, other control characters (except tab) are dropped. The text is kept as
/// UTF-8 bytes, ready to be written.
///
/// ```swift
/// var ics = ICalendarText()
/// ics.line("BEGIN", "VCALENDAR")
/// ics.text("SUMMARY", "驻点; 韩集镇卫生院")   // "SUMMARY:驻点\; 韩集镇卫生院\r\n"
/// ics.output
/// ```
struct ICalendarText {
    static let maxOctets = 75
    private(set) var bytes: [UInt8] = []

    /// The calendar text so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// A content line whose value is written as given (already in its value type's syntax).
    mutating func line(_ name: String, _ value: String) {
        ICalendarText.fold(name + ":" + value, into: &bytes)
    }

    /// A content line with a TEXT value, escaped.
    mutating func text(_ name: String, _ value: String) {
        line(name, ICalendarText.escape(value))
    }

    /// Appends `line` folded, with CRLF after each physical line.
    static func fold(_ line: String, into out: inout String) {
        var bytes: [UInt8] = []
        fold(line, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func fold(_ line: String, into out: inout [UInt8]) {
        let crlf: [UInt8] = [0x0D, 0x0A]
        let utf8 = line.utf8
        if utf8.count <= maxOctets { out.append(contentsOf: utf8); out.append(contentsOf: crlf); return }
        let b = Array(utf8)
        var i = 0, count = 0
        while i < b.count {
            // A character, or a backslash with the character it escapes, is never split.
            var n = width(b[i])
            if b[i] == 0x5C && i + 1 < b.count { n += width(b[i + 1]) }
            n = min(n, b.count - i)
            if count + n > maxOctets { out.append(contentsOf: [0x0D, 0x0A, 0x20]); count = 1 }
            out.append(contentsOf: b[i..<(i + n)])
            count += n
            i += n
        }
        out.append(contentsOf: crlf)
    }

    /// Octets of the UTF-8 sequence that starts with `lead`.
    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// A TEXT value (RFC 5545 §3.3.11).
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(u)
            default:
                if u.value >= 0x20 && u.value != 0x7F { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
