/// A proven lower bound on the people the rules make a region dispatch in a year.
///
/// Combinatorial, from the scenario alone (no solver), each step a rule of rules.md:
/// - a sender with a quota above 0 sends at least one team (T1.quota, T2.quota: "every listed
///   sender sends"), and a team has at least T1.team-size / T2.team-size people: the sender
///   sends at least max(quota, team size);
/// - a township centre sends at least its T3.quota to villages; county hospitals need send
///   none (T3.quota binds township centres only);
/// - a tier sends at least max(its total, the sum of its senders' minimums) — with
///   `totals.by-sender = 1` (Yanggu) the total binds only the county hospitals' T2 people and
///   the township centres' village helpers; T3 also at least T3.total.stationed;
/// - T1, T2 and T3 people are different people (a full-time posting excludes any other duty,
///   PERSON.one-posting), so the region sends at least max(REGION.total, T1 + T2 + T3).
///
/// No compliant plan sends fewer; the default objective (fewest people first) plans for it,
/// and the summary says why when a plan sends more.
///
/// ```swift
/// let bound = DispatchLowerBound(scenario: heze)
/// bound.region                    // 1032 on the generated Heze city scenario
/// bound.perHospital["cao-people"] // 10: ⌈1.6% × 600⌉ and at least one team of 5
/// ```
public struct DispatchLowerBound: Sendable, Hashable {
    /// The least each sender sends in its own tier (T1 for tertiary hospitals, T2 for
    /// secondary and county hospitals, T3 for township centres).
    public var perHospital: [String: Int]
    public var t1: Int
    public var t2: Int
    public var t3: Int
    public var region: Int

    public init(scenario: Scenario) {
        let p = scenario.parameters
        func quota(_ key: String, _ n: Int?) -> Int {
            guard let n, n > 0 else { return 0 }
            return max(1, p.percent(key).minimumCount(of: n))
        }
        var per: [String: Int] = [:]
        var t1Senders = 0, secondary = 0, county = 0, township = 0
        for i in scenario.institutions {
            switch i.tier {
            case .tertiary:
                let q = quota("T1.quota", i.technicalStaff)
                let need = q > 0 ? max(q, p.int("T1.team-size")) : 0
                per[i.id] = need; t1Senders += need
            case .secondary, .county:
                let q = quota("T2.quota", i.technicalStaff)
                let need = q > 0 ? max(q, p.int("T2.team-size")) : 0
                per[i.id] = need
                if i.tier == .county { county += need } else { secondary += need }
            case .township:
                let need = quota("T3.quota", i.medicalStaff)
                per[i.id] = need; township += need
            case .village:
                break
            }
        }
        perHospital = per
        t1 = max(p.int("T1.total"), t1Senders)
        if p.totalsCountBySender {
            t2 = max(p.int("T2.total"), county) + secondary
            t3 = max(max(p.int("T3.total"), township), p.int("T3.total.stationed"))
        } else {
            t2 = max(p.int("T2.total"), county + secondary)
            t3 = max(p.int("T3.total"), p.int("T3.total.stationed"), township)
        }
        region = max(p.int("REGION.total"), t1 + t2 + t3)
    }
}
