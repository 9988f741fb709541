import RotaCore
/// What every check of one verification run looks things up in: the scenario's
/// institutions, staff, service areas, parameters and calendar, indexed once.
///
/// Built from the scenario alone, never from planner code. It also turns rule ids into
/// `RuleCheck`s (clause and quote from `RuleCatalogue`), and ids into the display text a
/// planner reads (`菏泽市立医院 (hz-municipal)`).
///
/// ```swift
/// let ctx = VerificationContext(scenario: scenario)
/// ctx.label(institution: "hz-municipal")   // "菏泽市立医院 (hz-municipal)"
/// ctx.villages(inArea: "cao-hanji-a1")     // the area's villages, sorted by id
/// ```
struct VerificationContext: Sendable {
    let scenario: Scenario
    let parameters: Parameters
    let period: DayRange
    let institutions: [String: Institution]
    let staff: [String: StaffMember]
    /// Institution id → name, and person id → name: the display text, without copying whole records.
    let institutionNames: [String: String], staffNames: [String: String]
    /// Service-area id → its villages, sorted by id.
    let serviceAreas: [String: [Institution]]
    let calendar: PlanVerifier.WorkingDays

    init(scenario: Scenario) {
        self.scenario = scenario
        self.parameters = scenario.parameters
        self.period = scenario.period
        var institutions: [String: Institution] = [:]
        for i in scenario.institutions where institutions[i.id] == nil { institutions[i.id] = i }
        self.institutions = institutions
        var staff: [String: StaffMember] = [:]
        for s in scenario.staff where staff[s.id] == nil { staff[s.id] = s }
        self.staff = staff
        self.institutionNames = institutions.mapValues(\.name)
        self.staffNames = staff.mapValues(\.name)
        var areas: [String: [Institution]] = [:]
        for v in scenario.institutions where v.tier == .village {
            areas[v.serviceArea ?? v.id, default: []].append(v)
        }
        self.serviceAreas = areas.mapValues { $0.sorted { $0.id < $1.id } }
        self.calendar = PlanVerifier.WorkingDays(holidays: scenario.calendar.holidays, workdays: scenario.calendar.workdays)
    }

    /// Institutions of one tier, sorted by id.
    /// Whether `person` may hold (or cover) the TCM clinic of `centre` (TCM.locality): a
    /// senior-title TCM doctor of a city hospital, or of a county hospital in the centre's county.
    func mayHoldTCMClinic(_ person: StaffMember, at centre: String) -> Bool {
        guard PlanVerifier.isSeniorTCMDoctor(person), let home = institutions[person.institution] else { return false }
        return home.tier == .tertiary || home.tier == .secondary
            || (home.tier == .county && home.county != nil && home.county == institutions[centre]?.county)
    }

    func institutions(of tier: Tier) -> [Institution] {
        institutions.values.filter { $0.tier == tier }.sorted { $0.id < $1.id }
    }

    /// The villages of a service area (empty when no village names it).
    func villages(inArea area: String) -> [Institution] { serviceAreas[area] ?? [] }

    // MARK: Display text

    func institutionName(_ id: String) -> String { institutionNames[id] ?? "" }
    func personName(_ id: String) -> String { staffNames[id] ?? "" }

    /// `菏泽市立医院 (hz-municipal)`, or `unknown institution "x"`.
    func label(institution id: String) -> String {
        institutionNames[id].map { "\($0) (\(id))" } ?? "unknown institution \"\(id)\""
    }

    /// `张伟 (hzm-0001)`, or `unknown person "x"`.
    func label(person id: String) -> String {
        staffNames[id].map { "\($0) (\(id))" } ?? "unknown person \"\(id)\""
    }

    /// The county a county-tier, township or village institution belongs to, named.
    func countyLabel(_ id: String?) -> String {
        guard let id else { return "no county" }
        let name = scenario.countyName(id)
        return name == id ? id : "\(name) (\(id))"
    }

    // MARK: Subjects and witnesses

    func subject(institution id: String) -> CheckSubject {
        CheckSubject(kind: .institution, id: id, name: institutionName(id))
    }

    func subject(person id: String) -> CheckSubject {
        CheckSubject(kind: .person, id: id, name: personName(id))
    }

    func subject(team: PlanTeam) -> CheckSubject {
        let from = institutions[team.sender]?.name ?? team.sender
        let to = institutions[team.recipient]?.name ?? team.recipient
        return CheckSubject(kind: .team, id: team.id, name: "\(from) → \(to)")
    }

    var regionSubject: CheckSubject {
        CheckSubject(kind: .region, id: scenario.name, name: "the whole region")
    }

    func witness(person id: String, note: String = "") -> Witness {
        Witness(.person, id, name: personName(id), note: note)
    }

    func witness(institution id: String, note: String = "") -> Witness {
        Witness(.institution, id, name: institutionName(id), note: note)
    }

    // MARK: Building checks

    /// A check of rule `ruleID`; its instance key is `ruleID[key]`.
    func check(_ ruleID: String, _ key: String, subject: CheckSubject, quantities: [Quantity],
               arithmetic: String, finding: String, witnesses: [Witness] = [], passed: Bool) -> RuleCheck {
        RuleCheck(rule: PlanVerifier.rule(ruleID), instance: "\(ruleID)[\(key)]", subject: subject,
                  quantities: quantities, arithmetic: arithmetic, finding: finding,
                  witnesses: witnesses, verdict: passed ? .pass : .fail)
    }
}

/// Small text helpers the checks share for their arithmetic and findings.
enum VerifyText {
    /// `a ≥ b` or `a < b`, whichever holds.
    static func atLeast(_ a: Int, _ b: Int) -> String { a >= b ? "\(a) ≥ \(b)" : "\(a) < \(b)" }

    /// `a ≤ b` or `a > b`, whichever holds.
    static func atMost(_ a: Int, _ b: Int) -> String { a <= b ? "\(a) ≤ \(b)" : "\(a) > \(b)" }

    /// "1 person" / "3 people"-style counting.
    static func counted(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }
}
