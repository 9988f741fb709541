import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

/// `ParallelJobs` hands results back in job order, whichever thread ran which job, and rethrows
/// the error of the lowest failing job.
@Suite struct ParallelJobsTests {
    struct Odd: Error, Equatable { let job: Int }

    @Test func resultsComeBackInJobOrder() {
        for threads in [1, 2, 8, 50] {
            #expect(ParallelJobs.run(count: 50, threads: threads) { $0 * $0 } == (0..<50).map { $0 * $0 })
        }
        #expect(ParallelJobs.run(count: 0, threads: 2) { $0 }.isEmpty)
    }

    @Test func theLowestFailingJobsErrorIsRethrown() {
        #expect(throws: Odd(job: 3)) {
            try ParallelJobs.run(count: 40, threads: 4) { i throws(Odd) -> Int in
                if i >= 3, i % 2 == 1 { throw Odd(job: i) }
                return i
            }
        }
    }

    @Test func anArrayMadeInSlicesEqualsTheSerialMap() {
        for count in [0, 1, 1_023, 1_024, 5_000, 40_001] {
            for threads in [1, 2, 3] {
                let made = ParallelJobs.array(count: count, threads: threads) { i in "element \(i)" }
                #expect(made == (0..<count).map { "element \($0)" })
            }
        }
    }
}
