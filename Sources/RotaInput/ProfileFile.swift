import Foundation
import RotaCore

/// Resolves a scenario's `profile:`: a built-in profile by name, or a profile YAML file.
///
/// A profile file has `name:` (required), `extends:` (optional: a built-in profile name) and
/// `rules:` (a map of parameter keys). With `extends`, the file's rules override the built-in
/// profile's values. Without it, the file must give every parameter of rules.md; rota's own
/// additions (`ParameterDefinition.addition`) then take the built-in value, the same in all four
/// built-in profiles.
///
/// ```yaml
/// name: heze-2026-draft
/// extends: heze-city
/// rules:
///   T1.total: 120
///   T2.quota: 1.8
/// ```
enum ProfileFile {
    static let fields = ["name", "extends", "rules"]

    static var builtInList: String { Quote.list(Profile.builtInNames) }

    /// The profile the scenario's `profile:` value names, or nil with diagnostics.
    ///
    /// - Parameters:
    ///   - value: the `profile:` node.
    ///   - files: how to find and name files the scenario refers to.
    static func resolve(_ value: YAMLValue, files: ReferencedFiles, log: DiagnosticLog) -> Profile? {
        guard let name = value.text(log, expected: "\(builtInList), or the path of a profile file") else { return nil }
        if let profile = Profile.builtIn(name) { return profile }

        let path = files.openPath(name)
        let looksLikePath = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        guard looksLikePath || FileManager.default.fileExists(atPath: path) else {
            log.add(value.place, "unknown profile \(Quote.text(name))",
                    expected: "\(builtInList), or the path of a profile file")
            return nil
        }
        let shown = files.displayPath(name)
        switch TextDecoding.readFile(atPath: path) {
        case .unreadable(let reason):
            log.add(value.place, "cannot read profile file \(Quote.text(shown)): \(reason)",
                    expected: "\(builtInList), or the path of a profile file")
            return nil
        case .undecodable(let offset, let line):
            log.add(SourcePlace(file: shown, line: line, path: "document"),
                    TextDecoding.undecodableMessage(byteOffset: offset))
            return nil
        case .text(let text, _):
            return read(text, file: shown, log: log)
        }
    }

    /// Reads a profile file's text, reporting problems against `file`.
    static func read(_ text: String, file: String, log: DiagnosticLog) -> Profile? {
        guard let root = YAMLDocument.parse(text, file: file, log: log) else { return nil }
        guard let fields = root.fields(log, expected: "a profile: a mapping with name, extends, rules") else { return nil }
        let before = log.diagnostics.count
        fields.rejectUnknown(allowed: self.fields, log: log)

        let name = fields.required("name", log: log)?.text(log)
        var base: Profile?
        if let extendsNode = fields["extends"], let parent = extendsNode.text(log, expected: builtInList) {
            base = Profile.builtIn(parent)
            if base == nil {
                log.add(extendsNode.place, "unknown built-in profile \(Quote.text(parent))", expected: builtInList)
            }
        }
        let extends = fields.has("extends")
        if extends, fields["extends"] == nil {
            log.add(fields.place(of: "extends"), "required field has no value", expected: builtInList)
        }

        var overrides: [(key: String, value: ParameterValue)] = []
        var rulesPlace = fields.place(of: "rules")
        if let rulesNode = extends ? fields["rules"] : fields.required("rules", log: log, note: "a profile without extends gives every rule value") {
            rulesPlace = rulesNode.place
            overrides = RuleValues.read(rulesNode, log: log)
        }

        if !extends {
            // A complete profile: every rules.md key must be given.
            let given = Set(overrides.map(\.key))
            for definition in Parameters.definitions where !definition.addition && !given.contains(definition.key) {
                log.add(rulesPlace.field(definition.key, line: rulesPlace.line),
                        "missing rule value; a profile without extends gives every rule value",
                        expected: "a \(definition.kind == .integer ? "whole number" : "percentage") for \(definition.meaning)")
            }
        }
        guard log.diagnostics.count == before, let name else { return nil }

        var parameters = base?.parameters ?? additionDefaults()
        for (key, value) in overrides { parameters.set(key, value) }
        let source = base.map { "profile file \(file), extending \($0.name)" } ?? "profile file \(file)"
        return Profile(name: name, parameters: parameters, source: source)
    }

    /// The values of rota's added parameters, which every built-in profile sets alike.
    static func additionDefaults() -> Parameters {
        var parameters = Parameters(values: [:])
        guard let reference = Profile.builtIn(Profile.builtInNames[0]) else { return parameters }
        for definition in Parameters.definitions where definition.addition {
            if let value = reference.parameters.values[definition.key] { parameters.set(definition.key, value) }
        }
        return parameters
    }
}

/// Reads a `rules:` map of parameter keys to values, checking each key and the kind of its value.
///
/// Integer parameters take a whole number of 0 or more; percentages a decimal of 0 or more,
/// read from the text as written so `1.2` stays exactly 1.2 (`1.20` is the same value).
enum RuleValues {
    static var keys: String { Quote.list(Parameters.definitions.map(\.key)) }

    /// The valid entries of the map, in file order.
    static func read(_ value: YAMLValue, log: DiagnosticLog) -> [(key: String, value: ParameterValue)] {
        guard let fields = value.fields(log, expected: "a map of rule parameters, e.g. T1.team-size: 6") else { return [] }
        var out: [(key: String, value: ParameterValue)] = []
        for entry in fields.entries {
            guard let definition = Parameters.definition(entry.key) else {
                log.add(value.place.field(entry.key, line: entry.keyLine), "unknown rule id", expected: keys)
                continue
            }
            switch definition.kind {
            case .integer:
                let r = definition.range
                if let n = entry.value.wholeNumber(log, minimum: r.lowerBound, maximum: r.upperBound,
                                                   expected: "a whole number from \(r.lowerBound) to \(r.upperBound): \(definition.meaning)") {
                    out.append((entry.key, .integer(n)))
                }
            case .percent:
                let expected = "a percentage of 0 or more written as a number, e.g. 1.2 for 1.2%"
                guard let text = entry.value.plainText, !entry.value.isNull, let percent = percent(text) else {
                    entry.value.wrongKind(log, expected: expected)
                    continue
                }
                guard percent.units <= definition.range.upperBound * (percent.denominator / 100) else {
                    log.add(entry.value.place, "\(percent) is too large", expected: "a percentage from 0 to \(definition.range.upperBound): \(definition.meaning)")
                    continue
                }
                out.append((entry.key, .percent(percent)))
            }
        }
        return out
    }

    /// An exact percentage from its text, without trailing zeros after the point.
    static func percent(_ text: String) -> ExactPercent? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.contains(".") {
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
        }
        return ExactPercent(t)
    }
}
