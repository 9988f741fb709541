/// Why no compliant plan exists: the rule instances that cannot all hold, in a planner's words.
public struct ConflictExplanation: Codable, Hashable, Sendable {
    /// One rule instance that has to give way.
    public struct Item: Codable, Hashable, Sendable {
        /// Rule id, e.g. `T1.quota`.
        public var rule: String
        /// Row label, e.g. `T1.quota[hz-municipal]`.
        public var instance: String
        /// Institution or person ids involved.
        public var subjects: [String]
        /// What the rule asks (a count).
        public var required: Int
        /// The most the data allows while everything else holds.
        public var achievable: Int
        /// The source clause of the rule.
        public var clause: String
        /// The planner's-words sentence.
        public var message: String
    }

    public var scenario: String
    public var items: [Item]

    /// The text `rota plan` prints.
    public func render() -> String {
        var lines = ["No compliant plan exists for \(scenario): these rules collide."]
        for item in items {
            lines.append("- \(item.rule): \(item.message)")
            lines.append("    [\(item.instance); \(item.clause)]")
        }
        return lines.joined(separator: "\n")
    }
}

/// Finds which rule instances make a scenario infeasible.
///
/// Solves an elastic copy of the annual model in which each hard rule instance (quotas,
/// totals, team size and mix, 3331, TCM, leave, durations) may be broken at a price of 1 per
/// missing person; the instances that must be broken, and by how much, are the explanation.
struct ConflictFinder {
    let instance: PlanningInstance
    let model: Model
    let timeLimit: Double

    /// Rule ids an explanation may name: the rules a planner can act on.
    static let relaxable: Set<String> = [
        "T1.quota", "T1.total", "T1.team-size", "T1.team-mix", "T1.3331", "T1.duration",
        "T2.quota", "T2.total", "T2.team-size", "T2.team-mix", "T2.duration",
        "T3.quota", "T3.total", "T3.total.stationed", "T3.station-continuity",
        "TCM.weekly", "REGION.total", "PERSON.leave",
    ]

    func explain() throws(SolverError) -> ConflictExplanation {
        let (elastic, slack) = model.elastic { ConflictFinder.relaxable.contains($0.rule) && $0.sense != .equal }
        let s = try Solver().solve(elastic, options: SolveOptions(timeLimit: timeLimit, gap: 0))
        var items: [ConflictExplanation.Item] = []
        if s.status == .optimal || s.status == .feasible {
            for i in slack.keys.sorted() {
                let amount = s.count(slack[i]!)
                guard amount > 0 else { continue }
                items.append(describe(model.rows[i], shortBy: amount))
            }
        }
        return ConflictExplanation(scenario: instance.scenario.name, items: items.sorted { ($0.rule, $0.instance) < ($1.rule, $1.instance) })
    }

    private func name(_ id: String) -> String { instance.institutions[id]?.name ?? id }

    private func instanceIds(_ label: String) -> [String] {
        guard let open = label.firstIndex(of: "["), label.hasSuffix("]") else { return [] }
        return label[label.index(after: open)..<label.index(before: label.endIndex)].split(separator: ",").map(String.init)
    }

    func describe(_ row: Model.Row, shortBy amount: Int) -> ConflictExplanation.Item {
        let ids = instanceIds(row.label)
        let required = Int(row.rhs.rounded())
        let achievable = row.sense == .lessOrEqual ? required + amount : required - amount
        let clause = RuleCatalogue.rule(row.rule)?.clause ?? ""
        let p = instance.parameters
        var message: String
        switch row.rule {
        case "T1.quota", "T2.quota", "T3.quota":
            let h = instance.institutions[ids.first ?? ""]
            let tier = row.rule.prefix(2)
            let key = "\(tier).quota"
            let base = tier == "T3" ? h?.medicalStaff ?? 0 : h?.technicalStaff ?? 0
            let staffWord = tier == "T3" ? "medical staff" : "technical staff"
            let listed = instance.staff(of: ids.first ?? "").count
            let free = instance.staff(of: ids.first ?? "").filter { instance.postingEligible.contains($0.id) }.count
            message = "\(name(ids.first ?? "")) must send ≥ \(required) people (\(p.percent(key))% of \(base) \(staffWord)) but lists \(listed) candidates (\(free) free of long leave); at most \(achievable) can go — \(amount) short"
        case "T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total":
            message = "the region must dispatch ≥ \(required) (\(row.rule)) but the candidates allow only \(achievable) — lower \(row.rule) from \(required) to \(achievable), or list \(amount) more eligible candidates"
        case "T1.team-size", "T2.team-size":
            message = "a team of \(name(ids[0])) at \(name(ids[1])) needs ≥ \(p.int(row.rule)) people; \(amount) missing"
        case "T1.team-mix", "T2.team-mix":
            let group = ids.count > 2 ? ids[2] : "?"
            message = "\(name(ids[0]))'s team needs a member of group \(group) but none can be found among its candidates — \(amount) more \(group) needed among \(name(ids[0]))'s candidates"
        case "T1.3331":
            let what = ids.count > 2 ? ids[2] : ""
            message = what == "pharmacist"
                ? "\(name(ids[0]))'s T1 team needs a pharmacist for its 3331 group; \(amount) more pharmacist needed among its candidates"
                : "\(name(ids[0]))'s T1 team at \(name(ids.count > 1 ? ids[1] : "")) needs its own central village clinic in that county; \(amount) more central clinic needed"
        case "T1.duration", "T2.duration", "T3.station-continuity":
            message = "the period \(instance.period) is shorter than the posting length \(row.rule) asks, so no such posting can be made"
        case "TCM.weekly":
            message = "\(name(ids.first ?? "")) is TCM-featured but no senior-title TCM physician of a city hospital or its county's hospitals can hold its weekly clinic — 1 more such candidate needed"
        case "PERSON.leave":
            let who = instance.staffById[ids.first ?? ""]
            message = "\(who?.name ?? ids.first ?? "") (\(ids.first ?? "")) is on leave \(instance.leaveWorkingDays[ids.first ?? ""] ?? 0) working days, over posting.max-leave-days \(p.int("posting.max-leave-days")), yet is needed for a posting"
        default:
            message = "\(row.label) asks \(required), only \(achievable) possible"
        }
        return .init(rule: row.rule, instance: row.label, subjects: ids, required: required, achievable: achievable, clause: clause, message: message)
    }
}
