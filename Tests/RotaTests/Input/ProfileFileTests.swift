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

@Suite struct ProfileFileTests {
    let dir = FixtureDirectory()

    @Test func profileFileExtendsABuiltInAndTheScenarioOverridesAgain() throws {
        dir.write("profiles/draft.yaml", """
            name: heze-2026-draft
            extends: heze-mudan
            rules:
              T1.total: 120
              T2.quota: 1.80
              T3.total: 70
            """)
        let s = try dir.read(miniScenario(staff: "[]", profile: "profiles/draft.yaml",
                                          extra: "rules: {T3.total: 90, T3.quota: 6.5}"))
        #expect(s.profile == "heze-2026-draft")
        var expected = Profile.builtIn("heze-mudan")!.parameters
        expected.set("T1.total", .integer(120))
        expected.set("T2.quota", .percent(ExactPercent(units: 18, scale: 1)))
        expected.set("T3.total", .integer(90))
        expected.set("T3.quota", .percent(ExactPercent(units: 65, scale: 1)))
        #expect(s.parameters == expected)
    }

    @Test func completeProfileWithoutExtends() throws {
        var lines = ["name: full", "rules:"]
        for definition in Parameters.definitions where !definition.addition {
            lines.append("  \(definition.key): \(definition.kind == .integer ? "3" : "2.5")")
        }
        dir.write("full.yml", lines.joined(separator: "\n"))
        let s = try dir.read(miniScenario(staff: "[]", profile: "full.yml"))
        #expect(s.profile == "full")
        #expect(s.parameters.int("T1.team-size") == 3)
        #expect(s.parameters.percent("T1.quota") == ExactPercent(units: 25, scale: 1))
        // rota's additions take the built-in value.
        #expect(s.parameters.int("T3.rounds-visit-weeks") == Profile.builtIn("heze-city")!.parameters.int("T3.rounds-visit-weeks"))
        #expect(s.parameters.sortedKeys == Parameters.definitions.map(\.key).sorted())
    }

    @Test func profileWithoutExtendsMustGiveEveryKey() {
        dir.write("partial.yaml", "name: partial\nrules:\n  T1.team-size: 6\n")
        let problems = dir.problems(miniScenario(staff: "[]", profile: "partial.yaml"))
        let missing = Parameters.definitions.filter { !$0.addition && $0.key != "T1.team-size" }
        #expect(problems.count == missing.count)
        #expect(problems.contains("partial.yaml:3: rules.T1.quota: missing rule value; a profile without extends gives every rule value (expected a percentage for share of a tertiary hospital's technical staff sent in T1)"))
        #expect(problems.contains("partial.yaml:3: rules.REGION.total: missing rule value; a profile without extends gives every rule value (expected a whole number for distinct people dispatched in the year (T1 ∪ T2 ∪ T3))"))
    }

    /// `totals.by-sender` is 0 or 1; Yanggu's profile sets 1 and a scenario may set it back.
    @Test func totalsBySenderIsAFlag() throws {
        dir.write("by-sender.yaml", "name: by-sender\nextends: heze-city\nrules:\n  totals.by-sender: 1\n")
        let s = try dir.read(miniScenario(staff: "[]", profile: "by-sender.yaml"))
        #expect(s.parameters.totalsCountBySender)
        let yanggu = try dir.read(miniScenario(staff: "[]", profile: "yanggu-county", extra: "rules: {totals.by-sender: 0}"))
        #expect(!yanggu.parameters.totalsCountBySender)
        dir.write("bad-flag.yaml", "name: w\nextends: heze-city\nrules:\n  totals.by-sender: 2\n")
        let meaning = Parameters.definition("totals.by-sender")!.meaning
        #expect(dir.problems(miniScenario(staff: "[]", profile: "bad-flag.yaml")).count == 1)
        #expect(dir.problems(miniScenario(staff: "[]", profile: "bad-flag.yaml")).first?.contains(meaning) == true)
    }

    @Test func profileFileProblems() {
        dir.write("bad.yaml", """
            name: bad
            extends: heze
            colour: red
            rules:
              T1.total: lots
              T9.size: 3
            """)
        #expect(dir.problems(miniScenario(staff: "[]", profile: "bad.yaml")) == [
            "bad.yaml:2: extends: unknown built-in profile \"heze\" (expected heze-city, heze-mudan, yanggu-county, jining-city)",
            "bad.yaml:3: colour: unknown field (expected name, extends, rules)",
            "bad.yaml:5: rules.T1.total: found \"lots\" (expected a whole number from 0 to 1000000: T1 people in the region, at least)",
            "bad.yaml:6: rules.T9.size: unknown rule id (expected \(Parameters.definitions.map(\.key).joined(separator: ", ")))",
        ])
        dir.write("noname.yaml", "extends: heze-city\nname: a\nname: b\n")
        #expect(dir.problems(miniScenario(staff: "[]", profile: "noname.yaml")) == [
            "noname.yaml:3: name: key \"name\" is given twice in this mapping (first on line 2)",
        ])
        dir.write("empty-extends.yaml", "name: e\nextends:\n")
        #expect(dir.problems(miniScenario(staff: "[]", profile: "empty-extends.yaml")) == [
            "empty-extends.yaml:2: extends: required field has no value (expected heze-city, heze-mudan, yanggu-county, jining-city)",
        ])
        #expect(dir.problems(miniScenario(staff: "[]", profile: "gone/p.yaml")) == [
            "heze.yaml:2: profile: cannot read profile file \"gone/p.yaml\": no such file (expected heze-city, heze-mudan, yanggu-county, jining-city, or the path of a profile file)",
        ])
    }
}
