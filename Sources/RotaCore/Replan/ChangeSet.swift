/// What happened to a planned year, in a planner's words: the events a re-plan must absorb.
///
/// A change file (`CHANGES.yaml`, see docs/replan-format.md) lists events; each says who or
/// what changed, from when, and why. `apply(to:)` turns them into the facts the rules read —
/// leave, candidates, head counts, village facts — so the planner and the independent
/// verifier judge the amended year with no notion of "events" at all.
///
/// ```swift
/// let changes = try ChangeFileReader.read(path: "CHANGES.yaml", scenario: scenario, from: Day(iso: "2025-07-01")!)
/// let amended = changes.apply(to: scenario)   // the nurse's absence is leave in `amended`
/// ```
public struct ChangeSet: Hashable, Sendable {
    public var events: [ChangeEvent]
    public init(events: [ChangeEvent]) { self.events = events }

    /// The scenario as it stands after every event, in file order.
    ///
    /// - An absence becomes leave of the person; a departure, leave from its date to the end
    ///   of the period (the person stays a candidate for the past they served).
    /// - A new candidate joins the staff, on leave before the day they are available.
    /// - A head count replaces the institution's professional staff counts (the quotas follow).
    /// - A village change replaces the facts that make it eligible for stationing or
    ///   technical support (population, village doctor, integration, licensed physician).
    public func apply(to scenario: Scenario) -> Scenario {
        var s = scenario
        var staffIndex: [String: Int] = [:]
        for (i, p) in s.staff.enumerated() { staffIndex[p.id] = i }
        var institutionIndex: [String: Int] = [:]
        for (i, h) in s.institutions.enumerated() { institutionIndex[h.id] = i }
        func addLeave(_ person: String, _ range: DayRange) {
            guard let i = staffIndex[person], let clipped = range.clipped(to: s.period) else { return }
            s.staff[i].unavailable.append(clipped)
            s.staff[i].unavailable.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        }
        for event in events {
            switch event.kind {
            case .absence(let person, let range):
                addLeave(person, range)
            case .departure(let person, let date):
                addLeave(person, DayRange(from: date, to: s.period.to))
            case .newCandidate(var member, let available):
                if available > s.period.from {
                    member.unavailable.append(DayRange(from: s.period.from, to: available.adding(days: -1)))
                    member.unavailable.sort { ($0.from, $0.to) < ($1.from, $1.to) }
                }
                staffIndex[member.id] = s.staff.count
                s.staff.append(member)
            case .headCount(let institution, let technical, let medical):
                guard let i = institutionIndex[institution] else { continue }
                if let technical { s.institutions[i].technicalStaff = technical }
                if let medical { s.institutions[i].medicalStaff = medical }
            case .village(let village, let facts):
                guard let i = institutionIndex[village] else { continue }
                if let v = facts.population { s.institutions[i].population = v }
                if let v = facts.villageDoctor { s.institutions[i].villageDoctor = v }
                if let v = facts.integrated { s.institutions[i].integrated = v }
                if let v = facts.licensedPhysician { s.institutions[i].licensedPhysician = v }
            }
        }
        return s
    }

    /// People an event names (absent, departed, new), sorted: whose duties a re-plan may move.
    public var peopleNamed: [String] {
        Array(Set(events.compactMap { e -> String? in
            switch e.kind {
            case .absence(let p, _), .departure(let p, _): return p
            case .newCandidate(let m, _): return m.id
            default: return nil
            }
        })).sorted()
    }
}

/// One event of a change file, with where it was written and why.
public struct ChangeEvent: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The person cannot serve on these days (illness, training, maternity leave…).
        case absence(person: String, DayRange)
        /// The person leaves for good on this day (resignation, retirement, transfer).
        case departure(person: String, Day)
        /// A candidate added by their hospital, available from the day given.
        case newCandidate(StaffMember, available: Day)
        /// An institution's professional head count changed (quotas are percentages of it).
        case headCount(institution: String, technicalStaff: Int?, medicalStaff: Int?)
        /// A village's facts changed, which can make it newly eligible, or no longer.
        case village(String, VillageFacts)
    }

    public var kind: Kind
    /// The planner's words, copied to the change list.
    public var reason: String
    /// `CHANGES.yaml:4`, to name the event in conflicts and reports.
    public var source: String

    public init(kind: Kind, reason: String, source: String) {
        self.kind = kind; self.reason = reason; self.source = source
    }

    /// The first day the event takes effect.
    public var effective: Day? {
        switch kind {
        case .absence(_, let r): return r.from
        case .departure(_, let d): return d
        case .newCandidate(_, let d): return d
        case .headCount, .village: return nil
        }
    }

    /// One line a planner reads: `absence of hzm-0123 2025-07-01..2025-09-30 (sick leave) [CHANGES.yaml:3]`.
    public var description: String {
        let what: String
        switch kind {
        case .absence(let p, let r): what = "absence of \(p) \(r)"
        case .departure(let p, let d): what = "departure of \(p) on \(d.iso)"
        case .newCandidate(let m, let d): what = "new candidate \(m.id) (\(m.role.rawValue), \(m.institution)) available from \(d.iso)"
        case .headCount(let h, let t, let m):
            what = "head count of \(h): " + [t.map { "technical staff \($0)" }, m.map { "medical staff \($0)" }].compactMap { $0 }.joined(separator: ", ")
        case .village(let v, let f): what = "village \(v): \(f)"
        }
        return "\(what)" + (reason.isEmpty ? "" : " (\(reason))") + " [\(source)]"
    }
}

/// The facts of a village that decide its eligibility (T3.station-target, T3.tech-support);
/// nil leaves a fact as the scenario has it.
public struct VillageFacts: Hashable, Sendable, CustomStringConvertible {
    public var population: Int?
    public var villageDoctor: Bool?
    public var integrated: Bool?
    public var licensedPhysician: Bool?

    public init(population: Int? = nil, villageDoctor: Bool? = nil, integrated: Bool? = nil, licensedPhysician: Bool? = nil) {
        self.population = population; self.villageDoctor = villageDoctor
        self.integrated = integrated; self.licensedPhysician = licensedPhysician
    }

    public var description: String {
        [population.map { "population \($0)" }, villageDoctor.map { "village doctor \($0)" },
         integrated.map { "integrated \($0)" }, licensedPhysician.map { "licensed physician \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
