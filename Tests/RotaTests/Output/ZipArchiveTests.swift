import Foundation
import Testing
import ZIPFoundation
@testable import RotaOutput

/// The zip writer rota uses for rota.xlsx and calendars.zip: byte for byte the archive
/// ZIPFoundation (which wrote them before) makes of the same parts, whether the parts are fed
/// in one piece or in chunks of any size.
@Suite struct ZipArchiveTests {
    /// Text like a sheet's XML, with enough variety that deflate has work: `count` bytes, the
    /// same every run.
    static func sample(_ count: Int, seed: UInt64 = 7) -> [UInt8] {
        var state = seed, out: [UInt8] = []
        out.reserveCapacity(count + 64)
        while out.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(state >> 40) % 100_000
            out += Array("<row r=\"\(n)\"><c r=\"A\(n)\" t=\"s\"><v>\(n % 977)</v></c>".utf8)
            if state & 0xF == 0 { out += (0..<Int(state >> 60)).map { UInt8(truncatingIfNeeded: state >> (8 * ($0 % 8))) } }
        }
        return Array(out.prefix(count))
    }

    /// The archive as ZIPFoundation writes it: what `XLSXWorkbook.zip` did before.
    static func zipFoundation(_ parts: [(String, [UInt8])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800), permissions: 0o644,
                                 compressionMethod: .deflate, bufferSize: 1 << 20) { position, size in
                let start = data.startIndex + Int(position)
                return data.subdata(in: start..<min(start + size, data.endIndex))
            }
        }
        return try #require(archive.data)
    }

    static let parts: [(String, [UInt8])] = [
        ("empty.txt", []),
        ("a.txt", Array("hello".utf8)),
        ("日程/张三.ics", Array("BEGIN:VCALENDAR\r\n".utf8)),
        // Larger than ZIPFoundation's 1 MiB buffer and than a sheet's chunk.
        ("xl/worksheets/sheet1.xml", sample(2_500_000)),
    ]

    @Test func sameBytesAsZIPFoundation() throws {
        let ours = try ZipArchive.data(Self.parts.map { ZipDeflater.entry(name: $0.0, data: $0.1) })
        #expect(ours == (try Self.zipFoundation(Self.parts)))
        // And ZIPFoundation reads every entry back.
        let back = try Archive(data: ours, accessMode: .read)
        for (path, bytes) in Self.parts {
            let entry = try #require(back[path])
            var read = Data()
            _ = try back.extract(entry) { read.append($0) }
            #expect([UInt8](read) == bytes, "\(path)")
        }
    }

    @Test func workbookZipOfDataParts() throws {
        let data = try XLSXWorkbook.zip(Self.parts.map { OutputFile($0.0, Data($0.1)) })
        #expect(data == (try Self.zipFoundation(Self.parts)))
        // Parts deflated already (a calendar bound for calendars.zip) give the same archive.
        let deflated = Self.parts.map { OutputFile($0.0, .deflated(ZipDeflater.entry(name: $0.0, data: $0.1))) }
        #expect(try XLSXWorkbook.zip(deflated) == data)
    }

    @Test func aDeflatedEntryInflatesToItsData() {
        for bytes in [[], Array("BEGIN:VCALENDAR\r\n".utf8), Self.sample(300_000, seed: 5)] {
            let entry = ZipDeflater.entry(name: "ics/p.ics", data: bytes)
            #expect(entry.inflated() == bytes)
            #expect(OutputContents.deflated(entry).bytes == Data(bytes))
            #expect(OutputContents.deflated(entry).count == bytes.count)
        }
    }

    @Test func chunksDeflateToTheSameEntry() {
        let bytes = Self.sample(2_500_000, seed: 3)
        let whole = ZipDeflater.entry(name: "s.xml", data: bytes)
        for (chunk, depth) in [(4093, 1), (1 << 16, 2), (1 << 20, 4), (3_000_000, 4)] {
            let stream = ZipEntryStream(name: "s.xml", depth: depth)
            var start = 0
            while start < bytes.count {
                stream.write(Array(bytes[start..<min(start + chunk, bytes.count)]))
                start += chunk
            }
            #expect(stream.finish() == whole, "chunks of \(chunk)")
        }
        #expect(whole.size == bytes.count && whole.deflated.count < bytes.count)
    }

    /// A fast entry is another deflate stream of the same data: ZIPFoundation reads it back
    /// whole, it is smaller than the data, and the same every time.
    @Test func fastEntriesReadBackAsTheData() throws {
        let bytes = Self.sample(2_500_000, seed: 5)
        let fast = ZipDeflater.entry(name: "s.xml", data: bytes, compression: .fast)
        let standard = ZipDeflater.entry(name: "s.xml", data: bytes)
        #expect(fast.deflated != standard.deflated && fast.deflated.count < bytes.count)
        #expect(fast == ZipDeflater.entry(name: "s.xml", data: bytes, compression: .fast))
        let archive = try Archive(data: try ZipArchive.data([fast]), accessMode: .read)
        var read = Data()
        _ = try archive.extract(try #require(archive["s.xml"])) { read.append($0) }
        #expect([UInt8](read) == bytes)
    }

    /// The workbook made in small chunks, in the default chunks, and as ZIPFoundation zipped
    /// the parts in one piece: the same bytes (sheets at the standard level, as ZIPFoundation
    /// writes them); with the default fast sheets, ZIPFoundation reads the same parts back.
    @Test func streamedWorkbookEqualsTheOneMadeWhole() throws {
        var rows: [[XLSXCell]] = [["id", "name", "day"]]
        for i in 0..<6_000 { rows.append([.text("p\(i % 300)"), .text("员工\(i % 17)"), .day(.init(year: 2025, month: 1 + i % 12, day: 1 + i % 28)!)]) }
        let sheets = [XLSXSheet(name: "A", rows: rows, filterRow: 1), XLSXSheet(name: "B", rows: Array(rows.prefix(50)))]
        let streamed = try XLSXWorkbook.data(sheets: sheets, chunkSize: 1000, sheetCompression: .standard)
        #expect(streamed == (try XLSXWorkbook.data(sheets: sheets, sheetCompression: .standard)))
        let fast = try XLSXWorkbook.data(sheets: sheets, chunkSize: 1000)
        #expect(fast == (try XLSXWorkbook.data(sheets: sheets)) && fast != streamed)

        var strings = XLSXWorkbook.SharedStrings()
        var sheetParts: [[UInt8]] = []
        for (i, s) in sheets.enumerated() {
            var whole: [UInt8] = []
            XLSXWorkbook.worksheet(s, selected: i == 0, strings: &strings, chunkSize: .max) { whole += $0 }
            sheetParts.append(whole)
        }
        #expect(sheetParts[0].count > 100_000)   // many chunks of 1,000 bytes
        let parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(XLSXWorkbook.contentTypes(sheetCount: 2).utf8)),
            ("_rels/.rels", Array(XLSXWorkbook.rootRels.utf8)),
            ("xl/workbook.xml", Array(XLSXWorkbook.workbook(sheets).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(XLSXWorkbook.workbookRels(sheetCount: 2).utf8)),
            ("xl/styles.xml", Array(XLSXWorkbook.styles.utf8)),
            ("xl/sharedStrings.xml", Array(strings.xml().utf8)),
            ("xl/worksheets/sheet1.xml", sheetParts[0]),
            ("xl/worksheets/sheet2.xml", sheetParts[1]),
        ]
        #expect(streamed == (try Self.zipFoundation(parts)))
        let back = try Archive(data: fast, accessMode: .read)
        for (path, bytes) in parts {
            var read = Data()
            _ = try back.extract(try #require(back[path])) { read.append($0) }
            #expect([UInt8](read) == bytes, "\(path)")
        }
    }
}
