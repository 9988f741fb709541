import RotaCore
import RotaVerifier
/// What every output writer looks up, worked out once from the rota, the plan and the scenario.
///
/// The outputs cover the calendar days of the plan's period (the scenario's when the plan's
/// dates do not parse), widened to take in any entry dated outside it, so no entry is lost.
/// People are listed in the order HR reads them: by their own hospital's id, then by person
/// id (people the scenario does not know come last); sites by id. Entries of one person keep
/// the rota's order (date, half, site); entries of one site are sorted by date, half and
/// person. Entries whose date is not `YYYY-MM-DD` have no place on a calendar: the grid,
/// calendars and report leave them out, the per-site sheets and the workbook's long sheet
/// still list them.
///
/// Nothing here depends on dictionary order: dictionaries are only looked up, every list is
/// sorted.
///
/// ```swift
/// let ctx = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
/// ctx.days.first?.iso            // "2025-01-01"
/// ctx.people                     // ["city-a-0", "city-a-3", "east-hosp-2", …]
/// ctx.siteName("east-t1-v1")     // "east-t1村1"
/// ```
struct RotaOutputContext: Sendable {
    let rota: WeeklyRota
    let plan: Plan
    let scenario: Scenario
    let staff: [String: StaffMember]
    let institutions: [String: Institution]
    /// Rota entries sorted by person, date, half, site (and activity, should two share a slot and site).
    let entries: [RotaEntry]
    /// Every day the outputs cover, in order.
    let days: [Day]
    /// Whether `days[i]` is a working day of the scenario's calendar.
    let working: [Bool]
    /// People with at least one entry, in output order.
    let people: [String]
    /// Each person's entries, as a range of `entries`.
    let personRanges: [String: Range<Int>]
    /// Sites with at least one entry, sorted by id.
    let sites: [String]
    /// Each site's entries, sorted by date, half, person.
    let siteEntries: [String: [RotaEntry]]
    private let dayIndexByISO: [String: Int]

    init(rota: WeeklyRota, plan: Plan, scenario: Scenario) {
        self.rota = rota; self.plan = plan; self.scenario = scenario
        staff = scenario.staffIndex()
        institutions = scenario.institutionIndex()
        // The rota's order, made total: entries equal in (person, date, half, site) by activity.
        func before(_ a: RotaEntry, _ b: RotaEntry) -> Bool {
            a < b || (!(b < a) && a.activity.outputRank < b.activity.outputRank)
        }
        let given = rota.entries
        let sortedEntries = given.indices.dropFirst().allSatisfy { !before(given[$0], given[$0 - 1]) } ? given : given.sorted(by: before)
        entries = sortedEntries

        var first = Day(iso: plan.period.start) ?? scenario.period.from
        var last = Day(iso: plan.period.end) ?? scenario.period.to
        var seenDates: [String: Day] = [:]
        for e in sortedEntries where seenDates[e.date] == nil {
            if let d = Day(iso: e.date) {
                seenDates[e.date] = d
                first = min(first, d); last = max(last, d)
            }
        }
        let days = DayRange(from: first, to: last).days
        self.days = days
        let calendar = scenario.calendar
        let holidays = Set(calendar.holidays), workdays = Set(calendar.workdays)
        working = days.map { workdays.contains($0) || (!holidays.contains($0) && !$0.isWeekend) }
        var index: [String: Int] = [:]
        for (iso, d) in seenDates { index[iso] = d.ordinal - first.ordinal }
        dayIndexByISO = index

        var ranges: [String: Range<Int>] = [:]
        var start = 0
        while start < sortedEntries.count {
            var end = start + 1
            while end < sortedEntries.count && sortedEntries[end].person == sortedEntries[start].person { end += 1 }
            ranges[sortedEntries[start].person] = start..<end
            start = end
        }
        personRanges = ranges
        let staff = self.staff
        people = ranges.keys.sorted { a, b in
            let ha = staff[a]?.institution, hb = staff[b]?.institution
            switch (ha, hb) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (nil, nil): return a < b
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }

        var bySite: [String: [RotaEntry]] = [:]
        for e in sortedEntries { bySite[e.site, default: []].append(e) }
        for (k, v) in bySite {
            bySite[k] = v.sorted { ($0.date, $0.half == .am ? 0 : 1, $0.person, $0.activity.outputRank) < ($1.date, $1.half == .am ? 0 : 1, $1.person, $1.activity.outputRank) }
        }
        siteEntries = bySite
        sites = bySite.keys.sorted()
    }

    /// Index into `days` of an entry's date, nil when the date does not parse.
    func dayIndex(_ iso: String) -> Int? { dayIndexByISO[iso] }

    /// The entries of one person, in rota order.
    func entries(of person: String) -> ArraySlice<RotaEntry> {
        guard let r = personRanges[person] else { return [] }
        return entries[r]
    }

    /// The person's name, "" when the scenario does not know them.
    func personName(_ id: String) -> String { staff[id]?.name ?? "" }

    /// The person's own institution id, "" when unknown.
    func hospitalID(ofPerson id: String) -> String { staff[id]?.institution ?? "" }

    /// The display name of the person's own institution (its id when the scenario has no name).
    func hospitalName(ofPerson id: String) -> String {
        guard let h = staff[id]?.institution else { return "" }
        return institutions[h]?.name ?? h
    }

    /// The display name of an institution, or the id itself when the scenario does not know it.
    func siteName(_ id: String) -> String { institutions[id]?.name ?? id }

    /// `name (id)` for a person, institution or plan team id (a team is `SENDER → RECIPIENT`),
    /// or the id alone when it names none of them.
    func label(_ id: String) -> String {
        if let p = staff[id] { return "\(p.name) (\(id))" }
        if let i = institutions[id] { return "\(i.name) (\(id))" }
        if let t = plan.teams.first(where: { $0.id == id }) { return "\(siteName(t.sender)) → \(siteName(t.recipient)) (\(id))" }
        return id
    }
}
