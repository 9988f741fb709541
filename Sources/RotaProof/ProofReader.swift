import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// Reads proof files (`proof.jsonl.gz`) and signature files, strictly, with located errors.
///
/// Discussion: a proof is a gzip file (`GzipStream`) of JSON Lines (`ProofStream`): the
/// header on line 1, one rule instance per line after it. Each line is decoded strictly
/// (`StrictJSON`: no duplicate keys, no fields outside the format) and errors name the line of
/// the decompressed stream: `proof.jsonl.gz:7: instance: …`. Every instance's rule must have
/// its texts in the header's `rules` table, once.
///
/// ```swift
/// let (proof, stream) = try ProofReader.read(path: "out/proof.jsonl.gz")
/// proof.instances.count   // 163
/// stream.count            // the bytes a signature covers
/// ```
public enum ProofReader {
    /// The most a proof's content may inflate to: a year of a region ten times Heze's.
    public static let contentLimit = 1 << 30

    /// Reads and decodes a proof file; `stream` is its decompressed content.
    public static func read(path: String) throws(InputError) -> (proof: ComplianceProof, stream: [UInt8]) {
        let stream = try stream(try bytes(path, what: "proof"), path: path)
        return (try decode(stream: stream, path: path), stream)
    }

    /// Reads and decodes a signature file.
    public static func readSignature(path: String) throws(InputError) -> ProofSignature {
        try decode(ProofSignature.self, try bytes(path, what: "signature"), file: path)
    }

    /// A file's bytes, or a located error naming what the file was to be.
    public static func bytes(_ path: String, what: String) throws(InputError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) }
        catch {
            let ns = error as NSError
            let reason = ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError ? "no such file" : ns.localizedDescription
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)", message: "cannot read the \(what) file (\(reason))")])
        }
    }

    /// Decodes a JSON file strictly (`StrictJSON`), e.g. a signature.
    public static func decode<T: Codable>(_ type: T.Type, _ data: Data, file: String) throws(InputError) -> T {
        try StrictJSON.decode(type, from: data, file: file, format: "docs/proof-format.md")
    }

    /// The decompressed content of a proof file.
    public static func stream(_ data: Data, path: String) throws(InputError) -> [UInt8] {
        do { return try GzipStream.decompress(data, limit: contentLimit) } catch {
            // Line 1: the stream cannot be read from its first line on.
            throw InputError([Diagnostic(file: path, line: 1, path: "(whole file)", message: error.message,
                                         expected: "a gzip file of JSON Lines, as rota writes proof.jsonl.gz; see docs/proof-format.md")])
        }
    }

    /// The byte ranges of the stream's lines, each with its final `\n`; a stream that does not
    /// end in `\n` has its last line without one.
    public static func lines(_ stream: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        stream.withUnsafeBufferPointer { b in
            for i in 0..<b.count where b[i] == 0x0A {
                out.append(start..<(i + 1)); start = i + 1
            }
        }
        if start < stream.count { out.append(start..<stream.count) }
        return out
    }

    /// Decodes the whole stream.
    public static func decode(stream: [UInt8], path: String) throws(InputError) -> ComplianceProof {
        let ranges = lines(stream)
        let header = try self.header(stream, ranges, path: path)
        let rules = try rulesTable(header, path: path)
        var instances: [ProofInstance] = []
        var problems: [Diagnostic] = []
        instances.reserveCapacity(max(0, ranges.count - 1))
        for (n, range) in ranges.enumerated().dropFirst() {
            do { instances.append(try instance(stream[range], line: n + 1, rules: rules, path: path)) }
            catch { problems += error.diagnostics; if problems.count >= 100 { break } }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return proof(header, instances: instances)
    }

    /// The header, line 1.
    static func header(_ stream: [UInt8], _ ranges: [Range<Int>], path: String) throws(InputError) -> ProofStream.Header {
        guard let first = ranges.first else {
            throw InputError([Diagnostic(file: path, line: 1, path: "(whole file)", message: "the proof holds no line",
                                         expected: "a header line, then one line per rule instance")])
        }
        return try decode(ProofStream.Header.self, Data(stream[first]), line: 1, path: path)
    }

    /// The header's rules by id; each rule listed once.
    static func rulesTable(_ header: ProofStream.Header, path: String) throws(InputError) -> [String: ProofStream.RuleText] {
        var rules: [String: ProofStream.RuleText] = [:]
        for (n, r) in header.rules.enumerated() {
            guard rules[r.id] == nil else {
                throw InputError([Diagnostic(file: path, line: 1, path: "rules[\(n)].id", message: "rule \(r.id) is listed twice",
                                             expected: "each rule once in the header's rules")])
            }
            rules[r.id] = r
        }
        return rules
    }

    /// One instance line, with its rule's texts from the header.
    static func instance(_ bytes: ArraySlice<UInt8>, line: Int, rules: [String: ProofStream.RuleText], path: String) throws(InputError) -> ProofInstance {
        let l = try decode(ProofStream.Line.self, Data(bytes), line: line, path: path)
        guard let rule = rules[l.rule] else {
            throw InputError([Diagnostic(file: path, line: line, path: "rule", message: "rule \(l.rule) has no entry in the header's rules",
                                         expected: "every instance's rule in the header's rules table")])
        }
        return ProofInstance(line: l, rule: rule)
    }

    /// The in-memory proof of a header and its instances.
    static func proof(_ h: ProofStream.Header, instances: [ProofInstance]) -> ComplianceProof {
        ComplianceProof(format: h.format, rotaVersion: h.rotaVersion, ruleCatalogue: h.ruleCatalogue,
                        scenario: h.scenario, profile: h.profile, period: h.period,
                        digestAlgorithm: h.digestAlgorithm, digests: h.digests, solver: h.solver,
                        instances: instances, notChecked: h.notChecked, summary: h.summary, verdict: h.verdict)
    }

    /// A line decoded strictly, its errors placed on its line of the stream.
    private static func decode<T: Codable>(_ type: T.Type, _ data: Data, line: Int, path: String) throws(InputError) -> T {
        do { return try StrictJSON.decode(type, from: data, file: path, format: "docs/proof-format.md") } catch {
            throw InputError(error.diagnostics.map { d in
                var d = d
                d.line = line
                return d
            })
        }
    }
}
