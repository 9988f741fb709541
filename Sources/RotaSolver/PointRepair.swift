/// Mends the rows a point of a model breaks by moving its decision columns one unit at a time,
/// the cheapest move first, never breaking a row that held.
///
/// Discussion: a model's columns are split into *decisions* (what a plan chooses) and
/// *completions* (indicators and surpluses the decisions determine, set afterwards by
/// solving the model with every decision fixed). A row *may hold* when some values of its
/// completion columns within their bounds make it hold; the repair looks only at that, so a
/// completion column shared by two rows is judged row by row — the caller completes the point
/// and checks it with `Model.holds(at:)`.
///
/// For each row that cannot hold, in row order: a `≥` row short of its right-hand side is
/// raised by the decision column of the cheapest cost per unit of the row's shortfall (lower
/// column index first among equals) that may move one unit towards it without any other row
/// of that column ceasing to hold; a `≤` row over its right-hand side is lowered the same way,
/// the move that saves the most (or costs the least) first; an `=` row either way. The repair
/// gives up (nil) when a row has no such move left. The result depends only on the model and
/// the point.
///
/// It is what puts the relaxed blocks of a decomposed model back together
/// (`AnnualDecomposition`): each block, solved with the rows it shares relaxed, assumes the
/// others serve a shared row (a TCM centre served by nobody), and the repair sends the cheapest
/// free visitor.
///
/// ```swift
/// var m = Model(name: "toy")
/// let a = m.binary("visit", ["a"], cost: 3), b = m.binary("visit", ["b"], cost: 2)
/// m.require("TCM.weekly", ["c"], LinearExpression.sum([a, b]) >= 1)
/// let mended = PointRepair(model: m, decisions: [true, true]).repaired([0, 0])
/// // [0, 1]: b is the cheaper visitor
/// ```
public struct PointRepair: Sendable {
    public let model: Model
    /// Per column: whether the repair may move it (a decision) or it is completed afterwards.
    public let decisions: [Bool]
    /// Rows whose left-hand side may be off by this much.
    public var tolerance = 1e-6
    /// At most this many unit moves in all (a guard against a long walk).
    public var maximumMoves = 10_000

    public init(model: Model, decisions: [Bool]) {
        precondition(decisions.count == model.columns.count, "one flag per column")
        self.model = model; self.decisions = decisions
    }

    /// The point with every row made to hold as far as the decisions go (integer decisions
    /// rounded first), or nil when some row cannot be mended by such moves.
    public func repaired(_ point: [Double]) -> [Double]? {
        guard point.count == model.columns.count else { return nil }
        let columns = model.columns, rows = model.rows
        var x = point
        for (j, c) in columns.enumerated() where decisions[j] {
            if c.kind != .continuous { x[j] = x[j].rounded() }
            x[j] = min(max(x[j], c.lower), c.upper)
        }
        // Per row: the decisions' activity and the range the completions may add.
        var activity = [Double](repeating: 0, count: rows.count)
        var least = [Double](repeating: 0, count: rows.count), most = [Double](repeating: 0, count: rows.count)
        var completed = [Bool](repeating: false, count: rows.count)
        var rowsOf = [[(row: Int, coefficient: Double)]](repeating: [], count: columns.count)
        for (i, row) in rows.enumerated() {
            for (j, a) in zip(row.columns, row.coefficients) {
                rowsOf[j].append((i, a))
                if decisions[j] { activity[i] += a * x[j]; continue }
                completed[i] = true
                let c = columns[j]
                let lo = a >= 0 ? a * c.lower : a * c.upper, hi = a >= 0 ? a * c.upper : a * c.lower
                least[i] += lo.isNaN ? -.infinity : lo
                most[i] += hi.isNaN ? .infinity : hi
            }
        }
        /// How far row `i` is from holding at `value` (> 0: it cannot hold).
        func excess(_ i: Int, _ value: Double) -> Double {
            let row = rows[i]
            switch row.sense {
            case .lessOrEqual: return value + least[i] - row.rhs
            case .greaterOrEqual: return row.rhs - (value + most[i])
            case .equal: return max(value + least[i] - row.rhs, row.rhs - (value + most[i]))
            }
        }
        // A completion column alone in its row, that costs to move (a surplus such as "clinics
        // beyond the first"): per row, the column, so a move's cost includes what it forces.
        var surplusOf = [Int?](repeating: nil, count: rows.count)
        for (i, row) in rows.enumerated() {
            let completions = row.columns.indices.filter { !decisions[row.columns[$0]] }
            guard completions.count == 1, let n = completions.first else { continue }
            let j = row.columns[n]
            if rowsOf[j].count == 1 && columns[j].cost > 0 { surplusOf[i] = n }
        }
        /// The least value row `i`'s surplus column may take at decisions' activity `value`, times its cost.
        func surplusCost(_ i: Int, _ value: Double) -> Double {
            guard let n = surplusOf[i] else { return 0 }
            let row = rows[i], a = row.coefficients[n], c = columns[row.columns[n]]
            var need = c.lower
            switch (row.sense, a < 0) {
            case (.lessOrEqual, true), (.greaterOrEqual, false): need = max(need, (value - row.rhs) / -a)
            case (.lessOrEqual, false), (.greaterOrEqual, true): need = max(need, (row.rhs - value) / a)
            case (.equal, _): need = max(need, (row.rhs - value) / a)
            }
            if c.kind != .continuous { need = need.rounded(.up) }
            return c.cost * min(need, c.upper)
        }
        var moves = 0
        for i in rows.indices where excess(i, activity[i]) > tolerance {
            let row = rows[i]
            while excess(i, activity[i]) > tolerance {
                // Raise the row when it is short of its rhs, lower it when over.
                let raise = row.sense == .greaterOrEqual || (row.sense == .equal && activity[i] + most[i] < row.rhs)
                var best: (j: Int, step: Double, cost: Double)? = nil
                for (j, a) in zip(row.columns, row.coefficients) where decisions[j] && a != 0 {
                    let c = columns[j]
                    let step: Double = (a > 0) == raise ? 1 : -1
                    let next = x[j] + step
                    guard next >= c.lower - tolerance, next <= c.upper + tolerance else { continue }
                    let ok = rowsOf[j].allSatisfy { r, b in
                        r == i || excess(r, activity[r]) > tolerance || excess(r, activity[r] + b * step) <= tolerance
                    }
                    guard ok else { continue }
                    var cost = c.cost * step
                    for (r, b) in rowsOf[j] where surplusOf[r] != nil { cost += surplusCost(r, activity[r] + b * step) - surplusCost(r, activity[r]) }
                    cost /= abs(a)
                    if best == nil || cost < best!.cost - 1e-12 { best = (j, step, cost) }
                }
                guard let move = best, moves < maximumMoves else { return nil }
                moves += 1
                x[move.j] += move.step
                for (r, b) in rowsOf[move.j] { activity[r] += b * move.step }
            }
        }
        // Trim: a decision that costs is moved towards its lower bound while every row of it
        // may still hold and no row with completions is tightened (so no completion has to
        // give up a gain): the dearest first.
        let costly = columns.indices.filter { decisions[$0] && columns[$0].cost > 0 && x[$0] > columns[$0].lower + tolerance }
            .sorted { (columns[$0].cost, $1) > (columns[$1].cost, $0) }
        for j in costly {
            let step: Double = columns[j].kind == .continuous ? -(x[j] - columns[j].lower) : -1
            while x[j] + step >= columns[j].lower - tolerance, moves < maximumMoves {
                let ok = rowsOf[j].allSatisfy { r, b in
                    guard excess(r, activity[r] + b * step) <= tolerance else { return false }
                    let row = rows[r]
                    guard completed[r] else { return true }
                    switch row.sense {
                    case .lessOrEqual: return b * step <= 0
                    case .greaterOrEqual: return b * step >= 0
                    case .equal: return false
                    }
                }
                guard ok else { break }
                moves += 1
                x[j] += step
                for (r, b) in rowsOf[j] { activity[r] += b * step }
            }
        }
        return x
    }
}
