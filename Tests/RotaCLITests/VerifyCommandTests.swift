import Foundation
import Testing

/// Runs the built `rota` executable (next to the test bundle).
private func rota(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [here.appendingPathComponent("rota"),
                      here.deletingLastPathComponent().appendingPathComponent("rota")]
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                              "rota executable not found next to \(here.path)")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Suite struct VerifyCommandTests {
    @Test func unreadableInputsExitTwoAndListBothFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan.json")
        try Data("{\n  \"format\": \"rota-plan/1\",\n  ]".utf8).write(to: plan)
        let scenario = dir.appendingPathComponent("missing.yaml").path

        let run = try rota(["verify", scenario, plan.path])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err.contains(scenario))
        #expect(run.err.contains("\(plan.path):3: (whole file): not valid JSON"))
    }

    @Test func helpTextIsExact() throws {
        let run = try rota(["verify", "--help"])
        #expect(run.status == 0)
        #expect(run.out == """
        OVERVIEW: Check a plan.json (and its rota.csv) against every rule of its
        scenario, independently of the planners.

        Re-derives every rule instance (quotas, team sizes, durations, localities, 3331
        workstations, village help, TCM clinics, leave, totals) from the scenario and
        checks the plan in integer arithmetic. With --rota, or when a rota.csv sits
        beside the plan, also checks the weekly half-day rota: postings, 3331 visits
        per month, station days, rounds, technical support and TCM clinics per week,
        leave and covers. Exit 0: the plan (and rota) comply; 1: a rule is broken; 2:
        the scenario, plan or rota file cannot be read.

        USAGE: rota verify <scenario> <plan> [--proof] [--proof-out <file>] [--rota <rota.csv>] [--changes <changes>] [--earlier <earlier>] [--from <from>]

        ARGUMENTS:
          <scenario>              The scenario YAML file the plan was made for.
          <plan>                  The plan.json file to check (as written by `rota
                                  plan`).

        OPTIONS:
          --proof                 Also write the compliance proof, proof.jsonl.gz,
                                  beside the plan.
          --proof-out <file>      Write the compliance proof to this file instead
                                  (implies --proof).
          --rota <rota.csv>       The rota.csv to check with the plan (default:
                                  rota.csv beside the plan, if there is one).
          --changes <changes>     A re-plan's change file: the scenario is checked with
                                  its events applied (needs --from).
          --earlier <earlier>     The earlier plan's folder: check that no rota entry
                                  before --from changed.
          --from <from>           The re-plan date (YYYY-MM-DD) of --changes and
                                  --earlier.
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }

    @Test func anUnreadableRotaBesideThePlanIsReadAndListedToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan.json")
        try Data("{}".utf8).write(to: plan)
        let beside = dir.appendingPathComponent("rota.csv")
        try Data("person,name,hospital,date,half,site,site_name,activity\np,,,2025-09-01,noon,s,,posting\n".utf8).write(to: beside)
        let scenario = dir.appendingPathComponent("missing.yaml").path

        let found = try rota(["verify", scenario, plan.path])
        #expect(found.status == 2)
        #expect(found.err.contains("\(beside.path):2: rota[0].half: unknown half \"noon\" (expected am, pm, 上午 or 下午)"))

        let other = dir.appendingPathComponent("other.csv").path
        let given = try rota(["verify", scenario, plan.path, "--rota", other])
        #expect(given.status == 2)
        #expect(given.err.contains("\(other): (whole file): cannot read the rota file (no such file)"))
        #expect(!given.err.contains(beside.path))
    }
}
