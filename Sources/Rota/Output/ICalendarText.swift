/// Builds iCalendar (RFC 5545) text: content lines folded at 75 octets, TEXT values escaped.
///
/// Each content line ends with CRLF. A line longer than 75 octets is folded: it breaks
/// before the character that would pass 75 octets and goes on after CRLF and one space, the
/// space counting toward the next line's 75. Breaks fall between Unicode scalars, never
/// inside a UTF-8 sequence, so a Chinese character (3 octets) is never split. `escape` makes
/// a TEXT value: backslash, semicolon and comma get a backslash, a line break becomes `\n`,
/// other control characters (except tab) are dropped.
///
/// ```swift
/// var ics = ICalendarText()
/// ics.line("BEGIN", "VCALENDAR")
/// ics.text("SUMMARY", "驻点; 韩集镇卫生院")   // "SUMMARY:驻点\; 韩集镇卫生院\r\n"
/// ics.output
/// ```
struct ICalendarText {
    static let maxOctets = 75
    private(set) var output = ""

    /// A content line whose value is written as given (already in its value type's syntax).
    mutating func line(_ name: String, _ value: String) {
        ICalendarText.fold(name + ":" + value, into: &output)
    }

    /// A content line with a TEXT value, escaped.
    mutating func text(_ name: String, _ value: String) {
        line(name, ICalendarText.escape(value))
    }

    /// Appends `line` folded, with CRLF after each physical line.
    static func fold(_ line: String, into out: inout String) {
        if line.utf8.count <= maxOctets { out += line; out += "\r\n"; return }
        var count = 0
        for u in line.unicodeScalars {
            let n = UTF8.width(u)
            if count + n > maxOctets { out += "\r\n "; count = 1 }
            out.unicodeScalars.append(u)
            count += n
        }
        out += "\r\n"
    }

    /// A TEXT value (RFC 5545 §3.3.11).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
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
