import Foundation
import RotaCore
import Yams

/// Parses a YAML file into a tree of `YAMLValue`s that know their path and line.
///
/// Syntax errors become diagnostics with their line. Duplicate keys are reported one by one
/// with the path of the mapping they are in, and reading goes on: Yams refuses a mapping with
/// a repeated key, so the reader renames the earlier occurrence (with a private marker Yams
/// cannot confuse with a real key), parses again, and reports every renamed key once the
/// tree is built. The last occurrence of a repeated key is the one read.
///
/// ```swift
/// let log = DiagnosticLog()
/// if let root = YAMLDocument.parse("name: x\nname: y\n", file: "a.yaml", log: log) { … }
/// log.diagnostics   // a.yaml:2: name: key "name" is given twice in this mapping (first on line 1)
/// ```
enum YAMLDocument {
    /// Put, with a serial number, in front of the text of an earlier duplicate key so the file
    /// parses: `\u{E000}rota-duplicate-3\u{E000}id`. Each renamed key is unique.
    static let duplicateMarker = "\u{E000}rota-duplicate-"

    /// The key a renamed duplicate had, or nil when `key` was not renamed.
    static func originalKey(_ key: String) -> String? {
        guard key.hasPrefix(duplicateMarker) else { return nil }
        let rest = key.unicodeScalars.dropFirst(duplicateMarker.unicodeScalars.count)
        guard let end = rest.firstIndex(of: "\u{E000}") else { return nil }
        return String(String.UnicodeScalarView(rest[rest.index(after: end)...]))
    }

    /// libyaml's limit on nested collections (its default, `yaml_set_max_nest_level`).
    static let libyamlNestingLimit = 1000

    /// The most duplicate keys renamed before giving up on a file: each costs a parse of the
    /// whole file, so the bound keeps a file full of repeats from stalling a command.
    static let maximumRenamedKeys = 20

    /// Parses `text`; returns the root (nil when the file is empty or broken, with the reason logged).
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> YAMLValue? {
        if let node = quickCompose(text) {
            guard boundedExpansion(node, text: text, file: file, log: log) else { return nil }
            let root = YAMLValue(node: node, place: SourcePlace(file: file, line: node.mark?.line ?? 1, path: ""))
            // Composing refused any repeated key, and no key was renamed: there is nothing to
            // report, unless the text itself spells the marker of a renamed key (U+E000, whose
            // UTF-8 starts with the byte 0xEE, which no CJK character's does).
            if text.utf8.contains(0xEE) { reportDuplicates(in: root, log: log) }
            return root
        }
        var current = text
        var renamed: [(key: String, line: Int)] = []
        while true {
            do {
                guard let node = try Yams.compose(yaml: current) else {
                    log.add(SourcePlace(file: file, line: 1, path: "document"), "the file is empty",
                            expected: "a YAML mapping of fields")
                    return nil
                }
                guard boundedExpansion(node, text: text, file: file, log: log) else { return nil }
                let root = YAMLValue(node: node, place: SourcePlace(file: file, line: node.mark?.line ?? 1, path: ""))
                reportDuplicates(in: root, log: log)
                return root
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? ""
                if renamed.count < maximumRenamedKeys, let next = rename(in: current, at: context.mark, serial: renamed.count) {
                    renamed.append((key, context.mark.line))
                    current = next
                    continue
                }
                // Cannot go on: report what is known, without the mapping's path.
                for r in renamed + [(key, context.mark.line)] {
                    log.add(SourcePlace(file: file, line: r.line, path: "document"),
                            "key \(Quote.text(r.key)) is given more than once in one mapping")
                }
                return nil
            } catch {
                for r in renamed {
                    log.add(SourcePlace(file: file, line: r.line, path: "document"),
                            "key \(Quote.text(r.key)) is given more than once in one mapping")
                }
                log.add(syntaxProblem(error, file: file))
                return nil
            }
        }
    }

    /// Whether the composed document has no more values than its text has bytes — which any
    /// document without aliases satisfies — else logs why not and returns false.
    ///
    /// Aliases (`*name`) repeat an anchored value (`&name`) without repeating its text, so a few
    /// hundred bytes can stand for millions of values ("billion laughs"); every later step walks
    /// the values, so such a file would stall every command. Counting stops at the bound.
    static func boundedExpansion(_ node: Node, text: String, file: String, log: DiagnosticLog) -> Bool {
        let limit = max(text.utf8.count, 64)
        var count = 0
        func visit(_ n: Node) -> Bool {
            count += 1
            if count > limit { return false }
            switch n {
            case .mapping(let m): for (k, v) in m { guard visit(k), visit(v) else { return false } }
            case .sequence(let s): for v in s { guard visit(v) else { return false } }
            default: break
            }
            return true
        }
        if visit(node) { return true }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("*") && $0.range(of: #"(^|[\s\[{,:-])\*[^\s,\]}]+"#, options: .regularExpression) != nil }.map { $0 + 1 } ?? 1
        log.add(SourcePlace(file: file, line: line, path: "document"),
                "aliases repeat values here beyond the size of the file (more than \(limit) values from \(text.utf8.count) bytes)",
                expected: "each value written out; a scenario needs no anchors (&name) or aliases (*name)")
        return false
    }

    /// The document of `text` when it composes without any problem and without resolving tags,
    /// else nil (and `parse` reads it the usual way).
    ///
    /// The reader never looks at tags, but Yams resolves the tag of every mapping key (with
    /// regular expressions) to tell repeated keys apart: `1` and `"1"` are two keys, `a` and
    /// `"a"` one. Composing with no tag resolution (`Resolver.basic`) makes every untagged key
    /// a string, so it finds every repeat the usual way finds, and maybe more; with no explicit
    /// tag in the text (no `!`), a document it accepts is the one the usual way gives. Any
    /// error, a repeated key included, leaves the work to the usual way.
    private static func quickCompose(_ text: String) -> Node? {
        guard !text.utf8.contains(UInt8(ascii: "!")) else { return nil }
        return (try? Yams.compose(yaml: text, .basic)) ?? nil
    }

    /// A YAML syntax error as a diagnostic on its line.
    static func syntaxProblem(_ error: any Error, file: String) -> Diagnostic {
        func at(_ line: Int, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) starting on line \(context.mark.line))"
            }
            return SourcePlace(file: file, line: line, path: "document").problem(message)
        }
        guard let yamlError = error as? YamlError else {
            return SourcePlace(file: file, line: 1, path: "document").problem("YAML syntax error: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // Yams reports "another document" with a context on line 1 that says nothing useful.
            let useful = context.flatMap { $0.mark.line == 1 && $0.mark.column == 1 && problem.contains("another document") ? nil : $0 }
            let message = problem.contains("another document") ? "a second document starts here; the file must hold one document"
                : problem.contains("Maximum nesting level") ? "values nested too deeply (more than \(YAMLDocument.libyamlNestingLimit) levels)"
                : problem
            return at(mark.line, message, useful)
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { lineOfUTF8Offset($0, in: yaml) } ?? 0
            return at(line, problem, nil)
        default:
            return SourcePlace(file: file, line: 1, path: "document").problem("YAML syntax error: \(yamlError)")
        }
    }

    /// 1-based line of a UTF-8 byte offset.
    private static func lineOfUTF8Offset(_ offset: Int, in text: String) -> Int {
        var line = 1
        for (i, byte) in text.utf8.enumerated() {
            if i >= offset { break }
            if byte == 0x0A { line += 1 }
        }
        return line
    }

    /// `text` with the duplicate marker inserted into the key at `mark`, or nil if `mark` is
    /// not the start of a plain or quoted scalar.
    static func rename(in text: String, at mark: Mark, serial: Int) -> String? {
        var scalars = Array(text.unicodeScalars)
        var line = 1, column = 1, i = 0
        while i < scalars.count, line < mark.line {
            let s = scalars[i]
            if s == "\r" {
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                line += 1
            } else if s == "\n" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" {
                line += 1
            }
            i += 1
        }
        guard line == mark.line else { return nil }
        while column < mark.column, i < scalars.count, !isBreak(scalars[i]) {
            column += 1; i += 1
        }
        guard column == mark.column, i < scalars.count else { return nil }
        let first = scalars[i]
        if first == "\"" || first == "'" {
            i += 1
        } else if "{}[],#&*!|>%@`?:-".unicodeScalars.contains(first) || isBreak(first) || first == " " || first == "\t" {
            return nil
        }
        scalars.insert(contentsOf: "\(duplicateMarker)\(serial)\u{E000}".unicodeScalars, at: i)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    private static func isBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}"
    }

    /// Reports every renamed key of the tree under `value`, at each repetition after the first.
    private static func reportDuplicates(in value: YAMLValue, log: DiagnosticLog) {
        switch value.node {
        case .mapping(let mapping):
            var lines: [String: [Int]] = [:]
            var order: [String] = []
            for (key, child) in mapping {
                if let text = key.scalar?.string {
                    let renamed = originalKey(text)
                    let original = renamed ?? text
                    if lines[original] == nil { order.append(original) }
                    lines[original, default: []].append(key.mark?.line ?? value.line)
                    if renamed == nil {
                        reportDuplicates(in: value.child(child, path: DocumentPath.field(value.place.path, text)), log: log)
                    }
                }
            }
            for key in order {
                let found = lines[key] ?? []
                guard found.count > 1 else { continue }
                for line in found.dropFirst() {
                    log.add(SourcePlace(file: value.place.file, line: line, path: DocumentPath.field(value.place.path, key)),
                            "key \(Quote.text(key)) is given twice in this mapping (first on line \(found[0]))")
                }
            }
        case .sequence(let sequence):
            for (i, child) in sequence.enumerated() {
                reportDuplicates(in: value.child(child, path: DocumentPath.element(value.place.path, i)), log: log)
            }
        default:
            break
        }
    }
}

/// One node of a YAML document with its place (file, line, path), and typed readers that log
/// a diagnostic when the node is not what the format asks for.
struct YAMLValue {
    let node: Node
    let place: SourcePlace

    var line: Int { place.line }

    /// A child node, placed on its own line (or this node's line when it has none).
    func child(_ node: Node, path: String) -> YAMLValue {
        YAMLValue(node: node, place: SourcePlace(file: place.file, line: node.mark?.line ?? place.line, path: path))
    }

    /// Whether the node is YAML null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The scalar's text when it was written without quotes.
    var plainText: String? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    /// How the node looks, for "found …" messages.
    var described: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            switch scalar.style {
            case .plain, .any: return Quote.text(scalar.string)
            default: return "quoted text \(Quote.text(scalar.string))"
            }
        }
    }

    /// Logs that the node is not of the `expected` kind.
    func wrongKind(_ log: DiagnosticLog, expected: String) {
        log.add(place, "found \(described)", expected: expected)
    }

    /// The node as a mapping of fields.
    func fields(_ log: DiagnosticLog, expected: String = "a mapping of fields") -> YAMLFields? {
        guard case .mapping(let mapping) = node else {
            wrongKind(log, expected: expected)
            return nil
        }
        var entries: [YAMLFields.Entry] = []
        for (key, value) in mapping {
            guard let text = key.scalar?.string else {
                log.add(SourcePlace(file: place.file, line: key.mark?.line ?? line, path: place.path.isEmpty ? "document" : place.path),
                        "a key must be plain text, found \(child(key, path: place.path).described)")
                continue
            }
            if YAMLDocument.originalKey(text) != nil { continue }  // reported at parse time
            let keyLine = key.mark?.line ?? line
            entries.append(.init(key: text, keyLine: keyLine, value: child(value, path: DocumentPath.field(place.path, text))))
        }
        return YAMLFields(owner: self, entries: entries)
    }

    /// The node as a list; null reads as an empty list.
    func elements(_ log: DiagnosticLog, expected: String) -> [YAMLValue]? {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else {
            wrongKind(log, expected: expected)
            return nil
        }
        return sequence.enumerated().map { child($0.element, path: DocumentPath.element(place.path, $0.offset)) }
    }

    /// A non-empty text (ids, names). Numbers written plainly are read as their text.
    func text(_ log: DiagnosticLog, expected: String = "text") -> String? {
        guard let scalar = node.scalar, !isNull else {
            wrongKind(log, expected: expected)
            return nil
        }
        let value = Trimmed.text(scalar.string)
        guard !value.isEmpty else {
            log.add(place, "is empty", expected: expected)
            return nil
        }
        return value
    }

    /// The largest whole number a scenario may hold anywhere (head counts, populations, totals,
    /// parameters): large enough for a province, small enough that no product the planner or
    /// the verifier forms (`count · 1000`, `units · staff`) can overflow.
    static let largestWholeNumber = 999_999_999

    /// A whole number written without quotes, from `minimum` to `maximum`.
    func wholeNumber(_ log: DiagnosticLog, minimum: Int, maximum: Int = YAMLValue.largestWholeNumber, expected: String) -> Int? {
        guard let text = plainText, !isNull, let value = WholeNumber.parse(text) else {
            wrongKind(log, expected: expected)
            return nil
        }
        guard value >= minimum else {
            log.add(place, "\(value) is too small", expected: expected)
            return nil
        }
        guard value <= maximum else {
            log.add(place, "\(value) is too large", expected: expected)
            return nil
        }
        return value
    }

    /// `true` or `false` (YAML 1.1 spellings such as `yes`/`no` too), without quotes.
    func flag(_ log: DiagnosticLog) -> Bool? {
        if let text = plainText, let value = YAMLFlag.parse(text) { return value }
        wrongKind(log, expected: "true or false")
        return nil
    }

    /// An ISO day `YYYY-MM-DD`, with or without quotes.
    func day(_ log: DiagnosticLog) -> Day? {
        guard let scalar = node.scalar, !isNull else {
            wrongKind(log, expected: DayText.expected)
            return nil
        }
        return DayText.parse(scalar.string, at: place, log: log)
    }

    /// A decimal number written without quotes, inside `range`.
    func decimal(_ log: DiagnosticLog, in range: ClosedRange<Double>, expected: String) -> Double? {
        guard let text = plainText, !isNull, let value = Decimal.parse(text) else {
            wrongKind(log, expected: expected)
            return nil
        }
        guard range.contains(value) else {
            log.add(place, "\(text) is out of range", expected: expected)
            return nil
        }
        return value
    }

    /// Plain decimal numbers such as `34.83`, `-7` or `115`.
    private enum Decimal {
        static func parse(_ text: String) -> Double? {
            var body = Substring(text)
            if body.first == "-" || body.first == "+" { body = body.dropFirst() }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), !parts[0].isEmpty,
                  parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  parts.count == 1 || !parts[1].isEmpty else { return nil }
            return Double(text)
        }
    }
}

/// A YAML mapping read as fields, in file order, without the keys repeated by mistake.
struct YAMLFields {
    struct Entry {
        var key: String
        var keyLine: Int
        var value: YAMLValue
    }

    let owner: YAMLValue
    let entries: [Entry]

    var place: SourcePlace { owner.place }

    /// The value of `key` when it is given and not null.
    subscript(_ key: String) -> YAMLValue? {
        guard let k = last(key), !entries[k].value.isNull else { return nil }
        return entries[k].value
    }

    /// Whether `key` is written at all (even with no value).
    func has(_ key: String) -> Bool { last(key) != nil }

    /// The place of field `key`: its value's line when given, the mapping's line when not.
    func place(of key: String) -> SourcePlace {
        let line = last(key).map { entries[$0].value.line } ?? owner.line
        return owner.place.field(key, line: line)
    }

    /// The position of the last entry of `key` (by position: a search over the entries would copy each).
    private func last(_ key: String) -> Int? { entries.indices.last { entries[$0].key == key } }

    /// Logs every key not in `allowed`.
    func rejectUnknown(allowed: [String], log: DiagnosticLog, expected: String? = nil) {
        for k in entries.indices where !allowed.contains(entries[k].key) {   // by position: a loop over entries copies each
            let entry = entries[k]
            log.add(owner.place.field(entry.key, line: entry.keyLine), "unknown field",
                    expected: expected ?? Quote.list(allowed))
        }
    }

    /// The value of a required `key`, logging its absence.
    func required(_ key: String, log: DiagnosticLog, note: String? = nil) -> YAMLValue? {
        if let value = self[key] { return value }
        let given = has(key)
        log.add(place(of: key), given ? "required field has no value" : "required field is missing", expected: note)
        return nil
    }
}

/// Whole numbers as the format writes them: decimal digits with an optional sign.
enum WholeNumber {
    static func parse(_ text: String) -> Int? {
        var body = Substring(Trimmed.text(text, .whitespaces))
        let negative = body.first == "-"
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.count <= 18, body.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(body) else { return nil }
        return negative ? -value : value
    }
}

/// YAML booleans: YAML 1.2's `true`/`false` and the YAML 1.1 spellings Yams also resolves.
enum YAMLFlag {
    static func parse(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }
}

/// Days written `YYYY-MM-DD`.
enum DayText {
    static let expected = "a date written YYYY-MM-DD"

    /// The day, or nil with a diagnostic at `place`.
    static func parse(_ text: String, at place: SourcePlace, log: DiagnosticLog) -> Day? {
        let trimmed = Trimmed.text(text, .whitespaces)
        if let day = Day(iso: trimmed) { return day }
        log.add(place, "bad date \(Quote.text(trimmed))", expected: expected)
        return nil
    }
}
