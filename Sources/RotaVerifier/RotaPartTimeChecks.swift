import RotaCore
/// The part-time weekly rules in the rota: T3.rounds, T3.tech-support and TCM.weekly, with the
/// leave covers they share.
///
/// Instances (weeks run Monday–Sunday and are judged on their working days inside the period
/// and the duty's dates; a week with none is not judged):
/// - `T3.rounds[PERSON:MONDAY]` per rounds helper and week: distinct visits — a day and a
///   clinic; the morning and afternoon at one clinic on one day are one visit (rules.md,
///   "Sessions are visits") — with a `rounds` entry at a clinic of the helper's service area (a
///   village whose `serviceArea`, or failing that its own id, is the plan's site)
///   ≥ min(T3.rounds-per-week, working days).
/// - `T3.rounds[area:AREA:MONDAY]` per service area with rounds helpers and every window of
///   T3.rounds-visit-weeks consecutive weeks (weeks with a working day of some helper's duty;
///   one window when there are fewer), starting that Monday: every clinic of the area has a
///   `rounds` entry by a helper of the area or a same-hospital cover. The number of clinics
///   asked is min(clinics, the helpers' half-days off leave in the window) — relaxed only when
///   the calendar leaves fewer half-days than clinics.
/// - `T3.tech-support[PERSON:MONDAY]` per technical-support helper and week: distinct visits
///   (days, as the helper has one clinic) with a `tech-support` entry at the helper's clinic
///   ≥ min(T3.tech-support-per-week, working days).
/// - `TCM.weekly[CENTRE:MONDAY]` per TCM-featured township centre and week of the period:
///   distinct half-days with a `tcm-clinic` entry at the centre by a senior-title TCM doctor
///   the plan names for it (on a day of that clinic's dates) ≥ min(TCM.per-week, working days).
///
/// **Covers.** When a holder (the helper; for TCM, a physician the plan names for the centre)
/// is on leave on a working day of the week and their own entries fall short, entries of the
/// same activity at an eligible site that week by a colleague of the holder's own hospital (for
/// TCM: any senior-title TCM doctor who may hold the centre's clinic — a city hospital's, or a
/// county hospital's of the centre's county, as TCM.locality reads) count as well. An entry
/// counts once: a colleague's entries that their own requirement of the same activity needs
/// (the earliest ones) are not available; the rest are shared out among the week's
/// short-and-on-leave instances in key order, earliest entries first. What is still short is a
/// shortfall and fails.
extension RotaVerifier {
    /// One weekly requirement of a part-time duty (a class: the checks pass demands around a lot,
    /// and a reference is cheaper to hand on than all these fields).
    final class Demand {
        let rule: String
        let key: String
        let subject: CheckSubject
        let activity: RotaActivity
        let week: DayRange
        let working: [Day]
        let asked: Int
        var required: Int { min(asked, working.count) }
        /// Whether the requirement counts visits (rounds, technical support: distinct days or
        /// clinics) rather than half-days (a TCM clinic is a half-day session).
        var countsVisits: Bool { activity == .rounds || activity == .techSupport }
        /// The unit counted, singular and plural.
        var unit: (String, String) { countsVisits ? ("visit", "visits") : ("half-day", "half-days") }
        /// The people whose own entries count (the helper; a centre's named senior physicians), as
        /// the book numbers them (those the rota names).
        let holders: [Int32]
        /// The sites whose entries count for this demand, as the book numbers them (those the
        /// rota names, in order).
        let sites: [Int32]
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

        init(rule: String, key: String, subject: CheckSubject, activity: RotaActivity, week: DayRange, working: [Day], asked: Int,
             holders: [Int32], sites: [Int32], ownDay: @escaping (String, Day) -> Bool, absent: [String],
             mayCover: @escaping (StaffMember) -> Bool, what: String, evidence: [Witness]) {
            self.rule = rule; self.key = key; self.subject = subject; self.activity = activity; self.week = week
            self.working = working; self.asked = asked; self.holders = holders; self.sites = sites; self.ownDay = ownDay
            self.absent = absent; self.mayCover = mayCover; self.what = what; self.evidence = evidence
        }
    }

    func partTimeChecks(_ book: Book) -> [RuleCheck] {
        weeklyChecks(book) + areaWindowChecks(book)
    }

    /// T3.rounds and T3.tech-support per helper and week, TCM.weekly per centre and week.
    func weeklyChecks(_ book: Book) -> [RuleCheck] {
        let demands = roundsDemands(book) + techDemands(book) + tcmDemands(book)
        // Demands of one activity and week share their covers; groups go in `activity|MONDAY` order.
        struct Group: Hashable { let activity: RotaActivity; let monday: Int }
        var groups: [Group: [Demand]] = [:]
        for d in demands { groups[Group(activity: d.activity, monday: d.week.from.weekStart.ordinal), default: []].append(d) }
        let order = groups.keys.map { ("\($0.activity.rawValue)|\(Day(ordinal: $0.monday).iso)", $0) }.sorted { $0.0 < $1.0 }
        var checks: [RuleCheck] = []
        for (_, group) in order { decide(groups[group]!.sorted { $0.key < $1.key }, book, into: &checks) }
        return checks
    }

    // MARK: Demands

    private func roundsDemands(_ book: Book) -> [Demand] {
        helperDemands(book, form: .rounds, activity: .rounds, rule: "T3.rounds", asked: "T3.rounds-per-week") { area in
            (sites: context.villages(inArea: area).compactMap { book.site($0.id) },
             what: "rounds in service area \(area)", evidence: [Witness(.serviceArea, area, note: "rounds area")])
        }
    }

    private func techDemands(_ book: Book) -> [Demand] {
        helperDemands(book, form: .techSupport, activity: .techSupport, rule: "T3.tech-support", asked: "T3.tech-support-per-week") { clinic in
            (sites: book.site(clinic).map { [$0] } ?? [],
             what: "technical support at \(context.label(institution: clinic))",
             evidence: [context.witness(institution: clinic, note: "clinic")])
        }
    }

    /// One demand per week of each part-time helper of `form`: `asked` sessions (the parameter
    /// of that name) at the sites `place` gives for the helper's site, coverable during leave
    /// by a colleague of the same institution.
    private func helperDemands(_ book: Book, form: VillageHelpForm, activity: RotaActivity, rule: String, asked parameter: String,
                               place: (String) -> (sites: [Int32], what: String, evidence: [Witness])) -> [Demand] {
        let ctx = context, asked = ctx.parameters.int(parameter)
        return helpers(form).flatMap { h -> [Demand] in
            let person = h.person!
            let subject = ctx.subject(person: person.id), holders = book.person(person.id).map { [$0] } ?? []
            let (sites, what, evidence) = place(h.helper.site)
            return weeks(h.range!).compactMap { w in
                let working = workingDays(w)
                guard !working.isEmpty else { return nil }
                return Demand(rule: rule, key: "\(person.id):\(w.from.weekStart.iso)", subject: subject,
                              activity: activity, week: w, working: working, asked: asked,
                              holders: holders, sites: sites, ownDay: { _, _ in true },
                              absent: working.contains { RotaVerifier.onLeave(person.unavailable, $0) } ? [person.id] : [],
                              mayCover: { $0.institution == person.institution },
                              what: what, evidence: evidence)
            }
        }
    }

    private func tcmDemands(_ book: Book) -> [Demand] {
        let ctx = context, asked = ctx.parameters.int("TCM.per-week")
        return ctx.institutions(of: .township).filter(\.tcmFeatured).flatMap { centre -> [Demand] in
            let clinics = (index.clinicsAt[centre.id] ?? []).filter { PlanVerifier.isSeniorTCMDoctor($0.physician!) }
            return weeks(ctx.period).compactMap { w in
                let working = workingDays(w)
                guard !working.isEmpty else { return nil }
                let active = clinics.filter { c in working.contains { c.range!.contains($0) } }
                let absent = active.filter { c in working.contains { c.range!.contains($0) && onLeave(c.clinic.physician, $0) } }
                var evidence = [ctx.witness(institution: centre.id, note: "TCM-featured centre")]
                evidence += active.map { ctx.witness(person: $0.clinic.physician, note: "named senior TCM physician \($0.clinic.start)..\($0.clinic.end)") }
                if active.isEmpty { evidence.append(Witness(.dates, w.description, note: "the plan names no senior TCM physician this week")) }
                return Demand(rule: "TCM.weekly", key: "\(centre.id):\(w.from.weekStart.iso)", subject: ctx.subject(institution: centre.id),
                              activity: .tcmClinic, week: w, working: working, asked: asked,
                              holders: active.compactMap { book.person($0.clinic.physician) }, sites: book.site(centre.id).map { [$0] } ?? [],
                              ownDay: { person, day in active.contains { $0.clinic.physician == person && $0.range!.contains(day) } },
                              absent: Array(Set(absent.map(\.clinic.physician))).sorted(),
                              mayCover: { ctx.mayHoldTCMClinic($0, at: centre.id) },
                              what: "senior TCM clinic at \(ctx.label(institution: centre.id))",
                              evidence: evidence)
            }
        }
    }

    // MARK: Deciding a week

    /// Decides the demands of one activity and week together, sharing covers out.
    private func decide(_ demands: [Demand], _ book: Book, into checks: inout [RuleCheck]) {
        struct PersonSlot: Hashable { let person: Int32; let slot: Int }
        var used = Set<Int32>()          // item indices counted already
        var busy = Set<PersonSlot>()     // person and slot counted already
        func key(_ i: Book.Item) -> PersonSlot { PersonSlot(person: i.person, slot: i.slot) }

        // Rounds and technical support count visits (rules.md, "Sessions are visits"): a
        // person's morning and afternoon at one clinic on one day are one visit. A visit is
        // counted by its earliest entry; its other entries are taken with it.
        struct Visit: Hashable { let person: Int32; let site: Int32; let ordinal: Int32 }
        func visit(_ i: Book.Item) -> Visit { Visit(person: i.person, site: i.site, ordinal: i.ordinal) }
        func take(_ i: Book.Item, _ pool: [Book.Item], visits: Bool) {
            used.insert(i.index); busy.insert(key(i))
            guard visits else { return }
            for j in pool where visit(j) == visit(i) { used.insert(j.index); busy.insert(key(j)) }
        }

        // Own entries first: each holder's earliest entries (visits) up to the requirement are theirs.
        var own: [[Book.Item]] = []
        let pools = demands.map { d in
            d.sites.flatMap { book.items(d.activity, at: $0, week: d.week) }.sorted { ($0.slot, $0.person, $0.site, $0.index) < ($1.slot, $1.person, $1.site, $1.index) }
        }
        for (n, d) in demands.enumerated() {
            let slots = RotaVerifier.distinctSlots(pools[n].filter { i in
                d.holders.contains(i.person) && d.ownDay(book.entry(of: i).person, i.day!)
            })
            let mine = d.countsVisits ? RotaVerifier.distinctDaysAndSites(slots) : slots
            own.append(mine)
            for i in mine.prefix(d.required) { take(i, pools[n], visits: d.countsVisits) }
        }
        // A holder's entries beyond their own requirement are free to cover someone else.
        // Covers for short demands whose holders were on leave: a cover's visit counts once,
        // and not on a day and clinic the holder's own visits already count.
        var covers: [[Book.Item]] = Array(repeating: [], count: demands.count)
        for (n, d) in demands.enumerated() where own[n].count < d.required && !d.absent.isEmpty {
            var counted = Set(own[n].map { DaySite(site: $0.site, ordinal: $0.ordinal) })
            for i in pools[n] where covers[n].count < d.required - own[n].count {
                guard !used.contains(i.index), !busy.contains(key(i)), !d.holders.contains(i.person),
                      let s = context.staff[book.entry(of: i).person], d.mayCover(s) else { continue }
                if d.countsVisits, !counted.insert(DaySite(site: i.site, ordinal: i.ordinal)).inserted { continue }
                covers[n].append(i); take(i, pools[n], visits: d.countsVisits)
            }
        }
        for (n, d) in demands.enumerated() { checks.append(weekCheck(d, own: own[n], covers: covers[n], book)) }
    }

    private func weekCheck(_ d: Demand, own: [Book.Item], covers coverItems: [Book.Item], _ book: Book) -> RuleCheck {
        let ctx = context
        let required = d.required, total = own.count + coverItems.count
        let monday = d.week.from.weekStart
        var witnesses = d.evidence
        for e in own.map({ book.entry(of: $0) }) {
            witnesses.append(Witness(.dates, e.date, note: "\(e.half.rawValue): \(e.activity.rawValue) at \(ctx.label(institution: e.site))"))
        }
        let covers = coverItems.map { book.entry(of: $0) }
        for e in covers {
            witnesses.append(Witness(.dates, e.date, note: "\(e.half.rawValue): cover by \(ctx.label(person: e.person)) at \(ctx.label(institution: e.site))"))
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
        let arithmetic = "\(d.rule == "TCM.weekly" ? "clinics" : d.unit.1) \(counted) \(total >= required ? "≥" : "<") "
            + "min(\(d.asked), \(d.working.count) working days) = \(required)"
        let passed = total >= required
        let leaveText = d.absent.isEmpty ? "" : "; \(d.absent.map { ctx.label(person: $0) }.joined(separator: ", ")) on leave"
        let finding: String
        if passed {
            finding = "\(VerifyText.counted(total, d.unit.0, d.unit.1)) of \(d.what) in the week of \(monday.iso)"
                + (covers.isEmpty ? "" : " (\(covers.count) by \(Set(covers.map(\.person)).sorted().map { ctx.label(person: $0) }.joined(separator: ", ")) covering\(leaveText))")
                + relaxed
        } else {
            finding = (d.absent.isEmpty ? "" : "shortfall: ") + "\(VerifyText.counted(total, d.unit.0, d.unit.1)) of \(d.what) in the week of \(monday.iso), \(required) required"
                + leaveText + (d.absent.isEmpty ? "" : ", not covered by a colleague") + relaxed
        }
        return ctx.check(d.rule, d.key, subject: d.subject,
                         quantities: [Quantity("workingDays", d.working.count), Quantity("asked", d.asked), Quantity("required", required),
                                      Quantity("own", own.count), Quantity("cover", covers.count), Quantity("holdersOnLeave", d.absent.count)],
                         arithmetic: arithmetic, finding: finding, witnesses: witnesses, passed: passed)
    }

    // MARK: Rounds areas

    func areaWindowChecks(_ book: Book) -> [RuleCheck] {
        var checks: [RuleCheck] = []
        let ctx = context
        let n = max(1, ctx.parameters.int("T3.rounds-visit-weeks"))
        var byArea: [String: [PlanVerifier.PlanView.Helper]] = [:]
        for h in helpers(.rounds) { byArea[h.helper.site, default: []].append(h) }
        for area in byArea.keys.sorted() {
            let team = byArea[area]!
            let clinics = ctx.villages(inArea: area)
            guard !clinics.isEmpty else { continue }
            // Weeks with a working day of some helper's duty.
            var mondays = Set<Int>()
            for h in team { for w in weeks(h.range!) where !workingDays(w).isEmpty { mondays.insert(w.from.weekStart.ordinal) } }
            let list = mondays.sorted().map(Day.init(ordinal:))
            guard !list.isEmpty else { continue }
            let tally = AreaTally(team: team, clinics: clinics, self, book)
            let tallies = list.map { tally.week($0, self, book) }
            let starts = list.count <= n ? [0] : Array(0...(list.count - n))
            for s in starts {
                let window = s..<min(list.count, s + n)
                checks.append(areaWindow(area, tally: tally, window: Array(list[window]), tallies[window]))
            }
        }
        return checks
    }

    /// A rounds area's helpers and clinics, looked up once for all its weeks.
    private struct AreaTally {
        let team: [PlanVerifier.PlanView.Helper]
        let clinics: [Institution]
        /// The helpers' numbers in the book and their leave, in team order.
        let helpers: [(person: Int32?, leave: [DayRange])]
        /// The clinics' site numbers in the book, in clinic order.
        let sites: [Int32?]
        /// The helpers' hospitals: their colleagues may cover.
        let homes: Set<String>

        init(team: [PlanVerifier.PlanView.Helper], clinics: [Institution], _ v: RotaVerifier, _ book: Book) {
            self.team = team; self.clinics = clinics
            helpers = team.map { (book.person($0.helper.person), v.leave(of: $0.helper.person)) }
            sites = clinics.map { book.site($0.id) }
            homes = Set(team.map { $0.person!.institution })
        }

        /// The week starting `monday`: rounds entries counted per clinic, by a helper on duty
        /// or a colleague of their hospitals, and the helpers' working half-days off leave.
        func week(_ monday: Day, _ v: RotaVerifier, _ book: Book) -> (visits: [Int], slots: Int) {
            let week = DayRange(from: monday, to: monday.adding(days: 6))
            var visits = Array(repeating: 0, count: clinics.count)
            for (k, site) in sites.enumerated() {
                guard let site else { continue }
                for i in book.items(.rounds, at: site, week: week) {
                    let planned = zip(team, helpers).contains { $1.person == i.person && $0.range!.contains(i.day!) }
                    let cover = !planned && (v.context.staff[book.entry(of: i).person].map { homes.contains($0.institution) } ?? false)
                    if planned || cover { visits[k] += 1 }
                }
            }
            var slots = 0
            for (h, helper) in zip(team, helpers) {
                guard let r = week.clipped(to: h.range!) else { continue }
                slots += 2 * v.workingDays(r).filter { !RotaVerifier.onLeave(helper.leave, $0) }.count
            }
            return (visits, slots)
        }
    }

    private func areaWindow(_ area: String, tally: AreaTally, window: [Day], _ weeks: ArraySlice<(visits: [Int], slots: Int)>) -> RuleCheck {
        let ctx = context, team = tally.team, clinics = tally.clinics
        // Visits per site: a clinic listed twice counts the entries there twice.
        var bySite: [Int32: Int] = [:]
        for w in weeks { for (k, site) in tally.sites.enumerated() where site != nil { bySite[site!, default: 0] += w.visits[k] } }
        let visits = tally.sites.map { $0.flatMap { bySite[$0] } ?? 0 }
        let slots = weeks.reduce(0) { $0 + $1.slots }
        let visited = clinics.indices.filter { visits[$0] > 0 }
        let unvisited = clinics.indices.filter { visits[$0] == 0 }
        let required = min(clinics.count, slots)
        let first = window.first!, last = window.last!.adding(days: 6)
        let span = "\(first.iso)..\(last.iso)"
        // Listed in the witnesses' order (clinics, area, helpers, dates) when the clinics and
        // helpers come in id order, as they usually do: then nothing needs sorting.
        var witnesses = clinics.indices.map { k in
            ctx.witness(institution: clinics[k].id, note: visits[k] > 0 ? "visited \(visits[k])×" : "not visited")
        }
        witnesses.append(Witness(.serviceArea, area, note: "rounds area"))
        witnesses += team.map { ctx.witness(person: $0.helper.person, note: "rounds helper") }
        witnesses.append(Witness(.dates, span, note: "window of \(VerifyText.counted(window.count, "week", "weeks"))"))
        let passed = visited.count >= required
        let relaxed = required < clinics.count ? " (relaxed to \(required): only \(slots) half-days of the area's helpers off leave in the window)" : ""
        return ctx.check("T3.rounds", "area:\(area):\(first.iso)",
                         subject: CheckSubject(kind: .region, id: area, name: "service area"),
                         quantities: [Quantity("weeks", window.count), Quantity("clinics", clinics.count), Quantity("helperHalfDays", slots),
                                      Quantity("required", required), Quantity("visited", visited.count)],
                         arithmetic: "clinics visited \(VerifyText.atLeast(visited.count, required)) = min(\(clinics.count) clinics, \(slots) half-days)",
                         finding: (unvisited.isEmpty || passed
                             ? "\(visited.count) of \(clinics.count) clinics of service area \(area) get a rounds session in \(span)"
                             : "\(unvisited.map { ctx.label(institution: clinics[$0].id) }.joined(separator: ", ")) of service area \(area) get no rounds session in \(span)")
                             + relaxed,
                         witnesses: witnesses, passed: passed)
    }
}
