import RotaCore
/// Region and tier totals: T1.total, T2.total, T3.total, T3.total.stationed, REGION.total.
///
/// Each is one instance about the whole region, counting distinct known people: a person
/// counts once per total however many duties they hold. T3.total counts every village
/// helper (stationed, rounds, technical support); REGION.total counts T1 ∪ T2 ∪ T3 and not
/// TCM-only visitors. A village duty handed over counts its seat once (`PlanView.seats`), as
/// a team's replacement does. A total whose parameter is 0 is still checked and passes as
/// `n ≥ 0`, so every report lists all five.
///
/// With `totals.by-sender = 1` (Yanggu, §三(三)10: county-level people are those sent by
/// county hospitals, township-level people those sent by township centres) T2.total counts
/// only members of T2 teams whose sender is a county hospital, and T3.total only village
/// helpers whose sender is a township centre; T3.total.stationed and REGION.total count as
/// before. The sender's type is read from the scenario's institution, never from the planner.
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
        let bySender = context.parameters.totalsCountBySender
        let t2Counted = bySender ? peopleSent(by: .county, teams: view) : t2
        let t3Counted = bySender ? helpersSent(by: .township, view) : t3
        return [
            total("T1.total", t1, what: "people in T1 teams"),
            total("T2.total", t2Counted, what: bySender ? "people in T2 teams sent by county hospitals" : "people in T2 teams"),
            total("T3.total", t3Counted, what: bySender ? "village helpers sent by township centres"
                                                         : "village helpers (stationed, rounds, technical support)"),
            total("T3.total.stationed", stationed, what: "stationed village helpers"),
            total("REGION.total", t1.union(t2).union(t3), what: "people dispatched in T1, T2 or T3"),
        ]
    }

    /// Known members of T2 teams whose sender is an institution of `tier`.
    private func peopleSent(by tier: Tier, teams view: PlanView) -> Set<String> {
        Set(view.teams(tier: "T2").filter { context.institutions[$0.team.sender]?.tier == tier }
            .flatMap { $0.members.map(\.id) })
    }

    /// Known people with a village duty whose sender is an institution of `tier`.
    private func helpersSent(by tier: Tier, _ view: PlanView) -> Set<String> {
        Set(view.seats.compactMap { h in context.institutions[h.helper.sender]?.tier == tier ? h.person?.id : nil })
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
