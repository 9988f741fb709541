import Foundation
import RotaCore
internal import CRotaZlib

/// gzip (RFC 1952) compression and decompression of the proof stream, over zlib.
///
/// Discussion: the compliance proof is a JSON Lines stream of about 77 MB for a year of the
/// Heze region; gzip at level 3 makes it about 3.3 MB (level 6 would give 2.3 MB in 2.6 times
/// the time), and any machine can read it back (`zcat`, `gunzip`, Python's `gzip`).
/// Compression splits a large stream (over 1 MiB) into four *members* at part boundaries and
/// compresses them side by side; RFC 1952 §2.2 makes members written one after another a single
/// gzip file, whose content is the members' contents joined. The member count is fixed, not the
/// machine's core count, and zlib writes each member's header with no file name and
/// modification time 0, so the same stream gives the same bytes on every machine.
///
/// Decompression reads every member, refuses anything that is not gzip, a damaged or truncated
/// member, and content over `limit` bytes (a small file that inflates without end).
///
/// ```swift
/// let file = GzipStream.compress([Array("{\"a\":1}\n".utf8)])
/// try GzipStream.decompress(file, limit: 1 << 20)   // the 8 bytes again
/// ```
public enum GzipStream {
    /// Why a gzip stream cannot be read.
    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    /// The gzip file of `parts` joined: one member per `members` group of parts.
    public static func compress(_ parts: [[UInt8]], level: Int32 = 3, members: Int = 4) -> Data {
        let compressed = self.members(sizes: parts.map(\.count), level: level, members: members) { range, deflater in
            for part in parts[range] { deflater.feed(part) }
        }
        var out = Data(capacity: compressed.reduce(0) { $0 + $1.count })
        for m in compressed { out.append(contentsOf: m) }
        return out
    }

    /// The members of the gzip file of a stream made piece by piece, never held whole: piece `i`
    /// is `sizes[i]` bytes long, and `write(range, deflater)` feeds pieces `range` to the
    /// member's deflater, in order, as it makes them.
    ///
    /// Discussion: the members are cut where `compress` cuts them (by the pieces' sizes), and
    /// deflate's output does not depend on how its input is fed, so the members written one
    /// after another are byte for byte `compress` of the pieces. Only the compressed members
    /// are held (about a twentieth of a proof's lines), and the members are made side by side.
    ///
    /// ```swift
    /// let lines = [Array("a\n".utf8), Array("b\n".utf8)]
    /// let file = GzipStream.members(sizes: lines.map(\.count)) { range, deflater in
    ///     for n in range { deflater.feed(lines[n]) }
    /// }.joined()                     // the bytes of GzipStream.compress(lines)
    /// ```
    public static func members(sizes: [Int], level: Int32 = 3, members: Int = 4,
                               write: @escaping @Sendable (Range<Int>, Deflater) -> Void) -> [[UInt8]] {
        let groups = split(sizes, into: max(1, members))
        // One job per member (`ParallelJobs.array` would run so few elements on one thread).
        return ParallelJobs.run(count: groups.count, threads: ParallelJobs.processors) { i in
            // No `expected` size: the output buffer grows with the compressed bytes (a tenth
            // of the input or less) rather than being sized for incompressible input.
            let deflater = Deflater(format: .gzip, level: level, memoryLevel: 8)
            write(groups[i], deflater)
            return deflater.finish()
        }
    }

    /// Ranges of pieces of `sizes` of about equal size in bytes, in order, covering them all.
    static func split(_ sizes: [Int], into n: Int) -> [Range<Int>] {
        let total = sizes.reduce(0, +)
        guard n > 1, sizes.count > 1, total > 1 << 20 else { return [0..<sizes.count] }
        var ranges: [Range<Int>] = [], start = 0, sum = 0
        for (i, size) in sizes.enumerated() {
            sum += size
            if ranges.count < n - 1, sum * n >= total * (ranges.count + 1), i + 1 < sizes.count {
                ranges.append(start..<(i + 1)); start = i + 1
            }
        }
        ranges.append(start..<sizes.count)
        return ranges
    }

    /// The content of a gzip file: every member's, joined.
    public static func decompress(_ data: Data, limit: Int) throws(Failure) -> [UInt8] {
        guard data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B else {
            throw Failure(message: "not a gzip file (it does not start with the gzip bytes 1f 8b)")
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(message: "zlib cannot start decompressing")
        }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: min(limit + 1, max(1 << 16, data.count * 8)))
        var written = 0
        let problem: String? = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> String? in
            let base = input.bindMemory(to: UInt8.self).baseAddress!
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                if written == out.count {
                    guard out.count <= limit else { return "its content is over \(limit) bytes" }
                    out += [UInt8](repeating: 0, count: min(out.count, limit + 1 - out.count))
                }
                let before = stream.avail_in
                let result = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress! + written
                    stream.avail_out = uInt(buffer.count - written)
                    let r = inflate(&stream, Z_NO_FLUSH)
                    written = buffer.count - Int(stream.avail_out)
                    return r
                }
                switch result {
                case Z_STREAM_END:
                    // Another member may follow (RFC 1952 §2.2).
                    if stream.avail_in == 0 { return nil }
                    guard inflateReset(&stream) == Z_OK else { return "zlib cannot read the next member" }
                    let offset = input.count - Int(stream.avail_in)
                    guard input.count - offset >= 2, input[offset] == 0x1F, input[offset + 1] == 0x8B else {
                        return "bytes after the gzip data at byte \(offset)"
                    }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0 || before == 0:
                    return "the gzip data is cut short (truncated file)"
                case Z_BUF_ERROR:
                    continue
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "error \(result)"
                    return "damaged gzip data at byte \(input.count - Int(stream.avail_in)) (\(reason))"
                }
            }
        }
        if let problem { throw Failure(message: problem) }
        out.removeSubrange(written...)
        return out
    }
}
