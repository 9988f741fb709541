import RotaCore
/// Where a value was read from: the file as the user named it, its line and the document path.
///
/// ```swift
/// let place = SourcePlace(file: "heze.yaml", line: 41, path: "institutions[3].tier")
/// place.problem("unknown tier \"tertary\"", expected: "tertiary, secondary, county, township, village")
/// ```
struct SourcePlace: Hashable, Sendable {
    var file: String
    /// 1-based line; 0 when the problem belongs to the whole file.
    var line: Int
    /// `institutions[3].tier`, `staff[12].unavailable[0].from`, ….
    var path: String

    /// A diagnostic at this place.
    func problem(_ message: String, expected: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, path: path.isEmpty ? "document" : path, message: message, expected: expected)
    }

    /// The place of a field of the value at this place, on `line`.
    func field(_ key: String, line: Int? = nil) -> SourcePlace {
        SourcePlace(file: file, line: line ?? self.line, path: DocumentPath.field(path, key))
    }

    /// The place of the `index`-th element of the list at this place, on `line`.
    func element(_ index: Int, line: Int? = nil) -> SourcePlace {
        SourcePlace(file: file, line: line ?? self.line, path: DocumentPath.element(path, index))
    }

    /// `file:line`, as a reference from another message ("first at heze.yaml:12").
    var reference: String { line > 0 ? "\(file):\(line)" : file }
}

/// Builds document paths such as `staff[12].unavailable[0].from`.
enum DocumentPath {
    /// The path of field `key` under `base` (`key` alone at the top level).
    static func field(_ base: String, _ key: String) -> String { base.isEmpty ? key : "\(base).\(key)" }

    /// The path of element `index` of the list at `base`.
    static func element(_ base: String, _ index: Int) -> String { "\(base)[\(index)]" }
}

/// A value together with the place it was read from.
struct Located<Value> {
    var value: Value
    var place: SourcePlace
}

extension Located: Sendable where Value: Sendable {}

/// Collects every problem found while reading, so the reader can report them all at once.
///
/// Reading code never stops at the first problem: it adds a diagnostic and carries on with
/// what it could read.
final class DiagnosticLog {
    /// Problems, in the order they were found (`InputError` sorts them).
    private(set) var diagnostics: [Diagnostic] = []

    /// Remarks that do not refuse the input, in the order they were found.
    private(set) var warnings: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func add(_ place: SourcePlace, _ message: String, expected: String? = nil) {
        diagnostics.append(place.problem(message, expected: expected))
    }

    func warn(_ place: SourcePlace, _ message: String) {
        warnings.append(place.problem(message))
    }

    var isEmpty: Bool { diagnostics.isEmpty }
}

/// Formatting of values inside messages.
enum Quote {
    /// `"text"`, with inner quotes and control characters escaped so a message stays on one line.
    static func text(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `a, b, c`.
    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}
