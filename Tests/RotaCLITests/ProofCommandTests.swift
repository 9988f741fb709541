import Foundation
import Testing
import Rota

/// `rota verify --proof`, `rota check-proof`, `rota sign` and `rota keygen` on heze-mini,
/// planned once through the real binary.
@Suite struct ProofCommandTests {
    static let scenarioPath = RotaProcess.packageRoot.appendingPathComponent("Scenarios/mini/heze-mini.yaml").path

    /// plan.json of heze-mini, made once by `rota plan`.
    static let plannedPlan: Data = {
        let dir = try! RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try! RotaProcess.run(["plan", scenarioPath, "--out", dir.path, "--quiet"])
        precondition(run.status == 0, "rota plan failed: \(run.stderr)")
        return try! Data(contentsOf: dir.appendingPathComponent("plan.json"))
    }()

    /// A fresh folder with plan.json and, from `rota verify --proof`, proof.jsonl.gz.
    private func provenFolder() throws -> URL {
        let dir = try RotaProcess.temporaryDirectory()
        try Self.plannedPlan.write(to: dir.appendingPathComponent("plan.json"))
        let run = try RotaProcess.run(["verify", Self.scenarioPath, dir.appendingPathComponent("plan.json").path, "--proof"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Wrote \(dir.appendingPathComponent("proof.jsonl.gz").path) (proof of "))
        return dir
    }

    private func checkProof(_ dir: URL, scenario: String = scenarioPath, extra: [String] = []) throws -> RotaProcess.Result {
        try RotaProcess.run(["check-proof", scenario, dir.appendingPathComponent("plan.json").path,
                             dir.appendingPathComponent("proof.jsonl.gz").path] + extra)
    }

    private func editProof(_ dir: URL, _ edit: (inout ComplianceProof) -> Void) throws {
        let url = dir.appendingPathComponent("proof.jsonl.gz")
        var proof = try ComplianceProof.decode(Data(contentsOf: url))
        edit(&proof)
        try proof.fileData().write(to: url)
    }

    @Test func proofOfAPlannedScenarioIsConfirmed() throws {
        let dir = try provenFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let proof = try ComplianceProof.decode(Data(contentsOf: dir.appendingPathComponent("proof.jsonl.gz")))
        #expect(proof.verdict == .pass)
        #expect(proof.solver != nil)   // rota plan records the solver's figures
        let run = try checkProof(dir)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("proof confirmed: \(proof.instances.count) rule instances, digests match\n"))
        #expect(run.stdout.contains("verdict: pass"))
    }

    @Test func tamperedProofsAreRefusedWithEachMismatchNamed() throws {
        let dir = try provenFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try Data(contentsOf: dir.appendingPathComponent("proof.jsonl.gz"))
        let proof = try ComplianceProof.decode(original)
        let quota = try #require(proof.instances.firstIndex { $0.instance == "T1.quota[hz-municipal]" })
        let team = try #require(proof.instances.firstIndex { $0.rule == "T1.team-size" })

        let edits: [(String, (inout ComplianceProof) -> Void, String)] = [
            ("count", { $0.instances[quota].quantities[0].value += 1 }, "T1.quota[hz-municipal]: quantity "),
            ("witness", { $0.instances[team].witnesses.removeFirst() }, "\(proof.instances[team].instance): witness: missing from the proof"),
            ("verdict", { $0.instances[quota].verdict = .fail }, "T1.quota[hz-municipal]: verdict: the proof says fail, recomputed pass"),
            ("arithmetic", { $0.instances[quota].arithmetic += " " }, "T1.quota[hz-municipal]: arithmetic: "),
            ("digest", { $0.digests["plan"] = String(repeating: "0", count: 64) }, "digest plan: the proof says 0000"),
        ]
        for (what, edit, expected) in edits {
            try original.write(to: dir.appendingPathComponent("proof.jsonl.gz"))
            try editProof(dir, edit)
            let run = try checkProof(dir)
            #expect(run.status == 1, "\(what)")
            #expect(run.stdout.hasPrefix("proof NOT confirmed: 1 mismatch "), "\(what): \(run.stdout)")
            #expect(run.stdout.contains("  - \(expected)"), "\(what): \(run.stdout)")
        }
    }

    @Test func planEditedAfterProvingIsRefused() throws {
        let dir = try provenFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("plan.json")
        var plan = try Plan.decode(Data(contentsOf: url))
        let dropped = plan.teams[0].members.removeLast()   // a person dropped from a team
        try plan.jsonData().write(to: url)
        let run = try checkProof(dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("  - digest plan: the proof says "))
        #expect(run.stdout.contains(dropped))   // the witness the proof has and the plan lacks
    }

    @Test func scenarioEditedAfterProvingIsRefused() throws {
        let dir = try provenFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = try String(contentsOfFile: Self.scenarioPath, encoding: .utf8)
        let edited = yaml.replacingOccurrences(of: "tier: tertiary, technicalStaff: 500", with: "tier: tertiary, technicalStaff: 550")
        #expect(edited != yaml)
        let path = dir.appendingPathComponent("heze-mini.yaml").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try checkProof(dir, scenario: path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("  - digest scenario: the proof says "))
        #expect(run.stdout.contains("T1.quota[hz-municipal]: quantity technicalStaff: the proof says 500, recomputed 550"))
    }

    @Test func scenarioWithReorderedKeysHasTheSameDigest() throws {
        let dir = try provenFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Top-level sections in reverse order, and the keys of every flow mapping reversed.
        let yaml = try String(contentsOfFile: Self.scenarioPath, encoding: .utf8)
        var sections: [[Substring]] = [[]]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if let c = line.first, c.isLetter { sections.append([]) }
            sections[sections.count - 1].append(line)
        }
        let reordered = sections.reversed().flatMap { $0 }.map { line -> String in
            guard let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}"),
                  !line[line.index(after: open)..<close].contains("{") else { return String(line) }
            let keys = line[line.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return String(line[..<open]) + "{" + keys.reversed().joined(separator: ", ") + "}" + line[line.index(after: close)...]
        }.joined(separator: "\n")
        #expect(reordered != yaml)
        let path = dir.appendingPathComponent("reordered.yaml").path
        try reordered.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try checkProof(dir, scenario: path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("digests match"))
    }

    @Test func signedProofVerifiesAndASignatureOverATamperedProofFails() throws {
        let dir = try provenFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let keys = dir.appendingPathComponent("keys")
        let keygen = try RotaProcess.run(["keygen", "--out", keys.path])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let privateKey = keys.appendingPathComponent("rota-proof-key.pem").path
        let publicKey = keys.appendingPathComponent("rota-proof-key.pub.pem").path
        let mode = try FileManager.default.attributesOfItem(atPath: privateKey)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try RotaProcess.run(["keygen", "--out", keys.path]).status == 2)   // never replaced silently

        let proofPath = dir.appendingPathComponent("proof.jsonl.gz").path
        let sign = try RotaProcess.run(["sign", "--key", privateKey, proofPath])
        #expect(sign.status == 0, "\(sign.stderr)")
        #expect(FileManager.default.fileExists(atPath: proofPath + ".sig"))

        let good = try checkProof(dir, extra: ["--key", publicKey])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("signature valid: signed by key "))

        // Recompressing the proof keeps the signature; changing it does not.
        let original = try Data(contentsOf: URL(fileURLWithPath: proofPath))
        let content = try ProofReader.stream(original, path: proofPath)
        let recompressed = GzipStream.compress([content], level: 9, members: 1)
        #expect(recompressed != original)
        try recompressed.write(to: URL(fileURLWithPath: proofPath))
        #expect(try checkProof(dir, extra: ["--key", publicKey]).status == 0)
        try editProof(dir) { $0.instances[0].finding += "." }
        let bad = try checkProof(dir, extra: ["--key", publicKey])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("  - signed proof digest: the signature file says "))
        #expect(bad.stdout.contains("  - signature: the signature file holds a signature by key "))

        // Another hospital's key does not confirm it either.
        try original.write(to: URL(fileURLWithPath: proofPath))
        let otherKeys = dir.appendingPathComponent("other")
        _ = try RotaProcess.run(["keygen", "--out", otherKeys.path])
        let other = try checkProof(dir, extra: ["--key", otherKeys.appendingPathComponent("rota-proof-key.pub.pem").path])
        #expect(other.status == 1)
        #expect(other.stdout.contains("signature key id"))
        // A private key is refused where a public one is needed.
        #expect(try checkProof(dir, extra: ["--key", privateKey]).status == 2)
    }

    @Test func proofOutWritesWhereAskedAndBadInputsExitTwo() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan.json")
        try Self.plannedPlan.write(to: plan)
        let out = dir.appendingPathComponent("proofs/heze-mini.proof.jsonl.gz").path
        let run = try RotaProcess.run(["verify", Self.scenarioPath, plan.path, "--proof-out", out])
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("proof.jsonl.gz").path))
        #expect(try RotaProcess.run(["check-proof", Self.scenarioPath, plan.path, out]).status == 0)

        let missing = try RotaProcess.run(["check-proof", Self.scenarioPath, plan.path, dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the proof file (no such file)"))
        #expect(try RotaProcess.run(["check-proof", Self.scenarioPath, plan.path, out, "--signature", out]).status == 2)
        #expect(try RotaProcess.run(["check-proof", Self.scenarioPath, plan.path, out, "--key", out]).status == 2)
        #expect(try RotaProcess.run(["verify", Self.scenarioPath, plan.path, "--proof-out", plan.path]).status == 2)
        #expect(try RotaProcess.run(["sign", "--key", out, out]).status == 2)
    }

    @Test func helpDescribesEveryOption() throws {
        for (command, phrases) in [
            ("check-proof", ["--key <public-key>", "--signature <file>", "--changes <changes>", "--from <from>", "The proof.jsonl.gz file to confirm (absent for a"]),
            ("sign", ["--key <private-key>", "--out <file>"]),
            ("keygen", ["--out <dir>", "--force"]),
            ("verify", ["--proof ", "--proof-out <file>"]),
        ] {
            let run = try RotaProcess.run([command, "--help"])
            #expect(run.status == 0)
            for p in phrases { #expect(run.stdout.contains(p), "\(command): \(p)") }
        }
    }
}
