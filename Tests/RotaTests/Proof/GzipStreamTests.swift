import Foundation
import Testing
@testable import RotaCore
@testable import RotaProof

/// The proof's gzip layer: what any gzip reader reads, and nothing that is not gzip.
@Suite struct GzipStreamTests {
    private func lines(_ n: Int) -> [[UInt8]] {
        (0..<n).map { Array("{\"n\":\($0),\"text\":\"第\($0)行 rounds at 仵楼镇张洼村卫生室\"}\n".utf8) }
    }

    @Test func roundTripsInOneOrSeveralMembers() throws {
        let parts = lines(60_000)   // over 1 MiB: split into members
        let joined = Array(parts.joined())
        for members in [1, 2, 5] {
            let file = GzipStream.compress(parts, members: members)
            #expect(try GzipStream.decompress(file, limit: 1 << 30) == joined, "members \(members)")
            #expect(file.count < joined.count / 5)
        }
        #expect(try GzipStream.decompress(GzipStream.compress([]), limit: 10) == [])
        #expect(try GzipStream.decompress(GzipStream.compress([[], [0x41], []]), limit: 10) == [0x41])
    }

    @Test func gunzipReadsWhatRotaWrites() throws {
        let parts = lines(70_000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try GzipStream.compress(parts, members: 2).write(to: dir.appendingPathComponent("p.gz"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc p.gz > p.txt"]
        p.currentDirectoryURL = dir
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("p.txt")) == Data(parts.joined()))
    }

    @Test func refusesWhatIsNotWholeGzip() {
        let file = GzipStream.compress(lines(100))
        func message(_ data: Data, limit: Int = 1 << 20) -> String? {
            do { _ = try GzipStream.decompress(data, limit: limit); return nil } catch { return error.message }
        }
        #expect(message(Data("{\"format\":\"rota-proof/2\"}\n".utf8))?.hasPrefix("not a gzip file") == true)
        #expect(message(Data()) != nil)
        #expect(message(file.prefix(file.count / 2))?.contains("cut short") == true)
        #expect(message(file.prefix(file.count - 4)) != nil)
        var damaged = file
        damaged[damaged.count / 2] ^= 0xFF
        #expect(message(damaged) != nil)
        #expect(message(file + Data("trailing".utf8))?.contains("bytes after the gzip data") == true)
        // A small file that inflates beyond the limit is refused, not inflated.
        let bomb = GzipStream.compress([[UInt8](repeating: 0x20, count: 5_000_000)], level: 9)
        #expect(bomb.count < 20_000)
        #expect(message(bomb, limit: 1_000_000)?.contains("over 1000000 bytes") == true)
    }
}
