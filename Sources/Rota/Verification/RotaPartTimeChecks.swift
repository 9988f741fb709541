/// The part-time weekly rules in the rota: T3.rounds, T3.tech-support and TCM.weekly, with the
/// leave covers they share.
///
/// Instances (weeks run Monday–Sunday and are judged on their working days inside the period
/// and the duty's dates; a week with none is not judged):
/// - `T3.rounds[PERSON:MONDAY]` per rounds helper and week: distinct half-days with a `rounds`
///   entry at a clinic of the helper's service area (a village whose `serviceArea`, or failing
///   that its own id, is the plan's site) ≥ min(T3.rounds-per-week, working days).
/// - `T3.rounds[area:AREA:MONDAY]` per service area with rounds helpers and every window of
///   T3.rounds-visit-weeks consecutive weeks (weeks with a working day of some helper's duty;
///   one window when there are fewer), starting that Monday: every clinic of the area has a
///   `rounds` entry by a helper of the area or a same-hospital cover. The number of clinics
///   asked is min(clinics, the helpers' half-days off leave in the window) — relaxed only when
///   the calendar leaves fewer half-days than clinics.
/// - `T3.tech-support[PERSON:MONDAY]` per technical-support helper and week: distinct half-days
///   with a `tech-support` entry at the helper's clinic ≥ min(T3.tech-support-per-week,
///   working days).
/// - `TCM.weekly[CENTRE:MONDAY]` per TCM-featured township centre and week of the period:
///   distinct half-days with a `tcm-clinic` entry at the centre by a senior-title TCM doctor
///   the plan names for it (on a day of that clinic's dates) ≥ min(TCM.per-week, working days).
///
/// **Covers.** When a holder (the helper; for TCM, a physician the plan names for the centre)
/// is on leave on a working day of the week and their own entries fall short, entries of the
/// same activity at an eligible site that week by a colleague of the holder's own hospital (for
/// TCM: a senior-title TCM doctor of a named physician's hospital) count as well. An entry
/// counts once: a colleague's entries that their own requirement of the same activity needs
/// (the earliest ones) are not available; the rest are shared out among the week's
/// short-and-on-leave instances in key order, earliest entries first. What is still short is a
/// shortfall and fails.
extension RotaVerifier {
    /// One weekly requirement of a part-time duty.
    struct Demand {
        let rule: String
        let key: String
        let subject: CheckSubject
        let activity: RotaActivity
        /// The people whose own entries count (the helper; a centre's named senior physicians).
        let holders: Set<String>
        let week: DayRange
        let working: [Day]
        let asked: Int
        var required: Int { min(asked, working.count) }
        /// The sites whose entries count for this demand.
        let sites: [String]
        /// Whether an entry by a holder on that day is their own (e.g. within the clinic's dates).
        let ownDay: (String, Day) -> Bool
        /// Holders on leave on a working day of the week.
        let absent: [String]
        /// Whether someone not among the holders may cover.
        let mayCover: (StaffMember) -> Bool
        /// What is being counted, e.g. "rounds in service area cao-anling-a1".
        let what: String
        /// Extra evidence (the village, the area, the named physicians).
        let evidence: [Witness]
    }

    func partTimeChecks(_ book: Book) -> [RuleCheck] {
        let demands = roundsDemands() + techDemands() + tcmDemands()
        var groups: [String: [Demand]] = [:]
        for d in demands { groups["\(d.activity.rawValue)|\(d.week.from.weekStart.iso)", default: []].append(d) }
        var checks: [RuleCheck] = []
        for key in groups.keys.sorted() { checks += decide(groups[key]!.sorted { $0.key < $1.key }, book) }
        return checks + areaWindowChecks(book)
    }

    // MARK: Demands

    private func roundsDemands() -> [Demand] {
        let ctx = context, asked = ctx.parameters.int("T3.rounds-per-week")
        return helpers(.rounds).flatMap { h -> [Demand] in
            let person = h.person!, area = h.helper.site
            return weeks(h.range!).compactMap { w in
                let working = workingDays(w)
                guard !working.isEmpty else { return nil }
                return Demand(rule: "T3.rounds", key: "\(person.id):\(w.from.weekStart.iso)", subject: ctx.subject(person: person.id),
                              activity: .rounds, holders: [person.id], week: w, working: working, asked: asked,
                              sites: ctx.villages(inArea: area).map(\.id), ownDay: { _, _ in true },
                              absent: working.contains { onLeave(person.id, $0) } ? [person.id] : [],
                              mayCover: { $0.institution == person.institution },
                              what: "rounds in service area \(area)",
                              evidence: [Witness(.serviceArea, area, note: "rounds area")])
            }
        }
    }

    private func techDemands() -> [Demand] {
        let ctx = context, asked = ctx.parameters.int("T3.tech-support-per-week")
        return helpers(.techSupport).flatMap { h -> [Demand] in
            let person = h.person!, clinic = h.helper.site
            return weeks(h.range!).compactMap { w in
                let working = workingDays(w)
                guard !working.isEmpty else { return nil }
                return Demand(rule: "T3.tech-support", key: "\(person.id):\(w.from.weekStart.iso)", subject: ctx.subject(person: person.id),
                              activity: .techSupport, holders: [person.id], week: w, working: working, asked: asked,
                              sites: [clinic], ownDay: { _, _ in true },
                              absent: working.contains { onLeave(person.id, $0) } ? [person.id] : [],
                              mayCover: { $0.institution == person.institution },
                              what: "technical support at \(ctx.label(institution: clinic))",
                              evidence: [ctx.witness(institution: clinic, note: "clinic")])
            }
        }
    }

    private func tcmDemands() -> [Demand] {
        let ctx = context, asked = ctx.parameters.int("TCM.per-week")
        return ctx.institutions(of: .township).filter(\.tcmFeatured).flatMap { centre -> [Demand] in
            let clinics = (index.clinicsAt[centre.id] ?? []).filter { PlanVerifier.isSeniorTCMDoctor($0.physician!) }
            return weeks(ctx.period).compactMap { w in
                let working = workingDays(w)
                guard !working.isEmpty else { return nil }
                let active = clinics.filter { c in working.contains { c.range!.contains($0) } }
                let holders = Set(active.map(\.clinic.physician))
                let absent = active.filter { c in working.contains { c.range!.contains($0) && onLeave(c.clinic.physician, $0) } }
                let absentHomes = Set(absent.map { $0.physician!.institution })
                var evidence = [ctx.witness(institution: centre.id, note: "TCM-featured centre")]
                evidence += active.map { ctx.witness(person: $0.clinic.physician, note: "named senior TCM physician \($0.clinic.start)..\($0.clinic.end)") }
                if active.isEmpty { evidence.append(Witness(.dates, w.description, note: "the plan names no senior TCM physician this week")) }
                return Demand(rule: "TCM.weekly", key: "\(centre.id):\(w.from.weekStart.iso)", subject: ctx.subject(institution: centre.id),
                              activity: .tcmClinic, holders: holders, week: w, working: working, asked: asked,
                              sites: [centre.id],
                              ownDay: { person, day in active.contains { $0.clinic.physician == person && $0.range!.contains(day) } },
                              absent: Array(Set(absent.map(\.clinic.physician))).sorted(),
                              mayCover: { PlanVerifier.isSeniorTCMDoctor($0) && absentHomes.contains($0.institution) },
                              what: "senior TCM clinic at \(ctx.label(institution: centre.id))",
                              evidence: evidence)
            }
        }
    }

    // MARK: Deciding a week

    /// Decides the demands of one activity and week together, sharing covers out.
    private func decide(_ demands: [Demand], _ book: Book) -> [RuleCheck] {
        var used = Set<Int>()          // item indices counted already
        var busy = Set<String>()       // "person|slot" counted already
        func key(_ i: Book.Item) -> String { "\(i.person)|\(i.slot)" }

        // Own entries first: each holder's earliest entries up to the requirement are theirs.
        var own: [[Book.Item]] = []
        let pools = demands.map { d in
            d.sites.flatMap { book.items(d.activity, at: $0, week: d.week) }.sorted { ($0.slot, $0.person, $0.site, $0.index) < ($1.slot, $1.person, $1.site, $1.index) }
        }
        for (n, d) in demands.enumerated() {
            let mine = RotaVerifier.distinctSlots(pools[n].filter { i in d.holders.contains(i.person) && d.ownDay(i.person, i.day!) })
            own.append(mine)
            for i in mine.prefix(d.required) { used.insert(i.index); busy.insert(key(i)) }
        }
        // A holder's entries beyond their own requirement are free to cover someone else.
        // Covers for short demands whose holders were on leave.
        var covers: [[Book.Item]] = Array(repeating: [], count: demands.count)
        for (n, d) in demands.enumerated() where own[n].count < d.required && !d.absent.isEmpty {
            for i in pools[n] where covers[n].count < d.required - own[n].count {
                guard !used.contains(i.index), !busy.contains(key(i)), !d.holders.contains(i.person),
                      let s = context.staff[i.person], d.mayCover(s) else { continue }
                covers[n].append(i); used.insert(i.index); busy.insert(key(i))
            }
        }
        return demands.enumerated().map { n, d in weekCheck(d, own: own[n], covers: covers[n]) }
    }

    private func weekCheck(_ d: Demand, own: [Book.Item], covers: [Book.Item]) -> RuleCheck {
        let ctx = context
        let required = d.required, total = own.count + covers.count
        let monday = d.week.from.weekStart
        var witnesses = d.evidence
        for i in own { witnesses.append(Witness(.dates, i.day!.iso, note: "\(i.entry.half.rawValue): \(i.entry.activity.rawValue) at \(ctx.label(institution: i.site))")) }
        for i in covers {
            witnesses.append(Witness(.dates, i.day!.iso, note: "\(i.entry.half.rawValue): cover by \(ctx.label(person: i.person)) at \(ctx.label(institution: i.site))"))
        }
        for p in Set(covers.map(\.person)).sorted() { witnesses.append(ctx.witness(person: p, note: "covers")) }
        for p in d.absent {
            witnesses += RotaVerifier.dayRuns(d.working.filter { onLeave(p, $0) }, note: "leave of \(ctx.label(person: p))")
        }
        var why: [String] = []
        if d.working.count < d.asked {
            why.append(shortReason(d.week, full: DayRange(from: monday, to: monday.adding(days: 6)), working: d.working.count))
        }
        let relaxed = required < d.asked ? " (relaxed to \(required): \(why.joined(separator: "; ")))" : ""
        let counted = covers.isEmpty ? "\(total)" : "own \(own.count) + cover \(covers.count) = \(total)"
        let arithmetic = "\(d.rule == "TCM.weekly" ? "clinics" : "half-days") \(counted) \(total >= required ? "≥" : "<") "
            + "min(\(d.asked), \(d.working.count) working days) = \(required)"
        let passed = total >= required
        let leaveText = d.absent.isEmpty ? "" : "; \(d.absent.map { ctx.label(person: $0) }.joined(separator: ", ")) on leave"
        let finding: String
        if passed {
            finding = "\(VerifyText.counted(total, "half-day", "half-days")) of \(d.what) in the week of \(monday.iso)"
                + (covers.isEmpty ? "" : " (\(covers.count) by \(Set(covers.map(\.person)).sorted().map { ctx.label(person: $0) }.joined(separator: ", ")) covering\(leaveText))")
                + relaxed
        } else {
            finding = (d.absent.isEmpty ? "" : "shortfall: ") + "\(VerifyText.counted(total, "half-day", "half-days")) of \(d.what) in the week of \(monday.iso), \(required) required"
                + leaveText + (d.absent.isEmpty ? "" : ", not covered by a colleague") + relaxed
        }
        return ctx.check(d.rule, d.key, subject: d.subject,
                         quantities: [Quantity("workingDays", d.working.count), Quantity("asked", d.asked), Quantity("required", required),
                                      Quantity("own", own.count), Quantity("cover", covers.count), Quantity("holdersOnLeave", d.absent.count)],
                         arithmetic: arithmetic, finding: finding, witnesses: witnesses, passed: passed)
    }

    // MARK: Rounds areas

    private func areaWindowChecks(_ book: Book) -> [RuleCheck] {
        let ctx = context
        let n = max(1, ctx.parameters.int("T3.rounds-visit-weeks"))
        var byArea: [String: [PlanVerifier.PlanView.Helper]] = [:]
        for h in helpers(.rounds) { byArea[h.helper.site, default: []].append(h) }
        return byArea.keys.sorted().flatMap { area -> [RuleCheck] in
            let team = byArea[area]!
            let clinics = ctx.villages(inArea: area)
            guard !clinics.isEmpty else { return [] }
            let homes = Set(team.map { $0.person!.institution })
            // Weeks with a working day of some helper's duty.
            var mondays = Set<Int>()
            for h in team { for w in weeks(h.range!) where !workingDays(w).isEmpty { mondays.insert(w.from.weekStart.ordinal) } }
            let list = mondays.sorted().map(Day.init(ordinal:))
            guard !list.isEmpty else { return [] }
            let starts = list.count <= n ? [0] : Array(0...(list.count - n))
            return starts.map { s in
                let window = Array(list[s..<min(list.count, s + n)])
                return areaWindow(area, team: team, clinics: clinics, homes: homes, window: window, book)
            }
        }
    }

    private func areaWindow(_ area: String, team: [PlanVerifier.PlanView.Helper], clinics: [Institution], homes: Set<String>,
                            window: [Day], _ book: Book) -> RuleCheck {
        let ctx = context
        var visits: [String: Int] = [:]
        var slots = 0
        for monday in window {
            let week = DayRange(from: monday, to: monday.adding(days: 6))
            for clinic in clinics {
                for i in book.items(.rounds, at: clinic.id, week: week) {
                    let planned = team.contains { $0.helper.person == i.person && $0.range!.contains(i.day!) }
                    let cover = !planned && (ctx.staff[i.person].map { homes.contains($0.institution) } ?? false)
                    if planned || cover { visits[i.site, default: 0] += 1 }
                }
            }
            for h in team {
                guard let r = week.clipped(to: h.range!) else { continue }
                slots += 2 * workingDays(r).filter { !onLeave(h.helper.person, $0) }.count
            }
        }
        let visited = clinics.filter { visits[$0.id] != nil }
        let unvisited = clinics.filter { visits[$0.id] == nil }
        let required = min(clinics.count, slots)
        let first = window.first!, last = window.last!.adding(days: 6)
        let span = "\(first.iso)..\(last.iso)"
        var witnesses = [Witness(.serviceArea, area, note: "rounds area"), Witness(.dates, span, note: "window of \(VerifyText.counted(window.count, "week", "weeks"))")]
        witnesses += visited.map { ctx.witness(institution: $0.id, note: "visited \(visits[$0.id]!)×") }
        witnesses += unvisited.map { ctx.witness(institution: $0.id, note: "not visited") }
        witnesses += team.map { ctx.witness(person: $0.helper.person, note: "rounds helper") }
        let passed = visited.count >= required
        let relaxed = required < clinics.count ? " (relaxed to \(required): only \(slots) half-days of the area's helpers off leave in the window)" : ""
        return ctx.check("T3.rounds", "area:\(area):\(first.iso)",
                         subject: CheckSubject(kind: .region, id: area, name: "service area"),
                         quantities: [Quantity("weeks", window.count), Quantity("clinics", clinics.count), Quantity("helperHalfDays", slots),
                                      Quantity("required", required), Quantity("visited", visited.count)],
                         arithmetic: "clinics visited \(VerifyText.atLeast(visited.count, required)) = min(\(clinics.count) clinics, \(slots) half-days)",
                         finding: (unvisited.isEmpty || passed
                             ? "\(visited.count) of \(clinics.count) clinics of service area \(area) get a rounds session in \(span)"
                             : "\(unvisited.map { ctx.label(institution: $0.id) }.joined(separator: ", ")) of service area \(area) get no rounds session in \(span)")
                             + relaxed,
                         witnesses: witnesses, passed: passed)
    }
}
