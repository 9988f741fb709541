import RotaCore
/// The independent verifier of an annual dispatch plan (`rota verify`).
///
/// It re-derives every rule instance from the scenario — one T1.quota per tertiary hospital,
/// one T1.team-size per T1 team, one TCM.weekly per TCM-featured centre, … — and decides each
/// in plain Swift with integer arithmetic. It never calls GLPK or the planner
/// (`Sources/Rota/Planning/`), and keeps its own percent, calendar and eligibility code, so
/// a planner bug shows up as a failed check instead of being repeated.
///
/// Readings it applies (see `docs/plan-format.md` for the full list):
/// - A rule whose parameter is 0 (e.g. T1.total in heze-mudan) is still checked and passes as
///   `n ≥ 0`; region and tier totals always appear in the report.
/// - A malformed plan fails PLAN.integrity; the other checks use what is readable, so the
///   verifier never crashes on a bad plan.
/// - Weekly timetables (3331 visits, stationing days, rounds sessions, technical-support
///   visits, TCM clinic frequency) are not in plan.json and are not checked here; the rota
///   verifier (`RotaVerifier`) checks them from rota.csv.
///
/// ```swift
/// let report = PlanVerifier(scenario: scenario).verify(plan)
/// report.passed      // false
/// print(report.render())
/// ```
public struct PlanVerifier: Sendable {
    let context: VerificationContext

    public init(scenario: Scenario) { self.context = VerificationContext(scenario: scenario) }

    /// Every rule instance of the scenario, decided for `plan`, in report order.
    public func verify(_ plan: Plan) -> VerificationReport {
        let view = PlanView(plan: plan, context: context)
        var checks: [RuleCheck] = []
        checks += integrityChecks(plan, view)
        checks += teamChecks(.t1, view)
        checks += group3331Checks(view)
        checks += teamChecks(.t2, view)
        checks += villageChecks(view)
        checks += tcmChecks(view)
        checks += personChecks(view)
        checks += totalChecks(view)
        return VerificationReport(scenario: context.scenario.name, profile: context.scenario.profile,
                                  period: context.period.description, checks: PlanVerifier.unique(checks))
    }

    /// The rule families the verifier checks, in report order.
    public static let ruleOrder: [String] = [
        "PLAN.integrity",
        "T1.team-size", "T1.team-mix", "T1.duration", "T1.one-sender", "T1.locality", "T1.3331", "T1.quota", "T1.total",
        "T2.team-size", "T2.team-mix", "T2.duration", "T2.one-sender", "T2.locality", "T2.quota", "T2.total",
        "T3.station-target", "T3.station-continuity", "T3.part-time-duration", "T3.tech-support", "T3.locality", "T3.quota",
        "T3.total", "T3.total.stationed",
        "TCM.weekly", "TCM.locality",
        "PERSON.one-posting", "PERSON.leave",
        "REGION.total",
    ]

    /// Rules of rules.md that plan.json cannot show, and why; `render()` lists them.
    public static let notChecked: [(rule: String, reason: String)] = [
        ("T1.3331", "visits per month: plan.json has no visit timetable (the group, its roles and its workstation are checked)"),
        ("T3.station-days", "days a week in the village: plan.json has no weekly timetable"),
        ("T3.rounds", "sessions a week: plan.json has no weekly timetable (the area and its locality are checked)"),
        ("T3.tech-support", "visits a week: plan.json has no weekly timetable (the clinic is checked)"),
        ("TCM.weekly", "clinics a week: plan.json has no weekly timetable (the physician and the dates are checked)"),
        ("T2.coverage, T3.hometown, T3.scope", "soft rules: reported by the planner, not breaches"),
    ]

    /// Where a rule family stands in `ruleOrder` (unknown ids go last).
    static func rank(of rule: String) -> Int { rankIndex[rule] ?? ruleOrder.count }

    private static let rankIndex: [String: Int] =
        Dictionary(uniqueKeysWithValues: ruleOrder.enumerated().map { ($1, $0) })

    /// PLAN.integrity is the verifier's own rule: it is about the plan file, not the policy.
    static let planIntegrity = Rule(
        id: "PLAN.integrity",
        summary: "the plan names only the scenario's people and places, with readable dates inside the period, each team once, each person once per team and in one place at a time",
        clause: "rules.md, Time and Who may serve where (reading); docs/plan-format.md",
        quote: "A person is never in two places in one slot",
        parameters: [])

    /// The catalogue rule for `id` (PLAN.integrity, ROTA.integrity and ROTA.posting are the
    /// verifiers' own).
    public static func rule(_ id: String) -> Rule {
        if id == planIntegrity.id { return planIntegrity }
        if let own = RotaVerifier.ownRules[id] { return own }
        return RuleCatalogue.rule(id)
            ?? Rule(id: id, summary: id, clause: "not in the rule catalogue", quote: "", parameters: [])
    }

    /// Sorts checks into report order and makes instance keys unique: a key that occurs
    /// again (e.g. a plan listing the same helper twice) gets `#2`, `#3`, … in plan order.
    static func unique(_ checks: [RuleCheck]) -> [RuleCheck] { numberingRepeats(checks).sorted() }

    /// Gives an instance key that occurs again `#2`, `#3`, … in the order given.
    static func numberingRepeats(_ checks: [RuleCheck]) -> [RuleCheck] {
        var seen: [String: Int] = [:]
        return checks.map { c -> RuleCheck in
            let n = (seen[c.instance] ?? 0) + 1
            seen[c.instance] = n
            guard n > 1 else { return c }
            var copy = c
            copy.instance = "\(c.instance)#\(n)"
            return copy
        }
    }
}
