import Foundation
import Testing
@testable import RotaCore
@testable import RotaInput
@testable import RotaVerifier

/// Ids are compared by their bytes: U+212A KELVIN SIGN is not "K" anywhere rota reads an id.
@Suite struct IdSpellingTests {
    static let kelvin = "\u{212A}"

    struct Teams: Codable { var format: String; var teams: [Team] }
    struct Team: Codable { var sender: String }

    @Test func onlyNormalFormCIsAnId() {
        #expect(IdSpelling.problem("hz-K") == nil)
        #expect(IdSpelling.problem("曹县人民医院-01") == nil)
        #expect(IdSpelling.problem("hz-\(Self.kelvin)")?.contains("U+212A") == true)
        #expect(IdSpelling.problem("cafe\u{0301}") != nil)   // e + combining acute: NFC is é
        #expect(("hz-\(Self.kelvin)" == "hz-K"), "Swift itself calls them equal: the reason for the rule")
    }

    @Test func aScenarioIdWithAKelvinSignIsRefusedOnItsLine() throws {
        let path = "Scenarios/mini/heze-mini.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "{id: hzm-01,", with: "{id: hzm-\(Self.kelvin)01,")
        let line = try #require(yaml.components(separatedBy: "\n").firstIndex { $0.contains(Self.kelvin) }) + 1
        do {
            _ = try ScenarioReader.read(yaml: yaml, fileName: "k.yaml", baseDirectory: "Scenarios/mini")
            Issue.record("a KELVIN SIGN id was read")
        } catch {
            #expect(error.diagnostics.contains { $0.line == line && $0.message.contains("not in Unicode normal form C") }, "\(error)")
        }
    }

    @Test func aPlanOrRotaIdWithAKelvinSignIsRefused() throws {
        let plan = Data(#"{"format": "rota-plan/1", "teams": [{"sender": "hz-\#(Self.kelvin)"}]}"#.utf8)
        do {
            _ = try StrictJSON.decode(Teams.self, from: plan, file: "plan.json", format: "docs/plan-format.md")
            Issue.record("a KELVIN SIGN id was read")
        } catch {
            #expect(error.description == "plan.json:1: teams[0].sender: \(IdSpelling.problem("hz-\(Self.kelvin)")!) (expected \(IdSpelling.expected))")
        }
        let rota = "\u{FEFF}person,name,hospital,date,half,site,site_name,activity\r\nhz-\(Self.kelvin),x,h,2025-01-06,am,s,y,posting\r\n"
        do {
            _ = try RotaCSVReader.parse(rota, fileName: "rota.csv")
            Issue.record("a KELVIN SIGN id was read")
        } catch {
            #expect(error.diagnostics.map(\.line) == [2])
            #expect(error.diagnostics.first?.message.contains("U+212A") == true)
        }
    }
}
