import Foundation

/// Why no compliant plan exists: the rule instances that cannot all hold, in a planner's words.
public struct ConflictExplanation: Codable, Hashable, Sendable {
    /// One rule instance that has to give way.
    public struct Item: Codable, Hashable, Sendable {
        /// Rule id, e.g. `T1.quota`.
        public var rule: String
        /// Row label, e.g. `T1.quota[hz-municipal]`.
        public var instance: String
        /// Institution or person ids involved.
        public var subjects: [String]
        /// What the rule asks (a count).
        public var required: Int
        /// The most the data allows while everything else holds.
        public var achievable: Int
        /// The source clause of the rule.
        public var clause: String
        /// The planner's-words sentence.
        public var message: String

        public init(rule: String, instance: String, subjects: [String], required: Int, achievable: Int, clause: String, message: String) {
            self.rule = rule; self.instance = instance; self.subjects = subjects; self.required = required; self.achievable = achievable; self.clause = clause; self.message = message
        }
    }

    /// The rule ids a conflict may name: the hard rules a planner can act on (conflict.json's
    /// `rule`). Rows that only define the model are the background a conflict is stated against.
    public static let nameableRules: Set<String> = [
        "T1.quota", "T1.total", "T1.team-size", "T1.team-mix", "T1.3331", "T1.duration",
        "T2.quota", "T2.total", "T2.team-size", "T2.team-mix", "T2.duration",
        "T3.quota", "T3.total", "T3.total.stationed", "T3.station-continuity",
        "TCM.weekly", "REGION.total", "PERSON.leave",
    ]

    /// Format of conflict.json.
    public var format: String = "rota-conflict/1"
    public var scenario: String
    /// SHA-256 of the canonical scenario (see docs/proof-format.md), so a check can tell the
    /// conflict belongs to this scenario.
    public var scenarioDigest: String = ""
    public var items: [Item]

    public init(scenario: String, items: [Item]) { self.scenario = scenario; self.items = items }

    /// The bytes `rota plan` writes as conflict.json: sorted keys, a final newline.
    public func jsonData() throws -> Data { try WrittenJSON.data(self) }

    /// Every rule instance label of the set (grouped lines carry several).
    public var instances: [String] { items.flatMap { $0.instance.split(separator: " ").map(String.init) } }

    /// The text `rota plan` prints.
    public func render() -> String {
        var lines = ["No compliant plan exists for \(scenario): these rules collide."]
        for item in items {
            lines.append("- \(item.rule): \(item.message)")
            lines.append("    [\(item.instance); \(item.clause)]")
        }
        return lines.joined(separator: "\n")
    }
}
