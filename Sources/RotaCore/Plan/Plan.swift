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
    /// Members who handed their place to a colleague of the same sender during the term (a
    /// re-plan's posting change), by date; absent when nobody did. `members` and `group3331`
    /// name the team as it was formed on `start`.
    public var replacements: [PlanReplacement]?

    public init(tier: String, sender: String, recipient: String, start: String, end: String,
                members: [String], group3331: PlanGroup3331? = nil, replacements: [PlanReplacement]? = nil) {
        self.tier = tier; self.id = "\(tier):\(sender)>\(recipient)"; self.sender = sender
        self.recipient = recipient; self.start = start; self.end = end; self.members = members.sorted()
        self.group3331 = group3331
        self.replacements = replacements
    }
}

/// A team member replaced mid-term by a colleague of the same sending hospital.
///
/// The team's posting keeps its dates (T1/T2.duration is the team's year); `person` serves it
/// from the team's start to the day before `from`, `replacement` from `from` to its end, in
/// the same place — and in `person`'s 3331 group role, if they had one. The replacement fills
/// the seat of the person replaced: the team's size, the sender's quota and the region's
/// totals count the seat once (rules.md, "Replacement in a posting"; docs/replan-format.md).
///
/// ```json
/// { "person": "hzm-0123", "replacement": "hzm-0140", "from": "2025-07-01", "reason": "absence of hzm-0123 2025-07-01..2025-09-30 (sick leave)" }
/// ```
public struct PlanReplacement: Codable, Hashable, Sendable {
    /// The member who leaves the posting (a member of the team, or an earlier replacement).
    public var person: String
    /// The colleague of the same sender who takes the place over.
    public var replacement: String
    /// The replacement's first day (ISO); the person replaced served until the day before.
    public var from: String
    /// Why, in the planner's words (the change file's event).
    public var reason: String?

    public init(person: String, replacement: String, from: String, reason: String? = nil) {
        self.person = person; self.replacement = replacement; self.from = from; self.reason = reason
    }
}

extension PlanTeam {
    /// Everyone who serves in the team at some time: the members as formed and their
    /// replacements, each once, sorted.
    public var everyone: [String] {
        Array(Set(members + (replacements ?? []).map(\.replacement))).sorted()
    }

    /// The team cut at its replacement days: each part with its dates, the people serving
    /// then and the 3331 group of then (a replacement takes over the role of the person
    /// replaced). A team without replacements is its own single part.
    ///
    /// ```swift
    /// team.spans.map { "\($0.start)..\($0.end)" }   // ["2025-01-01..2025-06-30", "2025-07-01..2025-12-31"]
    /// ```
    public var spans: [PlanTeam] {
        guard let written = replacements, !written.isEmpty,
              let first = Day(iso: start), let last = Day(iso: end) else { return [self] }
        var out: [PlanTeam] = []
        var current = self
        current.replacements = nil
        var spanStart = first
        for r in written.sorted(by: { $0.from < $1.from }) {
            guard let day = Day(iso: r.from), day > spanStart, day <= last, current.members.contains(r.person) else { continue }
            var part = current
            part.start = spanStart.iso; part.end = day.adding(days: -1).iso
            out.append(part)
            current.members = (current.members.filter { $0 != r.person } + [r.replacement]).sorted()
            if var g = current.group3331 {
                if g.doctor == r.person { g.doctor = r.replacement }
                if g.nurse == r.person { g.nurse = r.replacement }
                if g.pharmacist == r.person { g.pharmacist = r.replacement }
                current.group3331 = g
            }
            spanStart = day
        }
        current.start = spanStart.iso
        out.append(current)
        return out
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
    /// A handover (a re-plan's): the helper whose duty of the same form at the same site ends
    /// the day before `start` and whom this one continues. nil (absent in plan.json, so
    /// earlier plans read as before) for a duty that takes over from no one.
    public var takesOverFrom: String?
    public init(person: String, sender: String, form: VillageHelpForm, site: String, start: String, end: String, takesOverFrom: String? = nil) {
        self.person = person; self.sender = sender; self.form = form; self.site = site; self.start = start; self.end = end
        self.takesOverFrom = takesOverFrom
    }
}

/// A senior TCM physician's weekly clinic at a TCM-featured township centre.
public struct PlanTCMClinic: Codable, Hashable, Sendable {
    public var centre: String
    public var physician: String
    public var sender: String
    public var start: String
    public var end: String
    /// A handover: the physician whose clinic at this centre ends the day before `start` and
    /// whom this one continues (their leave runs on from that day). nil (absent in plan.json,
    /// so earlier plans read as before) for a clinic that takes over from no one.
    public var takesOverFrom: String?
    public init(centre: String, physician: String, sender: String, start: String, end: String, takesOverFrom: String? = nil) {
        self.centre = centre; self.physician = physician; self.sender = sender; self.start = start; self.end = end
        self.takesOverFrom = takesOverFrom
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
