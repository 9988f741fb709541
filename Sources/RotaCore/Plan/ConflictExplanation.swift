import Foundation

/// Why no compliant plan exists: every independent conflict — each a minimal set of rule
/// instances that cannot all hold — in a planner's words, and one set of changes that
/// resolves them all together.
///
/// The conflicts are disjoint: no rule instance belongs to two of them, and each is minimal on
/// its own (drop any one of its instances and the rest of that set can hold). `items` lists
/// them one after the other, each item carrying the number of its conflict; `advice` is
/// computed for all of them at once (`ConflictExplanation.Advice`).
///
/// ```swift
/// why.conflictCount                   // 4
/// why.items(ofConflict: 2).map(\.rule) // ["T2.quota", "T2.team-mix"]
/// why.advice.map(\.message)           // ["set T3.total to at most 41 (now 60)", …]
/// ```
public struct ConflictExplanation: Codable, Hashable, Sendable {
    /// One rule instance that has to give way.
    public struct Item: Codable, Hashable, Sendable {
        /// The conflict (1, 2, …) this instance belongs to.
        public var conflict: Int
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

        public init(conflict: Int = 1, rule: String, instance: String, subjects: [String], required: Int, achievable: Int, clause: String, message: String) {
            self.conflict = conflict
            self.rule = rule; self.instance = instance; self.subjects = subjects; self.required = required; self.achievable = achievable; self.clause = clause; self.message = message
        }
    }

    /// One change to the scenario, part of a set that resolves every conflict together.
    ///
    /// Two kinds: `set-parameter` lowers a number of the `rules:` map (`parameter`, `from`,
    /// `to`), e.g. a region total to the most that can hold alongside everything else;
    /// `add-candidates` lists `count` more candidates free for a full-time posting at
    /// `institution`, of `role` (any role when absent), with `specialty` and `title` when
    /// the rule asks for them (a senior TCM physician). `instances` are the rule instances
    /// it lets hold, `conflicts` the conflicts they belong to.
    public struct Advice: Codable, Hashable, Sendable {
        public var action: String
        public var conflicts: [Int]
        public var instances: [String]
        public var parameter: String?
        public var from: Int?
        public var to: Int?
        public var institution: String?
        public var count: Int?
        public var role: String?
        public var specialty: String?
        public var title: String?
        /// The planner's-words sentence.
        public var message: String

        public init(action: String, conflicts: [Int], instances: [String], parameter: String? = nil, from: Int? = nil, to: Int? = nil,
                    institution: String? = nil, count: Int? = nil, role: String? = nil, specialty: String? = nil, title: String? = nil,
                    message: String) {
            self.action = action; self.conflicts = conflicts; self.instances = instances; self.parameter = parameter; self.from = from
            self.to = to; self.institution = institution; self.count = count; self.role = role; self.specialty = specialty
            self.title = title; self.message = message
        }

        /// `set-parameter`: a number of the `rules:` map.
        public static let setParameter = "set-parameter"
        /// `add-candidates`: more candidates at a hospital.
        public static let addCandidates = "add-candidates"
    }

    /// The rule ids a conflict may name: the hard rules a planner can act on (conflict.json's
    /// `rule`). Rows that only define the model are the background a conflict is stated against.
    public static let nameableRules: Set<String> = [
        "T1.quota", "T1.total", "T1.team-size", "T1.team-mix", "T1.3331", "T1.duration",
        "T2.quota", "T2.total", "T2.team-size", "T2.team-mix", "T2.duration",
        "T3.quota", "T3.total", "T3.total.stationed", "T3.station-continuity",
        "TCM.weekly", "REGION.total", "PERSON.leave",
    ]

    /// Format of conflict.json (`rota-conflict/2`: several conflicts and joint advice).
    public var format: String = "rota-conflict/2"
    public var scenario: String
    /// SHA-256 of the canonical scenario (see docs/proof-format.md), so a check can tell the
    /// conflict belongs to this scenario.
    public var scenarioDigest: String = ""
    public var items: [Item]
    /// Changes that, made together, resolve every conflict (empty when none could be found).
    public var advice: [Advice] = []
    /// Whether the planner solved the scenario with all of `advice` applied and found a plan.
    public var adviceChecked: Bool = false

    public init(scenario: String, items: [Item]) { self.scenario = scenario; self.items = items }

    /// How many independent conflicts the items name.
    public var conflictCount: Int { Set(items.map(\.conflict)).count }

    /// The items of one conflict, in order.
    public func items(ofConflict n: Int) -> [Item] { items.filter { $0.conflict == n } }

    /// The bytes `rota plan` writes as conflict.json: sorted keys, a final newline.
    public func jsonData() throws -> Data { try WrittenJSON.data(self) }

    /// Every rule instance label of the set (grouped lines carry several).
    public var instances: [String] { items.flatMap { $0.instance.split(separator: " ").map(String.init) } }

    /// The text `rota plan` prints: each conflict, then the advice for all of them.
    public func render() -> String {
        let n = conflictCount
        var lines = [n == 1 ? "No compliant plan exists for \(scenario): these rules collide."
                            : "No compliant plan exists for \(scenario): \(n) independent conflicts, each a set of rules that cannot all hold."]
        for k in Set(items.map(\.conflict)).sorted() {
            if n > 1 { lines.append("Conflict \(k) of \(n):") }
            for item in items(ofConflict: k) {
                lines.append("- \(item.rule): \(item.message)")
                lines.append("    [\(item.instance); \(item.clause)]")
            }
        }
        if !advice.isEmpty {
            lines.append(n == 1 ? "What to change:" : "What to change, for all \(n) conflicts together:")
            for a in advice {
                let which = n == 1 ? "" : " [conflict\(a.conflicts.count == 1 ? "" : "s") \(a.conflicts.map(String.init).joined(separator: ", "))]"
                lines.append("- \(a.message)\(which)")
            }
            let these = advice.count == 1 ? "this change" : "all of these changes together"
            lines.append(adviceChecked ? "With \(these) a compliant plan exists (the planner solved the changed scenario)."
                                       : "The planner could not confirm that \(these) give\(advice.count == 1 ? "s" : "") a plan (not every change is one it can make itself); plan again after making \(advice.count == 1 ? "it" : "them").")
        }
        return lines.joined(separator: "\n")
    }
}
