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
/// A run started inside another run's job gets no more threads than the one it is on: GCD runs
/// a `concurrentPerform` nested in another's job on the calling thread. Work meant to use every
/// core is therefore made one list of jobs (`VerifiedProof` runs the rota verifier's parts,
/// `RotaVerifier.Parts`, beside the plan's checks and the digests), and a run that may be
/// nested in a job (`RotaCSVReader`'s) is only a gain for callers that are not in one.
///
/// ```swift
/// let squares = ParallelJobs.run(count: 10, threads: 2) { i in i * i }
/// // [0, 1, 4, …, 81]
/// ```
public enum ParallelJobs {
    /// The threads worth using on this machine.
    public static var processors: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func run<T: Sendable, E: Error>(count: Int, threads: Int,
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

    /// An array of `count` elements, element `i` being `element(i)`, made in contiguous slices
    /// on `threads` threads and written straight into the array's storage.
    ///
    /// Discussion: for a long array of values that each hold references (a proof's instances),
    /// making them is mostly retaining what they share; this halves the time on two cores
    /// without the copy of joining per-slice arrays. The result does not depend on timing:
    /// every element is made by the same call, whichever thread makes it.
    ///
    /// ```swift
    /// let squares = ParallelJobs.array(count: 10, threads: 2) { i in i * i }   // [0, 1, 4, …, 81]
    /// ```
    public static func array<T: Sendable>(count: Int, threads: Int, _ element: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = max(1, min(threads, count / 1024))
        if workers == 1 { return (0..<count).map(element) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let storage = SliceStorage(base: buffer.baseAddress!)
            let slices = workers * 4
            DispatchQueue.concurrentPerform(iterations: slices) { k in
                for i in count * k / slices..<count * (k + 1) / slices { storage.base.advanced(by: i).initialize(to: element(i)) }
            }
            initialized = count
        }
    }
}

/// Where `ParallelJobs.array` writes: each slice's elements are written by one thread only, and
/// `concurrentPerform` returns after every slice is written.
private struct SliceStorage<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
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
