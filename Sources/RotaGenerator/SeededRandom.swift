import RotaCore
/// A small, seeded, portable pseudo-random number generator: xoshiro256** seeded by SplitMix64.
///
/// The scenario generator must give byte-identical files for the same seed on every machine and
/// every Swift release, so it never uses `SystemRandomNumberGenerator` nor the standard
/// library's `random(in:using:)`, `shuffled(using:)` or `randomElement(using:)` (their
/// algorithms are not promised to stay the same). Every draw goes through the methods below,
/// whose algorithms are fixed here:
///
/// - `next()`: xoshiro256** (Blackman & Vigna, 2018); the 256-bit state is filled from the
///   seed with SplitMix64, as the authors recommend.
/// - `int(in:)`: Lemire's multiply-and-reject method on 64-bit draws (no modulo bias).
/// - `shuffle(_:)`: Fisher–Yates from the last element down.
///
/// ```swift
/// var r = SeededRandom(seed: 1)
/// r.int(in: 1...6)          // the same number on every machine
/// r.chance(perMille: 100)   // true about one time in ten
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniformly drawn integer of `range` (Lemire's method, rejecting the biased tail).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }   // the whole 64-bit range
        var m = next().multipliedFullWidth(by: span)
        if m.low < span {
            let threshold = (0 &- span) % span
            while m.low < threshold { m = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound &+ Int(truncatingIfNeeded: m.high)
    }

    /// True with probability `perMille`/1000.
    public mutating func chance(perMille: Int) -> Bool { int(in: 0...999) < perMille }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// An index drawn with the given non-negative integer weights (at least one positive).
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weightedIndex needs a positive weight")
        var x = int(in: 0...(total - 1))
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// Shuffles `items` in place (Fisher–Yates).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = int(in: 0...i)
            if i != j { items.swapAt(i, j) }
        }
    }

    /// `count` distinct elements of `items`, in the order drawn.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        var out: [T] = []
        out.reserveCapacity(min(count, pool.count))
        while out.count < count, !pool.isEmpty {
            pool.swapAt(int(in: 0...(pool.count - 1)), pool.count - 1)
            out.append(pool.removeLast())
        }
        return out
    }

    /// An independent generator for one part of the output, so that adding draws in one part
    /// never shifts the numbers of another (`label` names the part).
    public func fork(_ label: String) -> SeededRandom {
        // FNV-1a of the label's UTF-8, mixed with this generator's state.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in label.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return SeededRandom(seed: h ^ s0 ^ rotl(s2, 23))
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): expands one 64-bit seed into well-mixed words.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
