/// The weights of the annual plan's objective a scenario may set in its `objective:` block.
///
/// The objective is lexicographic (README, "How the plan is chosen"): (1) every hard rule —
/// constraints, never weighed; (2) fewest people dispatched; (3) coverage of the soft rules;
/// (4) hometowns, balanced teams, spread and short travel. Each key below belongs to level 2,
/// 3 or 4; within a level, the weights rank one gain against another. Level 2 dominates level
/// 3 when `person-dispatched` is `auto` (each person costs more than any one person can earn in
/// coverage); a number below that lets coverage buy people, and the plan then says what each
/// unit of coverage cost in people.
///
/// ```yaml
/// objective:
///   person-dispatched: auto          # level 2 (auto, 0 = off, or a number)
///   village-unstationed: 3           # level 3: stationing weighs three times its default
///   team-mix-tolerance: 20           # level 4: a team's staff group may exceed its pool share by 20 points
/// ```
public struct ObjectiveSettings: Hashable, Sendable {
    /// One named weight: its key, level, default and meaning.
    public struct Definition: Sendable {
        public let key: String
        /// 2 (people), 3 (coverage) or 4 (hometowns, teams, spread, travel).
        public let level: Int
        public let defaultValue: Double
        public let meaning: String
    }

    /// Every key of the `objective:` block, in the order of the README's table.
    public static let definitions: [Definition] = [
        Definition(key: "person-dispatched", level: 2, defaultValue: -1,
                   meaning: "cost of each person dispatched in T1, T2 or T3: auto (more than any one person earns in coverage, so the fewest people the rules need), 0 (off), or a number"),
        Definition(key: "township-without-team", level: 3, defaultValue: 40, meaning: "a township centre without a T2 team (T2.coverage)"),
        Definition(key: "second-team-at-recipient", level: 3, defaultValue: 15, meaning: "a second T1 team at one county hospital or T2 team at one centre"),
        Definition(key: "village-unstationed", level: 3, defaultValue: 1, meaning: "an eligible village without a stationed helper, plus population / 1000"),
        Definition(key: "clinic-without-tech-support", level: 3, defaultValue: 0.5, meaning: "a clinic with no licensed physician without technical support, plus population / 4000"),
        Definition(key: "area-without-rounds", level: 3, defaultValue: 2, meaning: "a family-doctor service area without rounds"),
        Definition(key: "link-dropped", level: 3, defaultValue: 25, meaning: "an earlier year's link not kept"),
        Definition(key: "stationed-at-home", level: 3, defaultValue: 6, meaning: "gain of each county-hospital village helper stationed in their own eligible home village (T3.hometown): when county hospitals must send village helpers, candidates who go home come first"),
        Definition(key: "not-stationed-at-home", level: 4, defaultValue: 3, meaning: "a dispatched county-hospital candidate with an eligible home village in reach not stationed there (T3.hometown)"),
        Definition(key: "half-year-stint", level: 4, defaultValue: 0.2, meaning: "each half-year stationing stint where one helper could stay the whole year (a village keeps one face)"),
        Definition(key: "second-tcm-clinic", level: 4, defaultValue: 2, meaning: "each TCM clinic a physician holds beyond the first, so one leave does not stop two centres' clinics"),
        Definition(key: "tcm-physician-posted", level: 4, defaultValue: 1, meaning: "a senior TCM physician given a full-time posting (T1 or T2 team, stationing): they alone may hold or cover a TCM clinic, so colleagues go first"),
        Definition(key: "team-mix-excess", level: 4, defaultValue: 5, meaning: "each person of a staff group beyond the team-mix tolerance in one team"),
        Definition(key: "team-mix-tolerance", level: 4, defaultValue: 25, meaning: "percentage points by which a staff group's share of a team may exceed its share of the sender's candidates"),
        Definition(key: "person-beyond-quota", level: 4, defaultValue: 12, meaning: "each person a hospital sends beyond its own quota"),
        Definition(key: "department-over-share", level: 4, defaultValue: 2, meaning: "each person a department gives beyond its fair share of its hospital's people"),
        Definition(key: "helper-outside-scope", level: 4, defaultValue: 1, meaning: "a village helper outside general practice, internal medicine or TCM (T3.scope)"),
        Definition(key: "leave-day", level: 4, defaultValue: 0.05, meaning: "each working day of leave of a person given a posting or duty (colleagues must cover it), so people free of leave are chosen first"),
        Definition(key: "duty-during-long-leave", level: 4, defaultValue: 30, meaning: "a part-time duty for someone on leave over posting.max-leave-days"),
        Definition(key: "per-kilometre", level: 4, defaultValue: 0.01, meaning: "each person-kilometre between sender and recipient"),
    ]

    /// The definition of `key`, if it is one.
    public static func definition(_ key: String) -> Definition? { definitions.first { $0.key == key } }

    /// The values the scenario sets; `person-dispatched: auto` is stored as no value.
    public private(set) var values: [String: Double] = [:]

    public init(values: [String: Double] = [:]) {
        for (key, value) in values where ObjectiveSettings.definition(key) != nil { self.values[key] = value }
    }

    /// The value of `key`: the scenario's, else its default.
    public func value(_ key: String) -> Double {
        values[key] ?? ObjectiveSettings.definition(key)?.defaultValue ?? 0
    }

    /// The person cost the scenario sets; nil for `auto` (the default).
    public var personDispatched: Double? { values["person-dispatched"] }

    /// Whether the scenario sets anything.
    public var isDefault: Bool { values.isEmpty }

    /// The block as `key: value` lines, keys in definition order (only the keys set).
    public var lines: [String] {
        ObjectiveSettings.definitions.compactMap { d in values[d.key].map { "\(d.key): \(ObjectiveSettings.format($0))" } }
    }

    public static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
