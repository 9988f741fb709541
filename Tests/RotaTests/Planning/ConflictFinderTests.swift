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
}
