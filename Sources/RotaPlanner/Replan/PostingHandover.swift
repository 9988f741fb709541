import RotaCore

/// A team posting handed from one member to a colleague of the same sender from a day on: the
/// one posting change a re-plan makes when an event (a long absence, a departure) leaves a
/// member unable to hold their posting.
///
/// The team keeps its dates, recipient, sender and size; the person replaced served until the
/// day before `from`, the replacement serves from `from` to the team's end, in the same place
/// and 3331 group role (`PlanReplacement`). The rota moves with the seat: the replaced
/// member's entries at the recipient and the workstation from `from` on pass to the
/// replacement, but on the replacement's own leave.
///
/// ```swift
/// let handover = PostingHandover(team: "T1:hz-municipal>cao-people", person: "hzm-0123", replacement: "hzm-0140",
///                                from: Day(iso: "2025-07-01")!, reason: "absence of hzm-0123 …")
/// let plan2 = handover.apply(to: plan)
/// let future2 = handover.move(future, onLeave: leave)
/// ```
public struct PostingHandover: Sendable, Hashable {
    public var team: String
    public var person: String
    public var replacement: String
    public var from: Day
    public var reason: String

    public init(team: String, person: String, replacement: String, from: Day, reason: String) {
        self.team = team; self.person = person; self.replacement = replacement; self.from = from; self.reason = reason
    }

    /// The plan with the team's replacement recorded.
    public func apply(to plan: Plan) -> Plan {
        var p = plan
        for i in p.teams.indices where p.teams[i].id == team {
            var list = p.teams[i].replacements ?? []
            list.append(PlanReplacement(person: person, replacement: replacement, from: from.iso, reason: reason))
            list.sort { ($0.from, $0.person) < ($1.from, $1.person) }
            p.teams[i].replacements = list
        }
        return p
    }

    /// Rota entries with the seat moved: every entry of `person` on or after `from` at one of
    /// `sites` (the team's recipient and workstation) becomes the replacement's, except on the
    /// days the replacement is on leave (`onLeave`: ISO dates), where it is dropped.
    public func move(_ entries: [RotaEntry], sites: Set<String>, onLeave: Set<String>) -> [RotaEntry] {
        let cut = from.iso
        return entries.compactMap { e in
            guard e.person == person, e.date >= cut, sites.contains(e.site) else { return e }
            if onLeave.contains(e.date) { return nil }
            var moved = e
            moved.person = replacement
            return moved
        }
    }
}

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
