import Testing
@testable import RotaSolver

/// `LagrangianBlock`: the sum of the relaxed blocks' optima, plus its constant, never exceeds
/// the whole model's optimum — whatever the partition and whatever prices of the right sign.
@Suite struct LagrangianBlockTests {
    /// A small seeded generator (no timing, no system randomness).
    struct Seeded {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// A random 0/1 and integer programme: covering (≥), packing (≤) and equality rows.
    static func randomModel(_ g: inout Seeded, columns: Int) -> Model {
        var m = Model(name: "random")
        let vars = (0..<columns).map { j in
            g.next(3) == 0 ? m.integer("x", ["\(j)"], upper: 3, cost: Double(g.next(9) - 4))
                           : m.binary("x", ["\(j)"], cost: Double(g.next(9) - 4))
        }
        for i in 0..<columns {
            var e = LinearExpression()
            for _ in 0..<(2 + g.next(3)) { e.add(Double(g.next(3) + 1), vars[g.next(columns)]) }
            switch i % 3 {
            case 0: m.require("COVER", ["\(i)"], e >= 1)
            case 1: m.require("PACK", ["\(i)"], e <= Double(3 + g.next(4)))
            default: m.require("LINK", ["\(i)"], e - LinearExpression(vars[g.next(columns)]) <= 2)
            }
        }
        return m
    }

    @Test(arguments: 1...12)
    func blockBoundsNeverExceedTheOptimum(seed: Int) throws {
        var g = Seeded(state: UInt64(seed))
        let whole = Self.randomModel(&g, columns: 10)
        let optimum = try Solver().solve(whole, options: SolveOptions(gap: 0))
        guard optimum.status == .optimal, let best = optimum.objective else { return }   // an infeasible draw says nothing
        let blockOf = (0..<whole.columns.count).map { _ in g.next(3) }
        var prices: [Int: Double] = [:]
        for (i, row) in whole.rows.enumerated() where g.next(2) == 0 {
            let size = Double(g.next(4))
            prices[i] = row.sense == .greaterOrEqual ? -size : size
            #expect(LagrangianBlock.isValid(price: prices[i]!, for: row))
        }
        for priced in [[:], prices] {
            var bound = LagrangianBlock.constant(of: whole, prices: priced)
            for k in 0..<3 {
                let columns = blockOf.indices.filter { blockOf[$0] == k }
                let block = LagrangianBlock(whole, columns: columns, prices: priced)
                #expect(block.model.columns.count == columns.count)
                let s = try Solver().solve(block.model, options: SolveOptions(gap: 0))
                try #require(s.status == .optimal, "a relaxed block is never infeasible when the whole model is feasible")
                bound += s.objective!
            }
            #expect(bound <= best + 1e-6, "seed \(seed): bound \(bound) above the optimum \(best)")
        }
    }

    /// Projection: the other blocks' terms leave a row at the extreme their bounds allow.
    @Test func linkingRowsAreProjectedOntoTheBlock() {
        var m = Model(name: "toy")
        let x = m.binary("x", [], cost: 1), y = m.integer("y", [], upper: 2, cost: 1)
        let cov = m.binary("covered", [], cost: -3)
        m.require("COVER", [], LinearExpression(x) + LinearExpression(y) >= 2)
        m.require("GAIN", [], LinearExpression(cov) - LinearExpression(x) - LinearExpression(y) <= 0)
        m.require("BOTH", [], LinearExpression(x) - LinearExpression(y) == 0)
        let block = LagrangianBlock(m, columns: [x.index], prices: [1: 3]).model
        // COVER: x ≥ 2 − 2 (y at most 2); GAIN: −x ≤ 0 − (0 − 2) (covered at least 0, −y at least −2);
        // BOTH: x ≤ 2 and x ≥ 0 (y between 0 and 2).
        #expect(block.rows.map(\.label) == ["COVER", "GAIN", "BOTH~le", "BOTH~ge"])
        #expect(block.rows.map(\.rhs) == [0, 2, 2, 0])
        // The price moves into the cost: x earns the coverage gain.
        #expect(block.columns[0].cost == 1 - 3)
        #expect(LagrangianBlock.constant(of: m, prices: [1: 3]) == 0)
        #expect(!LagrangianBlock.isValid(price: -1, for: m.rows[1]))
    }
}
