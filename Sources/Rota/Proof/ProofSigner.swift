import Crypto
import Foundation

/// Signs proof files and checks their signatures (Ed25519, swift-crypto).
///
/// Discussion: the signed message is the canonical JSON (RFC 8785, `CanonicalJSON`) of the
/// proof file's content. Verifying needs the signer's public key from a trusted source (the
/// commission's own register of hospital keys), never one shipped beside the proof.
///
/// ```swift
/// let key = Curve25519.Signing.PrivateKey()
/// let sig = try ProofSigner.sign(proof: proofData, with: key)
/// try ProofSigner.verify(proof: proofData, signature: sig, publicKey: key.publicKey)   // []
/// ```
public enum ProofSigner {
    /// The signature of a proof file's bytes (parsed strictly, then canonicalised).
    public static func sign(proof data: Data, with key: Curve25519.Signing.PrivateKey) throws -> ProofSignature {
        let message = try CanonicalJSON.canonicalize(data)
        let signature = try key.signature(for: message)
        return ProofSignature(keyId: SigningKeyFile.keyId(key.publicKey), signedSHA256: Digest.hex(message),
                              signature: signature.base64EncodedString())
    }

    /// What is wrong with `signature` as a signature of `data` by `publicKey`; empty when it
    /// is valid. Throws when `data` is not JSON.
    public static func verify(proof data: Data, signature: ProofSignature,
                              publicKey: Curve25519.Signing.PublicKey) throws(JSONParseError) -> [ProofMismatch] {
        let message = try CanonicalJSON.canonicalize(data)
        var out: [ProofMismatch] = []
        func field(_ name: String, _ claimed: String, _ recomputed: String) {
            if claimed != recomputed {
                out.append(ProofMismatch(instance: nil, field: name, proofValue: claimed, recomputedValue: recomputed))
            }
        }
        field("signature format", signature.format, ProofSignature.formatVersion)
        field("signature algorithm", signature.algorithm, ProofSignature.ed25519)
        field("signature key id", signature.keyId, SigningKeyFile.keyId(publicKey))
        field("signed proof digest", signature.signedSHA256, Digest.hex(message))
        let valid = Data(base64Encoded: signature.signature).map { publicKey.isValidSignature($0, for: message) } ?? false
        if !valid {
            out.append(ProofMismatch(instance: nil, field: "signature", proofValue: "signed by key \(signature.keyId)",
                                     recomputedValue: "not a valid Ed25519 signature of this proof by key \(SigningKeyFile.keyId(publicKey))"))
        }
        return out
    }
}
