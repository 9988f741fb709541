import Foundation
import Testing

@Suite struct SuggestCommandTests {
    @Test func helpTextIsExact() throws {
        let r = try RotaProcess.run(["suggest", "--help"])
        #expect(r.stdout == """
        OVERVIEW: List who could take over a person's duties from a date, ranked, with
        the rules each keeps or breaks.

        Reads plan.json of PLAN_DIR; writes nothing. Exit 0 with a list (or none
        found), 2 for bad input.

        USAGE: rota suggest <scenario> <plan-dir> --replace <replace> --from <from> [--limit <limit>]

        ARGUMENTS:
          <scenario>              The scenario YAML file the plan was made for.
          <plan-dir>              The folder of the plan (holding plan.json, as written
                                  by rota plan).

        OPTIONS:
          --replace <replace>     Staff id of the person to replace.
          --from <from>           First day the replacement serves (YYYY-MM-DD).
          --limit <limit>         How many candidates to list. (default: 10)
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }

    /// heze-mini: the T1 group nurse's duties from July can go to a free nurse of the same
    /// hospital, and the list says which rules that keeps.
    @Test func listsFreeNursesOfTheSameSenderForTheGroupNurse() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let planned = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", dir.path, "--quiet"])
        try #require(planned.status == 0, "\(planned.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("plan.json"))) as! [String: Any]
        let team = (plan["teams"] as! [[String: Any]]).first { $0["group3331"] != nil }!
        let group = team["group3331"] as! [String: String]
        let nurse = group["nurse"]!
        let r = try RotaProcess.run(["suggest", "Scenarios/mini/heze-mini.yaml", dir.path, "--replace", nurse, "--from", "2025-07-01", "--limit", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(nurse) (nurse, \(team["sender"]!)) from 2025-07-01: member of \(team["id"]!) (3331 group nurse)")
        let ranked = lines.filter { $0.range(of: #"^[0-9]+\. "#, options: .regularExpression) != nil }
        #expect(ranked.count == 2)
        #expect(ranked.allSatisfy { $0.contains("(nurse") && $0.hasSuffix("keeps every rule") })
        #expect(r.stdout.contains("keeps T1.3331:"))
        #expect(!r.stdout.contains("BREAKS"))
        let members = Set(team["members"] as! [String])
        for line in ranked { #expect(!members.contains(String(line.split(separator: " ")[1]))) }
    }

    @Test func aMissingPlanIsExit2() throws {
        let r = try RotaProcess.run(["suggest", "Scenarios/mini/heze-mini.yaml", "/nonexistent", "--replace", "x", "--from", "2025-07-01"])
        #expect(r.status == 2)
    }
}
