import Testing
@testable import RotaSolver

/// `PointRepair`: the rows a point breaks are mended by the cheapest decision moves that keep
/// every other row holding, a surplus a move forces is counted in its cost, and dearer
/// decisions no row needs are dropped.
@Suite struct PointRepairTests {
    /// Two TCM centres c1, c2; physicians p (near both) and q (farther). A clinic beyond a
    /// physician's first costs 2 (`extra`, a completion column); q may hold one clinic only
    /// when not posted (`post`, a decision).
    static func model() -> (model: Model, p1: Variable, p2: Variable, q1: Variable, q2: Variable, post: Variable, extra: Variable) {
        var m = Model(name: "tcm")
        let p1 = m.binary("tcm", ["p", "c1"], cost: 0.2), p2 = m.binary("tcm", ["p", "c2"], cost: 0.2)
        let q1 = m.binary("tcm", ["q", "c1"], cost: 1.0), q2 = m.binary("tcm", ["q", "c2"], cost: 1.5)
        let post = m.binary("t2", ["q"], cost: 0)
        let extra = m.continuous("extraTCMClinics", ["p"], cost: 2)
        m.require("TCM.weekly", ["c1"], LinearExpression.sum([p1, q1]) >= 1)
        m.require("TCM.weekly", ["c2"], LinearExpression.sum([p2, q2]) >= 1)
        m.require("PERSON.one-posting", ["q"], LinearExpression.sum([q1, q2]) + 1 * LinearExpression(post) <= 1)
        m.require("TCM.spread", ["p"], LinearExpression.sum([p1, p2]) - LinearExpression(extra) <= 1)
        return (m, p1, p2, q1, q2, post, extra)
    }

    static func decisions(_ m: Model) -> [Bool] { m.columns.map { $0.name.hasPrefix("tcm") || $0.name.hasPrefix("t2") } }

    @Test func theCheapestVisitorServesAnUnservedCentre() throws {
        var m = Model(name: "toy")
        let a = m.binary("visit", ["a"], cost: 3), b = m.binary("visit", ["b"], cost: 2)
        m.require("TCM.weekly", ["c"], LinearExpression.sum([a, b]) >= 1)
        #expect(PointRepair(model: m, decisions: [true, true]).repaired([0, 0]) == [0, 1])
    }

    @Test func aSecondClinicIsCountedAtItsSurplusCost() throws {
        let t = Self.model()
        // p serves c1; c2 is unserved. p again would cost 0.2 + 2 (a second clinic); q costs 1.5.
        var point = [Double](repeating: 0, count: t.model.columns.count)
        point[t.p1.index] = 1
        let mended = try #require(PointRepair(model: t.model, decisions: Self.decisions(t.model)).repaired(point))
        #expect(mended[t.q2.index] == 1 && mended[t.p2.index] == 0)
        #expect(t.model.holds(at: mended))
    }

    @Test func aMoveNeverBreaksARowThatHeld() throws {
        let t = Self.model()
        // q is posted: q may not hold a clinic, so p holds both (and pays the second clinic).
        var point = [Double](repeating: 0, count: t.model.columns.count)
        point[t.post.index] = 1
        point[t.p1.index] = 1
        var mended = try #require(PointRepair(model: t.model, decisions: Self.decisions(t.model)).repaired(point))
        #expect(mended[t.q2.index] == 0 && mended[t.p2.index] == 1 && mended[t.post.index] == 1)
        mended[t.extra.index] = 1   // the completion the caller solves for
        #expect(t.model.holds(at: mended))
    }

    @Test func aRowNoMoveCanMendIsNil() {
        var m = Model(name: "stuck")
        let a = m.binary("visit", ["a"], cost: 1), post = m.binary("post", ["a"], cost: 0)
        m.require("TCM.weekly", ["c"], LinearExpression(a) >= 1)
        m.require("PERSON.one-posting", ["a"], LinearExpression.sum([a, post]) <= 1)
        #expect(PointRepair(model: m, decisions: [true, true]).repaired([0, 1]) == nil)
    }

    @Test func aSurplusVisitorIsDropped() throws {
        let t = Self.model()
        // c1 served twice: the dearer visitor goes; the others are needed and stay.
        var point = [Double](repeating: 0, count: t.model.columns.count)
        point[t.p1.index] = 1; point[t.q1.index] = 1; point[t.p2.index] = 1
        let mended = try #require(PointRepair(model: t.model, decisions: Self.decisions(t.model)).repaired(point))
        #expect(mended[t.q1.index] == 0, "q at c1 (1.0) is surplus: p serves c1")
        #expect(mended[t.p1.index] == 1 && mended[t.p2.index] == 1)
    }
}
