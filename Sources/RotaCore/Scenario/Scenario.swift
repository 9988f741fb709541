import Foundation

/// The five kinds of institution in the dispatch chain.
///
/// City hospitals (`tertiary`, `secondary`) serve anywhere in the region; `county`,
/// `township` and `village` institutions belong to a county.
public enum Tier: String, CaseIterable, Sendable, Codable {
    case tertiary, secondary, county, township, village

    /// City hospitals need no county.
    public var isCityHospital: Bool { self == .tertiary || self == .secondary }
}

/// A latitude/longitude pair in degrees.
public struct Location: Hashable, Sendable {
    public var lat: Double
    public var lon: Double
    public init(lat: Double, lon: Double) { self.lat = lat; self.lon = lon }

    /// Great-circle distance in whole kilometres (haversine, Earth radius 6371 km).
    public func kilometres(to o: Location) -> Int {
        let r = 6371.0, rad = Double.pi / 180
        let dlat = (o.lat - lat) * rad, dlon = (o.lon - lon) * rad
        let a = pow(sin(dlat / 2), 2) + cos(lat * rad) * cos(o.lat * rad) * pow(sin(dlon / 2), 2)
        return Int((2 * r * asin(min(1, a.squareRoot()))).rounded())
    }
}

/// A county (区县); the unit of locality rules.
public struct County: Hashable, Sendable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// A hospital, township health centre or village clinic of the scenario.
///
/// Which fields are set depends on `tier` (see the scenario format): head counts for
/// senders, `medicalStaff` and `tcmFeatured` for township centres, population and flags for
/// villages. Flags a file leaves out take their usual value: a village has its doctor, is
/// integrated and has a licensed physician.
public struct Institution: Hashable, Sendable {
    public var id: String
    public var name: String
    public var tier: Tier
    public var county: String?
    public var township: String?
    /// 专业技术人员: denominator of T1.quota and T2.quota.
    public var technicalStaff: Int?
    /// 医务人员: denominator of T3.quota.
    public var medicalStaff: Int?
    public var tcmFeatured: Bool
    public var population: Int?
    public var villageDoctor: Bool
    public var integrated: Bool
    public var licensedPhysician: Bool
    public var central: Bool
    /// Family-doctor-team service area; a village with none is its own area.
    public var serviceArea: String?
    public var location: Location?
    /// Line of the scenario file the institution starts on (0 when unknown).
    public var line: Int

    public init(id: String, name: String, tier: Tier, county: String? = nil, township: String? = nil,
                technicalStaff: Int? = nil, medicalStaff: Int? = nil, tcmFeatured: Bool = false,
                population: Int? = nil, villageDoctor: Bool = true, integrated: Bool = true,
                licensedPhysician: Bool = true, central: Bool = false, serviceArea: String? = nil,
                location: Location? = nil, line: Int = 0) {
        self.id = id; self.name = name; self.tier = tier; self.county = county; self.township = township
        self.technicalStaff = technicalStaff; self.medicalStaff = medicalStaff; self.tcmFeatured = tcmFeatured
        self.population = population; self.villageDoctor = villageDoctor; self.integrated = integrated
        self.licensedPhysician = licensedPhysician; self.central = central; self.serviceArea = serviceArea
        self.location = location; self.line = line
    }

    /// The village's family-doctor service area (its own id when none is given).
    public var effectiveServiceArea: String { serviceArea ?? id }
}

/// A staff member's profession, as written in the scenario.
public enum Role: String, CaseIterable, Sendable, Codable {
    case doctor, nurse, pharmacist, technician

    /// The team-mix group the role belongs to.
    public var group: StaffGroup {
        switch self {
        case .doctor: return .doctors
        case .nurse: return .nurses
        case .pharmacist, .technician: return .medicalTechnical
        }
    }
}

/// The three groups a T1/T2 team must mix (医师、护士、医技科室人员).
public enum StaffGroup: String, CaseIterable, Sendable, Codable {
    case doctors, nurses, medicalTechnical = "medical-technical"
}

/// Professional title. "Senior title" (高级职称) is `associateSenior` or `senior`.
public enum Title: String, CaseIterable, Sendable, Codable {
    case junior, intermediate, associateSenior = "associate-senior", senior

    public var isSenior: Bool { self == .associateSenior || self == .senior }
}

/// A candidate a hospital nominates for dispatch.
public struct StaffMember: Hashable, Sendable {
    public var id: String
    public var name: String
    public var institution: String
    public var role: Role
    /// Free text (general, internal, tcm, surgery, …); nil when not given.
    public var specialty: String?
    public var title: Title?
    /// A village id.
    public var hometown: String?
    /// Inclusive leave ranges, clipped to the period.
    public var unavailable: [DayRange]
    public var line: Int

    public init(id: String, name: String, institution: String, role: Role, specialty: String? = nil,
                title: Title? = nil, hometown: String? = nil, unavailable: [DayRange] = [], line: Int = 0) {
        self.id = id; self.name = name; self.institution = institution; self.role = role
        self.specialty = specialty; self.title = title; self.hometown = hometown
        self.unavailable = unavailable; self.line = line
    }

    /// A senior-title TCM physician: may hold a TCM.weekly clinic.
    public var isSeniorTCMPhysician: Bool {
        role == .doctor && specialty?.lowercased() == "tcm" && (title?.isSenior ?? false)
    }
}

/// An earlier year's pairing of a sender and a recipient, kept where possible.
public struct Link: Hashable, Sendable {
    public var from: String
    public var to: String
    public init(from: String, to: String) { self.from = from; self.to = to }
}

/// Public holidays and adjusted working days (调休) of the scenario.
public struct WorkCalendar: Hashable, Sendable {
    public var holidays: [Day]
    public var workdays: [Day]
    public init(holidays: [Day] = [], workdays: [Day] = []) { self.holidays = holidays; self.workdays = workdays }

    /// Monday–Friday, minus holidays, plus adjusted working days.
    public func isWorkingDay(_ d: Day) -> Bool {
        if workdays.contains(d) { return true }
        if holidays.contains(d) { return false }
        return !d.isWeekend
    }
}

/// Everything the tool reads from a scenario file, resolved and checked.
public struct Scenario: Sendable {
    public var name: String
    /// The profile's name (built-in name, or the `name:` of a profile file).
    public var profile: String
    /// The profile's parameters with the scenario's `rules:` overrides applied.
    public var parameters: Parameters
    public var period: DayRange
    public var calendar: WorkCalendar
    public var counties: [County]
    public var institutions: [Institution]
    public var staff: [StaffMember]
    public var links: [Link]
    /// Non-fatal remarks from reading (e.g. holidays outside the period).
    public var warnings: [String]
    /// The `objective:` block: weights of the planner's objective (never a rule; the verifier
    /// ignores it).
    public var objective = ObjectiveSettings()

    public init(name: String, profile: String, parameters: Parameters, period: DayRange,
                calendar: WorkCalendar = WorkCalendar(), counties: [County] = [],
                institutions: [Institution], staff: [StaffMember], links: [Link] = [], warnings: [String] = []) {
        self.name = name; self.profile = profile; self.parameters = parameters; self.period = period
        self.calendar = calendar; self.counties = counties; self.institutions = institutions
        self.staff = staff; self.links = links; self.warnings = warnings
    }

    /// Institutions by id.
    public func institutionIndex() -> [String: Institution] {
        Dictionary(institutions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Staff by id.
    public func staffIndex() -> [String: StaffMember] {
        Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The display name of a county id (the id itself when the scenario names no counties).
    public func countyName(_ id: String) -> String { counties.first { $0.id == id }?.name ?? id }
}
