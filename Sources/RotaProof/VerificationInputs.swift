import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// The files a verification reads — a scenario, a plan, optionally a weekly rota and a proof
/// to check — read side by side, with every problem of every file collected.
///
/// Discussion: `rota verify` and `rota check-proof` read the same inputs. On a year of the Heze
/// region the scenario (YAML and staff lists) and the rota (half a million rows) are each a
/// noticeable part of a check, and neither depends on the other, so they are read on separate
/// threads (`ParallelJobs`). The rota's digest (the SHA-256 of its bytes) is computed right after
/// the rota is read, on the same thread, while the scenario is still being read on the other;
/// a proof file is read and decompressed beside them (`proofStream`). The diagnostics come back in the order of the
/// files (scenario, plan, rota, proof), whichever finished first; a file that cannot be read is
/// nil.
///
/// ```swift
/// let rota = VerificationInputs.rotaPath(given: nil, plan: "out/plan.json")   // "out/rota.csv" if it is there
/// let inputs = VerificationInputs.read(scenario: "heze.yaml", plan: "out/plan.json", rota: rota)
/// guard let scenario = inputs.scenario, let plan = inputs.plan, inputs.diagnostics.isEmpty else { … }
/// VerifiedProof(scenario: scenario, plan: plan, rota: inputs.rotaFile)
/// ```
public struct VerificationInputs: Sendable {
    public var scenario: Scenario?
    public var plan: Plan?
    /// The rota's entries; nil when no rota was given or it could not be read.
    public var rota: [RotaEntry]?
    /// The SHA-256 of the rota's canonical form; nil without a rota, or when not digesting.
    public var rotaDigest: String?
    /// SHA-256 of plan.json's bytes exactly as read.
    public var planDigest: String?
    /// The proof file's bytes, when one was given and could be read.
    public var proof: Data?
    /// The proof file's content, decompressed (read beside the other files).
    public var proofStream: [UInt8]?
    /// Every problem found, file by file.
    public var diagnostics: [Diagnostic]
    /// The rota file's path, when one was given.
    public var rotaPath: String?

    /// The digests of the inputs computed while reading them (key → hex, as in a proof's
    /// `digests`), for `VerifiedProof` not to compute them again.
    public var digests: [String: String] {
        var out: [String: String] = [:]
        out["rota"] = rotaDigest
        out["plan"] = planDigest
        return out
    }

    /// The rota as `VerifiedProof` takes it: the file's path and its entries (nil without one).
    public var rotaFile: (file: String, entries: [RotaEntry])? {
        guard let rotaPath, let rota else { return nil }
        return (rotaPath, rota)
    }

    /// The rota file to check with a plan: the one given, else a rota.csv beside the plan if
    /// there is one, else none.
    public static func rotaPath(given: String?, plan: String) -> String? {
        if let given { return given }
        let beside = URL(fileURLWithPath: plan).deletingLastPathComponent().appendingPathComponent("rota.csv").path
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// Reads the files; `rota` is the rota file's path, or nil for none; `proof` a proof
    /// file's path, read as bytes, or nil for none. `digesting` says whether a proof is to be
    /// made or checked: only then is the rota's digest computed.
    public static func read(scenario: String, plan: String, rota: String?, proof: String? = nil,
                            digesting: Bool = true) -> VerificationInputs {
        // The scenario, the longest, first; the rota and its digest beside it.
        let files: [File] = [.scenario(scenario)] + (rota.map { [.rota($0)] } ?? []) + [.plan(plan)] + (proof.map { [.proof($0)] } ?? [])
        let parts = ParallelJobs.run(count: files.count, threads: ParallelJobs.processors) { i -> Part in
            do throws(InputError) {
                switch files[i] {
                case .scenario(let path): return .scenario(try ScenarioReader.read(path: path))
                case .plan(let path):
                    let data = try ProofReader.bytes(path, what: "plan")
                    return .plan(try PlanReader.decode(data, file: path), digest: digesting ? Digest.hex(data) : nil)
                case .rota(let path):
                    let data = try RotaCSVReader.bytes(path)
                    let entries = try RotaCSVReader.read(data: data, path: path)
                    return .rota(entries, digest: digesting ? Digest.hex(data) : nil)
                case .proof(let path):
                    let data = try ProofReader.bytes(path, what: "proof")
                    return .proof(data, stream: try ProofReader.stream(data, path: path))
                }
            } catch {
                return .problems(error.diagnostics)
            }
        }
        var inputs = VerificationInputs(scenario: nil, plan: nil, rota: nil, rotaDigest: nil, planDigest: nil, proof: nil, proofStream: nil, diagnostics: [], rotaPath: rota)
        // Problems in the order of the files: scenario, plan, rota, proof.
        for (_, part) in zip(files, parts).sorted(by: { $0.0.rank < $1.0.rank }) {
            switch part {
            case .scenario(let s): inputs.scenario = s
            case .plan(let p, let digest): inputs.plan = p; inputs.planDigest = digest
            case .rota(let r, let digest): inputs.rota = r; inputs.rotaDigest = digest
            case .proof(let bytes, let stream): inputs.proof = bytes; inputs.proofStream = stream
            case .problems(let d): inputs.diagnostics += d
            }
        }
        return inputs
    }

    /// A file to read.
    private enum File: Sendable {
        case scenario(String), plan(String), rota(String), proof(String)

        /// The file's place in the order problems are listed.
        var rank: Int {
            switch self {
            case .scenario: 0
            case .plan: 1
            case .rota: 2
            case .proof: 3
            }
        }
    }

    private enum Part: Sendable {
        case scenario(Scenario)
        case plan(Plan, digest: String?)
        case rota([RotaEntry], digest: String?)
        case proof(Data, stream: [UInt8])
        case problems([Diagnostic])
    }
}
