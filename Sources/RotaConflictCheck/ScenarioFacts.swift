import RotaCore
import RotaVerifier

/// What the re-check derives from a scenario, on its own: who may serve in which form and
/// where, what each rule asks in numbers, and every rule instance a conflict may name.
///
/// Written apart from the planner's `PlanningInstance` on purpose: working days come from the
/// verifier's calendar, quotas from the verifier's integer `PercentQuota`, and the stationing
/// capacity reads the settled "Stationing stints" rule (rules.md), which the planner's model
/// may not. Where the two derivations disagree, the re-check refuses the conflict.
///
/// ```swift
/// let facts = ScenarioFacts(scenario: scenario)
/// facts.required(quota: "T1.quota", of: hzTCM)   // 15 (⌈1.2% × 1200⌉)
/// facts.stints                                    // 2 (two half-year stints in 2025)
/// ```
struct ScenarioFacts {
    let scenario: Scenario
    let parameters: Parameters
    /// Institutions by id (the first of a repeated id), and in scenario order per tier.
    let institutions: [String: Institution]
    let tertiary: [Institution], secondary: [Institution], countyHospitals: [Institution], townships: [Institution], villages: [Institution]
    /// Candidates per institution, in scenario order; candidates by id.
    let staffOf: [String: [StaffMember]]
    let staffById: [String: StaffMember]
    /// Working days of leave inside the period, per person.
    let leaveDays: [String: Int]
    /// `posting.max-leave-days`.
    let maxLeave: Int
    /// Villages open to stationing (T3.station-target), in scenario order.
    let stationVillages: [Institution]
    /// Successive stints of `T3.station-months` a village can host in the period (rules.md,
    /// "Stationing stints"): the largest k with k stints fitting between the period's ends.
    let stints: Int
    /// Per T3 sender (county hospital, township centre): the villages it may serve, and those of
    /// them open to stationing, in scenario order.
    let servedVillages: [String: [Institution]], servedStationVillages: [String: [Institution]]

    init(scenario: Scenario) {
        self.scenario = scenario
        parameters = scenario.parameters
        var index: [String: Institution] = [:]
        for i in scenario.institutions where index[i.id] == nil { index[i.id] = i }
        institutions = index
        let listed = scenario.institutions.filter { index[$0.id] == $0 }
        tertiary = listed.filter { $0.tier == .tertiary }
        secondary = listed.filter { $0.tier == .secondary }
        countyHospitals = listed.filter { $0.tier == .county }
        townships = listed.filter { $0.tier == .township }
        villages = listed.filter { $0.tier == .village }
        var byId: [String: StaffMember] = [:]
        for s in scenario.staff where byId[s.id] == nil { byId[s.id] = s }
        staffById = byId
        let people = scenario.staff.filter { byId[$0.id] == $0 }
        staffOf = Dictionary(grouping: people, by: \.institution)
        let calendar = PlanVerifier.WorkingDays(holidays: scenario.calendar.holidays, workdays: scenario.calendar.workdays)
        var leave: [String: Int] = [:]
        for p in people {
            leave[p.id] = calendar.count(in: p.unavailable.compactMap { $0.clipped(to: scenario.period) })
        }
        leaveDays = leave
        maxLeave = scenario.parameters.int("posting.max-leave-days")
        let population = scenario.parameters.int("T3.station-population")
        stationVillages = villages.filter { ($0.population ?? 0) >= population && (!$0.villageDoctor || !$0.integrated) }
        let months = scenario.parameters.int("T3.station-months")
        var k = 0
        while k < 1000, ScenarioFacts.fits(months: (k + 1) * months, in: scenario.period) { k += 1 }
        stints = k
        var served: [String: [Institution]] = [:], stationed: [String: [Institution]] = [:]
        let open = Set(stationVillages.map(\.id))
        let byTownship = Dictionary(grouping: villages.filter { $0.township != nil }, by: { $0.township! })
        let byCounty = Dictionary(grouping: villages.filter { $0.county != nil }, by: { $0.county! })
        for h in countyHospitals + townships {
            let list = h.tier == .township ? byTownship[h.id] ?? [] : h.county.map { byCounty[$0] ?? [] } ?? []
            served[h.id] = list
            stationed[h.id] = list.filter { open.contains($0.id) }
        }
        servedVillages = served
        servedStationVillages = stationed
    }

    /// Whether `months` consecutive months from the period's first day end inside it.
    static func fits(months: Int, in period: DayRange) -> Bool {
        guard months > 0, months < 120_000 else { return months <= 0 }
        return period.from.adding(months: months).adding(days: -1) <= period.to
    }

    func staff(of id: String) -> [StaffMember] { staffOf[id] ?? [] }
    func name(_ id: String) -> String { institutions[id]?.name ?? id }

    /// Whether a person's leave lets them take a full-time posting (PERSON.leave).
    func isFreeForPosting(_ id: String) -> Bool { (leaveDays[id] ?? 0) <= maxLeave }

    /// ⌈p% × n⌉ in integers, at least 1 when n > 0 ("every listed sender sends"); 0 without staff.
    func required(quota key: String, of h: Institution) -> Int {
        let base = (key == "T3.quota" ? h.medicalStaff : h.technicalStaff) ?? 0
        guard base > 0 else { return 0 }
        let q = PlanVerifier.PercentQuota(percent: parameters.percent(key), base: base)
        return max(1, q.required ?? Int.max / 4)
    }

    /// Township centres a T2 sender may help (T2.locality).
    func t2Recipients(of h: Institution) -> [Institution] {
        switch h.tier {
        case .county: return townships.filter { $0.county == h.county }
        case .secondary: return townships
        default: return []
        }
    }

    /// County hospitals a T1 team may go to.
    func t1Recipients(of h: Institution) -> [Institution] { h.tier == .tertiary ? countyHospitals : [] }

    /// Team recipients of a sender, by its tier.
    func teamRecipients(of h: Institution) -> [Institution] { h.tier == .tertiary ? t1Recipients(of: h) : t2Recipients(of: h) }

    /// Villages a T3 sender may serve: its own township (a centre) or county (a county hospital).
    func villages(servedBy h: Institution) -> [Institution] { servedVillages[h.id] ?? [] }

    /// Central village clinics (3331 workstations) of a county.
    func centralClinics(in county: String?) -> [Institution] { villages.filter { $0.central && $0.county == county } }

    /// Whether a physician's hospital may send a TCM visitor to a centre (a city hospital, or a
    /// county hospital of the centre's county).
    func mayHoldTCMClinic(_ h: Institution, at centre: Institution) -> Bool {
        h.tier == .tertiary || h.tier == .secondary || (h.tier == .county && h.county == centre.county)
    }

    /// The PERSON.leave instance id a candidate on leave is named by: the person, or a class of
    /// interchangeable candidates `hospital~role~specialty~leave` (the planner's label form).
    func leaveSubject(of p: StaffMember) -> String {
        if p.hometown != nil || p.isSeniorTCMPhysician { return p.id }
        return "\(p.institution)~\(p.role.rawValue)~\(ScenarioFacts.specialtyKey(p.specialty))~leave"
    }

    /// A specialty as a label part: lower case, `-` when absent, blanks and `,[]` as `_`.
    static func specialtyKey(_ specialty: String?) -> String {
        (specialty?.lowercased() ?? "-").map { $0.isWhitespace || $0 == "," || $0 == "[" || $0 == "]" ? "_" : String($0) }.joined()
    }

    /// Whether the period is too short for postings of `months` (T1/T2.duration, T3.station-continuity).
    func periodTooShort(_ key: String) -> Bool { !ScenarioFacts.fits(months: parameters.int(key), in: scenario.period) }
}
