import Foundation
import Testing

/// The verifier's independence, as the package states it: what a commission runs to check a
/// plan, a rota, a proof or a conflict never depends on the planner or on GLPK.
///
/// The compiler enforces it for the sources (a verifier file cannot `import RotaPlanner`);
/// this test keeps `Package.swift` from quietly adding the dependency.
@Suite struct TargetGraphTests {
    /// Every target's direct dependencies on other targets of this package, read from
    /// `Package.swift`: each `.target(`, `.executableTarget(`, `.testTarget(` or `.systemLibrary(`
    /// call's `name:` and the quoted target names in its `dependencies:` list (products, written
    /// `.product(name: …, package: …)`, are other packages and are skipped).
    static func targetGraph() throws -> [String: [String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var graph: [String: [String]] = [:]
        let calls = text.components(separatedBy: "\n        .").dropFirst()
        for call in calls where call.hasPrefix("target(") || call.hasPrefix("executableTarget(")
            || call.hasPrefix("testTarget(") || call.hasPrefix("systemLibrary(") {
            guard let name = call.firstMatch(of: /name: "(\w+)"/)?.1 else { continue }
            var deps: [String] = []
            if let list = call.firstMatch(of: /dependencies: \[([^\]]*)\]/)?.1 {
                let withoutProducts = list.replacing(/\.product\([^)]*\)/, with: "")
                deps = withoutProducts.matches(of: /"(\w+)"/).map { String($0.1) }
            }
            graph[String(name)] = deps
        }
        return graph
    }

    /// Everything `target` depends on, directly or not.
    static func closure(of target: String, in graph: [String: [String]]) -> Set<String> {
        var seen: Set<String> = [], stack = graph[target] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack += graph[next] ?? [] }
        }
        return seen
    }

    @Test(arguments: ["RotaVerifier", "RotaConflictCheck", "RotaProof", "RotaAudit", "RotaOutput", "RotaCore", "RotaInput"])
    func checkingNeverReachesThePlannerOrTheSolver(target: String) throws {
        let graph = try Self.targetGraph()
        #expect(graph[target] != nil, "no target \(target) in Package.swift")
        let reached = Self.closure(of: target, in: graph)
        for forbidden in ["RotaPlanner", "RotaSolver", "CGLPK", "CGLPKShim"] {
            #expect(!reached.contains(forbidden), "\(target) depends on \(forbidden)")
        }
    }

    @Test func thePlannerDoesDependOnTheSolver() throws {
        // The check above is only worth something if the graph it reads is the real one.
        let reached = Self.closure(of: "RotaPlanner", in: try Self.targetGraph())
        #expect(reached.contains("RotaSolver") && reached.contains("CGLPKShim"))
    }
}
