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

/// The outcome of verifying one plan against one scenario: every rule instance checked,
/// a summary per rule family, and the overall verdict.
///
/// `checks` are in report order (rule family as in `PlanVerifier.ruleOrder`, then instance
/// key); `families` list every family the verifier knows, including those with nothing to
/// check in this scenario. The report is `Codable` so a compliance proof can embed it as is.
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
    /// Whether every check passed.
    public var passed: Bool

    public init(scenario: String, profile: String, period: String, checks: [RuleCheck]) {
        self.scenario = scenario; self.profile = profile; self.period = period
        self.checks = checks.sorted()
        var counts: [String: (pass: Int, fail: Int)] = [:]
        for c in checks {
            var n = counts[c.rule] ?? (0, 0)
            if c.passed { n.pass += 1 } else { n.fail += 1 }
            counts[c.rule] = n
        }
        let known = Set(PlanVerifier.ruleOrder)
        let ids = PlanVerifier.ruleOrder + counts.keys.filter { !known.contains($0) }.sorted()
        self.families = ids.map { id in
            FamilySummary(rule: id, summary: PlanVerifier.rule(id).summary,
                          passed: counts[id]?.pass ?? 0, failed: counts[id]?.fail ?? 0)
        }
        self.passed = checks.allSatisfy(\.passed)
    }

    /// The checks that failed, in report order.
    public var failures: [RuleCheck] { checks.filter { !$0.passed } }

    /// The check with this instance key, e.g. `T1.quota[hz-municipal]`.
    public func check(_ instance: String) -> RuleCheck? { checks.first { $0.instance == instance } }

    /// The checks of one rule family, e.g. `T1.quota`.
    public func checks(rule: String) -> [RuleCheck] { checks.filter { $0.rule == rule } }
}
