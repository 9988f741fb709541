import Foundation

/// A zip archive (PKWARE APPNOTE 6.3) of deflated entries, in the order given.
///
/// Discussion: each entry is a local header with its final CRC-32 and sizes, then its deflate
/// stream; then the central directory and its end record. Every entry carries the fixed time
/// 1980-01-01 00:00, permissions 0644 of a regular file, UTF-8 names (general purpose bit 11),
/// "made by" Unix, version 2.1, and "needed" version 2.0 — exactly the layout ZIPFoundation
/// writes (no data descriptors, no extra fields), so the bytes equal those of the archive it
/// builds from the same entries in the same order, which a test checks. Archives that would
/// need ZIP64 (an entry or the archive over 4 GiB, more than 65,534 entries) are refused:
/// no rota output comes near it.
///
/// ```swift
/// let data = try ZipArchive.data([ZipDeflater.entry(name: "a.txt", data: Array("hi".utf8))])
/// ```
public enum ZipArchive {
    /// DOS time and date of 1980-01-01 00:00:00, the earliest a zip entry can carry.
    static let dosTime: UInt16 = 0, dosDate: UInt16 = (1 << 5) | 1
    /// Unix (3) in the high byte, zip specification 2.1 (21) in the low byte.
    static let versionMadeBy: UInt16 = 0x0315
    static let versionNeeded: UInt16 = 20
    /// Bit 11: the name is UTF-8.
    static let flags: UInt16 = 1 << 11
    static let deflateMethod: UInt16 = 8
    /// A regular file (S_IFREG) with permissions 0644, in the high half.
    static let fileAttributes: UInt32 = UInt32(0o100644) << 16

    /// The archive's bytes.
    public static func data(_ entries: [ZipEntry]) throws(RotaOutputError) -> Data {
        guard entries.count < 0xFFFF else { throw RotaOutputError.archive("more than 65,534 entries in one zip archive") }
        var out = Data(capacity: entries.reduce(22) { $0 + 76 + 2 * $1.name.utf8.count + $1.deflated.count })
        var directory = Data()
        for entry in entries {
            let name = Array(entry.name.utf8)
            guard out.count <= 0xFFFF_FFFE, entry.size <= 0xFFFF_FFFE, entry.deflated.count <= 0xFFFF_FFFE, name.count <= 0xFFFF else {
                throw RotaOutputError.archive("\(entry.name) is too large for a zip archive without ZIP64")
            }
            let offset = UInt32(out.count)
            // Local file header.
            out.le(UInt32(0x0403_4B50)); out.le(versionNeeded); out.le(flags); out.le(deflateMethod)
            out.le(dosTime); out.le(dosDate); out.le(entry.crc32)
            out.le(UInt32(entry.deflated.count)); out.le(UInt32(entry.size))
            out.le(UInt16(name.count)); out.le(UInt16(0))
            out.append(contentsOf: name)
            out.append(contentsOf: entry.deflated)
            // Its central directory record.
            directory.le(UInt32(0x0201_4B50)); directory.le(versionMadeBy); directory.le(versionNeeded)
            directory.le(flags); directory.le(deflateMethod); directory.le(dosTime); directory.le(dosDate)
            directory.le(entry.crc32); directory.le(UInt32(entry.deflated.count)); directory.le(UInt32(entry.size))
            directory.le(UInt16(name.count)); directory.le(UInt16(0)); directory.le(UInt16(0))
            directory.le(UInt16(0)); directory.le(UInt16(0)); directory.le(fileAttributes); directory.le(offset)
            directory.append(contentsOf: name)
        }
        guard out.count + directory.count <= 0xFFFF_FFFE else { throw RotaOutputError.archive("the zip archive is over 4 GiB") }
        let start = UInt32(out.count)
        out.append(directory)
        // End of central directory record.
        out.le(UInt32(0x0605_4B50)); out.le(UInt16(0)); out.le(UInt16(0))
        out.le(UInt16(entries.count)); out.le(UInt16(entries.count))
        out.le(UInt32(directory.count)); out.le(start); out.le(UInt16(0))
        return out
    }
}

extension Data {
    /// Appends `value` little-endian, as zip headers store numbers.
    fileprivate mutating func le<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
