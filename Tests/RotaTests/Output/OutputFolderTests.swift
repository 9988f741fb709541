import Foundation
import Testing
@testable import RotaOutput

/// The output folder is replaced as a whole: one run's files, never a mix, nothing stale.
@Suite struct OutputFolderTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func files(_ url: URL) -> [String] {
        let all = FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []
        return all.filter { name in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDir)
            return !isDir.boolValue
        }.sorted()
    }

    @Test func aSecondRunLeavesNothingOfTheFirst() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        try OutputFolder(path: out).replace(with: [OutputFile("plan.json", Data("1".utf8)),
                                                   OutputFile("ics/old-person.ics", Data("x".utf8))])
        try OutputFolder(path: out).replace(with: [OutputFile("conflict.json", Data("2".utf8))])
        #expect(files(URL(fileURLWithPath: out)) == [".rota-outputs", "conflict.json"])
        #expect(try String(contentsOfFile: out + "/.rota-outputs", encoding: .utf8).hasSuffix("files:\nconflict.json\n"))
        // Nothing is left beside it either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    /// A file staged ahead of the run's end waits in the hidden folder: it joins the run's other
    /// files when they replace the folder, and is gone when the run is abandoned.
    @Test func stagedFilesJoinTheRunOrAreDiscarded() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let folder = try OutputFolder(path: out)
        try folder.replace(with: [OutputFile("old.txt", Data("old".utf8))])
        let staged = try folder.stage(OutputFile("ics/a.ics", Data("A".utf8)))
        #expect(staged.contents.count == 1 && staged.contents.bytes == Data("A".utf8))
        #expect(files(URL(fileURLWithPath: out)) == [".rota-outputs", "old.txt"])
        folder.discardStaged()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
        #expect(files(URL(fileURLWithPath: out)) == [".rota-outputs", "old.txt"])

        let again = try folder.stage(OutputFile("ics/a.ics", Data("A".utf8)))
        try folder.replace(with: [OutputFile("plan.json", Data("1".utf8)), again])
        #expect(files(URL(fileURLWithPath: out)) == [".rota-outputs", "ics/a.ics", "plan.json"])
        #expect(try String(contentsOfFile: out + "/ics/a.ics", encoding: .utf8) == "A")
        #expect(try String(contentsOfFile: out + "/.rota-outputs", encoding: .utf8).hasSuffix("files:\nics/a.ics\nplan.json\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    @Test func leftoversOfKilledRunsAreRemoved() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // A pid far above any pid_max: that process cannot be alive.
        let dead = root.appendingPathComponent(".out.rota-new-2147483600")
        try FileManager.default.createDirectory(at: dead.appendingPathComponent("ics"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".out.rota-new-2147483601.old"), withIntermediateDirectories: true)
        _ = try OutputFolder(path: root.appendingPathComponent("out").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func aFolderRotaDidNotWriteIsRefusedBeforeAnyWork() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) { try OutputFolder(path: root.path) }
        do { _ = try OutputFolder(path: root.path) } catch {
            #expect(error.description.contains("is a folder rota did not write"))
        }
        #expect(files(root) == ["notes.txt"])
    }

    @Test func anUnwritablePlaceIsRefusedInPlainWords() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a-file")
        try Data().write(to: file)
        do {
            _ = try OutputFolder(path: file.appendingPathComponent("out").path)
            Issue.record("a folder below a file was accepted")
        } catch {
            #expect(error.reason == "a part of the path is a file, not a folder")
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aFullDiskIsNamedAsSuch() throws {
        // /dev/full refuses every write with ENOSPC, as a full disk does.
        #expect(throws: (any Error).self) { try OutputFolder.write(.data(Data("x".utf8)), to: "/dev/full") }
        do { try OutputFolder.write(.data(Data("x".utf8)), to: "/dev/full") } catch {
            #expect(OutputError.reason(for: error) == "the disk is full (free some space and run again)")
        }
    }

    @Test func oneFileIsReplacedWhole() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("sub/proof.json").path
        try OutputFolder.replaceFile(at: path, with: .parts([[1, 2], [3]]))
        try OutputFolder.replaceFile(at: path, with: .data(Data([9])))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([9]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("sub").path) == ["proof.json"])
    }
}
