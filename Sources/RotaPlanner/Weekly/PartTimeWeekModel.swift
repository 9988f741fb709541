import RotaCore
import RotaInput
import RotaSolver
/// One week of one linked group of part-time duties as an integer programme: which half-day
/// slots each helper spends where.
///
/// For each person, free slot and site a duty allows, a binary `s[person,site,date,half]`
/// (or `cover[…]` when a colleague stands in for someone on leave) says the person is there.
/// The rows, labelled with their rules:
///
/// - PERSON.one-place: a person is in at most one place per slot;
/// - T3.rounds (sessions): each rounds helper makes ≥ min(k, working days) visits at clinics
///   of their service area, k = `T3.rounds-per-week`; a visit is a day and a clinic (rules.md,
///   "Sessions are visits": a morning and an afternoon at one clinic count once), and the
///   model places at most one session per clinic and day for a duty, so each session placed
///   is a visit;
/// - T3.rounds (coverage): a clinic of the area not visited in the last W − 1 active weeks of
///   the area (W = `T3.rounds-visit-weeks`) is visited this week, by any of the area's helpers;
///   one that falls due next week is visited early when next week is short (a holiday, or a
///   helper of the area on leave), and otherwise preferred to a second visit of one clinic;
/// - T3.tech-support: ≥ min(k, working days) visits (days) at the helper's clinic;
/// - TCM.weekly: ≥ min(k, working days) half-day clinics at the centre by its physicians;
/// - T3.station-days (cover): a stationed helper's leave days that the week needs are covered
///   by colleagues, at most one half-day each day;
/// - ROTA.balance (soft): one part-time session a day per person where possible, and no more
///   than `RotaOptions.partTimeHalfDaysPerWeek` part-time half-days a week, one more per
///   further part-time duty the person holds (each one beyond costs 100); rounds go to mornings for half the helpers and afternoons for the other half
///   (a fixed split by name), so a week of clinics is not all mornings.
///
/// A week that holidays or the edges of the period or term shorten asks min(k, working days)
/// and is recorded as a `RotaRelaxation`. Leave is handled by covers: the duty's own people
/// first, then (at a higher cost) the colleagues `PartTimeDuties` lists; what is still
/// missing is a priced slack, reported as a `RotaShortfall`, so the model is always feasible.
///
/// The objective (minimised) also keeps the rota humane: part-time load is balanced week to
/// week (sessions beyond a person's own requirement cost more the more extra they did
/// lately), rounds go preferably to the clinics seen longest ago and by the helper who saw
/// them last, a duty keeps last week's weekday and half where it can, a TCM centre keeps its
/// physician, covers go to the nearest candidate first, and sessions far from the helper's
/// hospital cost a little (when locations exist).
///
/// ```swift
/// var week = PartTimeWeekModel(group: g, week: monday, state: state, context: ctx)
/// let s = try Solver().solve(week.model, options: opts)
/// let piece = week.extract(s, state: &state)
/// ```
struct PartTimeWeekModel {
    /// Objective weights.
    enum Cost {
        static let missedSession = 1000.0
        /// A session missed because its holder is on leave costs a little less, so when slots
        /// run short a present helper's own duty comes before covering for an absent one.
        static let missedSessionOnLeave = 900.0
        static let missedClinic = 500.0
        /// A clinic that falls due in a holiday-shortened next week, not visited early.
        static let earlyVisit = 150.0
        /// A clinic due next week (an ordinary week), not visited this week: less than a
        /// session costs, so it never adds a session, only chooses among them.
        static let soonVisit = 0.5
        static let session = 1.0
        static let cover = 5.0
        static let sameDay = 0.5
        static let recentExtra = 0.2
        static let staleness = 0.3
        static let sameVisitor = 0.1
        static let sameHolder = 0.1
        static let samePattern = 0.05
        static let laterCandidate = 0.05
        static let perKilometre = 0.002
        static let maxTravel = 0.3
        static let overWeeklyCap = 100.0
        static let otherHalf = 0.01
    }

    /// What every week model of a run shares.
    struct Context: Sendable {
        let calendar: RotaCalendar
        let institutions: [String: Institution]
        let staff: [String: StaffMember]
        let perWeek: [PartTimeDuty.Kind: Int]
        let visitWeeks: Int
        /// Slots already taken by the 3331 visits, per person.
        let blocked: [String: Set<Slot>]
        /// Part-time half-days a person holds in a week at the usual cost (`RotaOptions`).
        var weeklyCap: Int = 4
        /// The rota a re-plan replaces: placements it had are kept where they can be (`EarlierRota`).
        var earlier: EarlierRota? = nil
    }

    struct Placement {
        let person: String
        let slot: Slot
        let site: String
        let activity: RotaActivity
        /// Index into `needs`.
        let need: Int
        let cover: Bool
        let variable: Variable
    }

    /// One requirement row and its slack.
    struct Need {
        let rule: String
        let subject: String
        let site: String
        let required: Int
        /// The person whose leave a cover stands in for.
        let absent: String?
        let slack: Variable
        /// Duty index (nil for a station cover demand).
        let duty: Int?
        let leaveNote: String
        /// Who may cover (empty when nobody is on leave or nobody qualifies).
        let candidates: [String]
        /// Days the absent stationed helper is there themselves (0 for duties): a shortfall
        /// reports the week's whole requirement, not only the part left to cover.
        var present = 0
    }

    struct Due {
        let area: String
        let clinic: String
        let slack: Variable
        /// A visit made early, before a week holidays shorten (soft; never a shortfall).
        let early: Bool
    }

    let group: PartTimeDuties.Group
    let monday: Day
    let context: Context
    private(set) var model: Model
    private(set) var placements: [Placement] = []
    private(set) var needs: [Need] = []
    private(set) var dues: [Due] = []
    private(set) var relaxations: [RotaRelaxation] = []
    /// Area → this week's active-week index.
    private(set) var areaIndex: [String: Int] = [:]

    /// Whether the week has anything to place.
    var isEmpty: Bool { needs.isEmpty && dues.isEmpty }

    /// With `named` false the model's variables and rows carry only their base names and rule
    /// ids (`Model.named`): building the names of a year's 19,000 week models cost more than
    /// solving them. `PartTimeScheduler` builds a week again, named, when its solve fails.
    init(group: PartTimeDuties.Group, week monday: Day, state: PartTimeState, context: Context, named: Bool = true) {
        self.group = group; self.monday = monday; self.context = context
        model = Model(name: "week[\(group.people.first ?? "-"),\(monday.iso)]", named: named)
        let cal = context.calendar
        let week = RotaCalendar.week(monday)
        let weekDays = cal.workingDays(in: week)
        var freeCache: [String: [Slot]] = [:]
        func free(_ p: String) -> [Slot] {
            if let f = freeCache[p] { return f }
            let blocked = context.blocked[p] ?? []
            let f = weekDays.filter { !cal.isOnLeave(p, $0) }.flatMap(Slot.both).filter { !blocked.contains($0) }
            freeCache[p] = f
            return f
        }

        // Rounds areas active this week, and their clinics' staleness.
        var active: [Int: (term: DayRange, days: [Day])] = [:]
        for (i, d) in group.duties.enumerated() {
            guard let scope = week.clipped(to: d.term) else { continue }
            active[i] = (d.term, cal.workingDays(in: scope))
        }
        for (i, d) in group.duties.enumerated() where d.kind == .rounds {
            guard let a = d.area, let act = active[i], !act.days.isEmpty else { continue }
            areaIndex[a] = (state.areaWeeks[a] ?? 0) + 1
        }
        func age(_ clinic: String, _ area: String) -> Int {
            guard let idx = areaIndex[area] else { return 0 }
            return idx - (state.lastVisit[clinic] ?? idx - 1)
        }

        // Requirements of the plan's duties.
        for (i, d) in group.duties.enumerated() {
            guard let act = active[i] else { continue }
            let k = context.perWeek[d.kind] ?? 0
            let required = min(k, act.days.count)
            if required < k {
                relaxations.append(RotaRelaxation(rule: d.rule, subject: d.subject, period: monday.iso, asked: k, required: required,
                                                  reason: cal.shortening(week, label: "week of \(monday.iso)", term: d.term)))
            }
            guard required > 0 else { continue }
            let onLeave = d.holders.map(\.person).filter { p in act.days.contains { cal.isOnLeave(p, $0) } }
            let slack = model.integer("missed", [d.rule, d.subject, String(needs.count)], upper: Double(required),
                                      cost: onLeave.isEmpty ? Cost.missedSession : Cost.missedSessionOnLeave)
            let note = onLeave.isEmpty ? "" : "\(onLeave.joined(separator: ", ")) on leave"
            let needIndex = needs.count
            needs.append(Need(rule: d.rule, subject: d.subject, site: d.area ?? d.sites.first ?? "", required: required,
                              absent: onLeave.first, slack: slack, duty: i, leaveNote: note,
                              candidates: onLeave.isEmpty ? [] : d.coverCandidates))
            let pattern = state.pattern[d.key] ?? []
            for (holder, term) in d.holders {
                let far = d.sites.map { travel(holder, $0) }   // once per site, not per slot
                for slot in free(holder) where term.contains(slot.day) {
                    for (s, site) in d.sites.enumerated() {
                        var cost = Cost.session + Cost.recentExtra * (state.extraLoad[holder] ?? 0) + far[s]
                        if pattern.contains(PartTimeWeekModel.weekSlot(slot)) { cost -= Cost.samePattern }
                        if d.kind == .tcm && state.lastHolder[d.subject] == holder { cost -= Cost.sameHolder }
                        if d.kind == .rounds, let a = d.area {
                            cost -= Cost.staleness * Double(min(age(site, a), context.visitWeeks)) / Double(max(1, context.visitWeeks))
                            if state.lastVisitor[site] == holder { cost -= Cost.sameVisitor }
                            if slot.half != PartTimeWeekModel.preferredHalf(holder) { cost += Cost.otherHalf }
                        }
                        place(holder, slot, site, d.activity, need: needIndex, cover: false, cost: cost)
                    }
                }
            }
            guard !onLeave.isEmpty else { continue }
            for (rank, q) in d.coverCandidates.enumerated() {
                let far = d.sites.map { travel(q, $0) }
                for slot in free(q) where act.days.contains(slot.day) {
                    for (s, site) in d.sites.enumerated() {
                        var cost = Cost.cover + Cost.laterCandidate * Double(rank) + Cost.recentExtra * (state.extraLoad[q] ?? 0) + far[s]
                        if d.kind == .rounds, let a = d.area {
                            cost -= Cost.staleness * Double(min(age(site, a), context.visitWeeks)) / Double(max(1, context.visitWeeks))
                        }
                        place(q, slot, site, d.activity, need: needIndex, cover: true, cost: cost)
                    }
                }
            }
        }

        // Stationed helpers' leave days this week, covered by colleagues.
        for (demand, candidates) in group.demands where demand.week == monday && demand.deficit > 0 {
            let slack = model.integer("missed", ["T3.station-days", demand.absent, String(needs.count)], upper: Double(demand.deficit), cost: Cost.missedSessionOnLeave)
            let needIndex = needs.count
            needs.append(Need(rule: "T3.station-days", subject: demand.absent, site: demand.village, required: demand.deficit,
                              absent: demand.absent, slack: slack, duty: nil,
                              leaveNote: "\(demand.absent) on leave \(demand.leaveDays.map(\.iso).joined(separator: ", "))",
                              candidates: candidates, present: demand.present))
            for (rank, q) in candidates.enumerated() {
                for slot in free(q) where demand.leaveDays.contains(slot.day) {
                    place(q, slot, demand.village, .station, need: needIndex, cover: true,
                          cost: Cost.cover + Cost.laterCandidate * Double(rank) + Cost.recentExtra * (state.extraLoad[q] ?? 0) + travel(q, demand.village))
                }
            }
        }

        // T3.rounds coverage: clinics due this week.
        var areaClinics: [String: [String]] = [:]
        for d in group.duties where d.kind == .rounds { if let a = d.area, areaIndex[a] != nil { areaClinics[a] = d.sites } }
        // Look-ahead: when next week gives the area's helpers fewer days than a full week —
        // a holiday, or a helper's leave — the clinics that fall due then are visited early
        // where this week has room (a softer requirement, never a shortfall). Without it, a
        // helper on leave next week leaves their clinics to covers who may have no room, and a
        // two-week window misses a clinic.
        let nextWeek = RotaCalendar.week(monday.adding(days: 7))
        let nextDays = cal.workingDays(in: nextWeek)
        var areaHolders: [String: [(person: String, term: DayRange)]] = [:]
        for d in group.duties where d.kind == .rounds { if let a = d.area { areaHolders[a, default: []] += d.holders } }
        func shortNext(_ area: String) -> Bool {
            if nextDays.count < 5 { return true }
            return (areaHolders[area] ?? []).contains { h in
                nextDays.contains { h.term.contains($0) && cal.isOnLeave(h.person, $0) }
            }
        }
        for a in areaClinics.keys.sorted() {
            let shortNext = shortNext(a)
            for c in areaClinics[a]! {
                let weeks = age(c, a)
                if weeks >= context.visitWeeks {
                    let slack = model.binary("unvisited", [a, c], cost: Cost.missedClinic)
                    dues.append(Due(area: a, clinic: c, slack: slack, early: false))
                } else if weeks == context.visitWeeks - 1 {
                    // Due next week: early when next week is short; otherwise a nudge below a
                    // session's cost, so the week's own sessions go to clinics about to fall due
                    // rather than twice to one clinic, and next week's load is spread.
                    let slack = model.binary("unvisitedEarly", [a, c], cost: shortNext ? Cost.earlyVisit : Cost.soonVisit)
                    dues.append(Due(area: a, clinic: c, slack: slack, early: true))
                }
            }
        }
        buildRows()
    }

    /// The half of the day a rounds helper's sessions lean to: by the sum of the id's bytes,
    /// so about half the helpers go in the mornings and half in the afternoons, the same every
    /// run.
    static func preferredHalf(_ person: String) -> HalfDay {
        person.utf8.reduce(0) { $0 + Int($1) } % 2 == 0 ? .am : .pm
    }

    /// (weekday, half) of a slot: the pattern a duty keeps from week to week.
    static func weekSlot(_ s: Slot) -> Int { s.day.weekday * 2 + (s.half == .am ? 0 : 1) }

    private func travel(_ person: String, _ site: String) -> Double {
        guard let home = context.staff[person].flatMap({ context.institutions[$0.institution]?.location }),
              let there = context.institutions[site]?.location else { return 0 }
        return min(Cost.maxTravel, Cost.perKilometre * Double(home.kilometres(to: there)))
    }

    private mutating func place(_ person: String, _ slot: Slot, _ site: String, _ activity: RotaActivity, need: Int, cover: Bool, cost: Double) {
        var cost = cost
        if let earlier = context.earlier {
            guard let kept = earlier.cost(person, slot, site, activity) else { return }
            cost += kept
        }
        let base = cover ? "cover" : "s"
        let v = model.binary(base, [person, site, activity.rawValue, slot.day.iso, slot.half.rawValue, String(need)], cost: cost)
        placements.append(Placement(person: person, slot: slot, site: site, activity: activity, need: need, cover: cover, variable: v))
    }

    private mutating func buildRows() {
        var byNeed: [[Variable]] = Array(repeating: [], count: needs.count)
        var bySlot: [String: [Slot: [Variable]]] = [:]
        var byClinic: [String: [Variable]] = [:]
        var stationDay: [Int: [Int: [Variable]]] = [:]
        var placedFor: [[Placement]] = Array(repeating: [], count: needs.count)
        for p in placements {
            byNeed[p.need].append(p.variable)
            placedFor[p.need].append(p)
            bySlot[p.person, default: [:]][p.slot, default: []].append(p.variable)
            if p.activity == .rounds { byClinic[p.site, default: []].append(p.variable) }
            if needs[p.need].duty == nil { stationDay[p.need, default: [:]][p.slot.day.ordinal, default: []].append(p.variable) }
        }
        for (i, n) in needs.enumerated() {
            if countsVisits(n) {
                // T3.rounds / T3.tech-support count visits (a day and a clinic): one session per
                // clinic and day, so every session placed is a visit.
                var atDaySite: [DaySite: [Variable]] = [:]
                for p in placedFor[i] { atDaySite[DaySite(site: p.site, day: p.slot.day.ordinal), default: []].append(p.variable) }
                for key in atDaySite.keys.sorted(by: { ($0.day, $0.site) < ($1.day, $1.site) }) where atDaySite[key]!.count > 1 {
                    model.require(n.rule, [n.subject, key.site, Day(ordinal: key.day).iso, String(i), "one-visit"],
                                  Self.ones(atDaySite[key]!) <= 1)
                }
            }
            // T3.rounds / T3.tech-support (visits) / TCM.weekly / T3.station-days (half-days): what the week asks.
            model.require(n.rule, [n.subject, n.site, monday.iso, String(i)], Self.ones(byNeed[i]) + LinearExpression(n.slack) >= Double(n.required))
        }
        for i in stationDay.keys.sorted() {
            for day in stationDay[i]!.keys.sorted() {
                // T3.station-days: a covered day counts once (half a day is enough).
                model.require("T3.station-days", [needs[i].subject, Day(ordinal: day).iso, "one-cover"], Self.ones(stationDay[i]![day]!) <= 1)
            }
        }
        for due in dues {
            // T3.rounds: every clinic of the area at least once in W weeks.
            model.require("T3.rounds", [due.area, due.clinic, monday.iso], Self.ones(byClinic[due.clinic] ?? []) + LinearExpression(due.slack) >= 1)
        }
        for person in bySlot.keys.sorted() {
            let slots = bySlot[person]!
            for slot in slots.keys.sorted() where slots[slot]!.count > 1 {
                // PERSON.one-place: one place per half-day.
                model.require("PERSON.one-place", [person, slot.day.iso, slot.half.rawValue], Self.ones(slots[slot]!) <= 1)
            }
            // ROTA.balance (soft): a part-time week of at most `weeklyCap` half-days, one more
            // for each further part-time duty the person holds (a rounds helper who also gives
            // technical support: 2 + 2 visits, and an early rounds visit before a short week).
            let all = slots.keys.sorted().flatMap { slots[$0]! }
            let cap = context.weeklyCap + max(0, group.duties.filter { d in d.holders.contains { $0.person == person } }.count - 1)
            if all.count > cap {
                let over = model.continuous("overCap", [person, monday.iso], upper: Double(all.count), cost: Cost.overWeeklyCap)
                model.require("ROTA.balance", [person, monday.iso, "cap"], Self.ones(all) - LinearExpression(over) <= Double(cap))
            }
            let days = Set(slots.keys.map(\.day)).sorted()
            for d in days {
                guard let am = slots[Slot(d, .am)], let pm = slots[Slot(d, .pm)] else { continue }
                // ROTA.balance (soft): one part-time session a day where possible.
                let twice = model.continuous("sameDay", [person, d.iso], upper: 1, cost: Cost.sameDay)
                model.require("ROTA.balance", [person, d.iso], Self.ones(am + pm) - LinearExpression(twice) <= 1)
            }
        }
    }

    /// The sum of `variables`, each with weight 1: the terms `LinearExpression.sum` gives, made
    /// from an array here so the compiler specialises it — the generic `sum`, called across the
    /// module boundary, was a third of the time building a year's week rows took.
    private static func ones(_ variables: [Variable]) -> LinearExpression {
        LinearExpression(terms: variables.map { ($0, 1.0) })
    }

    /// Whether a need counts visits (rounds, technical support) rather than half-days.
    private func countsVisits(_ n: Need) -> Bool {
        guard let di = n.duty else { return false }
        return group.duties[di].kind != .tcm
    }

    /// A clinic on a day: the unit of a visit.
    struct DaySite: Hashable {
        let site: String
        let day: Int
    }

    /// Reads the solution (nil or unsolved: nothing placed, everything short) into entries,
    /// covers and shortfalls, and carries the week's visits and load into `state`.
    func extract(_ solution: Solution?, state: inout PartTimeState) -> RotaPiece {
        var piece = RotaPiece()
        piece.relaxations = relaxations
        let solved = PartTimeScheduler.solved(solution)
        let on = solved ? placements.filter { solution!.isOn($0.variable) } : []
        var done = Array(repeating: 0, count: needs.count)
        var stationDays: [Int: Set<Int>] = [:]
        var visits: [Int: Set<DaySite>] = [:]
        for p in on {
            piece.put(p.person, [p.slot], p.site, p.activity)
            if needs[p.need].duty == nil {
                stationDays[p.need, default: []].insert(p.slot.day.ordinal)
            } else if countsVisits(needs[p.need]) {
                visits[p.need, default: []].insert(DaySite(site: p.site, day: p.slot.day.ordinal))
            } else {
                done[p.need] += 1
            }
            if p.cover, let absent = needs[p.need].absent {
                piece.cover(needs[p.need].rule, absent: absent, by: p.person, site: p.site, week: monday)
            }
        }
        for (i, days) in stationDays { done[i] = days.count }
        for (i, v) in visits { done[i] = v.count }
        let w = context.visitWeeks
        for (i, n) in needs.enumerated() where done[i] < n.required {
            var why: [String] = []
            if !solved {
                why.append("the sub-model found no solution")
            } else if let di = n.duty, group.duties[di].sites.isEmpty {
                why.append("the plan's site \(group.duties[di].area ?? "") has no village clinic")
            } else if n.leaveNote.isEmpty {
                why.append("the week's free half-days went to other duties and covers")
            } else {
                why.append(n.leaveNote)
                if n.candidates.isEmpty {
                    why.append(n.rule == "TCM.weekly" ? "no other senior TCM physician of the hospital without a full-time posting"
                                                      : "no other village helper of the hospital without a full-time posting")
                } else {
                    why.append("no colleague free to cover (\(n.candidates.joined(separator: ", ")))")
                }
            }
            piece.shortfalls.append(RotaShortfall(rule: n.rule, subject: n.subject, site: n.site, period: monday.iso,
                                                  required: n.required + n.present, scheduled: done[i] + n.present,
                                                  reason: why.joined(separator: "; ")))
        }
        let visited = Set(on.filter { $0.activity == .rounds }.map(\.site))
        for due in dues where !due.early && !visited.contains(due.clinic) {
            piece.shortfalls.append(RotaShortfall(rule: "T3.rounds", subject: due.area, site: due.clinic, period: monday.iso, required: 1, scheduled: 0,
                                                  reason: "clinic not visited in \(w) weeks: no free rounds session in the area this week"))
        }

        // Carry the week forward.
        for (a, idx) in areaIndex {
            state.areaWeeks[a] = idx
            for d in group.duties where d.area == a {
                for c in d.sites where state.lastVisit[c] == nil { state.lastVisit[c] = idx - 1 }
            }
        }
        for p in on.sorted(by: { ($0.slot, $0.person) < ($1.slot, $1.person) }) where p.activity == .rounds {
            if let a = group.duties.first(where: { $0.sites.contains(p.site) && $0.kind == .rounds })?.area, let idx = areaIndex[a] {
                state.lastVisit[p.site] = idx
                state.lastVisitor[p.site] = p.person
            }
        }
        var load: [String: Int] = [:]
        var ownNeed: [String: Int] = [:]
        for p in on { load[p.person, default: 0] += 1 }
        for (i, n) in needs.enumerated() {
            guard let di = n.duty else { continue }
            let d = group.duties[di]
            if d.kind == .tcm {
                // The centre's required clinics count as their holders' own load, in slot order.
                var left = n.required
                for p in on.sorted(by: { ($0.slot, $0.person) < ($1.slot, $1.person) }) where p.need == i && !p.cover && left > 0 {
                    ownNeed[p.person, default: 0] += 1
                    left -= 1
                }
            } else {
                ownNeed[d.subject, default: 0] += n.required
            }
            var pattern = Set<Int>()
            for p in on where p.need == i && !p.cover { pattern.insert(PartTimeWeekModel.weekSlot(p.slot)) }
            state.pattern[d.key] = pattern
            if d.kind == .tcm, let holder = on.filter({ $0.need == i && !$0.cover }).map(\.person).sorted().first {
                state.lastHolder[d.subject] = holder
            }
        }
        for person in group.people {
            let extra = max(0, (load[person] ?? 0) - (ownNeed[person] ?? 0))
            let decayed = 0.5 * (state.extraLoad[person] ?? 0) + Double(extra)
            state.extraLoad[person] = decayed < 0.01 ? nil : decayed
        }
        return piece
    }
}
