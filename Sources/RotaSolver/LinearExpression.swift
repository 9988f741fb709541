/// A variable of a `Model`, identified by its position and its name.
///
/// Variables are created by `Model.binary`, `Model.integer` or `Model.continuous`, named after
/// the real ids they stand for (`x[hzm-0001,cao-people]`), and combined into
/// `LinearExpression`s.
public struct Variable: Hashable, Sendable {
    /// Position in the model (0-based column).
    public let index: Int

    public init(index: Int) {
        self.index = index
    }
}

/// A sum of weighted variables plus a constant.
///
/// Built with `+`, `-` and `*`, or term by term with `add(_:_:)`. Terms of the same variable
/// are merged when the model takes the expression.
///
/// ```swift
/// var team = LinearExpression()
/// for p in members { team.add(1, x[p]) }
/// model.require("T1.team-size", ["hz-municipal", "cao-people"], team >= 6 * y)
/// ```
public struct LinearExpression: Sendable {
    public var terms: [(variable: Variable, coefficient: Double)]
    public var constant: Double

    public init(terms: [(variable: Variable, coefficient: Double)] = [], constant: Double = 0) {
        self.terms = terms; self.constant = constant
    }

    public init(_ v: Variable) { self.init(terms: [(v, 1)]) }

    /// Adds `coefficient · variable`.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms.append((variable, coefficient))
    }

    /// The sum of some variables, each with weight 1.
    public static func sum<S: Sequence>(_ vars: S) -> LinearExpression where S.Element == Variable {
        LinearExpression(terms: vars.map { ($0, 1.0) })
    }

    /// Terms with duplicates merged and zeros dropped, sorted by column.
    ///
    /// Duplicates are summed in the order they were added. Terms already in increasing column
    /// order, none zero (most rows a model builder writes), are taken as they are.
    func merged() -> [(column: Int, coefficient: Double)] {
        var increasing = true
        for (i, t) in terms.enumerated() where t.coefficient == 0 || (i > 0 && terms[i - 1].variable.index >= t.variable.index) {
            increasing = false
            break
        }
        if increasing { return terms.map { ($0.variable.index, $0.coefficient) } }
        // By column, and in the order added within a column (so sums are added as before).
        let order = terms.indices.sorted { (terms[$0].variable.index, $0) < (terms[$1].variable.index, $1) }
        var out: [(column: Int, coefficient: Double)] = []
        out.reserveCapacity(terms.count)
        var i = 0
        while i < order.count {
            let column = terms[order[i]].variable.index
            var sum = 0.0
            while i < order.count && terms[order[i]].variable.index == column { sum += terms[order[i]].coefficient; i += 1 }
            if sum != 0 { out.append((column, sum)) }
        }
        return out
    }

    public static func + (a: LinearExpression, b: LinearExpression) -> LinearExpression {
        LinearExpression(terms: a.terms + b.terms, constant: a.constant + b.constant)
    }
    public static func - (a: LinearExpression, b: LinearExpression) -> LinearExpression {
        a + (-1) * b
    }
    public static func * (k: Double, e: LinearExpression) -> LinearExpression {
        LinearExpression(terms: e.terms.map { ($0.variable, k * $0.coefficient) }, constant: k * e.constant)
    }
    public static func + (a: LinearExpression, k: Double) -> LinearExpression {
        LinearExpression(terms: a.terms, constant: a.constant + k)
    }
    public static func += (a: inout LinearExpression, b: LinearExpression) {
        a.terms += b.terms; a.constant += b.constant
    }
}

/// A linear constraint `expression (≤ | = | ≥) rhs` before it is labelled.
public struct LinearRelation: Sendable {
    public enum Sense: String, Sendable { case lessOrEqual = "<=", equal = "=", greaterOrEqual = ">=" }
    public var expression: LinearExpression
    public var sense: Sense
    public var rhs: Double
}

public func * (k: Double, v: Variable) -> LinearExpression { LinearExpression(terms: [(v, k)]) }
public func >= (e: LinearExpression, k: Double) -> LinearRelation { LinearRelation(expression: e, sense: .greaterOrEqual, rhs: k) }
public func <= (e: LinearExpression, k: Double) -> LinearRelation { LinearRelation(expression: e, sense: .lessOrEqual, rhs: k) }
public func == (e: LinearExpression, k: Double) -> LinearRelation { LinearRelation(expression: e, sense: .equal, rhs: k) }
public func >= (a: LinearExpression, b: LinearExpression) -> LinearRelation { (a - b) >= 0 }
public func <= (a: LinearExpression, b: LinearExpression) -> LinearRelation { (a - b) <= 0 }
