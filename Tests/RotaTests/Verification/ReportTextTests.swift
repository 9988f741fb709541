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

@Suite struct ReportTextTests {
    /// The compliant plan with 菏泽市立医院 at 1001 technical staff: ⌈1.2% × 1001⌉ = 13 > 12.
    var report: VerificationReport {
        var scenario = Fixture.scenario
        scenario.editInstitution("hz-municipal") { $0.technicalStaff = 1001 }
        return PlanVerifier(scenario: scenario).verify(Fixture.plan)
    }

    @Test func oneFailureWordForWord() throws {
        let text = report.render()
        let start = try #require(text.range(of: "FAILS:"))
        let end = try #require(text.range(of: "\n\nNot checked here:"))
        let failures = String(text[start.lowerBound..<end.lowerBound])
        #expect(failures == """
            FAILS: 1 of 121 rule instances is broken, in 1 rule family.

            Failures

            1. T1.quota[hz-municipal] — 菏泽市立医院 (hz-municipal)
               Finding:  菏泽市立医院 (hz-municipal) sends 12 people of its own in 2 T1 teams; 1.2% of 1001 technical staff needs 13
               Numbers:  technicalStaff 1001, sent 12, required 13, teams 2
               Check:    12 < ⌈1.2% × 1001⌉ = 13; teams 2 ≥ 1
               Evidence: team T1:hz-municipal>cao-people (T1 team); team T1:hz-municipal>cao-zhongyi (T1 team); hzm-a-d1 张伟 (in T1:hz-municipal>cao-people); hzm-a-d2 王芳 (in T1:hz-municipal>cao-people); hzm-a-n1 李娜 (in T1:hz-municipal>cao-people); hzm-a-n2 刘洋 (in T1:hz-municipal>cao-people); hzm-a-p1 陈静 (in T1:hz-municipal>cao-people); hzm-a-t1 杨磊 (in T1:hz-municipal>cao-people); … and 6 more
               Source:   菏卫发〔2024〕2号 附件3 §二(一) — 每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%
            """)
    }

    @Test func headerAndFamilyLines() {
        let lines = report.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Verification of the plan for scenario heze-mini-2025 (profile heze-city, period 2025-01-01..2025-12-31)")
        #expect(lines[2] == "Rule family             pass  fail  What it asks")
        #expect(lines.contains { $0.hasPrefix("T1.quota                   0     1  each tertiary hospital sends") })
        #expect(lines.contains { $0.hasPrefix("PERSON.leave              24     0  ") })
        #expect(lines.contains("- T3.station-days: days a week in the village: plan.json has no weekly timetable"))
        #expect(report.render().hasSuffix("\n"))
    }

    @Test func passingReportSaysSo() {
        let text = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan).render()
        #expect(text.contains("\nPASSES: all 121 rule instances hold.\n"))
        #expect(!text.contains("Failures"))
    }

    @Test func familiesWithNothingToCheckAreMarked() {
        var plan = Fixture.plan
        plan.tcmClinics = []
        var scenario = Fixture.scenario
        for id in ["cao-hanji", "cao-anling"] { scenario.editInstitution(id) { $0.tcmFeatured = false } }
        let text = PlanVerifier(scenario: scenario).verify(plan).render()
        #expect(text.contains("TCM.locality               0     0  (nothing to check) a TCM visitor comes from"))
    }
}
