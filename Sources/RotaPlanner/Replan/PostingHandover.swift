import RotaCore

/// A posting handed from the person holding it to a colleague of the same sender from a day
/// on: the one posting change a re-plan makes when an event (a long absence, a departure)
/// leaves a person unable to hold their posting.
///
/// Three kinds of posting pass so (`duty`):
///
/// - **a team place** (`T1:…>…`, `T2:…>…`): the team keeps its dates, recipient, sender and
///   size; the person replaced served until the day before `from`, the replacement serves
///   from `from` to the team's end, in the same place and 3331 group role (`PlanReplacement`);
/// - **a stationing** (`station:VILLAGE`): the village's stint is cut at `from` — the person's
///   stint ends the day before, the replacement's runs from `from` to the stint's end — so the
///   village hosts one helper at a time, each stint judged on its own against
///   T3.station-months (rules.md, "Stationing stints"). With no replacement (`replacement`
///   empty) the stint just ends the day before `from` and the village is left to local staff
///   (coverage is soft);
/// - **a TCM clinic** (`tcm:CENTRE`): the clinic is cut at `from` the same way; the centre
///   keeps a senior TCM clinic on every day (TCM.weekly);
/// - **a rounds or technical-support duty** (`rounds:AREA`, `tech-support:VILLAGE`): cut at
///   `from` the same way; the duty is one duty held in succession, judged as a whole against
///   T3.part-time-months (the verifier follows `takesOverFrom`), and the replacement keeps the
///   weekly sessions (T3.rounds, T3.tech-support).
///
/// The part a replacement holds records whom it continues (`takesOverFrom`), and a later
/// holder who continued the person (a clinic handed over in the annual plan) now continues the
/// replacement, so every handover in plan.json stays a chain the verifier can follow.
///
/// The rota moves with the posting: the person's entries of the posting (at the recipient and
/// workstation; at the village; the TCM sessions at the centre) from `from` on pass to the
/// replacement, but on the replacement's own leave.
///
/// ```swift
/// let handover = PostingHandover(team: "station:cao-hanji-v01", person: "cao-hanji-0002", replacement: "cao-hanji-0007",
///                                from: Day(iso: "2025-07-01")!, reason: "absence of cao-hanji-0002 …")
/// let plan2 = handover.apply(to: plan)        // two stints: until 2025-06-30, and from 2025-07-01
/// let future2 = handover.move(future, sites: handover.sites(in: plan), onLeave: leave)
/// ```
public struct PostingHandover: Sendable, Hashable {
    /// The posting: a team id, `station:VILLAGE` or `tcm:CENTRE`.
    public var team: String
    public var person: String
    /// The colleague who takes the posting over; empty when a stationing just ends.
    public var replacement: String
    public var from: Day
    public var reason: String

    public init(team: String, person: String, replacement: String, from: Day, reason: String) {
        self.team = team; self.person = person; self.replacement = replacement; self.from = from; self.reason = reason
    }

    /// The kinds of posting a handover passes on.
    public enum Kind: Sendable, Hashable {
        case team, station(village: String), tcm(centre: String), rounds(area: String), techSupport(village: String)
    }

    public var kind: Kind {
        if team.hasPrefix("station:") { return .station(village: String(team.dropFirst("station:".count))) }
        if team.hasPrefix("tcm:") { return .tcm(centre: String(team.dropFirst("tcm:".count))) }
        if team.hasPrefix("rounds:") { return .rounds(area: String(team.dropFirst("rounds:".count))) }
        if team.hasPrefix("tech-support:") { return .techSupport(village: String(team.dropFirst("tech-support:".count))) }
        return .team
    }

    /// The village-help form and site of a stationing, rounds or technical-support posting.
    public var villageDuty: (form: VillageHelpForm, site: String)? {
        switch kind {
        case .station(let v): return (.station, v)
        case .rounds(let a): return (.rounds, a)
        case .techSupport(let v): return (.techSupport, v)
        case .team, .tcm: return nil
        }
    }

    /// The posting in words: `place in T1:…`, `stationing at VILLAGE`, `TCM clinic at CENTRE`.
    public var postingText: String {
        switch kind {
        case .team: return "place in \(team)"
        case .station(let v): return "stationing at \(v)"
        case .tcm(let c): return "TCM clinic at \(c)"
        case .rounds(let a): return "rounds in service area \(a)"
        case .techSupport(let v): return "technical support at \(v)"
        }
    }

    /// The plan with the posting handed over.
    public func apply(to plan: Plan) -> Plan {
        var p = plan
        switch kind {
        case .team:
            for i in p.teams.indices where p.teams[i].id == team {
                var list = p.teams[i].replacements ?? []
                list.append(PlanReplacement(person: person, replacement: replacement, from: from.iso, reason: reason))
                list.sort { ($0.from, $0.person) < ($1.from, $1.person) }
                p.teams[i].replacements = list
            }
        case .station, .rounds, .techSupport:
            let (form, site) = villageDuty!
            p.villageHelpers = Self.cut(p.villageHelpers, at: from, replacement: replacement, person: person) {
                $0.person == person && $0.form == form && $0.site == site
            } continues: { $0.form == form && $0.site == site } withPerson: { h, who in var h = h; h.person = who; return h }
            p.villageHelpers.sort { ($0.person, $0.form.rawValue, $0.site, $0.start) < ($1.person, $1.form.rawValue, $1.site, $1.start) }
        case .tcm(let centre):
            p.tcmClinics = Self.cut(p.tcmClinics, at: from, replacement: replacement, person: person) {
                $0.physician == person && $0.centre == centre
            } continues: { $0.centre == centre } withPerson: { c, who in var c = c; c.physician = who; return c }
            p.tcmClinics.sort { ($0.centre, $0.physician, $0.start) < ($1.centre, $1.physician, $1.start) }
        }
        return p
    }

    /// `items` with the one that `matches` and runs on or after `day` cut there: the holder
    /// keeps the part before `day` (none when it starts on or after `day`), the replacement
    /// (when there is one) holds the rest, continuing `person` (`takesOverFrom`) when the
    /// holder served a part. An item of the same posting (`continues`) that continued
    /// `person` from after `day` continues the replacement now.
    static func cut<T: DatedDuty>(_ items: [T], at day: Day, replacement: String, person: String, matches: (T) -> Bool,
                                  continues: (T) -> Bool, withPerson: (T, String) -> T) -> [T] {
        var out: [T] = []
        for item in items {
            guard matches(item), let a = Day(iso: item.start), let b = Day(iso: item.end), b >= day else {
                var item = item
                if !replacement.isEmpty, continues(item), item.takesOverFrom == person, item.start > day.iso { item.takesOverFrom = replacement }
                out.append(item)
                continue
            }
            if a < day {
                var kept = item
                kept.end = day.adding(days: -1).iso
                out.append(kept)
            }
            if !replacement.isEmpty {
                var taken = withPerson(item, replacement)
                taken.start = max(a, day).iso
                if a < day { taken.takesOverFrom = person }
                out.append(taken)
            }
        }
        return out
    }

    /// The sites of the posting's rota entries: the team's recipient and 3331 workstation, the
    /// village, the TCM centre.
    public func sites(in plan: Plan) -> Set<String> {
        switch kind {
        case .team:
            guard let t = plan.teams.first(where: { $0.id == team }) else { return [] }
            var sites: Set<String> = [t.recipient]
            if let w = t.group3331?.workstation { sites.insert(w) }
            return sites
        case .station(let v), .techSupport(let v): return [v]
        case .tcm(let c): return [c]
        case .rounds(let a): return [a]
        }
    }

    /// Rota entries with the posting moved: every entry of `person` on or after `from` at one
    /// of `sites` (for a TCM clinic, its sessions only: a T2 member may hold their own centre's
    /// clinic; for rounds, every rounds session, as they go to the area's clinics, not to the
    /// area; for technical support, its visits) becomes the replacement's, except on the days
    /// the replacement is on leave (`onLeave`: ISO dates), where it is dropped — as it is with
    /// no replacement.
    public func move(_ entries: [RotaEntry], sites: Set<String>, onLeave: Set<String>) -> [RotaEntry] {
        let cut = from.iso
        func ofPosting(_ e: RotaEntry) -> Bool {
            switch kind {
            case .tcm: return sites.contains(e.site) && e.activity == .tcmClinic
            case .rounds: return e.activity == .rounds
            case .techSupport: return sites.contains(e.site) && e.activity == .techSupport
            case .team, .station: return sites.contains(e.site)
            }
        }
        return entries.compactMap { e in
            guard e.person == person, e.date >= cut, ofPosting(e) else { return e }
            if replacement.isEmpty || onLeave.contains(e.date) { return nil }
            var moved = e
            moved.person = replacement
            return moved
        }
    }
}

/// A plan item with a holder and dates, that a handover may cut in two.
protocol DatedDuty {
    var start: String { get set }
    var end: String { get set }
    var takesOverFrom: String? { get set }
}

extension PlanVillageHelper: DatedDuty {}
extension PlanTCMClinic: DatedDuty {}

extension ReplacementFinder {
    /// The team posting `person` holds on `day`, with the sites its rota uses (recipient and
    /// 3331 workstation), or nil when they hold none then.
    public func teamPosting(of person: String, on day: Day) -> (team: PlanTeam, sites: Set<String>)? {
        for t in plan.teams {
            for part in t.spans where part.members.contains(person) {
                guard let a = Day(iso: part.start), let b = Day(iso: part.end), a <= day, day <= b else { continue }
                var sites: Set<String> = [t.recipient]
                if let w = t.group3331?.workstation { sites.insert(w) }
                return (t, sites)
            }
        }
        return nil
    }
}
