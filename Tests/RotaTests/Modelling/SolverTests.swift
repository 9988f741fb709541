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

/// A 0/1 knapsack: maximise value (minimise −value) within a capacity.
private func knapsack(values: [Int], weights: [Int], capacity: Int) -> Model {
    var m = Model(name: "knapsack")
    var load = LinearExpression()
    for (i, (v, w)) in zip(values, weights).enumerated() {
        let x = m.binary("take", ["item\(i)"], cost: -Double(v))
        load.add(Double(w), x)
    }
    m.require("CAP", [], load <= Double(capacity))
    return m
}

/// The knapsack optimum by brute force.
private func bruteForce(values: [Int], weights: [Int], capacity: Int) -> Int {
    var best = 0
    for mask in 0..<(1 << values.count) {
        var v = 0, w = 0
        for i in values.indices where mask & (1 << i) != 0 { v += values[i]; w += weights[i] }
        if w <= capacity { best = max(best, v) }
    }
    return best
}

@Suite struct SolverTests {
    /// The progress line never prints GLPK's −DBL_MAX "no bound yet" as a number (issue 12
    /// saw a 309-digit bound): no bound reads "no bound yet", and so does a bound of that size.
    @Test func progressLineSaysNoBoundYet() {
        let none = SolveProgress(elapsed: 2, incumbent: 1270.5, bound: nil, gap: nil, activeNodes: 3)
        #expect(none.line == "   2.0 s   incumbent 1270.5   no bound yet")
        let huge = SolveProgress(elapsed: 2, incumbent: nil, bound: -Double.greatestFiniteMagnitude, gap: nil, activeNodes: 3)
        #expect(huge.line == "   2.0 s   no plan yet   no bound yet")
        let known = SolveProgress(elapsed: 12.25, incumbent: 1270.5, bound: 1250, gap: 0.0161, activeNodes: 3)
        #expect(known.line == "  12.2 s   incumbent 1270.5   bound 1250.0   gap 1.61%")
    }

    @Test func solvesAKnapsackToItsOptimum() throws {
        let values = [10, 13, 7, 8, 9, 4], weights = [5, 7, 4, 4, 5, 2]
        let s = try Solver().solve(knapsack(values: values, weights: weights, capacity: 13))
        #expect(s.status == .optimal)
        #expect(s.objective == -Double(bruteForce(values: values, weights: weights, capacity: 13)))
        #expect(s.gap == 0)
    }

    /// A search stopped at the requested gap is `optimal` but reports its true relative gap
    /// (issue 10: "optimal, objective 7793.49, bound 7791.09, gap 0%"); one that proved
    /// optimality has bound = objective, so gap 0.
    @Test func theGapIsTheTrueRelativeGapEvenWhenOptimal() {
        let stopped = Solution(status: .optimal, objective: 7793.49, bound: 7791.09, values: [], seconds: 1, timedOut: false)
        #expect(abs(stopped.gap! - 2.4 / 7793.49) < 1e-12)
        #expect(Solution(status: .optimal, objective: 12, bound: 12, values: [], seconds: 1, timedOut: false).gap == 0)
        #expect(Solution(status: .optimal, objective: 12, bound: nil, values: [], seconds: 1, timedOut: false).gap == 0)
        #expect(Solution(status: .feasible, objective: 12, bound: nil, values: [], seconds: 1, timedOut: true).gap == nil)
    }

    @Test func reportsInfeasibility() throws {
        var m = Model(name: "impossible")
        let x = m.binary("x", [])
        m.require("A", [], LinearExpression(x) >= 2)
        let s = try Solver().solve(m)
        #expect(s.status == .infeasible)
        #expect(s.objective == nil)
    }

    @Test func refusesAModelGLPKWouldAbortOn() {
        var m = Model(name: "bad")
        let x = m.add("x", [], kind: .integer, lower: 3, upper: 1)
        m.require("A", [], (Double.nan * x) >= 0)
        m.require("A", [], LinearExpression(x) >= 0)
        #expect(throws: SolverError.self) { try Solver().solve(m) }
        do { _ = try Solver().solve(m) } catch {
            guard case .invalidModel(let problems) = error else { Issue.record("expected invalidModel"); return }
            #expect(problems.contains { $0.contains("bounds") })
            #expect(problems.contains { $0.contains("coefficient") })
            #expect(problems.contains { $0.contains("used twice") })
        }
    }

    @Test func anInvalidGLPKCallBecomesAnErrorNotAnAbort() throws {
        let message = GLPKProblem.provokeInvalidCall()
        #expect(message?.contains("column") == true || message?.contains("out of range") == true, "\(message ?? "nil")")
        // GLPK still works on this thread afterwards.
        let s = try Solver().solve(knapsack(values: [3, 4], weights: [1, 1], capacity: 1))
        #expect(s.objective == -4)
    }

    @Test func solvesOnManyThreadsAtOnce() async throws {
        // 32 different knapsacks solved concurrently; each must reach its brute-force optimum.
        let cases: [(values: [Int], weights: [Int], capacity: Int)] = (0..<32).map { k in
            var g = SplitMixForTests(seed: UInt64(k + 1))
            let n = 10 + k % 5
            return ((0..<n).map { _ in Int(g.next() % 40) + 1 }, (0..<n).map { _ in Int(g.next() % 20) + 1 }, 30 + k)
        }
        let results = await withTaskGroup(of: (Int, Double?).self) { group in
            for (k, c) in cases.enumerated() {
                group.addTask {
                    let s = try? Solver().solve(knapsack(values: c.values, weights: c.weights, capacity: c.capacity))
                    return (k, s?.objective)
                }
            }
            var out = [Double?](repeating: nil, count: cases.count)
            for await (k, o) in group { out[k] = o }
            return out
        }
        // Also plain OS threads, not only the cooperative pool.
        let threadResults = UnsafeSendableBox([Double?](repeating: nil, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            let c = cases[k]
            let o = try? Solver().solve(knapsack(values: c.values, weights: c.weights, capacity: c.capacity)).objective
            threadResults.set(k, o)
        }
        for (k, c) in cases.enumerated() {
            #expect(results[k] == -Double(bruteForce(values: c.values, weights: c.weights, capacity: c.capacity)))
        }
        for k in 0..<8 {
            #expect(threadResults.values[k] == results[k])
        }
    }

    @Test func printsNothingOnTheTerminal() throws {
        let output = try captureStandardOutput {
            _ = try? Solver().solve(knapsack(values: [5, 6, 7, 8], weights: [2, 3, 4, 5], capacity: 7))
            _ = GLPKProblem.provokeInvalidCall()
        }
        #expect(output.isEmpty, "GLPK printed: \(output)")
    }

    @Test func writesMPSThatNamesRulesAndVariables() throws {
        var m = Model(name: "named")
        let x = m.binary("x", ["hzm-0001", "cao-people"], cost: 1)
        m.require("T1.quota", ["hz-municipal"], LinearExpression(x) >= 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rota-\(UUID().uuidString).mps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Solver().writeMPS(m, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("T1.quota[hz-municipal]"))
        #expect(text.contains("x[hzm-0001,cao-people]"))
    }

    /// An unnamed model (the weekly rota's 19,000 small ones) skips the instance ids but keeps
    /// each row's rule id, solves to the same point as the named one although its names repeat,
    /// and never evaluates the ids it was given.
    @Test func anUnnamedModelKeepsRuleIdsAndSolvesTheSame() throws {
        func build(named: Bool, asked: inout Int) -> Model {
            var m = Model(name: "week", named: named)
            var load = LinearExpression()
            for (i, (v, w)) in zip([10, 13, 7, 8, 9, 4], [5, 7, 4, 4, 5, 2]).enumerated() {
                let x = m.binary("take", { asked += 1; return ["item \(i)"] }(), cost: -Double(v))
                load.add(Double(w), x)
                m.require("ONE.each", { asked += 1; return ["item \(i)"] }(), LinearExpression(x) <= 1)
            }
            m.require("CAP", { asked += 1; return ["bag"] }(), load <= 13)
            return m
        }
        var namedAsks = 0, unnamedAsks = 0
        let named = build(named: true, asked: &namedAsks), unnamed = build(named: false, asked: &unnamedAsks)
        #expect(namedAsks == 13 && unnamedAsks == 0)
        #expect(named.rows.map(\.label).first == "ONE.each[item 0]" && named.columns.first?.name == "take[item 0]")
        #expect(unnamed.rows.map(\.rule) == named.rows.map(\.rule))
        #expect(unnamed.rows.map(\.label) == unnamed.rows.map(\.rule))
        #expect(unnamed.validationProblems().isEmpty)
        #expect(named.validationProblems().isEmpty)
        let a = try Solver().solve(named), b = try Solver().solve(unnamed)
        #expect(a.status == .optimal && b.status == .optimal)
        #expect(a.values == b.values && a.objective == b.objective)
        // A named model's repeated names are still refused.
        var twice = Model(name: "twice")
        _ = twice.binary("x", []); _ = twice.binary("x", [])
        #expect(twice.validationProblems().contains { $0.contains("used twice") })
    }

    /// Merging an expression's terms: duplicates summed in the order added, zeros dropped,
    /// columns increasing — whether the terms came in order or not.
    @Test func expressionTermsMergeByColumn() {
        let v = (0..<4).map(Variable.init(index:))
        #expect(LinearExpression.sum([v[0], v[2], v[3]]).merged().map(\.column) == [0, 2, 3])
        let mixed = LinearExpression(terms: [(v[3], 1), (v[1], 2), (v[3], -1), (v[0], 0.5), (v[1], 0.25), (v[2], 0)])
        let merged = mixed.merged()
        #expect(merged.map(\.column) == [0, 1])
        #expect(merged.map(\.coefficient) == [0.5, 2.25])
        #expect(LinearExpression(terms: [(v[1], 1), (v[1], 1)]).merged().map(\.coefficient) == [2])
        #expect(LinearExpression().merged().isEmpty)
    }

    @Test func honoursAStartSolution() throws {
        let values = [10, 13, 7, 8, 9, 4], weights = [5, 7, 4, 4, 5, 2]
        let m = knapsack(values: values, weights: weights, capacity: 13)
        let start: [Double] = [1, 0, 0, 1, 0, 1]  // feasible: weight 11, value 22
        let s = try Solver().solve(m, start: start)
        #expect(s.status == .optimal)
        #expect(s.objective == -Double(bruteForce(values: values, weights: weights, capacity: 13)))
        #expect(throws: SolverError.self) { try Solver().solve(m, start: [1, 0]) }
    }
}

/// A tiny deterministic generator for test data.
struct SplitMixForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// A lock-protected array written from several threads.
final class UnsafeSendableBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Double?]
    init(_ v: [Double?]) { values = v }
    func set(_ i: Int, _ v: Double?) { lock.lock(); values[i] = v; lock.unlock() }
}

/// Runs `body` with file descriptor 1 sent to a temporary file and returns what was written.
func captureStandardOutput(_ body: () throws -> Void) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rota-out-\(UUID().uuidString)").path
    FileManager.default.createFile(atPath: path, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: path) }
    fflush(nil)
    let saved = dup(1)
    let fd = open(path, O_WRONLY)
    dup2(fd, 1)
    close(fd)
    defer { fflush(nil); dup2(saved, 1); close(saved) }
    try body()
    fflush(nil)
    return try String(contentsOfFile: path, encoding: .utf8)
}
