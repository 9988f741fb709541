import Foundation
import Testing

/// `rota verify` on hand-broken copies of a plan `rota plan` wrote: exit 1, naming the rule.
@Suite struct VerifyBrokenPlanTests {
    /// heze-mini planned once into a temporary folder.
    static let plannedDir: URL = {
        let dir = try! RotaProcess.temporaryDirectory()
        let r = try! RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", dir.path, "--quiet"])
        precondition(r.status == 0, r.stderr)
        return dir
    }()

    /// The planned plan.json as a JSON object.
    static func planObject() throws -> [String: Any] {
        let data = try Data(contentsOf: plannedDir.appendingPathComponent("plan.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: ["T1.quota", "TCM.weekly", "PLAN.integrity", "T3.station-continuity", "T2.team-size"])
    func aBrokenCopyExitsOneNamingTheRule(rule: String) throws {
        var plan = try Self.planObject()
        var teams = plan["teams"] as! [[String: Any]]
        var helpers = plan["villageHelpers"] as! [[String: Any]]
        switch rule {
        case "T1.quota":
            let i = try #require(teams.firstIndex { $0["tier"] as? String == "T1" })
            teams.remove(at: i)
        case "TCM.weekly":
            plan["tcmClinics"] = [[String: Any]]()
        case "PLAN.integrity":
            teams[0]["members"] = (teams[0]["members"] as! [String]) + ["nobody-0000"]
        case "T3.station-continuity":
            let i = try #require(helpers.firstIndex { $0["form"] as? String == "station" })
            helpers[i]["end"] = "2025-03-31"
        default:
            let i = try #require(teams.firstIndex { $0["tier"] as? String == "T2" })
            teams[i]["members"] = Array((teams[i]["members"] as! [String]).prefix(3))
        }
        plan["teams"] = teams
        plan["villageHelpers"] = helpers
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("plan.json")
        try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys]).write(to: broken)
        let r = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", broken.path])
        #expect(r.status == 1, "\(r.stdout.suffix(500))")
        #expect(r.stdout.contains("FAILS"))
        #expect(r.stdout.contains("\(rule)["), "\(rule) not named:\n\(r.stdout.suffix(1500))")
    }

    @Test func theUnbrokenPlanPasses() throws {
        let r = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", Self.plannedDir.appendingPathComponent("plan.json").path])
        #expect(r.status == 0, "\(r.stdout.suffix(800))")
    }
}
