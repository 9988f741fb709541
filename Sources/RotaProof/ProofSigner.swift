import Foundation
import Crypto
import RotaCore
import RotaInput
import RotaVerifier

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
        try sign(canonicalProof: try CanonicalJSON.canonicalize(data), with: key)
    }

    /// The signature of a proof whose canonical bytes are `message`
    /// (`ProofReader.readCanonical(path:)`).
    public static func sign(canonicalProof message: Data, with key: Curve25519.Signing.PrivateKey) throws -> ProofSignature {
        let signature = try key.signature(for: message)
        return ProofSignature(keyId: SigningKeyFile.keyId(key.publicKey), signedSHA256: Digest.hex(message),
                              signature: signature.base64EncodedString())
    }

    /// What is wrong with `signature` as a signature of `data` by `publicKey`; empty when it
    /// is valid. Throws when `data` is not JSON.
    public static func verify(proof data: Data, signature: ProofSignature,
                              publicKey: Curve25519.Signing.PublicKey) throws(JSONParseError) -> [ProofMismatch] {
        verify(canonicalProof: try CanonicalJSON.canonicalize(data), signature: signature, publicKey: publicKey)
    }

    /// What is wrong with `signature` as a signature, by `publicKey`, of a proof whose canonical
    /// bytes are `message` (`ProofChecker.FileCheck.canonicalBytes()`); empty when it is valid.
    public static func verify(canonicalProof message: Data, signature: ProofSignature,
                              publicKey: Curve25519.Signing.PublicKey) -> [ProofMismatch] {
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
