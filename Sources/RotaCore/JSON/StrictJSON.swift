import Foundation

/// Decodes the JSON files rota reads from users (plan.json, conflict.json, signatures) strictly:
/// what a lenient decoder would let through is refused, with `file:line: path: what is wrong`.
///
/// - a key given twice in one object (readers disagree on which one wins: Swift's and Go's keep
///   the first, Python's and jq's the last, so two programs could read two different plans);
/// - a field the format does not have (it would be outside every check and every digest);
/// - invalid JSON, a missing field, a value of the wrong kind — each located to its line.
///
/// Unknown fields are found by decoding, encoding the decoded value again and comparing the
/// keys: a key of the input that the format's own encoding does not produce is unknown. A key
/// whose value is `null` and which the encoding leaves out is refused the same way: rota never
/// writes `null` for a field it has.
///
/// ```swift
/// let plan = try StrictJSON.decode(Plan.self, from: data, file: "out/plan.json", format: "docs/plan-format.md")
/// // out/plan.json:7: teams: duplicate key "teams" (expected each key once in an object)
/// ```
public enum StrictJSON {
    /// Decodes `T` from `data`, or throws every problem found.
    public static func decode<T: Codable>(_ type: T.Type, from data: Data, file: String, format: String) throws(InputError) -> T {
        let bytes = [UInt8](data)
        if bytes.isEmpty {
            throw InputError([Diagnostic(file: file, line: 1, path: "(whole file)", message: "the file is empty", expected: "a JSON object; see \(format)")])
        }
        let tree: JSONValue
        do { tree = try JSONParser.parse(bytes) } catch {
            let message = error.message.hasPrefix("duplicate key") ? error.message : "not valid JSON: \(error.message)"
            let expected = error.message.hasPrefix("duplicate key") ? "each key once in an object" : nil
            throw InputError([Diagnostic(file: file, line: line(at: error.offset, in: bytes), path: "(whole file)",
                                         message: message, expected: expected)])
        }
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw InputError([diagnostic(error, file: file, bytes: bytes, format: format)])
        } catch {
            throw InputError([Diagnostic(file: file, line: 1, path: "(whole file)", message: "cannot be read (\(error))")])
        }
        let known: JSONValue
        do { known = try JSONValue(encoding: value) } catch {
            throw InputError([Diagnostic(file: file, line: 1, path: "(whole file)", message: "cannot be read (\(error))")])
        }
        var unknown: [[JSONPathStep]] = []
        collectUnknown(tree, known, at: [], into: &unknown)
        var oddlySpelled: [([JSONPathStep], String)] = []
        collectOddSpellings(tree, at: [], into: &oddlySpelled)
        if let (path, problem) = oddlySpelled.first {
            throw InputError([Diagnostic(file: file, line: line(at: JSONLocator.offset(of: path, in: bytes, key: false) ?? 0, in: bytes),
                                         path: render(path), message: problem, expected: IdSpelling.expected)])
        }
        if !unknown.isEmpty {
            throw InputError(unknown.map { path in
                Diagnostic(file: file, line: line(at: JSONLocator.offset(of: path, in: bytes, key: true) ?? 0, in: bytes),
                           path: render(path), message: "unknown field", expected: "only the fields of \(format)")
            })
        }
        return value
    }

    /// Keys of `input` that `known` (the decoded value encoded again) does not have.
    static func collectUnknown(_ input: JSONValue, _ known: JSONValue, at path: [JSONPathStep], into out: inout [[JSONPathStep]]) {
        switch (input, known) {
        case (.object(let a), .object(let b)):
            for key in a.keys.sorted() {
                if let kb = b[key] { collectUnknown(a[key]!, kb, at: path + [.key(key)], into: &out) } else { out.append(path + [.key(key)]) }
            }
        case (.array(let a), .array(let b)) where a.count == b.count:
            for i in a.indices { collectUnknown(a[i], b[i], at: path + [.index(i)], into: &out) }
        default:
            break
        }
    }

    /// Strings (ids, in these files) that other programs would read as different text from
    /// what Swift's comparison sees: not in Unicode normal form C.
    static func collectOddSpellings(_ value: JSONValue, at path: [JSONPathStep], into out: inout [([JSONPathStep], String)]) {
        switch value {
        case .string(let s): if let p = IdSpelling.problem(s) { out.append((path, p)) }
        case .array(let a): for (i, v) in a.enumerated() { collectOddSpellings(v, at: path + [.index(i)], into: &out) }
        case .object(let o): for k in o.keys.sorted() { collectOddSpellings(o[k]!, at: path + [.key(k)], into: &out) }
        default: break
        }
    }

    /// The 1-based line of byte `offset`.
    public static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for b in bytes.prefix(max(0, offset)) where b == 0x0A { line += 1 }
        return line
    }

    /// `teams[0].members[2]`.
    static func render(_ path: [JSONPathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .index(let i): text += "[\(i)]"
            case .key(let k): text += (text.isEmpty ? "" : ".") + k
            }
        }
        return text.isEmpty ? "(whole file)" : text
    }

    static func steps(_ keys: [any CodingKey]) -> [JSONPathStep] {
        keys.map { key in key.intValue.map(JSONPathStep.index) ?? .key(key.stringValue) }
    }

    static func diagnostic(_ error: DecodingError, file: String, bytes: [UInt8], format: String) -> Diagnostic {
        func at(_ keys: [any CodingKey], key: Bool = false) -> (Int, String) {
            let path = steps(keys)
            // A missing field is located at the object that lacks it.
            let offset = JSONLocator.offset(of: path, in: bytes, key: key) ?? JSONLocator.offset(of: Array(path.dropLast()), in: bytes, key: false) ?? 0
            return (line(at: offset, in: bytes), render(path))
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let (l, _) = at(ctx.codingPath)
            return Diagnostic(file: file, line: l, path: render(steps(ctx.codingPath + [key])), message: "missing field",
                              expected: "a value for \"\(key.stringValue)\"; see \(format)")
        case .typeMismatch(let type, let ctx):
            let (l, p) = at(ctx.codingPath)
            return Diagnostic(file: file, line: l, path: p, message: "wrong kind of value", expected: kind(type))
        case .valueNotFound(let type, let ctx):
            let (l, p) = at(ctx.codingPath)
            return Diagnostic(file: file, line: l, path: p, message: "null value", expected: kind(type))
        case .dataCorrupted(let ctx):
            let (l, p) = at(ctx.codingPath)
            return Diagnostic(file: file, line: l, path: p, message: ctx.debugDescription)
        @unknown default:
            return Diagnostic(file: file, line: 1, path: "(whole file)", message: String(describing: error))
        }
    }

    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name) object"
        }
    }
}

/// One step of a path into a JSON document.
public enum JSONPathStep: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// Finds where a value (or its key) starts in JSON bytes, by following a path and skipping
/// everything else — for locating a problem to its line without a position-keeping parser.
enum JSONLocator {
    /// The byte offset of the value at `path` (of its key, with `key: true`), or nil.
    static func offset(of path: [JSONPathStep], in bytes: [UInt8], key: Bool) -> Int? {
        var i = 0
        func ws() { while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 } }
        func skipString() { i += 1; while i < bytes.count, bytes[i] != 0x22 { if bytes[i] == 0x5C { i += 1 }; i += 1 }; i += 1 }
        func skipValue() {
            ws()
            guard i < bytes.count else { return }
            switch bytes[i] {
            case 0x22: skipString()
            case 0x7B, 0x5B:
                var depth = 0
                while i < bytes.count {
                    switch bytes[i] {
                    case 0x22: skipString(); continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D: depth -= 1; if depth == 0 { i += 1; return }
                    default: break
                    }
                    i += 1
                }
            default: while i < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
            }
        }
        var keyStart = 0
        for step in path {
            ws()
            guard i < bytes.count else { return nil }
            switch step {
            case .key(let name):
                guard bytes[i] == 0x7B else { return nil }
                i += 1
                var found = false
                while !found {
                    ws()
                    guard i < bytes.count, bytes[i] == 0x22 else { return nil }
                    keyStart = i
                    let s = i + 1
                    skipString()
                    let k = String(decoding: bytes[s..<(i - 1)], as: UTF8.self)
                    ws(); i += 1   // ':'
                    if k == name { found = true; break }
                    skipValue(); ws()
                    guard i < bytes.count, bytes[i] == 0x2C else { return nil }
                    i += 1
                }
            case .index(let n):
                guard bytes[i] == 0x5B else { return nil }
                i += 1
                for _ in 0..<n {
                    skipValue(); ws()
                    guard i < bytes.count, bytes[i] == 0x2C else { return nil }
                    i += 1
                }
                keyStart = i
            }
        }
        ws()
        return key ? keyStart : i
    }
}
