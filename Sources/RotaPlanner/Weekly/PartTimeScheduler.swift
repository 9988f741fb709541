import RotaCore
import RotaInput
import RotaSolver
/// Schedules one linked group of part-time duties for the whole period, week after week.
///
/// Weeks are solved in order because they depend on each other: a rounds clinic's last
/// visit decides whether it is due (T3.rounds coverage), and last week's sessions steer the
/// load balance and the weekly pattern. Each week is one `PartTimeWeekModel`; a week with
/// nothing to place is skipped without calling the solver.
///
/// ```swift
/// let piece = try PartTimeScheduler(group: g, context: ctx, solve: SolveOptions()).run()
/// ```
struct PartTimeScheduler: Sendable {
    let group: PartTimeDuties.Group
    let context: PartTimeWeekModel.Context
    let solve: SolveOptions
    /// Whether week models are named from the start (`RotaOptions.namedWeekModels`).
    var named = false

    func run() throws(SolverError) -> RotaPiece {
        var piece = RotaPiece()
        piece.statistics.partTimeGroups = 1
        var state = PartTimeState()
        guard let first = (group.duties.map(\.term.from) + group.demands.map(\.demand.week)).min(),
              let last = (group.duties.map(\.term.to) + group.demands.map { $0.demand.week.adding(days: 6) }).max() else { return piece }
        for monday in context.calendar.weeks where monday.adding(days: 6) >= first && monday <= last {
            var week = PartTimeWeekModel(group: group, week: monday, state: state, context: context, named: named)
            var solution: Solution?
            if !week.isEmpty {
                solution = try? Solver().solve(week.model, options: solve)
                if !PartTimeScheduler.solved(solution) {
                    // A failed solve (an error, or no solution) is made again with every variable
                    // and row named by its ids, so what it reports (an error thrown from here)
                    // names the instances.
                    week = PartTimeWeekModel(group: group, week: monday, state: state, context: context, named: true)
                    solution = try Solver().solve(week.model, options: solve)
                }
                piece.statistics.weekModels += 1
                piece.statistics.record(week.model, solution)
            }
            piece.append(week.extract(solution, state: &state))
        }
        return piece
    }

    /// Whether a solve found a rota for the week.
    static func solved(_ solution: Solution?) -> Bool {
        solution.map { $0.status == .optimal || $0.status == .feasible } ?? false
    }
}
