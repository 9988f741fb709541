import Dispatch
import Foundation

/// Runs a verification's independent pieces of work on the machine's cores and hands back
/// their results in the pieces' order, whichever finished first.
///
/// The verifier's own helper (it shares no code with the planners): each piece gets its index
/// and writes only its own result, so the outcome never depends on timing.
///
/// ```swift
/// let sizes = ConcurrentWork.map(3) { k in families[k].count }   // in the order 0, 1, 2
/// ```
enum ConcurrentWork {
    /// `body(0)`, `body(1)`, … `body(count − 1)`, run at the same time, in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in results[k] = body(k) }
        return results.all
    }

    /// One result place per piece of work, written under a lock.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [T?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        subscript(k: Int) -> T? {
            get { lock.withLock { values[k] } }
            set { lock.withLock { values[k] = newValue } }
        }

        /// Every result, in index order (each piece must have run).
        var all: [T] { lock.withLock { values.map { $0! } } }
    }
}
