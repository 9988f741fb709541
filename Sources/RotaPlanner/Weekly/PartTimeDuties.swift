import RotaCore
import RotaInput
import RotaSolver
/// The plan's part-time duties, who may cover them, and how they link into groups that must
/// be scheduled together.
///
/// Two duties are linked when a person holds or may cover both, or when they share a rounds
/// service area (its clinics are covered jointly). Each linked group — a connected component
/// — is scheduled week by week on one thread (weeks carry the rounds visit dates forward);
/// different groups are independent and run in parallel.
///
/// Cover candidates follow rules.md: for a village helper (rounds, technical support, or a
/// stationed helper's leave days), colleagues of the same hospital who are village helpers
/// and not full-time posted, nearest first (same site, same township, then by least leave);
/// for a TCM centre, other senior TCM physicians who may hold its clinic (TCM.locality) and
/// are not full-time posted, colleagues of its physicians' hospitals first.
///
/// ```swift
/// let duties = PartTimeDuties(scenario: s, plan: p, calendar: cal, demands: station.demands, candidates: 3)
/// for group in duties.groups { … }
/// ```
struct PartTimeDuties: Sendable {
    /// A connected group: its duties, station cover demands and people, all sorted.
    struct Group: Sendable {
        var duties: [PartTimeDuty] = []
        var demands: [(demand: StationCoverDemand, candidates: [String])] = []
        var people: [String] = []
    }

    private(set) var groups: [Group] = []
    /// Station cover demands with nobody to cover them (reported as shortfalls directly).
    private(set) var uncoverable: [StationCoverDemand] = []

    init(scenario: Scenario, plan: Plan, calendar: RotaCalendar, demands: [StationCoverDemand], candidates limit: Int) {
        let institutions = scenario.institutionIndex(), staff = scenario.staffIndex()
        // Full-time people: T1/T2 members and stationed helpers.
        var fullTime = Set(plan.teams.flatMap(\.everyone))
        fullTime.formUnion(plan.villageHelpers.filter { $0.form == .station }.map(\.person))
        // Village helpers free to cover, by hospital, with the site they serve.
        var pool: [String: [(person: String, site: String)]] = [:]
        for h in plan.villageHelpers where h.form != .station && !fullTime.contains(h.person) {
            pool[h.sender, default: []].append((h.person, h.site))
        }
        // Then any other listed candidate of the same hospital without a full-time posting:
        // "an eligible colleague of the same team or hospital" (rules.md, Leave and postings).
        let inPool = Set(pool.values.flatMap { $0.map(\.person) })
        for p in scenario.staff where !fullTime.contains(p.id) && !inPool.contains(p.id) {
            guard let tier = institutions[p.institution]?.tier, tier == .county || tier == .township else { continue }
            pool[p.institution, default: []].append((p.id, ""))
        }
        let areaClinics = Dictionary(grouping: scenario.institutions.filter { $0.tier == .village }, by: \.effectiveServiceArea)
            .mapValues { $0.map(\.id).sorted() }
        func township(of site: String) -> String? {
            institutions[site]?.township ?? areaClinics[site]?.first.flatMap { institutions[$0]?.township }
        }
        func leaveDays(_ p: String) -> Int { calendar.leaveWorkingDays(p, in: calendar.period) }
        /// Up to `limit` colleagues of `sender` for a duty at `site`, nearest first.
        func villageColleagues(of sender: String, except person: String, near site: String) -> [String] {
            let town = township(of: site)
            let ranked = (pool[sender] ?? []).filter { $0.person != person }.map { c -> (Int, Int, String) in
                let closeness = c.site == site ? 0 : (town != nil && township(of: c.site) == town ? 1 : 2)
                return (closeness, leaveDays(c.person), c.person)
            }
            var seen = Set<String>()
            return ranked.sorted { $0 < $1 }.map(\.2).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
        }

        var duties: [PartTimeDuty] = []
        for h in plan.villageHelpers.sorted(by: { ($0.person, $0.form.rawValue, $0.site) < ($1.person, $1.form.rawValue, $1.site) }) {
            guard h.form != .station, let term = calendar.term(start: h.start, end: h.end) else { continue }
            let isRounds = h.form == .rounds
            let cover = calendar.hasLeave(h.person) ? villageColleagues(of: h.sender, except: h.person, near: h.site) : []
            duties.append(PartTimeDuty(kind: isRounds ? .rounds : .techSupport, subject: h.person, holders: [(h.person, term)],
                                       sites: isRounds ? (areaClinics[h.site] ?? []) : [h.site], area: isRounds ? h.site : nil,
                                       coverCandidates: cover))
        }
        let seniorTCM = scenario.staff.filter { $0.isSeniorTCMPhysician && !fullTime.contains($0.id) }
        for (centre, clinics) in Dictionary(grouping: plan.tcmClinics, by: \.centre).sorted(by: { $0.key < $1.key }) {
            let holders = clinics.sorted { $0.physician < $1.physician }.compactMap { c in
                calendar.term(start: c.start, end: c.end).map { (person: c.physician, term: $0) }
            }
            guard !holders.isEmpty else { continue }
            var cover: [String] = []
            if holders.contains(where: { calendar.hasLeave($0.person) }) {
                // Any senior TCM physician the rules let hold this centre's clinic (a city
                // hospital's, or a county hospital's of the centre's county) and who holds no
                // full-time posting: colleagues of the holders' hospitals first, then the
                // least leave.
                let hospitals = Set(holders.compactMap { staff[$0.person]?.institution })
                let names = Set(holders.map(\.person))
                let county = institutions[centre]?.county
                func mayHold(_ p: StaffMember) -> Bool {
                    guard let tier = institutions[p.institution]?.tier else { return false }
                    return tier.isCityHospital || (tier == .county && institutions[p.institution]?.county == county)
                }
                cover = seniorTCM.filter { !names.contains($0.id) && mayHold($0) }
                    .map { (hospitals.contains($0.institution) ? 0 : 1, leaveDays($0.id), $0.id) }.sorted { $0 < $1 }.prefix(limit).map(\.2)
            }
            duties.append(PartTimeDuty(kind: .tcm, subject: centre, holders: holders, sites: [centre], area: nil, coverCandidates: cover))
        }
        var demandGroups: [(StationCoverDemand, [String])] = []
        var candidatesOf: [String: [String]] = [:]
        for d in demands {
            let c = candidatesOf[d.absent] ?? villageColleagues(of: d.sender, except: d.absent, near: d.village)
            candidatesOf[d.absent] = c
            if c.isEmpty { uncoverable.append(d) } else { demandGroups.append((d, c)) }
        }

        // Link duties and demands through the people they involve (union–find on person ids).
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var r = x
            while let p = parent[r], p != r { r = p }
            var y = x
            while let p = parent[y], p != r { parent[y] = r; y = p }
            return r
        }
        func union(_ people: [String]) {
            for p in people where parent[p] == nil { parent[p] = p }
            guard let first = people.first else { return }
            for p in people.dropFirst() {
                let a = find(first), b = find(p)
                if a != b { if a < b { parent[b] = a } else { parent[a] = b } }
            }
        }
        var byArea: [String: [String]] = [:]
        for d in duties {
            union(d.holders.map(\.person) + d.coverCandidates)
            if let a = d.area { byArea[a, default: []].append(d.subject) }
        }
        for a in byArea.keys.sorted() { union(byArea[a]!) }
        for (_, c) in demandGroups { union(c) }

        var grouped: [String: Group] = [:]
        for d in duties { grouped[find(d.holders[0].person), default: Group()].duties.append(d) }
        for (d, c) in demandGroups { grouped[find(c[0]), default: Group()].demands.append((d, c)) }
        for root in grouped.keys.sorted() {
            var g = grouped[root]!
            var people = Set<String>()
            for d in g.duties { people.formUnion(d.holders.map(\.person)); people.formUnion(d.coverCandidates) }
            for (_, c) in g.demands { people.formUnion(c) }
            g.people = people.sorted()
            g.demands.sort { ($0.demand.week, $0.demand.absent) < ($1.demand.week, $1.demand.absent) }
            groups.append(g)
        }
        // Biggest first, so a long group does not start last on a busy thread.
        groups = groups.enumerated().sorted { ($1.element.duties.count + $1.element.demands.count, $0.offset) < ($0.element.duties.count + $0.element.demands.count, $1.offset) }.map(\.element)
    }
}
