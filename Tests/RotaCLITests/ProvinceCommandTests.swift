import Foundation
import Rota
import Testing

/// A province end to end with the real binary: two cities (the mini scenario and its variant)
/// planned as shards and as a whole, rolled up by `rota audit`, and bad input refused whole.
@Suite(.serialized) struct ProvinceCommandTests {
    private static let cities = [("mini-a", "Scenarios/mini/heze-mini.yaml"), ("mini-b", "Scenarios/audit/heze-mini-b/scenario.yaml")]

    /// A province file in a fresh folder naming the two cities by absolute path.
    private func provinceFile(extra: String = "") throws -> (dir: URL, file: URL) {
        let dir = try RotaProcess.temporaryDirectory()
        let lines = ["province: two-minis", "cities:"]
            + Self.cities.map { "  - {id: \($0.0), scenario: \(RotaProcess.packageRoot.appendingPathComponent($0.1).path)}" }
        let file = dir.appendingPathComponent("province.yaml")
        try Data((lines.joined(separator: "\n") + "\n" + extra).utf8).write(to: file)
        return (dir, file)
    }

    @Test func aShardPlansOneCityAndTheWholeProvinceRollsUp() throws {
        let (dir, file) = try provinceFile()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")

        // One task of a batch job: city 1 only, nothing else in the folder.
        let shard = try RotaProcess.run(["plan", file.path, "--shard", "1", "--out", out.path])
        #expect(shard.status == 0, "\(shard.stdout)\n\(shard.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["mini-b"])
        let verifyB = try RotaProcess.run(["verify", Self.cities[1].1, out.appendingPathComponent("mini-b/plan.json").path,
                                           "--rota", out.appendingPathComponent("mini-b/rota.csv").path])
        #expect(verifyB.status == 0, "\(verifyB.stdout)\n\(verifyB.stderr)")

        // The roll-up refuses a province with a city not planned yet, naming its line.
        let early = try RotaProcess.run(["audit", file.path, "--plans", out.path])
        #expect(early.status == 2)
        #expect(early.stderr.contains("\(file.path):3: cities[0]: city mini-a has no plan"), "\(early.stderr)")

        // The whole province: both cities, and province.csv with a row of sums.
        let whole = try RotaProcess.run(["plan", file.path, "--out", out.path])
        #expect(whole.status == 0, "\(whole.stdout)\n\(whole.stderr)")
        #expect(whole.stdout.contains("Province two-minis: 2 cities, every city planned and verified"))
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("province.csv")).dropFirst(3), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows.map { $0[0] } == ["city", "mini-a", "mini-b", "province"])
        let people = rows[0].firstIndex(of: "people")!, instances = rows[0].firstIndex(of: "instances")!
        #expect(Int(rows[3][people])! == Int(rows[1][people])! + Int(rows[2][people])!)
        #expect(Int(rows[3][instances])! == Int(rows[1][instances])! + Int(rows[2][instances])!)
        // Each city's figures are its own plan's: T1 + T2 + T3 people of the plan rota verify passes.
        for (k, (id, scenario)) in Self.cities.enumerated() {
            let plan = try PlanReader.read(path: out.appendingPathComponent("\(id)/plan.json").path)
            let t3 = Set(plan.villageHelpers.filter { $0.form != .techSupport }.map(\.person)).count
            let t12 = ["T1", "T2"].map { tier in Set(plan.teams.filter { $0.tier == tier }.flatMap(\.members)).count }.reduce(0, +)
            #expect(Int(rows[k + 1][people]) == t12 + t3, "\(id)")
            let verify = try RotaProcess.run(["verify", scenario, out.appendingPathComponent("\(id)/plan.json").path])
            #expect(verify.status == 0, "\(id): \(verify.stdout)")
        }

        // The commission's roll-up re-verifies every city.
        let audit = try RotaProcess.run(["audit", file.path, "--plans", out.path])
        #expect(audit.status == 0, "\(audit.stdout)\n\(audit.stderr)")
        #expect(audit.stdout.contains("Audit of 2 submissions"))
        #expect(audit.stdout.contains("mini-a: verifier 0 failed") && audit.stdout.contains("mini-b: verifier 0 failed"))
    }

    @Test func badInputInAnyCityWritesNothing() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("broken.yaml")
        let mini = try String(contentsOf: RotaProcess.packageRoot.appendingPathComponent(Self.cities[0].1), encoding: .utf8)
        try Data(mini.replacingOccurrences(of: "name: heze-mini-2025", with: "name: broken-2025")
                     .replacingOccurrences(of: "profile: heze-city", with: "profile: heze-cty").utf8).write(to: broken)
        let (dir2, file2) = try provinceFile(extra: "  - {id: broken, scenario: \(broken.path)}\n")
        defer { try? FileManager.default.removeItem(at: dir2) }
        let out = dir2.appendingPathComponent("out")
        let run = try RotaProcess.run(["plan", file2.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(broken.path):"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aShardOutsideTheProvinceIsAUsageError() throws {
        let (dir, file) = try provinceFile()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try RotaProcess.run(["plan", file.path, "--shard", "2", "--out", dir.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--shard 2: \(file.path) has 2 cities (0 to 1)."))
        let scenario = try RotaProcess.run(["plan", Self.cities[0].1, "--shard", "0"])
        #expect(scenario.status == 2)
        #expect(scenario.stderr.contains("--shard needs a province file"))
    }
}
