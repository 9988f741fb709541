import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaOutput
@testable import RotaPlanner

/// `rota plan` writes the large files made beside the verification into the output folder's
/// hidden folder as each is made, instead of holding them all until the end: the folder it
/// ends with is the one the in-memory run writes, byte for byte, and a plan the verifier
/// refuses leaves nothing — neither in the folder nor beside it.
@Suite struct StagedOutputsTests {
    func scratch() throws -> URL { try OutputFolderTests().scratch() }

    /// Every file under `root` (hidden ones too) with its bytes.
    func contents(_ root: URL) -> [String: Data] {
        let names = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        var out: [String: Data] = [:]
        for name in names {
            var isDir: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                out[name] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    @Test func stagedRunWritesTheSameFolderAsTheInMemoryRun() throws {
        let year = try #require(ReportPagesFixture.year)
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let staged = try OutputFolder(path: root.appendingPathComponent("staged").path)
        let pipeline = PlanPipeline(scenario: ReportPagesFixture.scenario)
        guard case .planned(let made) = try pipeline.complete(plan: year.plan, rota: year.rota, staging: staged) else {
            Issue.record("heze-mini was not planned"); return
        }
        // The workbook, grid, calendars and site sheets are on disk already, not in memory.
        let onDisk = made.files.filter { if case .file = $0.contents { return true } else { return false } }.map(\.name)
        #expect(onDisk.contains("rota.xlsx") && onDisk.contains("rota-grid.csv") && onDisk.contains("proof.jsonl.gz"))
        #expect(onDisk.contains { $0.hasPrefix("ics/") } && onDisk.contains { $0.hasPrefix("sites/") })
        // So are rota.csv (staged before it is verified), the proof and the report pages.
        #expect(onDisk.contains("rota.csv") && onDisk.contains("report.html"))
        #expect(!onDisk.contains("plan.json"))
        #expect(made.files.map(\.name) == year.files.map(\.name))
        try staged.replace(with: made.files)

        let whole = try OutputFolder(path: root.appendingPathComponent("whole").path)
        try whole.replace(with: year.files)
        let a = contents(root.appendingPathComponent("staged")), b = contents(root.appendingPathComponent("whole"))
        #expect(a.count == b.count && a.count > 10)
        #expect(a == b)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["staged", "whole"])
    }

    /// With `--outputs calendars-zip`, the calendars are held as their deflated zip entries as
    /// they are made (not as some 100 MB of text for Heze), and calendars.zip is the archive of
    /// the calendars made in memory, byte for byte.
    @Test func calendarsBoundForTheZipAreHeldDeflated() throws {
        let year = try #require(ReportPagesFixture.year)
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let selection = try OutputSelection(parsing: "plan,calendars-zip")
        let folder = try OutputFolder(path: root.appendingPathComponent("out").path)
        let pipeline = PlanPipeline(scenario: ReportPagesFixture.scenario, outputs: selection)
        guard case .planned(let made) = try pipeline.complete(plan: year.plan, rota: year.rota, staging: folder) else {
            Issue.record("heze-mini was not planned"); return
        }
        folder.discardStaged()
        let calendars = made.files.filter { $0.name.hasPrefix("ics/") }
        #expect(calendars.count > 10)
        #expect(calendars.allSatisfy { if case .deflated = $0.contents { return true } else { return false } })
        let zipped = try selection.apply(to: made.files)
        let inMemory = try selection.apply(to: year.files)
        #expect(zipped.map(\.name) == inMemory.map(\.name))
        let zip = try #require(zipped.first { $0.name == OutputSelection.calendarsZipName })
        let expected = try #require(inMemory.first { $0.name == OutputSelection.calendarsZipName })
        #expect(zip.contents.bytes == expected.contents.bytes)
        #expect(!zipped.contains { $0.name.hasPrefix("ics/") })
    }

    @Test func aRefusedPlanLeavesNothingStaged() throws {
        let year = try #require(ReportPagesFixture.year)
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let folder = try OutputFolder(path: out.path)
        try folder.replace(with: [OutputFile("plan.json", Data("the previous run".utf8))])
        let before = contents(out)

        // The rota without one person's half-days: the verifier refuses it.
        var entries = year.rota.rota.entries
        let dropped = entries[0].person
        entries.removeAll { $0.person == dropped }
        var rota = year.rota.rota
        rota.entries = entries
        let pipeline = PlanPipeline(scenario: ReportPagesFixture.scenario)
        let outcome = try pipeline.complete(plan: year.plan, rota: RotaRun(rota: rota, statistics: year.rota.statistics), staging: folder)
        guard case .rejected(let refused) = outcome else { Issue.record("the broken rota was not refused"); return }
        #expect(!refused.report.passed)
        // The previous outputs, untouched, and no hidden folder of staged files beside them.
        #expect(contents(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }
}
