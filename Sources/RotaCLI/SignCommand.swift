import Foundation
import ArgumentParser
import Rota

/// `rota sign --key KEY PROOF`: writes `PROOF.sig`, a detached Ed25519 signature over the
/// proof's canonical JSON bytes, with the signing key's id.
///
/// ```text
/// $ rota sign --key keys/rota-proof-key.pem out/proof.jsonl.gz
/// Signed out/proof.jsonl.gz with key 5c0f2a93d1e47b68: wrote out/proof.jsonl.gz.sig
/// ```
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a proof.jsonl.gz with an Ed25519 private key, writing PROOF.sig.",
        discussion: """
            The signature covers the proof's content (its JSON Lines, decompressed), so \
            recompressing the proof keeps it valid and any change of content breaks it. Keys: `rota keygen`, or \
            any Ed25519 PKCS #8 PEM key (openssl genpkey -algorithm ed25519), or 32 raw key \
            bytes in base64. Exit 0: signed; 2: the key or the proof cannot be read or the \
            signature cannot be written.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The Ed25519 private key (PEM, or the 32 raw bytes in base64).", valueName: "private-key"))
    var key: String

    @Argument(help: "The proof.jsonl.gz file to sign.")
    var proof: String

    @Option(name: .long, help: ArgumentHelp("Where to write the signature (default: PROOF.sig).", valueName: "file"))
    var out: String?

    func validate() throws {
        if let out, URL(fileURLWithPath: out).standardizedFileURL == URL(fileURLWithPath: proof).standardizedFileURL {
            throw ValidationError("--out \(out): would overwrite the proof itself")
        }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var privateKey: ProofSigningKey?
        var read: (proof: ComplianceProof, stream: [UInt8])?
        do {
            privateKey = try SigningKeyFile.privateKey(from: try ProofReader.bytes(key, what: "private key"))
        } catch let error as InputError {
            diagnostics += error.diagnostics
        } catch {
            diagnostics.append(Diagnostic(file: key, line: 0, path: "(whole file)", message: "\(error)"))
        }
        do { read = try ProofReader.read(path: proof) } catch { diagnostics += error.diagnostics }
        guard let privateKey, let read, diagnostics.isEmpty else {
            for d in diagnostics.sorted() { printError(d.description) }
            throw ExitCode(2)
        }
        let path = out ?? proof + ".sig"
        let signature = try ProofSigner.sign(stream: read.stream, with: privateKey)
        try replaceFileOrExit(path, with: .data(try signature.jsonData()), command: "sign")
        print("Signed \(proof) with key \(signature.keyId): wrote \(path)")
    }
}
