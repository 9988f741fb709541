import Foundation
import RotaCore
import RotaInput
import RotaSolver

/// Finds every independent conflict that makes a scenario infeasible, and one set of changes
/// that resolves them all.
///
/// All steps are solved with GLPK over the labelled rows of the annual model:
/// 1. an *elastic* copy in which every hard rule instance a planner can act on (quotas,
///    totals, team size and mix, 3331, TCM, leave, durations) may give way at a price of 1 per
///    missing person shows which instances must give way;
/// 2. *QuickXplain* (a divide-and-conquer deletion filter) shrinks the candidate instances to a
///    minimal set that still cannot all hold: dropping any one of them makes the rest feasible;
/// 3. that set is set aside (its instances no longer held) and steps 1–2 run again on the
///    rest, until the rest holds: the sets found are disjoint, each minimal on its own — the
///    independent conflicts, all reported in one run;
/// 4. for each instance of a set, a solve with the others of its set held finds how far it
///    falls short: the number the data allows;
/// 5. the advice (`ConflictAdvice`): one elastic solve in which every instance of every
///    conflict may give way and everything else holds finds the least change that resolves
///    all of them together — the largest totals that can all hold at once, the fewest
///    candidates to add — and the changed scenario is solved once more to confirm a plan exists.
///
/// Rows that only define the model (how placements link to people, one form per person) are
/// always kept: they are the background the conflicts are stated against.
struct ConflictFinder {
    let instance: PlanningInstance
    let model: Model
    let timeLimit: Double
    /// No further conflict is searched for after this instant (the ones found are reported).
    var deadline: ContinuousClock.Instant? = nil
    /// At most this many conflicts are searched for.
    var maximumConflicts = 30

    /// Rule ids an explanation may name: the rules a planner can act on.
    static let relaxable = ConflictExplanation.nameableRules

    /// Whether a row is a rule instance a conflict may name.
    static func isCandidate(_ row: Model.Row) -> Bool { relaxable.contains(row.rule) && row.sense != .equal }

    /// How many feasibility solves the last search made (for reports and tests).
    final class Counter: @unchecked Sendable { var solves = 0 }
    let counter = Counter()

    /// The independent conflicts, each a minimal set of instance labels, in the order found.
    func conflicts() throws(SolverError) -> [[String]] {
        let candidates = model.rows.filter(ConflictFinder.isCandidate).map(\.label)
        var setAside = Set<String>()
        var found: [[String]] = []
        while found.count < maximumConflicts {
            if let deadline, !found.isEmpty, ContinuousClock.now >= deadline { break }
            let remaining = candidates.filter { !setAside.contains($0) }
            // 1. Elastic filter: which of the remaining instances must give way.
            let (elastic, slack) = model.dropping(rows: setAside).elastic { ConflictFinder.isCandidate($0) }
            let s = try Solver().solve(elastic, options: SolveOptions(timeLimit: timeLimit, gap: 0))
            var broken: [String] = []
            if s.status == .optimal || s.status == .feasible {
                if s.status == .optimal, (s.objective ?? 1) < 0.5 { break }   // the rest holds
                broken = slack.keys.sorted().filter { s.count(slack[$0]!) > 0 }.map { elastic.rows[$0].label }
            }
            // 2. QuickXplain, trying the broken instances first.
            let brokenSet = Set(broken)
            let ordered = broken + remaining.filter { !brokenSet.contains($0) }
            let minimal = try quickXplain(background: [], candidates: ordered)
            if minimal.isEmpty { break }
            // 3. Set it aside and look again.
            found.append(minimal)
            setAside.formUnion(minimal)
        }
        return found
    }

    func explain() throws(SolverError) -> ConflictExplanation {
        let sets = try conflicts()
        let rowByLabel = Dictionary(model.rows.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [ConflictExplanation.Item] = []
        for (n, set) in sets.enumerated() {
            // 4. How far each falls short with the others of its conflict held.
            var conflictItems: [ConflictExplanation.Item] = []
            for label in set {
                let amount = try shortfall(of: label, keeping: Set(set))
                var item = describe(rowByLabel[label]!, shortBy: max(amount, 0))
                item.conflict = n + 1
                conflictItems.append(item)
            }
            items += ConflictFinder.groupedByRecipient(conflictItems)
        }
        var explanation = ConflictExplanation(scenario: instance.scenario.name, items: items)
        explanation.scenarioDigest = ScenarioCanonicalForm.sha256(instance.scenario)
        // 5. Advice for all conflicts together.
        let advice = try ConflictAdvice(finder: self, conflicts: sets).advise()
        explanation.advice = advice.changes
        explanation.adviceChecked = advice.checked
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
            let key = ([String(item.conflict), item.rule, item.subjects[0]] + item.subjects.dropFirst(2)).joined(separator: "|")
            groups[key, default: []].append(item)
        }
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted { $0.instance < $1.instance }
            guard group.count > 1 else { out.append(group[0]); continue }
            var merged = group[0]
            let recipients = group.map { $0.subjects[1] }
            merged.subjects = [group[0].subjects[0]] + recipients + Array(group[0].subjects.dropFirst(2))
            merged.instance = group.map(\.instance).joined(separator: " ")
            merged.message = ConflictWording.atEveryRecipient(merged.message, recipients: recipients.count)
            out.append(merged)
        }
        return out.sorted { ($0.conflict, $0.rule, $0.instance) < ($1.conflict, $1.rule, $1.instance) }
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
            message = ConflictWording.quotaWithoutRecipient(sender: h.name, required: required, percent: p.percent("T2.quota").description,
                                                            base: h.technicalStaff ?? 0, county: instance.scenario.countyName(h.county ?? ""), achievable: achievable)
        case "T1.quota", "T2.quota", "T3.quota":
            let h = instance.institutions[ids.first ?? ""]
            let tier = row.rule.prefix(2)
            let listed = instance.staff(of: ids.first ?? "").count
            let free = instance.staff(of: ids.first ?? "").filter { instance.postingEligible.contains($0.id) }.count
            message = ConflictWording.quota(sender: name(ids.first ?? ""), required: required, percent: p.percent("\(tier).quota").description,
                                            base: (tier == "T3" ? h?.medicalStaff : h?.technicalStaff) ?? 0,
                                            staffWord: tier == "T3" ? "medical staff" : "technical staff", listed: listed, free: free, achievable: achievable)
        case "T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total":
            message = ConflictWording.total(rule: row.rule, required: required, achievable: achievable)
        case "T1.team-size", "T2.team-size":
            message = ConflictWording.teamSize(sender: name(ids[0]), recipient: name(ids[1]), size: p.int(row.rule), missing: amount)
        case "T1.team-mix", "T2.team-mix":
            message = ConflictWording.teamMix(sender: name(ids[0]), group: ids.count > 2 ? ids[2] : "?", missing: amount)
        case "T1.3331":
            message = (ids.count > 2 ? ids[2] : "") == "pharmacist"
                ? ConflictWording.groupPharmacist(sender: name(ids[0]), missing: amount)
                : ConflictWording.workstation(sender: name(ids[0]), recipient: name(ids.count > 1 ? ids[1] : ""), missing: amount)
        case "T1.duration", "T2.duration", "T3.station-continuity":
            message = ConflictWording.duration(period: instance.period.description, rule: row.rule)
        case "TCM.weekly":
            message = ConflictWording.tcmWeekly(centre: name(ids.first ?? ""))
        case "PERSON.leave":
            // The instance is a person, or a class of interchangeable candidates `hospital~role~specialty~leave`.
            let parts = (ids.first ?? "").split(separator: "~").map(String.init)
            let limit = p.int("posting.max-leave-days")
            if parts.count == 4 {
                // The class's members (as AnnualModel forms it): people with a home village or who
                // could hold a TCM clinic are classes of their own.
                let label = { (p: StaffMember) in (p.specialty?.lowercased() ?? "-").map { $0.isWhitespace || $0 == "," || $0 == "[" || $0 == "]" ? "_" : String($0) }.joined() }
                let members = instance.staff(of: parts[0]).filter { $0.role.rawValue == parts[1] && !instance.postingEligible.contains($0.id)
                    && $0.hometown == nil && !$0.isSeniorTCMPhysician && label($0) == parts[2] }
                message = ConflictWording.leaveClass(members: members.map { .init(name: $0.name, id: $0.id, workingDays: instance.leaveWorkingDays[$0.id] ?? 0) },
                                                     role: parts[1], specialty: parts[2], hospital: name(parts[0]), limit: limit, needed: amount)
            } else {
                let id = ids.first ?? ""
                message = ConflictWording.leavePerson(.init(name: instance.staffById[id]?.name ?? id, id: id, workingDays: instance.leaveWorkingDays[id] ?? 0), limit: limit)
            }
        default:
            message = ConflictWording.other(instance: row.label, required: required, achievable: achievable)
        }
        return .init(rule: row.rule, instance: row.label, subjects: ids, required: required, achievable: achievable, clause: clause, message: message)
    }
}
