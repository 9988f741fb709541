import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

@Suite struct ConflictFinderTests {
    private func conflict(_ tweak: (inout Scenario) -> Void) throws -> ConflictExplanation? {
        let outcome = try AnnualPlanner(scenario: TestRegion.scenario(tweak: tweak), options: PlanningOptions(timeLimit: 20)).plan()
        if case .infeasible(let why) = outcome { return why }
        return nil
    }

    @Test func namesAQuotaTheCandidatesCannotMeet() throws {
        let why = try #require(try conflict { s in
            s.institutions[0].technicalStaff = 2000   // 1.2% → 24 people; 18 listed
        })
        #expect(why.items.map(\.instance) == ["T1.quota[city-a]"])
        let item = why.items[0]
        #expect(item.required == 24)
        #expect(item.achievable == 18)
        #expect(item.message.contains("市立医院 must send ≥ 24 people (1.2% of 2000 technical staff) but lists 18 candidates"))
    }

    @Test func namesTheTeamMixWhenAHospitalHasNoNurse() throws {
        let why = try #require(try conflict { s in
            s.staff = s.staff.filter { !($0.institution == "city-a" && $0.role == .nurse) }
        })
        let rules = Set(why.items.map(\.rule))
        #expect(rules.contains("T1.team-mix"))
        #expect(why.items.contains { $0.instance.contains("city-a") })
        // Minimal: dropping any one instance makes the rest feasible, so the quota is part of it.
        #expect(rules.contains("T1.quota"))
    }

    @Test func namesTheStationedTotalAboveEligibleVillages() throws {
        let why = try #require(try conflict { s in s.parameters.set("T3.total.stationed", .integer(40)) })
        #expect(why.items.map(\.instance) == ["T3.total.stationed"])
        #expect(why.items[0].required == 40)
        #expect(why.items[0].achievable < 40)
    }

    @Test func namesATCMCentreNoPhysicianCanReach() throws {
        let why = try #require(try conflict { s in
            s.staff = s.staff.filter { !$0.isSeniorTCMPhysician }
        })
        #expect(why.items.contains { $0.rule == "TCM.weekly" })
    }

    /// The "7-run county" (Scenarios/infeasible/seven-runs.yaml): one run names all six
    /// independent conflicts — disjoint, numbered in order — and its advice, made together,
    /// gives a plan the independent verifier accepts.
    @Test func namesEveryIndependentConflictAndAdviceForAllOfThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let s = try ScenarioReader.read(path: root.appendingPathComponent("Scenarios/infeasible/seven-runs.yaml").path)
        guard case .infeasible(let why) = try AnnualPlanner(scenario: s, options: PlanningOptions(timeLimit: 20)).plan() else {
            Issue.record("seven-runs has a plan"); return
        }
        #expect(why.conflictCount == 6, "\(why.render())")
        #expect(why.items.map(\.conflict) == why.items.map(\.conflict).sorted())
        #expect(Set(why.instances).count == why.instances.count)   // disjoint
        #expect(Set(why.items(ofConflict: 1).map(\.instance)) == ["T1.quota[hz-tcm]"])
        #expect(why.render().contains("Conflict 6 of 6:"))
        // The advice: every conflict has a change, and the totals are lowered no further than
        // the changed scenario needs (REGION.total counts the candidates the advice adds).
        #expect(Set(why.advice.flatMap(\.conflicts)) == Set(1...6))
        let region = try #require(why.advice.first { $0.parameter == "REGION.total" })
        #expect(region.from == 85)
        let alone = try #require(why.items.first { $0.rule == "REGION.total" })
        #expect(alone.achievable == 79)   // the 79 candidates listed
        #expect(region.to! > alone.achievable)
        #expect(why.adviceChecked)
        let changed = ConflictAdvice.apply(why.advice, to: s)
        guard case .planned(let plan) = try AnnualPlanner(scenario: changed, options: PlanningOptions(timeLimit: 20)).plan() else {
            Issue.record("the advice does not give a plan"); return
        }
        let report = PlanVerifier(scenario: changed).verify(plan)
        #expect(report.passed, "\(report.render())")
    }

    /// One conflict: the text reads as before, with what to change.
    @Test func oneConflictReadsAsBefore() throws {
        let why = try #require(try conflict { s in s.parameters.set("T3.total.stationed", .integer(40)) })
        #expect(why.conflictCount == 1)
        let text = why.render()
        #expect(text.contains(": these rules collide.\n- T3.total.stationed: "))
        #expect(text.contains("What to change:\n- lower T3.total.stationed from 40 to "))
        #expect(!text.contains("Conflict 1"))
    }
}
