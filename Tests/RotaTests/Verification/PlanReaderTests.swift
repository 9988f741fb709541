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

@Suite struct PlanReaderTests {
    @Test func readsWhatThePlanWrites() throws {
        let data = try Fixture.plan.jsonData()
        #expect(try PlanReader.decode(data, file: "plan.json") == Fixture.plan)
    }

    func problem(_ json: String) -> [String] {
        do {
            _ = try PlanReader.decode(Data(json.utf8), file: "plan.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func malformedJSONIsLocated() {
        let broken = problem("{\n  \"format\": \"rota-plan/1\",\n  ]")
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("plan.json:3: (whole file): not valid JSON: ") == true)
        #expect(problem("") == ["plan.json:1: (whole file): the file is empty (expected a JSON object; see docs/plan-format.md)"])
    }

    @Test func missingFieldsAndWrongValuesNameTheirPath() throws {
        var object = try #require(JSONSerialization.jsonObject(with: Fixture.plan.jsonData()) as? [String: Any])
        var teams = try #require(object["teams"] as? [[String: Any]])
        teams[1].removeValue(forKey: "sender")
        object["teams"] = teams
        let missing = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(problem(missing) == ["plan.json:1: teams[1].sender: missing field (expected a value for \"sender\"; see docs/plan-format.md)"])

        var helpers = try #require(object["villageHelpers"] as? [[String: Any]])
        helpers[0]["form"] = "visit"
        object["villageHelpers"] = helpers
        teams[1]["sender"] = "hz-municipal"
        object["teams"] = teams
        let badForm = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(problem(badForm).first?.hasPrefix("plan.json:1: villageHelpers[0].form: ") == true)

        #expect(problem("{\"format\": 1}") == ["plan.json:1: format: wrong kind of value (expected a string)"])
    }

    /// A key given twice (which one wins depends on the program reading it) and a field the
    /// format does not have (outside every check) are refused, each on its line.
    @Test func duplicateKeysAndUnknownFieldsAreRefused() throws {
        let text = String(decoding: try Fixture.plan.jsonData(), as: UTF8.self)
        let twice = String(text.dropLast(2)) + ",\n  \"teams\": []\n}\n"
        let lines = twice.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(problem(twice) == ["plan.json:\(lines - 2): (whole file): duplicate key \"teams\" (expected each key once in an object)"])
        let extra = text.replacingOccurrences(of: "\"teams\" : [", with: "\"approvedBy\" : \"HR\",\n  \"teams\" : [")
        try #require(extra != text)
        let line = extra.components(separatedBy: "\n").firstIndex { $0.contains("approvedBy") }! + 1
        #expect(problem(extra) == ["plan.json:\(line): approvedBy: unknown field (expected only the fields of docs/plan-format.md)"])
        let nested = text.replacingOccurrences(of: "\"sender\" : \"", with: "\"note\" : 1, \"sender\" : \"")
        #expect(problem(nested).first?.hasSuffix(".note: unknown field (expected only the fields of docs/plan-format.md)") == true)
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError.self) { try PlanReader.read(path: "/nonexistent/plan.json") }
    }
}

@Suite struct PlanFormatDocTests {
    /// The example in docs/plan-format.md is a readable plan of the fixture scenario.
    @Test func documentedExampleDecodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```json\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let plan = try PlanReader.decode(Data(doc[start.upperBound..<end.lowerBound].utf8), file: "plan-format.md")
        #expect(plan.format == Plan.formatVersion)
        #expect(plan.teams.map(\.id) == ["T1:hz-municipal>cao-people", "T2:cao-people>cao-hanji"])
        let report = PlanVerifier(scenario: Fixture.scenario).verify(plan)
        // Every item of the example is well-formed for the fixture scenario.
        #expect(report.checks(rule: "PLAN.integrity").filter { !$0.passed }.map(\.instance) == [])
    }
}
