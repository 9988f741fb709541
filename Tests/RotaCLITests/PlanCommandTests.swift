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

        USAGE: rota plan <scenario> [--out <out>] [--time-limit <time-limit>] [--gap <gap>] [--write-model <write-model>] [--quiet] [--shard <K>]

        ARGUMENTS:
          <scenario>              The scenario YAML file, or a province file that lists
                                  one scenario per city.

        OPTIONS:
          --out <out>             Folder for the outputs (default: out/<scenario name>).
          --time-limit <time-limit>
                                  Seconds the solver may search. (default: 60.0)
          --gap <gap>             Relative MIP gap at which a plan is good enough, e.g.
                                  0.01 for 1%. (default: 0.01)
          --write-model <write-model>
                                  Also write the models solved, as MPS files, into this
                                  folder.
          --quiet                 Print no progress and no summary.
          --shard <K>             With a province file: plan only its K-th city (from
                                  0), as one task of a batch job.
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
