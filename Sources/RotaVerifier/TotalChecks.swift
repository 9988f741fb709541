import RotaCore
/// Region and tier totals: T1.total, T2.total, T3.total, T3.total.stationed, REGION.total.
///
/// Each is one instance about the whole region, counting distinct known people: a person
/// counts once per total however many duties they hold. T3.total counts every village
/// helper (stationed, rounds, technical support); REGION.total counts T1 ∪ T2 ∪ T3 and not
/// TCM-only visitors. A total whose parameter is 0 is still checked and passes as `n ≥ 0`,
/// so every report lists all five.
///
/// ```text
/// T3.total.stationed[heze-mini-2025]  2 ≥ 2
/// REGION.total[heze-mini-2025]        29 ≥ 29
/// ```
extension PlanVerifier {
    func totalChecks(_ view: PlanView) -> [RuleCheck] {
        let t1 = view.teamPeople(tier: "T1"), t2 = view.teamPeople(tier: "T2")
        let t3 = view.helperPeople([.station, .rounds, .techSupport])
        let stationed = view.helperPeople([.station])
        return [
            total("T1.total", t1, what: "people in T1 teams"),
            total("T2.total", t2, what: "people in T2 teams"),
            total("T3.total", t3, what: "village helpers (stationed, rounds, technical support)"),
            total("T3.total.stationed", stationed, what: "stationed village helpers"),
            total("REGION.total", t1.union(t2).union(t3), what: "people dispatched in T1, T2 or T3"),
        ]
    }

    private func total(_ rule: String, _ people: Set<String>, what: String) -> RuleCheck {
        let ctx = context, need = ctx.parameters.int(rule), n = people.count
        return ctx.check(rule, ctx.scenario.name, subject: ctx.regionSubject,
                         quantities: [Quantity("people", n), Quantity("required", need)],
                         arithmetic: VerifyText.atLeast(n, need),
                         finding: "the plan has \(n) distinct \(what); at least \(need) required",
                         witnesses: people.map { ctx.witness(person: $0) },
                         passed: n >= need)
    }
}
