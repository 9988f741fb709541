import RotaCore
import RotaInput
import RotaSolver
/// T1.3331: the visit days and modes of one T1 team's doctor–nurse–pharmacist group, one
/// small integer programme per month, solved in month order.
///
/// For each month of the team's term the model places the month's visits — all three of the
/// group together, both halves of the day, at its workstation clinic — on working days:
///
/// - the month asks R = min(k, working days of the month inside the term) visits, k =
///   `T1.3331.visits-per-month`; a month that holidays or the edges of the period or term
///   shorten is recorded as a `RotaRelaxation`;
/// - visit i (i = 0…R−1) has a mode (巡诊 rounds, 带教 teaching, 授课 lectures) in rotation, so
///   every month with three visits uses all three modes and fewer visits never repeat one;
///   the rotation starts one mode later each month;
/// - `visit[i,d]` = 1 puts visit i on day d: T1.3331 (visits) each visit gets one day (or a
///   priced miss), T1.3331 (one a day) a day holds at most one visit;
/// - T1.3331 (together): on a day one of the three is on leave, a same-role colleague of the
///   team stands in (`standIn[d,seat,q]`, recorded as a `RotaCover`); a day nobody can fill a
///   seat is no candidate. Visits the month still misses are a `RotaShortfall`;
/// - spread (soft): visit i prefers the working day nearest its even share of the month
///   ((i + ½)·N/R of N working days), and a calendar week holds at most one visit — a week
///   that straddles two months counts the previous month's visits too.
///
/// The visits-to-days part is an assignment problem, so the LP relaxation is (nearly)
/// integral and each month solves at the root; requirements are elastic (a priced miss), so
/// every month model is feasible.
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
    /// The rota a re-plan replaces: visit days it had are kept where they can be (`EarlierRota`).
    var earlier: EarlierRota? = nil

    static let modes: [RotaActivity] = [.rounds3331, .teaching3331, .lecture3331]

    /// Objective weights: a missed visit ≫ a stand-in ≫ two visits in a week ≫ each working
    /// day a visit lies away from its even share of the month.
    enum Cost {
        static let missedVisit = 1000.0
        static let standIn = 20.0
        static let secondVisitInWeek = 5.0
        static let offEvenSpread = 0.1
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
            let month = monthModel(key, days: days, required: required, seats: seats, visitWeeks: visitWeeks)
            let solution = try Solver().solve(month.model, options: solve)
            piece.statistics.visitModels += 1
            piece.statistics.record(month.model, solution)
            extract(month, solution, seats: seats, visitWeeks: &visitWeeks, into: &piece)
        }
        return piece
    }

    /// One month's model and what its variables stand for.
    struct MonthModel {
        struct Candidate { let day: Day; var visit: [Variable]; var standIns: [(seat: Int, person: String, v: Variable)] }
        let key: String
        let days: [Day]
        let required: Int
        /// The mode of visit i.
        let modes: [RotaActivity]
        var model: Model
        var candidates: [Candidate]
    }

    /// The month's integer programme; `visitWeeks` holds the visits already placed per week
    /// (Monday ordinal), so a week the previous month shares is not used twice.
    func monthModel(_ key: String, days: [Day], required: Int, seats: [Seat], visitWeeks: [Int: Int]) -> MonthModel {
        var m = Model(name: "3331[\(team.id),\(key)]")
        let first = days.first?.monthStart ?? calendar.period.from
        let rotation = first.year * 12 + first.month
        let modes = (0..<required).map { Visit3331Planner.modes[($0 + rotation) % Visit3331Planner.modes.count] }
        let n = Double(days.count)
        var candidates: [MonthModel.Candidate] = []
        for (position, d) in days.enumerated() {
            // Who fills each seat: the member, or else the colleagues present that day.
            var absentSeats: [(Int, [String])] = []
            var fillable = true
            for (s, seat) in seats.enumerated() where calendar.isOnLeave(seat.member, d) {
                let present = seat.colleagues.filter { !calendar.isOnLeave($0, d) }
                if present.isEmpty { fillable = false; break }
                absentSeats.append((s, present))
            }
            guard fillable else { continue }
            let visits = (0..<required).map { i -> Variable in
                let share = (Double(i) + 0.5) * n / Double(required) - 0.5
                let kept = earlier?.visitCost(seats.map(\.member).filter { !calendar.isOnLeave($0, d) }, d, group.workstation, modes[i]) ?? 0
                return m.binary("visit", [String(i), d.iso], cost: Cost.offEvenSpread * abs(Double(position) - share) + kept)
            }
            var c = MonthModel.Candidate(day: d, visit: visits, standIns: [])
            // T1.3331: at most one visit a day.
            m.require("T1.3331", [team.id, d.iso, "one-visit"], LinearExpression.sum(visits) <= 1)
            for (s, present) in absentSeats {
                let vars = present.map { q in (seat: s, person: q, v: m.binary("standIn", [d.iso, seats[s].role, q],
                                                             cost: Cost.standIn + (earlier?.standInCost(q, d, group.workstation, modes: modes) ?? 0))) }
                c.standIns += vars
                // T1.3331: all three together — a same-role colleague stands in for the absent member.
                m.require("T1.3331", [team.id, d.iso, seats[s].role], LinearExpression.sum(vars.map(\.v)) - LinearExpression.sum(visits) == 0)
            }
            candidates.append(c)
        }
        for i in 0..<required {
            let missed = m.binary("missedVisit", [String(i)], cost: Cost.missedVisit)
            // T1.3331: each of the month's min(k, working days) visits gets a day.
            m.require("T1.3331", [team.id, key, "visit-\(i)", modes[i].rawValue],
                      LinearExpression.sum(candidates.map { $0.visit[i] }) + LinearExpression(missed) == 1)
        }
        // Spread (soft): one visit per calendar week, counting the previous month's.
        for monday in Set(candidates.map { $0.day.weekStart.ordinal }).sorted() {
            let inWeek = candidates.filter { $0.day.weekStart.ordinal == monday }.flatMap(\.visit)
            let before = visitWeeks[monday] ?? 0
            let iso = Day(ordinal: monday).iso
            let over = m.integer("secondVisits", [iso], upper: Double(required + before), cost: Cost.secondVisitInWeek)
            m.require("T1.3331", [team.id, iso, "spread"], LinearExpression.sum(inWeek) - LinearExpression(over) <= Double(1 - before))
        }
        return MonthModel(key: key, days: days, required: required, modes: modes, model: m, candidates: candidates)
    }

    /// Entries, covers and shortfalls of a solved month; records its visit weeks.
    func extract(_ month: MonthModel, _ solution: Solution, seats: [Seat], visitWeeks: inout [Int: Int], into piece: inout RotaPiece) {
        let (key, days, required, candidates) = (month.key, month.days, month.required, month.candidates)
        let solved = solution.status == .optimal || solution.status == .feasible

        var scheduled = 0
        var usedModes = Set<RotaActivity>()
        var coverNote: [String] = []
        if solved {
            let s = solution
            for c in candidates {
                guard let i = c.visit.firstIndex(where: s.isOn) else { continue }
                let mode = month.modes[i]
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
