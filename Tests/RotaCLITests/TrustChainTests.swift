import Foundation
import Testing

/// The trust chain as an adversarial user tries it: edits that one program reads one way and
/// another program another way are refused, never confirmed.
@Suite struct TrustChainTests {
    static let scenario = "Scenarios/mini/heze-mini.yaml"

    /// A planned heze-mini folder (plan.json, rota.csv, proof.json), made once.
    static let planned: URL = {
        let dir = try! RotaProcess.temporaryDirectory()
        let run = try! RotaProcess.run(["plan", scenario, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        precondition(run.status == 0, "rota plan failed: \(run.stderr)")
        return dir.appendingPathComponent("out")
    }()

    func copy() throws -> URL {
        let dir = try RotaProcess.temporaryDirectory().appendingPathComponent("out")
        try FileManager.default.copyItem(at: Self.planned, to: dir)
        return dir
    }

    /// plan.json with a second "teams" key appended: first key wins in Swift, last in Python
    /// and jq. Both verify and check-proof refuse it (exit 2) on the duplicate's line.
    @Test func aSecondTeamsKeyIsRefusedEverywhere() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let url = dir.appendingPathComponent("plan.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = String(text.dropLast(2)) + ",\n  \"teams\" : []\n}\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let verify = try RotaProcess.run(["verify", Self.scenario, url.path])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("plan.json:") && verify.stderr.contains("duplicate key \"teams\""), "\(verify.stderr)")
        let check = try RotaProcess.run(["check-proof", Self.scenario, url.path, dir.appendingPathComponent("proof.json").path])
        #expect(check.status == 2, "\(check.stdout)")
        #expect(check.stderr.contains("duplicate key \"teams\""))
    }

    /// An unknown field would be outside every check and every digest: refused.
    @Test func anUnknownPlanFieldIsRefused() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let url = dir.appendingPathComponent("plan.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "{\n  \"coverage\"", with: "{\n  \"approvedBy\" : \"director\",\n  \"coverage\"")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let verify = try RotaProcess.run(["verify", Self.scenario, url.path])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("plan.json:2: approvedBy: unknown field"), "\(verify.stderr)")
    }

    /// conflict.json is read as strictly.
    @Test func aConflictWithAnUnknownFieldIsRefused() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let infeasible = "Scenarios/infeasible/quota-short.yaml"
        #expect(try RotaProcess.run(["plan", infeasible, "--out", dir.appendingPathComponent("out").path]).status == 1)
        let url = dir.appendingPathComponent("out/conflict.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "{\n  \"", with: "{\n  \"confirmedBy\" : \"commission\",\n  \"", options: [], range: nil)
        try text.write(to: url, atomically: true, encoding: .utf8)
        let check = try RotaProcess.run(["check-proof", infeasible, url.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("conflict.json:2: confirmedBy: unknown field"), "\(check.stderr)")
    }
}
