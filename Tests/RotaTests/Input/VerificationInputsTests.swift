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

/// `VerificationInputs` reads a verification's files side by side: the rota with its digest,
/// a proof as bytes and decompressed, and every file's problems in the order of the files.
@Suite struct VerificationInputsTests {
    @Test func theRotaComesWithItsDigestAndTheProofAsBytes() {
        let dir = FixtureDirectory()
        let rota = dir.write("rota.csv", RotaCSVText.write(RotaVerificationFixture.entries))
        let content = Array("{\"not\": \"checked here\"}\n".utf8)
        let file = GzipStream.compress([content])
        let proof = dir.write("proof.jsonl.gz", bytes: Array(file))
        let inputs = VerificationInputs.read(scenario: dir.path + "/none.yaml", plan: dir.path + "/none.json", rota: rota, proof: proof)
        #expect(inputs.rota == RotaVerificationFixture.entries)
        // The digest is of the file's bytes: any edit, a display column's too, changes it.
        let bytes = Data(RotaCSVText.write(RotaVerificationFixture.entries).utf8)
        #expect(inputs.rotaDigest == Digest.hex(bytes))
        #expect(inputs.digests == ["rota": Digest.hex(bytes)])
        // The proof as bytes, and decompressed (not decoded: that is check-proof's business).
        #expect(inputs.proof == file)
        #expect(inputs.proofStream == content)
        #expect(inputs.rotaFile?.file == rota)
    }

    @Test func everyFilesProblemsComeInTheOrderOfTheFiles() {
        let dir = FixtureDirectory()
        let names = ["s.yaml", "p.json", "r.csv", "proof.jsonl.gz"].map { dir.path + "/" + $0 }
        for _ in 0..<5 {   // whichever thread finishes first
            let inputs = VerificationInputs.read(scenario: names[0], plan: names[1], rota: names[2], proof: names[3])
            #expect(inputs.diagnostics.map(\.file) == names)
            #expect(inputs.scenario == nil && inputs.plan == nil && inputs.rota == nil && inputs.proof == nil && inputs.digests.isEmpty)
        }
        let withoutRota = VerificationInputs.read(scenario: names[0], plan: names[1], rota: nil)
        #expect(withoutRota.diagnostics.map(\.file) == Array(names.prefix(2)))
        #expect(withoutRota.rotaFile == nil)
    }
}
