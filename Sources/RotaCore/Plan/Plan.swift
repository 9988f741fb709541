import Foundation

/// The year's dispatch plan: every team, village helper and TCM clinic physician.
///
/// This is what `rota plan` writes as `plan.json` and what `rota verify` reads. The format
/// is documented in `docs/plan-format.md`; `format` names its version. Every list is sorted
/// (teams by id, helpers by person, clinics by centre) so the same plan gives the same bytes.
public struct Plan: Codable, Hashable, Sendable {
    public static let formatVersion = "rota-plan/1"

    public var format: String
    /// The scenario's `name`.
    public var scenario: String
    public var profile: String
    public var period: PlanPeriod
    public var teams: [PlanTeam]
    public var villageHelpers: [PlanVillageHelper]
    public var tcmClinics: [PlanTCMClinic]
    /// What the soft rules left uncovered (reported, not a breach).
    public var coverage: PlanCoverage
    /// The solver's account, when the plan came from `rota plan`.
    public var solver: PlanSolver?

    public init(scenario: String, profile: String, period: PlanPeriod, teams: [PlanTeam] = [],
                villageHelpers: [PlanVillageHelper] = [], tcmClinics: [PlanTCMClinic] = [],
                coverage: PlanCoverage = PlanCoverage(), solver: PlanSolver? = nil) {
        self.format = Plan.formatVersion
        self.scenario = scenario; self.profile = profile; self.period = period; self.teams = teams
        self.villageHelpers = villageHelpers; self.tcmClinics = tcmClinics; self.coverage = coverage
        self.solver = solver
    }

    /// The canonical JSON bytes rota writes: sorted keys, two-space indentation, a final newline.
    public func jsonData() throws -> Data { try WrittenJSON.data(self) }

    /// Reads a plan written by `jsonData()` (or by hand in the same format).
    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: data)
    }
}

/// An inclusive ISO date range.
public struct PlanPeriod: Codable, Hashable, Sendable {
    public var start: String
    public var end: String
    public init(start: String, end: String) { self.start = start; self.end = end }
}

/// A T1 or T2 team posted full-time from one sender to one recipient.
public struct PlanTeam: Codable, Hashable, Sendable {
    /// `T1` or `T2`.
    public var tier: String
    /// Stable id: `TIER:SENDER>RECIPIENT` (a sender has at most one team per recipient).
    public var id: String
    public var sender: String
    /// A county hospital (T1) or township centre (T2).
    public var recipient: String
    public var start: String
    public var end: String
    /// Staff ids, sorted.
    public var members: [String]
    /// T1 only: the 3331 group and its workstation clinic.
    public var group3331: PlanGroup3331?

    public init(tier: String, sender: String, recipient: String, start: String, end: String,
                members: [String], group3331: PlanGroup3331? = nil) {
        self.tier = tier; self.id = "\(tier):\(sender)>\(recipient)"; self.sender = sender
        self.recipient = recipient; self.start = start; self.end = end; self.members = members.sorted()
        self.group3331 = group3331
    }
}

/// A T1 team's doctor–nurse–pharmacist group and its central village clinic.
public struct PlanGroup3331: Codable, Hashable, Sendable {
    public var doctor: String
    public var nurse: String
    public var pharmacist: String
    /// A central village clinic of the recipient's county.
    public var workstation: String
    public init(doctor: String, nurse: String, pharmacist: String, workstation: String) {
        self.doctor = doctor; self.nurse = nurse; self.pharmacist = pharmacist; self.workstation = workstation
    }
}

/// The three forms of village help (T3).
public enum VillageHelpForm: String, Codable, CaseIterable, Sendable {
    /// 派驻: full-time at one village.
    case station
    /// 巡回医疗: sessions across a family-doctor service area.
    case rounds
    /// 业务技术帮扶: visits to a clinic with no licensed physician.
    case techSupport = "tech-support"
}

/// One village helper's duty.
public struct PlanVillageHelper: Codable, Hashable, Sendable {
    public var person: String
    /// The helper's own institution (a county hospital or township centre).
    public var sender: String
    public var form: VillageHelpForm
    /// A village id (station, tech-support) or a service-area id (rounds).
    public var site: String
    public var start: String
    public var end: String
    public init(person: String, sender: String, form: VillageHelpForm, site: String, start: String, end: String) {
        self.person = person; self.sender = sender; self.form = form; self.site = site; self.start = start; self.end = end
    }
}

/// A senior TCM physician's weekly clinic at a TCM-featured township centre.
public struct PlanTCMClinic: Codable, Hashable, Sendable {
    public var centre: String
    public var physician: String
    public var sender: String
    public var start: String
    public var end: String
    public init(centre: String, physician: String, sender: String, start: String, end: String) {
        self.centre = centre; self.physician = physician; self.sender = sender; self.start = start; self.end = end
    }
}

/// What the soft coverage rules left to local staff, sorted ids.
public struct PlanCoverage: Codable, Hashable, Sendable {
    /// Township centres with no T2 team (T2.coverage).
    public var townshipsWithoutTeam: [String]
    /// Villages eligible for stationing with no stationed helper.
    public var eligibleVillagesUnstationed: [String]
    /// Clinics with no licensed physician and no technical-support helper.
    public var clinicsWithoutTechSupport: [String]
    /// Service areas with no rounds helper.
    public var serviceAreasWithoutRounds: [String]
    public init(townshipsWithoutTeam: [String] = [], eligibleVillagesUnstationed: [String] = [],
                clinicsWithoutTechSupport: [String] = [], serviceAreasWithoutRounds: [String] = []) {
        self.townshipsWithoutTeam = townshipsWithoutTeam
        self.eligibleVillagesUnstationed = eligibleVillagesUnstationed
        self.clinicsWithoutTechSupport = clinicsWithoutTechSupport
        self.serviceAreasWithoutRounds = serviceAreasWithoutRounds
    }
}

/// The solver's account of how the plan was found.
public struct PlanSolver: Codable, Hashable, Sendable {
    /// `optimal`, `feasible` (stopped at the gap or time limit with a plan).
    public var status: String
    public var objective: Double
    public var bound: Double
    /// Relative gap |objective − bound| / |objective|, 0 when proven optimal.
    public var gap: Double
    public var models: Int
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    /// Seconds of `--time-limit`, present when the limit cut the search before the gap was
    /// proven (`status` is then `feasible`).
    public var timeLimit: Double?
    /// True when no bound was proven (the limit came before the LP relaxation was solved, or
    /// the plan is the greedy start): `bound` and `gap` then say nothing.
    public var noBound: Bool?
    public init(status: String, objective: Double, bound: Double, gap: Double, models: Int,
                rows: Int, columns: Int, integerColumns: Int) {
        self.status = status; self.objective = objective; self.bound = bound; self.gap = gap
        self.models = models; self.rows = rows; self.columns = columns; self.integerColumns = integerColumns
    }
}
