import Foundation

/// A value computed at most once, by the first thread that asks for it; a thread asking while
/// it is being computed waits for it.
///
/// Discussion: jobs run by `ParallelJobs` that share an expensive input (the rota verifier's
/// index of the entries) take it from here instead of a phase of their own, so no core waits at
/// a barrier for the slowest job of a first phase. Put the first job that needs the value early
/// in the list: the jobs taken after it then rarely find it still being computed.
///
/// ```swift
/// let book = ComputedOnce { RotaVerifier.Book(entries: entries, verifier: verifier) }
/// ParallelJobs.run(count: 4, threads: 2) { k in families[k](book.value) }
/// ```
public final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// The value, computed on the first call (under the lock, so other callers wait for it).
    public var value: Value {
        lock.lock(); defer { lock.unlock() }
        if let stored { return stored }
        let value = make()
        stored = value
        return value
    }
}
