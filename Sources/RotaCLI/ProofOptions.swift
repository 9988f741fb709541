import Foundation
import ArgumentParser
import Rota

/// `rota verify … --proof [--proof-out FILE]`: the options that make `verify` also write the
/// compliance proof of its report, kept apart from `VerifyCommand` so the command itself
/// changes by two lines.
///
/// ArgumentParser has no option with an optional value, so `--proof [FILE]` is spelled
/// `--proof` (proof.jsonl.gz beside the plan) and `--proof-out FILE` (there instead; implies
/// `--proof`).
///
/// ```text
/// $ rota verify heze-mini.yaml out/plan.json --proof
/// …
/// Wrote out/proof.jsonl.gz (proof of 163 rule instances; verdict pass)
/// ```
struct ProofOptions: ParsableArguments {
    @Flag(name: .long, help: "Also write the compliance proof, proof.jsonl.gz, beside the plan.")
    var proof = false

    @Option(name: .long, help: ArgumentHelp("Write the compliance proof to this file instead (implies --proof).", valueName: "file"))
    var proofOut: String?

    func validate() throws {
        guard let out = proofOut else { return }
        guard !out.isEmpty, !out.hasSuffix("/") else { throw ValidationError("--proof-out needs a file name") }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDir), isDir.boolValue {
            throw ValidationError("--proof-out \(out): is a directory; give the proof's file name, e.g. \(out)/proof.jsonl.gz")
        }
    }

    /// Where the proof goes, or nil when none was asked for.
    func destination(plan: String) -> String? {
        if let proofOut { return proofOut }
        guard proof else { return nil }
        return ((plan as NSString).deletingLastPathComponent as NSString).appendingPathComponent("proof.jsonl.gz")
    }

    /// Writes `proof` if one was asked for, and says so; exit 2 when it cannot be written, or
    /// when it would overwrite the scenario or the plan.
    func writeIfAsked(_ proof: ComplianceProof, scenarioPath: String, planPath: String) throws {
        guard let path = destination(plan: planPath) else { return }
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        for input in [scenarioPath, planPath] where URL(fileURLWithPath: input).standardizedFileURL.path == target {
            printError("rota verify: the proof would overwrite \(input); choose another --proof-out")
            throw ExitCode(2)
        }
        try replaceFileOrExit(path, with: .data(try proof.fileData()), command: "verify")
        FileHandle.standardOutput.write(Data("Wrote \(path) (proof of \(proof.summary.instances) rule instances; verdict \(proof.verdict.rawValue))\n".utf8))
    }
}
