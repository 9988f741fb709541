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

    private var proofData: Data {
        let report = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)
        return try! ProofWriter.proof(scenario: Fixture.scenario, plan: Fixture.plan, report: report).jsonData()
    }

    @Test func signatureOverTheProofVerifies() throws {
        let data = proofData
        let sig = try ProofSigner.sign(proof: data, with: key)
        #expect(sig.algorithm == "Ed25519")
        #expect(sig.keyId == SigningKeyFile.keyId(key.publicKey))
        #expect(sig.keyId.count == 16)
        #expect(try ProofSigner.verify(proof: data, signature: sig, publicKey: key.publicKey).isEmpty)
        // The signature file round-trips, and re-indenting the proof does not break it.
        let reread = try ProofSignature.decode(try sig.jsonData())
        #expect(reread == sig)
        let compact = try CanonicalJSON.canonicalize(data)
        #expect(try ProofSigner.verify(proof: compact, signature: reread, publicKey: key.publicKey).isEmpty)
    }

    @Test func aProofFileIsReadForSigningOnceWithItsCanonicalBytes() throws {
        let dir = FixtureDirectory()
        let data = proofData
        // An unknown field would be signed but checked by nothing: it is refused, on its line.
        let text = String(decoding: data, as: UTF8.self)
        let extra = text.replacingOccurrences(of: "{\n  \"digestAlgorithm\"", with: "{\n  \"approvedBy\": \"x\",\n  \"digestAlgorithm\"")
        let extraPath = dir.write("extra.json", extra)
        do { _ = try ProofReader.readCanonical(path: extraPath); Issue.record("an unknown field was signed") } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.hasSuffix(": approvedBy: unknown field (expected only the fields of docs/proof-format.md)") })
        }
        let path = dir.write("proof.json", text)
        let (proof, canonical) = try ProofReader.readCanonical(path: path)
        #expect(proof == (try ProofReader.read(path: path)).proof)
        #expect(canonical == (try CanonicalJSON.canonicalize(Data(text.utf8))))
        let signature = try ProofSigner.sign(canonicalProof: canonical, with: key)
        #expect(signature.signedSHA256 == (try ProofSigner.sign(proof: Data(text.utf8), with: key)).signedSHA256)
        #expect(try ProofSigner.verify(proof: Data(text.utf8), signature: signature, publicKey: key.publicKey).isEmpty)

        // Problems as `read(path:)` names them: a syntax error on its line, before decoding.
        for bad in ["{\n  \"format\": \n}", "{\"format\": \"rota-proof/1\"}", "[1, 2"] {
            let path = dir.write("bad.json", bad)
            var read: [String] = [], forSigning: [String] = []
            do { _ = try ProofReader.read(path: path) } catch { read = error.diagnostics.map(\.description) }
            do { _ = try ProofReader.readCanonical(path: path) } catch { forSigning = error.diagnostics.map(\.description) }
            #expect(!read.isEmpty && forSigning == read, "\(bad)")
        }
    }

    @Test func signatureOverATamperedProofFails() throws {
        let data = proofData
        let sig = try ProofSigner.sign(proof: data, with: key)
        let text = String(decoding: data, as: UTF8.self)
        let tampered = Data(text.replacingOccurrences(of: "\"verdict\": \"pass\"", with: "\"verdict\": \"fail\"").utf8)
        #expect(tampered != data)
        let m = try ProofSigner.verify(proof: tampered, signature: sig, publicKey: key.publicKey)
        #expect(m.map(\.field) == ["signed proof digest", "signature"])
    }

    @Test func signatureByAnotherKeyFails() throws {
        let data = proofData
        let other = Curve25519.Signing.PrivateKey()
        let sig = try ProofSigner.sign(proof: data, with: other)
        let m = try ProofSigner.verify(proof: data, signature: sig, publicKey: key.publicKey)
        #expect(m.map(\.field) == ["signature key id", "signature"])
        // A forged key id does not help.
        var forged = sig
        forged.keyId = SigningKeyFile.keyId(key.publicKey)
        #expect(try ProofSigner.verify(proof: data, signature: forged, publicKey: key.publicKey).map(\.field) == ["signature"])
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
