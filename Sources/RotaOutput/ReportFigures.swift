import RotaCore
import RotaVerifier

/// The figures the report pages show, worked out once from the plan, the rota and the
/// scenario: each sending hospital's quota, people, duties and teams; each county's villages
/// and what covers them; the half-days of every week.
///
/// Quotas and totals are `PlanSummary`'s (the same figures `rota plan` prints): people are
/// counted from the plan, requirements from the scenario in integers. A **sender** is an
/// institution with a quota (a tertiary, secondary or county hospital with technical staff,
/// a township centre with medical staff) or with anyone in the plan. A village is
/// **covered** when the plan stations a helper there, sends technical support to it, puts a
/// 3331 workstation in it or sends a rounds helper to its service area.
///
/// Every list is sorted (senders by tier, then id; villages by id; weeks by date); nothing
/// depends on dictionary order.
///
/// ```swift
/// let figures = ReportFigures(ctx)
/// figures.senders.first?.quota?.planned       // 43
/// figures.counties.first?.covered.count        // 17
/// ```
struct ReportFigures {
    /// One duty of one person in the plan.
    struct Duty: Hashable {
        /// `T1`, `T2`, `station`, `rounds`, `tech-support` or `tcm`.
        var kind: String
        /// Recipient, village, service area or centre.
        var site: String
        var start: String
        var end: String
        /// The team's id for T1/T2, with ` 3331` roles noted in `note`.
        var team: String = ""
        var note: String = ""

        /// The Chinese name of the duty kind.
        var label: String {
            switch kind {
            case "T1": return "T1 驻点帮扶（县级医院）"
            case "T2": return "T2 驻点帮扶（乡镇卫生院）"
            case "station": return "T3 派驻"
            case "rounds": return "T3 巡回医疗"
            case "tech-support": return "T3 业务技术帮扶"
            case "tcm": return "中医坐诊"
            default: return kind
            }
        }
    }

    /// A sending hospital or township centre.
    struct Sender {
        var institution: Institution
        /// Its quota line (`T1.quota`, `T2.quota` or `T3.quota`), when it has one.
        var quota: PlanSummary.QuotaLine?
        /// The quota's base head count (technical or medical staff).
        var base: Int
        /// The quota's percentage (`1.2`).
        var percent: ExactPercent?
        /// Its people with a duty in the plan or an entry in the rota, in output order.
        var people: [String]
        /// The teams it sends, by id.
        var teams: [PlanTeam]
        var id: String { institution.id }
    }

    /// What covers a village, in the order the map prefers when several do.
    enum Cover: Int, CaseIterable, Comparable {
        case station, workstation, techSupport, rounds
        static func < (a: Cover, b: Cover) -> Bool { a.rawValue < b.rawValue }
        var cssClass: String { ["vs", "vw", "vt", "vr"][rawValue] }
        var label: String { ["派驻", "3331工作站", "业务技术帮扶", "巡回医疗"][rawValue] }
        var key: String { ["station", "workstation", "tech-support", "rounds"][rawValue] }
    }

    struct CountyFacts {
        var county: County
        /// Its villages, by id.
        var villages: [Institution]
        /// Its hospitals and township centres, by tier then id.
        var institutions: [Institution]
        /// For each covered village, every kind of cover it has.
        var covers: [String: Set<Cover>]
        /// Sites of the county with rota entries, by id.
        var sites: [String]
        var covered: Int { villages.reduce(0) { $0 + (covers[$1.id] == nil ? 0 : 1) } }
        func count(_ c: Cover) -> Int { villages.reduce(0) { $0 + (covers[$1.id]?.contains(c) == true ? 1 : 0) } }
    }

    /// The groups weekly load charts stack, with the activities each takes in.
    enum LoadGroup: Int, CaseIterable {
        case posting, visits3331, station, rounds, techSupport, tcm
        init(_ a: RotaActivity) {
            switch a {
            case .posting: self = .posting
            case .rounds3331, .teaching3331, .lecture3331: self = .visits3331
            case .station: self = .station
            case .rounds: self = .rounds
            case .techSupport: self = .techSupport
            case .tcmClinic: self = .tcm
            }
        }
        var label: String { ["驻点", "3331", "派驻", "巡回医疗", "技术帮扶", "中医坐诊"][rawValue] }
        var cssClass: String { ["P", "W", "S", "R", "T", "C"][rawValue] }
        var key: String { ["posting", "3331", "station", "rounds", "tech-support", "tcm"][rawValue] }
    }

    let summary: PlanSummary
    let senders: [Sender]
    let counties: [CountyFacts]
    /// Each person's duties in the plan, sorted.
    let duties: [String: [Duty]]
    /// The Monday of each week the outputs cover.
    let weeks: [Day]
    /// The county of each institution that has one.
    let countyOfSite: [String: String]

    init(_ ctx: RotaOutputContext) {
        let scenario = ctx.scenario, plan = ctx.plan
        summary = PlanSummary(plan: plan, scenario: scenario)
        var duties: [String: [Duty]] = [:]
        for t in plan.teams {
            for m in t.members {
                var note = ""
                if let g = t.group3331 {
                    if g.doctor == m { note = "3331小组医师" } else if g.nurse == m { note = "3331小组护士" } else if g.pharmacist == m { note = "3331小组药师" }
                }
                duties[m, default: []].append(Duty(kind: t.tier, site: t.recipient, start: t.start, end: t.end, team: t.id, note: note))
            }
        }
        for v in plan.villageHelpers {
            duties[v.person, default: []].append(Duty(kind: v.form.rawValue, site: v.site, start: v.start, end: v.end))
        }
        for c in plan.tcmClinics {
            duties[c.physician, default: []].append(Duty(kind: "tcm", site: c.centre, start: c.start, end: c.end))
        }
        for k in duties.keys { duties[k]!.sort { ($0.start, $0.kind, $0.site) < ($1.start, $1.kind, $1.site) } }
        self.duties = duties

        // Senders: people of each institution, from the plan and the rota.
        var peopleOf: [String: Set<String>] = [:]
        for (person, _) in duties { if let h = ctx.staff[person]?.institution { peopleOf[h, default: []].insert(person) } }
        for p in ctx.people { if let h = ctx.staff[p]?.institution { peopleOf[h, default: []].insert(p) } }
        var quotaOf: [String: PlanSummary.QuotaLine] = [:]
        for q in summary.quotas { quotaOf[q.institution] = q }
        var teamsOf: [String: [PlanTeam]] = [:]
        for t in plan.teams { teamsOf[t.sender, default: []].append(t) }
        let order = Dictionary(uniqueKeysWithValues: ctx.people.enumerated().map { ($1, $0) })
        var senders: [Sender] = []
        for i in scenario.institutions where i.tier != .village && (quotaOf[i.id] != nil || peopleOf[i.id] != nil) {
            let rule = quotaOf[i.id]?.rule
            let base = rule == "T3.quota" ? (i.medicalStaff ?? 0) : (i.technicalStaff ?? 0)
            let people = (peopleOf[i.id] ?? []).sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
            senders.append(Sender(institution: i, quota: quotaOf[i.id], base: base,
                                  percent: rule.map { scenario.parameters.percent($0) }, people: people,
                                  teams: (teamsOf[i.id] ?? []).sorted { $0.id < $1.id }))
        }
        let tierRank = Dictionary(uniqueKeysWithValues: Tier.allCases.enumerated().map { ($1, $0) })
        self.senders = senders.sorted { (tierRank[$0.institution.tier]!, $0.id) < (tierRank[$1.institution.tier]!, $1.id) }

        // Counties: villages and what covers them.
        var covers: [String: Set<Cover>] = [:]
        var villagesOfArea: [String: [String]] = [:]
        for i in scenario.institutions where i.tier == .village { villagesOfArea[i.effectiveServiceArea, default: []].append(i.id) }
        for v in plan.villageHelpers {
            switch v.form {
            case .station: covers[v.site, default: []].insert(.station)
            case .techSupport: covers[v.site, default: []].insert(.techSupport)
            case .rounds: for village in villagesOfArea[v.site] ?? [] { covers[village, default: []].insert(.rounds) }
            }
        }
        for t in plan.teams { if let g = t.group3331 { covers[g.workstation, default: []].insert(.workstation) } }
        var countyOfSite: [String: String] = [:]
        for i in scenario.institutions { if let c = i.county { countyOfSite[i.id] = c } }
        self.countyOfSite = countyOfSite
        var sitesOf: [String: [String]] = [:]
        for s in ctx.sites { if let c = countyOfSite[s] { sitesOf[c, default: []].append(s) } }
        var counties = scenario.counties
        // A county named only by its institutions still gets a page.
        let named = Set(counties.map(\.id))
        for id in Set(scenario.institutions.compactMap(\.county)).subtracting(named).sorted() { counties.append(County(id: id, name: id)) }
        var villagesOf: [String: [Institution]] = [:], institutionsOf: [String: [Institution]] = [:]
        for i in scenario.institutions {
            guard let c = i.county else { continue }
            if i.tier == .village { villagesOf[c, default: []].append(i) } else { institutionsOf[c, default: []].append(i) }
        }
        self.counties = counties.map { c in
            CountyFacts(county: c, villages: (villagesOf[c.id] ?? []).sorted { $0.id < $1.id },
                        institutions: (institutionsOf[c.id] ?? []).sorted { (tierRank[$0.tier]!, $0.id) < (tierRank[$1.tier]!, $1.id) },
                        covers: (villagesOf[c.id] ?? []).reduce(into: [:]) { acc, v in if let k = covers[v.id] { acc[v.id] = k } },
                        sites: sitesOf[c.id] ?? [])
        }

        var weeks: [Day] = []
        if let first = ctx.days.first, let last = ctx.days.last {
            var d = first.weekStart
            while d <= last { weeks.append(d); d = d.adding(days: 7) }
        }
        self.weeks = weeks
    }

    /// Half-day entries per week (rows) and load group (columns) of `entries`.
    func weeklyLoad(_ ctx: RotaOutputContext, _ entries: some Sequence<RotaEntry>) -> [[Int]] {
        var load = [[Int]](repeating: [Int](repeating: 0, count: LoadGroup.allCases.count), count: weeks.count)
        guard let monday = weeks.first else { return load }
        for e in entries {
            guard let i = ctx.dayIndex(e.date) else { continue }
            let w = (ctx.days[i].ordinal - monday.ordinal) / 7
            load[w][LoadGroup(e.activity).rawValue] += 1
        }
        return load
    }
}
