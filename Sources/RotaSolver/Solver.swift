import Foundation

/// How a solve ended.
public enum SolveStatus: String, Sendable, Codable {
    /// Proven optimal (within the requested gap).
    case optimal
    /// A solution is known but the search stopped (time limit) before proving the gap.
    case feasible
    /// No solution exists.
    case infeasible
    /// The search stopped (time limit) before any solution was found.
    case noSolutionYet = "no-solution-yet"
    /// The objective is unbounded (a modelling error).
    case unbounded
}

/// Options of one solve.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds, enforced from the branch-and-cut callback; nil for none.
    public var timeLimit: Double?
    /// Relative MIP gap at which the search stops, e.g. 0.01 for 1%.
    public var gap: Double
    /// GLPK's MIP presolver (switched off when a start solution is given).
    public var presolve: Bool
    /// Gomory, MIR, cover and clique cuts.
    public var cuts: Bool
    /// Seconds between progress reports.
    public var progressInterval: Double

    public init(timeLimit: Double? = nil, gap: Double = 0.0001, presolve: Bool = true, cuts: Bool = false, progressInterval: Double = 0.5) {
        self.timeLimit = timeLimit; self.gap = gap; self.presolve = presolve; self.cuts = cuts
        self.progressInterval = progressInterval
    }
}

/// What the solver knows while it works.
public struct SolveProgress: Sendable {
    public var elapsed: Double
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
    public var activeNodes: Int

    public init(elapsed: Double, incumbent: Double?, bound: Double?, gap: Double?, activeNodes: Int) {
        self.elapsed = elapsed; self.incumbent = incumbent; self.bound = bound; self.gap = gap; self.activeNodes = activeNodes
    }

    /// The progress line `rota plan` shows on a terminal. Before GLPK has proven a bound (it
    /// reports −DBL_MAX, a 309-digit number, until then) the line says so.
    ///
    /// ```swift
    /// SolveProgress(elapsed: 2, incumbent: 1270.5, bound: nil, gap: nil, activeNodes: 3).line
    /// // "   2.0 s   incumbent 1270.5   no bound yet"
    /// ```
    public var line: String {
        let inc = incumbent.map { "incumbent " + String(format: "%.1f", $0) } ?? "no plan yet"
        let known = bound.flatMap { abs($0) < 1e300 ? $0 : nil }
        let b = known.map { "bound " + String(format: "%.1f", $0) + (gap.map { "   gap " + String(format: "%.2f%%", $0 * 100) } ?? "") } ?? "no bound yet"
        return String(format: "%6.1f s", elapsed) + "   \(inc)   \(b)"
    }
}

/// The answer of a solve.
public struct Solution: Sendable {
    public var status: SolveStatus
    /// Objective of the best solution (nil when none).
    public var objective: Double?
    /// Best proven lower bound (minimisation), when known.
    public var bound: Double?
    /// Column values of the best solution (empty when none).
    public var values: [Double]
    public var seconds: Double
    public var timedOut: Bool

    public init(status: SolveStatus, objective: Double?, bound: Double?, values: [Double], seconds: Double, timedOut: Bool) {
        self.status = status; self.objective = objective; self.bound = bound; self.values = values
        self.seconds = seconds; self.timedOut = timedOut
    }

    /// Relative gap |objective − bound| / max(|objective|, 1e-9), as proven: `optimal` means
    /// within the gap asked for, so an optimal solution's gap is 0 only when its bound meets it
    /// (or no bound was reported).
    public var gap: Double? {
        guard let o = objective, let b = bound else { return status == .optimal ? 0 : nil }
        return abs(o - b) / max(abs(o), 1e-9)
    }

    /// The value of a variable, rounded when it is integral.
    public func value(_ v: Variable) -> Double { values[v.index] }

    /// Whether a binary/integer variable is at least 0.5.
    public func isOn(_ v: Variable) -> Bool { values[v.index] > 0.5 }

    /// The rounded integer value of a variable.
    public func count(_ v: Variable) -> Int { Int(values[v.index].rounded()) }
}

/// Why a solve could not run.
public enum SolverError: Error, Sendable, CustomStringConvertible {
    /// The model would make GLPK abort; nothing was sent to GLPK.
    case invalidModel([String])
    /// GLPK refused a call; the process survived thanks to the guard.
    case glpk(String)

    public var description: String {
        switch self {
        case .invalidModel(let p): return "invalid model: " + p.prefix(5).joined(separator: "; ") + (p.count > 5 ? "; … (\(p.count) problems)" : "")
        case .glpk(let m): return "GLPK error: \(m)"
        }
    }
}

/// Solves `Model`s with GLPK.
///
/// Each `solve` is one synchronous call that builds, solves and frees its GLPK problem on the
/// calling thread, so solves on several threads at once are safe (GLPK keeps one
/// environment per thread) and nothing GLPK-shaped escapes. GLPK prints nothing.
///
/// ```swift
/// let s = try Solver().solve(model, options: SolveOptions(timeLimit: 60, gap: 0.01))
/// if s.status == .optimal { … }
/// ```
public struct Solver: Sendable {
    public init() {}

    /// The linked GLPK's version, e.g. "5.0".
    public static var glpkVersion: String { GLPKProblem.version }

    /// Solves the model. `start` is an optional feasible point (one value per column) handed
    /// to GLPK as a first incumbent; `progress` is called on this thread while GLPK works.
    public func solve(_ model: Model, options: SolveOptions = SolveOptions(), start: [Double]? = nil,
                      progress: ((SolveProgress) -> Void)? = nil) throws(SolverError) -> Solution {
        var problems = model.validationProblems()
        if let start {
            if start.count != model.columns.count { problems.append("start has \(start.count) values for \(model.columns.count) columns") }
            if start.contains(where: { !$0.isFinite }) { problems.append("start has a non-finite value") }
        }
        if !(options.gap >= 0 && options.gap.isFinite) { problems.append("gap \(options.gap) must be a finite number ≥ 0") }
        if let t = options.timeLimit, !(t > 0 && t.isFinite) { problems.append("time limit \(t) must be a positive number of seconds") }
        guard problems.isEmpty else { throw .invalidModel(problems) }
        if model.columns.isEmpty {
            // Nothing to decide: feasible iff every row holds at 0.
            let ok = model.rows.allSatisfy { r in
                switch r.sense { case .lessOrEqual: return 0 <= r.rhs; case .greaterOrEqual: return 0 >= r.rhs; case .equal: return r.rhs == 0 }
            }
            return Solution(status: ok ? .optimal : .infeasible, objective: ok ? model.objectiveConstant : nil,
                            bound: ok ? model.objectiveConstant : nil, values: [], seconds: 0, timedOut: false)
        }
        let problem = try GLPKProblem()
        try problem.load(model)
        let outcome = try problem.solve(columns: model.columns.count, options: options, start: start, progress: progress)
        let r = outcome.result
        let status: SolveStatus
        switch r.mip_status {
        case 1: status = .optimal
        case 2: status = r.timed_out != 0 ? .feasible : .optimal   // stopped at the requested gap
        case 3: status = .infeasible
        default: status = r.lp_status == 4 ? .unbounded : (r.lp_status == 3 ? .infeasible : .noSolutionYet)
        }
        let hasSolution = r.mip_status == 1 || r.mip_status == 2
        var values = hasSolution ? outcome.values : []
        if hasSolution {
            for (j, c) in model.columns.enumerated() where c.kind != .continuous { values[j] = values[j].rounded() }
        }
        var bound: Double? = r.has_bound != 0 && abs(r.bound) < 1e300 ? r.bound : nil   // −DBL_MAX: no bound yet
        if hasSolution, let b = bound, b > r.objective { bound = r.objective }
        return Solution(status: status, objective: hasSolution ? r.objective : nil, bound: bound,
                        values: values, seconds: r.seconds, timedOut: r.timed_out != 0)
    }

    /// Writes the model as a free-format MPS file, so another solver can take the same problem.
    public func writeMPS(_ model: Model, to path: String) throws(SolverError) {
        let problems = model.validationProblems()
        guard problems.isEmpty else { throw .invalidModel(problems) }
        let problem = try GLPKProblem()
        try problem.load(model)
        try problem.writeMPS(to: path)
    }
}
