import RotaCore
import RotaInput
import RotaSolver
/// What the planner derives from a scenario before it builds a model: who may serve in which
/// form, where, and what each rule asks in numbers.
///
/// Every list is in scenario order or sorted by id, so models built from it are identical run
/// to run. The verifier does not use this type: it derives the same facts on its own.
struct PlanningInstance {
    let scenario: Scenario
    let parameters: Parameters
    let institutions: [String: Institution]
    let period: DayRange
    /// Working days of the period (Mon–Fri, less holidays, plus adjusted working days).
    let workingDays: Set<Day>

    let tertiary: [Institution]
    let secondary: [Institution]
    let countyHospitals: [Institution]
    let townships: [Institution]
    let villages: [Institution]

    /// Candidates per institution id, in scenario order.
    let staffOf: [String: [StaffMember]]
    /// Candidates whose leave lets them take a full-time posting.
    let postingEligible: Set<String>
    /// Working days of leave inside the period, per person.
    let leaveWorkingDays: [String: Int]
    /// Candidates free enough in every month to sit in a T1 team's 3331 group with any two
    /// others who are too (`AnnualModel`'s `T1.group-ready`).
    ///
    /// Discussion: a month of W working days inside the period asks R = min(k, W) group visits
    /// (k = `T1.3331.visits-per-month`). A person is ready when in every month their leave covers
    /// at most ⌊(W − R) / 3⌋ working days: the leave of any three ready people then covers at most
    /// W − R days of the month, so the three are together on at least R of them. Someone away a
    /// whole month (allowed for a posting: `posting.max-leave-days`) is not ready.
    let groupReady: Set<String>

    /// Candidates by id.
    let staffById: [String: StaffMember]
    /// Earlier pairings, as `from>to`.
    let links: Set<String>
    /// Villages eligible for a stationed helper (T3.station-target).
    let stationVillages: [Institution]
    /// Villages whose clinic has no licensed physician (T3.tech-support).
    let techSupportClinics: [Institution]
    /// Family-doctor service areas and their villages, sorted by area id.
    let serviceAreas: [(id: String, villages: [Institution])]

    /// The stints a village may host one after the other (rules.md, "Stationing stints"): the
    /// first `T3.station-months` of the period and the rest, when both are at least that long;
    /// empty when the period holds only one stint. A whole-period stationing is always possible
    /// besides (when the period holds one stint).
    var stationStints: [DayRange] {
        let months = parameters.int("T3.station-months")
        guard months > 0 else { return [] }
        let middle = period.from.adding(months: months)
        guard middle <= period.to, middle.adding(months: months).adding(days: -1) <= period.to else { return [] }
        return [DayRange(from: period.from, to: middle.adding(days: -1)), DayRange(from: middle, to: period.to)]
    }

    /// Whether the period is long enough for a posting of `months`.
    func periodAllows(months: Int) -> Bool { period.from.adding(months: months).adding(days: -1) <= period.to }

    init(scenario: Scenario) {
        self.scenario = scenario
        self.parameters = scenario.parameters
        self.institutions = scenario.institutionIndex()
        self.period = scenario.period
        let holidays = Set(scenario.calendar.holidays), workdays = Set(scenario.calendar.workdays)
        func isWorking(_ d: Day) -> Bool { workdays.contains(d) || (!holidays.contains(d) && !d.isWeekend) }
        let working = Set(scenario.period.days.filter(isWorking))
        self.workingDays = working
        let byTier = Dictionary(grouping: scenario.institutions, by: \.tier)
        tertiary = byTier[.tertiary] ?? []
        secondary = byTier[.secondary] ?? []
        countyHospitals = byTier[.county] ?? []
        townships = byTier[.township] ?? []
        villages = byTier[.village] ?? []
        staffOf = Dictionary(grouping: scenario.staff, by: \.institution)
        var leave: [String: Int] = [:]
        var eligible = Set<String>(), ready = Set<String>()
        let maxLeave = scenario.parameters.int("posting.max-leave-days")
        // Per month of the period: the leave days a group member may have (see `groupReady`).
        let visits = scenario.parameters.int("T1.3331.visits-per-month")
        var workingInMonth: [Day: Int] = [:]
        for d in working { workingInMonth[d.monthStart, default: 0] += 1 }
        let allowance = workingInMonth.mapValues { w in (w - min(visits, w)) / 3 }
        for p in scenario.staff {
            var days = Set<Day>()
            for r in p.unavailable { if let c = r.clipped(to: scenario.period) { days.formUnion(c.days) } }
            let away = days.filter { working.contains($0) }
            leave[p.id] = away.count
            if away.count <= maxLeave { eligible.insert(p.id) }
            var awayInMonth: [Day: Int] = [:]
            for d in away { awayInMonth[d.monthStart, default: 0] += 1 }
            if awayInMonth.allSatisfy({ $0.value <= allowance[$0.key, default: 0] }) { ready.insert(p.id) }
        }
        leaveWorkingDays = leave
        postingEligible = eligible
        groupReady = ready
        staffById = scenario.staffIndex()
        links = Set(scenario.links.map { $0.from + ">" + $0.to })
        let minimum = scenario.parameters.int("T3.station-population")
        let villages = self.villages
        stationVillages = villages.filter { ($0.population ?? 0) >= minimum && (!$0.villageDoctor || !$0.integrated) }
        techSupportClinics = villages.filter { !$0.licensedPhysician }
        serviceAreas = Dictionary(grouping: villages, by: \.effectiveServiceArea).map { ($0.key, $0.value) }.sorted { $0.id < $1.id }
    }

    func staff(of id: String) -> [StaffMember] { staffOf[id] ?? [] }

    /// Township centres a T2 sender may help: anywhere for city hospitals, its own county for a county hospital.
    func t2Recipients(of h: Institution) -> [Institution] {
        h.tier == .county ? townships.filter { $0.county == h.county } : townships
    }


    /// Central village clinics (T1.3331 workstations) of a county.
    func centralClinics(in county: String?) -> [Institution] { villages.filter { $0.central && $0.county == county } }

    /// Whether a T3 sender may serve a village: its own township (township centre) or county (county hospital).
    func mayServeVillage(_ sender: Institution, _ v: Institution) -> Bool {
        switch sender.tier {
        case .township: return v.township == sender.id
        case .county: return v.county == sender.county
        default: return false
        }
    }


    /// TCM-featured township centres.
    var tcmCentres: [Institution] { townships.filter(\.tcmFeatured) }

    /// Whether a physician's hospital may send a TCM visitor to a centre (TCM.locality).
    func mayHoldTCMClinic(_ sender: Institution, at centre: Institution) -> Bool {
        sender.tier.isCityHospital || (sender.tier == .county && sender.county == centre.county)
    }

    /// ⌈p% × n⌉, and at least 1 when n > 0 ("every listed sender sends").
    func quota(_ key: String, of n: Int?) -> Int {
        guard let n, n > 0 else { return 0 }
        return max(1, parameters.percent(key).minimumCount(of: n))
    }

    /// Kilometres between two institutions, when both have locations.
    func distance(_ a: Institution, _ b: Institution) -> Int? {
        guard let x = a.location, let y = b.location else { return nil }
        return x.kilometres(to: y)
    }

    /// Whether the scenario links a sender to a recipient from an earlier year.
    func isLinked(_ from: String, _ to: String) -> Bool { links.contains(from + ">" + to) }
}
