/// Wall-clock seconds of a run's phases, for the `Time:` line and the benchmark.
///
/// ```swift
/// var watch = Stopwatch()
/// … // solve
/// let solve = watch.lap()   // seconds since the start or the previous lap
/// ```
public struct Stopwatch: Sendable {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    public init() { last = clock.now }

    /// Seconds since the previous lap (or since the stopwatch was made), and starts the next.
    public mutating func lap() -> Double {
        let now = clock.now
        let d = now - last
        last = now
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
