import Dispatch
import Foundation

/// Runs independent jobs on a few threads and returns their results in job order.
///
/// Each worker thread takes the next job index under a lock, runs it, and stores its result
/// in the job's own place, so the output never depends on which thread finished first. The
/// rota planner runs its GLPK sub-models this way (every `Solver().solve` builds, solves and
/// frees its own problem on the calling thread, so solving on several threads at once is
/// safe), and proving runs the independent verifier's parts and the input digests side by
/// side. When jobs throw, the error of the lowest job index is rethrown, again independent of
/// timing.
///
/// ```swift
/// let squares = ParallelJobs.run(count: 10, threads: 2) { i in i * i }
/// // [0, 1, 4, …, 81]
/// ```
enum ParallelJobs {
    /// The threads worth using on this machine.
    static var processors: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func run<T: Sendable, E: Error>(count: Int, threads: Int,
                                           _ job: @escaping @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        if count == 0 { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var out: [T] = []
            out.reserveCapacity(count)
            for i in 0..<count { out.append(try job(i)) }
            return out
        }
        let box = ResultBox<T, E>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = box.nextIndex() {
                do throws(E) { box.store(i, .success(try job(i))) } catch { box.store(i, .failure(error)) }
            }
        }
        return try box.results()
    }
}

/// The shared state of one `ParallelJobs.run`: the next job to hand out and each job's result.
private final class ResultBox<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var slots: [Result<T, E>?]

    init(count: Int) { self.count = count; slots = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ i: Int, _ r: Result<T, E>) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = r
    }

    func results() throws(E) -> [T] {
        lock.lock(); defer { lock.unlock() }
        var out: [T] = []
        out.reserveCapacity(count)
        for s in slots {
            switch s {
            case .success(let v)?: out.append(v)
            case .failure(let e)?: throw e
            // concurrentPerform returns only when every worker has emptied the queue.
            case nil: preconditionFailure("a parallel job was never run")
            }
        }
        return out
    }
}
