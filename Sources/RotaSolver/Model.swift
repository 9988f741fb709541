/// An integer programme whose variables are named by real ids and whose constraints carry
/// the rule they encode.
///
/// A `Model` is plain Swift data: building one never touches GLPK, and it can be solved on
/// any thread with `Solver`. Every constraint has a `label` — its rule id and instance, e.g.
/// `T1.quota[hz-municipal]` — so solver reports, MPS files and infeasibility explanations
/// can name the rule.
///
/// ```swift
/// var m = Model(name: "toy")
/// let a = m.binary("pick", ["a"]), b = m.binary("pick", ["b"])
/// m.require("TOY.at-least-one", [], LinearExpression.sum([a, b]) >= 1)
/// m.minimise(a, cost: 2); m.minimise(b, cost: 3)
/// let s = try Solver().solve(m)   // picks a, objective 2
/// ```
public struct Model: Sendable {
    public enum Kind: Int, Sendable { case continuous = 1, integer = 2, binary = 3 }

    public struct Column: Sendable {
        public var name: String
        public var kind: Kind
        public var lower: Double
        public var upper: Double
        public var cost: Double
    }

    /// A labelled row.
    public struct Row: Sendable {
        /// The rule id, e.g. `T1.quota`.
        public var rule: String
        /// The full label, e.g. `T1.quota[hz-municipal]`.
        public var label: String
        public var columns: [Int]
        public var coefficients: [Double]
        public var sense: LinearRelation.Sense
        public var rhs: Double
    }

    public var name: String
    /// Whether variables and rows are named with their instance ids (`s[p1,site,2025-03-03,am]`,
    /// `T3.rounds[area,site,2025-03-03,0]`) — the default — or only with their base name and
    /// rule id (`s`, `T3.rounds`).
    ///
    /// An unnamed model is for the thousands of small models whose names nobody reads when
    /// they solve (a year's weekly rota is some 19,000): building, checking and escaping the
    /// names cost more than solving them. Its rows still carry their rule ids; its names are
    /// not unique, so they are not checked for it, GLPK gets none, and `dropping(rows:)` would
    /// drop every row of a rule. A caller that must explain a failure builds the model again,
    /// named, and solves that one.
    public let named: Bool
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    public var objectiveConstant: Double = 0

    public init(name: String, named: Bool = true) { self.name = name; self.named = named }

    /// The name a variable gets: `base[id1,id2]`.
    public static func label(_ base: String, _ ids: [String]) -> String {
        ids.isEmpty ? base : "\(base)[\(ids.joined(separator: ","))]"
    }

    @discardableResult
    public mutating func add(_ base: String, _ ids: @autoclosure () -> [String], kind: Kind, lower: Double, upper: Double, cost: Double = 0) -> Variable {
        columns.append(Column(name: named ? Model.label(base, ids()) : base, kind: kind, lower: lower, upper: upper, cost: cost))
        return Variable(index: columns.count - 1)
    }

    /// A 0/1 variable.
    public mutating func binary(_ base: String, _ ids: @autoclosure () -> [String], cost: Double = 0) -> Variable {
        add(base, ids(), kind: .binary, lower: 0, upper: 1, cost: cost)
    }

    /// An integer variable in `lower...upper`.
    public mutating func integer(_ base: String, _ ids: @autoclosure () -> [String], lower: Double = 0, upper: Double, cost: Double = 0) -> Variable {
        add(base, ids(), kind: .integer, lower: lower, upper: upper, cost: cost)
    }

    /// A continuous variable in `lower...upper` (`.infinity` for none).
    public mutating func continuous(_ base: String, _ ids: @autoclosure () -> [String], lower: Double = 0, upper: Double = .infinity, cost: Double = 0) -> Variable {
        add(base, ids(), kind: .continuous, lower: lower, upper: upper, cost: cost)
    }

    /// Adds `cost · v` to the objective (minimised).
    public mutating func minimise(_ v: Variable, cost: Double) { columns[v.index].cost += cost }

    /// Adds a constraint labelled `rule[ids…]` (`rule` alone in an unnamed model). Constants of
    /// the expression move to the rhs.
    public mutating func require(_ rule: String, _ ids: @autoclosure () -> [String], _ relation: LinearRelation) {
        let merged = relation.expression.merged()
        rows.append(Row(rule: rule, label: named ? Model.label(rule, ids()) : rule,
                        columns: merged.map(\.column), coefficients: merged.map(\.coefficient),
                        sense: relation.sense, rhs: relation.rhs - relation.expression.constant))
    }

    /// Replaces the columns and rows at once (for models derived from another, in this module).
    mutating func setColumns(_ columns: [Column]) { self.columns = columns }
    mutating func setRows(_ rows: [Row]) { self.rows = rows }

    /// Fixes a variable's bounds (used to pin a value or to switch a choice off).
    public mutating func fix(_ v: Variable, to value: Double) {
        columns[v.index].lower = value; columns[v.index].upper = value
    }

    /// Lowers a variable's upper bound to `upper` (never below its lower bound).
    public mutating func limit(_ v: Variable, upper: Double) {
        columns[v.index].upper = max(columns[v.index].lower, min(columns[v.index].upper, upper))
    }

    public var integerColumnCount: Int { columns.filter { $0.kind != .continuous }.count }
    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.columns.count } }

    /// The value of an expression under a solution.
    public static func value(of e: LinearExpression, in values: [Double]) -> Double {
        e.terms.reduce(e.constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    /// The model without the rows whose label is in `dropped` (for conflict search).
    public func dropping(rows dropped: Set<String>) -> Model {
        var copy = self
        copy.rows = rows.filter { !dropped.contains($0.label) }
        return copy
    }

    /// Problems that would make GLPK abort, found before any GLPK call: bad bounds, non-finite
    /// coefficients, names GLPK refuses, columns out of range.
    public func validationProblems() -> [String] {
        var problems: [String] = []
        // Names reach GLPK escaped (`GLPKName`), so user text in them cannot break a solve.
        for c in columns {
            if c.lower.isNaN || c.upper.isNaN || c.lower > c.upper { problems.append("variable \(c.name) has bounds \(c.lower)…\(c.upper)") }
            if c.lower == .infinity || c.upper == -.infinity { problems.append("variable \(c.name) has an infinite bound on the wrong side") }
            if !c.cost.isFinite { problems.append("variable \(c.name) has cost \(c.cost)") }
            if c.kind == .binary && (c.lower < 0 || c.upper > 1) { problems.append("binary variable \(c.name) has bounds \(c.lower)…\(c.upper)") }
        }
        for r in rows {
            if !r.rhs.isFinite { problems.append("constraint \(r.label) has right-hand side \(r.rhs)") }
            for (j, a) in zip(r.columns, r.coefficients) {
                if j < 0 || j >= columns.count { problems.append("constraint \(r.label) names column \(j) of \(columns.count)") }
                if !a.isFinite { problems.append("constraint \(r.label) has coefficient \(a)") }
            }
        }
        for (what, names) in named ? [("variable", columns.map(\.name)), ("constraint", rows.map(\.label))] : [] {
            var seen = Set<String>()
            for n in names where !seen.insert(n).inserted { problems.append("\(what) name \(n) is used twice") }
        }
        if !objectiveConstant.isFinite { problems.append("objective constant \(objectiveConstant)") }
        return problems
    }
}

extension Model {
    /// The elastic form of this model: every row `relax` accepts gets a slack column that
    /// lets it be broken at a cost of 1 per unit, and the original objective is dropped.
    /// Minimising it finds how little the chosen rules must give way for the rest to hold.
    ///
    /// Returns the model and, per relaxed row index, its slack variable.
    public func elastic(relaxing relax: (Row) -> Bool) -> (model: Model, slack: [Int: Variable]) {
        var m = self
        m.objectiveConstant = 0
        for j in m.columns.indices { m.columns[j].cost = 0 }
        var slack: [Int: Variable] = [:]
        for (i, row) in rows.enumerated() where relax(row) {
            let s = m.continuous("slack", [row.label], cost: 1)
            slack[i] = s
            let sign: Double = row.sense == .lessOrEqual ? -1 : 1
            m.rows[i].columns.append(s.index)
            m.rows[i].coefficients.append(sign)
        }
        return (m, slack)
    }
}

extension Model {
    /// Drops the objective: every feasible point is optimal (for feasibility checks).
    public mutating func zeroObjective() {
        objectiveConstant = 0
        for j in columns.indices { columns[j].cost = 0 }
    }
}

extension Model {
    /// The sub-model over the columns `free`, every other column fixed at `values`.
    ///
    /// Fixed columns leave the model: their share moves into each row's right-hand side and
    /// into the objective constant, and rows left with no free column are dropped (they hold
    /// at `values`). The sub-model's objective therefore equals the full model's at any point
    /// that agrees with `values` outside `free`; its column `i` is the full model's `free[i]`.
    /// With `named: false` GLPK gets no names (for the many sub-models a search solves).
    public func restricted(to free: [Int], fixing values: [Double], named: Bool? = nil) -> Model {
        var position = [Int](repeating: -1, count: columns.count)
        for (i, j) in free.enumerated() { position[j] = i }
        var m = Model(name: name, named: named ?? self.named)
        m.objectiveConstant = objectiveConstant
        for (j, c) in columns.enumerated() where position[j] < 0 { m.objectiveConstant += c.cost * values[j] }
        m.columns = free.map { columns[$0] }
        for row in rows {
            var cols: [Int] = [], coefs: [Double] = []
            var rhs = row.rhs
            for (j, a) in zip(row.columns, row.coefficients) {
                if position[j] >= 0 { cols.append(position[j]); coefs.append(a) } else { rhs -= a * values[j] }
            }
            guard !cols.isEmpty else { continue }
            m.rows.append(Row(rule: row.rule, label: row.label, columns: cols, coefficients: coefs, sense: row.sense, rhs: rhs))
        }
        return m
    }

    /// Whether `values` meets every bound and row, within `tolerance`.
    public func holds(at values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == columns.count else { return false }
        for (j, c) in columns.enumerated() where values[j] < c.lower - tolerance || values[j] > c.upper + tolerance { return false }
        return holds(at: values, rows: rows.indices, tolerance: tolerance)
    }

    /// Whether `values` meets the rows `indices`, within `tolerance`.
    public func holds(at values: [Double], rows indices: some Sequence<Int>, tolerance: Double = 1e-6) -> Bool {
        for i in indices {
            let row = rows[i]
            var lhs = 0.0
            for (j, a) in zip(row.columns, row.coefficients) { lhs += a * values[j] }
            switch row.sense {
            case .lessOrEqual: if lhs > row.rhs + tolerance { return false }
            case .greaterOrEqual: if lhs < row.rhs - tolerance { return false }
            case .equal: if abs(lhs - row.rhs) > tolerance { return false }
            }
        }
        return true
    }

    /// The objective at `values`.
    public func objective(at values: [Double]) -> Double {
        zip(columns, values).reduce(objectiveConstant) { $0 + $1.0.cost * $1.1 }
    }
}
