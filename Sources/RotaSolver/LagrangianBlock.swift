/// One block of a model split into column blocks, with the rows that tie it to the other
/// blocks relaxed, so that a lower bound of the whole model is the sum of the blocks' bounds.
///
/// A row whose columns all lie in the block is kept as it is. A *linking* row (columns in
/// several blocks) is relaxed in two ways, both valid for any point of the whole model:
/// - it is *projected* onto the block: the other blocks' terms are replaced by the extreme
///   value their bounds allow (for `≤` the least, for `≥` the most), which only loosens the
///   row; a row whose outside terms are unbounded that way is dropped;
/// - it may carry a Lagrangian *price* π (for `≤` rows π ≥ 0, for `≥` rows π ≤ 0, for `=`
///   rows any sign): π · (row activity − rhs) is added to the objective, so each column's cost
///   becomes c − (−π · a). At any point of the whole model that term is ≤ 0, so the block
///   optimum never exceeds what the point costs.
///
/// Hence: whole-model optimum ≥ Σ over blocks of (the block's proven bound)
/// + the model's objective constant − Σ π · rhs. `LagrangianBlock.constant(of:prices:)` gives
/// that last part; each block model has objective constant 0.
///
/// ```swift
/// let prices = [7: 2.0]   // row 7: covered − Σ teams ≤ 0, priced at the coverage gain
/// let city = LagrangianBlock(model, columns: cityColumns, prices: prices).model
/// let bound = LagrangianBlock.constant(of: model, prices: prices) + Σ blockBounds
/// ```
public struct LagrangianBlock: Sendable {
    /// The block's relaxed model; its column `i` is the whole model's column `columns[i]`.
    public let model: Model
    public let columns: [Int]

    /// The block over `columns` (ascending) of `whole`; `prices` maps row index to π. With
    /// `named: false` GLPK gets no names.
    public init(_ whole: Model, columns: [Int], prices: [Int: Double], named: Bool? = nil) {
        self.columns = columns
        var position = [Int](repeating: -1, count: whole.columns.count)
        for (i, j) in columns.enumerated() { position[j] = i }
        var m = Model(name: whole.name, named: named ?? whole.named)
        var blockColumns = columns.map { whole.columns[$0] }
        for (r, price) in prices where price != 0 {
            let row = whole.rows[r]
            for (j, a) in zip(row.columns, row.coefficients) where position[j] >= 0 { blockColumns[position[j]].cost += price * a }
        }
        m.setColumns(blockColumns)
        var rows: [Model.Row] = []
        for row in whole.rows {
            var cols: [Int] = [], coefs: [Double] = []
            var least = 0.0, most = 0.0   // the outside terms' range
            for (j, a) in zip(row.columns, row.coefficients) {
                if position[j] >= 0 { cols.append(position[j]); coefs.append(a); continue }
                let c = whole.columns[j]
                let lo = a >= 0 ? a * c.lower : a * c.upper, hi = a >= 0 ? a * c.upper : a * c.lower
                least += lo.isNaN ? -.infinity : lo
                most += hi.isNaN ? .infinity : hi
            }
            guard !cols.isEmpty else { continue }
            let outside = cols.count < row.columns.count
            func add(_ sense: LinearRelation.Sense, _ rhs: Double, _ suffix: String) {
                guard rhs.isFinite else { return }
                rows.append(Model.Row(rule: row.rule, label: row.label + suffix, columns: cols, coefficients: coefs, sense: sense, rhs: rhs))
            }
            switch (row.sense, outside) {
            case (_, false): add(row.sense, row.rhs, "")
            case (.lessOrEqual, true): add(.lessOrEqual, row.rhs - least, "")
            case (.greaterOrEqual, true): add(.greaterOrEqual, row.rhs - most, "")
            case (.equal, true):
                add(.lessOrEqual, row.rhs - least, "~le")
                add(.greaterOrEqual, row.rhs - most, "~ge")
            }
        }
        m.setRows(rows)
        model = m
    }

    /// The part of the bound outside the blocks: the model's objective constant − Σ π · rhs.
    public static func constant(of whole: Model, prices: [Int: Double]) -> Double {
        prices.keys.sorted().reduce(whole.objectiveConstant) { $0 - prices[$1]! * whole.rows[$1].rhs }
    }

    /// Whether a price has the sign that keeps the bound valid for its row.
    public static func isValid(price: Double, for row: Model.Row) -> Bool {
        switch row.sense {
        case .lessOrEqual: return price >= 0
        case .greaterOrEqual: return price <= 0
        case .equal: return price.isFinite
        }
    }
}
