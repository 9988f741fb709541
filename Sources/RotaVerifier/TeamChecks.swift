import RotaCore
extension PlanVerifier {
    /// The two tiers of full-time teams and what differs between them.
    ///
    /// ```swift
    /// TeamTier.t1.senderTiers      // [.tertiary]
    /// TeamTier.t2.recipientTier    // .township
    /// ```
    enum TeamTier: String, Sendable {
        case t1 = "T1", t2 = "T2"

        /// Who may send a team of this tier (T1.one-sender, T2.one-sender).
        var senderTiers: [Tier] { self == .t1 ? [.tertiary] : [.secondary, .county] }
        /// Where a team of this tier goes (T1.locality, T2.locality).
        var recipientTier: Tier { self == .t1 ? .county : .township }
    }
}

/// T1/T2 team rules: team-size, team-mix, duration, one-sender, locality and the per-hospital
/// quota. T1.3331 is in `Group3331Checks`, the tier totals in `TotalChecks`.
///
/// Instances: one per team of the tier (`T1.team-size[T1:hz-municipal>cao-people]`) and one
/// quota per hospital that sends in the tier (`T1.quota[hz-municipal]` for every tertiary
/// hospital; `T2.quota[…]` for every secondary and county hospital).
///
/// ```text
/// T1.team-size[T1:hz-municipal>cao-people]  6 ≥ 6
/// T1.quota[hz-municipal]                     42 < ⌈1.2% × 3520⌉ = 43; teams 1 ≥ 1
/// ```
extension PlanVerifier {
    func teamChecks(_ tier: TeamTier, _ view: PlanView) -> [RuleCheck] {
        let teams = view.teams(tier: tier.rawValue)
        var checks: [RuleCheck] = []
        for t in teams {
            checks.append(teamSize(tier, t))
            checks.append(teamMix(tier, t))
            checks.append(duration(tier, t))
            checks.append(oneSender(tier, t))
            checks.append(locality(tier, t))
        }
        checks += quotas(tier, teams)
        return checks
    }

    private func teamSize(_ tier: TeamTier, _ t: PlanView.Team) -> RuleCheck {
        let ctx = context, need = ctx.parameters.int("\(tier.rawValue).team-size")
        if !t.replacements.isEmpty {
            // Judged on every span between replacements: the team is ≥ need on every day.
            let sizes = t.spans.map { ($0, t.members(on: $0.from)) }
            let smallest = sizes.min { $0.1.count < $1.1.count }!
            let n = smallest.1.count
            return ctx.check("\(tier.rawValue).team-size", t.team.id, subject: ctx.subject(team: t.team),
                             quantities: [Quantity("members", n), Quantity("teamSize", need), Quantity("replacements", t.replacements.count)],
                             arithmetic: sizes.map { "\($0.0): \(VerifyText.atLeast($0.1.count, need))" }.joined(separator: "; "),
                             finding: n >= need
                                 ? "the team has at least \(need) members on every day: " + replacementText(t)
                                 : "the team has \(VerifyText.counted(n, "member", "members")) in \(smallest.0); at least \(need) are required",
                             witnesses: t.terms.map { ctx.witness(person: $0.member.id, note: "\($0.member.role.rawValue) \($0.range)") },
                             passed: n >= need)
        }
        let n = t.members.count
        return ctx.check("\(tier.rawValue).team-size", t.team.id, subject: ctx.subject(team: t.team),
                         quantities: [Quantity("members", n), Quantity("teamSize", need)],
                         arithmetic: VerifyText.atLeast(n, need),
                         finding: "the team has \(VerifyText.counted(n, "member", "members")) of the scenario; at least \(need) are required",
                         witnesses: t.members.map { ctx.witness(person: $0.id, note: $0.role.rawValue) },
                         passed: n >= need)
    }

    /// `hzm-0123 until 2025-06-30, then hzm-0140 (same sender hz-municipal) from 2025-07-01`.
    func replacementText(_ t: PlanView.Team) -> String {
        t.replacements.map { r in
            "\(r.person) until \(r.from.adding(days: -1).iso), then \(r.by.id) (\(r.by.role.rawValue), \(r.by.institution == t.team.sender ? "same sender" : "from \(r.by.institution)")) from \(r.from.iso)"
        }.joined(separator: "; ")
    }

    private func teamMix(_ tier: TeamTier, _ t: PlanView.Team) -> RuleCheck {
        let ctx = context
        if !t.replacements.isEmpty {
            let spans = t.spans.map { span -> (DayRange, [String]) in
                let people = t.members(on: span.from)
                return (span, StaffGroup.allCases.filter { g in !people.contains { $0.role.group == g } }.map(\.rawValue))
            }
            let short = spans.filter { !$0.1.isEmpty }
            return ctx.check("\(tier.rawValue).team-mix", t.team.id, subject: ctx.subject(team: t.team),
                             quantities: StaffGroup.allCases.map { g in Quantity(g.rawValue, t.spans.map { span in t.members(on: span.from).filter { $0.role.group == g }.count }.min() ?? 0) },
                             arithmetic: t.spans.map { span in
                                 "\(span): " + StaffGroup.allCases.map { g in "\(g.rawValue) \(VerifyText.atLeast(t.members(on: span.from).filter { $0.role.group == g }.count, 1))" }.joined(separator: ", ")
                             }.joined(separator: "; "),
                             finding: short.isEmpty ? "the team has doctors, nurses and medical-technical staff on every day: " + replacementText(t)
                                                    : short.map { "in \($0.0) the team has no \($0.1.joined(separator: " and ")) member" }.joined(separator: "; "),
                             witnesses: t.terms.map { ctx.witness(person: $0.member.id, note: "\($0.member.role.rawValue) \($0.range)") },
                             passed: short.isEmpty)
        }
        let counts = StaffGroup.allCases.map { g in (g, t.members.filter { $0.role.group == g }.count) }
        let missing = counts.filter { $0.1 < 1 }.map(\.0.rawValue)
        return ctx.check("\(tier.rawValue).team-mix", t.team.id, subject: ctx.subject(team: t.team),
                         quantities: counts.map { Quantity($0.0.rawValue, $0.1) },
                         arithmetic: counts.map { "\($0.0.rawValue) \(VerifyText.atLeast($0.1, 1))" }.joined(separator: ", "),
                         finding: missing.isEmpty ? "the team has doctors, nurses and medical-technical staff"
                                                  : "the team has no \(missing.joined(separator: " and ")) member",
                         witnesses: t.members.map { ctx.witness(person: $0.id, note: $0.role.rawValue) },
                         passed: missing.isEmpty)
    }

    private func duration(_ tier: TeamTier, _ t: PlanView.Team) -> RuleCheck {
        let check = posting(rule: "\(tier.rawValue).duration", key: t.team.id, subject: context.subject(team: t.team),
                            what: "the posting", start: t.team.start, end: t.team.end, range: t.range,
                            months: context.parameters.int("\(tier.rawValue).duration-months"))
        guard !t.replacements.isEmpty else { return check }
        // posting.replacement: 1 — a member replaced by a colleague of the same sender keeps the
        // team's year (the seat is held without a gap); 0 — every member serves the whole term.
        var c = check
        if context.parameters.int("posting.replacement") == 1 {
            c.arithmetic += "; seats held without a gap (posting.replacement = 1)"
            if c.passed { c.finding += ", its seats held without a gap: " + replacementText(t) }
        } else {
            c.arithmetic += "; replacements \(t.replacements.count) ≠ 0 (posting.replacement = 0)"
            c.finding = (c.passed ? "" : c.finding + "; ") + "with posting.replacement = 0 every member serves the whole term, but "
                + replacementText(t)
            c.verdict = .fail
        }
        return c
    }

    /// A continuous posting of at least `months` months inside the period: end ≥ start +
    /// months − 1 day (T1.duration, T2.duration, T3.station-continuity).
    func posting(rule: String, key: String, subject: CheckSubject, what: String,
                 start: String, end: String, range: DayRange?, months: Int) -> RuleCheck {
        let ctx = context
        guard let range else {
            return ctx.check(rule, key, subject: subject, quantities: [Quantity("months", months)],
                             arithmetic: "dates \(start)..\(end) unreadable",
                             finding: "\(what) has no readable start and end (\(start)..\(end)); see PLAN.integrity",
                             witnesses: [Witness(.dates, "\(start)..\(end)", note: "as written")], passed: false)
        }
        let lastNeeded = range.from.adding(months: months).adding(days: -1)
        let longEnough = range.to >= lastNeeded
        let inside = range.from >= ctx.period.from && range.to <= ctx.period.to
        let needDays = lastNeeded.ordinal - range.from.ordinal + 1
        let arithmetic = "end \(range.to) \(longEnough ? "≥" : "<") \(range.from) + \(months) months − 1 day = \(lastNeeded); "
            + "\(range) \(inside ? "within" : "not within") period \(ctx.period)"
        var problems: [String] = []
        if !longEnough { problems.append("\(what) \(range) lasts \(range.dayCount) days, short of \(months) months (until \(lastNeeded))") }
        if !inside { problems.append("\(what) \(range) reaches outside the period \(ctx.period)") }
        return ctx.check(rule, key, subject: subject,
                         quantities: [Quantity("months", months), Quantity("postingDays", range.dayCount),
                                      Quantity("requiredDays", needDays)],
                         arithmetic: arithmetic,
                         finding: problems.isEmpty ? "\(what) \(range) lasts at least \(months) months inside the period"
                                                   : problems.joined(separator: "; "),
                         witnesses: [Witness(.dates, range.description, note: what)],
                         passed: problems.isEmpty)
    }

    private func oneSender(_ tier: TeamTier, _ t: PlanView.Team) -> RuleCheck {
        let ctx = context, team = t.team
        let senderTier = ctx.institutions[team.sender]?.tier
        let tierOK = senderTier.map { tier.senderTiers.contains($0) } ?? false
        // Every one who serves, replacements too, comes from the sender.
        let serving = t.replacements.isEmpty ? t.members : t.terms.map(\.member)
        let foreign = serving.filter { $0.institution != team.sender }
        let own = serving.count - foreign.count
        var problems: [String] = []
        if !tierOK {
            let allowed = tier.senderTiers.map(\.rawValue).joined(separator: " or ")
            problems.append("sender \(ctx.label(institution: team.sender)) is \(senderTier.map { "a \($0.rawValue) institution" } ?? "unknown"), not \(allowed)")
        }
        if !foreign.isEmpty {
            problems.append("\(VerifyText.counted(foreign.count, "member comes", "members come")) from another institution than the sender")
        }
        let allowed = "{" + tier.senderTiers.map(\.rawValue).joined(separator: ", ") + "}"
        return ctx.check("\(tier.rawValue).one-sender", team.id, subject: ctx.subject(team: team),
                         quantities: [Quantity("members", serving.count), Quantity("fromSender", own)],
                         arithmetic: "members from \(team.sender) \(own) \(foreign.isEmpty ? "=" : "<") \(serving.count); "
                             + "sender tier \(senderTier?.rawValue ?? "unknown") \(tierOK ? "∈" : "∉") \(allowed)",
                         finding: problems.isEmpty ? "all \(serving.count) members come from \(ctx.label(institution: team.sender))"
                                                   : problems.joined(separator: "; "),
                         witnesses: foreign.map { ctx.witness(person: $0.id, note: "from \(ctx.label(institution: $0.institution))") }
                             + [ctx.witness(institution: team.sender, note: "sender")],
                         passed: problems.isEmpty)
    }

    private func locality(_ tier: TeamTier, _ t: PlanView.Team) -> RuleCheck {
        let ctx = context, team = t.team
        let recipient = ctx.institutions[team.recipient], sender = ctx.institutions[team.sender]
        var problems: [String] = []
        var parts: [String] = []
        let tierOK = recipient?.tier == tier.recipientTier
        parts.append("recipient tier \(recipient?.tier.rawValue ?? "unknown") \(tierOK ? "=" : "≠") \(tier.recipientTier.rawValue)")
        if !tierOK {
            problems.append("recipient \(ctx.label(institution: team.recipient)) is not a \(tier.recipientTier.rawValue) institution")
        }
        // T2.locality: a county hospital helps township centres of its own county only.
        if tier == .t2, let sender, sender.tier == .county, let recipient {
            let same = sender.county == recipient.county
            parts.append("sender county \(sender.county ?? "none") \(same ? "=" : "≠") recipient county \(recipient.county ?? "none")")
            if !same {
                problems.append("county hospital \(ctx.label(institution: sender.id)) of \(ctx.countyLabel(sender.county)) "
                                + "sends to \(ctx.label(institution: recipient.id)) in \(ctx.countyLabel(recipient.county))")
            }
        }
        return ctx.check("\(tier.rawValue).locality", team.id, subject: ctx.subject(team: team), quantities: [],
                         arithmetic: parts.joined(separator: "; "),
                         finding: problems.isEmpty ? "\(ctx.label(institution: team.recipient)) may receive this team"
                                                   : problems.joined(separator: "; "),
                         witnesses: [ctx.witness(institution: team.recipient, note: "recipient"),
                                     ctx.witness(institution: team.sender, note: "sender")],
                         passed: problems.isEmpty)
    }

    /// T1.quota / T2.quota: for every hospital that sends in this tier, its own staff in its
    /// teams of the tier ≥ ⌈quota% × technicalStaff⌉, and at least one team when it has
    /// technical staff ("every listed sender sends").
    private func quotas(_ tier: TeamTier, _ teams: [PlanView.Team]) -> [RuleCheck] {
        let ctx = context, rule = "\(tier.rawValue).quota"
        let percent = ctx.parameters.percent(rule)
        let hospitals = tier.senderTiers.flatMap { ctx.institutions(of: $0) }.sorted { $0.id < $1.id }
        return hospitals.map { h in
            let own = teams.filter { $0.team.sender == h.id }
            var teamsOf: [String: [String]] = [:]
            for t in own { for m in t.members where m.institution == h.id { teamsOf[m.id, default: []].append(t.team.id) } }
            let sent = teamsOf.count
            let base = h.technicalStaff ?? 0
            let quota = PercentQuota(percent: percent, base: base)
            let needTeam = base > 0
            let teamsOK = !needTeam || !own.isEmpty
            let met = quota.isMet(by: sent) && teamsOK
            let required = quota.required
            let teamText = needTeam ? "teams \(VerifyText.atLeast(own.count, 1))" : "teams \(own.count) (none required)"
            var finding = "\(ctx.label(institution: h.id)) sends \(VerifyText.counted(sent, "person", "people")) of its own in "
                + "\(VerifyText.counted(own.count, "\(tier.rawValue) team", "\(tier.rawValue) teams"))"
            finding += required.map { "; \(quota.percentText)% of \(base) technical staff needs \($0)" } ?? ""
            if !teamsOK { finding += "; every listed sender must send at least one team" }
            return ctx.check(rule, h.id, subject: ctx.subject(institution: h.id),
                             quantities: [Quantity("technicalStaff", base), Quantity("sent", sent),
                                          Quantity("required", required ?? -1), Quantity("teams", own.count)],
                             arithmetic: "\(quota.text(count: sent)); \(teamText)",
                             finding: finding,
                             witnesses: own.map { Witness(.team, $0.team.id, note: "\(tier.rawValue) team") }
                                 + teamsOf.keys.map { ctx.witness(person: $0, note: "in \(teamsOf[$0]!.sorted().joined(separator: ", "))") },
                             passed: met)
        }
    }
}
