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
    func merged() -> [(column: Int, coefficient: Double)] {
        var byColumn: [Int: Double] = [:]
        for t in terms { byColumn[t.variable.index, default: 0] += t.coefficient }
        return byColumn.filter { $0.value != 0 }.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
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
