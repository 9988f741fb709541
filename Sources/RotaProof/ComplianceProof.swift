import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// A compliance proof (`proof.jsonl.gz`): everything the independent verifier decided about one
/// plan for one scenario, bound to both by their digests, in a form a health commission can
/// re-check with `rota check-proof` without trusting the hospital's software.
///
/// Discussion: the proof repeats, for every rule instance, the rule and its source clause and
/// quote, the parameters the rule reads, the whole numbers the verifier took from the
/// scenario and counted in the plan, the integer arithmetic, the evidence and the verdict. It
/// is a claim: `ProofChecker` recomputes all of it from the scenario and plan and names every
/// difference. `ProofWriter` builds it; `fileData()` writes it as gzipped JSON Lines
/// (`ProofStream`) that state each rule's texts once, so the same proof always has the same
/// bytes. The format is `docs/proof-format.md`.
///
/// ```swift
/// let report = PlanVerifier(scenario: scenario).verify(plan)
/// let proof = ProofWriter.proof(scenario: scenario, plan: plan, report: report)
/// proof.verdict                       // .pass
/// proof.instances.count               // 163
/// try proof.fileData().write(to: URL(fileURLWithPath: "out/proof.jsonl.gz"))
/// ```
public struct ComplianceProof: Codable, Sendable, Hashable {
    /// The format of proof.jsonl.gz this type reads and writes.
    public static let formatVersion = "rota-proof/2"
    /// The digest algorithm of `digests`.
    public static let digestAlgorithm = "SHA-256"

    public var format: String
    /// `RotaVersion.current` of the rota that made the proof.
    public var rotaVersion: String
    /// `Profile.catalogueVersion`: the rule catalogue and built-in profiles used.
    public var ruleCatalogue: String
    /// The scenario's `name`.
    public var scenario: String
    /// The scenario's profile name.
    public var profile: String
    /// The scenario's period, `YYYY-MM-DD..YYYY-MM-DD`.
    public var period: String
    /// Always `SHA-256`.
    public var digestAlgorithm: String
    /// Lower-case hex digests of each input: `scenario` of its canonical bytes
    /// (`ScenarioCanonicalForm`), `plan` and `rota` of their files' bytes exactly; more inputs
    /// may be added under their own keys.
    public var digests: [String: String]
    /// The solver's figures from plan.json, when it has them (not covered by the plan digest).
    public var solver: ProofSolver?
    /// Every rule instance, in report order (rule family, then instance key).
    public var instances: [ProofInstance]
    /// Rules the verifier cannot decide from these inputs, and why.
    public var notChecked: [ProofNotChecked]
    public var summary: ProofSummary
    /// `pass` when every instance passes.
    public var verdict: Verdict

    public init(format: String = ComplianceProof.formatVersion, rotaVersion: String, ruleCatalogue: String,
                scenario: String, profile: String, period: String,
                digestAlgorithm: String = ComplianceProof.digestAlgorithm, digests: [String: String],
                solver: ProofSolver?, instances: [ProofInstance], notChecked: [ProofNotChecked],
                summary: ProofSummary, verdict: Verdict) {
        self.format = format; self.rotaVersion = rotaVersion; self.ruleCatalogue = ruleCatalogue
        self.scenario = scenario; self.profile = profile; self.period = period
        self.digestAlgorithm = digestAlgorithm; self.digests = digests; self.solver = solver
        self.instances = instances; self.notChecked = notChecked; self.summary = summary; self.verdict = verdict
    }

    /// The proof as a JSON value (every instance with its rule's texts: the in-memory form).
    public func jsonValue() throws -> JSONValue { try JSONValue(encoding: self) }

    /// The proof's content as JSON Lines (`ProofStream`): a header line, one line per instance.
    /// Throws only for a non-finite solver figure.
    public func lines() throws -> ProofStream.Lines { try ProofStream.lines(self) }

    /// The bytes `rota plan` and `rota verify --proof` write as proof.jsonl.gz: the lines,
    /// gzipped (`GzipStream`). The same proof always gives the same bytes.
    public func fileData() throws -> Data {
        var data = Data()
        for member in try fileMembers() { data.append(contentsOf: member) }
        return data
    }

    /// `fileData()` as its gzip members, to be written one after another: the lines are made
    /// and deflated a slice at a time, never held whole (`ProofStream.gzipMembers`) — a Heze
    /// year's 77 MB of lines become 3 MB of members.
    public func fileMembers() throws -> [[UInt8]] { try ProofStream.gzipMembers(self) }

    /// Reads a proof file's bytes (`proof.jsonl.gz`), strictly; errors name the line of the
    /// decompressed stream.
    public static func decode(_ fileData: Data, path: String = "proof.jsonl.gz") throws(InputError) -> ComplianceProof {
        try ProofReader.decode(stream: try ProofReader.stream(fileData, path: path), path: path)
    }

    /// JSON has no form for NaN or the infinities.
    func requireFiniteSolver() throws {
        guard let s = solver else { return }
        for (name, value) in [("bound", s.bound), ("gap", s.gap), ("objective", s.objective)] where !value.isFinite {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "solver \(name) is \(value), which JSON cannot hold"))
        }
    }
}

/// One rule instance in a proof: a `RuleCheck` with the parameters its rule reads.
///
/// Discussion: every field of the check is repeated (subject, clause, quote, quantities,
/// arithmetic, finding, witnesses, verdict) so the instance stands alone; `ProofChecker`
/// compares each of them with the recomputed check of the same key.
///
/// ```json
/// { "instance": "T1.quota[hz-municipal]", "rule": "T1.quota",
///   "parameters": {"T1.quota": "1.2"},
///   "quantities": [{"name": "technicalStaff", "value": 500}, {"name": "sent", "value": 6}, …],
///   "arithmetic": "6 ≥ ⌈1.2% × 500⌉ = 6; teams 1 ≥ 1", "verdict": "pass", … }
/// ```
public struct ProofInstance: Codable, Sendable, Hashable {
    public var rule: String
    public var instance: String
    public var subject: CheckSubject
    /// Source document and clause.
    public var clause: String
    /// The Chinese text the rule rests on.
    public var quote: String
    /// The scenario's resolved value of every parameter the rule reads.
    public var parameters: [String: ProofParameter]
    /// Named whole numbers from the scenario and the plan, in the order the arithmetic uses them.
    public var quantities: [Quantity]
    /// The decisive comparison in integers.
    public var arithmetic: String
    /// The same in one sentence.
    public var finding: String
    /// Sorted evidence: people, places, dates.
    public var witnesses: [Witness]
    public var verdict: Verdict

    public init(check: RuleCheck, parameters: [String: ProofParameter]) {
        rule = check.rule; instance = check.instance; subject = check.subject
        clause = check.clause; quote = check.quote; self.parameters = parameters
        quantities = check.quantities; arithmetic = check.arithmetic; finding = check.finding
        witnesses = check.witnesses; verdict = check.verdict
    }

    /// An instance line of the stream with its rule's shared texts from the header.
    public init(line l: ProofStream.Line, rule: ProofStream.RuleText) {
        self.rule = l.rule; instance = l.instance; subject = l.subject
        clause = rule.clause; quote = rule.quote; parameters = rule.parameters
        quantities = l.quantities; arithmetic = l.arithmetic; finding = l.finding
        witnesses = l.witnesses; verdict = l.verdict
    }
}

/// A parameter value in a proof: an integer, or a percentage as its exact decimal text.
///
/// ```json
/// {"T1.team-size": 6, "T1.quota": "1.2"}
/// ```
public enum ProofParameter: Codable, Sendable, Hashable, CustomStringConvertible {
    case integer(Int)
    /// An exact decimal, without trailing fraction zeros (`"1.2"`).
    case decimal(String)

    public init(_ value: ParameterValue) {
        switch value {
        case .integer(let v): self = .integer(v)
        case .percent(let p): self = .decimal(ScenarioCanonicalForm.normalized(p).description)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Int.self) { self = .integer(v); return }
        self = .decimal(try c.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .integer(let v): try c.encode(v)
        case .decimal(let s): try c.encode(s)
        }
    }

    public var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .decimal(let s): return "\"\(s)\""
        }
    }
}

/// The solver's figures as plan.json reports them.
///
/// Discussion: they are not covered by the plan digest and cannot be re-derived without
/// solving again; `ProofChecker` holds them to plan.json's `solver` only.
///
/// ```json
/// {"bound": 51.36, "gap": 0, "objective": 51.36, "status": "optimal"}
/// ```
public struct ProofSolver: Codable, Sendable, Hashable {
    /// `optimal` or `feasible`.
    public var status: String
    public var objective: Double
    public var bound: Double
    /// Relative gap |objective − bound| / |objective|.
    public var gap: Double

    public init(status: String, objective: Double, bound: Double, gap: Double) {
        self.status = status; self.objective = objective; self.bound = bound; self.gap = gap
    }

    public init(_ s: PlanSolver) { self.init(status: s.status, objective: s.objective, bound: s.bound, gap: s.gap) }
}

/// A rule the verifier does not decide from these inputs, and why.
///
/// ```json
/// {"reason": "days a week in the village: plan.json has no weekly timetable", "rule": "T3.station-days"}
/// ```
public struct ProofNotChecked: Codable, Sendable, Hashable {
    public var rule: String
    public var reason: String
    public init(rule: String, reason: String) { self.rule = rule; self.reason = reason }
}

/// How many rule instances there are, and how many pass and fail.
///
/// ```json
/// {"failed": 0, "instances": 163, "passed": 163}
/// ```
public struct ProofSummary: Codable, Sendable, Hashable {
    public var instances: Int
    public var passed: Int
    public var failed: Int
    public init(instances: Int, passed: Int, failed: Int) {
        self.instances = instances; self.passed = passed; self.failed = failed
    }
}
