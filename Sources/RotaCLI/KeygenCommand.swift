import Foundation
import ArgumentParser
import Rota

/// `rota keygen --out DIR`: makes an Ed25519 key pair for signing proofs.
///
/// Writes `DIR/rota-proof-key.pem` (the private key, PKCS #8 PEM, readable by its owner only)
/// and `DIR/rota-proof-key.pub.pem` (the public key, SubjectPublicKeyInfo PEM), and prints the
/// key id. Existing key files are never replaced unless `--force` is given.
///
/// ```text
/// $ rota keygen --out keys
/// Wrote keys/rota-proof-key.pem (private: keep it secret) and keys/rota-proof-key.pub.pem (public)
/// key id 5c0f2a93d1e47b68
/// ```
struct KeygenCommand: ParsableCommand {
    static let privateName = "rota-proof-key.pem"
    static let publicName = "rota-proof-key.pub.pem"

    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 key pair for signing proofs (PEM files).",
        discussion: """
            Writes DIR/\(privateName) (private, mode 0600) and DIR/\(publicName). Give the \
            public key to whoever checks your proofs (rota check-proof --key); keep the private \
            key for rota sign. Exit 0: written; 2: the folder cannot be written or a key file \
            exists (use --force to replace it).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write the two key files to (created if missing).", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Replace key files that already exist in the folder.")
    var force = false

    func validate() throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDir), !isDir.boolValue {
            throw ValidationError("--out \(out): is a file, not a folder")
        }
    }

    func run() throws {
        let key = ProofSigningKey()
        let privatePath = (out as NSString).appendingPathComponent(Self.privateName)
        let publicPath = (out as NSString).appendingPathComponent(Self.publicName)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            if !force {
                for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
                    printError("rota keygen: \(path) exists; not replaced (use --force to replace the key pair)")
                    throw ExitCode(2)
                }
            }
            try write(SigningKeyFile.pem(privateKey: key), to: privatePath, mode: 0o600)
            try write(SigningKeyFile.pem(publicKey: key.publicKey), to: publicPath, mode: 0o644)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("rota keygen: cannot write to \(out): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print("Wrote \(privatePath) (private: keep it secret) and \(publicPath) (public)")
        print("key id \(SigningKeyFile.keyId(key.publicKey))")
    }

    /// Creates `path` afresh with `mode` from the start, so a private key is never readable by
    /// others, not even for a moment.
    private func write(_ text: String, to path: String, mode: mode_t) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
