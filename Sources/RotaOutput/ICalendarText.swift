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
    /// The line being made, before it is folded into `bytes` (kept to reuse its memory).
    private var line: [UInt8] = []

    /// The calendar text so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// A content line whose value is written as given (already in its value type's syntax).
    mutating func line(_ name: String, _ value: String) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: value.utf8)
        ICalendarText.fold(line, into: &bytes)
    }

    /// A content line with a TEXT value, escaped.
    mutating func text(_ name: String, _ value: String) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        line.append(UInt8(ascii: ":"))
        ICalendarText.escape(value, into: &line)
        ICalendarText.fold(line, into: &bytes)
    }

    /// Appends `line` folded, with CRLF after each physical line.
    static func fold(_ line: String, into out: inout String) {
        var bytes: [UInt8] = []
        fold(Array(line.utf8), into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func fold(_ b: [UInt8], into out: inout [UInt8]) {
        if b.count <= maxOctets { out.append(contentsOf: b); out.append(0x0D); out.append(0x0A); return }
        var i = 0, count = 0, piece = 0
        while i < b.count {
            // A character, or a backslash with the character it escapes, is never split.
            var n = width(b[i])
            if b[i] == 0x5C && i + 1 < b.count { n += width(b[i + 1]) }
            n = min(n, b.count - i)
            if count + n > maxOctets {
                out.append(contentsOf: b[piece..<i])
                out.append(0x0D); out.append(0x0A); out.append(0x20)
                piece = i
                count = 1
            }
            count += n
            i += n
        }
        out.append(contentsOf: b[piece...])
        out.append(0x0D); out.append(0x0A)
    }

    /// Octets of the UTF-8 sequence that starts with `lead`.
    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// A TEXT value (RFC 5545 §3.3.11).
    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` escaped as a TEXT value. Everything escaped or dropped is ASCII, which UTF-8
    /// never uses inside a longer character, so the text is escaped byte by byte.
    static func escape(_ s: String, into out: inout [UInt8]) {
        let utf8 = s.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) else {
            out.append(contentsOf: utf8)
            return
        }
        var previousCR = false
        for b in utf8 {
            defer { previousCR = b == 0x0D }
            switch b {
            case 0x5C: out.append(0x5C); out.append(0x5C)                       // backslash
            case 0x3B: out.append(0x5C); out.append(0x3B)                       // semicolon
            case 0x2C: out.append(0x5C); out.append(0x2C)                       // comma
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "n"))          // a line break
            case 0x0A: if !previousCR { out.append(0x5C); out.append(UInt8(ascii: "n")) }
            case 0x09: out.append(b)
            default: if b >= 0x20 && b != 0x7F { out.append(b) }
            }
        }
    }
}
