import Foundation
import Testing

/// `rota plan`'s output folder as a user meets it: checked before solving, replaced as a whole,
/// never a mix of two runs even when a run is killed part-way.
@Suite struct OutputFolderCommandTests {
    static let mini = "Scenarios/mini/heze-mini.yaml"

    /// The files the folder's marker lists are exactly the files in it, so it holds one run.
    func holdsOneWholeRun(_ dir: URL) throws -> Bool {
        let marker = try String(contentsOf: dir.appendingPathComponent(".rota-outputs"), encoding: .utf8)
        let listed = marker.split(separator: "\n").dropFirst().map(String.init).sorted()
        return listed == filesBelow(dir).filter { $0 != ".rota-outputs" }
    }

    @Test func anUnwritableOutFolderExitsFourBeforeSolving() throws {
        let root = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a-file")
        try Data().write(to: file)
        let r = try RotaProcess.run(["plan", Self.mini, "--out", file.appendingPathComponent("out").path])
        #expect(r.status == 4)
        #expect(r.stderr.contains("rota plan: cannot write the outputs:") && r.stderr.contains("a part of the path is a file, not a folder"))
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        #expect(r.stdout.isEmpty, "nothing was planned: \(r.stdout)")
    }

    @Test func aKilledRunLeavesThePreviousOutputsWhole() throws {
        let root = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let first = try RotaProcess.run(["plan", Self.mini, "--out", out.path, "--quiet"])
        try #require(first.status == 0, "\(first.stderr)")
        let before = filesBelow(out)
        let plan = try Data(contentsOf: out.appendingPathComponent("plan.json"))
        // Kill later runs at several moments, including while they write.
        for delay in [0.2, 0.6, 1.0, 1.4] {
            let p = Process()
            p.executableURL = RotaProcess.executable
            p.arguments = ["plan", Self.mini, "--out", out.path, "--quiet"]
            p.currentDirectoryURL = RotaProcess.packageRoot
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(try holdsOneWholeRun(out), "after a kill at \(delay) s")
            #expect(filesBelow(out) == before)
            #expect(try Data(contentsOf: out.appendingPathComponent("plan.json")) == plan)
        }
        // The next run cleans what the killed ones left beside the folder.
        let again = try RotaProcess.run(["plan", Self.mini, "--out", out.path, "--quiet"])
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    @Test func anInfeasibleRunReplacesAnOldPlan() throws {
        let root = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        #expect(try RotaProcess.run(["plan", Self.mini, "--out", out.path, "--quiet"]).status == 0)
        let r = try RotaProcess.run(["plan", "Scenarios/infeasible/quota-short.yaml", "--out", out.path])
        #expect(r.status == 1)
        #expect(filesBelow(out) == [".rota-outputs", "conflict.json"])
    }
}
