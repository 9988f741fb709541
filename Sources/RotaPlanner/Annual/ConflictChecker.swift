import RotaCore
import RotaInput
import RotaSolver
/// Re-checks a conflict.json against its scenario, trusting nothing in it.
///
/// Rebuilds the annual model from the scenario (rules only, no planning policy) and confirms,
/// with GLPK, that the named rule instances cannot all hold together — the others removed — and
/// that dropping any one of them makes the rest feasible (the set is minimal). It also checks
/// the scenario digest and recomputes each instance's required and achievable numbers.
///
/// ```swift
/// let problems = try ConflictChecker(scenario: s).check(conflict)
/// // [] when the conflict is confirmed
/// ```
public struct ConflictChecker: Sendable {
    public let scenario: Scenario
    public var timeLimit: Double

    public init(scenario: Scenario, timeLimit: Double = 60) { self.scenario = scenario; self.timeLimit = timeLimit }

    /// The problems found; empty when the conflict is confirmed.
    public func check(_ conflict: ConflictExplanation) throws(SolverError) -> [String] {
        var problems: [String] = []
        let digest = ScenarioCanonicalForm.sha256(scenario)
        if conflict.scenarioDigest != digest {
            problems.append("scenario digest: the conflict names \(conflict.scenarioDigest.isEmpty ? "none" : conflict.scenarioDigest), the scenario's is \(digest)")
        }
        let instance = PlanningInstance(scenario: scenario)
        let annual = AnnualModel(instance: instance)
        let rulesOnly = annual.model.dropping(rows: Set(annual.model.rows.filter { AnnualModel.policyRules.contains($0.rule) }.map(\.label)))
        let finder = ConflictFinder(instance: instance, model: rulesOnly, timeLimit: timeLimit)
        let candidates = Set(rulesOnly.rows.filter(ConflictFinder.isCandidate).map(\.label))
        let set = conflict.instances
        for label in set where !candidates.contains(label) {
            problems.append("\(label): not a rule instance of this scenario that a conflict may name")
        }
        guard problems.isEmpty, !set.isEmpty else { return set.isEmpty ? problems + ["the conflict names no rule instance"] : problems }
        let kept = Set(set)
        if try finder.isFeasible(keeping: kept) {
            problems.append("not a conflict: with only these \(set.count) rule instances kept, a plan exists")
        }
        for label in set.sorted() where try finder.isFeasible(keeping: kept.subtracting([label])) == false {
            problems.append("not minimal: without \(label) the others still cannot all hold")
        }
        // The numbers each line states.
        let rows = Dictionary(rulesOnly.rows.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        for item in conflict.items {
            let label = item.instance.split(separator: " ").first.map(String.init) ?? item.instance
            guard let row = rows[label] else { continue }
            let required = Int(row.rhs.rounded())
            if item.required != required { problems.append("\(label): required \(item.required) in the conflict, \(required) recomputed") }
            let amount = try finder.shortfall(of: label, keeping: kept)
            let achievable = row.sense == .lessOrEqual ? required + amount : required - amount
            if item.achievable != achievable { problems.append("\(label): achievable \(item.achievable) in the conflict, \(achievable) recomputed") }
        }
        return problems
    }
}
