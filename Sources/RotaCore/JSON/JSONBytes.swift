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

    /// Empties the buffer, keeping its memory for what is written next.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends text as it is (punctuation, indentation, pre-escaped keys).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends computed text as it is (a number's digits). Named apart from `raw(_:)` so a
    /// literal, even one chosen by `?:`, never takes this slower path by accident.
    public mutating func rawText(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends JSON text written elsewhere (a part of the same document).
    public mutating func append(_ part: [UInt8]) { bytes.append(contentsOf: part) }

    /// Appends `s` as a JSON string: quoted, with `"` `\` and the control characters escaped as
    /// RFC 8785 says, everything else as its UTF-8 bytes.
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        escaped(s)
        bytes.append(0x22)
    }

    /// Appends `s` as the inside of a JSON string: escaped as `string(_:)` does, without the
    /// quotes (for a writer whose fixed text around it carries them).
    public mutating func escaped(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ append(escaping: $0) }) == nil {
            var s = s
            s.withUTF8 { append(escaping: $0) }
        }
    }

    /// Appends one byte of text as it is (a quote, a bracket).
    public mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Appends UTF-8 bytes as the inside of a JSON string (escaped, without the quotes).
    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0, i = 0
        let n = utf8.count
        while i < n {
            // Eight bytes at a time while none of them needs escaping (none below 0x20, none
            // is `"` or `\`): the usual case, ids, Chinese names and sentences.
            while i + 8 <= n {
                let word = UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if JSONBytes.mayNeedEscaping(word) { break }
                i += 8
            }
            guard i < n else { break }
            let b = utf8[i]
            if b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(b)
                start = i + 1
            }
            i += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<n]))
    }

    /// Whether any of the eight bytes of `word` is below 0x20, `"` (0x22) or `\` (0x5C)
    /// (may answer true for a byte that is none of them; never false for one that is).
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        // Bytes below 0x20: subtracting 0x20 borrows into the high bit of a byte without it.
        let below = (word &- ones &* 0x20) & ~word & highs
        return below != 0 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Appends a whole number in decimal.
    public mutating func integer(_ v: Int) {
        if v >= 0 && v < 10 { bytes.append(0x30 + UInt8(v)); return }
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the last, into a small buffer (Int.min's magnitude fits in UInt).
        var magnitude = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = buffer.count
            repeat {
                n -= 1
                buffer[n] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[n...])
        }
    }

    /// Appends a finite double as ECMAScript prints it (`CanonicalJSON.number`).
    public mutating func number(_ d: Double) {
        guard let text = CanonicalJSON.number(d) else { preconditionFailure("non-finite number in JSON: \(d)") }
        rawText(text)
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
