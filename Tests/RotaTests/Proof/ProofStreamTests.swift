import Foundation
import Testing
@testable import RotaCore
@testable import RotaVerifier
@testable import RotaProof

/// `ProofStream` writes each instance line straight from its fields; its bytes must be exactly
/// those of the general path (`CanonicalJSON` over the line's `JSONValue`), which defines the
/// format, and reading the stream back must give the proof again.
@Suite struct ProofStreamTests {
    private func fixtureProof() -> ComplianceProof {
        let report = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)
        return ProofWriter.proof(scenario: Fixture.scenario, plan: Fixture.plan, report: report,
                                 additionalDigests: ["rota": String(repeating: "ab", count: 32)])
    }

    private func expectSameBytes(_ proof: ComplianceProof, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lines = try proof.lines()
        #expect(lines.header == Array(CanonicalJSON.data(try JSONValue(encoding: ProofStream.header(proof)))) + [0x0A],
                sourceLocation: sourceLocation)
        #expect(lines.instances.count == proof.instances.count, sourceLocation: sourceLocation)
        for (i, line) in zip(proof.instances, lines.instances) {
            #expect(line == Array(CanonicalJSON.data(try JSONValue(encoding: ProofStream.Line(i)))) + [0x0A], sourceLocation: sourceLocation)
        }
        // Read back: the same proof, every instance with its rule's texts from the header.
        let stream = Array(lines.all.joined())
        #expect(try ProofReader.decode(stream: stream, path: "p") == proof, sourceLocation: sourceLocation)
        #expect(try ComplianceProof.decode(try proof.fileData()) == proof, sourceLocation: sourceLocation)
    }

    @Test func fixtureProofMatchesTheGeneralWriter() throws {
        let proof = fixtureProof()
        #expect(proof.instances.count > 50)
        try expectSameBytes(proof)
    }

    @Test func eachRuleTextStandsOnceInTheHeader() throws {
        let proof = fixtureProof()
        let header = ProofStream.header(proof)
        #expect(header.rules.map(\.id) == Set(proof.instances.map(\.rule)).sorted())
        let text = String(decoding: try proof.lines().instances.joined(), as: UTF8.self)
        let quote = try #require(proof.instances.first?.quote)
        #expect(!text.contains(quote))
        #expect(!text.contains("\"clause\""))
    }

    @Test func edgeCasesMatchTheGeneralWriter() throws {
        var proof = fixtureProof()
        // Texts that need escaping, non-ASCII and astral characters, empty lists and maps,
        // a failing verdict, an open-ended digest key that sorts by UTF-16 code units.
        proof.instances[0].finding = "quote \" backslash \\ tab \t newline \n bell \u{07} del \u{7F} 😀 é"
        proof.instances[0].witnesses = []
        proof.instances[0].quantities = []
        let rule = proof.instances[1].rule
        for k in proof.instances.indices where proof.instances[k].rule == rule {
            proof.instances[k].parameters = ["b": .integer(-3), "a": .decimal("1.25"), "\u{FB33}": .integer(0), "😀": .integer(10)]
        }
        proof.instances[1].verdict = .fail
        proof.digests["ö"] = "1"
        proof.digests["Z"] = "\u{1F}"
        proof.notChecked = []
        proof.verdict = .fail
        proof.solver = ProofSolver(status: "feasible", objective: 1e21, bound: -0.000001, gap: 0.125)
        try expectSameBytes(proof)
        proof.solver = ProofSolver(status: "optimal", objective: 51.36000000000005, bound: 7544, gap: 0)
        try expectSameBytes(proof)
        proof.solver = nil
        proof.instances = []
        try expectSameBytes(proof)
    }

    @Test func nonFiniteSolverFiguresAreRefusedNotWritten() {
        var proof = fixtureProof()
        proof.solver = ProofSolver(status: "feasible", objective: .nan, bound: 1, gap: .infinity)
        #expect(throws: EncodingError.self) { try proof.lines() }
        #expect(throws: EncodingError.self) { try proof.fileData() }
    }

    /// `rota plan` writes the proof from `fileMembers()`, whose lines are made and deflated a
    /// slice at a time: its bytes must be those of the whole stream gzipped in memory, cut into
    /// the same members (a proof over 1 MiB, so there are several).
    @Test func theStreamedFileIsTheInMemoryFile() throws {
        var proof = fixtureProof()
        let one = proof.instances
        proof.instances = (0..<60).flatMap { copy in
            one.map { var i = $0; i.instance += "#\(copy)"; return i }
        }
        let lines = try proof.lines()
        #expect(lines.count > 1 << 20)
        let members = try proof.fileMembers()
        #expect(members.count == 4)
        #expect(Data(members.joined()) == GzipStream.compress(lines.all))
        #expect(try proof.fileData() == GzipStream.compress(lines.all))
        #expect(try ComplianceProof.decode(try proof.fileData()) == proof)
    }

    @Test func theSameProofAlwaysGivesTheSameFileBytes() throws {
        #expect(try fixtureProof().fileData() == fixtureProof().fileData())
    }

    @Test func readingNamesTheLineOfAProblem() throws {
        let lines = try fixtureProof().lines()
        var instances = lines.instances
        instances[4] = Array(String(decoding: instances[4], as: UTF8.self).replacingOccurrences(of: "{\"arithmetic\"", with: "{\"approvedBy\":\"x\",\"arithmetic\"").utf8)
        let stream = Array(([lines.header] + instances).joined())
        #expect(throws: InputError.self) { try ProofReader.decode(stream: stream, path: "p.gz") }
        do { _ = try ProofReader.decode(stream: stream, path: "p.gz") } catch {
            #expect(error.diagnostics.map(\.description) == ["p.gz:6: approvedBy: unknown field (expected only the fields of docs/proof-format.md)"])
        }
        // An instance whose rule the header does not list.
        var header = ProofStream.header(try fixtureProof())
        header.rules.removeFirst()
        let orphan = Array(CanonicalJSON.data(try JSONValue(encoding: header))) + [0x0A]
        do { _ = try ProofReader.decode(stream: Array(([orphan] + lines.instances).joined()), path: "p.gz"); Issue.record("read") } catch {
            #expect(error.diagnostics.first?.message.contains("has no entry in the header's rules") == true)
        }
        // Nothing at all.
        do { _ = try ProofReader.decode(stream: [], path: "p.gz"); Issue.record("read") } catch {
            #expect(error.diagnostics.map(\.description) == ["p.gz:1: (whole file): the proof holds no line (expected a header line, then one line per rule instance)"])
        }
    }
}
