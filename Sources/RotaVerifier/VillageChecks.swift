import RotaCore
/// T3 village-help rules: where stationing, technical support and rounds may go, how long a
/// stationing lasts, and each township centre's quota. The T3 totals are in `TotalChecks`.
///
/// Instances:
/// - `T3.station-target[VILLAGE]` for every village that receives a stationed helper: it has
///   ≥ T3.station-population people and no village doctor or no integrated clinic, and at
///   most one helper is stationed there at any one time.
/// - `T3.station-continuity[PERSON:VILLAGE]` for every stationing: ≥ T3.station-months
///   months (end ≥ start + months − 1 day) inside the period.
/// - `T3.part-time-duration[PERSON:FORM:SITE]` for every rounds or technical-support duty:
///   ≥ T3.part-time-months months inside the period (a reading: the year's totals count people
///   helping villages through the year, so a one-day duty does not count as a helper). A duty
///   handed over (a re-plan's `takesOverFrom`: the next holder starts the day after the last
///   ends, same form and site) is one duty held in succession, judged from its first holder's
///   start to its last holder's end.
/// - `T3.tech-support[PERSON:VILLAGE]` for every technical-support duty at a village: the
///   clinic has no licensed (assistant) physician.
/// - `T3.locality[PERSON:FORM:SITE]` for every village duty: the sender is the person's own
///   county hospital or township centre, and every village of the site lies in the sender's
///   county (county hospital) or township (township centre).
/// - `T3.quota[CENTRE]` for every township centre: its own people in rounds or stationing
///   (not technical support: the quote says 巡诊、派驻) ≥ ⌈T3.quota% × medicalStaff⌉, and at
///   least one when it has medical staff. A duty handed over counts its seat once.
///
/// ```text
/// T3.quota[cao-hanji]  3 ≥ ⌈6% × 50⌉ = 3
/// ```
extension PlanVerifier {
    func villageChecks(_ view: PlanView) -> [RuleCheck] {
        stationTargets(view)
            + view.helpers.filter { $0.helper.form == .station }.map(stationContinuity)
            + view.helpers.filter { $0.helper.form != .station }.map { partTimeDuration($0, all: view.helpers) }
            + view.helpers.filter { $0.helper.form == .techSupport }.compactMap(techSupport)
            + view.helpers.map(villageLocality)
            + villageQuotas(view)
    }

    private func stationTargets(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        let minimum = ctx.parameters.int("T3.station-population")
        var stations: [String: [PlanView.Helper]] = [:]
        for h in view.helpers where h.helper.form == .station { stations[h.helper.site, default: []].append(h) }
        return stations.keys.sorted().compactMap { site -> RuleCheck? in
            guard let v = ctx.institutions[site], v.tier == .village, let list = stations[site] else { return nil }
            let population = v.population ?? 0
            let bigEnough = population >= minimum
            let underserved = !v.villageDoctor || !v.integrated
            let ranges = list.compactMap(\.range)
            let atOnce = ranges.map { r in ranges.filter { $0.contains(r.from) }.count }.max() ?? 0
            var problems: [String] = []
            if !bigEnough { problems.append("the village serves \(population) people, fewer than \(minimum)") }
            if !underserved { problems.append("the village has its village doctor and is covered by an integrated clinic") }
            if atOnce > 1 { problems.append("\(atOnce) helpers are stationed there at the same time") }
            let flags = "villageDoctor \(v.villageDoctor ? 1 : 0), integrated \(v.integrated ? 1 : 0): "
                + (underserved ? "a doctor or integration is missing" : "neither is missing")
            return ctx.check("T3.station-target", site, subject: ctx.subject(institution: site),
                             quantities: [Quantity("population", population), Quantity("stationPopulation", minimum),
                                          Quantity("villageDoctor", v.villageDoctor ? 1 : 0),
                                          Quantity("integrated", v.integrated ? 1 : 0),
                                          Quantity("stationedAtOnce", atOnce)],
                             arithmetic: "population \(VerifyText.atLeast(population, minimum)); \(flags); stationed at once \(VerifyText.atMost(atOnce, 1))",
                             finding: problems.isEmpty
                                 ? "\(ctx.label(institution: site)) may receive a stationed helper (\(population) people, "
                                   + (v.villageDoctor ? "not integrated" : "no village doctor") + ")"
                                 : problems.joined(separator: "; "),
                             witnesses: list.map { ctx.witness(person: $0.helper.person, note: "stationed \($0.helper.start)..\($0.helper.end)") },
                             passed: problems.isEmpty)
        }
    }

    private func stationContinuity(_ h: PlanView.Helper) -> RuleCheck {
        posting(rule: "T3.station-continuity", key: "\(h.helper.person):\(h.helper.site)",
                subject: context.subject(person: h.helper.person),
                what: "the stationing at \(context.label(institution: h.helper.site))",
                start: h.helper.start, end: h.helper.end, range: h.range,
                months: context.parameters.int("T3.station-months"))
    }

    /// A rounds or technical-support duty long enough to count in the year's totals; a duty
    /// handed over is judged with its holders before and after (`handoverChain`).
    private func partTimeDuration(_ h: PlanView.Helper, all: [PlanView.Helper]) -> RuleCheck {
        let chain = handoverChain(h, all: all)
        var what = "the \(h.helper.form == .rounds ? "rounds" : "technical-support") duty at \(context.label(institution: h.helper.site))"
        var range = h.range
        if chain.count > 1, let a = chain.first?.range, let b = chain.last?.range {
            range = DayRange(from: a.from, to: b.to)
            what += ", held in succession by " + chain.map { "\(context.label(person: $0.helper.person)) \($0.helper.start)..\($0.helper.end)" }.joined(separator: " then ") + ","
        }
        return posting(rule: "T3.part-time-duration", key: "\(h.helper.person):\(h.helper.form.rawValue):\(h.helper.site)",
                       subject: context.subject(person: h.helper.person), what: what,
                       start: chain.first?.helper.start ?? h.helper.start, end: chain.last?.helper.end ?? h.helper.end, range: range,
                       months: context.parameters.int("T3.part-time-months"))
    }

    /// The holders of a duty handed over, in order: each one after the first names the one
    /// before in `takesOverFrom` and starts the day after they end (same form and site).
    private func handoverChain(_ h: PlanView.Helper, all: [PlanView.Helper]) -> [PlanView.Helper] {
        func same(_ x: PlanView.Helper) -> Bool { x.helper.form == h.helper.form && x.helper.site == h.helper.site && x.range != nil }
        func dayAfter(_ x: PlanView.Helper) -> Day? { x.range.map { $0.to.adding(days: 1) } }
        var chain = [h]
        while chain.count <= all.count, let first = chain.first, let from = first.helper.takesOverFrom,
              let before = all.first(where: { same($0) && $0.helper.person == from && dayAfter($0) == first.range?.from }) {
            chain.insert(before, at: 0)
        }
        while chain.count <= all.count, let last = chain.last,
              let after = all.first(where: { same($0) && $0.helper.takesOverFrom == last.helper.person && $0.range?.from == dayAfter(last) }) {
            chain.append(after)
        }
        return h.range == nil ? [h] : chain
    }

    private func techSupport(_ h: PlanView.Helper) -> RuleCheck? {
        let ctx = context
        guard let v = ctx.institutions[h.helper.site], v.tier == .village else { return nil }
        let licensed = v.licensedPhysician ? 1 : 0
        return ctx.check("T3.tech-support", "\(h.helper.person):\(v.id)", subject: ctx.subject(institution: v.id),
                         quantities: [Quantity("licensedPhysician", licensed)],
                         arithmetic: "licensedPhysician \(licensed) \(licensed == 0 ? "=" : "≠") 0",
                         finding: v.licensedPhysician
                             ? "\(ctx.label(institution: v.id)) has a licensed (assistant) physician, so it is not a technical-support clinic"
                             : "\(ctx.label(institution: v.id)) has no licensed (assistant) physician",
                         witnesses: [ctx.witness(person: h.helper.person, note: "technical support")],
                         passed: !v.licensedPhysician)
    }

    private func villageLocality(_ h: PlanView.Helper) -> RuleCheck {
        let ctx = context, helper = h.helper
        let sender = ctx.institutions[helper.sender]
        var problems: [String] = []
        var parts: [String] = []

        let tierOK = sender?.tier == .county || sender?.tier == .township
        parts.append("sender tier \(sender?.tier.rawValue ?? "unknown") \(tierOK ? "∈" : "∉") {county, township}")
        if !tierOK {
            problems.append("sender \(ctx.label(institution: helper.sender)) is not a county hospital or township centre")
        }
        if let person = h.person {
            let own = person.institution == helper.sender
            parts.append("sender \(own ? "=" : "≠") the person's institution \(person.institution)")
            if !own {
                problems.append("\(ctx.label(person: person.id)) belongs to \(ctx.label(institution: person.institution)), "
                                + "not to the sender \(ctx.label(institution: helper.sender))")
            }
        }

        let villages: [Institution]
        switch helper.form {
        case .rounds: villages = ctx.villages(inArea: helper.site)
        case .station, .techSupport:
            villages = ctx.institutions[helper.site].map { $0.tier == .village ? [$0] : [] } ?? []
        }
        var outside: [Institution] = []
        if villages.isEmpty {
            problems.append("site \"\(helper.site)\" has no village of the scenario; see PLAN.integrity")
        } else if let sender, tierOK {
            let within: (Institution) -> Bool = sender.tier == .township
                ? { $0.township == sender.id }
                : { $0.county != nil && $0.county == sender.county }
            outside = villages.filter { !within($0) }
            let area = sender.tier == .township ? "township of \(sender.id)" : "county \(sender.county ?? "none")"
            parts.append("villages of the site outside the \(area) \(outside.count) \(outside.isEmpty ? "=" : "≠") 0")
            if !outside.isEmpty {
                let names = outside.map { ctx.label(institution: $0.id) }.joined(separator: ", ")
                problems.append(sender.tier == .township
                    ? "\(names) \(outside.count == 1 ? "is" : "are") not in the township of \(ctx.label(institution: sender.id))"
                    : "\(names) \(outside.count == 1 ? "is" : "are") not in \(ctx.countyLabel(sender.county)), the county of \(ctx.label(institution: sender.id))")
            }
        }
        let siteWitness = helper.form == .rounds
            ? Witness(.serviceArea, helper.site, note: "rounds area")
            : ctx.witness(institution: helper.site, note: helper.form.rawValue)
        return ctx.check("T3.locality", "\(helper.person):\(helper.form.rawValue):\(helper.site)",
                         subject: ctx.subject(person: helper.person),
                         quantities: [Quantity("siteVillages", villages.count), Quantity("outside", outside.count)],
                         arithmetic: parts.joined(separator: "; "),
                         finding: problems.isEmpty
                             ? "\(helper.form.rawValue) at \(helper.site) lies within the reach of \(ctx.label(institution: helper.sender))"
                             : problems.joined(separator: "; "),
                         witnesses: [siteWitness, ctx.witness(institution: helper.sender, note: "sender")]
                             + outside.map { ctx.witness(institution: $0.id, note: "outside") },
                         passed: problems.isEmpty)
    }

    private func villageQuotas(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        let percent = ctx.parameters.percent("T3.quota")
        return ctx.institutions(of: .township).map { centre in
            var forms: [String: Set<String>] = [:]
            for h in view.seats where h.helper.sender == centre.id && (h.helper.form == .rounds || h.helper.form == .station) {
                guard let p = h.person, p.institution == centre.id else { continue }
                forms[p.id, default: []].insert(h.helper.form.rawValue)
            }
            let sent = forms.count
            let base = centre.medicalStaff ?? 0
            let quota = PercentQuota(percent: percent, base: base)
            // Every listed centre sends: at least one helper when it has medical staff, even
            // when the quota itself rounds to 0 (e.g. a quota of 0%).
            let floorBinding = base > 0 && (quota.required ?? 1) == 0
            let met = quota.isMet(by: sent) && (!floorBinding || sent >= 1)
            var arithmetic = quota.text(count: sent)
            if floorBinding { arithmetic += "; every listed centre sends: \(VerifyText.atLeast(sent, 1))" }
            let need = floorBinding ? 1 : quota.required
            return ctx.check("T3.quota", centre.id, subject: ctx.subject(institution: centre.id),
                             quantities: [Quantity("medicalStaff", base), Quantity("sent", sent), Quantity("required", need ?? -1)],
                             arithmetic: arithmetic,
                             finding: "\(ctx.label(institution: centre.id)) sends \(VerifyText.counted(sent, "person", "people")) of its own "
                                 + "to villages for rounds or stationing"
                                 + (floorBinding ? "; every listed centre sends at least 1"
                                    : need.map { "; \(quota.percentText)% of \(base) medical staff needs \($0)" } ?? ""),
                             witnesses: forms.keys.map { ctx.witness(person: $0, note: forms[$0]!.sorted().joined(separator: ", ")) },
                             passed: met)
        }
    }
}
