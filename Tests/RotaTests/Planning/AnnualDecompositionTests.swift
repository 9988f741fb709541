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
