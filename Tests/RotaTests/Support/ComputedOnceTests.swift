import Foundation
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

/// `ComputedOnce` computes its value once, however many threads ask for it at the same time.
@Suite struct ComputedOnceTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    }

    @Test func theValueIsComputedOnceForEveryCaller() {
        let counter = Counter()
        let once = ComputedOnce { () -> [Int] in
            let call = counter.increment()
            Thread.sleep(forTimeInterval: 0.01)   // long enough for the other threads to ask meanwhile
            return [call, 42]
        }
        let seen = ParallelJobs.run(count: 16, threads: 4) { _ in once.value }
        #expect(seen.allSatisfy { $0 == [1, 42] })
        #expect(counter.increment() == 2)
    }
}
