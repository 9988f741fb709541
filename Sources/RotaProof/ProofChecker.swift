import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// Checks a compliance proof against the scenario and plan it claims to be about, trusting
/// nothing the proof says (`rota check-proof`).
///
/// Discussion: it recomputes the digests of the canonical scenario and plan bytes, re-runs the
/// independent verifier (`PlanVerifier`) on the scenario and plan, builds the proof that
/// verification gives, and compares it with the claimed one field by field:
/// - the format, rota and rule-catalogue versions, scenario name, profile and period;
/// - every digest (a plan or scenario edited after proving shows here);
/// - the solver's figures against plan.json's `solver` (they are a claim rota cannot re-derive
///   without solving again; they are only held to what plan.json says);
/// - instance by instance, matched by key: instances missing from the proof or extra in it,
///   then the rule, subject, clause, quote, every parameter, every quantity (by name), the
///   arithmetic text, the finding, every witness, and the verdict;
/// - the rules not checked, the counts and the overall verdict.
///
/// An empty result means the proof says exactly what rota finds. The instances' order in the
/// file is not compared: it carries no meaning.
///
/// ```swift
/// let mismatches = ProofChecker.check(scenario: scenario, plan: plan, proof: proof)
/// for m in mismatches { print(m) }
/// // T1.quota[hz-municipal]: verdict: the proof says pass, recomputed fail
/// ```
public enum ProofChecker {
    /// Every difference between `proof` and what the verifier finds for `plan` and `scenario`.
    public static func check(scenario: Scenario, plan: Plan, proof: ComplianceProof) -> [ProofMismatch] {
        let report = PlanVerifier(scenario: scenario).verify(plan)
        return compare(claimed: proof, recomputed: ProofWriter.proof(scenario: scenario, plan: plan, report: report))
    }

    /// Checks a proof file's bytes against the proof rota recomputes (`rota check-proof`).
    ///
    /// Discussion: the file is decompressed (`ProofReader.stream`) and its content compared
    /// with the stream rota makes of the recomputed proof (`ProofStream.lines`): a proof rota
    /// wrote and nobody changed is that stream byte for byte, and is confirmed without decoding
    /// a single field. Otherwise each line is compared with the recomputed line at its place;
    /// a line that is the same is taken as the recomputed instance, any other line is decoded
    /// strictly and compared field by field (`compare(claimed:recomputed:)`), and a line whose
    /// content is right but whose bytes are not the canonical form is named. Throws when a line
    /// that differs is not readable (invalid JSON, a field outside the format, …).
    ///
    /// ```swift
    /// let recomputed = ProofWriter.proof(scenario: scenario, plan: plan, report: report)
    /// let result = try ProofChecker.check(file: bytes, path: "proof.jsonl.gz", recomputed: recomputed)
    /// result.mismatches   // [] when the proof says exactly what rota finds
    /// ```
    public static func check(file data: Data, path: String, recomputed: ComplianceProof) throws(InputError) -> FileCheck {
        try check(stream: try ProofReader.stream(data, path: path), path: path, recomputed: recomputed)
    }

    /// `check(file:path:recomputed:)` of a proof file already decompressed
    /// (`VerificationInputs` decompresses it beside reading the other inputs).
    public static func check(stream: [UInt8], path: String, recomputed: ComplianceProof) throws(InputError) -> FileCheck {
        let ranges = ProofReader.lines(stream)
        // The usual case, an unchanged proof: its lines are the recomputed ones, compared as
        // they are written, none kept.
        if let header = try? ProofStream.headerLine(recomputed), let first = ranges.first, same(stream[first], header),
           ProofStream.instancesMatch(stream, ranges, recomputed) {
            return FileCheck(mismatches: [], claimed: recomputed, stream: stream)
        }
        // A proof JSON cannot hold (a NaN solver figure) has no stream: every line is decoded.
        let expected = try? recomputed.lines()
        let header = try ProofReader.header(stream, ranges, path: path)
        let rules = try ProofReader.rulesTable(header, path: path)
        var out: [ProofMismatch] = []
        func canonical(_ line: Int, _ bytes: ArraySlice<UInt8>, _ value: some Encodable) {
            guard let v = try? JSONValue(encoding: value) else { return }
            var written = Array(CanonicalJSON.data(v))
            written.append(0x0A)
            if !same(bytes, written) {
                out.append(ProofMismatch(instance: nil, field: "line \(line)", proofValue: "its text in another form",
                                         recomputedValue: "the canonical form (RFC 8785, one line, ending in a newline)"))
            }
        }
        let headerSame = same(stream[ranges[0]], expected?.header ?? [])
        if !headerSame { canonical(1, stream[ranges[0]], header) }
        // A line equal to the recomputed one is the recomputed instance when the rules' texts
        // it takes from the header are the recomputed ones too (say, only a digest differs).
        let rulesSame = headerSame || ruleTexts(header.rules) == ruleTexts(ProofStream.header(recomputed).rules)
        var instances: [ProofInstance] = []
        var unchanged: Set<String> = []
        instances.reserveCapacity(ranges.count - 1)
        var problems: [Diagnostic] = []
        for (n, range) in ranges.enumerated().dropFirst() {
            let bytes = stream[range]
            if let expected, n - 1 < expected.instances.count, same(bytes, expected.instances[n - 1]) {
                // The line as recomputed; its rule's texts are the header's, which may differ.
                var instance = recomputed.instances[n - 1]
                if rulesSame {
                    unchanged.insert(instance.instance)
                } else if let r = rules[instance.rule] {
                    instance.clause = r.clause; instance.quote = r.quote; instance.parameters = r.parameters
                } else {
                    problems.append(Diagnostic(file: path, line: n + 1, path: "rule", message: "rule \(instance.rule) has no entry in the header's rules",
                                               expected: "every instance's rule in the header's rules table"))
                }
                instances.append(instance)
                continue
            }
            do {
                let instance = try ProofReader.instance(bytes, line: n + 1, rules: rules, path: path)
                canonical(n + 1, bytes, ProofStream.Line(instance))
                instances.append(instance)
            } catch {
                problems += error.diagnostics
                if problems.count >= 100 { break }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let claimed = ProofReader.proof(header, instances: instances)
        // The rules table: a rule no instance names, or texts other than the ones its instances were compared with.
        let named = Set(claimed.instances.map(\.rule))
        for r in header.rules where !named.contains(r.id) {
            out.append(ProofMismatch(instance: nil, field: "rules table", proofValue: "rule \(r.id), named by no instance",
                                     recomputedValue: ProofMismatch.absent))
        }
        return FileCheck(mismatches: compare(claimed: claimed, recomputed: recomputed, unchanged: unchanged) + out,
                         claimed: claimed, stream: stream)
    }

    /// The canonical bytes of a rules table (texts compared as bytes, not as Swift strings).
    private static func ruleTexts(_ rules: [ProofStream.RuleText]) -> Data? {
        (try? JSONValue(encoding: rules)).map(CanonicalJSON.data)
    }

    /// What `check(file:path:recomputed:)` found.
    public struct FileCheck: Sendable {
        /// Every difference between the file and the recomputed proof; empty when confirmed.
        public let mismatches: [ProofMismatch]
        /// The proof the file holds.
        public let claimed: ComplianceProof
        /// The file's content, decompressed: what a signature covers.
        public let stream: [UInt8]
    }

    /// Every difference between a claimed proof and a recomputed one, proof-wide fields first,
    /// then instances in the recomputed report order, then instances only the proof has.
    public static func compare(claimed: ComplianceProof, recomputed: ComplianceProof) -> [ProofMismatch] {
        compare(claimed: claimed, recomputed: recomputed, unchanged: [])
    }

    /// `compare(claimed:recomputed:)`, told which instance keys the claim holds byte for byte
    /// as recomputed (their fields need no comparing; that they are listed once still does).
    static func compare(claimed: ComplianceProof, recomputed: ComplianceProof, unchanged: Set<String>) -> [ProofMismatch] {
        var out: [ProofMismatch] = []
        func field(_ instance: String?, _ name: String, _ claimed: String, _ recomputed: String) {
            if !same(claimed, recomputed) {
                out.append(ProofMismatch(instance: instance, field: name, proofValue: claimed, recomputedValue: recomputed))
            }
        }
        /// Compares two keyed collections; values rendered as text.
        func keyed(_ instance: String?, _ prefix: String, _ claimed: [String: String], _ recomputed: [String: String]) {
            for key in Set(claimed.keys).union(recomputed.keys).sorted(by: utf16Less) {
                field(instance, "\(prefix) \(key)", claimed[key] ?? ProofMismatch.absent, recomputed[key] ?? ProofMismatch.absent)
            }
        }

        field(nil, "format", claimed.format, recomputed.format)
        field(nil, "rota version", claimed.rotaVersion, recomputed.rotaVersion)
        field(nil, "rule catalogue", claimed.ruleCatalogue, recomputed.ruleCatalogue)
        field(nil, "scenario", claimed.scenario, recomputed.scenario)
        field(nil, "profile", claimed.profile, recomputed.profile)
        field(nil, "period", claimed.period, recomputed.period)
        field(nil, "digest algorithm", claimed.digestAlgorithm, recomputed.digestAlgorithm)
        keyed(nil, "digest", claimed.digests, recomputed.digests)
        keyed(nil, "solver", solverFields(claimed.solver), solverFields(recomputed.solver))

        // Instances, matched by key.
        var claimedByKey: [String: ProofInstance] = [:]
        var claimedOrder: [String] = []
        for i in claimed.instances {
            if claimedByKey[i.instance] != nil {
                out.append(ProofMismatch(instance: i.instance, field: "instance", proofValue: "listed more than once",
                                         recomputedValue: "once"))
                continue
            }
            claimedByKey[i.instance] = i
            claimedOrder.append(i.instance)
        }
        let recomputedKeys = Set(recomputed.instances.map(\.instance))
        for r in recomputed.instances {
            guard let c = claimedByKey[r.instance] else {
                out.append(ProofMismatch(instance: r.instance, field: "instance", proofValue: ProofMismatch.absent,
                                         recomputedValue: "\(r.rule) instance, verdict \(r.verdict.rawValue)"))
                continue
            }
            if !unchanged.contains(r.instance) { compare(c, r, into: &out) }
        }
        for key in claimedOrder where !recomputedKeys.contains(key) {
            let c = claimedByKey[key]!
            out.append(ProofMismatch(instance: key, field: "instance", proofValue: "\(c.rule) instance, verdict \(c.verdict.rawValue)",
                                     recomputedValue: ProofMismatch.absent))
        }

        field(nil, "rules not checked", claimed.notChecked.map { "\($0.rule): \($0.reason)" }.joined(separator: "; "),
              recomputed.notChecked.map { "\($0.rule): \($0.reason)" }.joined(separator: "; "))
        field(nil, "instance count", String(claimed.summary.instances), String(recomputed.summary.instances))
        field(nil, "instances passed", String(claimed.summary.passed), String(recomputed.summary.passed))
        field(nil, "instances failed", String(claimed.summary.failed), String(recomputed.summary.failed))
        field(nil, "overall verdict", claimed.verdict.rawValue, recomputed.verdict.rawValue)
        return out
    }

    /// The differences between one claimed instance and its recomputed twin.
    static func compare(_ c: ProofInstance, _ r: ProofInstance, into out: inout [ProofMismatch]) {
        let key = r.instance
        func field(_ name: String, _ claimed: String, _ recomputed: String) {
            if !same(claimed, recomputed) {
                out.append(ProofMismatch(instance: key, field: name, proofValue: claimed, recomputedValue: recomputed))
            }
        }
        func keyed(_ prefix: String, _ claimed: [String: String], _ recomputed: [String: String]) {
            for k in Set(claimed.keys).union(recomputed.keys).sorted(by: utf16Less) {
                field("\(prefix) \(k)", claimed[k] ?? ProofMismatch.absent, recomputed[k] ?? ProofMismatch.absent)
            }
        }
        field("rule", c.rule, r.rule)
        field("subject", describe(c.subject), describe(r.subject))
        field("clause", c.clause, r.clause)
        field("quote", c.quote, r.quote)
        keyed("parameter", c.parameters.mapValues(\.description), r.parameters.mapValues(\.description))
        keyed("quantity", quantityFields(c.quantities), quantityFields(r.quantities))
        if Set(c.quantities.map(\.name)) == Set(r.quantities.map(\.name)), c.quantities.map(\.name) != r.quantities.map(\.name) {
            field("quantity order", c.quantities.map(\.name).joined(separator: ", "), r.quantities.map(\.name).joined(separator: ", "))
        }
        field("arithmetic", c.arithmetic, r.arithmetic)
        field("finding", c.finding, r.finding)
        // Witnesses as multisets: each one the proof lacks or adds is named.
        // Keyed by their UTF-8 bytes, so other normalisations of a text count as different.
        var remaining: [[UInt8]: Int] = [:]
        for w in r.witnesses { remaining[Array(describe(w).utf8), default: 0] += 1 }
        var extra: [String] = []
        for w in c.witnesses.map(describe) {
            let bytes = Array(w.utf8)
            if let n = remaining[bytes], n > 0 { remaining[bytes] = n - 1 } else { extra.append(w) }
        }
        for w in r.witnesses.map(describe) {
            let bytes = Array(w.utf8)
            if let n = remaining[bytes], n > 0 {
                remaining[bytes] = n - 1
                field("witness", ProofMismatch.absent, w)
            }
        }
        for w in extra { field("witness", w, ProofMismatch.absent) }
        field("verdict", c.verdict.rawValue, r.verdict.rawValue)
    }

    /// Whether two texts are the same bytes (Swift's `==` would also equate other Unicode
    /// normalisations of the same text, which a proof must not).
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// Whether a line of the file is the expected line's bytes (one `memcmp`).
    static func same(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// Quantities by name; a name that occurs again is keyed `name#2`, `name#3`, ….
    static func quantityFields(_ quantities: [Quantity]) -> [String: String] {
        var out: [String: String] = [:]
        var seen: [String: Int] = [:]
        for q in quantities {
            let n = (seen[q.name] ?? 0) + 1
            seen[q.name] = n
            out[n == 1 ? q.name : "\(q.name)#\(n)"] = String(q.value)
        }
        return out
    }

    static func solverFields(_ s: ProofSolver?) -> [String: String] {
        guard let s else { return [:] }
        func n(_ d: Double) -> String { CanonicalJSON.number(d) ?? d.description }
        return ["status": s.status, "objective": n(s.objective), "bound": n(s.bound), "gap": n(s.gap)]
    }

    static func describe(_ s: CheckSubject) -> String { "\(s.kind.rawValue) \(s.id) \(s.name)" }

    static func describe(_ w: Witness) -> String {
        var text = "\(w.kind.rawValue) \(w.id)"
        if !w.name.isEmpty { text += " \(w.name)" }
        if !w.note.isEmpty { text += " (\(w.note))" }
        return text
    }
}
