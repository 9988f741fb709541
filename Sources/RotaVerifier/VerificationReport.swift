import RotaCore
/// Pass and fail counts of one rule family (one rule id) in a verification.
///
/// ```swift
/// FamilySummary(rule: "T1.quota", summary: "each tertiary hospital sends …", passed: 3, failed: 1)
/// ```
public struct FamilySummary: Codable, Sendable, Hashable {
    public var rule: String
    /// What the rule asks, from `RuleCatalogue`.
    public var summary: String
    public var passed: Int
    public var failed: Int

    public init(rule: String, summary: String, passed: Int, failed: Int) {
        self.rule = rule; self.summary = summary; self.passed = passed; self.failed = failed
    }

    /// Instances of the rule that were checked.
    public var instances: Int { passed + failed }
}

/// The outcome of verifying one plan (and, optionally, its weekly rota) against one
/// scenario: every rule instance checked, a summary per rule family, and the overall verdict.
///
/// `checks` are the plan's, in report order (rule family as in `PlanVerifier.ruleOrder`, then
/// instance key); `families` list every family the plan verifier knows, including those with
/// nothing to check in this scenario. `rota` holds the rota's checks when a rota was verified
/// too (`RotaVerifier`); `passed`, `failures`, `check(_:)` and `checks(rule:)` then cover
/// both. The report is `Codable` so a compliance proof can embed it as is (a report without
/// a rota has no `rota` key).
///
/// ```swift
/// let report = PlanVerifier(scenario: scenario).verify(plan)
/// report.passed                                  // false
/// report.failures.map(\.instance)                // ["T1.quota[hz-municipal]"]
/// report.check("T1.quota[hz-municipal]")?.arithmetic  // "42 < ⌈1.2% × 3520⌉ = 43; teams 1 ≥ 1"
/// print(report.render())
/// ```
public struct VerificationReport: Codable, Sendable, Hashable {
    public var scenario: String
    public var profile: String
    /// The scenario's period, `YYYY-MM-DD..YYYY-MM-DD`.
    public var period: String
    public var checks: [RuleCheck]
    public var families: [FamilySummary]
    /// Whether every check passed (the rota's too, when there is one).
    public var passed: Bool
    /// The weekly rota's checks, when a rota was verified with the plan.
    public var rota: RotaSection?

    /// The rota's part of a report: which file, how many entries, its checks in rota report
    /// order (`RotaVerifier.ruleOrder`, then instance key) and a summary per rota family.
    public struct RotaSection: Codable, Sendable, Hashable {
        /// The rota file as the user named it.
        public var file: String
        /// Entries (person × half-day rows) read from it.
        public var entries: Int
        public var checks: [RuleCheck]
        /// Every rota family, in `RotaVerifier.ruleOrder`, including those with nothing to check.
        public var families: [FamilySummary]
        public var passed: Bool

        public init(file: String, entries: Int, checks: [RuleCheck]) {
            self.file = file; self.entries = entries
            self.checks = RotaVerifier.inOrder(checks) ? checks : checks.sorted(by: RotaVerifier.precedes)
            self.families = VerificationReport.families(of: checks, order: RotaVerifier.ruleOrder, summary: RotaVerifier.summary)
            self.passed = VerificationReport.failed(checks).isEmpty
        }

        /// The checks that failed, in report order.
        public var failures: [RuleCheck] { VerificationReport.failed(checks).map { checks[$0] } }
    }

    /// A report of the plan's checks and, when given, the rota's.
    public init(scenario: String, profile: String, period: String, checks: [RuleCheck], rota: RotaSection?) {
        self.init(scenario: scenario, profile: profile, period: period, checks: checks)
        self.rota = rota
        self.passed = passed && (rota?.passed ?? true)
    }

    /// Pass/fail counts per rule family: the families of `order` first (even with no check),
    /// then any other rule ids met, sorted.
    static func families(of checks: [RuleCheck], order: [String], summary: (String) -> String) -> [FamilySummary] {
        var counts: [String: (pass: Int, fail: Int)] = [:]
        for k in checks.indices {   // by position: a loop over the checks would copy each
            if checks[k].verdict == .pass { counts[checks[k].rule, default: (0, 0)].pass += 1 } else { counts[checks[k].rule, default: (0, 0)].fail += 1 }
        }
        let known = Set(order)
        let ids = order + counts.keys.filter { !known.contains($0) }.sorted()
        return ids.map { id in
            FamilySummary(rule: id, summary: summary(id), passed: counts[id]?.pass ?? 0, failed: counts[id]?.fail ?? 0)
        }
    }

    /// The positions of the checks that failed (by position: a loop over the checks would copy each).
    static func failed(_ checks: [RuleCheck]) -> [Int] { checks.indices.filter { checks[$0].verdict == .fail } }

    /// This report with the rota's checks added.
    public func adding(rota: RotaSection) -> VerificationReport {
        VerificationReport(scenario: scenario, profile: profile, period: period, checks: checks, rota: rota)
    }

    public init(scenario: String, profile: String, period: String, checks: [RuleCheck]) {
        self.scenario = scenario; self.profile = profile; self.period = period
        self.checks = checks.sorted()
        self.families = VerificationReport.families(of: checks, order: PlanVerifier.ruleOrder, summary: { PlanVerifier.rule($0).summary })
        self.passed = VerificationReport.failed(checks).isEmpty
    }

    /// The plan's checks, then the rota's (when there is a rota).
    public var allChecks: [RuleCheck] { checks + (rota?.checks ?? []) }

    /// The checks that failed, in report order (the plan's, then the rota's).
    public var failures: [RuleCheck] { VerificationReport.failed(checks).map { checks[$0] } + (rota?.failures ?? []) }

    /// The check with this instance key, e.g. `T1.quota[hz-municipal]` (the plan's first).
    public func check(_ instance: String) -> RuleCheck? { allChecks.first { $0.instance == instance } }

    /// The checks of one rule family, e.g. `T1.quota` (the plan's, then the rota's).
    public func checks(rule: String) -> [RuleCheck] { allChecks.filter { $0.rule == rule } }
}
