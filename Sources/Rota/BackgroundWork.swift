import Dispatch

/// A value made on another thread while the caller goes on with other work.
///
/// Discussion: `rota plan` writes plan.json and rota.csv, reads them back and verifies them
/// — steps partly on one core — before the files planners read are made. Those files but the
/// report pages need only the plan and the rota, so `PlanPipeline` makes them as background
/// work beside those steps, on the cores they leave idle. The value is the same whichever
/// thread makes it; an error thrown by the work is thrown by `value()`.
///
/// ```swift
/// let files = BackgroundWork { try RotaOutputs.files(…) }
/// let verified = try prove(written)        // meanwhile
/// let made = try files.value()             // waits for the work if it is not done
/// ```
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work, read only after `done` is signalled.
    private var result: Result<T, Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    /// The work's value, waiting for it if need be.
    func value() throws -> T {
        done.wait()
        done.signal()   // a second call returns at once
        return try result!.get()
    }
}
