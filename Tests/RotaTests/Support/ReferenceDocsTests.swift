import Foundation
import Testing
@testable import RotaCore

/// The repository carries its own authorities (docs/reference/): the rule catalogue rota
/// models and checks must be the one documented there, quote for quote, so a report's rule id
/// and quote can be looked up without anything outside the repository.
@Suite struct ReferenceDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The ids of rules.md's rule tables (`| T1.team-size | … |`).
    static func documentedIds(_ rules: String) -> [String] {
        rules.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 3, let id = cells.dropFirst().first, id.wholeMatch(of: /[A-Z0-9]+\.[a-z0-9.\-]+/) != nil else { return nil }
            return id
        }
    }

    @Test func everyRuleOfTheTablesIsInTheCatalogueWithItsQuote() throws {
        let rules = try Self.text("docs/reference/rules.md")
        let ids = Self.documentedIds(rules)
        #expect(ids.count >= 20)
        // rules.md's tables also list parameters (T1.team-size …); a rule row is one whose
        // id the catalogue knows or whose row quotes the source in Chinese.
        var missing: [String] = []
        for id in Set(ids).sorted() where RuleCatalogue.rule(id) == nil {
            let row = rules.split(separator: "\n").first { $0.contains("| \(id) |") } ?? ""
            if row.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { missing.append(id) }
        }
        // ATT.report is a reporting deadline for the commission's office, not a rule a plan can meet.
        #expect(missing == ["ATT.report"], "rules documented with a quote but not in RuleCatalogue")
        // Every quote the catalogue gives (each part between ellipses) is verbatim from
        // rules.md or a source document — spaces and line breaks aside, which the documents'
        // text layout puts between Chinese and figures.
        func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }
        var sources = rules
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs/reference/seeds").path) where file.hasSuffix(".txt") {
            sources += try Self.text("docs/reference/seeds/\(file)")
        }
        let all = squeezed(sources)
        for rule in RuleCatalogue.rules where !rule.quote.isEmpty {
            for part in rule.quote.split(separator: "…") {
                #expect(all.contains(squeezed(String(part))), "\(rule.id): \(part)")
            }
        }
    }

    @Test func theSourceDocumentsAndTheFormatContractAreInTheRepository() throws {
        let index = try Self.text("docs/reference/seeds/README.md")
        for file in ["000_be86b12b5f0d36fc.txt", "001_8e2d0408a7af6684.txt", "002_ba6cdf25217d8181.txt",
                     "003_01ef608bceae84f8.txt", "004_e85d1f9b999c24ac.txt"] {
            #expect(index.contains(file))
            #expect(try Self.text("docs/reference/seeds/\(file)").count > 5000)
        }
        #expect(try Self.text("docs/reference/scenario.md").contains("institutions"))
        #expect(try !Self.text("README.md").contains("../shared"))
    }
}
