import Foundation

/// How good a compliant plan is, in the terms a hospital HR office checks before signing it
/// (issue 10): people dispatched against the proven lower bound, hometown stationings, team
/// size and mix, travel, load per person and the soft rules' coverage.
///
/// Computed from the scenario and the plan alone, like `PlanSummary`; `render()` is the
/// "Plan quality" section `rota plan` prints and `make bench` shows per scenario.
///
/// ```swift
/// let quality = PlanQuality(plan: plan, scenario: scenario)
/// print(quality.render())
/// quality.people.region   // (bound: 1032, dispatched: 1032)
/// ```
public struct PlanQuality: Sendable, Hashable {
    /// A count of people against the least the rules allow.
    public struct Count: Sendable, Hashable {
        public var bound: Int
        public var dispatched: Int
        public var excess: Int { dispatched - bound }
    }
    /// Tier and region counts against `DispatchLowerBound`.
    public struct People: Sendable, Hashable {
        public var t1: Count, t2: Count, t3: Count, region: Count
        /// Hospitals sending more than their own minimum, by id: (bound, dispatched in its tier).
        public var hospitalsAbove: [String: Count]
        /// Hospitals with a minimum.
        public var hospitals: Int
        /// Village helpers sent by county hospitals.
        public var countyVillageHelpers: Int
        /// When county hospitals send village helpers, which rules township centres do not
        /// meet alone at their own quotas (`countyHelperReasons(…)`); empty otherwise.
        public var countyHelperReasons: [String]
    }
    public var people: People

    /// County-hospital candidates whose home village is eligible for stationing (T3.hometown).
    public struct Hometowns: Sendable, Hashable {
        public var candidates: Int
        public var dispatched: Int
        public var stationedAtHome: Int
        /// Dispatched but not stationed at home, by person id.
        public var dispatchedElsewhere: [String]
    }
    public var hometowns: Hometowns

    /// A staff group beyond the team-mix tolerance in one team.
    public struct MixExcess: Sendable, Hashable {
        public var team: String
        public var group: StaffGroup
        public var count: Int
        public var size: Int
    }
    public struct Teams: Sendable, Hashable {
        public var count: Int
        /// The largest difference in size between two teams of one sender, and the sender.
        public var largestSizeSpread: Int
        public var senderWithLargestSpread: String?
        /// Share points of the tolerance (`team-mix-tolerance`).
        public var mixTolerancePoints: Double
        public var beyondMix: [MixExcess]
    }
    public var teams: Teams

    /// Kilometres between sender and site per form (T1, T2, station, rounds, tech-support, tcm).
    public struct Travel: Sendable, Hashable {
        public var form: String
        public var count: Int
        public var median: Int
        public var max: Int
    }
    public var travel: [Travel]

    /// People per number of duties they hold (1, 2, …).
    public var dutiesPerPerson: [Int: Int]

    public struct Coverage: Sendable, Hashable {
        public var covered: Int
        public var of: Int
    }
    /// Township centres with a T2 team, eligible villages with a stationed helper, clinics
    /// without a licensed physician with technical support, service areas with rounds.
    public var townships: Coverage, villages: Coverage, clinics: Coverage, areas: Coverage
    /// The scenario's objective settings and the solver's gap (for `whyAboveBound`).
    public var objective: ObjectiveSettings
    public var solverGap: Double?

    public init(plan: Plan, scenario: Scenario) {
        let p = scenario.parameters
        objective = scenario.objective
        solverGap = plan.solver.map(\.gap)
        let bound = DispatchLowerBound(scenario: scenario)
        let institutions = scenario.institutionIndex()
        let tierOf = institutions.mapValues(\.tier)
        let all1 = Set(plan.teams.filter { $0.tier == "T1" }.flatMap(\.members))
        let all2 = Set(plan.teams.filter { $0.tier == "T2" }.flatMap(\.members))
        let helpers = Set(plan.villageHelpers.map(\.person))
        // Per hospital, in its own tier (county hospitals: T2 people and village helpers).
        var sent: [String: Set<String>] = [:]
        for t in plan.teams { sent[t.sender, default: []].formUnion(t.members) }
        for h in plan.villageHelpers { sent[h.sender, default: []].insert(h.person) }
        var above: [String: Count] = [:]
        for (id, need) in bound.perHospital where need > 0 {
            let n = sent[id]?.count ?? 0
            if n > need { above[id] = Count(bound: need, dispatched: n) }
        }
        people = People(t1: Count(bound: bound.t1, dispatched: all1.count), t2: Count(bound: bound.t2, dispatched: all2.count),
                        t3: Count(bound: bound.t3, dispatched: helpers.count),
                        region: Count(bound: bound.region, dispatched: all1.union(all2).union(helpers).count),
                        hospitalsAbove: above, hospitals: bound.perHospital.values.filter { $0 > 0 }.count,
                        countyVillageHelpers: Set(plan.villageHelpers.filter { tierOf[$0.sender] == .county }.map(\.person)).count,
                        countyHelperReasons: [])
        if people.countyVillageHelpers > 0 {
            people.countyHelperReasons = PlanQuality.countyHelperReasons(scenario: scenario, bound: bound)
        }

        // Hometowns.
        let minimum = p.int("T3.station-population")
        func eligible(_ v: Institution) -> Bool { (v.population ?? 0) >= minimum && (!v.villageDoctor || !v.integrated) }
        let dispatched = all1.union(all2).union(helpers)
        var candidates = 0, out = 0, home = 0
        var elsewhere: [String] = []
        for person in scenario.staff {
            guard let h = institutions[person.institution], h.tier == .county, let v = person.hometown.flatMap({ institutions[$0] }),
                  v.tier == .village, v.county == h.county, eligible(v) else { continue }
            candidates += 1
            guard dispatched.contains(person.id) else { continue }
            out += 1
            if plan.villageHelpers.contains(where: { $0.person == person.id && $0.form == .station && $0.site == v.id }) { home += 1 }
            else { elsewhere.append(person.id) }
        }
        hometowns = Hometowns(candidates: candidates, dispatched: out, stationedAtHome: home, dispatchedElsewhere: elsewhere.sorted())

        // Teams: size spread per sender, mix against the sender's candidates.
        let staff = scenario.staffIndex()
        let staffOf = Dictionary(grouping: scenario.staff, by: \.institution)
        let tolerance = scenario.objective.value("team-mix-tolerance") / 100
        var spread = 0, spreadSender: String? = nil
        for (sender, ts) in Dictionary(grouping: plan.teams, by: { "\($0.tier) \($0.sender)" }).sorted(by: { $0.key < $1.key }) {
            let sizes = ts.map(\.members.count)
            let d = (sizes.max() ?? 0) - (sizes.min() ?? 0)
            if d > spread { spread = d; spreadSender = String(sender.split(separator: " ").last ?? "") }
        }
        var beyond: [MixExcess] = []
        for t in plan.teams.sorted(by: { $0.id < $1.id }) {
            let pool = staffOf[t.sender] ?? []
            for group in StaffGroup.allCases {
                let n = t.members.filter { staff[$0]?.role.group == group }.count
                if !TeamMix.isWithin(count: n, of: group, size: t.members.count, candidates: pool, tolerance: tolerance) {
                    beyond.append(MixExcess(team: t.id, group: group, count: n, size: t.members.count))
                }
            }
        }
        teams = Teams(count: plan.teams.count, largestSizeSpread: spread, senderWithLargestSpread: spreadSender,
                      mixTolerancePoints: tolerance * 100, beyondMix: beyond)

        // Travel per form.
        let areaVillage = Dictionary(grouping: scenario.institutions.filter { $0.tier == .village }, by: \.effectiveServiceArea)
            .mapValues { $0.sorted { $0.id < $1.id }.first! }
        func km(_ a: String, _ b: String) -> Int? {
            guard let x = institutions[a]?.location, let y = (institutions[b] ?? areaVillage[b])?.location else { return nil }
            return x.kilometres(to: y)
        }
        var distances: [String: [Int]] = [:]
        for t in plan.teams { if let d = km(t.sender, t.recipient) { distances[t.tier, default: []] += Array(repeating: d, count: t.members.count) } }
        for h in plan.villageHelpers { if let d = km(h.sender, h.site) { distances[h.form.rawValue, default: []].append(d) } }
        for c in plan.tcmClinics { if let d = km(c.sender, c.centre) { distances["tcm", default: []].append(d) } }
        travel = ["T1", "T2", "station", "rounds", "tech-support", "tcm"].compactMap { form in
            guard let ds = distances[form]?.sorted(), !ds.isEmpty else { return nil }
            return Travel(form: form, count: ds.count, median: ds[ds.count / 2], max: ds.last!)
        }

        // Duties per person: a team, a village duty, a TCM clinic each count one.
        var duties: [String: Int] = [:]
        for t in plan.teams { for m in t.members { duties[m, default: 0] += 1 } }
        for h in plan.villageHelpers { duties[h.person, default: 0] += 1 }
        for c in plan.tcmClinics { duties[c.physician, default: 0] += 1 }
        dutiesPerPerson = Dictionary(grouping: duties.values, by: { $0 }).mapValues(\.count)

        // Soft coverage.
        let c = plan.coverage
        let townshipCount = scenario.institutions.filter { $0.tier == .township }.count
        let eligibleVillages = scenario.institutions.filter { $0.tier == .village && eligible($0) }.count
        let techClinics = scenario.institutions.filter { $0.tier == .village && !$0.licensedPhysician }.count
        let areaCount = areaVillage.count
        townships = Coverage(covered: townshipCount - c.townshipsWithoutTeam.count, of: townshipCount)
        villages = Coverage(covered: eligibleVillages - c.eligibleVillagesUnstationed.count, of: eligibleVillages)
        clinics = Coverage(covered: techClinics - c.clinicsWithoutTechSupport.count, of: techClinics)
        areas = Coverage(covered: areaCount - c.serviceAreasWithoutRounds.count, of: areaCount)
    }

    /// Which rules the township centres cannot meet alone at their own T3.quota minimums —
    /// the reasons a plan needs village helpers beyond them, which county hospitals send
    /// (README, "How the plan is chosen"). Empty when township centres meet them all.
    ///
    /// - T3.total (not when totals count by sender: then it counts township centres' helpers
    ///   only, whom no county hospital can replace) above the township centres' quotas' sum;
    /// - T3.total.stationed above what township centres can station at once: one helper per
    ///   eligible village of their own townships (two in succession where the period holds two
    ///   stints of T3.station-months), at most their staff;
    /// - REGION.total above the tiers' minimums together: the people beyond them serve somewhere.
    public static func countyHelperReasons(scenario: Scenario, bound: DispatchLowerBound) -> [String] {
        let p = scenario.parameters
        let townships = scenario.institutions.filter { $0.tier == .township }
        let minimum = townships.reduce(0) { $0 + (bound.perHospital[$1.id] ?? 0) }
        var reasons: [String] = []
        let total = p.int("T3.total")
        if !p.totalsCountBySender && total > minimum {
            reasons.append("T3.total asks \(total) village helpers, the township centres' own quotas give \(minimum)")
        }
        let months = p.int("T3.station-months")
        let middle = scenario.period.from.adding(months: months)
        let stints = months > 0 && middle.adding(months: months).adding(days: -1) <= scenario.period.to ? 2 : 1
        let population = p.int("T3.station-population")
        var capacity = 0
        for t in townships {
            let villages = scenario.institutions.filter { $0.tier == .village && $0.township == t.id && ($0.population ?? 0) >= population
                && (!$0.villageDoctor || !$0.integrated) }.count
            capacity += min(villages * stints, scenario.staff.filter { $0.institution == t.id }.count)
        }
        let stationed = p.int("T3.total.stationed")
        if stationed > capacity {
            reasons.append("T3.total.stationed asks \(stationed), township centres can station \(capacity) in their own townships' eligible villages")
        }
        let region = p.int("REGION.total"), tiers = bound.t1 + bound.t2 + bound.t3
        if region > tiers {
            reasons.append("REGION.total asks \(region) people, the tiers' minimums give \(tiers) (T1 \(bound.t1) + T2 \(bound.t2) + T3 \(bound.t3))")
        }
        return reasons
    }

    /// Why the plan sends more than the bound, as far as the plan and scenario tell.
    public var whyAboveBound: String {
        var reasons: [String] = []
        if let person = objective.personDispatched {
            reasons.append(person == 0 ? "the objective's person-dispatched is 0 (people cost nothing, coverage buys them)"
                                       : "the objective's person-dispatched is \(ObjectiveSettings.format(person)), so coverage may buy people")
        }
        if let s = solverGap, s >= 0.00005 { reasons.append(String(format: "the solver stopped %.2f%% from its proven best", s * 100)) }
        if reasons.isEmpty {
            reasons.append("the bound counts quotas, totals and team sizes only; the candidates' leave, locality, team mix "
                           + "and 3331 groups may need more people than it counts")
        }
        return reasons.joined(separator: "; ")
    }

    /// The "Plan quality" section of the summary.
    public func render() -> String {
        var out = ["Plan quality"]
        func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "—" : String(format: "%.1f%%", Double(a) * 100 / Double(b)) }
        func line(_ name: String, _ c: Count) -> String {
            let gap = c.excess == 0 ? "at the bound" : "+\(c.excess) (\(pct(c.excess, c.bound)) above)"
            return "  \(name.padding(toLength: 22, withPad: " ", startingAt: 0))\(String(format: "%6d", c.dispatched)) of at least \(String(format: "%6d", c.bound))  \(gap)"
        }
        out.append("  people dispatched vs the proven lower bound (DispatchLowerBound):")
        out.append(line("T1", people.t1))
        out.append(line("T2", people.t2))
        out.append(line("T3", people.t3))
        out.append(line("all dispatched", people.region))
        if people.region.excess > 0 { out.append("  why above the bound: " + whyAboveBound) }
        let above = people.hospitalsAbove.sorted { ($0.value.excess, $1.key) > ($1.value.excess, $0.key) }
        out.append("  hospitals at their own minimum: \(people.hospitals - above.count) of \(people.hospitals); above it: "
                   + (above.isEmpty ? "none" : above.prefix(5).map { "\($0.key) \($0.value.dispatched)/\($0.value.bound)" }.joined(separator: ", ")
                      + (above.count > 5 ? ", … \(above.count - 5) more" : "")))
        out.append("  village helpers sent by county hospitals: \(people.countyVillageHelpers)"
                   + (people.countyVillageHelpers == 0 ? "" : people.countyHelperReasons.isEmpty
                      ? " — no T3 rule needs them (township centres meet T3 alone at their quotas); " + whyAboveBound
                      : " — township centres alone at their quotas fall short: " + people.countyHelperReasons.joined(separator: "; ")
                        + "; a township centre's people beyond its quota cost person-beyond-quota, so county hospitals send the rest, "
                        + "candidates who go home first"))
        out.append("  hometowns (T3.hometown): \(hometowns.candidates) county-hospital candidates with an eligible home village; "
                   + "\(hometowns.dispatched) dispatched, \(hometowns.stationedAtHome) stationed at home"
                   + (hometowns.dispatchedElsewhere.isEmpty ? "" : ", elsewhere: " + hometowns.dispatchedElsewhere.prefix(5).joined(separator: ", ")
                      + (hometowns.dispatchedElsewhere.count > 5 ? ", …" : "")))
        let spreadText = teams.largestSizeSpread == 0 ? "all of one size per sender"
            : "largest size difference in one sender \(teams.largestSizeSpread) (\(teams.senderWithLargestSpread ?? ""))"
        out.append("  teams: \(teams.count); \(spreadText); mix beyond its pool share + \(ObjectiveSettings.format(teams.mixTolerancePoints)) points: "
                   + (teams.beyondMix.isEmpty ? "none"
                      : teams.beyondMix.prefix(4).map { "\($0.team) \($0.count) \($0.group.rawValue) of \($0.size)" }.joined(separator: "; ")
                      + (teams.beyondMix.count > 4 ? "; … \(teams.beyondMix.count - 4) more" : "")))
        if !travel.isEmpty {
            out.append("  travel km (median / max): " + travel.map { "\($0.form) \($0.median)/\($0.max)" }.joined(separator: ", "))
        }
        out.append("  duties per person: " + dutiesPerPerson.keys.sorted().map { "\($0): \(dutiesPerPerson[$0]!)" }.joined(separator: ", "))
        out.append("  coverage: township centres with a T2 team \(townships.covered)/\(townships.of), eligible villages stationed "
                   + "\(villages.covered)/\(villages.of), clinics without a licensed physician supported \(clinics.covered)/\(clinics.of), "
                   + "service areas with rounds \(areas.covered)/\(areas.of)")
        return out.joined(separator: "\n")
    }
}
