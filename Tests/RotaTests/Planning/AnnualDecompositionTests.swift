import Testing
@testable import RotaCore
@testable import RotaSolver
@testable import RotaPlanner

/// `AnnualDecomposition`: blocks that partition the model along the rules' structure, a bound
/// that is proven, and a block-by-block search that keeps every point compliant.
@Suite struct AnnualDecompositionTests {
    static func annual() -> AnnualModel {
        var size = TestRegion.Size()
        size.counties = 3
        return AnnualModel(instance: PlanningInstance(scenario: TestRegion.scenario(size: size)))
    }

    @Test func everyColumnIsInOneBlockTheCityHoldsItsHospitalsTeams() {
        let annual = Self.annual()
        let d = AnnualDecomposition(annual: annual)
        #expect(d.names.count == 5 && d.names[0] == "city" && d.cityBlocks == 2)
        #expect(d.columnsOf.flatMap { $0 }.sorted() == Array(annual.model.columns.indices))
        let city = Set(d.columnsOf[0])
        for key in annual.team1Keys { #expect(city.contains(annual.team1[key]!.index)) }
        for key in annual.workstationKeys { #expect(city.contains(annual.workstation[key]!.index)) }
        for key in annual.stationKeys { #expect(!city.contains(annual.stationAt[key]!.index)) }
        // A secondary hospital is a block of its own.
        let secondary = Set(d.columnsOf[1])
        for key in annual.team2Keys where annual.instance.institutions[key.a]?.tier == .secondary {
            #expect(secondary.contains(annual.team2[key]!.index))
        }
        // A county hospital's T2 team at a township of its county is county-local.
        for key in annual.team2Keys where annual.instance.institutions[key.a]?.tier == .county {
            #expect(!city.contains(annual.team2[key]!.index))
        }
        // What ties the blocks: the region totals and the township centres both may cover.
        let rules = Set(d.linking.map { annual.model.rows[$0].rule })
        #expect(rules.isSubset(of: ["T2.total", "T3.total", "T3.total.stationed", "REGION.total", "T2.coverage", "T2.spread", "TCM.weekly"]))
        #expect(rules.contains("T2.coverage"))
    }

    @Test func theBoundIsBelowTheOptimumAndTheSearchKeepsThePlanCompliant() throws {
        let annual = Self.annual()
        let model = annual.model
        let d = AnnualDecomposition(annual: annual)
        let optimum = try Solver().solve(model, options: SolveOptions(timeLimit: 60, gap: 0))
        try #require(optimum.status == .optimal)
        let far = ContinuousClock.now + .seconds(60)
        let bound = try #require(d.bound(until: far, gap: 0))
        #expect(bound <= optimum.objective! + 1e-6)
        let decisions = try #require(GreedyStart.build(annual))
        let start = try #require(try AnnualPlanner.complete(annual, decisions: decisions))
        let improved = d.improve(start, until: far, gap: 0)
        #expect(model.holds(at: improved))
        #expect(model.objective(at: improved) <= model.objective(at: start) + 1e-9)
        #expect(model.objective(at: improved) >= optimum.objective! - 1e-6)
    }
}

/// The start from the relaxed blocks (`relax`, `repaired`), the proof that a block cannot gain
/// (`headroom`), and the TCM visitors a block may release (`releasable`).
@Suite struct RelaxedStartTests {
    static let far = ContinuousClock.now + .seconds(600)

    /// Three counties whose own quotas meet the region totals (no stationed total beyond them),
    /// as on Heze: side by side the relaxed blocks break only the rows they leave to each other.
    /// Every institution has a place, so a visit costs its distance.
    static func annual() -> AnnualModel {
        var size = TestRegion.Size()
        size.counties = 3
        size.totals = (30, 6, 15, 8, 0)
        let scenario = TestRegion.scenario(size: size) { s in
            for n in s.institutions.indices {
                s.institutions[n].location = Location(lat: 35 + 0.01 * Double(n), lon: 115 + 0.02 * Double(n % 7))
            }
        }
        return AnnualModel(instance: PlanningInstance(scenario: scenario))
    }

    /// The test region, relaxed: the decomposition, its relaxation, and the repaired start.
    static func relaxed() throws -> (annual: AnnualModel, d: AnnualDecomposition, relaxation: AnnualDecomposition.Relaxation, repaired: [Double]) {
        let annual = Self.annual()
        let d = AnnualDecomposition(annual: annual)
        let relaxation = d.relax(until: far, gap: 0)
        let repaired = try #require(try d.repaired(relaxation))
        return (annual, d, relaxation, repaired)
    }

    @Test func theRelaxedBlocksSideBySideAreMendedIntoACompliantPlanNearTheBound() throws {
        let (annual, _, relaxation, repaired) = try Self.relaxed()
        let model = annual.model
        let combined = try #require(relaxation.combined)
        let bound = try #require(relaxation.bound)
        // Side by side the blocks leave TCM centres to each other (and both cover a township
        // centre, which its indicator completes); mended, every rule holds.
        let broken = Set(model.rows.indices.filter { !model.holds(at: combined, rows: [$0]) }.map { model.rows[$0].rule })
        #expect(broken.contains("TCM.weekly") && broken.isSubset(of: ["TCM.weekly", "T2.spread"]))
        #expect(model.holds(at: repaired))
        #expect(model.objective(at: repaired) >= bound - 1e-6)
    }

    @Test func theGreedyStartIsMadeOnlyWhenThereIsNoRepairedPoint() throws {
        let (annual, d, relaxation, repaired) = try Self.relaxed()
        let decisions = try #require(GreedyStart.build(annual))
        let greedy = try #require(try AnnualPlanner.complete(annual, decisions: decisions))
        var made = 0
        let start = try d.start(from: relaxation, fallback: { made += 1; return greedy })
        #expect(start == repaired && made == 0)
        // The blocks gave no answer (the limit came first): the greedy start.
        var none = relaxation
        none.combined = nil
        #expect(try d.start(from: none, fallback: { made += 1; return greedy }) == greedy && made == 1)
    }

    @Test func aRegionTotalEveryCountyLeavesToTheOthersIsNotMended() throws {
        // Two stationed helpers the region must send, which each county leaves to the others:
        // the repair does not move whole classes of people; it gives up and the planner takes
        // the greedy start.
        let annual = AnnualDecompositionTests.annual()
        let d = AnnualDecomposition(annual: annual)
        let relaxation = d.relax(until: Self.far, gap: 0)
        let combined = try #require(relaxation.combined)
        #expect(!annual.model.holds(at: combined, rows: annual.model.rows.indices.filter { annual.model.rows[$0].rule == "T3.total.stationed" }))
        #expect(try d.repaired(relaxation) == nil)
    }

    @Test func noBlockSolveGainsMoreThanItsHeadroom() throws {
        let (annual, d, relaxation, repaired) = try Self.relaxed()
        let model = annual.model
        let decisions = try #require(GreedyStart.build(annual))
        let greedy = try #require(try AnnualPlanner.complete(annual, decisions: decisions))
        var tight = 0
        for point in [repaired, greedy] {
            for k in d.columnsOf.indices {
                let released = d.releasable(k, at: point)
                let columns = (d.columnsOf[k] + released).sorted()
                let values = try #require(AnnualDecomposition.solveRestricted(model, columns: columns, capping: released, at: point, until: Self.far, gap: 0))
                var answer = point
                for (i, j) in columns.enumerated() { answer[j] = values[i] }
                #expect(model.holds(at: answer))
                let gain = model.objective(at: point) - model.objective(at: answer)
                let headroom = d.headroom(k, at: point, blockBound: try #require(relaxation.blockBounds[k]))
                #expect(gain <= headroom + 1e-6, "block \(d.names[k]) gains \(gain) > headroom \(headroom)")
                if headroom <= 1e-6 { tight += 1 }
            }
        }
        #expect(tight > 0, "some blocks are proven to have nothing to gain")
    }

    @Test func blocksProvenBestAreNotSolvedAgain() throws {
        let (annual, d, relaxation, repaired) = try Self.relaxed()
        let model = annual.model
        let proven = d.improvement(repaired, until: Self.far, gap: 0, blockBounds: relaxation.blockBounds)
        let unproven = d.improvement(repaired, until: Self.far, gap: 0)
        #expect(proven.solves < unproven.solves)
        #expect(model.holds(at: proven.point))
        #expect(model.objective(at: proven.point) <= model.objective(at: unproven.point) + 1e-6 * Double(d.columnsOf.count))
    }

    /// A block whose proven headroom is within the restricted solves' own stopping gap is not
    /// solved: such a gain is one the solve need not find. At a gap as large as the objective no
    /// block can gain more, so none is solved; at 0 the one that can is.
    @Test func blocksWithinTheSolveGapAreNotSolved() throws {
        let (annual, d, relaxation, repaired) = try Self.relaxed()
        let model = annual.model
        let loose = d.improvement(repaired, until: Self.far, gap: 1, blockBounds: relaxation.blockBounds)
        let exact = d.improvement(repaired, until: Self.far, gap: 0, blockBounds: relaxation.blockBounds)
        #expect(loose.solves == 0 && exact.solves > 0, "\(loose.solves) against \(exact.solves)")
        #expect(model.holds(at: loose.point))
        let objective = model.objective(at: exact.point)
        #expect(model.objective(at: loose.point) <= model.objective(at: repaired))
    }

    @Test func aBlockServesItsTCMCentreAgainAndReleasesTheDearerVisitorOfAnother() throws {
        let (annual, d, _, repaired) = try Self.relaxed()
        let model = annual.model
        let optimum = d.improve(repaired, until: Self.far, gap: 0)
        // A centre one block's physician v serves, and a physician u of another block who could
        // serve it at a higher cost: u serves instead, which neither block alone undoes (the
        // centre must stay served while each block is solved).
        var swap: (v: Int, u: Int, start: [Double])? = nil
        for key in annual.tcmKeys.sorted(by: { ($0.b, $0.a) < ($1.b, $1.a) }) where swap == nil {
            let v = annual.tcm[key]!.index
            guard optimum[v] == 1 else { continue }
            for other in annual.tcmKeys.sorted(by: { $0.a < $1.a }) where other.b == key.b {
                let u = annual.tcm[other]!.index
                guard d.blockOf[u] != d.blockOf[v], model.columns[u].cost > model.columns[v].cost else { continue }
                var moved = optimum
                moved[v] = 0; moved[u] = 1
                if let start = try AnnualPlanner.complete(annual, decisions: moved) { swap = (v, u, start); break }
            }
        }
        let (v, u, start) = try #require(swap)
        #expect(d.releasable(d.blockOf[v], at: start).contains(u))
        let improved = d.improve(start, until: Self.far, gap: 0)
        #expect(improved[u] == 0, "the dearer visitor is released")
        #expect(model.objective(at: improved) < model.objective(at: start) - 1e-6)
        #expect(model.holds(at: improved))
    }
}

/// `AnnualDecomposition.Answered`: a block is solved again only when the others loosened one
/// of its linking rows since it last answered best.
@Suite struct AnsweredBlocksTests {
    /// Two blocks of one column each: a ≤ row, a ≥ row and an = row tie them.
    static func model() -> Model {
        var m = Model(name: "two")
        let a = m.integer("a", [], upper: 5, cost: -1), b = m.integer("b", [], upper: 5, cost: 1)
        m.require("PACK", [], LinearExpression.sum([a, b]) <= 6)
        m.require("COVER", [], LinearExpression.sum([a, b]) >= 2)
        return m
    }

    @Test func tighteningKeepsTheAnswerLooseningAsksAgain() {
        let m = Self.model()
        var answered = AnnualDecomposition.Answered(model: m, linking: [0, 1], columnsOf: [[0], [1]])
        #expect(!answered.isCurrent(0, at: [4, 2]), "never answered yet")
        answered.record(0, at: [4, 2])
        #expect(answered.isCurrent(0, at: [4, 2]))
        // b from 2 to 1: PACK loosens for a (a ≤ 5 instead of ≤ 4): a may do better.
        #expect(!answered.isCurrent(0, at: [4, 1]))
        // b from 2 to 3 only tightens PACK (and loosens COVER, a ≥ row whose outside share rose).
        #expect(!answered.isCurrent(0, at: [3, 3]))
        var onlyPack = AnnualDecomposition.Answered(model: m, linking: [0], columnsOf: [[0], [1]])
        onlyPack.record(0, at: [4, 2])
        #expect(onlyPack.isCurrent(0, at: [3, 3]), "PACK tightened: the old answer's set only shrank")
        #expect(!onlyPack.isCurrent(0, at: [4, 1]))
        var onlyCover = AnnualDecomposition.Answered(model: m, linking: [1], columnsOf: [[0], [1]])
        onlyCover.record(0, at: [4, 2])
        #expect(onlyCover.isCurrent(0, at: [4, 1]), "COVER asks more of a when b falls: tighter")
        #expect(!onlyCover.isCurrent(0, at: [4, 3]))
    }
}
