import Testing
@testable import RotaCore
@testable import RotaVerifier

/// TCM handovers in plan.json (`tcmClinics[].takesOverFrom`, issue 10): 马建国 (hzm-tcm) holds
/// 安蔡楼镇卫生院's clinic to 2025-06-30 and a second senior TCM doctor of 菏泽市立医院 takes it
/// over from 2025-07-01. The verifier reads the handover: it must continue a clinic of the named
/// physician at the same centre ending the day before, and the spans together must cover the year.
@Suite struct TCMHandoverVerifierTests {
    static let scenario: Scenario = {
        var s = Fixture.scenario
        s.staff.append(StaffMember(id: "hzm-tcm2", name: "沈立", institution: "hz-municipal", role: .doctor, specialty: "tcm", title: .associateSenior))
        return s
    }()

    static func plan(start: String = "2025-07-01", from: String = "hzm-tcm") -> Plan {
        var p = Fixture.plan
        p.editClinic("cao-anling") { $0.end = "2025-06-30" }
        p.tcmClinics.append(PlanTCMClinic(centre: "cao-anling", physician: "hzm-tcm2", sender: "hz-municipal",
                                          start: start, end: "2025-12-31", takesOverFrom: from))
        return p
    }

    static func failed(_ plan: Plan) -> Set<String> {
        Set(PlanVerifier(scenario: scenario).verify(plan).failures.map(\.instance))
    }

    @Test func aHandoverThatContinuesTheClinicPasses() {
        #expect(Self.failed(Self.plan()).isEmpty)
    }

    @Test func aHandoverFromSomeoneWithNoClinicThereFails() {
        #expect(Self.failed(Self.plan(from: "cp-d1")) == ["PLAN.integrity[tcm:cao-anling:hzm-tcm2]"])
        let check = PlanVerifier(scenario: Self.scenario).verify(Self.plan(from: "cp-d1")).failures.first
        #expect(check?.finding.contains("holds no clinic at cao-anling ending the day before 2025-07-01") == true)
    }

    @Test func aHandoverLeavingADayUncoveredFailsTwice() {
        #expect(Self.failed(Self.plan(start: "2025-07-02")) == ["PLAN.integrity[tcm:cao-anling:hzm-tcm2]", "TCM.weekly[cao-anling]"])
    }

    /// plan.json without the field reads as before; with it, it is written and read back.
    @Test func theFieldIsOptionalInPlanJSON() throws {
        let old = try Plan.decode(Fixture.plan.jsonData())
        #expect(old.tcmClinics.allSatisfy { $0.takesOverFrom == nil })
        let written = try Self.plan().jsonData()
        #expect(String(decoding: written, as: UTF8.self).contains("\"takesOverFrom\""))
        #expect(try Plan.decode(written) == Self.plan())
    }
}
