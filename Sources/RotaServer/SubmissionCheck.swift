import Foundation
import Crypto
import Rota

/// One uploaded file of a submission: its part (scenario, plan, rota, proof, signature), the
/// name the hospital gave it, and its bytes.
public struct UploadedFile: Sendable {
    public var part: String
    public var filename: String
    public var data: Data
    public init(part: String, filename: String, data: Data) { self.part = part; self.filename = filename; self.data = data }
}

/// The verdict the portal shows for a submission version: the independent verifier's report and,
/// with a proof, check-proof's comparison — every failure with its clause.
public struct SubmissionVerdict: Codable, Sendable, Hashable {
    public struct Failure: Codable, Sendable, Hashable {
        public var rule: String
        public var instance: String
        public var subject: String
        public var finding: String
        public var clause: String
    }
    public var scenario: String
    public var checks: Int
    public var passed: Bool
    public var failures: [Failure]
    /// "confirmed", "not confirmed" or "no proof submitted".
    public var proof: String
    /// check-proof's mismatches, one line each.
    public var proofMismatches: [String]
    /// What was done with a signature.
    public var signature: String
    /// The institutions of the scenario's county hospitals' counties (for the dashboard's filter).
    public var counties: [String]
}

/// A located problem with an upload, as the HTTP API returns it (4xx).
public struct UploadProblem: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var path: String
    public var message: String
    public var expected: String?
    public var description: String {
        "\(file):\(line): \(path): \(message)" + (expected.map { " (expected \($0))" } ?? "")
    }
}

/// Checks an uploaded submission through the library, as `rota verify` and `rota check-proof`
/// do on files: the scenario, plan and rota are read by the same readers (every problem located
/// to the uploaded file and line), the plan and rota are checked by the independent verifier,
/// and a proof is confirmed by `ProofChecker` against what rota recomputes.
public enum SubmissionCheck {
    public struct Result: Sendable {
        public var verdict: SubmissionVerdict
        public var digests: [String: String]
    }

    /// The parts a submission may have; scenario and plan are required.
    public static let parts = ["scenario", "plan", "rota", "proof", "signature"]

    public static func run(_ files: [UploadedFile]) throws(UploadErrors) -> Result {
        var problems: [UploadProblem] = []
        var byPart: [String: UploadedFile] = [:]
        for f in files {
            if !parts.contains(f.part) {
                problems.append(UploadProblem(file: f.filename, line: 0, path: f.part, message: "unknown part \"\(f.part)\"",
                                              expected: parts.joined(separator: ", ")))
            } else if byPart[f.part] != nil {
                problems.append(UploadProblem(file: f.filename, line: 0, path: f.part, message: "part given twice", expected: "one file per part"))
            } else { byPart[f.part] = f }
        }
        for p in ["scenario", "plan"] where byPart[p] == nil {
            problems.append(UploadProblem(file: "(\(p))", line: 0, path: p, message: "missing", expected: "the submission's \(p) file"))
        }
        if byPart["signature"] != nil, byPart["proof"] == nil {
            problems.append(UploadProblem(file: byPart["signature"]!.filename, line: 0, path: "signature",
                                          message: "a signature without its proof", expected: "proof.jsonl.gz with its signature"))
        }
        guard problems.isEmpty else { throw UploadErrors(problems: problems) }

        // The readers take paths: the files go into a private temporary folder under their
        // part's usual name, and every diagnostic is told back in the uploaded file's name.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let standard = ["scenario": "scenario.yaml", "plan": "plan.json", "rota": "rota.csv", "proof": "proof.jsonl.gz", "signature": "proof.jsonl.gz.sig"]
        var shown: [String: String] = [:]
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (part, f) in byPart {
                let p = dir.appendingPathComponent(standard[part]!)
                try f.data.write(to: p)
                shown[p.path] = f.filename
            }
        } catch {
            throw UploadErrors(problems: [UploadProblem(file: "(server)", line: 0, path: "(upload)", message: "cannot stage the upload: \(error)")])
        }
        func path(_ part: String) -> String? { byPart[part] == nil ? nil : dir.appendingPathComponent(standard[part]!).path }
        func located(_ ds: [Diagnostic]) -> [UploadProblem] {
            ds.map { d in
                UploadProblem(file: shown[d.file] ?? (d.file as NSString).lastPathComponent, line: d.line, path: d.path,
                              message: d.message, expected: d.expected)
            }
        }
        let inputs = VerificationInputs.read(scenario: path("scenario")!, plan: path("plan")!, rota: path("rota"), proof: path("proof"))
        guard let scenario = inputs.scenario, let plan = inputs.plan, inputs.diagnostics.isEmpty else {
            throw UploadErrors(problems: located(inputs.diagnostics))
        }
        let verified = VerifiedProof(scenario: scenario, plan: plan, rota: inputs.rotaFile, digests: inputs.digests)
        var proofState = "no proof submitted", mismatches: [String] = []
        if let data = inputs.proof {
            let check: ProofChecker.FileCheck
            do { check = try ProofChecker.check(file: data, path: path("proof")!, recomputed: verified.proof) } catch {
                throw UploadErrors(problems: located(error.diagnostics))
            }
            mismatches = check.mismatches.map(\.description)
            proofState = mismatches.isEmpty ? "confirmed" : "not confirmed"
        }
        let report = verified.report
        let failures = report.failures.map {
            SubmissionVerdict.Failure(rule: $0.rule, instance: $0.instance,
                                      subject: $0.subject.name.isEmpty ? $0.subject.id : $0.subject.name,
                                      finding: "\($0.arithmetic) — \($0.finding)", clause: $0.clause)
        }
        var digests: [String: String] = [:]
        for (part, f) in byPart { digests[part] = SHA256.hash(data: f.data).map { String(format: "%02x", $0) }.joined() }
        let counties = Set(scenario.institutions.compactMap(\.county)).sorted()
        let verdict = SubmissionVerdict(
            scenario: scenario.name, checks: report.allChecks.count, passed: report.passed && mismatches.isEmpty,
            failures: failures, proof: proofState, proofMismatches: mismatches,
            signature: byPart["signature"] == nil ? "none" : "stored (checked with `rota check-proof --key` against the hospital's public key)",
            counties: counties)
        return Result(verdict: verdict, digests: digests)
    }
}

/// Every problem of an upload (a 4xx answer).
public struct UploadErrors: Error, Sendable {
    public var problems: [UploadProblem]
}
