import Dispatch
import RotaCore
import RotaInput
import RotaSolver

/// Plans the weekly rota: where each dispatched person of an annual plan is, morning and
/// afternoon, on every working day of the period.
///
/// The rota carries out the plan under the weekly and monthly rules (T1.3331,
/// T3.station-days, T3.station-continuity, T3.rounds, T3.tech-support, TCM.weekly) and the
/// time rules of rules.md: entries only on working days (Monday–Friday, less holidays, plus
/// adjusted working days) inside the period, never on a day of the person's leave, one place
/// per person and slot.
///
/// A whole region-year is cut into small pieces, most of which need no solver:
///
/// 1. **T1.3331 visits** — one integer programme per T1 team and month
///    (`Visit3331Planner`), months in order (a week straddling two months counts both),
///    teams in parallel.
/// 2. **Stationing** — direct assignment: the helper is in their village every working day
///    of the term; `StationWeeks` finds the short weeks (relaxations) and the leave days a
///    colleague should cover.
/// 3. **Part-time duties** — rounds sessions, technical support, TCM clinics and the covers
///    leave asks for, placed into free slots by one integer programme per linked group of
///    helpers and week (`PartTimeDuties`, `PartTimeWeekModel`), weeks in order (the rounds
///    coverage carries last-visit dates forward), groups in parallel.
/// 4. **Postings** — direct assignment: each T1/T2 member is at the recipient both halves of
///    every working day of the posting, but for leave and the slots their other allowed
///    duty took (3331 visits, a posted member's own centre's TCM clinic).
///
/// Sub-models run on `options.threads` threads; their results are collected in a fixed order
/// and sorted, so the rota is the same whatever the timing.
///
/// Weekly or monthly rules that holidays or the edges of the period or of a term shorten ask
/// min(k, working days) and are reported as `relaxations`; leave is covered by a colleague
/// (`covers`) or reported (`shortfalls`).
///
/// ```swift
/// guard case .planned(let plan) = try AnnualPlanner(scenario: s).plan() else { return }
/// let run = try RotaPlanner(scenario: s, plan: plan).run()
/// print(run.statistics.summary)
/// let csv = RotaCSV.render(rota: run.rota, scenario: s)
/// ```
public struct RotaPlanner: Sendable {
    public let scenario: Scenario
    public let plan: Plan
    public let options: RotaOptions

    public init(scenario: Scenario, plan: Plan, options: RotaOptions = .init()) {
        self.scenario = scenario; self.plan = plan; self.options = options
    }

    /// The rota.
    public func schedule() throws(SolverError) -> WeeklyRota { try run().rota }

    /// The rota and how it was computed (sub-models, rows, seconds).
    public func run() throws(SolverError) -> RotaRun {
        let started = DispatchTime.now()
        let calendar = RotaCalendar(scenario: scenario)
        let staff = scenario.staffIndex(), institutions = scenario.institutionIndex()
        let p = scenario.parameters
        let solve = SolveOptions(timeLimit: options.timeLimit, gap: options.gap, presolve: true, cuts: false)
        let threads = max(1, options.threads)

        // 1. T1.3331 visits, per team (months in order inside).
        // A team with mid-term replacements plans each part with the group of then.
        let visitPlanners = plan.teams.sorted { $0.id < $1.id }.flatMap(\.spans).compactMap { team in
            team.group3331.map { Visit3331Planner(team: team, group: $0, calendar: calendar, staff: staff,
                                                  visitsPerMonth: p.int("T1.3331.visits-per-month"), solve: solve, earlier: options.earlier) }
        }
        let visits = try ParallelJobs.run(count: visitPlanners.count, threads: threads) { i throws(SolverError) in try visitPlanners[i].plan() }
        let visitsDone = DispatchTime.now()

        var blocked: [String: Set<Slot>] = [:]
        for piece in visits {
            for e in piece.entries { if let d = Day(iso: e.date) { blocked[e.person, default: []].insert(Slot(d, e.half)) } }
        }

        // 2. Stationing weeks: relaxations and leave to cover.
        let station = StationWeeks(plan: plan, calendar: calendar, daysPerWeek: p.int("T3.station-days-per-week"))

        // 3. Part-time duties, per linked group (weeks in order inside).
        let duties = PartTimeDuties(scenario: scenario, plan: plan, calendar: calendar, demands: station.demands,
                                    candidates: max(0, options.coverCandidates))
        let context = PartTimeWeekModel.Context(
            calendar: calendar, institutions: institutions, staff: staff,
            perWeek: [.rounds: p.int("T3.rounds-per-week"), .techSupport: p.int("T3.tech-support-per-week"), .tcm: p.int("TCM.per-week")],
            visitWeeks: max(1, p.int("T3.rounds-visit-weeks")), blocked: blocked,
            weeklyCap: max(1, options.partTimeHalfDaysPerWeek), earlier: options.earlier)
        let groups = duties.groups
        let partTime = try ParallelJobs.run(count: groups.count, threads: threads) { i throws(SolverError) in
            try PartTimeScheduler(group: groups[i], context: context, solve: solve, named: options.namedWeekModels).run()
        }
        let partTimeDone = DispatchTime.now()

        var all = RotaPiece()
        for piece in visits { all.append(piece) }
        for piece in partTime { all.append(piece) }
        all.relaxations += station.relaxations
        for d in duties.uncoverable {
            all.shortfalls.append(RotaShortfall(rule: "T3.station-days", subject: d.absent, site: d.village, period: d.week.iso,
                                                required: d.required, scheduled: d.present,
                                                reason: "\(d.absent) on leave \(d.leaveDays.map(\.iso).joined(separator: ", ")); no village helper of \(d.sender) who is not full-time posted"))
        }

        // 4. Full-time duties fill every other working slot of their terms.
        var taken: [String: Set<Slot>] = [:]
        for e in all.entries { if let d = Day(iso: e.date) { taken[e.person, default: []].insert(Slot(d, e.half)) } }
        all.entries += fullTimeEntries(calendar: calendar, taken: taken)

        var statistics = all.statistics
        statistics.visitSeconds = seconds(started, visitsDone)
        statistics.partTimeSeconds = seconds(visitsDone, partTimeDone)
        statistics.threads = threads
        let rota = WeeklyRota(scenario: scenario.name, entries: all.entries, relaxations: all.relaxations,
                              covers: all.covers, shortfalls: all.shortfalls)
        statistics.entries = rota.entries.count
        statistics.seconds = seconds(started, DispatchTime.now())
        return RotaRun(rota: rota, statistics: statistics)
    }

    /// Postings (T1/T2) and stationing (T3): both halves of every working day of the term,
    /// except leave and the slots already taken by the person's other duties.
    private func fullTimeEntries(calendar: RotaCalendar, taken: [String: Set<Slot>]) -> [RotaEntry] {
        var duties: [String: [(site: String, activity: RotaActivity, term: DayRange)]] = [:]
        for t in plan.teams.sorted(by: { $0.id < $1.id }).flatMap(\.spans) {
            guard let term = calendar.term(start: t.start, end: t.end) else { continue }
            for m in t.members { duties[m, default: []].append((t.recipient, .posting, term)) }
        }
        for h in plan.villageHelpers where h.form == .station {
            guard let term = calendar.term(start: h.start, end: h.end) else { continue }
            duties[h.person, default: []].append((h.site, .station, term))
        }
        var out: [RotaEntry] = []
        for person in duties.keys.sorted() {
            var busy = taken[person] ?? []
            for duty in duties[person]! {
                for d in calendar.workingDays(in: duty.term) where !calendar.isOnLeave(person, d) {
                    let date = d.iso
                    for half in HalfDay.allCases where !busy.contains(Slot(d, half)) {
                        out.append(RotaEntry(person: person, date: date, half: half, site: duty.site, activity: duty.activity))
                        if duties[person]!.count > 1 { busy.insert(Slot(d, half)) }
                    }
                }
            }
        }
        return out
    }

    private func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9
    }
}

/// A rota and the account of how it was computed.
public struct RotaRun: Sendable {
    public let rota: WeeklyRota
    public let statistics: RotaStatistics
}
