import Foundation

/// What a dispatched person does in one half-day slot.
///
/// The raw values are the stable vocabulary of `rota.csv`'s `activity` column.
public enum RotaActivity: String, Codable, CaseIterable, Sendable {
    /// At the recipient of a T1/T2 posting.
    case posting
    /// The 3331 group's visit to its workstation clinic, by mode (巡诊, 带教, 授课).
    case rounds3331 = "3331-rounds"
    case teaching3331 = "3331-teaching"
    case lecture3331 = "3331-lecture"
    /// A stationed helper in their village.
    case station
    /// A rounds session at one clinic of the helper's service area.
    case rounds
    /// Technical support at a clinic with no licensed physician.
    case techSupport = "tech-support"
    /// A senior TCM clinic at a TCM-featured centre.
    case tcmClinic = "tcm-clinic"

    /// The Chinese label used in the grid, workbook and report.
    public var chineseLabel: String {
        switch self {
        case .posting: return "驻点"
        case .rounds3331: return "3331巡诊"
        case .teaching3331: return "3331带教"
        case .lecture3331: return "3331授课"
        case .station: return "派驻"
        case .rounds: return "巡回医疗"
        case .techSupport: return "技术帮扶"
        case .tcmClinic: return "中医坐诊"
        }
    }

    /// Whether the activity is one of the 3331 group's visit modes.
    public var is3331Visit: Bool { self == .rounds3331 || self == .teaching3331 || self == .lecture3331 }
}

extension RotaActivity {
    /// A number per activity, 0 up to `allCases.count` − 1, its place in `allCases` (to index
    /// tables by activity without hashing).
    public var number: Int {
        switch self {
        case .posting: return 0
        case .rounds3331: return 1
        case .teaching3331: return 2
        case .lecture3331: return 3
        case .station: return 4
        case .rounds: return 5
        case .techSupport: return 6
        case .tcmClinic: return 7
        }
    }
}

/// Morning or afternoon.
public enum HalfDay: String, Codable, CaseIterable, Sendable, Comparable {
    case am, pm
    public static func < (a: HalfDay, b: HalfDay) -> Bool { a == .am && b == .pm }

    /// 上午 or 下午, as the workbook, grid and site sheets write the half.
    public var chineseLabel: String { self == .am ? "上午" : "下午" }
}

/// One person in one half-day slot at one site.
///
/// `site` is an institution id: the recipient hospital or centre of a posting, the
/// workstation clinic of a 3331 visit, the village of a stationing, the clinic a rounds
/// session or technical-support visit goes to, the centre of a TCM clinic.
public struct RotaEntry: Codable, Hashable, Sendable, Comparable {
    public var person: String
    /// ISO date.
    public var date: String
    public var half: HalfDay
    public var site: String
    public var activity: RotaActivity

    public init(person: String, date: String, half: HalfDay, site: String, activity: RotaActivity) {
        self.person = person; self.date = date; self.half = half; self.site = site; self.activity = activity
    }

    /// Sorted by person, date, half.
    public static func < (a: RotaEntry, b: RotaEntry) -> Bool {
        // Field by field, as the tuple (person, date, half, site) compares, without building it.
        if a.person != b.person { return a.person < b.person }
        if a.date != b.date { return a.date < b.date }
        if a.half != b.half { return a.half == .am }
        return a.site < b.site
    }
}

/// A weekly or monthly rule asked for less because holidays or the period's edges left
/// fewer working days: "k times" became min(k, working days available).
public struct RotaRelaxation: Codable, Hashable, Sendable {
    /// Rule id, e.g. `T3.station-days`.
    public var rule: String
    /// Person, team or site the rule applies to.
    public var subject: String
    /// ISO date of the week's Monday, or `YYYY-MM` for a month.
    public var period: String
    public var asked: Int
    public var required: Int
    /// Why: e.g. "2 working days in the week (holidays 2025-10-01…2025-10-08)".
    public var reason: String

    public init(rule: String, subject: String, period: String, asked: Int, required: Int, reason: String) {
        self.rule = rule; self.subject = subject; self.period = period; self.asked = asked; self.required = required; self.reason = reason
    }
}

/// A weekly duty a person could not do (leave) that a colleague of the same team or
/// hospital did instead.
public struct RotaCover: Codable, Hashable, Sendable {
    public var rule: String
    /// The person on leave.
    public var absent: String
    /// The colleague who covered.
    public var coveredBy: String
    public var site: String
    /// ISO Monday of the week.
    public var week: String

    public init(rule: String, absent: String, coveredBy: String, site: String, week: String) {
        self.rule = rule; self.absent = absent; self.coveredBy = coveredBy; self.site = site; self.week = week
    }
}

/// A rule instance the rota could not meet (no eligible colleague to cover).
public struct RotaShortfall: Codable, Hashable, Sendable {
    public var rule: String
    public var subject: String
    public var site: String
    /// ISO Monday of the week, or `YYYY-MM` for a month.
    public var period: String
    public var required: Int
    public var scheduled: Int
    public var reason: String

    public init(rule: String, subject: String, site: String, period: String, required: Int, scheduled: Int, reason: String) {
        self.rule = rule; self.subject = subject; self.site = site; self.period = period; self.required = required; self.scheduled = scheduled; self.reason = reason
    }
}

/// The half-day rota that carries out an annual plan for the whole period.
///
/// `entries` are sorted (person, date, half); relaxations, covers and shortfalls are sorted
/// too, so the same plan always gives the same bytes.
public struct WeeklyRota: Codable, Hashable, Sendable {
    public var scenario: String
    public var entries: [RotaEntry]
    public var relaxations: [RotaRelaxation]
    public var covers: [RotaCover]
    public var shortfalls: [RotaShortfall]

    public init(scenario: String, entries: [RotaEntry], relaxations: [RotaRelaxation] = [],
                covers: [RotaCover] = [], shortfalls: [RotaShortfall] = []) {
        self.scenario = scenario
        self.entries = entries.sorted()
        self.relaxations = relaxations.sorted { ($0.rule, $0.subject, $0.period) < ($1.rule, $1.subject, $1.period) }
        self.covers = covers.sorted { ($0.week, $0.rule, $0.absent, $0.site) < ($1.week, $1.rule, $1.absent, $1.site) }
        self.shortfalls = shortfalls.sorted { ($0.period, $0.rule, $0.subject, $0.site) < ($1.period, $1.rule, $1.subject, $1.site) }
    }
}
