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

/// The spec example of scenario.md written differently: top-level and inner keys reordered,
/// block style for flow style and back, the institutions and calendar lists in another order,
/// comments gone, T1.quota repeated as `1.20` (the profile's 1.2), and the staff in a CSV file.
private let reorderedExample = """
links:
  - {to: cao-people, from: hz-municipal}
staff: staff.csv
institutions:
  - id: cao-hanji-v01
    serviceArea: cao-hanji-a1
    location: {lon: 115.55, lat: 34.83}
    central: false
    licensedPhysician: false
    integrated: true
    villageDoctor: false
    population: 1320
    township: cao-hanji
    county: cao
    tier: village
    name: 韩集镇李庄村卫生室
  - {tcmFeatured: true, medicalStaff: 64, county: cao, tier: township, name: 曹县韩集镇卫生院, id: cao-hanji}
  - {technicalStaff: 1210, county: cao, tier: county, name: 曹县人民医院, id: cao-people}
  - {technicalStaff: 900, tier: secondary, name: 菏泽市第二人民医院, id: hz-second}
  - {technicalStaff: 3520, tier: tertiary, name: 菏泽市立医院, id: hz-municipal}
counties: [{name: 曹县, id: cao}]
rules: {REGION.total: 800, T3.total.stationed: 35, T1.quota: 1.20, T1.team-size: 6}
calendar:
  workdays: [2025-02-08, 2025-01-26]
  holidays: [2025-01-29, 2025-01-01, 2025-01-28]
period:
  end: 2025-12-31
  start: 2025-01-01
profile: heze-city
name: heze-mini-2025
"""

private let exampleStaffCSV = """
unavailable,hometown,title,specialty,role,institution,name,id
2025-03-01..2025-03-14,cao-hanji-v01,senior,internal,doctor,hz-municipal,张伟,hzm-0001

"""

@Suite struct ScenarioCanonicalFormTests {
    let dir = FixtureDirectory()

    @Test func sameScenarioWrittenDifferentlyHasTheSameDigest() throws {
        dir.write("staff.csv", exampleStaffCSV)
        let original = try dir.read(specExample)
        let reordered = try dir.read(reorderedExample, fileName: "reordered.yaml")
        #expect(ScenarioCanonicalForm.data(original) == ScenarioCanonicalForm.data(reordered))
        #expect(ScenarioCanonicalForm.sha256(original) == ScenarioCanonicalForm.sha256(reordered))
        #expect(ScenarioCanonicalForm.sha256(original).count == 64)
    }

    @Test func anyChangeOfSubstanceChangesTheDigest() throws {
        let base = try dir.read(specExample)
        let digest = ScenarioCanonicalForm.sha256(base)
        let edits: [(String, (inout Scenario) -> Void)] = [
            ("technical staff", { $0.institutions[0].technicalStaff = 3521 }),
            ("village flag", { $0.institutions[4].villageDoctor = true }),
            ("location", { $0.institutions[4].location = Location(lat: 34.83, lon: 115.56) }),
            ("leave", { $0.staff[0].unavailable = [] }),
            ("title", { $0.staff[0].title = .associateSenior }),
            ("name", { $0.staff[0].name = "张伟伟" }),
            ("parameter", { $0.parameters.set("T1.quota", .percent(ExactPercent("1.3")!)) }),
            ("holiday", { $0.calendar.holidays.removeLast() }),
            ("link", { $0.links = [] }),
            ("period", { $0.period.to = Day(iso: "2025-12-30")! }),
            ("new person", { $0.staff.append(StaffMember(id: "x", name: "X", institution: "hz-municipal", role: .nurse)) }),
        ]
        for (what, edit) in edits {
            var changed = base
            edit(&changed)
            #expect(ScenarioCanonicalForm.sha256(changed) != digest, "\(what) did not change the digest")
        }
    }

    @Test func lineNumbersWarningsAndListOrderAreNotSubstance() throws {
        let base = try dir.read(specExample)
        var moved = base
        moved.institutions.reverse()
        moved.staff = moved.staff.map { var m = $0; m.line = 999; return m }
        moved.warnings = ["something"]
        #expect(ScenarioCanonicalForm.sha256(moved) == ScenarioCanonicalForm.sha256(base))
    }

    @Test func canonicalFormLayout() throws {
        let s = try dir.read(specExample)
        let value = ScenarioCanonicalForm.value(s)
        #expect(value["canonicalForm"] == .string("rota-scenario/1"))
        #expect(value["parameters"]?["T1.quota"] == .string("1.2"))
        #expect(value["parameters"]?["REGION.total"] == .integer(800))
        #expect(value["calendar"]?["holidays"] == .array(["2025-01-01", "2025-01-28", "2025-01-29"].map(JSONValue.string)))
        let text = String(decoding: ScenarioCanonicalForm.data(s), as: UTF8.self)
        #expect(text.contains(#""location":{"lat":34.83,"lon":115.55}"#))
        #expect(text.contains(#"{"from":"hz-municipal","to":"cao-people"}"#))
        #expect(text.contains(#""unavailable":[{"from":"2025-03-01","to":"2025-03-14"}]"#))
        #expect(text.contains(#""specialty":null"#) == false)   // the one person has a specialty
        #expect(text.contains(#""township":null"#))
    }

    @Test func percentagesAreNormalised() {
        #expect(ScenarioCanonicalForm.parameterValue(.percent(ExactPercent("1.20")!)) == .string("1.2"))
        #expect(ScenarioCanonicalForm.parameterValue(.percent(ExactPercent("6.000")!)) == .string("6"))
        #expect(ScenarioCanonicalForm.parameterValue(.percent(ExactPercent("0.75")!)) == .string("0.75"))
        #expect(ScenarioCanonicalForm.parameterValue(.integer(35)) == .integer(35))
    }

    @Test func bytesWrittenDirectlyAreTheCanonicalJSONOfTheValue() throws {
        dir.write("staff.csv", exampleStaffCSV)
        var scenarios = [try dir.read(specExample), try dir.read(reorderedExample, fileName: "reordered.yaml"), TestRegion.scenario()]
        // Escapes, astral characters, keys that sort by UTF-16, absent optionals, several leave
        // ranges out of order, a coordinate that is not finite (the reader refuses one, a
        // hand-made scenario may hold one).
        var edge = scenarios[0]
        edge.name = "quote \" backslash \\ tab \t 😀 é"
        edge.institutions[0].county = nil
        edge.institutions[0].location = Location(lat: .infinity, lon: -0.000001)
        edge.institutions[1].location = Location(lat: 1e21, lon: 34.000000000000004)
        edge.staff[0].unavailable = [DayRange(from: Day(iso: "2025-06-01")!, to: Day(iso: "2025-06-02")!),
                                     DayRange(from: Day(iso: "2025-03-01")!, to: Day(iso: "2025-03-14")!)]
        edge.staff[0].hometown = nil
        edge.staff.append(StaffMember(id: "\u{FB33}", name: "X", institution: "hz-municipal", role: .nurse))
        edge.staff.append(StaffMember(id: "😀", name: "Y", institution: "hz-municipal", role: .pharmacist))
        edge.parameters.set("\u{FB33}.x", ParameterValue.integer(-3))
        edge.links.append(Link(from: "a", to: "b"))
        edge.calendar = WorkCalendar(holidays: [], workdays: [])
        scenarios.append(edge)
        for s in scenarios {
            #expect(ScenarioCanonicalForm.bytes(s) == Array(CanonicalJSON.data(ScenarioCanonicalForm.value(s))))
        }
    }
}

/// A proof binds plan.json's bytes exactly: whitespace, key order and the solver's figures
/// included (issue 9: "the proof must bind the exact bytes a user sees").
@Suite struct PlanFileBytesTests {
    @Test func theDigestIsOfTheBytesRotaWrites() throws {
        var plan = Fixture.plan
        #expect(PlanFileBytes.sha256(plan) == Digest.hex(try plan.jsonData()))
        let before = PlanFileBytes.sha256(plan)
        plan.solver = PlanSolver(status: "optimal", objective: 12.5, bound: 12.5, gap: 0, models: 1, rows: 10, columns: 10, integerColumns: 5)
        #expect(PlanFileBytes.sha256(plan) != before)
        plan.solver?.objective = .nan
        #expect(PlanFileBytes.sha256(plan).hasPrefix("none: "))
    }

    @Test func aReadPlanIsDigestedAsItsFile() throws {
        let dir = FixtureDirectory()
        let plan = Fixture.plan
        let compact = try JSONEncoder().encode(plan)
        let pretty = try plan.jsonData()
        #expect(compact != pretty)
        let scenario = dir.path + "/none.yaml"   // the plan is read and digested all the same
        for bytes in [compact, pretty] {
            let path = dir.write("plan.json", bytes: Array(bytes))
            let inputs = VerificationInputs.read(scenario: scenario, plan: path, rota: nil)
            #expect(inputs.digests["plan"] == Digest.hex(bytes))
        }
    }
}
