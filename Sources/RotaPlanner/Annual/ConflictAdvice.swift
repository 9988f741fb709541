import RotaCore
import RotaSolver

/// One set of changes that resolves every conflict of a scenario together, found by one solve
/// in which the conflicting rule instances' bounds are variables.
///
/// The conflicts `ConflictFinder` reports are disjoint and each minimal, but advice given one
/// conflict at a time ignores the others: lowering T3.total to what the candidates allow
/// *alone* may still be too high once the people another conflict needs are counted. So the
/// advice comes from one elastic solve of the whole model: every instance of every conflict may
/// give way (a slack per instance, price 1 per missing person), everything else holds, and the
/// least total slack is found. Each instance with slack k becomes one change:
///
/// - a total (T1/T2/T3.total, T3.total.stationed, REGION.total) is lowered by k — the largest
///   value that holds together with the other changes (`set-parameter`);
/// - a quota, team size, PERSON.leave: k more candidates free for a posting at that hospital;
///   a team mix or 3331 pharmacist: k more of that group; TCM.weekly: a senior-title TCM
///   physician at the centre's county hospital (or a city hospital) (`add-candidates`);
/// - a 3331 workstation: the most populous village clinic of the county made central
///   (`mark-central`); a posting longer than the period: a longer period (`change-period`,
///   which the planner cannot try).
///
/// The scenario with every change applied (`ConflictAdvice.apply`) is then solved again. If it
/// still has no plan (a change revealed a rule no conflict named), one elastic solve over every
/// rule instance of the changed scenario adds what is missing, up to three rounds; `checked`
/// says whether the last changed scenario has a plan.
///
/// ```swift
/// let advice = try ConflictAdvice(finder: finder, conflicts: sets).advise()
/// advice.changes.map(\.message)   // ["lower T3.total from 60 to 41 (rules: T3.total: 41) — …", …]
/// advice.checked                  // true: a plan exists with all of them
/// ```
struct ConflictAdvice {
    let finder: ConflictFinder
    /// The conflicts' instance labels, conflict 1 first.
    let conflicts: [[String]]

    private var instance: PlanningInstance { finder.instance }
    private var scenario: Scenario { finder.instance.scenario }

    /// The changes and whether the scenario with all of them applied has a plan.
    func advise() throws(SolverError) -> (changes: [ConflictExplanation.Advice], checked: Bool) {
        let named = Set(conflicts.flatMap { $0 })
        guard !named.isEmpty else { return ([], false) }
        var changes = try self.changes(in: finder.model) { named.contains($0.label) }
        if changes.isEmpty {
            // The conflict search stopped early: let every instance give way.
            changes = try self.changes(in: finder.model, relaxing: ConflictFinder.isCandidate)
        }
        changes = try totalsWithAdditions(changes)
        for _ in 0..<3 {
            let changed = ConflictAdvice.apply(changes, to: scenario)
            let model = ConflictAdvice.rulesOnlyModel(changed)
            var feasibility = model
            feasibility.zeroObjective()
            let s = try Solver().solve(feasibility, options: SolveOptions(timeLimit: finder.timeLimit, gap: 1))
            if s.status == .optimal || s.status == .feasible { return (ConflictAdvice.worded(changes), true) }
            guard s.status == .infeasible else { return (ConflictAdvice.worded(changes), false) }
            // Only new kinds of change: more of the same did not help.
            let known = Set(changes.map(ConflictAdvice.key))
            let more = try self.changes(in: model, relaxing: ConflictFinder.isCandidate).filter { !known.contains(ConflictAdvice.key($0)) }
            if more.isEmpty { return (ConflictAdvice.worded(changes), false) }
            changes = ConflictAdvice.merged(changes + more, name: name)
        }
        return (ConflictAdvice.worded(changes), false)
    }

    /// The totals to lower, computed again once the candidates the other changes add are
    /// listed: one elastic solve of the scenario with those candidates, in which only the
    /// lowered totals may give way, so each is as high as the changed scenario allows and a
    /// total the added candidates already meet is not lowered at all.
    private func totalsWithAdditions(_ changes: [ConflictExplanation.Advice]) throws(SolverError) -> [ConflictExplanation.Advice] {
        let lowered = changes.filter { $0.action == ConflictExplanation.Advice.setParameter }
        let others = changes.filter { $0.action != ConflictExplanation.Advice.setParameter }
        guard !lowered.isEmpty, !others.isEmpty else { return changes }
        let model = ConflictAdvice.rulesOnlyModel(ConflictAdvice.apply(others, to: scenario))
        let labels = Set(lowered.flatMap(\.instances))
        let (elastic, slack) = model.elastic { labels.contains($0.label) }
        let s = try Solver().solve(elastic, options: SolveOptions(timeLimit: finder.timeLimit, gap: 0))
        guard s.status == .optimal || s.status == .feasible else { return changes }
        var recomputed: [ConflictExplanation.Advice] = []
        for i in slack.keys.sorted() {
            let amount = Int((s.value(slack[i]!) - 1e-6).rounded(.up))
            if amount > 0, let change = change(for: model.rows[i], by: amount) { recomputed.append(change) }
        }
        return ConflictAdvice.merged(others + recomputed, name: name)
    }

    /// The annual model of a scenario without the team-count policy (the planner's rules-only retry).
    static func rulesOnlyModel(_ scenario: Scenario) -> Model {
        let model = AnnualModel(instance: PlanningInstance(scenario: scenario)).model
        return model.dropping(rows: Set(model.rows.filter { AnnualModel.policyRules.contains($0.rule) }.map(\.label)))
    }

    /// The changes one elastic solve of `model` asks for, relaxing the rows `relax` accepts.
    private func changes(in model: Model, relaxing relax: (Model.Row) -> Bool) throws(SolverError) -> [ConflictExplanation.Advice] {
        let (elastic, slack) = model.elastic(relaxing: relax)
        let s = try Solver().solve(elastic, options: SolveOptions(timeLimit: finder.timeLimit, gap: 0))
        guard s.status == .optimal || s.status == .feasible else { return [] }
        var out: [ConflictExplanation.Advice] = []
        for i in slack.keys.sorted() {
            let amount = Int((s.value(slack[i]!) - 1e-6).rounded(.up))
            guard amount > 0 else { continue }
            if let change = change(for: model.rows[i], by: amount) { out.append(change) }
        }
        return ConflictAdvice.merged(out, name: name)
    }

    private func conflictNumbers(of label: String) -> [Int] {
        conflicts.indices.filter { conflicts[$0].contains(label) }.map { $0 + 1 }
    }

    private func name(_ id: String) -> String { instance.institutions[id]?.name ?? id }

    /// The change that lets `row` hold when it falls short by `amount`.
    func change(for row: Model.Row, by amount: Int) -> ConflictExplanation.Advice? {
        let ids = ConflictAdvice.ids(row.label)
        let numbers = conflictNumbers(of: row.label)
        func add(_ h: String, count: Int, role: Role? = nil, specialty: String? = nil, title: Title? = nil) -> ConflictExplanation.Advice {
            var a = ConflictExplanation.Advice(action: ConflictExplanation.Advice.addCandidates, conflicts: numbers, instances: [row.label],
                                               institution: h, count: count, role: role?.rawValue, specialty: specialty, title: title?.rawValue, message: "")
            a.message = ConflictWording.addCandidates(count: count, kind: ConflictAdvice.kind(of: a), at: name(h), reason: row.rule)
            return a
        }
        switch row.rule {
        case "T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total":
            let from = scenario.parameters.int(row.rule)
            let to = max(0, Int(row.rhs.rounded()) - amount)
            return .init(action: ConflictExplanation.Advice.setParameter, conflicts: numbers, instances: [row.label], parameter: row.rule,
                         from: from, to: to, message: ConflictWording.lowerParameter(row.rule, from: from, to: to, together: true))
        case "T2.quota" where instance.institutions[ids.first ?? ""].map { $0.tier == .county && instance.t2Recipients(of: $0).isEmpty } ?? false:
            let h = instance.institutions[ids[0]]!
            return .init(action: "add-township-centres", conflicts: numbers, instances: [row.label], institution: h.id,
                         message: ConflictWording.townshipCentresMissing(sender: h.name, county: scenario.countyName(h.county ?? "")))
        case "T1.quota", "T2.quota", "T3.quota", "T1.team-size", "T2.team-size":
            return ids.first.map { add($0, count: amount) }
        case "T1.team-mix", "T2.team-mix":
            guard ids.count > 2 else { return nil }
            let role: Role = ids[2] == StaffGroup.nurses.rawValue ? .nurse : ids[2] == StaffGroup.doctors.rawValue ? .doctor : .pharmacist
            return add(ids[0], count: amount, role: role)
        case "T1.3331" where ids.count > 2 && ids[2] == "pharmacist":
            return add(ids[0], count: amount, role: .pharmacist)
        case "T1.3331" where ids.count > 2 && ids[2] == "workstation":
            guard let r = instance.institutions[ids[1]] else { return nil }
            let open = instance.villages.filter { $0.county == r.county && !$0.central }
            guard let v = open.max(by: { ($0.population ?? 0, $1.id) < ($1.population ?? 0, $0.id) }) else { return nil }
            return .init(action: "mark-central", conflicts: numbers, instances: [row.label], institution: v.id,
                         message: ConflictWording.markCentral(village: v.name, county: instance.scenario.countyName(r.county ?? ""), reason: row.rule))
        case "TCM.weekly":
            guard let c = instance.institutions[ids.first ?? ""] else { return nil }
            let host = instance.countyHospitals.first { $0.county == c.county } ?? instance.secondary.first ?? instance.tertiary.first
            guard let host else { return nil }
            return add(host.id, count: 1, role: .doctor, specialty: "tcm", title: .associateSenior)
        case "PERSON.leave":
            let parts = (ids.first ?? "").split(separator: "~").map(String.init)
            if parts.count == 4, let role = Role(rawValue: parts[1]) {
                return add(parts[0], count: amount, role: role, specialty: parts[2] == "-" ? nil : parts[2])
            }
            guard let p = instance.staffById[ids.first ?? ""] else { return nil }
            return add(p.institution, count: amount, role: p.role, specialty: p.specialty, title: p.title)
        case "T1.duration", "T2.duration", "T3.station-continuity":
            let key = row.rule == "T3.station-continuity" ? "T3.station-months" : "\(row.rule)-months"
            let months = scenario.parameters.int(key)
            return .init(action: "change-period", conflicts: numbers, instances: [row.label], to: months,
                         message: ConflictWording.periodAdvice(rule: row.rule, months: months))
        default:
            return nil
        }
    }

    static func ids(_ label: String) -> [String] {
        guard let open = label.firstIndex(of: "["), label.hasSuffix("]") else { return [] }
        return label[label.index(after: open)..<label.index(before: label.endIndex)].split(separator: ",").map(String.init)
    }

    /// Changes of the same kind merged: one parameter gets the lowest value asked, additions
    /// of the same kind at one hospital are summed; sorted by action, then what they change.
    static func merged(_ changes: [ConflictExplanation.Advice], name: (String) -> String) -> [ConflictExplanation.Advice] {
        var byKey: [String: ConflictExplanation.Advice] = [:]
        for c in changes {
            let key = ConflictAdvice.key(c)
            guard var m = byKey[key] else { byKey[key] = c; continue }
            m.conflicts = Array(Set(m.conflicts + c.conflicts)).sorted()
            m.instances = Array(Set(m.instances + c.instances)).sorted()
            switch c.action {
            case ConflictExplanation.Advice.setParameter:
                if (c.to ?? 0) < (m.to ?? 0) { m.to = c.to; m.message = c.message }
            case ConflictExplanation.Advice.addCandidates:
                m.count = (m.count ?? 0) + (c.count ?? 0)
                let reasons = Set(m.instances.map { String($0.prefix { $0 != "[" }) }).sorted().joined(separator: ", ")
                m.message = ConflictWording.addCandidates(count: m.count!, kind: ConflictAdvice.kind(of: m), at: name(m.institution ?? ""), reason: reasons)
            default:
                break
            }
            byKey[key] = m
        }
        return byKey.keys.sorted().map { byKey[$0]! }.sorted { ($0.conflicts.first ?? Int.max) < ($1.conflicts.first ?? Int.max) }
    }

    /// The lowered parameters' sentences, "together with the other changes" only when there are others.
    static func worded(_ changes: [ConflictExplanation.Advice]) -> [ConflictExplanation.Advice] {
        changes.map { c in
            guard c.action == ConflictExplanation.Advice.setParameter, let key = c.parameter, let from = c.from, let to = c.to else { return c }
            var c = c
            c.message = ConflictWording.lowerParameter(key, from: from, to: to, together: changes.count > 1)
            return c
        }
    }

    /// What a change changes: changes with one key are merged.
    static func key(_ c: ConflictExplanation.Advice) -> String {
        [c.action, c.parameter ?? "", c.institution ?? "", c.role ?? "", c.specialty ?? "", c.title ?? ""].joined(separator: "|")
    }

    /// The words naming the candidates an `add-candidates` change asks for.
    static func kind(of c: ConflictExplanation.Advice) -> String? {
        if c.specialty == "tcm" && c.title != nil { return "senior-title TCM physician (doctor, specialty tcm, title associate-senior or senior)" }
        if c.role == Role.pharmacist.rawValue && (c.instances.allSatisfy { $0.contains("team-mix") }) { return "pharmacist or technician" }
        return c.role
    }

    /// The scenario with every change made that rota can make: parameters set, candidates
    /// listed (ids `advice-HOSPITAL-N`, named after what they are), clinics marked central.
    /// `change-period` is left to the planner (the period is the year's).
    static func apply(_ changes: [ConflictExplanation.Advice], to scenario: Scenario) -> Scenario {
        var s = scenario
        var taken = Set(s.staff.map(\.id))
        for c in changes {
            switch c.action {
            case ConflictExplanation.Advice.setParameter:
                if let key = c.parameter, let to = c.to { s.parameters.set(key, .integer(to)) }
            case ConflictExplanation.Advice.addCandidates:
                guard let h = c.institution, let n = c.count else { continue }
                let role = c.role.flatMap(Role.init(rawValue:)) ?? .doctor
                for _ in 0..<max(0, n) {
                    var k = 1
                    while taken.contains("advice-\(h)-\(k)") { k += 1 }
                    let id = "advice-\(h)-\(k)"
                    taken.insert(id)
                    s.staff.append(StaffMember(id: id, name: "new \(role.rawValue) \(k)", institution: h, role: role,
                                               specialty: c.specialty ?? "general", title: c.title.flatMap(Title.init(rawValue:)) ?? .intermediate))
                }
            case "mark-central":
                if let v = c.institution, let i = s.institutions.firstIndex(where: { $0.id == v }) { s.institutions[i].central = true }
            default:
                continue
            }
        }
        return s
    }
}
