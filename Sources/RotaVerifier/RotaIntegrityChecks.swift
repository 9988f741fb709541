import RotaCore
/// ROTA.integrity: is every entry of the rota a half-day the plan allows?
///
/// One instance per person in the rota (`ROTA.integrity[person:ID]`). An entry is a problem
/// when its person or site is not in the scenario; its date does not parse, lies outside the
/// period or is not a working day; the person is on leave that day; the person has another
/// entry in the same slot; or it is not one of the person's planned duties:
/// - `posting` at the recipient of a T1/T2 team the person belongs to on that day;
/// - `3331-*` at the workstation of the person's T1 team, by the group's doctor, nurse or
///   pharmacist — or by a same-role team colleague when that group member is on leave that day;
/// - `station` at the village the person is stationed at on that day, `rounds` at a clinic of
///   the person's rounds service area, `tech-support` at the person's technical-support clinic,
///   `tcm-clinic` at a centre whose clinic the plan gives the person — or, for these four, a
///   cover: the same activity at a site of a planned holder of the same hospital who is on
///   leave on a working day of that week (for TCM: any planned physician of the centre on leave,
///   covered by a senior-title TCM doctor who may hold its clinic — TCM.locality);
/// and, whatever the plan says otherwise, a person holding a full-time posting that day (T1 or
/// T2 team, stationing) does nothing but that posting, the T1 team's 3331 visits and, for a
/// senior TCM doctor of a T2 team, the TCM clinic of the team's own TCM-featured centre.
///
/// ```text
/// ROTA.integrity[person:ch-s1]  entries with problems 1 ≠ 0 (of 44 entries)
///   2025-10-01: am: station at 李庄村卫生室 (cao-hanji-v01): not a working day (public holiday)
/// ```
extension RotaVerifier {
    func integrityChecks(_ book: Book) -> [RuleCheck] {
        let sites = book.sites.map { SiteFacts(context.institutions[$0]) }
        return book.people.indices.map { integrity(person: Int32($0), book, sites: sites) }
    }

    /// What the checks ask of an entry's site in the scenario.
    struct SiteFacts {
        /// Whether the site is an institution of the scenario.
        let known: Bool
        /// A village's service area (its own id when it names none); nil for other sites.
        let villageArea: String?
        let tcmFeatured: Bool

        init(_ institution: Institution?) {
            known = institution != nil
            villageArea = institution.flatMap { $0.tier == .village ? $0.effectiveServiceArea : nil }
            tcmFeatured = institution?.tcmFeatured ?? false
        }
    }

    /// The check of one person; `sites` holds the facts of each site number.
    private func integrity(person number: Int32, _ book: Book, sites: [SiteFacts]) -> RuleCheck {
        let ctx = context
        let id = book.people[Int(number)]
        let items = book.items(of: number)
        let person = ctx.staff[id]
        let duties = person.map { PersonDuties(of: $0.id, self) }
        var counts = (unknownSite: 0, badDate: 0, outside: 0, offDay: 0, leave: 0, notPlanned: 0)
        var problemEntries = 0
        var witnesses: [Witness] = []
        var texts: [String] = []

        // Slots with two or more entries: runs of one slot among the dated items.
        var crowded = 0
        var run = items.startIndex
        while run < items.endIndex {
            var end = run + 1
            while end < items.endIndex && items[end].slot == items[run].slot { end += 1 }
            defer { run = end }
            guard items[run].dated, end - run > 1 else { continue }   // undated items share no slot
            let list = Array(items[run..<end])
            crowded += 1
            let d = list[0].day!, half = book.entry(of: list[0]).half
            let what = list.map { describe(book.entry(of: $0)) }.joined(separator: ", ")
            witnesses.append(Witness(.dates, d.iso, note: "\(half.rawValue): \(list.count) entries in one half-day: \(what)"))
            texts.append("\(RotaVerifier.slotText(d, half)): \(list.count) entries in one half-day (\(what))")
        }

        var today: DayDuties?
        for item in items {
            var problems: [String] = []
            let facts = sites[Int(item.site)]
            if !facts.known {
                problems.append("site \"\(book.entry(of: item).site)\" is not an institution of the scenario"); counts.unknownSite += 1
            }
            if let d = item.day {
                if !ctx.period.contains(d) {
                    problems.append("outside the period \(ctx.period)"); counts.outside += 1
                } else if !isWorking(d) {
                    problems.append(d.isWeekend ? "not a working day (weekend)" : "not a working day (public holiday)"); counts.offDay += 1
                }
                if let person, RotaVerifier.onLeave(person.unavailable, d) {
                    problems.append("on leave that day"); counts.leave += 1
                }
                if let person, let duties, ctx.period.contains(d) {
                    if !(today?.holds(d) ?? false) { today = duties.on(d) }
                    let site = book.entries[Int(item.index)].site
                    if let duty = plannedProblem(item.activity, at: site, facts, person, d, today!)
                        ?? exclusivityProblem(item.activity, at: site, facts, person, today!) {
                        problems.append(duty); counts.notPlanned += 1
                    }
                }
            } else {
                problems.append("date \"\(book.entry(of: item).date)\" is not a date (YYYY-MM-DD)"); counts.badDate += 1
            }
            guard !problems.isEmpty else { continue }
            let entry = book.entry(of: item)
            problemEntries += 1
            let text = "\(entry.half.rawValue): \(describe(entry)): \(problems.joined(separator: "; "))"
            witnesses.append(Witness(.dates, item.day?.iso ?? entry.date, note: text))
            texts.append("\(item.day?.iso ?? entry.date) \(text)")
        }

        if person == nil {
            witnesses.append(Witness(.person, id, note: "not staff of the scenario"))
            texts.insert("\(ctx.label(person: id)) is not staff of the scenario", at: 0)
        }
        let passed = person != nil && problemEntries == 0 && crowded == 0
        let shown = texts.prefix(3).joined(separator: "; ") + (texts.count > 3 ? "; … and \(texts.count - 3) more" : "")
        return ctx.check("ROTA.integrity", "person:\(id)", subject: ctx.subject(person: id),
                         quantities: [Quantity("entries", items.count), Quantity("entriesWithProblems", problemEntries),
                                      Quantity("unknownPerson", person == nil ? 1 : 0), Quantity("unknownSites", counts.unknownSite),
                                      Quantity("unreadableDates", counts.badDate), Quantity("outsidePeriod", counts.outside),
                                      Quantity("nonWorkingDays", counts.offDay), Quantity("onLeave", counts.leave),
                                      Quantity("notPlanned", counts.notPlanned), Quantity("crowdedSlots", crowded)],
                         arithmetic: "unknown person \(person == nil ? "1 ≠ 0" : "0 = 0"); "
                             + "entries with problems \(problemEntries) \(problemEntries == 0 ? "=" : "≠") 0 (of \(VerifyText.counted(items.count, "entry", "entries"))); "
                             + "half-days with two or more entries \(crowded) \(crowded == 0 ? "=" : "≠") 0",
                         finding: passed
                             ? "\(ctx.label(person: id)): \(VerifyText.counted(items.count, "entry", "entries")), each a planned duty or a cover on a working day off leave, one per half-day"
                             : "\(ctx.label(person: id)): \(shown)",
                         witnesses: witnesses, passed: passed)
    }

    /// `station at 李庄村卫生室 (cao-hanji-v01)`.
    func describe(_ entry: RotaEntry) -> String { "\(entry.activity.rawValue) at \(context.label(institution: entry.site))" }

    // MARK: Planned duties

    /// A person's T1/T2 teams and village duties in the plan, whatever their dates.
    struct PersonDuties {
        let teams: [PlanVerifier.PlanView.Team]
        let stations, rounds, techSupport: [PlanVerifier.PlanView.Helper]

        init(of person: String, _ v: RotaVerifier) {
            teams = v.index.teamsOf[person] ?? []
            stations = v.index.helpersOf[.station]?[person] ?? []
            rounds = v.index.helpersOf[.rounds]?[person] ?? []
            techSupport = v.index.helpersOf[.techSupport]?[person] ?? []
        }

        /// The duties held on `d`, and the days around it with the same duties.
        func on(_ d: Day) -> DayDuties {
            // The same duties hold until the next day a duty starts or the day after one ends.
            let ranges = teams.map(\.range!) + (stations + rounds + techSupport).map(\.range!)
            var until = Int.max, from = Int.min
            for r in ranges {
                if r.from > d { until = min(until, r.from.ordinal) } else { from = max(from, r.from.ordinal) }
                if r.to >= d { until = min(until, r.to.ordinal + 1) } else { from = max(from, r.to.ordinal + 1) }
            }
            return DayDuties(teams: teams.filter { $0.range!.contains(d) }, stations: stations.filter { $0.range!.contains(d) },
                             rounds: rounds.filter { $0.range!.contains(d) }, techSupport: techSupport.filter { $0.range!.contains(d) },
                             days: from..<until)
        }
    }

    /// A person's T1/T2 teams and village duties on the days `days`, in plan order.
    struct DayDuties {
        let teams: [PlanVerifier.PlanView.Team]
        let stations, rounds, techSupport: [PlanVerifier.PlanView.Helper]
        /// The day ordinals these are the duties of.
        let days: Range<Int>

        /// Whether these are the duties of `d`.
        func holds(_ d: Day) -> Bool { days.contains(d.ordinal) }

        /// The village duties of one form.
        func helpers(_ form: VillageHelpForm) -> [PlanVerifier.PlanView.Helper] {
            switch form {
            case .station: return stations
            case .rounds: return rounds
            case .techSupport: return techSupport
            }
        }
    }

    /// Whether the person is on leave on some working day of `d`'s week inside the period.
    func hasLeave(_ person: String, inWeekOf d: Day) -> Bool {
        let monday = d.weekStart
        return workingDays(DayRange(from: monday, to: monday.adding(days: 6))).contains { onLeave(person, $0) }
    }

    /// The planned holder of `activity` at `site` (with `facts`) on `d` whom `person` may cover
    /// that week, or nil.
    func coveredHolder(_ activity: RotaActivity, site: String, _ facts: SiteFacts, day d: Day, by person: StaffMember) -> String? {
        switch activity {
        case .station, .rounds, .techSupport:
            let form: VillageHelpForm = activity == .station ? .station : activity == .rounds ? .rounds : .techSupport
            guard let area = facts.villageArea else { return nil }
            let key = form == .rounds ? area : site
            return (index.helpersAt[form]?[key] ?? []).first { h in
                h.helper.person != person.id && h.range!.contains(d)
                    && h.person!.institution == person.institution && hasLeave(h.helper.person, inWeekOf: d)
            }?.helper.person
        case .tcmClinic:
            // Any senior TCM doctor who may hold the clinic (TCM.locality) covers a named
            // physician on leave that week (issue 10: covers from any eligible colleague).
            guard context.mayHoldTCMClinic(person, at: site) else { return nil }
            return (index.clinicsAt[site] ?? []).first { c in
                c.range!.contains(d) && c.clinic.physician != person.id && hasLeave(c.clinic.physician, inWeekOf: d)
            }?.clinic.physician
        default:
            return nil
        }
    }

    /// Why an entry of `activity` at `site` is not one of the person's planned duties (nor a
    /// cover), or nil; `facts` are the site's.
    private func plannedProblem(_ activity: RotaActivity, at site: String, _ facts: SiteFacts, _ person: StaffMember, _ d: Day,
                                _ duties: DayDuties) -> String? {
        let ctx = context
        switch activity {
        case .posting:
            let mine = duties.teams
            if mine.isEmpty { return "no T1/T2 team of the plan posts \(person.id) that day" }
            if mine.contains(where: { $0.team.recipient == site }) { return nil }
            return "the team's recipient is \(mine.map { ctx.label(institution: $0.team.recipient) }.joined(separator: ", "))"
        case .rounds3331, .teaching3331, .lecture3331:
            let mine = duties.teams.filter { $0.team.tier == "T1" && $0.team.group3331 != nil }
            if mine.isEmpty { return "\(person.id) is in no T1 team with a 3331 group that day" }
            guard let t = mine.first(where: { $0.team.group3331!.workstation == site }) else {
                return "the team's workstation is \(mine.map { ctx.label(institution: $0.team.group3331!.workstation) }.joined(separator: ", "))"
            }
            let g = t.group(on: d)!   // with a replacement's role from their day
            if [g.doctor, g.nurse, g.pharmacist].contains(person.id) { return nil }
            let holder: String?
            switch person.role {
            case .doctor: holder = g.doctor
            case .nurse: holder = g.nurse
            case .pharmacist: holder = g.pharmacist
            case .technician: holder = nil
            }
            guard let holder else { return "a technician is not part of a 3331 group (doctor, nurse, pharmacist)" }
            if onLeave(holder, d) { return nil }
            return "not in the 3331 group, and the group's \(person.role.rawValue) \(ctx.label(person: holder)) is not on leave that day"
        case .station:
            let mine = duties.stations
            if mine.contains(where: { $0.helper.site == site }) { return nil }
            if coveredHolder(.station, site: site, facts, day: d, by: person) != nil { return nil }
            if mine.isEmpty { return "the plan stations \(person.id) nowhere that day, and no colleague of the same hospital stationed here is on leave that week" }
            return "stationed at \(mine.map { ctx.label(institution: $0.helper.site) }.joined(separator: ", ")), not here"
        case .rounds, .techSupport:
            let form: VillageHelpForm = activity == .rounds ? .rounds : .techSupport
            let mine = duties.helpers(form)
            let ownSite = mine.contains { form == .rounds ? facts.villageArea == $0.helper.site : $0.helper.site == site }
            if ownSite || coveredHolder(activity, site: site, facts, day: d, by: person) != nil { return nil }
            if mine.isEmpty { return "no \(form.rawValue) duty that day, and no colleague of the same hospital on leave that week to cover" }
            let where_ = form == .rounds ? "outside service area \(mine.map(\.helper.site).joined(separator: ", "))"
                                         : "not their clinic \(mine.map { ctx.label(institution: $0.helper.site) }.joined(separator: ", "))"
            return "\(where_), and no colleague of the same hospital on leave that week to cover"
        case .tcmClinic:
            if (index.clinicsAt[site] ?? []).contains(where: { $0.clinic.physician == person.id && $0.range!.contains(d) }) {
                return nil
            }
            if coveredHolder(.tcmClinic, site: site, facts, day: d, by: person) != nil { return nil }
            return "the plan names \(person.id) for no TCM clinic here that day, and no physician of it on leave that week for a senior TCM doctor who may hold it to cover"
        }
    }

    /// Why an entry of `activity` at `site` breaks the person's full-time posting that day, or nil.
    private func exclusivityProblem(_ activity: RotaActivity, at site: String, _ facts: SiteFacts, _ person: StaffMember,
                                    _ duties: DayDuties) -> String? {
        let ctx = context
        let teams = duties.teams, stations = duties.stations
        guard !teams.isEmpty || !stations.isEmpty else { return nil }
        let allowed: Bool
        switch activity {
        case .posting: allowed = teams.contains { $0.team.recipient == site }
        case .rounds3331, .teaching3331, .lecture3331:
            allowed = teams.contains { $0.team.tier == "T1" && $0.team.group3331?.workstation == site }
        case .station: allowed = stations.contains { $0.helper.site == site }
        case .tcmClinic:
            allowed = teams.contains { $0.team.tier == "T2" && $0.team.recipient == site }
                && facts.tcmFeatured && PlanVerifier.isSeniorTCMDoctor(person)
        case .rounds, .techSupport: allowed = false
        }
        if allowed { return nil }
        let held = teams.map { "\($0.team.tier) team \($0.team.id)" } + stations.map { "stationing at \(ctx.label(institution: $0.helper.site))" }
        return "holds a full-time posting that day (\(held.joined(separator: ", "))) that allows no other duty here"
    }
}
