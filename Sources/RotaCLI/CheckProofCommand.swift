import Foundation
import ArgumentParser
import Rota

/// `rota check-proof SCENARIO PLAN PROOF [--key PUBLIC]`: confirms a compliance proof without
/// trusting it; `rota check-proof SCENARIO CONFLICT` confirms a conflict.json (infeasibility) — recomputes the digests, re-runs the independent verifier and compares every
/// rule instance — and, with `--key`, checks the proof's detached signature.
///
/// Exit 0 when everything matches, 1 on any mismatch (or a bad signature), 2 when an input
/// cannot be read.
///
/// ```text
/// $ rota check-proof heze-mini.yaml out/plan.json out/proof.jsonl.gz --key hospital.pub.pem
/// proof confirmed: 163 rule instances, digests match
/// verdict: pass (all 163 rule instances hold)
/// signature valid: signed by key 5c0f2a93d1e47b68
/// ```
struct CheckProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-proof",
        abstract: "Confirm a proof.jsonl.gz (or a conflict.json) against its scenario, trusting nothing in it.",
        discussion: """
            Recomputes the SHA-256 of the canonical scenario and of the plan and rota files, re-runs the independent \
            verifier and compares every rule instance of the proof (quantities, arithmetic, \
            witnesses, parameters, verdicts) and its versions. With --key, also checks the \
            Ed25519 signature in PROOF.sig. With two arguments, SCENARIO CONFLICT, re-checks a \
            conflict.json without the planner or GLPK: a person-level flow of its own shows the named \
            rules of each conflict cannot all hold, and every field of the file is recomputed. \
            Exit 0: confirmed; 1: something differs (each difference is listed); 2: an input \
            cannot be read. See docs/proof-format.md.
            """
    )

    @Argument(help: "The scenario YAML file the plan was made for.")
    var scenario: String

    @Argument(help: "The plan.json file the proof is about, or a conflict.json to re-check.")
    var plan: String

    @Argument(help: "The proof.jsonl.gz file to confirm (absent for a conflict.json).")
    var proof: String?

    @Option(name: .customLong("rota"), help: ArgumentHelp(
        "The rota.csv the proof covers (default: rota.csv beside the plan, if there is one).", valueName: "rota.csv"))
    var rota: String?

    @Option(name: .long, help: ArgumentHelp("The signer's public key (PEM or base64); also check the proof's signature.", valueName: "public-key"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("The detached signature (default: PROOF.sig); needs --key.", valueName: "file"))
    var signature: String?

    @Option(name: .long, help: "A re-plan's change file: the proof is checked against the scenario with its events applied (needs --from).")
    var changes: String?

    @Option(name: .long, help: "The re-plan date (YYYY-MM-DD) of --changes.")
    var from: String?

    func validate() throws {
        if changes != nil {
            guard let from else { throw ValidationError("--changes needs --from, the re-plan date") }
            guard Day(iso: from) != nil else { throw ValidationError("--from must be a date written YYYY-MM-DD") }
            guard proof != nil else { throw ValidationError("--changes checks a re-plan's proof: give SCENARIO PLAN PROOF") }
        } else if from != nil {
            throw ValidationError("--from goes with --changes")
        }
        if proof == nil, key != nil {
            throw ValidationError("--key checks a proof's signature: give SCENARIO PLAN PROOF")
        }
        if signature != nil, key == nil {
            throw ValidationError("--signature needs --key: a signature is only checked against a public key you trust")
        }
    }

    func run() throws {
        guard let proofPath = proof else { return try checkConflict() }
        // Read every input first, so one run lists the problems of all of them. The proof is
        // only read and decompressed here: when rota's own lines of what it recomputes are the
        // same bytes, nothing in it needs decoding (ProofChecker.check(stream:path:recomputed:)).
        var diagnostics: [Diagnostic] = []
        var publicKey: ProofVerifyingKey?, signature: ProofSignature?
        var inputs = VerificationInputs.read(scenario: self.scenario, plan: self.plan,
                                             rota: VerificationInputs.rotaPath(given: rota, plan: self.plan), proof: proofPath)
        // A re-plan's proof is about the scenario with the year's changes applied, as
        // `rota replan` and `rota verify --changes` read it.
        if let changes, let day = from.flatMap(Day.init(iso:)), let original = inputs.scenario {
            do { inputs.scenario = try ChangeFileReader.read(path: changes, scenario: original, from: day).apply(to: original) }
            catch { inputs.diagnostics += error.diagnostics }
        }
        diagnostics += inputs.diagnostics
        let proofStream = inputs.proofStream
        if let key {
            do {
                publicKey = try SigningKeyFile.publicKey(from: try ProofReader.bytes(key, what: "public key"))
            } catch let error as InputError {
                diagnostics += error.diagnostics
            } catch {
                diagnostics.append(Diagnostic(file: key, line: 0, path: "(whole file)", message: "\(error)"))
            }
            let path = self.signature ?? proofPath + ".sig"
            do { signature = try ProofReader.readSignature(path: path) } catch { diagnostics += error.diagnostics }
        }
        guard let scenario = inputs.scenario, let plan = inputs.plan, let proofStream, diagnostics.isEmpty else {
            // Name what is wrong with the proof too, when the other inputs stop the check.
            if let proofStream {
                do { _ = try ProofReader.decode(stream: proofStream, path: proofPath) } catch { diagnostics += error.diagnostics }
            }
            for d in diagnostics.sorted() { printError(d.description) }
            throw ExitCode(2)
        }

        let recomputed = VerifiedProof(scenario: scenario, plan: plan, rota: inputs.rotaFile, digests: inputs.digests).proof
        let check: ProofChecker.FileCheck
        do { check = try ProofChecker.check(stream: proofStream, path: proofPath, recomputed: recomputed) } catch {
            for d in error.diagnostics.sorted() { printError(d.description) }
            throw ExitCode(2)
        }
        var mismatches = check.mismatches
        if let publicKey, let signature {
            mismatches += ProofSigner.verify(stream: check.stream, signature: signature, publicKey: publicKey)
        }
        guard mismatches.isEmpty else {
            print("proof NOT confirmed: \(mismatches.count) mismatch\(mismatches.count == 1 ? "" : "es") between the proof and what rota recomputes")
            for m in mismatches { print("  - \(m)") }
            throw ExitCode(1)
        }
        let p = check.claimed
        print("proof confirmed: \(p.summary.instances) rule instances, digests match")
        if p.verdict == .pass {
            print("verdict: pass (all \(p.summary.instances) rule instances hold)")
        } else {
            print("verdict: fail (\(p.summary.failed) of \(p.summary.instances) rule instances fail; the proof is accurate, the plan does not comply)")
        }
        if let publicKey {
            print("signature valid: signed by key \(SigningKeyFile.keyId(publicKey))")
        }
    }

    /// `rota check-proof SCENARIO conflict.json`.
    private func checkConflict() throws {
        let scenario = try readScenarioOrExit(self.scenario)
        let conflict: ConflictExplanation
        do {
            conflict = try StrictJSON.decode(ConflictExplanation.self, from: try ProofReader.bytes(plan, what: "conflict"),
                                             file: plan, format: "docs/proof-format.md (conflict.json)")
        } catch {
            for d in error.diagnostics { printError(d.description) }
            throw ExitCode(2)
        }
        let problems = ConflictCheck(scenario: scenario).check(conflict)
        guard problems.isEmpty else {
            print("conflict NOT confirmed: \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            for p in problems { print("  - \(p)") }
            throw ExitCode(1)
        }
        let conflicts = conflict.conflictCount
        if conflicts > 1 {
            print("conflicts confirmed: \(conflicts) independent conflicts, the rule instances of each cannot all hold, whatever the plan")
        }
        for k in 1...max(1, conflicts) {
            let items = conflict.items(ofConflict: k)
            let n = items.flatMap { $0.instance.split(separator: " ") }.count
            let what = n == 1 ? "this rule instance cannot hold, whatever the plan" : "these \(n) rule instances cannot all hold, whatever the plan"
            print(conflicts == 1 ? "conflict confirmed: \(what)" : "conflict \(k): \(what)")
            for item in items { print("  - \(item.rule): \(item.message)") }
        }
    }
}
