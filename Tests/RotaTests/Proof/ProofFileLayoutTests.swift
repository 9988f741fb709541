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

/// `ProofChecker.check(file:path:recomputed:)`: an unchanged file is confirmed by its bytes,
/// a file in rota's layout that differs is decoded instance by instance, any other file whole —
/// and all three paths find exactly what decoding the whole file finds.
@Suite struct ProofFileLayoutTests {
    let recomputed: ComplianceProof = {
        let report = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)
        return ProofWriter.proof(scenario: Fixture.scenario, plan: Fixture.plan, report: report)
    }()

    /// What decoding the whole file and comparing every field finds.
    private func wholeFileMismatches(_ data: Data) throws -> [ProofMismatch] {
        ProofChecker.compare(claimed: try ComplianceProof.decode(data), recomputed: recomputed) + ProofChecker.unknownFields(in: data)
    }

    private func check(_ data: Data) throws -> ProofChecker.FileCheck {
        try ProofChecker.check(file: data, path: "proof.json", recomputed: recomputed)
    }

    /// The file as a JSON value, edited, written back in rota's layout.
    private func edited(_ edit: (inout [String: JSONValue], inout [JSONValue]) -> Void) throws -> Data {
        guard case .object(var top) = try JSONParser.parse(try recomputed.jsonData()),
              case .array(var instances) = top["instances"]! else { throw CancellationError() }
        edit(&top, &instances)
        top["instances"] = .array(instances)
        return CanonicalJSON.pretty(.object(top))
    }

    private func member(_ value: JSONValue, _ key: String, _ new: JSONValue) -> JSONValue {
        guard case .object(var m) = value else { return value }
        m[key] = new
        return .object(m)
    }

    @Test func theFileRotaWroteSplitsIntoItsInstances() throws {
        let bytes = Array(try recomputed.jsonData())
        let layout = try #require(ProofFileLayout.split(bytes))
        #expect(layout.instances.count == recomputed.instances.count)
        #expect(try JSONParser.parse(layout.instances[3]) == JSONValue(encoding: recomputed.instances[3]))
        var empty = recomputed
        empty.instances = []
        #expect(try JSONParser.parse(layout.skeleton) == JSONValue(encoding: empty))
        #expect(ProofFileLayout.split(Array(try empty.jsonData()))?.instances.count == 0)
        #expect(ProofFileLayout.split(Array(try recomputed.canonicalData())) == nil)
    }

    @Test func anUnchangedFileIsConfirmedByItsBytes() throws {
        let result = try check(try recomputed.jsonData())
        #expect(result.mismatches.isEmpty)
        #expect(result.claimed == recomputed)
        #expect(try result.canonicalBytes() == recomputed.canonicalData())
    }

    @Test func editsAreFoundAsDecodingTheWholeFileFindsThem() throws {
        let n = recomputed.instances.count
        let files: [Data] = [
            try edited { _, i in i[5] = member(i[5], "verdict", .string("fail")) },
            try edited { _, i in i[0] = member(i[0], "arithmetic", .string("6 ≥ 5")); i[n - 1] = member(i[n - 1], "approvedBy", .string("yes")) },
            try edited { _, i in i.remove(at: 7) },
            try edited { _, i in i.append(i[2]) },
            try edited { top, _ in top["verdict"] = .string("fail"); top["signedBy"] = .string("菏泽市卫健委") },
            try edited { top, i in top["digests"] = member(top["digests"]!, "plan", .string("00")); i = [] },
        ]
        for data in files {
            let result = try check(data)
            #expect(!result.mismatches.isEmpty)
            #expect(Set(result.mismatches) == Set(try wholeFileMismatches(data)))
            #expect(try result.canonicalBytes() == CanonicalJSON.canonicalize(data))
        }
        // The order of the instances carries no meaning: a reordered file is confirmed.
        let reordered = try edited { _, i in i.swapAt(1, 2) }
        #expect(try check(reordered).mismatches.isEmpty)
        #expect(try wholeFileMismatches(reordered).isEmpty)
    }

    @Test func aFileInAnotherLayoutIsDecodedWhole() throws {
        let compact = try recomputed.canonicalData()
        #expect(try check(compact).mismatches.isEmpty)
        let edited = Data(String(decoding: compact, as: UTF8.self).replacingOccurrences(of: #""verdict":"pass""#, with: #""verdict":"fail""#).utf8)
        let result = try check(edited)
        #expect(!result.mismatches.isEmpty)
        #expect(result.mismatches == (try wholeFileMismatches(edited)))
    }

    @Test func anInstanceThatIsNotJSONIsReportedWithItsLine() throws {
        var text = String(decoding: try recomputed.jsonData(), as: UTF8.self)
        let range = try #require(text.range(of: #""verdict": "pass""#))
        text.replaceSubrange(range, with: #""verdict": pass"#)
        let error = try #require(throws: InputError.self) { try check(Data(text.utf8)) }
        #expect((error.diagnostics.first?.line ?? 0) > 1)
    }
}
