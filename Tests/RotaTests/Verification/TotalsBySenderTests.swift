import Testing
@testable import RotaCore
@testable import RotaVerifier

/// `totals.by-sender: 1` (Yanggu, rules.md "Readings settled after the first release"):
/// T2.total counts people sent by county hospitals, T3.total village helpers sent by township
/// centres. The fixture plan's seven village helpers are six of township centres and one of
/// 曹县人民医院 (cp-r1); its ten T2 people are all of county hospitals.
@Suite struct TotalsBySenderTests {
    static func scenario(_ bySender: Int, tweak: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var s = Fixture.scenario
        s.parameters.set("totals.by-sender", .integer(bySender))
        tweak(&s)
        return s
    }

    static func check(_ rule: String, _ scenario: Scenario) -> RuleCheck {
        PlanVerifier(scenario: scenario).verify(Fixture.plan).checks.first { $0.rule == rule }!
    }

    @Test func builtInProfilesReadTheirTotals() {
        #expect(Profile.builtIn("yanggu-county")!.parameters.totalsCountBySender)
        for name in ["heze-city", "heze-mudan", "jining-city"] {
            #expect(!Profile.builtIn(name)!.parameters.totalsCountBySender)
        }
    }

    @Test func countyHelpersDoNotCountTowardsT3TotalBySender() {
        let byTier = Self.check("T3.total", Self.scenario(0))
        #expect(byTier.passed && byTier.quantity("people") == 7)
        let bySender = Self.check("T3.total", Self.scenario(1))
        #expect(!bySender.passed)
        #expect(bySender.quantity("people") == 6 && bySender.quantity("required") == 7)
        #expect(!bySender.witnesses.contains { $0.id == "cp-r1" })
        // The stationed part and the region total count as before.
        #expect(Self.check("T3.total.stationed", Self.scenario(1)).passed)
        #expect(Self.check("REGION.total", Self.scenario(1)).passed)
    }

    @Test func cityHospitalTeamsDoNotCountTowardsT2TotalBySender() {
        // 曹县中医医院 read as a secondary city hospital: its five T2 people are not county-level.
        func asSecondary(_ s: inout Scenario) {
            s.institutions = s.institutions.map { var i = $0; if i.id == "cao-zhongyi" { i.tier = .secondary }; return i }
        }
        let byTier = Self.check("T2.total", Self.scenario(0, tweak: asSecondary))
        #expect(byTier.passed && byTier.quantity("people") == 10)
        let bySender = Self.check("T2.total", Self.scenario(1, tweak: asSecondary))
        #expect(!bySender.passed && bySender.quantity("people") == 5)
        #expect(Self.check("T2.total", Self.scenario(1)).passed)
    }
}
