import Foundation
import Crypto
import RotaCore
import RotaInput
import RotaVerifier

/// The private key that signs proofs (Ed25519).
public typealias ProofSigningKey = Curve25519.Signing.PrivateKey
/// The public key that checks proof signatures (Ed25519).
public typealias ProofVerifyingKey = Curve25519.Signing.PublicKey

/// Why a key file cannot be used.
public struct SigningKeyError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Ed25519 key files for signing proofs (`rota keygen`, `rota sign`, `rota check-proof --key`).
///
/// Discussion: `rota keygen` writes PEM, the form OpenSSL and most tools read and write:
/// - private key: `-----BEGIN PRIVATE KEY-----`, PKCS #8 (RFC 8410) — the DER bytes
///   `30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20` followed by the 32-byte seed, in base64;
///   `openssl genpkey -algorithm ed25519` writes the same;
/// - public key: `-----BEGIN PUBLIC KEY-----`, SubjectPublicKeyInfo — `30 2a 30 05 06 03 2b
///   65 70 03 21 00` followed by the 32-byte key (`openssl pkey -pubout`).
///
/// Also read: the 32 raw key bytes in base64 on one line (whitespace ignored), or a file of
/// exactly the 32 raw bytes. A raw key does not say whether it is private or public; it is
/// taken as whichever the command asks for. A PEM key of the wrong kind is refused, so a
/// private key is never handed to a checker by mistake.
///
/// The key id is the first 16 hex digits of the SHA-256 of the 32 raw public-key bytes: a
/// label for finding the right key, not a security measure (the signature itself is checked).
///
/// ```swift
/// let key = Curve25519.Signing.PrivateKey()
/// let pem = SigningKeyFile.pem(privateKey: key)          // "-----BEGIN PRIVATE KEY-----\nMC4C…"
/// try SigningKeyFile.privateKey(from: Data(pem.utf8)).rawRepresentation == key.rawRepresentation  // true
/// SigningKeyFile.keyId(key.publicKey)                    // "5c0f2a93d1e47b68"
/// ```
public enum SigningKeyFile {
    static let privatePrefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let publicPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// A private key from a key file's bytes.
    public static func privateKey(from data: Data) throws(SigningKeyError) -> Curve25519.Signing.PrivateKey {
        let raw = try rawKey(data, wanted: "PRIVATE KEY", other: "PUBLIC KEY", prefix: privatePrefix)
        do { return try Curve25519.Signing.PrivateKey(rawRepresentation: raw) }
        catch { throw SigningKeyError("not an Ed25519 private key") }
    }

    /// A public key from a key file's bytes.
    public static func publicKey(from data: Data) throws(SigningKeyError) -> Curve25519.Signing.PublicKey {
        let raw = try rawKey(data, wanted: "PUBLIC KEY", other: "PRIVATE KEY", prefix: publicPrefix)
        do { return try Curve25519.Signing.PublicKey(rawRepresentation: raw) }
        catch { throw SigningKeyError("not an Ed25519 public key") }
    }

    /// The PKCS #8 PEM text of a private key.
    public static func pem(privateKey: Curve25519.Signing.PrivateKey) -> String {
        pem(label: "PRIVATE KEY", der: privatePrefix + Array(privateKey.rawRepresentation))
    }

    /// The SubjectPublicKeyInfo PEM text of a public key.
    public static func pem(publicKey: Curve25519.Signing.PublicKey) -> String {
        pem(label: "PUBLIC KEY", der: publicPrefix + Array(publicKey.rawRepresentation))
    }

    /// First 16 hex digits of SHA-256 of the raw public key.
    public static func keyId(_ key: Curve25519.Signing.PublicKey) -> String {
        String(Digest.hex(key.rawRepresentation).prefix(16))
    }

    private static func pem(label: String, der: [UInt8]) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    private static func rawKey(_ data: Data, wanted: String, other: String, prefix: [UInt8]) throws(SigningKeyError) -> Data {
        if data.count == 32, String(data: data, encoding: .utf8).flatMap({ Data(base64Encoded: $0) }) == nil {
            return data
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SigningKeyError("neither a PEM key, nor a base64 key, nor 32 raw key bytes")
        }
        if let begin = text.range(of: "-----BEGIN ") {
            // One key a file: with two, which one is meant is a guess.
            guard text.components(separatedBy: "-----BEGIN ").count == 2 else {
                throw SigningKeyError("more than one PEM block in the file; give a file with exactly one key")
            }
            let rest = text[begin.upperBound...]
            guard let dashes = rest.range(of: "-----") else { throw SigningKeyError("a PEM header without its closing dashes") }
            let label = String(rest[..<dashes.lowerBound])
            if label == other {
                throw SigningKeyError("this is a \(other.lowercased()); a \(wanted.lowercased()) is needed here")
            }
            guard label == wanted else {
                throw SigningKeyError("a PEM \"\(label)\"; expected an Ed25519 \(wanted) (as rota keygen or openssl genpkey -algorithm ed25519 writes)")
            }
            guard let end = rest.range(of: "-----END \(label)-----") else { throw SigningKeyError("no \"-----END \(label)-----\" line") }
            let body = rest[dashes.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
            guard let der = Data(base64Encoded: String(body)) else { throw SigningKeyError("the PEM body is not base64") }
            guard der.count == prefix.count + 32, Array(der.prefix(prefix.count)) == prefix else {
                throw SigningKeyError("the PEM key is not an Ed25519 key in the plain form rota reads (\(der.count) DER bytes)")
            }
            return der.suffix(32)
        }
        let compact = text.filter { !$0.isWhitespace }
        guard let raw = Data(base64Encoded: compact) else {
            throw SigningKeyError("neither a PEM key, nor a base64 key, nor 32 raw key bytes")
        }
        guard raw.count == 32 else { throw SigningKeyError("a base64 key must be 32 bytes; this one is \(raw.count)") }
        return raw
    }
}
