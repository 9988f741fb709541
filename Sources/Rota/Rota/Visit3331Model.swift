/// T1.3331: the visit days and modes of one T1 team's doctor–nurse–pharmacist group, one
/// small integer programme per month, solved in month order.
///
/// For each month of the team's term the model chooses which working days the group spends,
/// all three together and both halves, at its workstation clinic, and the mode of each visit
/// day (巡诊 rounds, 带教 teaching, 授课 lectures):
///
/// - for each candidate day d and mode μ, `visit[d,μ]` = 1 when d is a visit day in mode μ;
///   a day has at most one mode;
/// - T1.3331 (visits): Σ visits ≥ min(k, working days of the month inside the term), where k
///   is `T1.3331.visits-per-month`; a month that holidays or the edges of the period or term
///   shorten is recorded as a `RotaRelaxation`;
/// - T1.3331 (modes): each of the three modes is used in the month (when it asks 3 or more
///   visits); with fewer visits, no mode twice;
/// - T1.3331 (together): on a day one of the three is on leave, a same-role colleague of the
///   team stands in (`cover[d,seat,q]`, recorded as a `RotaCover`); a day nobody can fill a
///   seat is no candidate. Visits the month still misses are a `RotaShortfall`;
/// - spread (soft): at most one visit per calendar week — weeks that straddle two months
///   count the previous month's visits too — and no visits in adjacent weeks where avoidable.
///
/// Requirements are elastic (a priced shortfall), so every month model is feasible.
///
/// ```swift
/// let piece = try Visit3331Planner(team: t, group: g, calendar: cal, staff: idx,
///                                  visitsPerMonth: 3, solve: SolveOptions()).plan()
/// ```
struct Visit3331Planner: Sendable {
    let team: PlanTeam
    let group: PlanGroup3331
    let calendar: RotaCalendar
    let staff: [String: StaffMember]
    let visitsPerMonth: Int
    let solve: SolveOptions

    static let modes: [RotaActivity] = [.rounds3331, .teaching3331, .lecture3331]

    /// Objective weights: a missed visit ≫ a missed mode ≫ a stand-in ≫ two visits in a week
    /// ≫ visits in adjacent weeks ≫ a visit away from mid-week.
    enum Cost {
        static let missedVisit = 1000.0
        static let missedMode = 500.0
        static let standIn = 20.0
        static let secondVisitInWeek = 5.0
        static let adjacentWeeks = 1.0
        static let offMidweek = 0.01
    }

    /// A place in the group: the planned member and the colleagues who may stand in for them.
    struct Seat: Sendable {
        let role: String
        let member: String
        let colleagues: [String]
    }

    var seats: [Seat] {
        [(Role.doctor, group.doctor), (Role.nurse, group.nurse), (Role.pharmacist, group.pharmacist)].map { role, member in
            let others = team.members.filter { $0 != member && staff[$0]?.role == role }.sorted()
            return Seat(role: role.rawValue, member: member, colleagues: others)
        }
    }

    func plan() throws(SolverError) -> RotaPiece {
        var piece = RotaPiece()
        guard let term = calendar.term(start: team.start, end: team.end) else { return piece }
        let seats = self.seats
        var visitWeeks: [Int: Int] = [:]   // Monday ordinal → visits already placed that week
        for (key, month) in RotaCalendar.months(of: term) {
            let whole = DayRange(from: month.from.monthStart, to: month.from.monthStart.adding(months: 1).adding(days: -1))
            let days = calendar.workingDays(in: month)
            let required = min(visitsPerMonth, days.count)
            if required < visitsPerMonth {
                piece.relaxations.append(RotaRelaxation(rule: "T1.3331", subject: team.id, period: key, asked: visitsPerMonth, required: required,
                                                        reason: calendar.shortening(whole, label: "month \(key)", term: term)))
            }
            guard required > 0 else { continue }
            if group.workstation.isEmpty {
                piece.shortfalls.append(RotaShortfall(rule: "T1.3331", subject: team.id, site: "", period: key, required: required, scheduled: 0,
                                                      reason: "the plan names no workstation clinic for the team"))
                continue
            }
            try planMonth(key, days: days, required: required, seats: seats, visitWeeks: &visitWeeks, into: &piece)
        }
        return piece
    }

    private func planMonth(_ key: String, days: [Day], required: Int, seats: [Seat],
                           visitWeeks: inout [Int: Int], into piece: inout RotaPiece) throws(SolverError) {
        var m = Model(name: "3331[\(team.id),\(key)]")
        struct Candidate { let day: Day; var mode: [Variable]; var standIns: [(seat: Int, person: String, v: Variable)] }
        var candidates: [Candidate] = []
        for d in days {
            // Who fills each seat: the member, or else the colleagues present that day.
            var absentSeats: [(Int, [String])] = []
            var fillable = true
            for (i, seat) in seats.enumerated() where calendar.isOnLeave(seat.member, d) {
                let present = seat.colleagues.filter { !calendar.isOnLeave($0, d) }
                if present.isEmpty { fillable = false; break }
                absentSeats.append((i, present))
            }
            guard fillable else { continue }
            let midweek = Cost.offMidweek * Double(abs(d.weekday - 3))
            let modeVars = Visit3331Planner.modes.map { m.binary("visit", [d.iso, $0.rawValue], cost: midweek) }
            var c = Candidate(day: d, mode: modeVars, standIns: [])
            // T1.3331: one mode per visit day.
            m.require("T1.3331", [team.id, d.iso, "one-mode"], LinearExpression.sum(modeVars) <= 1)
            for (i, present) in absentSeats {
                let vars = present.map { q in (seat: i, person: q, v: m.binary("standIn", [d.iso, seats[i].role, q], cost: Cost.standIn)) }
                c.standIns += vars
                // T1.3331: all three together — a same-role colleague stands in for the absent member.
                m.require("T1.3331", [team.id, d.iso, seats[i].role], LinearExpression.sum(vars.map(\.v)) - LinearExpression.sum(modeVars) == 0)
            }
            candidates.append(c)
        }
        let allVisits = LinearExpression.sum(candidates.flatMap(\.mode))
        let missed = m.integer("missedVisits", [key], upper: Double(required), cost: Cost.missedVisit)
        // T1.3331: at least min(k, working days) full-day visits in the month.
        m.require("T1.3331", [team.id, key, "visits"], allVisits + LinearExpression(missed) >= Double(required))
        var missedModes: [Variable] = []
        for (j, mode) in Visit3331Planner.modes.enumerated() {
            let uses = LinearExpression.sum(candidates.map { $0.mode[j] })
            if required >= Visit3331Planner.modes.count {
                // T1.3331: every mode is used each month.
                let miss = m.binary("missedMode", [key, mode.rawValue], cost: Cost.missedMode)
                missedModes.append(miss)
                m.require("T1.3331", [team.id, key, mode.rawValue], uses + LinearExpression(miss) >= 1)
            } else {
                // T1.3331: with fewer visits asked, no mode twice.
                m.require("T1.3331", [team.id, key, mode.rawValue], uses <= 1)
            }
        }
        // Spread (soft): one visit per calendar week, no visits in adjacent weeks.
        let mondays = Array(Set(days.map { $0.weekStart.ordinal })).sorted()
        var weekUsed: [Int: LinearExpression] = [:]
        for monday in mondays {
            let inWeek = candidates.filter { $0.day.weekStart.ordinal == monday }
            let before = visitWeeks[monday] ?? 0
            let iso = Day(ordinal: monday).iso
            if !inWeek.isEmpty {
                let over = m.integer("secondVisits", [iso], upper: Double(inWeek.count + before), cost: Cost.secondVisitInWeek)
                m.require("T1.3331", [team.id, iso, "spread"], LinearExpression.sum(inWeek.flatMap(\.mode)) - LinearExpression(over) <= Double(1 - before))
            }
            if before > 0 {
                weekUsed[monday] = LinearExpression(constant: 1)
            } else if !inWeek.isEmpty {
                let used = m.binary("weekUsed", [iso])
                for c in inWeek {
                    m.require("T1.3331", [team.id, c.day.iso, "spread-week"], LinearExpression.sum(c.mode) - LinearExpression(used) <= 0)
                }
                weekUsed[monday] = LinearExpression(used)
            }
        }
        let previousMonday = (mondays.first ?? 0) - 7
        if visitWeeks[previousMonday] != nil { weekUsed[previousMonday] = LinearExpression(constant: 1) }
        for monday in [previousMonday] + mondays {
            guard let a = weekUsed[monday], let b = weekUsed[monday + 7], !(a.terms.isEmpty && b.terms.isEmpty) else { continue }
            let adjacent = m.continuous("adjacentWeeks", [Day(ordinal: monday).iso], cost: Cost.adjacentWeeks)
            m.require("T1.3331", [team.id, Day(ordinal: monday).iso, "spread-adjacent"], a + b - LinearExpression(adjacent) <= 1)
        }

        let solution = try Solver().solve(m, options: solve)
        piece.statistics.visitModels += 1
        piece.statistics.record(m, solution)
        let solved = solution.status == .optimal || solution.status == .feasible

        var scheduled = 0
        var usedModes = Set<RotaActivity>()
        var coverNote: [String] = []
        if solved {
            let s = solution
            for c in candidates {
                guard let j = c.mode.firstIndex(where: s.isOn) else { continue }
                let mode = Visit3331Planner.modes[j]
                scheduled += 1
                usedModes.insert(mode)
                visitWeeks[c.day.weekStart.ordinal, default: 0] += 1
                for (i, seat) in seats.enumerated() {
                    if let stand = c.standIns.first(where: { $0.seat == i && s.isOn($0.v) }) {
                        piece.put(stand.person, Slot.both(c.day), group.workstation, mode)
                        piece.cover("T1.3331", absent: seat.member, by: stand.person, site: group.workstation, week: c.day.weekStart)
                    } else {
                        piece.put(seat.member, Slot.both(c.day), group.workstation, mode)
                    }
                }
            }
        }
        let modesAsked = min(required, Visit3331Planner.modes.count)
        if scheduled < required || usedModes.count < modesAsked {
            for seat in seats {
                let away = days.filter { calendar.isOnLeave(seat.member, $0) }.count
                if away > 0 {
                    let present = seat.colleagues.isEmpty ? "no other \(seat.role) in the team" : "colleagues \(seat.colleagues.joined(separator: ", ")) also away"
                    coverNote.append("\(seat.member) (\(seat.role)) on leave \(away) of \(days.count) working days; \(present)")
                }
            }
            if !solved { coverNote.append("the sub-model found no solution") }
            if usedModes.count < modesAsked {
                coverNote.append("modes used: \(usedModes.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            piece.shortfalls.append(RotaShortfall(rule: "T1.3331", subject: team.id, site: group.workstation, period: key,
                                                  required: required, scheduled: scheduled,
                                                  reason: coverNote.isEmpty ? "not enough days with the whole group" : coverNote.joined(separator: "; ")))
        }
    }
}
