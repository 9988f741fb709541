import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// Reads proof.json and PROOF.sig files for `rota check-proof` and `rota sign`, turning every
/// way they can be unreadable into a `Diagnostic` (exit 2) instead of a crash.
///
/// Discussion: a proof that decodes is returned however wrong its contents — those are
/// mismatches for `ProofChecker` (exit 1). The file's bytes are returned too, because a
/// signature is checked over them (canonicalised), not over the decoded value.
///
/// ```swift
/// let (proof, bytes) = try ProofReader.read(path: "out/proof.json")
/// ```
public enum ProofReader {
    /// Reads and decodes a proof file: the proof and the file's bytes.
    public static func read(path: String) throws(InputError) -> (proof: ComplianceProof, data: Data) {
        let data = try bytes(path, what: "proof")
        return (try decode(ComplianceProof.self, data, file: path), data)
    }

    /// Reads and decodes a detached signature file.
    public static func readSignature(path: String) throws(InputError) -> ProofSignature {
        try decode(ProofSignature.self, try bytes(path, what: "signature"), file: path)
    }

    /// A file's bytes, or a diagnostic naming `what` it should have been.
    public static func bytes(_ path: String, what: String) throws(InputError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) }
        catch {
            let ns = error as NSError
            let reason = ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError ? "no such file" : ns.localizedDescription
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)", message: "cannot read the \(what) file (\(reason))")])
        }
    }

    /// Decodes a JSON file's bytes, or lists why they are not that kind of file.
    public static func decode<T: Codable>(_ type: T.Type, _ data: Data, file: String) throws(InputError) -> T {
        try decoded(type, data, file: file)
    }

    /// Reads a proof file to sign it: the proof it holds (decoded as `read(path:)` decodes it)
    /// and the canonical bytes (RFC 8785) of the file's content, which a signature covers.
    ///
    /// Discussion: the file is parsed once, and its canonical bytes made from that parse; the
    /// decoding, the slower half on a year's proof (about 100 MB), runs beside it on another
    /// core. A syntax error is reported as `decode` reports it, before any decoding problem.
    ///
    /// ```swift
    /// let (proof, message) = try ProofReader.readCanonical(path: "out/proof.json")
    /// let signature = try ProofSigner.sign(canonicalProof: message, with: key)
    /// ```
    public static func readCanonical(path: String) throws(InputError) -> (proof: ComplianceProof, canonical: Data) {
        let data = try bytes(path, what: "proof")
        let halves = ParallelJobs.run(count: 2, threads: 2) { half -> Result<SigningHalf, InputError> in
            do throws(InputError) {
                return .success(half == 0 ? .proof(try decoded(ComplianceProof.self, data, file: path))
                                          : .canonical(CanonicalJSON.data(try parsed(data, file: path))))
            } catch {
                return .failure(error)
            }
        }
        // The syntax error, if any, first; then a decoding problem.
        guard case .canonical(let canonical) = try halves[1].get(), case .proof(let proof) = try halves[0].get() else {
            preconditionFailure("each half gives its own result")
        }
        return (proof, canonical)
    }

    /// What each half of `readCanonical` gives.
    private enum SigningHalf: Sendable {
        case proof(ComplianceProof)
        case canonical(Data)
    }

    /// The JSON value of a file's bytes, or the syntax error on its line.
    private static func parsed(_ data: Data, file: String) throws(InputError) -> JSONValue {
        do {
            return try JSONParser.parse(data)
        } catch {
            let line = data.prefix(error.offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError([Diagnostic(file: file, line: line, path: "(whole file)", message: "not valid JSON: \(error.message)")])
        }
    }

    /// The file's bytes decoded as `type` strictly (no key twice, no unknown field), or why
    /// they are not that kind of file.
    private static func decoded<T: Codable>(_ type: T.Type, _ data: Data, file: String) throws(InputError) -> T {
        try StrictJSON.decode(type, from: data, file: file, format: "docs/proof-format.md")
    }
}
