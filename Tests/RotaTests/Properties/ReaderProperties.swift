import Foundation
import PropertyBased
import Testing
@testable import RotaCore
@testable import RotaInput

/// The readers on random input: they never crash, and what they refuse is located.
@Suite struct ReaderProperties {
    struct Entry: Codable, Equatable { var id: String; var count: Int }
    struct Document: Codable, Equatable { var format: String; var entries: [Entry] }

    static let ids = Gen.letterOrNumber.string(of: 1...8)

    /// Any document rota's format accepts reads back as itself; with any one key repeated, or
    /// any unknown field added, it is refused with a line.
    @Test func strictJSONRefusesRepeatsAndUnknownFields() async throws {
        await propertyCheck(count: 300, input: Self.ids, Gen.int(in: 0...5), Gen.int(in: 0...3)) { id, n, edit in
            let document = Document(format: "f", entries: (0..<n).map { Entry(id: id + String($0), count: $0) })
            let encoder = JSONEncoder(); encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let text = String(decoding: try! encoder.encode(document), as: UTF8.self)
            #expect((try? StrictJSON.decode(Document.self, from: Data(text.utf8), file: "d.json", format: "f")) == document)
            let broken: String
            switch edit {
            case 0: broken = text.replacingOccurrences(of: "\"format\" : \"f\"", with: "\"format\" : \"f\", \"format\" : \"g\"")
            case 1: broken = text.replacingOccurrences(of: "\"format\" : \"f\"", with: "\"format\" : \"f\", \"extra\" : 1")
            case 2: broken = document.entries.isEmpty ? text.replacingOccurrences(of: "\"entries\" : [", with: "\"entries\" : [], \"entries\" : [")
                : text.replacingOccurrences(of: "\"count\" : 0", with: "\"count\" : 0, \"count\" : 1")
            default: broken = document.entries.isEmpty ? text.replacingOccurrences(of: "{", with: "{\"x\":null,")
                : text.replacingOccurrences(of: "\"count\" : 0", with: "\"count\" : 0, \"note\" : \"x\"")
            }
            do {
                _ = try StrictJSON.decode(Document.self, from: Data(broken.utf8), file: "d.json", format: "f")
                Issue.record("accepted: \(broken)")
            } catch let error as InputError {
                #expect(error.diagnostics.allSatisfy { $0.line >= 1 && $0.file == "d.json" })
            } catch {
                Issue.record("not an InputError: \(error)")
            }
        }
    }

    /// Random text as a scenario: the reader returns a scenario or located problems, never
    /// crashes; every problem names the file and a line inside it.
    @Test func randomScenarioTextIsReadOrRefusedOnALine() async {
        let pieces = Gen.element(of: ["name: x\n", "period: {start: 2025-01-01, end: 2025-12-31}\n", "staff: []\n", "- a\n",
                                      "&a [1]\n", "*a\n", "k: \"\u{E000}\"\n", "  x: 99999999999999999999\n", ":\n",
                                      "profile: heze-city\n", "rules: {T1.quota: 250}\n", "{[\n"])
        await propertyCheck(count: 400, input: pieces.array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let lines = max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count)
            do {
                _ = try ScenarioReader.read(yaml: text, fileName: "r.yaml", baseDirectory: ".")
            } catch let error as InputError {
                #expect(!error.diagnostics.isEmpty)
                for d in error.diagnostics {
                    #expect(d.file == "r.yaml" && (1...lines).contains(d.line), "\(d) in:\n\(text)")
                }
            } catch {
                Issue.record("not an InputError: \(error)")
            }
        }
    }
}
