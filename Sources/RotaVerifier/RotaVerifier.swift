import RotaCore
/// The independent verifier of a weekly half-day rota (`rota verify … --rota rota.csv`).
///
/// It reads the scenario, the annual plan and the rota's entries, re-derives every weekly and
/// monthly rule instance the rota must meet, and decides each in plain Swift with integer
/// arithmetic. It never calls the rota planner (`Sources/Rota/Rota/`, but for the data types
/// of `WeeklyRota.swift`) nor the annual planner, and keeps its own calendar walk, cover rule
/// and CSV reader (`RotaCSVReader`), so a planner bug shows up as a failed check.
///
/// Rule families and instances (keys use the ISO Monday of a week, `YYYY-MM` for a month):
/// - `ROTA.integrity[person:ID]` — every person in the rota: known person and sites, readable
///   dates on working days inside the period, not on leave, one entry per half-day slot, and
///   each entry one of the person's planned duties (or a cover, see below); a person holding a
///   full-time posting that day does nothing else but its two exceptions.
/// - `ROTA.posting[PERSON@TEAM]` — every T1/T2 team member: at the recipient both halves of
///   every working day of the posting except leave days and slots of the allowed other duty
///   (a 3331 visit at the team's workstation; a TCM clinic at a T2 team's own centre).
/// - `T1.3331[TEAM:YYYY-MM]` — visits per T1 team and calendar month.
/// - `T3.station-days[PERSON:MONDAY]`, `T3.station-continuity[rota:PERSON:VILLAGE]`,
///   `T3.rounds[PERSON:MONDAY]`, `T3.rounds[area:AREA:MONDAY]` (a window of
///   T3.rounds-visit-weeks weeks starting that Monday), `T3.tech-support[PERSON:MONDAY]`,
///   `TCM.weekly[CENTRE:MONDAY]`.
///
/// The readings (weeks, holidays, leave, covers, the 3331 spread) are documented in
/// `docs/rota-verification.md`.
///
/// ```swift
/// let entries = try RotaCSVReader.read(path: "out/rota.csv")
/// let checks = RotaVerifier(scenario: scenario, plan: plan).verify(entries: entries)
/// checks.filter { !$0.passed }.map(\.instance)   // ["T3.rounds[ch-r1:2025-09-08]"]
/// ```
public struct RotaVerifier: Sendable {
    let context: VerificationContext
    let plan: Plan
    let view: PlanVerifier.PlanView
    let index: PlanIndex
    /// Whether each day of the period, from its first, is a working day.
    let workingInPeriod: [Bool]

    public init(scenario: Scenario, plan: Plan) {
        let ctx = VerificationContext(scenario: scenario)
        self.context = ctx
        self.plan = plan
        self.view = PlanVerifier.PlanView(plan: plan, context: ctx)
        self.index = PlanIndex(view: view, context: ctx)
        self.workingInPeriod = ctx.period.days.map(ctx.calendar.isWorkingDay)
    }

    /// Every rota rule instance of the scenario and plan, decided for `entries`, in report order.
    ///
    /// The families are decided at the same time on the machine's cores (`Parts`); each
    /// family's checks come out in the same order whatever the timing, and the report order is
    /// the same.
    public func verify(entries: [RotaEntry]) -> [RuleCheck] {
        let parts = Parts(verifier: self, entries: entries)
        return parts.assemble(ParallelJobs.run(count: parts.count, threads: ParallelJobs.processors) { parts.decide($0) })
    }

    /// The rota's part of a verification report: its checks and a summary per family.
    public func section(entries: [RotaEntry], file: String) -> VerificationReport.RotaSection {
        VerificationReport.RotaSection(file: file, entries: entries.count, checks: verify(entries: entries))
    }

    // MARK: Rules

    /// The rota rule families, in report order.
    public static let ruleOrder: [String] = [
        "ROTA.integrity", "ROTA.posting", "T1.3331",
        "T3.station-days", "T3.station-continuity", "T3.rounds", "T3.tech-support", "TCM.weekly",
    ]

    /// ROTA.integrity: the verifier's own rule about the rota file.
    static let rotaIntegrity = Rule(
        id: "ROTA.integrity",
        summary: "the rota names the scenario's people and places, on working days inside the period, off leave, one place per half-day, each entry a planned duty or a cover",
        clause: "rules.md, Time and Who may serve where (reading); docs/rota-verification.md",
        quote: "A person is never in two places in one slot, and works no slot on a day they are on leave",
        parameters: [])

    /// ROTA.posting: the T1/T2 full-time posting, day by day (the reading of T1.duration and
    /// T2.duration for the rota: 每次派驻 is full-time at the recipient).
    static let rotaPosting = Rule(
        id: "ROTA.posting",
        summary: "each T1/T2 team member is at the recipient both halves of every working day of the posting, but leave and the allowed 3331 visits or own-centre TCM clinic",
        clause: "菏卫发〔2024〕2号 附件3 §二(一), §二(二); rules.md, Who may serve where (full-time postings)",
        quote: "每次派驻时间不少于1年",
        parameters: [])

    /// The rules the rota verifier adds to the catalogue, by id.
    static let ownRules: [String: Rule] = [rotaIntegrity.id: rotaIntegrity, rotaPosting.id: rotaPosting]

    /// Sorts checks into rota report order and makes instance keys unique (`#2`, `#3`, …, in
    /// the order given).
    ///
    /// The sort is stable, so the checks of one instance key end up next to each other in the
    /// order given and are numbered there; only when some key was numbered do the checks need
    /// sorting again.
    static func ordered(_ checks: consuming [RuleCheck]) -> [RuleCheck] {
        var checks = checks
        // Made in order already, with no key twice (a family that walks its subjects in key
        // order): nothing to sort or number.
        if inOrder(checks, strictly: true) { return checks }
        sortInPlace(&checks)
        var numbered = false
        var run = 0
        while run < checks.count {
            var end = run + 1
            while end < checks.count && checks[end].instance == checks[run].instance { end += 1 }
            for (n, k) in (run + 1..<end).enumerated() {
                checks[k].instance = "\(checks[k].instance)#\(n + 2)"
                numbered = true
            }
            run = end
        }
        if numbered { sortInPlace(&checks) }
        return checks
    }

    /// Sorts checks into rota report order, stably. It sorts their positions and then swaps the
    /// checks into place, so no check is copied.
    private static func sortInPlace(_ checks: inout [RuleCheck]) {
        let rules = checks.indices.map { checks[$0].rule }, instances = checks.indices.map { checks[$0].instance }
        let ranks = rules.map(rank)
        let order = checks.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if rules[a] != rules[b] { return rules[a] < rules[b] }
            return instances[a] < instances[b]
        }
        // Place k gets the check at order[k]: follow each cycle of the permutation, swapping.
        var placed = Array(repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            var k = start
            placed[k] = true
            while order[k] != start {
                checks.swapAt(k, order[k])
                k = order[k]
                placed[k] = true
            }
        }
    }

    /// Rota report order: family as in `ruleOrder`, then instance key.
    static func precedes(_ a: RuleCheck, _ b: RuleCheck) -> Bool {
        precedes(rule: a.rule, a.instance, rule: b.rule, b.instance)
    }

    /// Rota report order of two checks given by rule and instance key.
    static func precedes(rule a: String, _ instanceA: String, rule b: String, _ instanceB: String) -> Bool {
        if a == b { return instanceA < instanceB }
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb }
        return a < b
    }

    /// Whether `checks` are in rota report order already; `strictly`: with no key twice.
    static func inOrder(_ checks: [RuleCheck], strictly: Bool = false) -> Bool {
        // By position: a loop over the checks themselves would copy each.
        !checks.indices.dropFirst().contains { k in
            strictly ? !precedes(rule: checks[k - 1].rule, checks[k - 1].instance, rule: checks[k].rule, checks[k].instance)
                     : precedes(rule: checks[k].rule, checks[k].instance, rule: checks[k - 1].rule, checks[k - 1].instance)
        }
    }

    /// What a rota rule family asks, for the report's family lines.
    static func summary(_ id: String) -> String {
        switch id {
        case "T1.3331": return "each T1 team's doctor, nurse and pharmacist visit the workstation together, a full day and one mode each time, at least T1.3331.visits-per-month days a month, in all three modes, spread over the weeks"
        case "T3.station-days": return "a stationed helper is in the village at least T3.station-days-per-week days a week (fewer when holidays or leave shorten the week)"
        case "T3.station-continuity": return "a stationed helper's entries are all at the planned village, every week of the stationing"
        case "T3.rounds": return "each rounds helper makes at least T3.rounds-per-week visits (distinct days or clinics, half a day each) a week in the area; every clinic of the area is visited in every T3.rounds-visit-weeks weeks"
        case "T3.tech-support": return "each technical-support helper is at the clinic at least T3.tech-support-per-week half-days a week"
        case "TCM.weekly": return "a named senior-title TCM physician holds at least TCM.per-week half-day clinics a week at each TCM-featured centre"
        default: return PlanVerifier.rule(id).summary
        }
    }

    static func rank(_ rule: String) -> Int { ranks[rule] ?? ruleOrder.count }

    private static let ranks: [String: Int] = Dictionary(uniqueKeysWithValues: ruleOrder.enumerated().map { ($1, $0) })

    // MARK: Calendar

    /// A working day inside the period.
    func isWorking(_ d: Day) -> Bool {
        let k = d.ordinal - context.period.from.ordinal
        return k >= 0 && k < workingInPeriod.count && workingInPeriod[k]
    }

    /// Working days of `range` inside the period, in order.
    func workingDays(_ range: DayRange) -> [Day] {
        guard let r = range.clipped(to: context.period) else { return [] }
        let first = context.period.from.ordinal
        return (r.from.ordinal...r.to.ordinal).compactMap { workingInPeriod[$0 - first] ? Day(ordinal: $0) : nil }
    }

    /// Whether the scenario's person is on leave on `d`.
    func onLeave(_ person: String, _ d: Day) -> Bool { RotaVerifier.onLeave(leave(of: person), d) }

    /// The scenario's leave of a person (none for an unknown person).
    func leave(of person: String) -> [DayRange] { context.staff[person]?.unavailable ?? [] }

    /// Whether one of the leave ranges holds `d`.
    static func onLeave(_ leave: [DayRange], _ d: Day) -> Bool { leave.contains { $0.contains(d) } }

    /// The Monday–Sunday weeks that meet `range` inside the period, each clipped to both.
    func weeks(_ range: DayRange) -> [DayRange] {
        guard let r = range.clipped(to: context.period) else { return [] }
        var out: [DayRange] = []
        var monday = r.from.weekStart
        while monday <= r.to {
            if let w = DayRange(from: monday, to: monday.adding(days: 6)).clipped(to: r) { out.append(w) }
            monday = monday.adding(days: 7)
        }
        return out
    }

    /// The calendar months that meet `range` inside the period, each clipped to both.
    func months(_ range: DayRange) -> [DayRange] {
        guard let r = range.clipped(to: context.period) else { return [] }
        var out: [DayRange] = []
        var first = r.from.monthStart
        while first <= r.to {
            let last = first.adding(months: 1).adding(days: -1)
            if let m = DayRange(from: first, to: last).clipped(to: r) { out.append(m) }
            first = first.adding(months: 1)
        }
        return out
    }

    /// Why a week or month `part` has fewer than `asked` working days: its holidays on weekdays
    /// and the weekdays the period or the duty cut off. `full` is the whole calendar week or month.
    func shortReason(_ part: DayRange, full: DayRange, working: Int) -> String {
        let holidays = part.days.filter { !$0.isWeekend && !context.calendar.isWorkingDay($0) }
        let cut = full.days.filter { !$0.isWeekend && !part.contains($0) }.count
        var why: [String] = []
        if !holidays.isEmpty { why.append("holidays \(holidays.map(\.iso).joined(separator: ", "))") }
        if cut > 0 { why.append("\(VerifyText.counted(cut, "weekday", "weekdays")) outside the period or the duty") }
        return "\(VerifyText.counted(working, "working day", "working days"))" + (why.isEmpty ? "" : " (\(why.joined(separator: "; ")))")
    }

    // MARK: Plan lookups

    /// The plan's duties indexed by person and by site; only duties with readable dates and
    /// known people (PLAN.integrity reports the others).
    struct PlanIndex: Sendable {
        typealias Team = PlanVerifier.PlanView.Team
        typealias Helper = PlanVerifier.PlanView.Helper
        typealias Clinic = PlanVerifier.PlanView.Clinic
        /// Person → the teams they are a member of.
        let teamsOf: [String: [Team]]
        /// Form → village helper duties, in plan order.
        let helpers: [VillageHelpForm: [Helper]]
        /// Form → person → their duties of that form.
        let helpersOf: [VillageHelpForm: [String: [Helper]]]
        /// Form → site (village, or service area for rounds) → duties there.
        let helpersAt: [VillageHelpForm: [String: [Helper]]]
        /// Centre → its TCM clinics with a known physician.
        let clinicsAt: [String: [Clinic]]

        init(view: PlanVerifier.PlanView, context: VerificationContext) {
            var teamsOf: [String: [Team]] = [:]
            // Each person's team with the days they serve in it (a replacement's from their day).
            for t in view.teams where t.range != nil { for term in t.terms { teamsOf[term.member.id, default: []].append(t.narrowed(to: term.range)) } }
            self.teamsOf = teamsOf
            let usable = view.helpers.filter { $0.range != nil && $0.person != nil }
            var helpers: [VillageHelpForm: [Helper]] = [:]
            var of: [VillageHelpForm: [String: [Helper]]] = [:]
            var at: [VillageHelpForm: [String: [Helper]]] = [:]
            for h in usable {
                helpers[h.helper.form, default: []].append(h)
                of[h.helper.form, default: [:]][h.helper.person, default: []].append(h)
                at[h.helper.form, default: [:]][h.helper.site, default: []].append(h)
            }
            self.helpers = helpers; self.helpersOf = of; self.helpersAt = at
            var clinics: [String: [Clinic]] = [:]
            for c in view.clinics where c.range != nil && c.physician != nil { clinics[c.clinic.centre, default: []].append(c) }
            self.clinicsAt = clinics
        }
    }

    /// The village helper duties of one form with readable dates and a known person.
    func helpers(_ form: VillageHelpForm) -> [PlanVerifier.PlanView.Helper] { index.helpers[form] ?? [] }
}

extension RotaVerifier {
    /// `2025-09-10 pm` style text of a slot.
    static func slotText(_ d: Day, _ half: HalfDay) -> String { "\(d.iso) \(half.rawValue)" }

    /// Distinct slots of `items`, first item per slot, in slot order.
    static func distinctSlots(_ items: [Book.Item]) -> [Book.Item] {
        var seen = Set<Int>()
        return items.sorted { ($0.slot, $0.index) < ($1.slot, $1.index) }.filter { seen.insert($0.slot).inserted }
    }

    /// The earliest of `items` on each day at each site: one person's visits.
    static func distinctDaysAndSites(_ items: [Book.Item]) -> [Book.Item] {
        var seen = Set<DaySite>()
        return items.sorted { ($0.slot, $0.index) < ($1.slot, $1.index) }.filter { seen.insert(DaySite(site: $0.site, ordinal: $0.ordinal)).inserted }
    }

    /// Day witnesses for a list of days, consecutive days merged into ranges, all with `note`.
    static func dayRuns(_ days: [Day], note: String) -> [Witness] {
        var out: [Witness] = []
        var start: Day?, prev: Day?
        for d in days.sorted() {
            if let p = prev, d.ordinal == p.ordinal + 1 { prev = d; continue }
            if let s = start, let p = prev { out.append(Witness(.dates, s == p ? s.iso : "\(s.iso)..\(p.iso)", note: note)) }
            start = d; prev = d
        }
        if let s = start, let p = prev { out.append(Witness(.dates, s == p ? s.iso : "\(s.iso)..\(p.iso)", note: note)) }
        return out
    }
}

/// A site on a day, as the rota book numbers them: the unit of a visit.
struct DaySite: Hashable {
    let site: Int32
    let ordinal: Int32
}
