import Foundation
import Crypto
import _CryptoExtras

/// Slow password hashes: PBKDF2-HMAC-SHA256 (swift-crypto's `_CryptoExtras`) with a random
/// 16-byte salt, stored as `pbkdf2-sha256$ITERATIONS$SALT$HASH` (base64).
///
/// Discussion: 210,000 iterations is OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the count is
/// stored with each hash, so raising it later keeps old hashes checkable. Comparison is in
/// constant time.
///
/// ```swift
/// let stored = PasswordHash.make("correct horse")
/// PasswordHash.check("correct horse", against: stored)   // true
/// ```
public enum PasswordHash {
    public static let iterations = 210_000

    public static func make(_ password: String, iterations: Int = iterations) -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        return "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(derive(password, salt: salt, iterations: iterations).base64EncodedString())"
    }

    public static func check(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let n = Int(parts[1]), n > 0,
              let salt = Data(base64Encoded: parts[2]), let hash = Data(base64Encoded: parts[3]) else { return false }
        let got = derive(password, salt: Array(salt), iterations: n)
        guard got.count == hash.count else { return false }
        return zip(got, hash).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> Data {
        let key = try! KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Data($0) }
    }
}
