import Foundation
import Crypto
import RotaCore
import RotaInput
import RotaVerifier

/// Signs proof files and checks their signatures (Ed25519, swift-crypto).
///
/// Discussion: the signed message is the proof's content: the gzip file decompressed, its
/// JSON Lines exactly (`ProofReader.stream`). Recompressing the file keeps a signature valid;
/// any change of content breaks it. Verifying needs the signer's public key from a trusted
/// source (the commission's own register of hospital keys), never one shipped beside the proof.
///
/// ```swift
/// let key = Curve25519.Signing.PrivateKey()
/// let stream = try ProofReader.stream(fileData, path: "proof.jsonl.gz")
/// let sig = try ProofSigner.sign(stream: stream, with: key)
/// ProofSigner.verify(stream: stream, signature: sig, publicKey: key.publicKey)   // []
/// ```
public enum ProofSigner {
    public static func sign(stream: [UInt8], with key: Curve25519.Signing.PrivateKey) throws -> ProofSignature {
        let message = Data(stream)
        let signature = try key.signature(for: message)
        return ProofSignature(keyId: SigningKeyFile.keyId(key.publicKey), signedSHA256: Digest.hex(message),
                              signature: signature.base64EncodedString())
    }

    public static func verify(stream: [UInt8], signature: ProofSignature,
                              publicKey: Curve25519.Signing.PublicKey) -> [ProofMismatch] {
        let message = Data(stream)
        var out: [ProofMismatch] = []
        func field(_ name: String, _ claimed: String, _ recomputed: String, _ hint: String) {
            if claimed != recomputed {
                out.append(ProofMismatch(instance: nil, field: name, proofValue: claimed, recomputedValue: "\(recomputed) \(hint)",
                                         claimant: "the signature file says"))
            }
        }
        let keyId = SigningKeyFile.keyId(publicKey)
        field("signature format", signature.format, ProofSignature.formatVersion, "(not a rota signature file)")
        field("signature algorithm", signature.algorithm, ProofSignature.ed25519, "(rota signs with Ed25519 only)")
        field("signature key id", signature.keyId, keyId, "from the public key given (signed with another key)")
        field("signed proof digest", signature.signedSHA256, Digest.hex(message), "(the proof was changed after signing)")
        let valid = Data(base64Encoded: signature.signature).map { publicKey.isValidSignature($0, for: message) } ?? false
        if !valid {
            out.append(ProofMismatch(instance: nil, field: "signature", proofValue: "a signature by key \(signature.keyId)",
                                     recomputedValue: "it is not a valid Ed25519 signature of this proof by key \(keyId)",
                                     claimant: "the signature file holds", finder: "but"))
        }
        return out
    }
}
