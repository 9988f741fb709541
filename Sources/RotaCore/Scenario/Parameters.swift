/// A percentage written as an exact decimal: `1.2` is 12 tenths of a percent.
///
/// Quotas are compared in integers only: a count `c` meets `p%` of `n` when
/// `c · 100 · 10^scale ≥ units · n`.
///
/// ```swift
/// let p = ExactPercent("1.2")!
/// p.minimumCount(of: 3520)   // 43
/// p.isMet(count: 42, of: 3520) // false
/// ```
public struct ExactPercent: Hashable, Sendable, CustomStringConvertible {
    /// The digits without the decimal point (12 for 1.2).
    public let units: Int
    /// How many digits follow the decimal point (1 for 1.2).
    public let scale: Int

    public init(units: Int, scale: Int) { self.units = units; self.scale = scale }

    /// Parses a non-negative decimal such as `6`, `1.2` or `0.75` (at most 6 decimals).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let frac = parts.count == 2 ? String(parts[1]) : ""
        guard parts.count == 1 || !frac.isEmpty, frac.count <= 6, parts[0].count <= 9,
              let u = Int(String(parts[0]) + frac) else { return nil }
        self.init(units: u, scale: frac.count)
    }

    /// 10^scale · 100: the denominator of the fraction this percentage is.
    public var denominator: Int {
        var d = 100
        for _ in 0..<scale { d *= 10 }
        return d
    }

    /// The smallest whole count that is at least this share of `n`: ⌈units · n / denominator⌉.
    public func minimumCount(of n: Int) -> Int {
        let num = units * n
        return num <= 0 ? 0 : (num + denominator - 1) / denominator
    }

    /// Whether `count ≥ p · n`, decided in integers.
    public func isMet(count: Int, of n: Int) -> Bool { count * denominator >= units * n }

    public var description: String {
        guard scale > 0 else { return String(units) }
        var s = String(units)
        while s.count <= scale { s = "0" + s }
        let cut = s.index(s.endIndex, offsetBy: -scale)
        return s[..<cut] + "." + s[cut...]
    }
}

import Foundation

/// The value of one profile parameter.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    case integer(Int)
    case percent(ExactPercent)

    public var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .percent(let p): return p.description
        }
    }
}

/// The kind of value a parameter key takes.
public enum ParameterKind: String, Sendable {
    case integer, percent
}

/// One tunable number of the rules, e.g. `T1.quota` = 1.2 (%).
public struct ParameterDefinition: Sendable {
    public let key: String
    public let kind: ParameterKind
    public let meaning: String
    /// Whether the key is one of rota's documented additions to rules.md.
    public let addition: Bool
    /// The values a scenario may set: whole numbers for integer keys, percent for percentages.
    /// Outside it a rule would be void (0 rounds a week) or no plan could be written.
    public let range: ClosedRange<Int>
}

/// The parameters in force for a scenario: a profile's values with overrides applied.
public struct Parameters: Hashable, Sendable {
    public private(set) var values: [String: ParameterValue]

    public init(values: [String: ParameterValue]) { self.values = values }

    /// An integer parameter (0 when missing, which validation prevents).
    public func int(_ key: String) -> Int {
        if case .integer(let v)? = values[key] { return v }
        return 0
    }

    /// A percentage parameter.
    public func percent(_ key: String) -> ExactPercent {
        if case .percent(let p)? = values[key] { return p }
        return ExactPercent(units: 0, scale: 0)
    }

    /// Whether the tier totals count people by their sender's type (`totals.by-sender: 1`,
    /// Yanggu): T2.total counts T2 people sent by county hospitals, T3.total village helpers
    /// sent by township centres. With 0 each counts everyone serving in its tier.
    public var totalsCountBySender: Bool { int("totals.by-sender") == 1 }

    public mutating func set(_ key: String, _ value: ParameterValue) { values[key] = value }

    /// Keys in a stable order.
    public var sortedKeys: [String] { values.keys.sorted() }

    /// Every key rota knows, with its kind and meaning.
    public static let definitions: [ParameterDefinition] = [
        .init(key: "REGION.total", kind: .integer, meaning: "distinct people dispatched in the year (T1 ∪ T2 ∪ T3)", addition: false, range: 0...1_000_000),
        .init(key: "T1.team-size", kind: .integer, meaning: "people in each T1 team, at least", addition: false, range: 1...100),
        .init(key: "T1.quota", kind: .percent, meaning: "share of a tertiary hospital's technical staff sent in T1", addition: false, range: 0...100),
        .init(key: "T1.total", kind: .integer, meaning: "T1 people in the region, at least", addition: false, range: 0...1_000_000),
        .init(key: "T1.duration-months", kind: .integer, meaning: "months a T1 posting lasts, at least", addition: false, range: 1...120),
        .init(key: "T1.3331.visits-per-month", kind: .integer, meaning: "full-day visits of the 3331 group a month", addition: false, range: 1...23),
        .init(key: "T2.team-size", kind: .integer, meaning: "people in each T2 team, at least", addition: false, range: 1...100),
        .init(key: "T2.quota", kind: .percent, meaning: "share of a secondary or county hospital's technical staff sent in T2", addition: false, range: 0...100),
        .init(key: "T2.total", kind: .integer, meaning: "T2 people in the region, at least", addition: false, range: 0...1_000_000),
        .init(key: "T2.duration-months", kind: .integer, meaning: "months a T2 posting lasts, at least", addition: false, range: 1...120),
        .init(key: "T3.quota", kind: .percent, meaning: "share of a township centre's medical staff sent to villages for rounds or stationing", addition: false, range: 0...100),
        .init(key: "T3.total", kind: .integer, meaning: "village helpers in the region, at least", addition: false, range: 0...1_000_000),
        .init(key: "T3.total.stationed", kind: .integer, meaning: "stationed village helpers, at least", addition: false, range: 0...1_000_000),
        .init(key: "T3.station-population", kind: .integer, meaning: "population from which a village may receive a stationed helper", addition: false, range: 0...10_000_000),
        .init(key: "T3.station-days-per-week", kind: .integer, meaning: "days a week a stationed helper is in the village", addition: false, range: 1...7),
        .init(key: "T3.station-months", kind: .integer, meaning: "consecutive months a stationed helper stays, at least", addition: false, range: 1...12),
        .init(key: "T3.rounds-per-week", kind: .integer, meaning: "rounds visits a week per rounds helper (distinct days or clinics, at least half a day each)", addition: false, range: 1...10),
        .init(key: "T3.tech-support-per-week", kind: .integer, meaning: "technical-support visits a week (distinct days, at least half a day each)", addition: false, range: 1...10),
        .init(key: "TCM.per-week", kind: .integer, meaning: "half-day senior TCM clinics a week at each TCM-featured centre", addition: false, range: 1...10),
        .init(key: "posting.max-leave-days", kind: .integer, meaning: "working days of leave a full-time posting may overlap, at most", addition: false, range: 0...366),
        .init(key: "T3.rounds-visit-weeks", kind: .integer, meaning: "every clinic of a rounds area is visited at least once in this many weeks", addition: true, range: 1...52),
        .init(key: "T3.part-time-months", kind: .integer, meaning: "months a rounds or technical-support duty lasts, at least, for its helper to count among the year's village helpers", addition: true, range: 1...12),
        .init(key: "TCM.centres-per-physician", kind: .integer, meaning: "TCM-featured centres one senior TCM physician may hold a weekly clinic at, at most", addition: true, range: 1...100),
        .init(key: "posting.replacement", kind: .integer, meaning: "1: a T1/T2 member replaced mid-term by a colleague of the same sender keeps the team's posting continuous (the team's year; each person's leave judged on their own part); 0: every member serves the whole term, a replacement breaks T1/T2.duration", addition: true, range: 0...1),
        .init(key: "totals.by-sender", kind: .integer, meaning: "whom T2.total and T3.total count: 0 everyone serving in the tier, 1 T2 people sent by county hospitals and village helpers sent by township centres", addition: true, range: 0...1),
    ]

    public static func definition(_ key: String) -> ParameterDefinition? { definitions.first { $0.key == key } }
}
