import RotaCore

/// Who could take over a person's duties from a day on: candidates ranked by the rules they
/// keep, for `rota suggest` at a planner's desk (plain arithmetic over the plan, no solver).
///
/// A replacement comes from the same sender (so `T1.one-sender` / `T2.one-sender` and the
/// sender's quota stay as they are) and holds no duty in the plan (taking someone from another
/// duty would change two postings). Each candidate is judged on the rules the swap touches:
///
/// - `T1.team-mix` / `T2.team-mix`: the replacement is of the same staff group;
/// - `T1.3331`: a group member (doctor, nurse, pharmacist) is replaced by the same role;
/// - `PERSON.leave`: the replacement's leave inside the rest of the duty is at most
///   `posting.max-leave-days` working days (full-time duties);
/// - `TCM.weekly`: a TCM clinic needs a senior-title TCM physician;
/// - `T3.station-target` / `T3.locality`: a village helper comes from the same sender;
/// - `T3.station-continuity`: a stationing taken over runs at least `T3.station-months` from
///   the day it is taken over (a stint of its own).
///
/// Ranked: fewest broken rules, then fewest leave working days in the rest of the duty, then
/// the same role, then the same specialty, then staff id.
///
/// ```swift
/// let finder = ReplacementFinder(scenario: s, plan: plan)
/// for c in finder.candidates(replacing: "hzm-0123", from: Day(iso: "2025-07-01")!).prefix(5) { print(c.summary) }
/// ```
public struct ReplacementFinder: Sendable {
    public let scenario: Scenario
    public let plan: Plan

    public init(scenario: Scenario, plan: Plan) { self.scenario = scenario; self.plan = plan }

    /// A duty of the plan a person holds.
    public struct Duty: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable { case team(tier: String), village(VillageHelpForm), tcm }
        public var kind: Kind
        /// Team id, `station:VILLAGE`, `rounds:AREA`, `tech-support:VILLAGE`, `tcm:CENTRE`.
        public var key: String
        public var sender: String
        public var site: String
        public var range: DayRange
        /// The 3331 group role (`doctor`, `nurse`, `pharmacist`) when the person is in the group.
        public var groupRole: String?
        public var isFullTime: Bool {
            switch kind { case .team: return true; case .village(let f): return f == .station; case .tcm: return false }
        }
        public var description: String {
            switch kind {
            case .team: return "member of \(key)" + (groupRole.map { " (3331 group \($0))" } ?? "")
            case .village(let f): return "\(f.rawValue) at \(site)"
            case .tcm: return "TCM clinic at \(site)"
            }
        }
    }

    /// A rule the swap keeps or breaks, in words.
    public struct RuleNote: Sendable, Hashable {
        public var rule: String
        public var kept: Bool
        public var note: String
    }

    /// One candidate and what taking over means.
    public struct Candidate: Sendable, Hashable {
        public var person: StaffMember
        /// What changes, one line per duty taken over.
        public var changes: [String]
        public var rules: [RuleNote]
        public var leaveWorkingDays: Int
        public var broken: Int { rules.filter { !$0.kept }.count }
        public var keepsEveryRule: Bool { broken == 0 }
    }

    /// The duties `person` holds in the plan on or after `from`.
    public func duties(of person: String, from: Day) -> [Duty] {
        var out: [Duty] = []
        func range(_ s: String, _ e: String) -> DayRange? {
            guard let a = Day(iso: s), let b = Day(iso: e), b >= from else { return nil }
            return DayRange(from: max(a, from), to: b)
        }
        for t in plan.teams.flatMap(\.spans) where t.members.contains(person) {
            // A team with replacements: the part of the term the person serves.
            guard let r = range(t.start, t.end) else { continue }
            if let earlier = out.firstIndex(where: { $0.key == t.id }) {
                out[earlier].range = DayRange(from: out[earlier].range.from, to: r.to)
                continue
            }
            let g = t.group3331
            let role = g.flatMap { g in g.doctor == person ? "doctor" : g.nurse == person ? "nurse" : g.pharmacist == person ? "pharmacist" : nil }
            out.append(Duty(kind: .team(tier: t.tier), key: t.id, sender: t.sender, site: t.recipient, range: r, groupRole: role))
        }
        for h in plan.villageHelpers where h.person == person {
            guard let r = range(h.start, h.end) else { continue }
            out.append(Duty(kind: .village(h.form), key: "\(h.form.rawValue):\(h.site)", sender: h.sender, site: h.site, range: r))
        }
        for c in plan.tcmClinics where c.physician == person {
            guard let r = range(c.start, c.end) else { continue }
            out.append(Duty(kind: .tcm, key: "tcm:\(c.centre)", sender: c.sender, site: c.centre, range: r))
        }
        return out.sorted { $0.key < $1.key }
    }

    /// Everyone holding a duty in the plan.
    public var peopleOnDuty: Set<String> {
        Set(plan.teams.flatMap(\.everyone) + plan.villageHelpers.map(\.person) + plan.tcmClinics.map(\.physician))
    }

    /// Working days of `person`'s leave inside `range` (the scenario's calendar).
    public func leaveWorkingDays(_ person: StaffMember, in range: DayRange) -> Int {
        let holidays = Set(scenario.calendar.holidays), workdays = Set(scenario.calendar.workdays)
        var days = Set<Day>()
        for u in person.unavailable { if let c = u.clipped(to: range) { days.formUnion(c.days) } }
        return days.filter { workdays.contains($0) || (!holidays.contains($0) && !$0.isWeekend) }.count
    }

    /// Ranked candidates to take over `person`'s duties from `from`; empty when the person
    /// holds none, or their sender has no free candidate.
    public func candidates(replacing person: String, from: Day) -> [Candidate] {
        let staff = scenario.staffIndex()
        guard let absent = staff[person] else { return [] }
        let duties = duties(of: person, from: from)
        guard !duties.isEmpty else { return [] }
        let busy = peopleOnDuty
        let senders = Set(duties.map(\.sender))
        let limit = scenario.parameters.int("posting.max-leave-days")
        var out: [Candidate] = []
        for c in scenario.staff where c.id != person && !busy.contains(c.id) && senders.contains(c.institution) {
            var rules: [RuleNote] = [], changes: [String] = [], leave = 0
            for d in duties {
                changes.append("\(c.id) takes over \(person)'s \(d) from \(d.range.from.iso) to \(d.range.to.iso)")
                let days = leaveWorkingDays(c, in: d.range)
                leave += days
                switch d.kind {
                case .team(let tier):
                    let same = c.role.group == absent.role.group
                    rules.append(RuleNote(rule: "\(tier).team-mix", kept: same,
                                          note: same ? "the team keeps its \(absent.role.group.rawValue) (same staff group)"
                                                     : "\(c.role.rawValue) in place of a \(absent.role.rawValue): the team may lose its \(absent.role.group.rawValue)"))
                    rules.append(RuleNote(rule: "\(tier).team-size", kept: true,
                                          note: "the team keeps its size with a replacement from the same sender \(d.sender)"))
                    rules.append(RuleNote(rule: "\(tier).duration", kept: true,
                                          note: "the posting of \(d.key) stays continuous to \(d.range.to.iso); \(person) served it until \(from.adding(days: -1).iso)"))
                    if let role = d.groupRole {
                        let ok = c.role.rawValue == role
                        rules.append(RuleNote(rule: "T1.3331", kept: ok, note: ok ? "\(c.id) is the group's \(role) from \(d.range.from.iso)"
                                                                             : "the 3331 group needs a \(role); \(c.id) is a \(c.role.rawValue)"))
                    }
                case .village(let form):
                    rules.append(RuleNote(rule: form == .station ? "T3.locality" : "T3.\(form.rawValue)", kept: true,
                                          note: "same sender \(d.sender), so \(d.site) stays within its reach"))
                    if form == .station {
                        // The replacement's own stint (rules.md, "Stationing stints").
                        let months = scenario.parameters.int("T3.station-months")
                        let ok = d.range.to >= d.range.from.adding(months: months).adding(days: -1)
                        rules.append(RuleNote(rule: "T3.station-continuity", kept: ok,
                                              note: "the stint \(d.range.from.iso)..\(d.range.to.iso) is \(ok ? "at least" : "shorter than") \(months) months"))
                    }
                case .tcm:
                    let ok = c.isSeniorTCMPhysician
                    rules.append(RuleNote(rule: "TCM.weekly", kept: ok, note: ok ? "\(c.id) is a senior-title TCM physician"
                                                                              : "\(c.id) is not a senior-title TCM physician"))
                }
                if d.isFullTime {
                    rules.append(RuleNote(rule: "PERSON.leave", kept: days <= limit,
                                          note: "\(days) working day\(days == 1 ? "" : "s") of leave from \(d.range.from.iso) to \(d.range.to.iso) (at most \(limit))"))
                } else if days > 0 {
                    rules.append(RuleNote(rule: "PERSON.leave", kept: true, note: "\(days) working days of leave; colleagues cover those sessions"))
                }
            }
            out.append(Candidate(person: c, changes: changes, rules: rules, leaveWorkingDays: leave))
        }
        let specialty = absent.specialty?.lowercased()
        return out.sorted {
            ($0.broken, $0.leaveWorkingDays, $0.person.role == absent.role ? 0 : 1, $0.person.specialty?.lowercased() == specialty ? 0 : 1, $0.person.id)
                < ($1.broken, $1.leaveWorkingDays, $1.person.role == absent.role ? 0 : 1, $1.person.specialty?.lowercased() == specialty ? 0 : 1, $1.person.id)
        }
    }
}

extension ReplacementFinder {
    /// The plan with `person` replaced by `replacement` in every duty they hold (team member
    /// and 3331 group role, village help, TCM clinic), for the duties' whole terms.
    ///
    /// The plan format gives a team one term for all its members, so this is the swap as the
    /// year's plan states it; the half-days served before a re-plan date stay in the frozen rota.
    public func plan(replacing person: String, with replacement: String) -> Plan {
        var p = plan
        for i in p.teams.indices where p.teams[i].members.contains(person) {
            p.teams[i].members = (p.teams[i].members.filter { $0 != person } + [replacement]).sorted()
            if var g = p.teams[i].group3331 {
                if g.doctor == person { g.doctor = replacement }
                if g.nurse == person { g.nurse = replacement }
                if g.pharmacist == person { g.pharmacist = replacement }
                p.teams[i].group3331 = g
            }
        }
        for i in p.villageHelpers.indices where p.villageHelpers[i].person == person { p.villageHelpers[i].person = replacement }
        p.villageHelpers.sort { ($0.person, $0.form.rawValue) < ($1.person, $1.form.rawValue) }
        p.tcmClinics.sort { ($0.centre, $0.physician) < ($1.centre, $1.physician) }
        for i in p.tcmClinics.indices where p.tcmClinics[i].physician == person { p.tcmClinics[i].physician = replacement }
        return p
    }
}
