import Foundation

/// A zip entry deflated on a thread of its own while its data is still being made.
///
/// Discussion: the writer of a large part (the workbook's long-form sheet, 140 MB of XML for
/// a Heze year) hands its bytes over in chunks as it makes them; a thread of the stream's own
/// deflates each chunk (`ZipDeflater`) while the writer makes the next. Making and compressing
/// then overlap on two cores, and memory holds at most `depth` chunks waiting, never the whole
/// part. The entry is the same bytes as the part deflated in one piece, whatever the chunks.
/// The stream uses a `Thread` of its own rather than a GCD queue, so it runs even when every
/// GCD worker is busy (the writer is often one).
///
/// ```swift
/// let stream = ZipEntryStream(name: "xl/worksheets/sheet2.xml")
/// for chunk in chunks { stream.write(chunk) }   // returns as soon as the chunk is queued
/// let entry = stream.finish()                   // waits for the last chunk to be deflated
/// ```
public final class ZipEntryStream: @unchecked Sendable {
    private let deflater: ZipDeflater
    private let lock = NSCondition()
    /// Chunks written and not yet deflated; `nil` marks the end.
    private var queue: [[UInt8]?] = []
    private let depth: Int
    private var entry: ZipEntry?

    /// A stream for the entry `name`, holding at most `depth` chunks not yet deflated.
    public init(name: String, depth: Int = 4, compression: ZipCompression = .standard) {
        deflater = ZipDeflater(name: name, compression: compression)
        self.depth = max(1, depth)
        let thread = Thread { [self] in deflateAll() }
        thread.name = "rota zip \(name)"
        thread.start()
    }

    /// Queues the next bytes of the entry's data, waiting while `depth` chunks are queued.
    public func write(_ chunk: [UInt8]) {
        guard !chunk.isEmpty else { return }
        lock.lock()
        while queue.count >= depth { lock.wait() }
        queue.append(chunk)
        lock.broadcast()
        lock.unlock()
    }

    /// The entry, once every chunk written is deflated.
    public func finish() -> ZipEntry {
        lock.lock()
        queue.append(nil)
        lock.broadcast()
        while entry == nil { lock.wait() }
        let made = entry!
        lock.unlock()
        return made
    }

    private func deflateAll() {
        while true {
            lock.lock()
            while queue.isEmpty { lock.wait() }
            let next = queue.removeFirst()
            lock.broadcast()
            lock.unlock()
            guard let chunk = next else { break }
            deflater.feed(chunk)
        }
        let made = deflater.finish()
        lock.lock()
        entry = made
        lock.broadcast()
        lock.unlock()
    }
}
