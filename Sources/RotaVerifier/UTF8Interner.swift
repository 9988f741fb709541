import Foundation
import RotaCore

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
    /// The bytes and string last asked for in each column (a file repeats a cell row after row).
    private var recentBytes: [[UInt8]] = [], recentStrings: [String] = []

    /// The string of `bytes`, a cell of column `column` (a small number).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> String {
        if isRecent(bytes, column: column) { return recentStrings[column] }
        let text = string(bytes)
        while recentBytes.count <= column { recentBytes.append([]); recentStrings.append("") }
        recentBytes[column].removeAll(keepingCapacity: true)
        recentBytes[column].append(contentsOf: bytes)
        recentStrings[column] = text
        return text
    }

    /// Whether `bytes` are the bytes last asked for in column `column`.
    func isRecent(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> Bool {
        guard column < recentBytes.count, recentBytes[column].count == bytes.count, let base = bytes.baseAddress else { return false }
        return recentBytes[column].withUnsafeBufferPointer { memcmp($0.baseAddress!, base, bytes.count) == 0 }
    }

    /// The string of `bytes`.
    /// Why each new string not in Unicode normal form C cannot be an id, in the order seen.
    private(set) var oddSpellings: [String] = []

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = UTF8Interner.hash(bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let k = Int(slots[i])
            if hashes[k] == hash, UTF8Interner.equal(strings[k], bytes) { return strings[k] }
            i = (i + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(where: { $0 >= 0x80 }), let problem = IdSpelling.problem(text) { oddSpellings.append(problem) }
        slots[i] = Int32(strings.count)
        strings.append(text)
        hashes.append(hash)
        if strings.count * 2 > slots.count { grow() }
        return text
    }

    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count, let base = bytes.baseAddress, !bytes.isEmpty else { return text.utf8.elementsEqual(bytes) }
        return text.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, base, bytes.count) == 0 } ?? text.utf8.elementsEqual(bytes)
    }

    /// A 64-bit hash of `bytes`, eight at a time (FNV-1a's constants, on words).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var k = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while k + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 29
            k += 8
        }
        while k < bytes.count { hash = (hash ^ UInt64(bytes[k])) &* 0x100_0000_01b3; k += 1 }
        return hash ^ (hash >> 32)
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
