/// The short account `rota plan` prints: people per tier and per hospital against each
/// quota, totals against the profile, coverage, and the solver's figures.
///
/// Counts come from the plan itself; quotas from the scenario, in integers.
public struct PlanSummary: Sendable {
    public struct QuotaLine: Sendable, Hashable {
        public var rule: String
        public var institution: String
        public var name: String
        public var required: Int
        public var planned: Int
        public var met: Bool { planned >= required }
    }

    public var quotas: [QuotaLine]
    public var totals: [QuotaLine]
    public var plan: Plan

    public init(plan: Plan, scenario: Scenario) {
        self.plan = plan
        let p = scenario.parameters
        func people(_ tier: String) -> [String: Set<String>] {
            var out: [String: Set<String>] = [:]
            for t in plan.teams where t.tier == tier { out[t.sender, default: []].formUnion(t.members) }
            return out
        }
        let t1 = people("T1"), t2 = people("T2")
        var t3: [String: Set<String>] = [:]
        for h in plan.villageHelpers where h.form != .techSupport { t3[h.sender, default: []].insert(h.person) }
        var q: [QuotaLine] = []
        for i in scenario.institutions {
            func line(_ rule: String, _ base: Int?, _ sent: [String: Set<String>]) {
                guard let base, base > 0 else { return }
                let required = max(1, p.percent(rule).minimumCount(of: base))
                q.append(QuotaLine(rule: rule, institution: i.id, name: i.name, required: required, planned: sent[i.id]?.count ?? 0))
            }
            switch i.tier {
            case .tertiary: line("T1.quota", i.technicalStaff, t1)
            case .secondary, .county: line("T2.quota", i.technicalStaff, t2)
            case .township: line("T3.quota", i.medicalStaff, t3)
            case .village: break
            }
        }
        quotas = q
        let all1 = Set(plan.teams.filter { $0.tier == "T1" }.flatMap(\.members))
        let all2 = Set(plan.teams.filter { $0.tier == "T2" }.flatMap(\.members))
        let helpers = Set(plan.villageHelpers.map(\.person))
        let stationed = Set(plan.villageHelpers.filter { $0.form == .station }.map(\.person))
        // totals.by-sender = 1 (Yanggu) counts T2 people of county hospitals and village
        // helpers of township centres.
        let tierOf = Dictionary(scenario.institutions.map { ($0.id, $0.tier) }, uniquingKeysWith: { a, _ in a })
        let bySender = p.totalsCountBySender
        let counted2 = bySender ? Set(plan.teams.filter { $0.tier == "T2" && tierOf[$0.sender] == .county }.flatMap(\.members)) : all2
        let counted3 = bySender ? Set(plan.villageHelpers.filter { tierOf[$0.sender] == .township }.map(\.person)) : helpers
        totals = [
            QuotaLine(rule: "T1.total", institution: "", name: "T1 (tertiary → county hospitals)", required: p.int("T1.total"), planned: all1.count),
            QuotaLine(rule: "T2.total", institution: "", name: bySender ? "T2 sent by county hospitals" : "T2 (→ township centres)",
                      required: p.int("T2.total"), planned: counted2.count),
            QuotaLine(rule: "T3.total", institution: "", name: bySender ? "T3 sent by township centres" : "T3 (→ villages)",
                      required: p.int("T3.total"), planned: counted3.count),
            QuotaLine(rule: "T3.total.stationed", institution: "", name: "T3 stationed", required: p.int("T3.total.stationed"), planned: stationed.count),
            QuotaLine(rule: "REGION.total", institution: "", name: "all dispatched", required: p.int("REGION.total"), planned: all1.union(all2).union(helpers).count),
        ]
    }

    /// The text for the terminal.
    public func render() -> String {
        var out: [String] = []
        out.append("Plan for \(plan.scenario) (profile \(plan.profile), \(plan.period.start) – \(plan.period.end))")
        out.append("")
        out.append("Totals                              required  planned")
        for t in totals {
            out.append("  \(pad(t.name, 34))\(lpad(t.required, 8))\(lpad(t.planned, 9))  \(t.met ? "ok" : "SHORT")")
        }
        for rule in ["T1.quota", "T2.quota", "T3.quota"] {
            let lines = quotas.filter { $0.rule == rule }
            guard !lines.isEmpty else { continue }
            let met = lines.filter(\.met).count
            out.append("")
            out.append("\(rule): \(met) of \(lines.count) institutions meet their quota")
            let shown = lines.count > 12 ? lines.filter { !$0.met } + Array(lines.filter(\.met).prefix(8)) : lines
            for l in shown {
                out.append("  \(pad(l.name, 30)) \(pad(l.institution, 18))\(lpad(l.required, 5))\(lpad(l.planned, 6))  \(l.met ? "ok" : "SHORT")")
            }
            if shown.count < lines.count { out.append("  … \(lines.count - shown.count) more, all ok (see assignments.csv)") }
        }
        let t1 = plan.teams.filter { $0.tier == "T1" }.count, t2 = plan.teams.filter { $0.tier == "T2" }.count
        out.append("")
        out.append("Teams: \(t1) T1, \(t2) T2; village helpers: \(plan.villageHelpers.count); TCM clinics: \(plan.tcmClinics.count)")
        let c = plan.coverage
        out.append("Left to local staff: \(c.townshipsWithoutTeam.count) township centres without a T2 team, \(c.eligibleVillagesUnstationed.count) eligible villages unstationed, \(c.clinicsWithoutTechSupport.count) clinics without technical support, \(c.serviceAreasWithoutRounds.count) service areas without rounds")
        if let s = plan.solver {
            out.append("")
            let bound = s.noBound == true ? "no bound yet" : "bound \(fmt(s.bound)), gap \(fmt(s.gap * 100))%"
            out.append("Solver: \(s.status), objective \(fmt(s.objective)), \(bound) (\(s.rows) rows, \(s.columns) columns, \(s.integerColumns) integer)")
            if let limit = s.timeLimit { out.append(PlanSummary.timeLimitNote(limit: limit, solver: s)) }
        }
        return out.joined(separator: "\n")
    }

    /// What the time limit left unproven: the gap, or that no bound is known.
    static func timeLimitNote(limit: Double, solver s: PlanSolver) -> String {
        let seconds = limit == limit.rounded() ? String(Int(limit)) : String(limit)
        if s.noBound == true {
            return "The time limit (\(seconds) s) cut the search before any bound was proven: this compliant plan is the best found, how far from the best possible is unknown (a longer --time-limit proves a gap)."
        }
        let gap = (s.gap * 10000).rounded() / 100
        return "The time limit (\(seconds) s) cut the search: this compliant plan is proven within \(gap)% of the best possible (a longer --time-limit may close the gap)."
    }

    private func pad(_ s: String, _ w: Int) -> String {
        let width = s.reduce(0) { $0 + ($1.unicodeScalars.first!.value > 0x2E80 ? 2 : 1) }
        return width >= w ? s + " " : s + String(repeating: " ", count: w - width)
    }
    private func lpad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: " ", count: max(0, w - s.count)) + s }
    private func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
