/// Why a text is not the strict JSON the proof reads, and where (a byte offset).
///
/// ```swift
/// do { _ = try JSONParser.parse(#"{"a": 1, "a": 2}"#) }
/// catch { print(error) }   // duplicate key "a" (at byte 9)
/// ```
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) { self.offset = offset; self.message = message }

    public var description: String { "\(message) (at byte \(offset))" }
}

/// A strict RFC 8259 JSON parser into `JSONValue`, for I-JSON input (RFC 7493) as RFC 8785
/// requires.
///
/// It refuses what a canonical form cannot represent faithfully: duplicate object keys, lone
/// surrogate escapes (`"\ud800"`), numbers that overflow a double, and unescaped control
/// characters in strings. Whitespace around tokens is space, tab, line feed and carriage
/// return; a UTF-8 byte-order mark at the start is skipped. Nesting deeper than 512 is refused
/// so a hostile file cannot exhaust the stack.
///
/// Numbers without fraction or exponent that fit in `Int` become `.integer`; the rest are
/// parsed with `Double(_:)` (correctly rounded) into `.number`.
///
/// ```swift
/// try JSONParser.parse(Data(#"{"a": [1, 2.50, "\u20ac"]}"#.utf8))
/// // .object(["a": .array([.integer(1), .number(2.5), .string("€")])])
/// ```
public struct JSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private static let maxDepth = 512

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON text (any value at the top) from UTF-8 bytes.
    public static func parse<Bytes: Sequence>(_ data: Bytes) throws(JSONParseError) -> JSONValue where Bytes.Element == UInt8 {
        var parser = JSONParser(Array(data))
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.i == parser.bytes.count else { throw parser.error("text after the JSON value") }
        return value
    }

    /// Parses one JSON text from a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private func error(_ message: String) -> JSONParseError { JSONParseError(offset: i, message: message) }

    private var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 }
    }

    private mutating func expect(_ literal: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let l = Array(literal.utf8)
        guard bytes.count - i >= l.count, Array(bytes[i..<(i + l.count)]) == l else {
            throw error("unexpected character")
        }
        i += l.count
        return value
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else { throw error("nested deeper than \(JSONParser.maxDepth)") }
        guard let b = current else { throw error("unexpected end of text") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character")
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyStart = i
            let key = try string()
            guard members[key] == nil else {
                throw JSONParseError(offset: keyStart, message: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':'") }
            i += 1
            skipWhitespace()
            members[key] = try value(depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(members)
            default: throw error("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { i += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(elements)
            default: throw error("expected ',' or ']'")
            }
        }
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard bytes.count - i >= 4 else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error("bad hex digit in \\u escape")
            }
            v = v * 16 + UInt32(d)
            i += 1
        }
        return v
    }

    private mutating func string() throws(JSONParseError) -> String {
        i += 1
        // Most strings have no escape: validate their bytes as UTF-8 in one go.
        var end = i
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            guard let text = String(validating: bytes[i..<end], as: UTF8.self) else {
                throw JSONParseError(offset: i, message: "invalid UTF-8 in a string")
            }
            i = end + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var run = i   // start of the current stretch of plain bytes
        func flush(_ end: Int) throws(JSONParseError) {
            guard run < end else { return }
            guard let text = String(validating: bytes[run..<end], as: UTF8.self) else {
                throw JSONParseError(offset: run, message: "invalid UTF-8 in a string")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let b = current else { throw error("unterminated string") }
            if b == UInt8(ascii: "\"") {
                try flush(i)
                i += 1
                return String(scalars)
            }
            if b < 0x20 { throw error("unescaped control character in a string") }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            try flush(i)
            i += 1
            guard let e = current else { throw error("unterminated escape") }
            i += 1
            switch e {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                let high = try hex4()
                var code = high
                if (0xD800...0xDBFF).contains(high) {
                    guard bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("lone surrogate \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate \\u escape") }
                    code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(high) {
                    throw error("lone surrogate \\u escape")
                }
                scalars.append(Unicode.Scalar(code)!)
            default:
                throw error("unknown escape")
            }
            run = i
        }
    }

    private mutating func number() throws(JSONParseError) -> JSONValue {
        let start = i
        func digits() -> Int {
            let s = i
            while let b = current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if current == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let intDigits = digits()
        guard intDigits > 0 else { throw error("a number needs digits") }
        guard intDigits == 1 || bytes[intStart] != UInt8(ascii: "0") else { throw error("a number may not start with 0") }
        var integral = true
        if current == UInt8(ascii: ".") {
            i += 1
            integral = false
            guard digits() > 0 else { throw error("digits must follow the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            i += 1
            integral = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("digits must follow the exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let v = Int(text) { return .integer(v) }
        guard let d = Double(text), d.isFinite else {
            throw JSONParseError(offset: start, message: "number out of range")
        }
        return .number(d)
    }
}
