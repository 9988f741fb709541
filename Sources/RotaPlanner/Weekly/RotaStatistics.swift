import Foundation
import RotaCore
import RotaInput
import RotaSolver

/// How big the rota's sub-models were and how long they took.
///
/// Returned by `RotaPlanner.run()` next to the rota, so a caller can time a region-year
/// without a test harness:
///
/// ```swift
/// let run = try RotaPlanner(scenario: s, plan: p).run()
/// print(run.statistics.summary)
/// // 3331: 12 models; part-time: 156 models; 4021 rows, 5110 columns; solver 0.41 s; wall 0.52 s
/// ```
public struct RotaStatistics: Sendable, Hashable {
    /// T1.3331 sub-models (one per T1 team and month with visits to place).
    public var visitModels = 0
    /// Part-time sub-models (one per group of linked helpers and week with duties).
    public var weekModels = 0
    /// Groups of linked part-time helpers (each solved week by week on one thread).
    public var partTimeGroups = 0
    /// Rows, columns and integer columns over all sub-models.
    public var rows = 0
    public var columns = 0
    public var integerColumns = 0
    /// The largest sub-model's columns.
    public var largestColumns = 0
    /// Sub-models stopped by the time limit (their best solution was used, or none).
    public var timedOut = 0
    /// Sub-models GLPK returned no solution for (their duties were reported as shortfalls).
    public var unsolved = 0
    /// Seconds GLPK spent, summed over sub-models (may exceed the wall time on several threads).
    public var solverSeconds = 0.0
    /// Wall-clock seconds of the 3331 phase, the part-time phase, and everything.
    public var visitSeconds = 0.0
    public var partTimeSeconds = 0.0
    public var seconds = 0.0
    /// Threads used.
    public var threads = 1
    /// Entries in the rota.
    public var entries = 0

    public init() {}

    /// Total sub-models.
    public var models: Int { visitModels + weekModels }

    /// One line for a log.
    public var summary: String {
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        return "3331: \(visitModels) models (\(f(visitSeconds)) s); part-time: \(weekModels) models in \(partTimeGroups) groups (\(f(partTimeSeconds)) s); "
            + "\(rows) rows, \(columns) columns (largest \(largestColumns)); solver \(f(solverSeconds)) s; "
            + "timed out \(timedOut), unsolved \(unsolved); \(entries) entries; wall \(f(seconds)) s on \(threads) thread(s)"
    }

    /// Adds one solved sub-model.
    mutating func record(_ model: Model, _ solution: Solution?) {
        rows += model.rows.count
        columns += model.columns.count
        integerColumns += model.integerColumnCount
        largestColumns = max(largestColumns, model.columns.count)
        if let solution {
            solverSeconds += solution.seconds
            if solution.timedOut { timedOut += 1 }
            if solution.status != .optimal && solution.status != .feasible { unsolved += 1 }
        } else {
            unsolved += 1
        }
    }

    /// Adds another batch's counts (not its wall times).
    mutating func merge(_ o: RotaStatistics) {
        visitModels += o.visitModels; weekModels += o.weekModels; partTimeGroups += o.partTimeGroups
        rows += o.rows; columns += o.columns; integerColumns += o.integerColumns
        largestColumns = max(largestColumns, o.largestColumns)
        timedOut += o.timedOut; unsolved += o.unsolved; solverSeconds += o.solverSeconds
    }
}
