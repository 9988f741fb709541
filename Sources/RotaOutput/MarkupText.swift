import RotaCore
import RotaVerifier
/// Escaping text for XML (the workbook's parts) and HTML (the report page).
///
/// XML 1.0 cannot hold most control characters at all, not even as character references,
/// so `xml` drops them (everything below U+0020 except tab, line feed and carriage return,
/// plus U+FFFE/U+FFFF); the five markup characters become entities. `html` escapes the same
/// five characters, so its output is safe in element text and in quoted attribute values.
///
/// ```swift
/// MarkupText.xml("A & B <1>")   // "A &amp; B &lt;1&gt;"
/// MarkupText.html("\"x\"")      // "&quot;x&quot;"
/// ```
public enum MarkupText {
    static func xml(_ s: String) -> String { escaped(s, apostrophe: "&apos;") }

    public static func html(_ s: String) -> String { escaped(s, apostrophe: "&#39;") }

    /// Escapes the five markup characters (HTML has no `&apos;`) and drops characters XML forbids.
    private static func escaped(_ s: String, apostrophe: String) -> String {
        guard s.unicodeScalars.contains(where: needsWork) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            default:
                if isXMLChar(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Whether the character may appear in an XML 1.0 document.
    static func isXMLChar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        return v != 0xFFFE && v != 0xFFFF
    }

    private static func needsWork(_ u: Unicode.Scalar) -> Bool {
        u == "&" || u == "<" || u == ">" || u == "\"" || u == "'" || !isXMLChar(u)
    }
}
