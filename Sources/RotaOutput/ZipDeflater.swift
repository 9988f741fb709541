import Foundation
import RotaCore
internal import CRotaZlib

/// One zip entry, its data already deflated: what `ZipArchive` writes.
///
/// Discussion: the entry carries what a zip header records of its data — the CRC-32 and
/// the size before compression — and the raw deflate stream itself, usually a tenth of the
/// data's size for rota's XML and calendars. Entries are made by `ZipDeflater` (fed piece by
/// piece) or `ZipDeflater.entry(name:data:)` (in one piece); both give the same bytes.
///
/// ```swift
/// let entry = ZipDeflater.entry(name: "a.txt", data: Array("hello".utf8))
/// entry.size            // 5
/// ```
public struct ZipEntry: Sendable, Equatable {
    /// The entry's path inside the archive, `/`-separated.
    public var name: String
    /// The CRC-32 of the data before compression.
    public var crc32: UInt32
    /// The number of bytes before compression.
    public var size: Int
    /// The raw deflate stream (RFC 1951) of the data.
    public var deflated: [UInt8]
}

extension ZipEntry {
    /// The entry's data again: its raw deflate stream inflated (`size` bytes).
    public func inflated() -> [UInt8] {
        // zlib keeps the stream's address in its state: memory of its own, as in `Deflater`.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib cannot start inflating")
        }
        defer { inflateEnd(stream) }
        // One byte more than the data, so zlib always has somewhere to write (an empty entry).
        var out = [UInt8](repeating: 0, count: size + 1)
        let result = deflated.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output -> Int32 in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = output.baseAddress
                stream.pointee.avail_out = uInt(output.count)
                return inflate(stream, Z_FINISH)
            }
        }
        precondition(result == Z_STREAM_END && Int(stream.pointee.total_out) == size, "zip entry \(name) does not inflate to its size")
        out.removeLast()
        return out
    }
}

/// How hard zlib works on a zip entry: time traded for size. Any zip reader reads either.
///
/// Discussion: `standard` is zlib's default level (6), what ZIPFoundation writes, so archives
/// of standard entries are byte for byte ZIPFoundation's. `fast` is zlib's level 1: on a Heze
/// year's long-form sheet (140 MB of XML) it deflates in 0.4 s instead of 1.5 s and gives
/// 15.4 MB instead of 12.1 MB — the workbook's sheets use it, because that deflate is the
/// last thing `rota plan` waits for. Both are deterministic: the same data, the same bytes.
///
/// ```swift
/// let entry = ZipDeflater.entry(name: "sheet.xml", data: xml, compression: .fast)
/// ```
public enum ZipCompression: Sendable {
    case standard, fast

    var level: Int32 {
        switch self {
        case .standard: return Deflater.defaultLevel
        case .fast: return Deflater.fastestLevel
        }
    }
}

/// A zip entry's data deflated as it is fed, piece by piece: the whole data is never held.
///
/// Discussion: zlib's raw deflate (`Deflater`) at the level `ZipCompression` names, with a
/// 9-level memory setting, and the CRC-32 and size a zip header records; at `.standard` these are the settings ZIPFoundation uses, so an archive of these
/// entries is byte for byte the one ZIPFoundation writes (a test compares them). zlib's output does not depend on how the
/// input is cut into pieces, so a sheet's XML fed row by row, in chunks of any size, deflates
/// to the same stream as the XML in one piece. Only the compressed stream grows in memory.
/// A deflater is used by one thread at a time (`ZipEntryStream` feeds one from a thread of
/// its own).
///
/// ```swift
/// let deflater = ZipDeflater(name: "xl/worksheets/sheet1.xml")
/// deflater.feed(Array("<worksheet>".utf8))
/// deflater.feed(Array("</worksheet>".utf8))
/// let entry = deflater.finish()
/// ```
public final class ZipDeflater {
    public let name: String
    private let deflater: Deflater
    private var crc: uLong = 0
    private var size = 0

    public init(name: String, compression: ZipCompression = .standard) {
        self.name = name
        deflater = Deflater(format: .raw, level: compression.level, memoryLevel: 9)
    }

    /// Adds the next bytes of the entry's data.
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { feed($0) }
    }

    /// Adds the next bytes of the entry's data.
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        crc = crc32(crc, bytes.baseAddress, uInt(bytes.count))
        size += bytes.count
        deflater.feed(bytes)
    }

    /// The entry, once its last bytes are fed.
    public func finish() -> ZipEntry {
        ZipEntry(name: name, crc32: UInt32(crc), size: size, deflated: deflater.finish())
    }

    /// The entry of `data`, deflated in one piece.
    public static func entry(name: String, data: [UInt8], compression: ZipCompression = .standard) -> ZipEntry {
        let deflater = ZipDeflater(name: name, compression: compression)
        deflater.feed(data)
        return deflater.finish()
    }
}
