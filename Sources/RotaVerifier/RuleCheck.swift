import RotaCore
/// The verifier's verdict on one rule instance.
public enum Verdict: String, Codable, Sendable, Hashable, CaseIterable {
    case pass, fail
}

/// What a rule instance is about: an institution, a person, a team, the region, or the plan
/// file itself.
///
/// `id` is the scenario or plan id; `name` is the display name a planner knows (the Chinese
/// name of an institution or person, `菏泽市立医院 → 曹县人民医院` for a team).
///
/// ```swift
/// CheckSubject(kind: .institution, id: "hz-municipal", name: "菏泽市立医院")
/// ```
public struct CheckSubject: Codable, Sendable, Hashable {
    /// The kinds of thing a rule instance can be about.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case plan, region, institution, person, team
    }

    public var kind: Kind
    public var id: String
    public var name: String

    public init(kind: Kind, id: String, name: String) {
        self.kind = kind; self.id = id; self.name = name
    }
}

/// A named whole number a check read from the scenario or counted in the plan.
///
/// Every quantity is an integer: head counts, days, flags as 0/1. Dates appear in the
/// arithmetic text and as witnesses, never as quantities.
///
/// ```swift
/// Quantity("technicalStaff", 3520)
/// ```
public struct Quantity: Codable, Sendable, Hashable {
    public var name: String
    public var value: Int

    public init(_ name: String, _ value: Int) { self.name = name; self.value = value }
}

/// A concrete thing that shows why a check passed or failed: a person, an institution, a
/// service area, a team or a date range, with what it stands for in the check.
///
/// Witnesses of a check are kept sorted (kind in the order team, institution, service area,
/// person, dates; then id and note), so the same plan always yields the
/// same list whatever order its JSON lists things in.
///
/// ```swift
/// Witness(.person, "hzm-0001", name: "张伟", note: "member from 曹县人民医院 (cao-people)")
/// Witness(.dates, "2025-03-03..2025-03-31", note: "leave")
/// ```
public struct Witness: Codable, Sendable, Hashable, Comparable {
    /// What a witness names.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case team, institution
        case serviceArea = "service-area"
        case person, dates

        /// The kind's place in `allCases`.
        var rank: Int {
            switch self {
            case .team: return 0
            case .institution: return 1
            case .serviceArea: return 2
            case .person: return 3
            case .dates: return 4
            }
        }
    }

    public var kind: Kind
    /// A person, institution, service-area or team id, or an inclusive ISO date range.
    public var id: String
    /// Display name ("" when the scenario has none, e.g. an unknown id).
    public var name: String
    /// What the witness stands for in this check ("member from …", "leave", …).
    public var note: String

    public init(_ kind: Kind, _ id: String, name: String = "", note: String = "") {
        self.kind = kind; self.id = id; self.name = name; self.note = note
    }

    public static func < (a: Witness, b: Witness) -> Bool {
        // Field by field, as the tuple (kind's rank, id, note, name) compares, without building it.
        if a.kind != b.kind { return a.kind.rank < b.kind.rank }
        if a.id != b.id { return a.id < b.id }
        if a.note != b.note { return a.note < b.note }
        return a.name < b.name
    }

    /// `witnesses` sorted: as given when they are in order already, else put in order by
    /// position and copied once (sorting the values would copy each many times).
    static func sorted(_ witnesses: [Witness]) -> [Witness] {
        let w = witnesses
        guard w.indices.dropFirst().contains(where: { w[$0] < w[$0 - 1] }) else { return w }
        return w.indices.sorted { w[$0] < w[$1] }.map { w[$0] }
    }
}

/// The verifier's record of one rule instance: which rule, about what, the numbers it used,
/// the arithmetic in whole numbers, the evidence, the verdict and the clause it rests on.
///
/// A rule instance is one application of a rule to one subject: `T1.quota[hz-municipal]`
/// is T1.quota applied to 菏泽市立医院. The record is self-contained — it repeats the clause
/// and quote — so it can stand alone in a compliance proof. `arithmetic` always states the
/// relation that actually holds (`43 ≥ ⌈1.2% × 3520⌉ = 43` when met, `42 < ⌈1.2% × 3520⌉ = 43`
/// when not); `finding` says the same in a sentence.
///
/// Checks order by rule family (the order of `PlanVerifier.ruleOrder`) and then by
/// instance key, so a report lists them the same way every time.
///
/// ```swift
/// let c = report.checks.first { $0.instance == "T1.quota[hz-municipal]" }!
/// c.quantities   // [technicalStaff 3520, sent 43, required 43, teams 7]
/// c.arithmetic   // "43 ≥ ⌈1.2% × 3520⌉ = 43; teams 7 ≥ 1"
/// c.verdict      // .pass
/// ```
public struct RuleCheck: Codable, Sendable, Hashable, Comparable {
    /// The rule id of `rules.md` (the rule family), e.g. `T1.quota`.
    public var rule: String
    /// Unique key of this instance, e.g. `T1.quota[hz-municipal]`.
    public var instance: String
    public var subject: CheckSubject
    /// The numbers taken from the scenario and the plan, in the order the arithmetic uses them.
    public var quantities: [Quantity]
    /// The decisive comparison in integers, e.g. `43 ≥ ⌈1.2% × 3520⌉ = 43`.
    public var arithmetic: String
    /// One plain sentence saying what holds or what is wrong.
    public var finding: String
    /// Sorted evidence: people, places and dates the verdict rests on.
    public var witnesses: [Witness]
    public var verdict: Verdict
    /// Source document and clause, from `RuleCatalogue`.
    public var clause: String
    /// The Chinese text the rule rests on, from `RuleCatalogue`.
    public var quote: String

    public init(rule: Rule, instance: String, subject: CheckSubject, quantities: [Quantity],
                arithmetic: String, finding: String, witnesses: [Witness], verdict: Verdict) {
        self.rule = rule.id; self.instance = instance; self.subject = subject
        self.quantities = quantities; self.arithmetic = arithmetic; self.finding = finding
        self.witnesses = Witness.sorted(witnesses); self.verdict = verdict
        self.clause = rule.clause; self.quote = rule.quote
    }

    public var passed: Bool { verdict == .pass }

    /// The named quantity's value, or nil when the check has none by that name.
    public func quantity(_ name: String) -> Int? { quantities.first { $0.name == name }?.value }

    public static func < (a: RuleCheck, b: RuleCheck) -> Bool {
        let ra = PlanVerifier.rank(of: a.rule), rb = PlanVerifier.rank(of: b.rule)
        if ra != rb { return ra < rb }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.instance < b.instance
    }
}
