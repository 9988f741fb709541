import Crypto
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

@Suite struct ProofSignerTests {
    let key = Curve25519.Signing.PrivateKey()

    private var proof: ComplianceProof {
        let report = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)
        return ProofWriter.proof(scenario: Fixture.scenario, plan: Fixture.plan, report: report)
    }

    /// The proof's content, as a signature covers it.
    private var stream: [UInt8] { Array(try! proof.lines().all.joined()) }

    @Test func signatureOverTheProofVerifies() throws {
        let data = try proof.fileData()
        let content = try ProofReader.stream(data, path: "p")
        #expect(content == stream)
        let sig = try ProofSigner.sign(stream: content, with: key)
        #expect(sig.algorithm == "Ed25519")
        #expect(sig.format == "rota-proof-signature/2")
        #expect(sig.keyId == SigningKeyFile.keyId(key.publicKey))
        #expect(sig.keyId.count == 16)
        #expect(sig.signedSHA256 == Digest.hex(Data(content)))
        #expect(ProofSigner.verify(stream: content, signature: sig, publicKey: key.publicKey).isEmpty)
        // The signature file round-trips, and recompressing the proof does not break it.
        let reread = try ProofSignature.decode(try sig.jsonData())
        #expect(reread == sig)
        let recompressed = GzipStream.compress([content], level: 1, members: 1)
        #expect(recompressed != data)
        #expect(ProofSigner.verify(stream: try ProofReader.stream(recompressed, path: "p"), signature: reread, publicKey: key.publicKey).isEmpty)
    }

    @Test func aProofFileIsReadForSigningStrictly() throws {
        let dir = FixtureDirectory()
        let lines = try proof.lines()
        // An unknown field would be signed but checked by nothing: it is refused, on its line.
        let text = String(decoding: lines.header, as: UTF8.self).replacingOccurrences(of: "{\"digestAlgorithm\"", with: "{\"approvedBy\":\"x\",\"digestAlgorithm\"")
        let extraPath = dir.write("extra.jsonl.gz", bytes: Array(GzipStream.compress([Array(text.utf8)] + lines.instances)))
        do { _ = try ProofReader.read(path: extraPath); Issue.record("an unknown field was signed") } catch {
            #expect(error.diagnostics.map(\.description) == ["\(extraPath):1: approvedBy: unknown field (expected only the fields of docs/proof-format.md)"])
        }
        let path = dir.write("proof.jsonl.gz", bytes: Array(try proof.fileData()))
        let read = try ProofReader.read(path: path)
        #expect(read.proof == proof)
        #expect(read.stream == stream)
        // Not gzip, a plain JSON proof of the old format: refused with what is expected.
        let old = dir.write("proof.json", "{\"format\": \"rota-proof/1\"}")
        do { _ = try ProofReader.read(path: old); Issue.record("read") } catch {
            #expect(error.diagnostics.map(\.description) == ["\(old):1: (whole file): not a gzip file (it does not start with the gzip bytes 1f 8b) (expected a gzip file of JSON Lines, as rota writes proof.jsonl.gz; see docs/proof-format.md)"])
        }
    }

    @Test func signatureOverATamperedProofFails() throws {
        let content = stream
        let sig = try ProofSigner.sign(stream: content, with: key)
        let text = String(decoding: content, as: UTF8.self)
        let tampered = Array(text.replacingOccurrences(of: "\"verdict\":\"pass\"", with: "\"verdict\":\"fail\"").utf8)
        #expect(tampered != content)
        let m = ProofSigner.verify(stream: tampered, signature: sig, publicKey: key.publicKey)
        #expect(m.map(\.field) == ["signed proof digest", "signature"])
    }

    @Test func signatureByAnotherKeyFails() throws {
        let content = stream
        let other = Curve25519.Signing.PrivateKey()
        let sig = try ProofSigner.sign(stream: content, with: other)
        let m = ProofSigner.verify(stream: content, signature: sig, publicKey: key.publicKey)
        #expect(m.map(\.field) == ["signature key id", "signature"])
        // A forged key id does not help.
        var forged = sig
        forged.keyId = SigningKeyFile.keyId(key.publicKey)
        #expect(ProofSigner.verify(stream: content, signature: forged, publicKey: key.publicKey).map(\.field) == ["signature"])
    }

    @Test func keyFilesRoundTripInPEMAndBase64() throws {
        let privatePEM = SigningKeyFile.pem(privateKey: key)
        let publicPEM = SigningKeyFile.pem(publicKey: key.publicKey)
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"))
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
        #expect(try SigningKeyFile.privateKey(from: Data(privatePEM.utf8)).rawRepresentation == key.rawRepresentation)
        #expect(try SigningKeyFile.publicKey(from: Data(publicPEM.utf8)).rawRepresentation == key.publicKey.rawRepresentation)
        let b64 = key.publicKey.rawRepresentation.base64EncodedString() + "\n"
        #expect(try SigningKeyFile.publicKey(from: Data(b64.utf8)).rawRepresentation == key.publicKey.rawRepresentation)
        #expect(try SigningKeyFile.privateKey(from: key.rawRepresentation).rawRepresentation == key.rawRepresentation)
    }

    @Test func keyOfTheWrongKindIsRefused() {
        #expect(throws: SigningKeyError.self) {
            try SigningKeyFile.publicKey(from: Data(SigningKeyFile.pem(privateKey: key).utf8))
        }
        #expect(throws: SigningKeyError.self) {
            try SigningKeyFile.privateKey(from: Data(SigningKeyFile.pem(publicKey: key.publicKey).utf8))
        }
        #expect(throws: SigningKeyError.self) { try SigningKeyFile.publicKey(from: Data("not a key".utf8)) }
        #expect(throws: SigningKeyError.self) { try SigningKeyFile.publicKey(from: Data("AAAA".utf8)) }
    }

    /// A key file with two keys would be read as its first: which one is meant is a guess, so
    /// the file is refused.
    @Test func aKeyFileWithTwoKeysIsRefused() {
        let other = Curve25519.Signing.PrivateKey()
        let two = SigningKeyFile.pem(publicKey: key.publicKey) + SigningKeyFile.pem(publicKey: other.publicKey)
        #expect(throws: SigningKeyError("more than one PEM block in the file; give a file with exactly one key")) {
            try SigningKeyFile.publicKey(from: Data(two.utf8))
        }
        #expect(throws: SigningKeyError.self) {
            try SigningKeyFile.privateKey(from: Data((SigningKeyFile.pem(privateKey: key) + SigningKeyFile.pem(privateKey: other)).utf8))
        }
        #expect(throws: Never.self) { try SigningKeyFile.publicKey(from: Data(SigningKeyFile.pem(publicKey: key.publicKey).utf8)) }
    }
}
