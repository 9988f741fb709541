import Foundation
import Testing

@Suite struct ReplanCommandTests {
    @Test func helpTextIsExact() throws {
        let r = try RotaProcess.run(["replan", "--help"])
        #expect(r.stdout == """
        OVERVIEW: Re-plan the rest of the year after the events of a change file,
        keeping every half-day before --from as served.

        Exit 0 with a re-plan, 1 when the events break a rule the plan cannot absorb
        (the rules and events are named), 2 for bad input, 3 when no rota that keeps
        the plan passes the verifier, 4 when the outputs cannot be written.

        USAGE: rota replan <scenario> <plan-dir> --from <from> --changes <changes> [--out <out>] [--quiet]

        ARGUMENTS:
          <scenario>              The scenario YAML file the earlier plan was made for.
          <plan-dir>              The folder of the earlier plan (plan.json and
                                  rota.csv, as rota plan wrote them).

        OPTIONS:
          --from <from>           First day that may change (YYYY-MM-DD); every
                                  half-day before it is frozen.
          --changes <changes>     The change file (CHANGES.yaml) listing the events.
          --out <out>             Folder for the new outputs (default:
                                  PLAN_DIR-replan-DATE).
          --quiet                 Print no summary.
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }

    /// heze-mini: a week's absence of a T2 member re-plans with the past untouched and only
    /// that member's half-days changed; a bad change file is exit 2 with nothing written.
    @Test func aWeeksAbsenceReplansAndABadChangeFileWritesNothing() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let earlier = dir.appendingPathComponent("plan"), later = dir.appendingPathComponent("replan")
        let planned = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", earlier.path, "--quiet"])
        try #require(planned.status == 0, "\(planned.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: earlier.appendingPathComponent("plan.json"))) as! [String: Any]
        let member = ((plan["teams"] as! [[String: Any]]).first { $0["tier"] as? String == "T2" }!["members"] as! [String])[0]
        let changes = dir.appendingPathComponent("CHANGES.yaml")
        try "changes:\n  - {absence: \(member), from: 2025-07-07, to: 2025-07-11, reason: training}\n".write(to: changes, atomically: true, encoding: .utf8)
        let r = try RotaProcess.run(["replan", "Scenarios/mini/heze-mini.yaml", earlier.path, "--from", "2025-07-01", "--changes", changes.path, "--out", later.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Half-days changed from 2025-07-01: 10, for 1 person"))
        let csv = try String(contentsOf: later.appendingPathComponent("changes.csv"), encoding: .utf8)
        // One row under the Chinese header (CRLF line ends, as rota.csv and assignments.csv).
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(try Data(contentsOf: later.appendingPathComponent("changes.csv")).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(lines.count == 2 && lines[0].trimmingPrefix("\u{FEFF}") == "人员编号,姓名,所属单位编号,岗位变动,值班变动,减少半天数,增加半天数,首个变动日期,最后变动日期,原因")
        #expect(lines[1].hasPrefix("\(member),") && lines[1].contains(",减少,10,0,2025-07-07,2025-07-11,请假 2025-07-07至2025-07-11：training [\(changes.path):2]"))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: later.appendingPathComponent("replan.json"))) as! [String: Any]
        let replaces = record["replaces"] as! [String: String]
        #expect(replaces["plan"]?.hasPrefix("sha256:") == true)

        try "changes:\n  - {absence: nobody, from: 2025-07-07, to: 2025-07-11}\n".write(to: changes, atomically: true, encoding: .utf8)
        let bad = dir.appendingPathComponent("bad")
        let refused = try RotaProcess.run(["replan", "Scenarios/mini/heze-mini.yaml", earlier.path, "--from", "2025-07-01", "--changes", changes.path, "--out", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("CHANGES.yaml:2: changes[0].absence: no staff member \"nobody\" in the scenario"))
        #expect(!FileManager.default.fileExists(atPath: bad.path))

        // --out naming PLAN_DIR by another spelling (relative, trailing slash) is refused: the
        // earlier plan is the frozen past and must not be replaced by the re-plan.
        let before = try Data(contentsOf: earlier.appendingPathComponent("plan.json"))
        let scenario = RotaProcess.packageRoot.appendingPathComponent("Scenarios/mini/heze-mini.yaml").path
        let same = try RotaProcess.run(["replan", scenario, "plan", "--from", "2025-07-01", "--changes", changes.path,
                                        "--out", earlier.path + "/"], in: dir)
        #expect(same.status == 2)
        #expect(same.stderr.contains("--out must differ from PLAN_DIR"), "\(same.stderr)")
        #expect(try Data(contentsOf: earlier.appendingPathComponent("plan.json")) == before)
    }
}

/// `rota verify --changes --earlier --from` passes a re-plan and catches a changed past.
@Suite struct VerifyReplanTests {
    @Test func aReplanVerifiesAndAChangedPastIsCaught() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let earlier = dir.appendingPathComponent("plan"), later = dir.appendingPathComponent("replan")
        try #require(try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", earlier.path, "--quiet"]).status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: earlier.appendingPathComponent("plan.json"))) as! [String: Any]
        let member = ((plan["teams"] as! [[String: Any]]).first { $0["tier"] as? String == "T2" }!["members"] as! [String])[0]
        let changes = dir.appendingPathComponent("CHANGES.yaml")
        try "changes:\n  - {absence: \(member), from: 2025-07-07, to: 2025-07-11, reason: training}\n".write(to: changes, atomically: true, encoding: .utf8)
        try #require(try RotaProcess.run(["replan", "Scenarios/mini/heze-mini.yaml", earlier.path, "--from", "2025-07-01",
                                          "--changes", changes.path, "--out", later.path, "--quiet"]).status == 0)
        let newPlan = later.appendingPathComponent("plan.json").path
        let ok = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", newPlan, "--changes", changes.path, "--earlier", earlier.path, "--from", "2025-07-01"])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("Frozen past (every half-day before 2025-07-01) against \(earlier.path): all "))
        // Without the change file the absence is not leave: the member's missing week fails.
        let without = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", newPlan])
        #expect(without.status == 1)
        // A re-plan date earlier than the real one: the absence's week is a changed past.
        let early = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", newPlan, "--earlier", earlier.path, "--from", "2025-07-14"])
        #expect(early.status == 1)
        #expect(early.stdout.contains("10 entries removed, 0 added — FAILS"))
        let bad = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", newPlan, "--earlier", earlier.path])
        #expect(bad.status == 2)
        // The re-plan's proof is about the scenario with the changes applied: check-proof
        // confirms it with the same change file and date, and not against the bare scenario.
        let proof = later.appendingPathComponent("proof.jsonl.gz").path
        let confirmed = try RotaProcess.run(["check-proof", "Scenarios/mini/heze-mini.yaml", newPlan, proof, "--changes", changes.path, "--from", "2025-07-01"])
        #expect(confirmed.status == 0, "\(confirmed.stdout)\(confirmed.stderr)")
        #expect(confirmed.stdout.hasPrefix("proof confirmed: "))
        let bare = try RotaProcess.run(["check-proof", "Scenarios/mini/heze-mini.yaml", newPlan, proof])
        #expect(bare.status == 1)
        #expect(bare.stdout.contains("  - digest scenario: the proof says "))
        #expect(try RotaProcess.run(["check-proof", "Scenarios/mini/heze-mini.yaml", newPlan, proof, "--changes", changes.path]).status == 2)
    }
}
