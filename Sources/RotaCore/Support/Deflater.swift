import Foundation
internal import CRotaZlib

/// zlib's deflate fed piece by piece: the one place rota drives a `z_stream` to compress.
///
/// Discussion: the proof's gzip members (`GzipStream`) and the zip entries of rota.xlsx and
/// calendars.zip (`ZipDeflater`) are both this loop with other settings: `format` says whether
/// the stream is raw deflate (a zip entry) or wrapped in a gzip header and trailer (a gzip
/// member), `level` is zlib's 1–9 (or −1, its default, 6), `memoryLevel` zlib's 1–9. zlib's
/// output does not depend on how the input is cut into pieces, so data fed in chunks of any size
/// compresses to the same bytes as data fed whole. Only the compressed bytes grow in memory.
/// One thread at a time uses a deflater.
///
/// ```swift
/// let deflater = Deflater(format: .gzip, level: 3, memoryLevel: 8)
/// deflater.feed(Array("{\"a\":1}\n".utf8))
/// let member = deflater.finish()   // a gzip member `gunzip` reads
/// ```
public final class Deflater {
    /// What wraps the deflate stream.
    public enum Format: Sendable { case raw, gzip }

    /// zlib's default level (6).
    public static let defaultLevel: Int32 = Z_DEFAULT_COMPRESSION
    /// zlib's fastest level (1).
    public static let fastestLevel: Int32 = Z_BEST_SPEED

    private let stream: UnsafeMutablePointer<z_stream>
    private var out: [UInt8]
    private var written = 0
    private var finished = false

    /// A deflater of `format` at `level` (zlib's −1 or 0–9) with zlib's `memoryLevel` (1–9);
    /// `expected` bytes of input, when known, size the output buffer once.
    public init(format: Format, level: Int32, memoryLevel: Int32, expected: Int = 0) {
        precondition((-1...9).contains(level) && (1...9).contains(memoryLevel), "zlib level \(level) or memory level \(memoryLevel) out of range")
        // zlib keeps the stream's address in its state: the stream must not move, so it lives
        // in memory of its own rather than in a Swift property.
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15, negated for a raw stream, + 16 for a gzip header and trailer.
        let windowBits: Int32 = format == .raw ? -MAX_WBITS : MAX_WBITS + 16
        guard deflateInit2_(stream, level, Z_DEFLATED, windowBits, memoryLevel, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib refused its own settings")
        }
        out = [UInt8](repeating: 0, count: expected > 0 ? Int(deflateBound(stream, uLong(expected))) + 64 : 1 << 16)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Adds the next bytes.
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { feed($0) }
    }

    /// Adds the next bytes.
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(!finished, "a finished deflate stream was fed")
        guard !bytes.isEmpty else { return }
        run(bytes, finish: false)
    }

    /// The compressed bytes, once the last input is fed.
    public func finish() -> [UInt8] {
        precondition(!finished, "a deflate stream was finished twice")
        finished = true
        run(UnsafeBufferPointer(start: nil, count: 0), finish: true)
        return Array(out[..<written])
    }

    private func run(_ bytes: UnsafeBufferPointer<UInt8>, finish: Bool) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
        stream.pointee.avail_in = uInt(bytes.count)
        while true {
            if out.count - written < 1 << 15 { out += [UInt8](repeating: 0, count: max(out.count, 1 << 15)) }
            let result = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.pointee.next_out = buffer.baseAddress! + written
                stream.pointee.avail_out = uInt(buffer.count - written)
                let r = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                written = buffer.count - Int(stream.pointee.avail_out)
                return r
            }
            if finish ? result == Z_STREAM_END : (stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0) { return }
            precondition(result == Z_OK || result == Z_BUF_ERROR, "deflate failed (\(result))")
        }
    }
}
