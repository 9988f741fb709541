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

/// Keeps `docs/scenario-format.md` honest: its examples must read.
@Suite struct ScenarioFormatDocTests {
    /// The fenced blocks of the page, in order.
    func blocks() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        var out: [String] = [], current: [String]? = nil
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let block = current { out.append(block.joined(separator: "\n") + "\n"); current = nil } else { current = [] }
            } else if current != nil {
                current?.append(line)
            }
        }
        return out
    }

    @Test func exampleScenarioCSVAndProfileRead() throws {
        let blocks = try blocks()
        let dir = FixtureDirectory()
        let scenario = try dir.read(blocks[0])
        #expect(scenario.institutions.count == 4)
        #expect(scenario.staff.first?.unavailable == [DayRange(from: day("2025-03-01"), to: day("2025-03-14"))])

        let csv = try #require(blocks.first { $0.hasPrefix("id,name,institution,role") })
        dir.write("staff.csv", csv)
        let profile = try #require(blocks.first { $0.hasPrefix("name: heze-2026-draft") })
        dir.write("draft.yaml", profile)
        let withFiles = blocks[0]
            .replacingOccurrences(of: "profile: heze-city", with: "profile: draft.yaml")
            .replacingOccurrences(of: "staff:\n", with: "staff: staff.csv\nunused:\n")
        // `unused:` would be an unknown field: cut the list out instead.
        let cut = withFiles.components(separatedBy: "unused:\n")
        let rest = cut[1].components(separatedBy: "links:\n")
        let s = try dir.read(cut[0] + "links:\n" + rest[1])
        #expect(s.profile == "heze-2026-draft")
        #expect(s.parameters.int("T1.total") == 120)
        #expect(s.staff.map(\.id) == ["hzm-0001", "hzm-0002"])
        #expect(s.staff[1].name == "Li, Na")
    }
}
