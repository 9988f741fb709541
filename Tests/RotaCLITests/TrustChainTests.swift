import Foundation
import Testing

/// The trust chain as an adversarial user tries it: edits that one program reads one way and
/// another program another way are refused, never confirmed.
@Suite struct TrustChainTests {
    static let scenario = "Scenarios/mini/heze-mini.yaml"

    /// A planned heze-mini folder (plan.json, rota.csv, proof.jsonl.gz), made once.
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
        let check = try RotaProcess.run(["check-proof", Self.scenario, url.path, dir.appendingPathComponent("proof.jsonl.gz").path])
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

/// Numbers past what a region can hold, and rule values that would void a rule, are refused
/// where they are written — never an arithmetic overflow, never a plan that fails its own check.
@Suite struct BoundedNumbersTests {
    /// heze-mini with one text replaced, in a fresh folder; the folder is returned.
    func mini(replacing old: String, with new: String) throws -> URL {
        let dir = try RotaProcess.temporaryDirectory()
        let text = try String(contentsOf: RotaProcess.packageRoot.appendingPathComponent("Scenarios/mini/heze-mini.yaml"), encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    func line(of needle: String, in dir: URL) throws -> Int {
        let text = try String(contentsOf: dir.appendingPathComponent("s.yaml"), encoding: .utf8)
        return try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }) + 1
    }

    @Test(arguments: [
        ("T3.total.stationed: 2 ", "T3.total.stationed: 2\n  T3.station-months: 303032819133174357 ", "303032819133174357 is too large (expected a whole number from 1 to 12"),
        ("T3.total.stationed: 2 ", "T3.total.stationed: 2\n  T3.rounds-per-week: 0 ", "0 is too small (expected a whole number from 1 to 10"),
        ("T3.total.stationed: 2 ", "T3.total.stationed: 2\n  TCM.centres-per-physician: 0 ", "0 is too small (expected a whole number from 1 to 100"),
        ("T3.total.stationed: 2 ", "T3.total.stationed: 2\n  T1.quota: 250 ", "250 is too large (expected a percentage from 0 to 100"),
    ])
    func aRuleValueOutOfRangeIsRefusedOnItsLine(old: String, new: String, message: String) throws {
        let dir = try mini(replacing: old, with: new)
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = String(new.split(separator: "\n")[1].split(separator: ":")[0]).trimmingCharacters(in: .whitespaces)
        let line = try line(of: key + ":", in: dir)
        for command in [["plan", "s.yaml", "--out", "out"], ["verify", "s.yaml", "plan.json"]] {
            let r = try RotaProcess.run(command, in: dir)
            #expect(r.status == 2, "\(command[0]): \(r.stderr)")
            #expect(r.stderr.contains("s.yaml:\(line): rules.\(key): \(message)"), "\(command[0]): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func aHeadCountPastAnyRegionIsRefusedOnItsLine() throws {
        let dir = try mini(replacing: "technicalStaff: 500", with: "technicalStaff: 768614336404564568")
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = try line(of: "768614336404564568", in: dir)
        let r = try RotaProcess.run(["plan", "s.yaml", "--out", "out"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("s.yaml:\(line): ") && r.stderr.contains("768614336404564568 is too large"), "\(r.stderr)")
    }
}

/// rota.csv's display columns are bound by the proof: its digest is of the file's bytes.
@Suite struct RotaBytesBoundTests {
    @Test func aNameEditedAfterProvingBreaksTheProof() throws {
        let dir = try TrustChainTests().copy()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let scenario = TrustChainTests.scenario
        let files = ["plan.json", "proof.jsonl.gz"].map { dir.appendingPathComponent($0).path }
        #expect(try RotaProcess.run(["check-proof", scenario, files[0], files[1]]).status == 0)
        let url = dir.appendingPathComponent("rota.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        var cells = lines[1].components(separatedBy: ",")
        cells[1] = "某某"   // the name column
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        let r = try RotaProcess.run(["check-proof", scenario, files[0], files[1]])
        #expect(r.status == 1)
        #expect(r.stdout.contains("rota"), "\(r.stdout)")
    }

    /// A forged message (issue 9: it printed under "conflict confirmed") is refused, exit 1, and
    /// so is a duplicated item; the untouched file is confirmed.
    @Test func aConflictWithAForgedMessageOrARepeatedItemIsRefused() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let infeasible = "Scenarios/infeasible/quota-short.yaml"
        #expect(try RotaProcess.run(["plan", infeasible, "--out", dir.appendingPathComponent("out").path]).status == 1)
        let url = dir.appendingPathComponent("out/conflict.json")
        let original = try String(contentsOf: url, encoding: .utf8)
        #expect(try RotaProcess.run(["check-proof", infeasible, url.path]).status == 0)
        try original.replacingOccurrences(of: "at most 12 can go", with: "the commission agrees: at most 12 can go")
            .write(to: url, atomically: true, encoding: .utf8)
        let forged = try RotaProcess.run(["check-proof", infeasible, url.path])
        #expect(forged.status == 1)
        #expect(forged.stdout.hasPrefix("conflict NOT confirmed: 1 problem\n"), "\(forged.stdout)")
        #expect(forged.stdout.contains("T1.quota[hz-tcm]: message differs from the facts recomputed"), "\(forged.stdout)")
        #expect(!forged.stdout.contains("commission agrees: at most 12 can go\n"))
        // The same item twice.
        let items = try #require(original.range(of: "\"items\" : ["))
        let start = try #require(original.range(of: "    {\n", range: items.upperBound..<original.endIndex)), end = try #require(original.range(of: "\n    }", range: start.upperBound..<original.endIndex))
        let item = original[start.lowerBound..<end.upperBound]
        try original.replacingCharacters(in: start.lowerBound..<end.upperBound, with: item + ",\n" + item).write(to: url, atomically: true, encoding: .utf8)
        let twice = try RotaProcess.run(["check-proof", infeasible, url.path])
        #expect(twice.status == 1)
        #expect(twice.stdout.contains("item 2 repeats item 1"), "\(twice.stdout)")
    }
}
