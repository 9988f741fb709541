import Foundation
import Testing

/// The readers against a corpus of hostile and broken files (`Tests/Fuzz/`, made by
/// `scripts/fuzz-corpus.py` and kept in the repository): alias bombs, overflowing numbers,
/// duplicate keys, deep nesting, bytes that are no text, mutated scenarios, plans, rotas,
/// conflicts and proofs (not gzip, truncated, a small file inflating to 60 MB, …). Each runs through the real `rota` executable, and for each:
/// - no crash and no exit outside the documented codes (0–4);
/// - no hang: the command ends within `bound` seconds (else it is killed and the test fails);
/// - on exit 2, every line of standard error is `file:line: …` (or the closing count) and
///   nothing is written.
@Suite(.serialized) struct FuzzCorpusTests {
    static let root = RotaProcess.packageRoot.appendingPathComponent("Tests/Fuzz")
    static let bound = 10.0

    static func files(_ kind: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(kind).path)) ?? []).sorted()
    }

    /// A plan of heze-mini to verify rotas against, made once.
    static let minimalPlan: URL = {
        let dir = try! RotaProcess.temporaryDirectory().appendingPathComponent("mini")
        let r = try! RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", dir.path, "--quiet"])
        precondition(r.status == 0, r.stderr)
        return dir.appendingPathComponent("plan.json")
    }()

    /// Runs `rota` with `arguments`, killing it after `bound` seconds.
    func run(_ arguments: [String], in dir: URL) throws -> (status: Int32, stderr: String, seconds: Double, killed: Bool) {
        let errURL = dir.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = RotaProcess.executable
        p.arguments = arguments
        p.currentDirectoryURL = RotaProcess.packageRoot
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let start = Date()
        try p.run()
        var killed = false
        while p.isRunning {
            if Date().timeIntervalSince(start) > Self.bound { kill(p.processIdentifier, SIGKILL); killed = true; break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        p.waitUntilExit()
        try err.close()
        let text = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        try? FileManager.default.removeItem(at: errURL)
        return (p.terminationStatus, text, Date().timeIntervalSince(start), killed)
    }

    func check(_ arguments: [String], name: String, out: URL?) throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(arguments + (out.map { ["--out", dir.appendingPathComponent($0.lastPathComponent).path] } ?? []), in: dir)
        #expect(!r.killed, "\(name): still running after \(Self.bound) s")
        #expect((0...4).contains(r.status), "\(name): exit \(r.status)\n\(r.stderr.prefix(600))")
        if r.status == 2 {
            let lines = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning:") && !$0.contains(" problem") }
            #expect(!lines.isEmpty, "\(name): exit 2 without a message")
            for line in lines {
                let located = line.firstMatch(of: #/^[^ ]+:[0-9]+: /#) != nil
                #expect(located, "\(name): not file:line: \(line.prefix(200))")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(name): wrote files on exit 2")
        }
    }

    @Test(arguments: files("scenario"))
    func scenario(_ file: String) throws {
        try check(["plan", "Tests/Fuzz/scenario/\(file)", "--time-limit", "5", "--quiet"], name: file, out: URL(fileURLWithPath: "out"))
        try check(["verify", "Tests/Fuzz/scenario/\(file)", Self.minimalPlan.path], name: "verify \(file)", out: nil)
    }

    @Test(arguments: files("plan"))
    func plan(_ file: String) throws {
        try check(["verify", "Scenarios/mini/heze-mini.yaml", "Tests/Fuzz/plan/\(file)"], name: file, out: nil)
    }

    @Test(arguments: files("rota"))
    func rota(_ file: String) throws {
        try check(["verify", "Scenarios/mini/heze-mini.yaml", Self.minimalPlan.path, "--rota", "Tests/Fuzz/rota/\(file)"], name: file, out: nil)
    }

    @Test(arguments: files("proof"))
    func proof(_ file: String) throws {
        try check(["check-proof", "Scenarios/mini/heze-mini.yaml", Self.minimalPlan.path, "Tests/Fuzz/proof/\(file)"], name: file, out: nil)
    }

    @Test(arguments: files("conflict"))
    func conflict(_ file: String) throws {
        try check(["check-proof", "Scenarios/infeasible/quota-short.yaml", "Tests/Fuzz/conflict/\(file)"], name: file, out: nil)
    }
}
