import Foundation

/// A JSON value, as the compliance proof digests, signs and compares it.
///
/// Integers and other numbers are kept apart: a number written without a fraction or an
/// exponent that fits in `Int` is `.integer` and stays exact; every other number is
/// `.number` (an IEEE 754 double, as RFC 8785 reads all numbers). Objects are dictionaries:
/// member order carries no meaning in JSON, and `CanonicalJSON` sorts the keys when it writes.
///
/// Discussion: Swift compares strings by Unicode canonical equivalence, so two object keys that
/// differ only in normalisation (`"é"` and `"e\u{301}"`) are one key here; `JSONParser` refuses
/// such an object as having a duplicate key. Strings keep their exact scalars otherwise.
///
/// ```swift
/// let v: JSONValue = .object(["b": .integer(1), "a": .array([.string("x"), .null])])
/// CanonicalJSON.string(v)   // {"a":["x",null],"b":1}
/// ```
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A whole number written without fraction or exponent, kept exact.
    case integer(Int)
    /// Any other number (a finite double).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value of `encodable` as `JSONEncoder` writes it, read back as a `JSONValue`.
    ///
    /// Throws what the encoder throws (e.g. for a non-finite double) or a `JSONParseError`.
    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self = try JSONParser.parse(try encoder.encode(value))
    }

    /// The value decoded into `type` through `JSONDecoder`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: CanonicalJSON.data(self))
    }

    /// The member `key` of an object (nil for a missing key or a non-object).
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// This value with the object member `key` left out (other values unchanged).
    public func removing(_ key: String) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = nil
        return .object(members)
    }
}
