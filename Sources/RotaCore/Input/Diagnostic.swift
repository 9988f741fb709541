/// One problem found in an input file, located to its line.
///
/// Printed as `file:line: path: what is wrong (expected …)`, e.g.
/// `heze.yaml:41: institutions[3].tier: unknown tier "tertary" (expected tertiary, secondary, county, township, village)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The file's name as the user gave it.
    public var file: String
    /// 1-based line; 0 when the problem belongs to the whole file.
    public var line: Int
    /// Where in the document: `institutions[3].tier`, `staff[12].unavailable[0].from`, ….
    public var path: String
    /// What is wrong.
    public var message: String
    /// What was expected, if it helps (without the word "expected").
    public var expected: String?

    public init(file: String, line: Int, path: String, message: String, expected: String? = nil) {
        self.file = file; self.line = line; self.path = path; self.message = message; self.expected = expected
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        let tail = expected.map { " (expected \($0))" } ?? ""
        return "\(place): \(path): \(message)\(tail)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.path, a.message) < (b.file, b.line, b.path, b.message)
    }
}

/// A refused input: every problem found, in file and line order.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
