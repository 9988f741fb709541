import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// A detached Ed25519 signature of a proof (`PROOF.sig`, written by `rota sign`).
///
/// Discussion: the signature is over the proof's content, its decompressed JSON Lines, so
/// recompressing the file does not break it, while any change of content does. `signedSHA256` repeats the digest of those bytes so a reader can tell "this proof was
/// changed after signing" from "signed by another key"; the signature is what counts.
///
/// ```json
/// { "algorithm": "Ed25519", "format": "rota-proof-signature/2", "keyId": "5c0f2a93d1e47b68",
///   "signature": "q0v7…==", "signedSHA256": "0d4e…" }
/// ```
public struct ProofSignature: Codable, Sendable, Hashable {
    public static let formatVersion = "rota-proof-signature/2"
    public static let ed25519 = "Ed25519"

    public var format: String
    /// Always `Ed25519`.
    public var algorithm: String
    /// `SigningKeyFile.keyId` of the signing key's public half.
    public var keyId: String
    /// SHA-256 (hex) of the signed bytes: the proof's decompressed content.
    public var signedSHA256: String
    /// The 64-byte Ed25519 signature, base64.
    public var signature: String

    public init(keyId: String, signedSHA256: String, signature: String) {
        self.format = ProofSignature.formatVersion; self.algorithm = ProofSignature.ed25519
        self.keyId = keyId; self.signedSHA256 = signedSHA256; self.signature = signature
    }

    /// The bytes `rota sign` writes (canonical member order, indented, final newline).
    public func jsonData() throws -> Data { CanonicalJSON.pretty(try JSONValue(encoding: self)) }

    /// Reads a signature file.
    public static func decode(_ data: Data) throws -> ProofSignature {
        try JSONDecoder().decode(ProofSignature.self, from: data)
    }
}
