import RotaCore
/// PLAN.integrity: is the plan a readable plan of *this* scenario?
///
/// Instances: the plan's header (`format`, `scenario`, `profile`, `period`), every team
/// (`team:ID`), every village helper (`helper:PERSON:FORM:SITE`), every TCM clinic
/// (`tcm:CENTRE:PHYSICIAN`), and every person with two or more duties (`person:ID`, "in one
/// place at a time").
///
/// A problem here does not stop the other checks; they use whatever is readable.
///
/// ```text
/// PLAN.integrity[team:T1:hz-municipal>cao-people]: members "hzm-9999" are not staff of the scenario
/// PLAN.integrity[person:hzm-0001]: T1 team … (…) and stationing at … (…) at the same time
/// ```
extension PlanVerifier {
    func integrityChecks(_ plan: Plan, _ view: PlanView) -> [RuleCheck] {
        headerChecks(plan)
            + teamIntegrity(view)
            + view.helpers.map { helperIntegrity($0, all: view.helpers) }
            + view.clinics.map { clinicIntegrity($0, all: view.clinics) }
            + onePlaceAtATime(view)
    }

    // MARK: Header

    private func headerChecks(_ plan: Plan) -> [RuleCheck] {
        let ctx = context, s = ctx.scenario
        let subject = CheckSubject(kind: .plan, id: "plan", name: "plan.json")
        func same(_ key: String, _ field: String, plan value: String, scenario expected: String) -> RuleCheck {
            let ok = value == expected
            return ctx.check("PLAN.integrity", key, subject: subject, quantities: [],
                             arithmetic: ok ? "\"\(value)\" = \"\(expected)\"" : "\"\(value)\" ≠ \"\(expected)\"",
                             finding: ok ? "the plan's \(field) is \"\(value)\""
                                         : "the plan's \(field) is \"\(value)\", but the scenario's is \"\(expected)\"",
                             passed: ok)
        }
        let planPeriod = "\(plan.period.start)..\(plan.period.end)"
        return [
            ctx.check("PLAN.integrity", "format", subject: subject, quantities: [],
                      arithmetic: plan.format == Plan.formatVersion ? "\"\(plan.format)\" = \"\(Plan.formatVersion)\""
                                                                    : "\"\(plan.format)\" ≠ \"\(Plan.formatVersion)\"",
                      finding: plan.format == Plan.formatVersion ? "the plan is in format \(Plan.formatVersion)"
                               : "the plan's format \"\(plan.format)\" is not \(Plan.formatVersion), the one this verifier reads",
                      passed: plan.format == Plan.formatVersion),
            same("scenario", "scenario name", plan: plan.scenario, scenario: s.name),
            same("profile", "profile", plan: plan.profile, scenario: s.profile),
            same("period", "period", plan: planPeriod, scenario: ctx.period.description),
        ]
    }

    // MARK: Items

    /// Problems with a duty's dates: unreadable, backwards, or outside the period.
    func dateProblems(_ start: String, _ end: String) -> [String] {
        var problems: [String] = []
        let s = Day(iso: start), e = Day(iso: end)
        if s == nil { problems.append("start \"\(start)\" is not a date (YYYY-MM-DD)") }
        if e == nil { problems.append("end \"\(end)\" is not a date (YYYY-MM-DD)") }
        if let s, let e {
            if e < s {
                problems.append("end \(e) is before start \(s)")
            } else if s < context.period.from || e > context.period.to {
                problems.append("dates \(s)..\(e) reach outside the period \(context.period)")
            }
        }
        return problems
    }

    private func teamIntegrity(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        var idsSeen = Set<String>()
        return view.teams.map { t in
            let team = t.team
            var problems: [String] = []
            var witnesses: [Witness] = []
            if team.tier != "T1" && team.tier != "T2" {
                problems.append("tier \"\(team.tier)\" is not T1 or T2")
            }
            let expectedID = "\(team.tier):\(team.sender)>\(team.recipient)"
            if team.id != expectedID {
                problems.append("id \"\(team.id)\" does not match TIER:SENDER>RECIPIENT (expected \"\(expectedID)\")")
            }
            if !idsSeen.insert(team.id).inserted {
                problems.append("team id \"\(team.id)\" is listed more than once")
            }
            for (field, id) in [("sender", team.sender), ("recipient", team.recipient)] where ctx.institutions[id] == nil {
                problems.append("\(field) \"\(id)\" is not an institution of the scenario")
                witnesses.append(Witness(.institution, id, note: "unknown \(field)"))
            }
            problems += dateProblems(team.start, team.end)

            let unknown = team.members.filter { ctx.staff[$0] == nil }
            for id in Set(unknown).sorted() {
                problems.append("member \"\(id)\" is not staff of the scenario")
                witnesses.append(Witness(.person, id, note: "unknown member"))
            }
            var counts: [String: Int] = [:]
            for m in team.members { counts[m, default: 0] += 1 }
            let repeated = counts.filter { $0.value > 1 }.keys.sorted()
            for id in repeated {
                problems.append("\(ctx.label(person: id)) is listed \(counts[id]!) times in the team")
                witnesses.append(ctx.witness(person: id, note: "listed \(counts[id]!) times"))
            }
            // Replacements: each names a known colleague not yet in the team, a day inside the
            // term after its start, in date order, and a person holding a seat the day before.
            var seatFrom: [String: Day] = [:]
            if let r = t.range { for m in team.members { seatFrom[m] = r.from } }
            var previous: Day?
            for (i, r) in (team.replacements ?? []).enumerated() {
                let at = "replacements[\(i)]"
                guard let day = Day(iso: r.from) else { problems.append("\(at).from \"\(r.from)\" is not a date YYYY-MM-DD"); continue }
                if let range = t.range, !(day > range.from && day <= range.to) {
                    problems.append("\(at).from \(day.iso) is not a day of the posting after its first day \(range.from.iso)")
                }
                if let p = previous, day < p { problems.append("\(at).from \(day.iso) is before the replacement listed before it (\(p.iso))") }
                previous = day
                if ctx.staff[r.replacement] == nil {
                    problems.append("\(at).replacement \"\(r.replacement)\" is not staff of the scenario")
                    witnesses.append(Witness(.person, r.replacement, note: "unknown replacement"))
                } else if team.members.contains(r.replacement) || seatFrom[r.replacement] != nil || (team.replacements ?? []).prefix(i).contains(where: { $0.replacement == r.replacement }) {
                    problems.append("\(at).replacement \(ctx.label(person: r.replacement)) already serves in the team")
                }
                if let since = seatFrom[r.person], since < day {
                    seatFrom[r.person] = nil
                    if ctx.staff[r.replacement] != nil { seatFrom[r.replacement] = day }
                } else {
                    problems.append("\(at).person \(ctx.label(person: r.person)) holds no place in the team on \(day.adding(days: -1).iso)")
                    witnesses.append(Witness(.person, r.person, note: "replaced without a place"))
                }
            }
            if let g = team.group3331 {
                if team.tier != "T1" { problems.append("a \(team.tier) team has no 3331 group") }
                for (role, id) in [("doctor", g.doctor), ("nurse", g.nurse), ("pharmacist", g.pharmacist)] where ctx.staff[id] == nil {
                    problems.append("3331 \(role) \"\(id)\" is not staff of the scenario")
                    witnesses.append(Witness(.person, id, note: "unknown 3331 \(role)"))
                }
                if ctx.institutions[g.workstation] == nil {
                    problems.append("3331 workstation \"\(g.workstation)\" is not an institution of the scenario")
                    witnesses.append(Witness(.institution, g.workstation, note: "unknown workstation"))
                }
            }
            return itemCheck("team:\(team.id)", subject: ctx.subject(team: team), what: "team \(team.id)",
                             quantities: [Quantity("members", team.members.count), Quantity("unknownMembers", unknown.count),
                                          Quantity("repeatedMembers", repeated.count)],
                             problems: problems, witnesses: witnesses)
        }
    }

    private func helperIntegrity(_ h: PlanView.Helper, all: [PlanView.Helper]) -> RuleCheck {
        let ctx = context, helper = h.helper
        var problems: [String] = []
        var witnesses: [Witness] = []
        if h.person == nil {
            problems.append("person \"\(helper.person)\" is not staff of the scenario")
            witnesses.append(Witness(.person, helper.person, note: "unknown person"))
        }
        if ctx.institutions[helper.sender] == nil {
            problems.append("sender \"\(helper.sender)\" is not an institution of the scenario")
            witnesses.append(Witness(.institution, helper.sender, note: "unknown sender"))
        }
        switch helper.form {
        case .station, .techSupport:
            if let site = ctx.institutions[helper.site] {
                if site.tier != .village {
                    problems.append("site \(ctx.label(institution: site.id)) is a \(site.tier.rawValue), not a village")
                    witnesses.append(ctx.witness(institution: site.id, note: "not a village"))
                }
            } else {
                problems.append("site \"\(helper.site)\" is not a village of the scenario")
                witnesses.append(Witness(.institution, helper.site, note: "unknown village"))
            }
        case .rounds:
            if ctx.serviceAreas[helper.site] == nil {
                problems.append("site \"\(helper.site)\" is not the service area of any village")
                witnesses.append(Witness(.serviceArea, helper.site, note: "unknown service area"))
            }
        }
        problems += dateProblems(helper.start, helper.end)
        if let from = helper.takesOverFrom {
            // A handover continues a duty of the named helper, same form and site, ending the day before.
            let dayBefore = Day(iso: helper.start).map { $0.adding(days: -1).iso }
            let handed = all.contains { $0.helper.form == helper.form && $0.helper.site == helper.site && $0.helper.person == from && $0.helper.end == dayBefore }
            if from == helper.person || !handed {
                problems.append("takes over from \(ctx.label(person: from)), who holds no \(helper.form.rawValue) duty at \(helper.site) ending the day before \(helper.start)")
                witnesses.append(Witness(.person, from, note: "no \(helper.form.rawValue) duty here ending \(dayBefore ?? "the day before")"))
            }
        }
        let key = "helper:\(helper.person):\(helper.form.rawValue):\(helper.site)"
        return itemCheck(key, subject: ctx.subject(person: helper.person),
                         what: "\(helper.form.rawValue) duty of \(ctx.label(person: helper.person)) at \(helper.site)",
                         quantities: [], problems: problems, witnesses: witnesses)
    }

    /// A clinic's own fields; and a handover (`takesOverFrom`) must continue a clinic of the
    /// named physician at the same centre that ends the day before this one starts.
    private func clinicIntegrity(_ c: PlanView.Clinic, all: [PlanView.Clinic]) -> RuleCheck {
        let ctx = context, clinic = c.clinic
        var problems: [String] = []
        var witnesses: [Witness] = []
        if let centre = ctx.institutions[clinic.centre] {
            if centre.tier != .township {
                problems.append("centre \(ctx.label(institution: centre.id)) is a \(centre.tier.rawValue), not a township centre")
                witnesses.append(ctx.witness(institution: centre.id, note: "not a township centre"))
            } else if !centre.tcmFeatured {
                problems.append("centre \(ctx.label(institution: centre.id)) is not TCM-featured")
                witnesses.append(ctx.witness(institution: centre.id, note: "not TCM-featured"))
            }
        } else {
            problems.append("centre \"\(clinic.centre)\" is not an institution of the scenario")
            witnesses.append(Witness(.institution, clinic.centre, note: "unknown centre"))
        }
        if c.physician == nil {
            problems.append("physician \"\(clinic.physician)\" is not staff of the scenario")
            witnesses.append(Witness(.person, clinic.physician, note: "unknown physician"))
        }
        if ctx.institutions[clinic.sender] == nil {
            problems.append("sender \"\(clinic.sender)\" is not an institution of the scenario")
            witnesses.append(Witness(.institution, clinic.sender, note: "unknown sender"))
        }
        problems += dateProblems(clinic.start, clinic.end)
        if let from = clinic.takesOverFrom {
            let dayBefore = Day(iso: clinic.start).map { $0.adding(days: -1).iso }
            let handed = all.contains { $0.clinic.centre == clinic.centre && $0.clinic.physician == from && $0.clinic.end == dayBefore }
            if from == clinic.physician || !handed {
                problems.append("takes over from \(ctx.label(person: from)), who holds no clinic at \(clinic.centre) ending the day before \(clinic.start)")
                witnesses.append(Witness(.person, from, note: "no clinic here ending \(dayBefore ?? "the day before")"))
            }
        }
        return itemCheck("tcm:\(clinic.centre):\(clinic.physician)", subject: ctx.subject(institution: clinic.centre),
                         what: "TCM clinic of \(ctx.label(person: clinic.physician)) at \(clinic.centre)",
                         quantities: [], problems: problems, witnesses: witnesses)
    }

    private func itemCheck(_ key: String, subject: CheckSubject, what: String, quantities: [Quantity],
                           problems: [String], witnesses: [Witness]) -> RuleCheck {
        context.check("PLAN.integrity", key, subject: subject,
                      quantities: quantities + [Quantity("problems", problems.count)],
                      arithmetic: "problems \(problems.count) \(problems.isEmpty ? "=" : "≠") 0",
                      finding: problems.isEmpty ? "\(what) names known people and places with dates inside the period"
                                                : problems.joined(separator: "; "),
                      witnesses: witnesses, passed: problems.isEmpty)
    }

    // MARK: One place at a time

    /// Pairs of a person's duties that overlap in time and may not: two full-time postings,
    /// or a full-time posting and any other duty (but the T2 + own-centre TCM clinic exception).
    func conflicts(of person: StaffMember, _ duties: [Duty]) -> [(Duty, Duty)] {
        var result: [(Duty, Duty)] = []
        for i in duties.indices {
            for j in duties.indices where j > i {
                let a = duties[i], b = duties[j]
                guard a.isFullTime || b.isFullTime, a.range.overlaps(b.range),
                      !a.mayOverlap(b, person: person, context) else { continue }
                result.append((a, b))
            }
        }
        return result
    }

    /// A clash in words: `X (dates) and Y (dates) at the same time`, with why the TCM
    /// exception does not apply when the pair looks like it.
    func clashText(_ a: Duty, _ b: Duty, person: StaffMember) -> String {
        let text = "\(a.describe(context)) and \(b.describe(context)) at the same time"
        return a.exceptionRefused(b, person: person, context).map { "\(text) (\($0))" } ?? text
    }

    private func onePlaceAtATime(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        return view.duties.keys.sorted().compactMap { id -> RuleCheck? in
            guard let person = ctx.staff[id], let duties = view.duties[id], duties.count >= 2 else { return nil }
            let clashes = conflicts(of: person, duties)
            let witnesses = clashes.flatMap { a, b in
                [a.witness(ctx), b.witness(ctx)]
            }
            let finding = clashes.isEmpty
                ? "\(ctx.label(person: id)) is in one place at a time across \(duties.count) duties"
                : "\(ctx.label(person: id)) is in two places at once: "
                    + clashes.map { clashText($0.0, $0.1, person: person) }.joined(separator: "; ")
            return ctx.check("PLAN.integrity", "person:\(id)", subject: ctx.subject(person: id),
                             quantities: [Quantity("duties", duties.count), Quantity("overlaps", clashes.count)],
                             arithmetic: "overlapping duties \(clashes.count) \(clashes.isEmpty ? "=" : "≠") 0",
                             finding: finding, witnesses: Array(Set(witnesses)), passed: clashes.isEmpty)
        }
    }
}
