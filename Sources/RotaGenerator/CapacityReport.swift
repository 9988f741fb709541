import RotaCore
/// How much room a scenario leaves each hard rule: for every quota, team, workstation,
/// stationing and TCM clinic, what the rules need at least and what the scenario offers.
///
/// Every check is a *necessary* condition of a compliant plan, counted without solving
/// anything: a check with `have < need` proves that no plan exists (it names the rules that
/// collide); checks that all pass do not prove that one does. The generator uses the report
/// to keep its scenarios comfortably plannable (`have` well above `need`), `rota generate`
/// prints it, and the infeasible examples in `Scenarios/infeasible/` each fail exactly one.
///
/// Counting conventions (rules.md, "Who may serve where"):
/// - a sender with a quota above 0 sends at least one team, so it needs at least
///   max(quota, team size) posting-eligible candidates, with a doctor, a nurse and a
///   medical-technical member (a pharmacist for T1's 3331 group);
/// - posting-eligible means the candidate's leave overlaps some posting window of
///   T1/T2.duration-months inside the period by at most posting.max-leave-days working days;
/// - each T1 team needs its own central village clinic in a county that has a county hospital;
/// - each stationed helper needs his own eligible village (population ≥ T3.station-population,
///   no village doctor or not integrated);
/// - a senior TCM physician holds clinics at no more than TCM.centres-per-physician centres,
///   and comes from a city hospital or a county hospital of the centre's county.
public struct CapacityReport: Sendable {
    /// One necessary condition: `have` must reach `need`.
    public struct Check: Sendable, Hashable, CustomStringConvertible {
        /// The rule (or the two rules) the condition rests on, e.g. `T1.quota`.
        public var rule: String
        /// What is counted: an institution or county id, or `region`.
        public var subject: String
        public var need: Int
        public var have: Int
        /// What `have` counts, in a planner's words.
        public var what: String

        public var isMet: Bool { have >= need }
        public var description: String {
            "\(rule) \(subject): need \(need), have \(have) \(what)\(isMet ? "" : " — SHORT")"
        }
    }

    /// Head counts of the scenario.
    public struct Counts: Sendable, Hashable {
        public var counties = 0, tertiary = 0, secondary = 0, countyHospitals = 0
        public var townships = 0, tcmFeatured = 0, villages = 0, serviceAreas = 0
        public var centralClinics = 0, stationingVillages = 0, noLicensedPhysician = 0
        public var candidates = 0, postingEligible = 0, withLeave = 0, withHometown = 0
        public var population = 0
    }

    /// Minimum head counts the quotas ask for, summed per tier, beside the tier totals.
    public struct Quotas: Sendable, Hashable {
        public var t1 = 0, t2 = 0, t3 = 0
        public var t1Total = 0, t2Total = 0, t3Total = 0, t3Stationed = 0, regionTotal = 0
    }

    public var counts: Counts
    public var quotas: Quotas
    public var checks: [Check]

    /// The checks that fail: each proves the scenario has no compliant plan.
    public var shortfalls: [Check] { checks.filter { !$0.isMet } }

    /// The least `have / need` over all checks with a positive need (∞ when there are none).
    public var tightestRatio: Double {
        checks.filter { $0.need > 0 }.map { Double($0.have) / Double($0.need) }.min() ?? .infinity
    }

    public init(_ s: Scenario) {
        let p = s.parameters
        var counts = Counts()
        var quotas = Quotas()
        var checks: [Check] = []
        let institutions = s.institutions
        let countyIds = Self.orderedCounties(s)
        counts.counties = countyIds.count

        var staffBy: [String: [StaffMember]] = [:]
        for m in s.staff { staffBy[m.institution, default: []].append(m) }
        let eligible = PostingEligibility(scenario: s)
        counts.candidates = s.staff.count
        counts.withLeave = s.staff.filter { !$0.unavailable.isEmpty }.count
        counts.withHometown = s.staff.filter { $0.hometown != nil }.count

        let villages = institutions.filter { $0.tier == .village }
        let stationPopulation = p.int("T3.station-population")
        func isStationing(_ v: Institution) -> Bool {
            (v.population ?? 0) >= stationPopulation && (!v.villageDoctor || !v.integrated)
        }
        counts.villages = villages.count
        counts.population = villages.reduce(0) { $0 + ($1.population ?? 0) }
        counts.serviceAreas = Set(villages.map { "\($0.township ?? "")/\($0.effectiveServiceArea)" }).count
        counts.centralClinics = villages.filter(\.central).count
        counts.stationingVillages = villages.filter(isStationing).count
        counts.noLicensedPhysician = villages.filter { !$0.licensedPhysician }.count
        let townships = institutions.filter { $0.tier == .township }
        counts.townships = townships.count
        counts.tcmFeatured = townships.filter(\.tcmFeatured).count
        let countyHospitals = institutions.filter { $0.tier == .county }
        counts.countyHospitals = countyHospitals.count
        counts.tertiary = institutions.filter { $0.tier == .tertiary }.count
        counts.secondary = institutions.filter { $0.tier == .secondary }.count

        // T1 and T2: per sender.
        func senderChecks(_ h: Institution, tier: String, quota q: Int, teamSize: Int, pharmacist: Bool) -> Int {
            let listed = staffBy[h.id] ?? []
            let free = listed.filter { eligible.canHoldPosting($0, tier: tier) }
            let need = q > 0 ? max(q, teamSize) : 0
            counts.postingEligible += free.count
            let rule = listed.count >= need && free.count < need ? "\(tier).quota+PERSON.leave" : "\(tier).quota"
            checks.append(Check(rule: rule, subject: h.id, need: need, have: free.count,
                                what: "posting-eligible candidates (\(listed.count) listed)"))
            guard need > 0 else { return 0 }
            let groups: [(String, [Role])] = [("doctors", [.doctor]), ("nurses", [.nurse]),
                                              ("medical-technical", [.pharmacist, .technician])]
            for (group, roles) in groups {
                checks.append(Check(rule: "\(tier).team-mix", subject: h.id, need: 1,
                                    have: free.filter { roles.contains($0.role) }.count, what: "posting-eligible \(group)"))
            }
            if pharmacist {
                checks.append(Check(rule: "T1.3331", subject: h.id, need: 1,
                                    have: free.filter { $0.role == .pharmacist }.count, what: "posting-eligible pharmacists"))
            }
            return free.count
        }

        var t1Free = 0
        let t1Senders = institutions.filter { $0.tier == .tertiary }
        for h in t1Senders {
            let q = p.percent("T1.quota").minimumCount(of: h.technicalStaff ?? 0)
            quotas.t1 += q
            t1Free += senderChecks(h, tier: "T1", quota: q, teamSize: p.int("T1.team-size"), pharmacist: true)
        }
        quotas.t1Total = p.int("T1.total")
        if quotas.t1Total > 0 || !t1Senders.isEmpty {
            checks.append(Check(rule: "T1.total", subject: "region", need: quotas.t1Total, have: t1Free,
                                what: "posting-eligible tertiary candidates"))
            let hostCounties = Set(countyHospitals.compactMap(\.county))
            let workstations = villages.filter { $0.central && hostCounties.contains($0.county ?? "") }.count
            checks.append(Check(rule: "T1.3331+T1.locality", subject: "region",
                                need: t1Senders.filter { p.percent("T1.quota").minimumCount(of: $0.technicalStaff ?? 0) > 0 }.count,
                                have: workstations, what: "central village clinics in counties with a county hospital (one per T1 team)"))
        }

        var t2Free = 0
        var countyT2Need: [String: Int] = [:]
        for h in institutions where h.tier == .secondary || h.tier == .county {
            let q = p.percent("T2.quota").minimumCount(of: h.technicalStaff ?? 0)
            quotas.t2 += q
            t2Free += senderChecks(h, tier: "T2", quota: q, teamSize: p.int("T2.team-size"), pharmacist: false)
            countyT2Need[h.id] = q > 0 ? max(q, p.int("T2.team-size")) : 0
            if h.tier == .county, q > 0 {
                checks.append(Check(rule: "T2.locality", subject: h.id, need: 1,
                                    have: townships.filter { $0.county == h.county }.count,
                                    what: "township centres in its county"))
            }
        }
        quotas.t2Total = p.int("T2.total")
        checks.append(Check(rule: "T2.total", subject: "region", need: quotas.t2Total, have: t2Free,
                            what: "posting-eligible secondary and county-hospital candidates"))

        // T3: township quotas, then the region's village helpers and stationing.
        var t3People = 0
        for t in townships {
            let q = p.percent("T3.quota").minimumCount(of: t.medicalStaff ?? 0)
            quotas.t3 += q
            let listed = staffBy[t.id]?.count ?? 0
            t3People += listed
            checks.append(Check(rule: "T3.quota", subject: t.id, need: q, have: listed, what: "candidates"))
        }
        for h in countyHospitals {
            t3People += max(0, (staffBy[h.id]?.count ?? 0) - (countyT2Need[h.id] ?? 0))
        }
        quotas.t3Total = p.int("T3.total")
        quotas.t3Stationed = p.int("T3.total.stationed")
        checks.append(Check(rule: "T3.total", subject: "region", need: quotas.t3Total, have: t3People,
                            what: "township and spare county-hospital candidates"))
        checks.append(Check(rule: "T3.total.stationed+T3.station-target", subject: "region", need: quotas.t3Stationed,
                            have: counts.stationingVillages, what: "villages open to stationing (one helper each)"))

        // TCM: county physicians serve their own county first; city physicians cover the rest.
        let perPhysician = max(1, p.int("TCM.centres-per-physician"))
        let cityHospitals = Set(institutions.filter { $0.tier.isCityHospital }.map(\.id))
        let seniorTCM = s.staff.filter(\.isSeniorTCMPhysician)
        let cityTCM = seniorTCM.filter { cityHospitals.contains($0.institution) }.count
        var leftForCity = 0
        let hospitalCounty = Dictionary(countyHospitals.map { ($0.id, $0.county ?? "") }, uniquingKeysWith: { a, _ in a })
        for c in countyIds {
            let centres = townships.filter { $0.county == c && $0.tcmFeatured }.count
            guard centres > 0 else { continue }
            let own = seniorTCM.filter { hospitalCounty[$0.institution] == c }.count
            leftForCity += max(0, centres - perPhysician * own)
            checks.append(Check(rule: "TCM.weekly+TCM.locality", subject: c, need: centres,
                                have: perPhysician * (own + cityTCM),
                                what: "weekly clinics senior TCM physicians of its county hospitals and the city hospitals can hold"))
        }
        if counts.tcmFeatured > 0 {
            checks.append(Check(rule: "TCM.weekly+TCM.locality", subject: "region", need: leftForCity, have: perPhysician * cityTCM,
                                what: "weekly clinics city senior TCM physicians can hold (centres county physicians cannot cover)"))
        }

        // REGION.total: distinct people who could be dispatched at all.
        quotas.regionTotal = p.int("REGION.total")
        checks.append(Check(rule: "REGION.total", subject: "region", need: quotas.regionTotal, have: t1Free + t2Free + t3People,
                            what: "candidates who could serve in T1, T2 or T3"))

        self.counts = counts
        self.quotas = quotas
        self.checks = checks
    }

    /// County ids in the scenario's order (declared counties first, then any only used).
    static func orderedCounties(_ s: Scenario) -> [String] {
        var ids = s.counties.map(\.id)
        for i in s.institutions { if let c = i.county, !ids.contains(c) { ids.append(c) } }
        return ids
    }

    /// The report as text lines: counts, quota sums beside the totals, then every check that
    /// is short or whose room is under `tightBelow` (have/need).
    public func lines(tightBelow: Double = 1.5) -> [String] {
        let c = counts, q = quotas
        var out = [
            "counties \(c.counties); hospitals: \(c.tertiary) tertiary, \(c.secondary) secondary, \(c.countyHospitals) county",
            "township centres \(c.townships) (\(c.tcmFeatured) TCM-featured); villages \(c.villages) in \(c.serviceAreas) service areas, population \(c.population)",
            "central clinics \(c.centralClinics); villages open to stationing \(c.stationingVillages); clinics without a licensed physician \(c.noLicensedPhysician)",
            "candidates \(c.candidates) (\(c.withLeave) with leave, \(c.withHometown) with a home village)",
            "quota sums: T1 \(q.t1) (T1.total \(q.t1Total)), T2 \(q.t2) (T2.total \(q.t2Total)), T3 \(q.t3) (T3.total \(q.t3Total), stationed \(q.t3Stationed)); REGION.total \(q.regionTotal)",
        ]
        let shown = checks.filter { !$0.isMet || ($0.need > 0 && Double($0.have) < tightBelow * Double($0.need)) }
        if shown.isEmpty {
            out.append("every necessary condition has at least \(tightBelow)× room (tightest \(Self.ratioText(tightestRatio)))")
        } else {
            out += shown.map(\.description)
        }
        return out
    }

    static func ratioText(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        let hundredths = Int((x * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)×"
    }
}

/// Whether a candidate's leave leaves room for a full-time posting (rules.md, "Leave and
/// postings"): some window of the posting's length inside the period overlaps their leave by at
/// most `posting.max-leave-days` working days.
public struct PostingEligibility: Sendable {
    let period: DayRange
    let calendar: WorkCalendar
    let maxLeave: Int
    let months: [String: Int]

    public init(scenario s: Scenario) {
        period = s.period
        calendar = s.calendar
        maxLeave = s.parameters.int("posting.max-leave-days")
        months = ["T1": s.parameters.int("T1.duration-months"), "T2": s.parameters.int("T2.duration-months"),
                  "T3": s.parameters.int("T3.station-months")]
    }

    /// Whether `m` may hold a posting of `tier` (`T1`, `T2`, or `T3` for stationing).
    public func canHoldPosting(_ m: StaffMember, tier: String) -> Bool {
        guard !m.unavailable.isEmpty else { return true }
        return leastLeaveInWindow(m, months: months[tier] ?? 12) <= maxLeave
    }

    /// The fewest working days of leave any posting window of `months` months overlaps; a
    /// period shorter than the posting is one window.
    public func leastLeaveInWindow(_ m: StaffMember, months: Int) -> Int {
        let days = period.days
        var prefix = [0]
        prefix.reserveCapacity(days.count + 1)
        for d in days {
            let off = calendar.isWorkingDay(d) && m.unavailable.contains { $0.contains(d) }
            prefix.append(prefix.last! + (off ? 1 : 0))
        }
        var best = Int.max
        var start = period.from
        while true {
            let end = start.adding(months: months).adding(days: -1)
            if end > period.to { break }
            let a = start.ordinal - period.from.ordinal, b = end.ordinal - period.from.ordinal
            best = min(best, prefix[b + 1] - prefix[a])
            start = start.adding(days: 1)
        }
        return best == Int.max ? prefix.last! : best
    }
}
