import Foundation
import RotaCore
import RotaVerifier

/// The proof's content as JSON Lines (`rota-proof/2`): a header line, then one line per rule
/// instance, every line canonical JSON (RFC 8785) ending in `\n`.
///
/// Discussion: the header states the proof-wide fields once — versions, scenario, digests,
/// the solver's figures, the summary and verdict, the rules not checked — and a `rules` table
/// giving each rule's clause, quote and parameters once. Each instance line holds what is its
/// own: the instance key, rule id, subject, quantities, arithmetic, finding, witnesses and
/// verdict. A year of the Heze region (about 80,000 instances) is about 77 MB of lines, which
/// `ComplianceProof.fileData()` gzips to about 3.3 MB.
///
/// The lines are written token by token from the fields, in canonical member order (the fixed
/// keys of the format listed here already sorted; open-ended keys sorted by UTF-16 code
/// units), so each line is exactly `CanonicalJSON.data` of its value (a test holds the two
/// paths together) without building a `JSONValue` per instance.
///
/// ```swift
/// let lines = ProofStream.lines(proof)
/// lines.header               // {"digestAlgorithm":"SHA-256","digests":{…},"format":"rota-proof/2",…}\n
/// lines.instances[0]         // {"arithmetic":"6 ≥ ⌈1.2% × 500⌉ = 6",…,"verdict":"pass","witnesses":[…]}\n
/// ```
public enum ProofStream {
    /// One rule's shared texts: the header's `rules[]`.
    public struct RuleText: Codable, Sendable, Hashable {
        public var id: String
        public var clause: String
        public var quote: String
        public var parameters: [String: ProofParameter]
    }

    /// The header line's fields.
    public struct Header: Codable, Sendable, Hashable {
        public var format: String
        public var rotaVersion: String
        public var ruleCatalogue: String
        public var scenario: String
        public var profile: String
        public var period: String
        public var digestAlgorithm: String
        public var digests: [String: String]
        public var solver: ProofSolver?
        public var rules: [RuleText]
        public var notChecked: [ProofNotChecked]
        public var summary: ProofSummary
        public var verdict: Verdict
    }

    /// An instance line's fields (the rule's texts are in the header).
    public struct Line: Codable, Sendable, Hashable {
        public var rule: String
        public var instance: String
        public var subject: CheckSubject
        public var quantities: [Quantity]
        public var arithmetic: String
        public var finding: String
        public var witnesses: [Witness]
        public var verdict: Verdict

        /// The line of an instance (its rule's texts go to the header).
        public init(_ i: ProofInstance) {
            rule = i.rule; instance = i.instance; subject = i.subject; quantities = i.quantities
            arithmetic = i.arithmetic; finding = i.finding; witnesses = i.witnesses; verdict = i.verdict
        }
    }

    /// The stream's lines: the header, and the instances in the proof's order.
    public struct Lines: Sendable {
        public var header: [UInt8]
        public var instances: [[UInt8]]

        /// Every line in order: what the gzip file holds.
        public var all: [[UInt8]] { [header] + instances }

        /// The stream's length in bytes.
        public var count: Int { instances.reduce(header.count) { $0 + $1.count } }
    }

    /// The header of `proof`: its rules table lists each rule its instances name once, sorted
    /// by id, with the clause, quote and parameters of the rule's first instance.
    public static func header(_ proof: ComplianceProof) -> Header {
        var rules: [String: RuleText] = [:]
        for i in proof.instances where rules[i.rule] == nil {
            rules[i.rule] = RuleText(id: i.rule, clause: i.clause, quote: i.quote, parameters: i.parameters)
        }
        return Header(format: proof.format, rotaVersion: proof.rotaVersion, ruleCatalogue: proof.ruleCatalogue,
                      scenario: proof.scenario, profile: proof.profile, period: proof.period,
                      digestAlgorithm: proof.digestAlgorithm, digests: proof.digests, solver: proof.solver,
                      rules: CanonicalJSON.sortedKeys(rules).map { rules[$0]! },
                      notChecked: proof.notChecked, summary: proof.summary, verdict: proof.verdict)
    }

    /// The header line of `proof`. Throws only for a solver figure JSON cannot hold (NaN, ±∞).
    public static func headerLine(_ proof: ComplianceProof) throws -> [UInt8] {
        try proof.requireFiniteSolver()
        return Array(CanonicalJSON.data(try JSONValue(encoding: Self.header(proof)))) + [0x0A]
    }

    /// Whether `stream` (cut into `lines`) is exactly the lines of `proof` after its header
    /// line: each instance's line is written into one reused buffer and compared where it
    /// stands, on all cores, with no line kept — the check of an unchanged proof.
    static func instancesMatch(_ stream: [UInt8], _ lines: [Range<Int>], _ proof: ComplianceProof) -> Bool {
        let instances = proof.instances
        guard lines.count == instances.count + 1 else { return false }
        let slices = instances.count < 1_000 ? 1 : ParallelJobs.processors * 4
        let size = max(1, (instances.count + slices - 1) / slices)
        return ParallelJobs.run(count: slices, threads: ParallelJobs.processors) { k -> Bool in
            var out = JSONBytes(reservingCapacity: 4_096)
            for n in min(instances.count, k * size)..<min(instances.count, (k + 1) * size) {
                out.removeAll()
                write(instances[n], into: &out)
                let range = lines[n + 1]
                let equal = out.bytes.count == range.count && out.bytes.withUnsafeBytes { a in
                    stream.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress! + range.lowerBound, range.count) == 0 }
                }
                if !equal { return false }
            }
            return true
        }.allSatisfy { $0 }
    }

    /// The lines of `proof`. Throws only for a solver figure JSON cannot hold (NaN, ±∞).
    public static func lines(_ proof: ComplianceProof) throws -> Lines {
        let header = try headerLine(proof)
        let instances = proof.instances
        let slices = instances.count < 1_000 ? 1 : ParallelJobs.processors * 4
        let size = max(1, (instances.count + slices - 1) / slices)
        // One job per slice (`ParallelJobs.array` would run so few elements on one thread).
        let parts = ParallelJobs.run(count: slices, threads: ParallelJobs.processors) { k -> [[UInt8]] in
            var out = JSONBytes(reservingCapacity: 1_200)
            return instances[min(instances.count, k * size)..<min(instances.count, (k + 1) * size)].map { i in
                out.removeAll()
                write(i, into: &out)
                return out.bytes
            }
        }
        return Lines(header: header, instances: parts.flatMap { $0 })
    }

    /// The gzip file of `proof` (`ComplianceProof.fileData()`) as its members, made without
    /// ever holding the lines: a first pass writes each instance line into one reused buffer to
    /// learn its length (where the members are cut), then each member writes its lines again
    /// and deflates them 64 KiB at a time (`GzipStream.members`), the members side by side.
    /// The bytes are those of `GzipStream.compress` of `lines(proof).all`. Throws only for a
    /// solver figure JSON cannot hold (NaN, ±∞).
    public static func gzipMembers(_ proof: ComplianceProof, level: Int32 = 3) throws -> [[UInt8]] {
        let header = try headerLine(proof)
        let instances = proof.instances
        let sizes = [header.count] + lineLengths(instances)
        return GzipStream.members(sizes: sizes, level: level) { range, deflater in
            let chunk = 1 << 16
            var out = JSONBytes(reservingCapacity: chunk + 4_096)
            for n in range {
                if n == 0 { out.append(header) } else { write(instances[n - 1], into: &out) }
                if out.bytes.count >= chunk { deflater.feed(out.bytes); out.removeAll() }
            }
            deflater.feed(out.bytes)
        }
    }

    /// The length in bytes of each instance's line, in order, written on all cores into one
    /// reused buffer a slice: no line is kept.
    static func lineLengths(_ instances: [ProofInstance]) -> [Int] {
        let slices = instances.count < 1_000 ? 1 : ParallelJobs.processors * 4
        let size = max(1, (instances.count + slices - 1) / slices)
        return ParallelJobs.run(count: slices, threads: ParallelJobs.processors) { k -> [Int] in
            var out = JSONBytes(reservingCapacity: 4_096)
            return instances[min(instances.count, k * size)..<min(instances.count, (k + 1) * size)].map { i in
                out.removeAll()
                write(i, into: &out)
                return out.bytes.count
            }
        }.flatMap { $0 }
    }

    /// One instance line, canonical member order, ending in `\n`.
    static func write(_ i: ProofInstance, into out: inout JSONBytes) {
        out.raw("{\"arithmetic\":"); out.string(i.arithmetic)
        out.raw(",\"finding\":"); out.string(i.finding)
        out.raw(",\"instance\":"); out.string(i.instance)
        out.raw(",\"quantities\":[")
        for (n, q) in i.quantities.enumerated() {
            out.raw(n == 0 ? "{\"name\":" : ",{\"name\":"); out.string(q.name)
            out.raw(",\"value\":"); out.integer(q.value); out.raw("}")
        }
        out.raw("],\"rule\":"); out.string(i.rule)
        out.raw(",\"subject\":{\"id\":"); out.string(i.subject.id)
        out.raw(",\"kind\":"); out.string(i.subject.kind.rawValue)
        out.raw(",\"name\":"); out.string(i.subject.name)
        out.raw("},\"verdict\":"); out.string(i.verdict.rawValue)
        out.raw(",\"witnesses\":[")
        for (n, w) in i.witnesses.enumerated() {
            out.raw(n == 0 ? "{\"id\":" : ",{\"id\":"); out.string(w.id)
            out.raw(",\"kind\":"); out.string(w.kind.rawValue)
            out.raw(",\"name\":"); out.string(w.name)
            out.raw(",\"note\":"); out.string(w.note)
            out.raw("}")
        }
        out.raw("]}\n")
    }
}
