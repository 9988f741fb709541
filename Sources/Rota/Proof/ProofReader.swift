import Foundation

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
    public static func decode<T: Decodable>(_ type: T.Type, _ data: Data, file: String) throws(InputError) -> T {
        do {
            _ = try JSONParser.parse(data)
        } catch {
            let line = data.prefix(error.offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError([Diagnostic(file: file, line: line, path: "(whole file)", message: "not valid JSON: \(error.message)")])
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw InputError([Diagnostic(file: file, line: 0, path: PlanReader.path(ctx.codingPath + [key]), message: "missing field",
                                         expected: "see docs/proof-format.md")])
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw InputError([Diagnostic(file: file, line: 0, path: PlanReader.path(ctx.codingPath), message: "wrong kind of value")])
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw InputError([Diagnostic(file: file, line: 0, path: PlanReader.path(ctx.codingPath), message: "null value")])
        } catch let DecodingError.dataCorrupted(ctx) {
            throw InputError([Diagnostic(file: file, line: 0, path: PlanReader.path(ctx.codingPath), message: ctx.debugDescription)])
        } catch {
            throw InputError([Diagnostic(file: file, line: 0, path: "(whole file)", message: String(describing: error))])
        }
    }
}
