import Foundation
import Testing

/// `rota plan --outputs`: only the chosen sets are written (the plan, rota and proof always),
/// calendars optionally as one deterministic zip, and bad combinations are refused up front.
@Suite struct OutputsOptionTests {
    static let zipListing = """
    import sys, json, zipfile
    z = zipfile.ZipFile(sys.argv[1])
    assert z.testzip() is None
    print(json.dumps([[i.filename, list(i.date_time), i.compress_type, i.external_attr >> 16, z.read(i).decode("utf-8")] for i in z.infolist()]))
    """

    @Test func chosenSetsOnlyWithCalendarsInOneZip() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = dir.appendingPathComponent("all"), some = dir.appendingPathComponent("some"), again = dir.appendingPathComponent("again")
        let full = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", all.path, "--quiet"])
        try #require(full.status == 0, "\(full.stderr)")
        let r = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", some.path, "--outputs", "workbook, calendars-zip"])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Wrote \(some.path)/: plan.json, assignments.csv, summary.txt, rota.csv, proof.jsonl.gz, rota.xlsx, calendars.zip\n"))
        #expect(filesBelow(some) == [".rota-outputs", "assignments.csv", "calendars.zip", "plan.json", "proof.jsonl.gz", "rota.csv", "rota.xlsx", "summary.txt"])
        for name in ["plan.json", "rota.csv", "proof.jsonl.gz", "rota.xlsx"] {
            #expect(try Data(contentsOf: some.appendingPathComponent(name)) == Data(contentsOf: all.appendingPathComponent(name)), "\(name)")
        }

        // The zip holds exactly the ics/ files of a full run, sorted, with fixed times.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", Self.zipListing, some.appendingPathComponent("calendars.zip").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let listing = try JSONSerialization.jsonObject(with: out.fileHandleForReading.readDataToEndOfFile()) as! [[Any]]
        p.waitUntilExit()
        let ics = filesBelow(all).filter { $0.hasPrefix("ics/") }
        #expect(!ics.isEmpty)
        #expect(listing.map { $0[0] as! String } == ics)
        #expect(listing.allSatisfy { ($0[1] as! [Int]) == [1980, 1, 1, 0, 0, 0] && ($0[2] as! Int) == 8 && ($0[3] as! Int) & 0o777 == 0o644 })
        for entry in listing {
            let name = entry[0] as! String
            #expect(entry[4] as! String == (try String(contentsOf: all.appendingPathComponent(name), encoding: .utf8)), "\(name)")
        }

        // The same inputs give the same zip, byte for byte.
        let second = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", again.path, "--quiet", "--outputs", "calendars-zip,plan"])
        try #require(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: again.appendingPathComponent("calendars.zip")) == Data(contentsOf: some.appendingPathComponent("calendars.zip")))
        #expect(filesBelow(again) == [".rota-outputs", "assignments.csv", "calendars.zip", "plan.json", "proof.jsonl.gz", "rota.csv", "summary.txt"])
    }

    @Test func badSetsAndCombinationsAreExitTwoBeforeAnyWork() throws {
        let cases = [
            ("calendars,calendars-zip", "--outputs: calendars-zip puts the calendars in one archive instead of ics/; it cannot go with calendars"),
            ("all,calendars-zip", "it cannot go with all (which holds calendars)"),
            ("workbook,pdf", "--outputs: unknown set \"pdf\" (expected plan, workbook, grid, calendars, calendars-zip, sites, report, all)"),
            (",", "--outputs names no set"),
        ]
        for (sets, message) in cases {
            let r = try RotaProcess.run(["plan", "Scenarios/mini/heze-mini.yaml", "--out", "/nonexistent/never", "--outputs", sets])
            #expect(r.status == 2, "\(sets)")
            #expect(r.stderr.contains(message), "\(sets): \(r.stderr)")
        }
    }
}
