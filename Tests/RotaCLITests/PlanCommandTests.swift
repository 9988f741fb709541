import Foundation
import Testing

@Suite struct PlanCommandTests {
    @Test func helpTextIsExact() throws {
        let r = try RotaProcess.run(["plan", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        OVERVIEW: Plan a year of dispatch and its half-day rota for a scenario, and
        write them.

        Exit 0 with a plan, 1 when no compliant plan exists (the rules that collide are
        named), 2 for bad input, 3 when the solver stops without a plan.

        USAGE: rota plan <scenario> [--out <out>] [--time-limit <time-limit>] [--gap <gap>] [--write-model <write-model>] [--quiet] [--shard <K>] [--outputs <sets>]

        ARGUMENTS:
          <scenario>              The scenario: a YAML file or a filled rota template
                                  workbook (.xlsx); or a province file that lists one
                                  scenario per city.

        OPTIONS:
          --out <out>             Folder for the outputs (default: out/<scenario name>).
          --time-limit <time-limit>
                                  Seconds the annual plan may take in all; the best
                                  plan found by then is kept. (default: 60.0)
          --gap <gap>             Relative MIP gap at which a plan is good enough, e.g.
                                  0.01 for 1%. (default: 0.01)
          --write-model <write-model>
                                  Also write the models solved, as MPS files, into this
                                  folder.
          --quiet                 Print no progress and no summary.
          --shard <K>             With a province file: plan only its K-th city (from
                                  0), as one task of a batch job.
          --outputs <sets>        Output sets to write, comma-separated: plan (always),
                                  workbook, grid, calendars or calendars-zip, sites,
                                  report, all. (default: all)
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }

    @Test func aWrongOptionIsExitTwo() throws {
        let r = try RotaProcess.run(["plan", "x.yaml", "--gap", "2"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--gap must be at least 0 and below 1"))
        let unknown = try RotaProcess.run(["plan", "x.yaml", "--colour"])
        #expect(unknown.status == 2)
    }
}

@Suite struct PlanCommandEndToEndTests {
    /// heze-mini: every output is written, the independent verifier accepts the plan and the
    /// rota, the proof checks, and a second run gives byte-identical files.
    @Test func plansVerifiesAndRepeatsByteForByte() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a"), second = dir.appendingPathComponent("b"), models = dir.appendingPathComponent("mps")
        let r = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", first.path, "--write-model", models.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Independent verification: all"))
        let files = filesBelow(first)
        for name in ["plan.json", "assignments.csv", "summary.txt", "rota.csv", "rota-grid.csv", "rota.xlsx", "report.html", "proof.jsonl.gz"] {
            #expect(files.contains(name), "missing \(name)")
        }
        #expect(files.contains { $0.hasPrefix("ics/") && $0.hasSuffix(".ics") })
        // summary.txt is the summary and plan quality section rota plan prints.
        let summary = try String(contentsOf: first.appendingPathComponent("summary.txt"), encoding: .utf8)
        #expect(summary.contains("\nPlan quality\n") && summary.contains("40 of at least     40  at the bound"))
        #expect(r.stdout.contains(summary))
        #expect(files.contains { $0.hasPrefix("sites/") && $0.hasSuffix(".csv") })
        let mps = try String(contentsOf: models.appendingPathComponent("annual.mps"), encoding: .utf8)
        #expect(mps.contains("T1.quota[") && mps.contains("TCM.weekly["))

        let verify = try RotaProcess.run(["verify", "Scenarios/mini/heze-mini.yaml", first.appendingPathComponent("plan.json").path])
        #expect(verify.status == 0, "\(verify.stdout)")
        let check = try RotaProcess.run(["check-proof", "Scenarios/mini/heze-mini.yaml", first.appendingPathComponent("plan.json").path,
                                         first.appendingPathComponent("proof.jsonl.gz").path])
        #expect(check.status == 0, "\(check.stdout)")

        let again = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", second.path, "--quiet"])
        #expect(again.status == 0)
        #expect(filesBelow(second) == files)
        for name in files {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    /// An infeasible scenario: exit 1, the colliding rules named, no plan written, and the
    /// conflict.json re-checks (and a tampered one does not).
    @Test func infeasibleScenarioNamesTheRulesAndWritesNoPlan() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try RotaProcess.run(["plan", "Scenarios/infeasible/quota-short.yaml", "--out", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("T1.quota: 菏泽市中医医院 must send ≥ 15 people (1.2% of 1200 technical staff) but lists 12 candidates"))
        #expect(filesBelow(dir) == [".rota-outputs", "conflict.json"])
        let conflict = dir.appendingPathComponent("conflict.json")
        let ok = try RotaProcess.run(["check-proof", "Scenarios/infeasible/quota-short.yaml", conflict.path])
        #expect(ok.status == 0, "\(ok.stdout)")
        // Tampered: claims the hospital can send 14.
        let text = try String(contentsOf: conflict, encoding: .utf8).replacingOccurrences(of: "\"achievable\" : 12", with: "\"achievable\" : 14")
        try text.write(to: conflict, atomically: true, encoding: .utf8)
        let bad = try RotaProcess.run(["check-proof", "Scenarios/infeasible/quota-short.yaml", conflict.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("achievable 14 in the conflict, 12 recomputed"))
    }

    /// The "7-run county" of issue 12: one run names all six independent conflicts, the
    /// re-check confirms each, and making the advised changes once — in the YAML, as a planner
    /// would: the `rules:` numbers and new lines in the staff list — gives a verified plan.
    @Test func oneRunNamesEveryConflictAndItsAdviceGivesAPlan() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = "Scenarios/infeasible/seven-runs.yaml"
        let r = try RotaProcess.run(["plan", scenario, "--out", dir.appendingPathComponent("first").path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("6 independent conflicts"), "\(r.stdout)")
        let conflictFile = dir.appendingPathComponent("first/conflict.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: conflictFile)) as! [String: Any]
        let items = json["items"] as! [[String: Any]]
        let byConflict = Dictionary(grouping: items, by: { $0["conflict"] as! Int }).mapValues { Set($0.map { $0["rule"] as! String }) }
        #expect(Set(byConflict.values) == [["T1.quota"], ["TCM.weekly"], ["T3.total.stationed"], ["REGION.total"],
                                           ["T2.quota", "T2.team-mix"], ["T2.quota", "T3.total"]], "\(byConflict)")
        #expect(json["adviceChecked"] as? Bool == true)
        let check = try RotaProcess.run(["check-proof", scenario, conflictFile.path])
        #expect(check.status == 0, "\(check.stdout)")

        // Make every change of the advice in the scenario file.
        var yaml = try String(contentsOfFile: scenario, encoding: .utf8)
        var added = 0
        for advice in json["advice"] as! [[String: Any]] {
            switch advice["action"] as! String {
            case "set-parameter":
                let key = advice["parameter"] as! String, to = advice["to"] as! Int
                let lines = yaml.components(separatedBy: "\n")
                let at = try #require(lines.firstIndex { $0.hasPrefix("  \(key): ") })
                yaml = (lines[..<at] + ["  \(key): \(to)"] + lines[(at + 1)...]).joined(separator: "\n")
            case "add-candidates":
                for _ in 0..<(advice["count"] as! Int) {
                    added += 1
                    let extra = ["specialty", "title"].compactMap { key in (advice[key] as? String).map { ", \(key): \($0)" } }.joined()
                    yaml += "\n  - {id: new-\(added), name: 新人\(added), institution: \(advice["institution"] as! String), role: \(advice["role"] as? String ?? "doctor")\(extra)}"
                }
            default:
                Issue.record("advice \(advice) is not one a planner can make in the file")
            }
        }
        #expect(added == 5)   // 3 at 菏泽市中医医院, a senior TCM physician, a nurse
        let changed = dir.appendingPathComponent("changed.yaml")
        try (yaml + "\n").write(to: changed, atomically: true, encoding: .utf8)
        let again = try RotaProcess.run(["plan", changed.path, "--out", dir.appendingPathComponent("second").path])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("Independent verification: all"))
    }

    /// `--time-limit` bounds the whole annual phase: a limit over before GLPK could start
    /// still gives a compliant plan (the greedy start), verified and written, and the summary
    /// says the limit cut the search and that no bound was proven.
    @Test func aTimeLimitCutsTheSearchAndSaysSo() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", dir.path, "--time-limit", "0.000001"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Solver: feasible, objective "), "\(r.stdout)")
        #expect(r.stdout.contains("no bound yet"))
        #expect(r.stdout.contains("The time limit (1e-06 s) cut the search before any bound was proven"), "\(r.stdout)")
        #expect(r.stdout.contains("Independent verification: all"))
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("plan.json"))) as! [String: Any]
        let solver = try #require(plan["solver"] as? [String: Any])
        #expect(solver["timeLimit"] as? Double == 0.000001)
        #expect(solver["noBound"] as? Bool == true)
        // With time to spare, nothing is said of a limit.
        let full = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", dir.path, "--quiet"])
        #expect(full.status == 0)
        let again = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("plan.json"))) as! [String: Any]
        #expect((again["solver"] as? [String: Any])?["timeLimit"] == nil)
    }

    /// A malformed scenario: exit 2, every problem as file:line: path, nothing written.
    @Test func malformedScenarioWritesNothing() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
        name: broken
        profile: heze-city
        period: {start: 2025-01-01, end: 2024-12-31}
        institutions:
          - {id: a, name: 甲医院, tier: tertary, technicalStaff: 100}
          - {id: b, name: 乙医院, tier: secondary, technicalStaff: -5}
        staff:
          - {id: p1, name: 张伟, institution: nowhere, role: surgeon}
        """.write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try RotaProcess.run(["plan", bad.path, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:5: institutions[0].tier: unknown tier \"tertary\" (expected tertiary, secondary, county, township, village)"))
        #expect(r.stderr.contains("bad.yaml:6: institutions[1].technicalStaff"))
        #expect(r.stderr.contains("bad.yaml:8: staff[0].role"))
        #expect(r.stderr.contains("bad.yaml:3: period"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(r.stdout.isEmpty)
    }
}
