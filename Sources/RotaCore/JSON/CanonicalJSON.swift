import Foundation

/// The canonical serialisation of a `JSONValue` (RFC 8785, JSON Canonicalization Scheme), and a
/// readable indented form with the same member order.
///
/// Canonical form, as RFC 8785 §3.2:
/// - no whitespace between tokens;
/// - object members sorted by their keys compared as arrays of UTF-16 code units (so
///   `"\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "דּ"`: the emoji's surrogates come before U+FB33);
/// - strings: `"` and `\` escaped with a backslash, U+0008, U+0009, U+000A, U+000C, U+000D as
///   `\b \t \n \f \r`, the other control characters below U+0020 as `\u00xx` in lower-case hex,
///   every other character (including `/`, U+007F and all non-ASCII) as itself in UTF-8;
/// - `null`, `true`, `false` as such;
/// - numbers as ECMAScript's `Number.prototype.toString` prints the double (`4.50` → `4.5`,
///   `1E30` → `1e+30`, `2e-3` → `0.002`, `1e-7` → `1e-7`, `-0` → `0`, `1.0` → `1`).
///
/// Deviations from RFC 8785, all on the safe side for this project:
/// - `.integer` values are printed exactly as decimal integers, even beyond 2^53 where
///   ECMAScript would round them to a double (rota never writes such numbers; the digest of
///   such a file simply differs from a JCS library's).
/// - Non-finite doubles have no form (`data(_:)` traps on them; `JSONParser` never produces them).
/// - Lone surrogates cannot occur (`JSONParser` refuses them, Swift strings cannot hold them).
/// - Object keys that are canonically equivalent Unicode strings are one key (see `JSONValue`).
///
/// Doubles are printed from Swift's shortest round-trip digits (`Double.description`, which,
/// like ECMAScript, picks the shortest digit string that reads back as the same double, the
/// closest one when several are that short), laid out by the ECMAScript rules.
///
/// ```swift
/// let v = try JSONParser.parse(#"{"b": [1, 4.50, 1E30], "a": "€\n"}"#)
/// CanonicalJSON.string(v)   // {"a":"€\n","b":[1,4.5,1e+30]}
/// ```
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    public static func data(_ value: JSONValue) -> Data {
        var out = JSONBytes()
        write(value, into: &out)
        return Data(out.bytes)
    }

    /// The canonical text of `value`.
    public static func string(_ value: JSONValue) -> String { String(decoding: data(value), as: UTF8.self) }

    /// The canonical bytes of a JSON text: parsed strictly, then written canonically.
    public static func canonicalize<Bytes: Sequence>(_ json: Bytes) throws(JSONParseError) -> Data where Bytes.Element == UInt8 {
        data(try JSONParser.parse(json))
    }

    /// The readable form: the canonical member order and number and string forms, two-space
    /// indentation, `"key": value`, and a final newline. A list or object whose elements are
    /// all scalars stands on one line (`{"name": "sent", "value": 6}`, `["a", "b"]`, `[]`).
    /// Re-canonicalising it gives `data(value)` back.
    public static func pretty(_ value: JSONValue) -> Data {
        var out = JSONBytes()
        writePretty(value, indent: 0, into: &out)
        out.raw("\n")
        return Data(out.bytes)
    }

    /// Keys in canonical order: compared as arrays of UTF-16 code units.
    public static func sortedKeys<V>(_ members: [String: V]) -> [String] {
        members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }

    /// Appends `value`'s canonical bytes.
    static func write(_ value: JSONValue, into out: inout JSONBytes) {
        switch value {
        case .object(let members):
            out.raw("{")
            for (n, key) in sortedKeys(members).enumerated() {
                if n > 0 { out.raw(",") }
                out.string(key)
                out.raw(":")
                write(members[key]!, into: &out)
            }
            out.raw("}")
        case .array(let elements):
            out.raw("[")
            for (n, e) in elements.enumerated() {
                if n > 0 { out.raw(",") }
                write(e, into: &out)
            }
            out.raw("]")
        default:
            writeScalar(value, into: &out)
        }
    }

    /// Whether a value is a scalar.
    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    private static func indent(_ depth: Int, into out: inout JSONBytes) {
        for _ in 0..<depth { out.raw("  ") }
    }

    private static func writePretty(_ value: JSONValue, indent depth: Int, into out: inout JSONBytes) {
        switch value {
        case .object(let members) where members.values.allSatisfy(isScalar):
            out.raw("{")
            for (n, key) in sortedKeys(members).enumerated() {
                if n > 0 { out.raw(", ") }
                out.string(key)
                out.raw(": ")
                writeScalar(members[key]!, into: &out)
            }
            out.raw("}")
        case .array(let elements) where elements.allSatisfy(isScalar):
            out.raw("[")
            for (n, e) in elements.enumerated() {
                if n > 0 { out.raw(", ") }
                writeScalar(e, into: &out)
            }
            out.raw("]")
        case .object(let members):
            out.raw("{\n")
            for (n, key) in sortedKeys(members).enumerated() {
                if n > 0 { out.raw(",\n") }
                indent(depth + 1, into: &out)
                out.string(key)
                out.raw(": ")
                writePretty(members[key]!, indent: depth + 1, into: &out)
            }
            out.raw("\n")
            indent(depth, into: &out)
            out.raw("}")
        case .array(let elements):
            out.raw("[\n")
            for (n, e) in elements.enumerated() {
                if n > 0 { out.raw(",\n") }
                indent(depth + 1, into: &out)
                writePretty(e, indent: depth + 1, into: &out)
            }
            out.raw("\n")
            indent(depth, into: &out)
            out.raw("]")
        default: writeScalar(value, into: &out)
        }
    }

    private static func writeScalar(_ value: JSONValue, into out: inout JSONBytes) {
        switch value {
        case .null: out.raw("null")
        case .bool(let b): if b { out.raw("true") } else { out.raw("false") }
        case .integer(let v): out.integer(v)
        case .number(let d): out.number(d)
        case .string(let s): out.string(s)
        case .array, .object: write(value, into: &out)
        }
    }

    /// A finite double as ECMAScript's `Number.prototype.toString(10)` prints it; nil for NaN
    /// and the infinities.
    ///
    /// ```swift
    /// CanonicalJSON.number(333333333.33333329)   // "333333333.3333333"
    /// CanonicalJSON.number(1e21)                  // "1e+21"
    /// CanonicalJSON.number(0.000001)              // "0.000001"
    /// ```
    public static func number(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        if d == 0 { return "0" }
        let sign = d < 0 ? "-" : ""
        // Swift's description: shortest round-trip digits, as "123.45", "1e-07" or "1.5e+20".
        let text = abs(d).description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(mantissa[0]), fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
        var digits = Array(whole + fraction)
        // value = 0.d1 d2 … dk × 10^n
        var n = whole.count + exponent
        while digits.first == "0" { digits.removeFirst(); n -= 1 }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let s = String(digits)
        let body: String
        if k <= n && n <= 21 {
            body = s + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = String(digits[0..<n]) + "." + String(digits[n...])
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + s
        } else {
            let e = n - 1
            let exp = "e" + (e < 0 ? "-" : "+") + String(abs(e))
            body = k == 1 ? s + exp : String(digits[0]) + "." + String(digits[1...]) + exp
        }
        return sign + body
    }
}
