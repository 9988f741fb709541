import Foundation
import RotaCore
import RotaInput
import RotaSolver

/// Options of `rota plan`.
public struct PlanningOptions: Sendable {
    /// Wall-clock seconds GLPK may search.
    public var timeLimit: Double
    /// Relative MIP gap at which a plan is good enough (0.01 = 1%).
    public var gap: Double
    /// The objective's weights; nil: the scenario's `objective:` block over the defaults.
    public var weights: ObjectiveWeights?

    public init(timeLimit: Double = 60, gap: Double = 0.01, weights: ObjectiveWeights? = nil) {
        self.timeLimit = timeLimit; self.gap = gap; self.weights = weights
    }
}

/// How big the model was and how the solve went.
public struct ModelStatistics: Sendable, Hashable {
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    public var nonzeros: Int
}

/// What `AnnualPlanner.plan` found.
public enum PlanningOutcome: Sendable {
    /// A compliant plan (its `solver` field says how good it is).
    case planned(Plan)
    /// No compliant plan exists; the explanation names the colliding rules.
    case infeasible(ConflictExplanation)
    /// The solver stopped before it found any plan (time limit).
    case stopped(PlanSolver)
}

/// Plans a year of dispatch: the teams, village helpers and TCM clinics that meet every
/// annual rule of the scenario's profile at the least cost of the documented objective.
///
/// The whole year is one integer programme (see `AnnualModel`), solved with GLPK under a
/// time limit and MIP gap. When it is infeasible, an elastic copy of the model — every rule
/// instance allowed to give way at a price — finds which rules must give way and by how much.
///
/// ```swift
/// let scenario = try ScenarioReader.read(path: "Scenarios/heze-city-2025.yaml")
/// switch try AnnualPlanner(scenario: scenario).plan() {
/// case .planned(let plan): try plan.jsonData().write(to: url)
/// case .infeasible(let why): print(why.render())
/// case .stopped: exit(3)
/// }
/// ```
public struct AnnualPlanner: Sendable {
    public let scenario: Scenario
    public let options: PlanningOptions

    public init(scenario: Scenario, options: PlanningOptions = PlanningOptions()) {
        self.scenario = scenario; self.options = options
    }

    /// The weights the plan is chosen by: the options' or the scenario's `objective:` block.
    public var weights: ObjectiveWeights { options.weights ?? ObjectiveWeights(settings: scenario.objective) }

    /// The models the planner solves, for `--write-model` (named, labelled, ready for MPS).
    public func models() -> [Model] {
        [AnnualModel(instance: PlanningInstance(scenario: scenario), weights: weights).model]
    }

    /// Fills in the soft-rule indicators of a start whose decisions are set, by solving the
    /// model with every decision fixed. Nil when the decisions break a hard rule.
    ///
    /// Only the indicators are solved for (`Model.restricted(to:fixing:)`): the decisions'
    /// share moves into the right-hand sides, so the solve is small.
    static func complete(_ annual: AnnualModel, decisions: [Double]) throws(SolverError) -> [Double]? {
        let flags = annual.decisionColumns
        let indicators = flags.indices.filter { !flags[$0] }
        let sub = annual.model.restricted(to: indicators, fixing: decisions, named: false)
        let s = try Solver().solve(sub, options: SolveOptions(timeLimit: 30, gap: 0, presolve: true))
        guard s.status == .optimal else { return nil }
        var point = decisions
        for (i, j) in indicators.enumerated() { point[j] = s.values[i] }
        // Rows of decisions alone left the sub-model: they must hold as they are.
        return annual.model.holds(at: point) ? point : nil
    }

    /// Models with at most this many columns are solved directly with GLPK's presolver.
    static let directSolveColumns = 6000

    /// Plans the year. `progress` is called on the calling thread while GLPK works.
    public func plan(progress: ((SolveProgress) -> Void)? = nil) throws(SolverError) -> PlanningOutcome {
        let instance = PlanningInstance(scenario: scenario)
        let annual = AnnualModel(instance: instance, weights: weights)
        let model = annual.model
        let deadline = ContinuousClock.now + .seconds(options.timeLimit)
        /// Seconds left of `--time-limit` (negative once it is over).
        func remaining() -> Double {
            let d = (deadline - ContinuousClock.now).components
            return Double(d.seconds) + Double(d.attoseconds) * 1e-18
        }
        /// The greedy start, completed (nil when greedy fails): the fallback when the limit
        /// comes before GLPK has a plan, and the start of large models without a repaired one.
        func greedy() throws(SolverError) -> [Double]? {
            guard let decisions = GreedyStart.build(annual) else { return nil }
            return try AnnualPlanner.complete(annual, decisions: decisions)
        }
        var solution: Solution
        var start: [Double]? = nil
        /// The decomposition's proven lower bound (large models).
        var proven: Double? = nil
        if model.columns.count <= AnnualPlanner.directSolveColumns {
            // Small models: GLPK with its presolver finds and proves the optimum by itself.
            if remaining() > 0 {
                solution = try Solver().solve(model, options: SolveOptions(timeLimit: max(0.001, remaining()), gap: options.gap, cuts: true), progress: progress)
            } else {
                solution = Solution(status: .noSolutionYet, objective: nil, bound: nil, values: [], seconds: 0, timedOut: true)
            }
            if solution.status == .noSolutionYet && solution.timedOut { start = try greedy() }
        } else {
            // Large models: decomposed (`AnnualDecomposition`). A proven bound from the
            // blocks solved apart; their answers side by side, repaired (`PointRepair`), or the
            // greedy start when the blocks give no answer or the repair fails, improved block by
            // block; only when that plan is not within the gap asked for, the whole model from it
            // for the remaining time. The greedy start is made whatever the limit when there is
            // no repaired point: it is the plan returned when the limit comes first.
            let decomposition = AnnualDecomposition(annual: annual)
            let began = ContinuousClock.now
            let relaxation = decomposition.relax(until: ContinuousClock.now + .seconds(remaining() * 0.3))
            proven = relaxation.bound
            start = try decomposition.start(from: relaxation, fallback: greedy)
            if let s = start, remaining() > 0 {
                func report(_ point: [Double]?) {
                    let o = point.map { model.objective(at: $0) }
                    progress?(SolveProgress(elapsed: AnnualDecomposition.seconds(until: began) * -1, incumbent: o, bound: proven,
                                            gap: o.flatMap { o in proven.map { abs(o - $0) / max(abs(o), 1e-9) } }, activeNodes: 0))
                }
                report(s)
                start = decomposition.improve(s, until: ContinuousClock.now + .seconds(remaining() * 0.6), blockBounds: relaxation.blockBounds)
                report(start)
            }
            let objective = start.map { model.objective(at: $0) }
            if let s = start, let o = objective, let b = proven, o - b <= options.gap * max(abs(o), 1e-9) {
                solution = Solution(status: .optimal, objective: o, bound: min(b, o), values: s, seconds: 0, timedOut: false)
            } else if remaining() > 0 {
                solution = try Solver().solve(model, options: SolveOptions(timeLimit: max(0.001, remaining()), gap: options.gap, presolve: start == nil, cuts: true),
                                              start: start, progress: progress)
                if let b = proven, let o = solution.objective { solution.bound = min(o, max(solution.bound ?? b, b)) }
            } else {
                solution = Solution(status: .noSolutionYet, objective: nil, bound: nil, values: [], seconds: 0, timedOut: true)
            }
        }
        if solution.values.isEmpty, solution.timedOut, let start {
            // The limit came before GLPK had a plan of its own (or before it started): the start is
            // compliant, with the decomposition's bound when it proved one.
            let o = model.objective(at: start)
            solution = Solution(status: .feasible, objective: o, bound: proven.map { min($0, o) }, values: start, seconds: solution.seconds, timedOut: true)
        }
        var stats = PlanSolver(status: solution.status.rawValue, objective: solution.objective ?? 0,
                               bound: solution.bound ?? 0, gap: solution.gap ?? 1, models: 1,
                               rows: model.rows.count, columns: model.columns.count,
                               integerColumns: model.integerColumnCount)
        if solution.timedOut && solution.status == .feasible {
            stats.timeLimit = options.timeLimit
            if solution.bound == nil { stats.noBound = true }
        }
        switch solution.status {
        case .optimal, .feasible:
            var plan = AnnualPlanExtractor(annual: annual, solution: solution).plan()
            plan.solver = stats
            return .planned(plan)
        case .infeasible:
            // The team-count policy is not a rule: without it, either a plan exists (plan that
            // way) or the rules themselves collide (explain with the rules alone).
            let rulesOnly = model.dropping(rows: Set(model.rows.filter { AnnualModel.policyRules.contains($0.rule) }.map(\.label)))
            let retry = try Solver().solve(rulesOnly, options: SolveOptions(timeLimit: max(1, remaining()), gap: options.gap, cuts: true), progress: progress)
            if retry.status == .optimal || retry.status == .feasible {
                var plan = AnnualPlanExtractor(annual: annual, solution: retry).plan()
                plan.solver = PlanSolver(status: retry.status.rawValue, objective: retry.objective ?? 0, bound: retry.bound ?? 0,
                                         gap: retry.gap ?? 1, models: 2, rows: rulesOnly.rows.count, columns: rulesOnly.columns.count,
                                         integerColumns: rulesOnly.integerColumnCount)
                return .planned(plan)
            }
            var finder = ConflictFinder(instance: instance, model: rulesOnly, timeLimit: options.timeLimit)
            finder.deadline = deadline
            return .infeasible(try finder.explain())
        case .noSolutionYet, .unbounded:
            return .stopped(stats)
        }
    }
}
