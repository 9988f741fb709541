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

@Suite struct AnnualPlannerTests {
    @Test func plansTheTestRegion() throws {
        let outcome = try AnnualPlanner(scenario: TestRegion.scenario()).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let t1 = plan.teams.filter { $0.tier == "T1" }
        #expect(t1.count >= 1)
        #expect(t1.allSatisfy { $0.members.count >= 6 && $0.group3331 != nil })
        #expect(PlanVerifier(scenario: TestRegion.scenario()).verify(plan).passed)
    }
}

@Suite struct AnnualPlanIsVerifiedTests {
    /// Every plan the planner writes for the test region passes the independent verifier,
    /// including a region with more T1 teams than a county has spare central clinics.
    @Test(arguments: [1, 3])
    func plansPassTheVerifier(tertiary: Int) throws {
        var size = TestRegion.Size()
        size.tertiary = tertiary
        size.totals = (30, 6 * tertiary, 15, 8, 2)
        let scenario = TestRegion.scenario(size: size)
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 30)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.render())")
        let clinics = plan.teams.compactMap { $0.group3331?.workstation }
        #expect(Set(clinics).count == clinics.count)
    }
}

/// Free text in the scenario (a specialty written `general practice`, an id with a space) is
/// valid input and must plan: model names reach GLPK escaped.
@Suite struct UserTextInModelNamesTests {
    @Test func aSpecialtyAndAnIdWithSpacesPlan() throws {
        let path = "Scenarios/mini/heze-mini.yaml"
        var yaml = try String(contentsOfFile: path, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "specialty: general,", with: "specialty: general practice,")
            .replacingOccurrences(of: "hzm-01", with: "hzm 01")
        try #require(yaml.contains("general practice") && yaml.contains("hzm 01"))
        let scenario = try ScenarioReader.read(yaml: yaml, fileName: "spaces.yaml", baseDirectory: "Scenarios/mini")
        let outcome = try AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 30)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("expected a plan, got \(outcome)"); return }
        let report = PlanVerifier(scenario: scenario).verify(plan)
        #expect(report.passed, "\(report.render())")
    }

    @Test func escapingIsOneToOneAndBounded() {
        #expect(GLPKName.escaped("T3.scope[general practice]", position: 1) == "T3.scope[general%20practice]")
        #expect(GLPKName.escaped("a%20b", position: 1) != GLPKName.escaped("a b", position: 1))
        #expect(GLPKName.escaped("x\ty\n", position: 1) == "x%09y%0A")
        let long = String(repeating: "医", count: 200)   // 600 bytes
        let escaped = GLPKName.escaped(long, position: 42)
        #expect(escaped.utf8.count <= 255 && escaped.hasSuffix("~42") && !escaped.contains("\u{FFFD}"))
        #expect(GLPKName.escaped("", position: 3) == "_3")
    }
}
