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

/// The byte-level `RotaCSVReader` against `RotaCSVReference`, the reader it replaced: the same
/// records, entries and diagnostics on hand-picked edge cases and on seeded random texts made
/// of the tokens a rota file can break on.
@Suite struct RotaCSVAgreementTests {
    static let header = RotaCSVReaderTests.header

    /// The reader's entries, or the text of its diagnostics.
    func read(_ text: String, file: String = "r.csv") -> RotaCSVReference.Outcome {
        do { return .entries(try RotaCSVReader.parse(text, fileName: file)) } catch { return .problems(error.diagnostics.map(\.description)) }
    }

    func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(read(text) == RotaCSVReference.parse(text, fileName: "r.csv"), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(RotaCSVReader.split(text) == RotaCSVReference.split(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func edgeCases() {
        let row = "p,,,2025-09-01,am,s,,posting"
        let cases = [
            "", "\u{FEFF}", "\u{FEFF}\u{FEFF}\(Self.header)\n\(row)\n", "\(Self.header)", "\(Self.header)\n\(row)",
            "\(Self.header)\r\r\(row)\r", "\(Self.header)\n\n\n\(row)\n\n", "\n\r\n\(Self.header)\r\n\(row)\r\n\r\n",
            "\(Self.header)\n\"\"\n", "\(Self.header)\n\"\n", "\(Self.header)\n\(row),\n", "\(Self.header)\n,\n",
            "\(Self.header)\n\"p\",\"\",\"\",\"2025-09-01\",\"am\",\"s\",\"\",\"posting\"\n",
            "\(Self.header)\np,\"a\r\nb\rc\nd\",,2025-09-01,am,s,,posting\np,,,2025-09-02,am,s,,posting\n",
            "\(Self.header)\np,,,2025-02-29,am,s,,posting\np,,,２０２５-09-01,pm,s,,posting\np,,,2025-09-0\u{301}1,am,s,,posting\n",
            "\(Self.header)\np,,,2024-02-29,am,s,,posting\np,,,0000-01-01,pm,s,,posting\np,,,2025-13-01,am,s,,posting\n",
            "\(Self.header)\np,,,+025-09-01,am,s,,posting\np,,, 2025-09-01,pm,s,,posting\np,,,2025/09/01,am,s,,posting\n",
            "\(Self.header)\np\u{301},,,2025-09-01,am,s\u{301},,posting\np,,,2025-09-01,a\u{301}m,s,,posting\n",
            "\(Self.header)\np,,,2025-09-01,am,s,,\"\"posting\np,,\"x\"\"y\"z,2025-09-01,am,s,,\"po\"\"sting\"\n",
            "pers\"on,name\n", "\"pers\"on,name,hospital,date,half,site,site_name,activity\n\(row)\n",
        ]
        for text in cases { expectAgreement(text) }
    }

    @Test func seededRandomTexts() {
        let tokens = [
            ",", "\"", "\"\"", "\r", "\n", "\r\n", "\u{FEFF}", "am", "pm", "AM", "2025-09-01", "2025-02-30", "2025-9-1",
            "２０２５-09-01", "p1", "s", "é", "e\u{301}", "posting", "station", "上午", "派驻", "驻点 ", "3331-rounds", "tech-support", "x", " ",
            "p,,,2025-09-01,am,s,,posting", "p2,名字,医院,2025-09-02,pm,s2,\"地点, 二\",rounds",
        ]
        var random = SeededRandom(seed: 20250901)
        for _ in 0..<3000 {
            var text = random.int(in: 0...3) == 0 ? "" : Self.header + ["\n", "\r\n", "\r"][random.int(in: 0...2)]
            for _ in 0..<random.int(in: 0...40) { text += tokens[random.int(in: 0...(tokens.count - 1))] }
            expectAgreement(text)
        }
    }

    @Test func filesAgreeWithTheirDecodedText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-csv-agree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("rota.csv")
        let row = "p,,,2025-09-01,am,s,,posting"
        // Reading a file decodes it as UTF-8 text first, which drops one byte-order mark.
        for text in ["\u{FEFF}\u{FEFF}\(Self.header)\n\(row)\n", "\u{FEFF}\u{FEFF}\u{FEFF}\(Self.header)\n\(row)\n",
                     "\u{FEFF}\(Self.header)\r\n\(row)", "\(Self.header)\n\(row)\n", "\u{FEFF}", ""] {
            try Data(text.utf8).write(to: url)
            let decoded = String(data: try Data(contentsOf: url), encoding: .utf8)!
            let read: RotaCSVReference.Outcome
            do { read = .entries(try RotaCSVReader.read(path: url.path)) } catch { read = .problems(error.diagnostics.map(\.description)) }
            #expect(read == RotaCSVReference.parse(decoded, fileName: url.path), "\(text.debugDescription)")
        }
        for bytes: [UInt8] in [[0xEF, 0xBB], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF, 0xFF]] {
            try Data(bytes).write(to: url)
            #expect(throws: InputError.self) { try RotaCSVReader.read(path: url.path) }
        }
    }
}
