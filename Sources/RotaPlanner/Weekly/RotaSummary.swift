import RotaCore
import RotaInput
import RotaSolver
/// The lines `rota plan` prints about the weekly rota: size, how rules were relaxed, covered
/// or missed, and how the solving went.
public struct RotaSummary: Sendable {
    public let run: RotaRun

    public init(run: RotaRun) { self.run = run }

    public func render() -> String {
        let r = run.rota, s = run.statistics
        let people = Set(r.entries.map(\.person)).count
        var lines = ["Rota: \(r.entries.count) half-day entries for \(people) people"]
        let relaxedRules = Dictionary(grouping: r.relaxations, by: \.rule).map { "\($0.key) \($0.value.count)" }.sorted()
        lines.append("  relaxed for holidays or the period's edges: \(r.relaxations.count)" + (relaxedRules.isEmpty ? "" : " (\(relaxedRules.joined(separator: ", ")))"))
        lines.append("  covered by a colleague during leave: \(r.covers.count)")
        if r.shortfalls.isEmpty {
            lines.append("  shortfalls: none")
        } else {
            lines.append("  shortfalls: \(r.shortfalls.count) — a rule a person's leave stopped and no colleague could cover:")
            for f in r.shortfalls.prefix(10) {
                lines.append("    \(f.rule) \(f.subject) at \(f.site), \(f.period): \(f.scheduled) of \(f.required) (\(f.reason))")
            }
            if r.shortfalls.count > 10 { lines.append("    … \(r.shortfalls.count - 10) more") }
        }
        lines.append("  solved as \(s.models) small models (\(s.rows) rows, \(s.columns) columns in all) in \(String(format: "%.1f", s.seconds)) s")
        return lines.joined(separator: "\n")
    }
}
