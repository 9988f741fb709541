import RotaCore
import RotaVerifier
/// Renders a header and rows as the CSV text rota writes for Excel.
///
/// The convention is that of `assignments.csv`: UTF-8 with a byte-order mark (so Excel
/// reads the Chinese names), CRLF line ends, every field quoted per RFC 4180 when it holds a
/// comma, quote or line break (`CSVField.escape`), a CRLF after the last row too.
///
/// ```swift
/// CSVDocument.render(header: ["a", "b"], rows: [["1", "x,y"]])
/// // "\u{FEFF}a,b\r\n1,\"x,y\"\r\n"
/// ```
public enum CSVDocument {
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        out.reserveCapacity(64 + rows.count * 64)
        append(header, to: &out)
        for r in rows { append(r, to: &out) }
        return out
    }

    private static func append(_ fields: [String], to out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += CSVField.escape(f)
        }
        out += "\r\n"
    }
}
