import RotaCore

/// Reads a scenario's `objective:` block: named weights of the planner's lexicographic
/// objective (`ObjectiveSettings`), each a decimal of 0 or more; `person-dispatched` may also
/// be `auto`. An unknown key or a bad value is a `file:line: objective.KEY: …` problem.
///
/// ```yaml
/// objective:
///   village-unstationed: 3
///   person-dispatched: auto
/// ```
enum ObjectiveValues {
    static var keys: String { Quote.list(ObjectiveSettings.definitions.map(\.key)) }

    /// The settings of the block; keys with bad values are logged and left at their defaults.
    static func read(_ value: YAMLValue, log: DiagnosticLog) -> ObjectiveSettings {
        guard let fields = value.fields(log, expected: "a map of objective weights, e.g. village-unstationed: 3") else {
            return ObjectiveSettings()
        }
        var values: [String: Double] = [:]
        for entry in fields.entries {
            guard let definition = ObjectiveSettings.definition(entry.key) else {
                log.add(value.place.field(entry.key, line: entry.keyLine), "unknown objective weight", expected: keys)
                continue
            }
            if definition.key == "person-dispatched", entry.value.plainText == "auto" { continue }
            let range: ClosedRange<Double> = definition.key == "team-mix-tolerance" ? 0...100 : 0...1_000_000
            let expected = definition.key == "person-dispatched"
                ? "auto or a number of 0 or more: \(definition.meaning)"
                : "a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)): \(definition.meaning)"
            if let x = entry.value.decimal(log, in: range, expected: expected) { values[definition.key] = x }
        }
        return ObjectiveSettings(values: values)
    }
}
