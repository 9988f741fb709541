import RotaCore
import RotaVerifier

/// Re-checks a conflict.json against its scenario, trusting nothing in it and nothing of the
/// planner: every field is recomputed from the scenario, and the claim that the named rule
/// instances of each conflict cannot all hold is proved by the re-check's own person-level
/// formulation (`PersonRelaxation`, an integer flow), not by the planner's model or GLPK.
///
/// A conflict.json lists one or more independent conflicts (items numbered by `conflict`,
/// 1, 2, … in order); each is checked on its own — its claim, its minimality, its items' fields
/// with the other instances *of that conflict* held — and no instance may be named in two.
/// It checks `format`, `scenario`, `scenarioDigest`; for each item its `rule`, `instance` (each
/// label a rule instance of this scenario that a conflict may name, none named twice),
/// `subjects`, `clause` (the rule catalogue's), `required` (exact integers), `achievable` (the
/// most the relaxation allows with the other instances held) and `message` (the shared
/// `ConflictWording` of the recomputed facts, byte for byte). It confirms the conflict only
/// when the relaxation is infeasible; it refuses a set with an instance the others already
/// make impossible (not minimal).
///
/// ```swift
/// let problems = ConflictCheck(scenario: scenario).check(conflict)
/// // [] when the conflict is confirmed
/// ```
public struct ConflictCheck: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) { self.scenario = scenario }

    /// The format this check reads.
    public static let format = "rota-conflict/2"

    /// The problems found; empty when the conflict is confirmed.
    public func check(_ conflict: ConflictExplanation) -> [String] {
        let facts = ScenarioFacts(scenario: scenario)
        var problems: [String] = []
        if conflict.format != ConflictCheck.format {
            problems.append("format: the conflict says \(conflict.format.debugDescription), this check reads \(ConflictCheck.format.debugDescription)")
        }
        if conflict.scenario != scenario.name {
            problems.append("scenario: the conflict names \(conflict.scenario.debugDescription), the scenario is \(scenario.name.debugDescription)")
        }
        let digest = ScenarioCanonicalForm.sha256(scenario)
        if conflict.scenarioDigest != digest {
            problems.append("scenario digest: the conflict names \(conflict.scenarioDigest.isEmpty ? "none" : conflict.scenarioDigest), the scenario's is \(digest)")
        }
        guard !conflict.items.isEmpty else { return problems + ["the conflict names no rule instance"] }

        // Read every item's labels; refuse what is not an instance or is named twice.
        var named: [NamedInstance] = []
        var itemInstances: [[NamedInstance]] = []
        var seen: [String: Int] = [:]
        for (n, item) in conflict.items.enumerated() {
            if let first = conflict.items[..<n].firstIndex(of: item) {
                problems.append("item \(n + 1) repeats item \(first + 1) (\(item.instance))")
                itemInstances.append([])
                continue
            }
            var instances: [NamedInstance] = []
            let labels = item.instance.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for label in labels {
                if let earlier = seen[label] {
                    problems.append("\(label): named twice (items \(earlier + 1) and \(n + 1))")
                    continue
                }
                seen[label] = n
                guard let i = NamedInstance(label: label, facts: facts) else {
                    problems.append("\(label.isEmpty ? "(empty label)" : label): not a rule instance of this scenario that a conflict may name")
                    continue
                }
                if i.rule != item.rule { problems.append("\(label): rule \(item.rule.debugDescription) in the conflict, the instance is of \(i.rule)") }
                instances.append(i)
                named.append(i)
            }
            itemInstances.append(instances.count == labels.count ? instances : [])
        }
        // Conflicts are numbered 1, 2, … in the order the items list them.
        var numbers: [Int] = []
        for item in conflict.items where numbers.last != item.conflict { numbers.append(item.conflict) }
        if numbers != Array(1...max(1, numbers.count)) {
            problems.append("conflict numbers \(numbers.map(String.init).joined(separator: ", ")) in item order, expected 1, 2, … each listed once, in order")
        }
        guard problems.isEmpty else { return problems }

        for n in numbers {
            let group = zip(conflict.items, itemInstances).filter { $0.0.conflict == n }
            let named = group.flatMap { $0.1 }
            let prefix = numbers.count == 1 ? "" : "conflict \(n): "
            // The claim: the named instances cannot all hold.
            let all = PersonRelaxation(facts: facts, held: named)
            if all.isFeasible() {
                problems += ["\(prefix)not a conflict: a person-level assignment meets \(named.count == 1 ? "the named rule instance" : "all \(named.count) named rule instances together")"]
                    + named.compactMap { howFar($0, named: named, facts: facts) }
                continue
            }
            // Minimal: no instance is already made impossible by the others.
            var minimal = true
            if named.count > 1 {
                for i in named where !PersonRelaxation(facts: facts, held: named.filter { $0 != i }).isFeasible() {
                    problems.append("\(prefix)not minimal: without \(i.label) the others still cannot all hold")
                    minimal = false
                }
            }
            guard minimal else { continue }
            // Each item's fields, recomputed.
            for (item, instances) in group {
                problems += check(item, instances: instances, named: named, facts: facts)
            }
        }
        problems += checkAdvice(conflict.advice, conflicts: numbers.count)
        return problems
    }

    /// What the re-check can state of the advice without solving: each change names existing
    /// conflicts and instances, and a lowered parameter starts from the scenario's value and
    /// goes down. Whether the changes together give a plan is the planner's claim
    /// (`adviceChecked`); the re-check does not plan.
    private func checkAdvice(_ advice: [ConflictExplanation.Advice], conflicts: Int) -> [String] {
        var problems: [String] = []
        for (n, a) in advice.enumerated() {
            let line = "advice \(n + 1)"
            if let first = advice[..<n].firstIndex(of: a) { problems.append("\(line) repeats advice \(first + 1)"); continue }
            if a.conflicts.contains(where: { !(1...max(1, conflicts)).contains($0) }) {
                problems.append("\(line): names conflict \(a.conflicts.map(String.init).joined(separator: ", ")), the file has \(conflicts)")
            }
            if a.action == ConflictExplanation.Advice.setParameter {
                guard let key = a.parameter, ConflictExplanation.nameableRules.contains(key), let from = a.from, let to = a.to else {
                    problems.append("\(line): set-parameter needs a total's parameter, from and to"); continue
                }
                let now = scenario.parameters.int(key)
                if from != now { problems.append("\(line): \(key) is \(now) in the scenario, the advice says \(from)") }
                if !(0...from).contains(to) { problems.append("\(line): \(key) advised \(to), expected a value from 0 to \(from)") }
                if a.message != ConflictWording.lowerParameter(key, from: from, to: to, together: advice.count > 1) {
                    problems.append("\(line): message differs from the change it states")
                }
            }
        }
        return problems
    }

    /// Where a lower-bound instance stands when the conflict is refused: how far it can go.
    private func howFar(_ i: NamedInstance, named: [NamedInstance], facts: ScenarioFacts) -> String? {
        guard i.isLowerBound, i.team == nil else { return nil }
        let required = i.required(facts)
        guard let most = Achievable(facts: facts, named: named.filter { $0 != i }).most(i, cap: max(required, 1) * 4 + 1000) else { return nil }
        var text = "\(i.label): ≥ \(required) asked, up to \(most) possible"
        if case .total("T3.total.stationed") = i.kind {
            let months = facts.parameters.int("T3.station-months")
            text += " (\(facts.stationVillages.count) village\(facts.stationVillages.count == 1 ? "" : "s") open to stationing × \(facts.stints) stint\(facts.stints == 1 ? "" : "s") of T3.station-months \(months) in the period, rules.md \"Stationing stints\")"
        }
        return text
    }

    /// The fields of one item.
    private func check(_ item: ConflictExplanation.Item, instances: [NamedInstance], named: [NamedInstance], facts: ScenarioFacts) -> [String] {
        guard let first = instances.first else { return [] }
        var problems: [String] = []
        let label = first.label
        // A line naming several instances is one team rule of one sender at several recipients.
        var subjects = first.ids
        if instances.count > 1 {
            let sameRule = instances.allSatisfy { $0.team != nil && $0.rule == first.rule && $0.ids.count == first.ids.count
                && $0.ids[0] == first.ids[0] && Array($0.ids.dropFirst(2)) == Array(first.ids.dropFirst(2)) }
            if !sameRule { problems.append("\(item.instance): a line naming several instances must be one team rule of one sender at several recipients") }
            subjects = [first.ids[0]] + instances.map { $0.ids.count > 1 ? $0.ids[1] : "" } + Array(first.ids.dropFirst(2))
            let sorted = instances.map(\.label).sorted()
            if sorted != instances.map(\.label) { problems.append("\(item.instance): the instances of a line are listed in order") }
        }
        if item.subjects != subjects { problems.append("\(label): subjects \(item.subjects) in the conflict, \(subjects) recomputed") }
        let clause = RuleCatalogue.rule(first.rule)?.clause ?? ""
        if item.clause != clause { problems.append("\(label): clause \(item.clause.debugDescription) in the conflict, \(clause.debugDescription) in the rule catalogue") }
        let required = first.required(facts)
        if item.required != required { problems.append("\(label): required \(item.required) in the conflict, \(required) recomputed") }
        let others = named.filter { $0 != first }
        switch Achievable(facts: facts, named: others).of(first) {
        case .exactly(let achievable):
            if item.achievable != achievable { problems.append("\(label): achievable \(item.achievable) in the conflict, \(achievable) recomputed") }
            var message = Message(facts: facts).of(first, required: required, achievable: achievable)
            if instances.count > 1 { message = ConflictWording.atEveryRecipient(message, recipients: instances.count) }
            if item.message != message { problems.append("\(label): message differs from the facts recomputed — the conflict says \(item.message.debugDescription), rota derives \(message.debugDescription)") }
        case .between(let low, let high):
            if !(low...high).contains(item.achievable) { problems.append("\(label): achievable \(item.achievable) in the conflict, \(low)…\(high) recomputed") }
            var message = Message(facts: facts).of(first, required: required, achievable: item.achievable)
            if instances.count > 1 { message = ConflictWording.atEveryRecipient(message, recipients: instances.count) }
            if item.message != message { problems.append("\(label): message differs from the facts recomputed — the conflict says \(item.message.debugDescription), rota derives \(message.debugDescription)") }
        case .unknown(let why):
            problems.append("\(label): \(why)")
        }
        return problems
    }
}
