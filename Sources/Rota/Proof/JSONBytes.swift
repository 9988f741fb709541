/// A growing buffer of JSON text in UTF-8, written token by token in the forms of
/// `CanonicalJSON` (RFC 8785 strings and numbers).
///
/// Discussion: `CanonicalJSON` writes any `JSONValue`; for the large, fixed-shape documents
/// rota writes itself (a year's compliance proof is about 100 MB) building a `JSONValue`
/// tree first costs seconds. A writer that knows its document's shape appends its tokens
/// here instead and gets the same bytes. Member order is the writer's job: keys must be
/// written in canonical order (`CanonicalJSON.sortedKeys`).
///
/// ```swift
/// var json = JSONBytes()
/// json.raw("{"); json.string("a"); json.raw(":"); json.integer(-4); json.raw("}")
/// String(decoding: json.bytes, as: UTF8.self)   // {"a":-4}
/// ```
public struct JSONBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends text as it is (punctuation, indentation, pre-escaped keys).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text as it is.
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends JSON text written elsewhere (a part of the same document).
    public mutating func append(_ part: [UInt8]) { bytes.append(contentsOf: part) }

    /// Appends `s` as a JSON string: quoted, with `"` `\` and the control characters escaped as
    /// RFC 8785 says, everything else as its UTF-8 bytes.
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(b)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
    }

    /// Appends a whole number in decimal.
    public mutating func integer(_ v: Int) {
        if v >= 0 && v < 10 { bytes.append(0x30 + UInt8(v)); return }
        bytes.append(contentsOf: String(v).utf8)
    }

    /// Appends a finite double as ECMAScript prints it (`CanonicalJSON.number`).
    public mutating func number(_ d: Double) {
        guard let text = CanonicalJSON.number(d) else { preconditionFailure("non-finite number in JSON: \(d)") }
        raw(text)
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x08: raw("\\b")
        case 0x09: raw("\\t")
        case 0x0A: raw("\\n")
        case 0x0C: raw("\\f")
        case 0x0D: raw("\\r")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            raw("\\u00")
            bytes.append(hex[Int(b >> 4)])
            bytes.append(hex[Int(b & 0x0F)])
        }
    }
}
