/// Makes one `String` per distinct UTF-8 byte sequence and hands it out again for the same
/// bytes, so a file that repeats a few thousand ids half a million times builds each id once.
///
/// The bytes must be valid UTF-8. Equal bytes give the same string; the interner never
/// compares text any other way (two spellings of one canonical text stay two strings, as
/// decoding them one by one would give).
///
/// ```swift
/// var ids = UTF8Interner()
/// let a = bytes.withUnsafeBufferPointer { ids.string($0) }   // "hzm-a-d1", decoded
/// let b = bytes.withUnsafeBufferPointer { ids.string($0) }   // the same string, looked up
/// ```
struct UTF8Interner {
    /// Open-addressing table of indices into `strings`, −1 when empty; its size is a power of 2.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var strings: [String] = []
    private var hashes: [UInt64] = []

    /// The string of `bytes`.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let k = Int(slots[i])
            if hashes[k] == hash, UTF8Interner.equal(strings[k], bytes) { return strings[k] }
            i = (i + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[i] = Int32(strings.count)
        strings.append(text)
        hashes.append(hash)
        if strings.count * 2 > slots.count { grow() }
        return text
    }

    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? text.utf8.elementsEqual(bytes)
    }

    /// Doubles the table and places every string again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }
}
