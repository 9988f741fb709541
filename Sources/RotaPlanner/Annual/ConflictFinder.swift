import Foundation
import RotaCore
import RotaInput
import RotaSolver

/// Finds which rule instances make a scenario infeasible.
///
/// Three steps, all solved with GLPK over the labelled rows of the annual model:
/// 1. an *elastic* copy in which every hard rule instance a planner can act on (quotas,
///    totals, team size and mix, 3331, TCM, leave, durations) may give way at a price of 1 per
///    missing person shows which instances must give way;
/// 2. *QuickXplain* (a divide-and-conquer deletion filter) shrinks the candidate instances to a
///    minimal set that still cannot all hold: dropping any one of them makes the rest feasible;
/// 3. for each instance of that set, a solve with the others held finds how far it falls
///    short: the number the data allows.
///
/// Rows that only define the model (how placements link to people, one form per person) are
/// always kept: they are the background the conflict is stated against.
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

    /// Whether a row is a rule instance a conflict may name.
    static func isCandidate(_ row: Model.Row) -> Bool { relaxable.contains(row.rule) && row.sense != .equal }

    /// How many feasibility solves the last search made (for reports and tests).
    final class Counter: @unchecked Sendable { var solves = 0 }
    let counter = Counter()

    func explain() throws(SolverError) -> ConflictExplanation {
        let candidates = model.rows.filter(ConflictFinder.isCandidate).map(\.label)
        // 1. Elastic filter: which instances must give way.
        let (elastic, slack) = model.elastic(relaxing: ConflictFinder.isCandidate)
        let s = try Solver().solve(elastic, options: SolveOptions(timeLimit: timeLimit, gap: 0))
        var broken: [String] = []
        if s.status == .optimal || s.status == .feasible {
            broken = slack.keys.sorted().filter { s.count(slack[$0]!) > 0 }.map { model.rows[$0].label }
        }
        // 2. QuickXplain, trying the broken instances first.
        let brokenSet = Set(broken)
        let ordered = broken + candidates.filter { !brokenSet.contains($0) }
        let minimal = try quickXplain(background: [], candidates: ordered)
        // 3. How far each falls short with the others held.
        var items: [ConflictExplanation.Item] = []
        let rowByLabel = Dictionary(model.rows.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        for label in minimal {
            let amount = try shortfall(of: label, keeping: Set(minimal))
            items.append(describe(rowByLabel[label]!, shortBy: max(amount, 0)))
        }
        var explanation = ConflictExplanation(scenario: instance.scenario.name, items: ConflictFinder.groupedByRecipient(items))
        explanation.scenarioDigest = ScenarioCanonicalForm.sha256(instance.scenario)
        return explanation
    }

    /// Team rules are labelled per sender and recipient; when the same rule fails for one
    /// sender at every recipient it could go to, one line says so.
    static func groupedByRecipient(_ items: [ConflictExplanation.Item]) -> [ConflictExplanation.Item] {
        let teamRules: Set<String> = ["T1.team-size", "T1.team-mix", "T1.3331", "T2.team-size", "T2.team-mix"]
        var out: [ConflictExplanation.Item] = []
        var groups: [String: [ConflictExplanation.Item]] = [:]
        for item in items {
            guard teamRules.contains(item.rule), item.subjects.count >= 2 else { out.append(item); continue }
            let key = ([item.rule, item.subjects[0]] + item.subjects.dropFirst(2)).joined(separator: "|")
            groups[key, default: []].append(item)
        }
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted { $0.instance < $1.instance }
            guard group.count > 1 else { out.append(group[0]); continue }
            var merged = group[0]
            let recipients = group.map { $0.subjects[1] }
            merged.subjects = [group[0].subjects[0]] + recipients + Array(group[0].subjects.dropFirst(2))
            merged.instance = group.map(\.instance).joined(separator: " ")
            merged.message += " (at every one of its \(recipients.count) possible recipients)"
            out.append(merged)
        }
        return out.sorted { ($0.rule, $0.instance) < ($1.rule, $1.instance) }
    }

    /// Whether the model holds with exactly these candidate instances kept (all others dropped).
    func isFeasible(keeping kept: Set<String>) throws(SolverError) -> Bool {
        counter.solves += 1
        var m = model.dropping(rows: Set(model.rows.filter { ConflictFinder.isCandidate($0) && !kept.contains($0.label) }.map(\.label)))
        m.zeroObjective()
        let s = try Solver().solve(m, options: SolveOptions(timeLimit: timeLimit, gap: 1))
        switch s.status {
        case .optimal, .feasible: return true
        case .infeasible: return false
        case .noSolutionYet, .unbounded: return true   // unknown: keep the instance (the set stays a conflict, maybe not minimal)
        }
    }

    /// QuickXplain (Junker 2004): a minimal subset of `candidates` that is infeasible together
    /// with `background`.
    func quickXplain(background: [String], candidates: [String]) throws(SolverError) -> [String] {
        if candidates.isEmpty { return [] }
        if try isFeasible(keeping: Set(background + candidates)) { return [] }
        return try qx(background: background, delta: [], candidates: candidates)
    }

    private func qx(background: [String], delta: [String], candidates: [String]) throws(SolverError) -> [String] {
        if !delta.isEmpty {
            let holds = try isFeasible(keeping: Set(background))
            if !holds { return [] }
        }
        if candidates.count == 1 { return candidates }
        let half = candidates.count / 2
        let c1 = Array(candidates[..<half]), c2 = Array(candidates[half...])
        let d2 = try qx(background: background + c1, delta: c1, candidates: c2)
        let d1 = try qx(background: background + d2, delta: d2, candidates: c1)
        return d1 + d2
    }

    /// The least amount by which `label` must give way while the other instances of `set` hold.
    func shortfall(of label: String, keeping set: Set<String>) throws(SolverError) -> Int {
        let dropped = Set(model.rows.filter { ConflictFinder.isCandidate($0) && !set.contains($0.label) }.map(\.label))
        let reduced = model.dropping(rows: dropped)
        let (elastic, slack) = reduced.elastic { $0.label == label }
        let s = try Solver().solve(elastic, options: SolveOptions(timeLimit: timeLimit, gap: 0))
        guard s.status == .optimal || s.status == .feasible, let v = slack.values.first else { return 0 }
        return s.count(v)
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
        case "T2.quota" where instance.institutions[ids.first ?? ""]?.tier == .county && instance.t2Recipients(of: instance.institutions[ids.first ?? ""]!).isEmpty:
            let h = instance.institutions[ids.first ?? ""]!
            message = "\(h.name) must send ≥ \(required) people (\(p.percent("T2.quota"))% of \(h.technicalStaff ?? 0) technical staff) to township centres of its own county (T2.locality), but \(instance.scenario.countyName(h.county ?? "")) has no township centre in the scenario — \(amount) short"
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
            let word = ["doctors": "doctor", "nurses": "nurse", "medical-technical": "medical-technical member (pharmacist or technician)"][group] ?? group
            message = "\(name(ids[0]))'s team needs a \(word) but none of its candidates free for a posting is one — \(amount) more \(word) needed among \(name(ids[0]))'s candidates"
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
            // The instance is a person, or a class of interchangeable candidates `hospital~role~specialty~leave`.
            let parts = (ids.first ?? "").split(separator: "~").map(String.init)
            let limit = p.int("posting.max-leave-days")
            if parts.count == 4 {
                let members = instance.staff(of: parts[0]).filter { $0.role.rawValue == parts[1] && !instance.postingEligible.contains($0.id) && ($0.specialty?.lowercased() ?? "-") == parts[2].replacingOccurrences(of: "_", with: " ") }
                let names = members.map { "\($0.name) (\($0.id), \(instance.leaveWorkingDays[$0.id] ?? 0) days)" }.joined(separator: ", ")
                message = "\(members.count) \(parts[1]) candidate\(members.count == 1 ? "" : "s") (\(parts[2])) of \(name(parts[0])) \(members.count == 1 ? "is" : "are") on leave over posting.max-leave-days \(limit) working days — \(names) — yet \(amount) of them would be needed for a posting"
            } else {
                let who = instance.staffById[ids.first ?? ""]
                message = "\(who?.name ?? ids.first ?? "") (\(ids.first ?? "")) is on leave \(instance.leaveWorkingDays[ids.first ?? ""] ?? 0) working days, over posting.max-leave-days \(limit), yet is needed for a posting"
            }
        default:
            message = "\(row.label) asks \(required), only \(achievable) possible"
        }
        return .init(rule: row.rule, instance: row.label, subjects: ids, required: required, achievable: achievable, clause: clause, message: message)
    }
}
