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

/// `ProofJSON` writes proofs straight from their fields; its bytes must be exactly those of the
/// general path (`CanonicalJSON` over the proof's `JSONValue`), which defines the format.
@Suite struct ProofJSONTests {
    private func fixtureProof() -> ComplianceProof {
        let report = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)
        return ProofWriter.proof(scenario: Fixture.scenario, plan: Fixture.plan, report: report,
                                 additionalDigests: ["rota": String(repeating: "ab", count: 32)])
    }

    private func expectSameBytes(_ proof: ComplianceProof, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let value = try JSONValue(encoding: proof)
        // The comparison made a chunk at a time accepts exactly these bytes.
        for chunk in [1, 2, 7, 512] {
            #expect(matches(Array(CanonicalJSON.pretty(value)), proof, chunk: chunk), sourceLocation: sourceLocation)
        }
        // Written whole, and in slices side by side as large proofs are.
        for slices in [1, 2, 7] {
            #expect(ProofJSON.pretty(proof, slices: slices) == Array(CanonicalJSON.pretty(value)), sourceLocation: sourceLocation)
            #expect(ProofJSON.canonical(proof, slices: slices) == Array(CanonicalJSON.data(value)), sourceLocation: sourceLocation)
        }
    }

    @Test func fixtureProofMatchesTheGeneralWriter() throws {
        let proof = fixtureProof()
        #expect(proof.instances.count > 50)
        try expectSameBytes(proof)
    }

    @Test func edgeCasesMatchTheGeneralWriter() throws {
        var proof = fixtureProof()
        // Texts that need escaping, non-ASCII and astral characters, empty lists and maps,
        // a failing verdict, an open-ended digest key that sorts by UTF-16 code units.
        proof.instances[0].finding = "quote \" backslash \\ tab \t newline \n bell \u{07} del \u{7F} 😀 é e\u{301}"
        proof.instances[0].witnesses = []
        proof.instances[0].quantities = []
        proof.instances[0].parameters = [:]
        proof.instances[1].parameters = ["b": .integer(-3), "a": .decimal("1.25"), "\u{FB33}": .integer(0), "😀": .integer(10)]
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
        #expect(throws: EncodingError.self) { try proof.jsonData() }
        #expect(throws: EncodingError.self) { try proof.canonicalData() }
    }

    private func matches(_ bytes: [UInt8], _ proof: ComplianceProof, chunk: Int = 3) -> Bool {
        bytes.withUnsafeBytes { ProofJSON.prettyMatches($0, proof, chunk: chunk) }
    }

    @Test func anyChangedByteOrLengthIsNotAMatch() {
        let proof = fixtureProof()
        let bytes = ProofJSON.pretty(proof)
        #expect(matches(bytes, proof))
        // A byte changed anywhere: in the text before the instances, in the first and the
        // second half of them, where the halves meet, in the text after them.
        let middle = bytes.count / 2
        for position in [0, 40, bytes.count / 4, middle - 1, middle, middle + 1, bytes.count * 3 / 4, bytes.count - 30, bytes.count - 1] {
            var changed = bytes
            changed[position] = changed[position] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            #expect(!matches(changed, proof), "byte \(position)")
        }
        // Bytes added or removed (the halves no longer meet), an empty file, two instances swapped.
        var longer = bytes
        longer.insert(UInt8(ascii: " "), at: middle)
        #expect(!matches(longer, proof))
        var shorter = bytes
        shorter.remove(at: bytes.count / 3)
        #expect(!matches(shorter, proof))
        #expect(!matches([], proof))
        #expect(!matches(Array(bytes.dropLast()), proof))
        var swapped = proof
        swapped.instances.swapAt(3, proof.instances.count - 4)
        #expect(!matches(bytes, swapped))
        #expect(matches(ProofJSON.pretty(swapped), swapped))
    }
}
