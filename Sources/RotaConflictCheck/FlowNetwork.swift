/// A flow network over `Int` with lower and upper bounds on its edges, and Dinic's algorithm.
///
/// The re-check's own arithmetic: a feasible flow is an assignment of whole people to forms
/// that meets every lower bound (a quota, a total) within every capacity (a person serves once,
/// a village holds so many stints). Lower bounds are removed the textbook way: each edge keeps
/// `upper − lower`, its lower bound moves to a demand at its ends, a `sink → source` edge of
/// unbounded capacity closes the circulation, and the bounds can all be met exactly when a
/// maximum flow from a super source saturates every demand.
///
/// ```swift
/// var net = FlowNetwork()
/// let s = net.node(), a = net.node(), t = net.node()
/// net.edge(s, a, upper: 3)
/// net.edge(a, t, lower: 4, upper: 10)
/// net.isFeasible(source: s, sink: t)   // false: 3 people cannot meet a demand of 4
/// ```
struct FlowNetwork {
    struct Edge { let from: Int, to: Int, lower: Int, upper: Int }
    private(set) var edges: [Edge] = []
    private(set) var nodes = 0

    /// A new node.
    mutating func node() -> Int { nodes += 1; return nodes - 1 }

    /// An edge carrying between `lower` and `upper` units.
    mutating func edge(_ from: Int, _ to: Int, lower: Int = 0, upper: Int) {
        edges.append(Edge(from: from, to: to, lower: lower, upper: max(upper, lower)))
        if upper < lower { impossible = true }
    }
    /// An edge whose upper bound is below its lower bound was added.
    private var impossible = false

    /// Effectively unbounded capacity (every count in a scenario is at most 999,999,999).
    static let unbounded = 1 << 40

    /// Whether a flow from `source` to `sink` meets every edge's bounds.
    func isFeasible(source: Int, sink: Int) -> Bool {
        if impossible { return false }
        var dinic = Dinic(nodes: nodes + 2)
        let superSource = nodes, superSink = nodes + 1
        var excess = [Int](repeating: 0, count: nodes)
        for e in edges {
            if e.upper > e.lower { dinic.add(e.from, e.to, e.upper - e.lower) }
            excess[e.to] += e.lower
            excess[e.from] -= e.lower
        }
        dinic.add(sink, source, FlowNetwork.unbounded)
        var needed = 0
        for v in 0..<nodes {
            if excess[v] > 0 { dinic.add(superSource, v, excess[v]); needed += excess[v] }
            if excess[v] < 0 { dinic.add(v, superSink, -excess[v]) }
        }
        return dinic.maxFlow(from: superSource, to: superSink) == needed
    }
}

/// Dinic's maximum flow: breadth-first levels, then blocking flows by depth-first search.
struct Dinic {
    private var head: [Int]
    private var to: [Int] = [], next: [Int] = [], capacity: [Int] = []
    private var level: [Int] = [], cursor: [Int] = []

    init(nodes: Int) { head = [Int](repeating: -1, count: nodes) }

    mutating func add(_ u: Int, _ v: Int, _ c: Int) {
        to.append(v); capacity.append(c); next.append(head[u]); head[u] = to.count - 1
        to.append(u); capacity.append(0); next.append(head[v]); head[v] = to.count - 1
    }

    mutating func maxFlow(from s: Int, to t: Int) -> Int {
        var total = 0
        while levels(from: s, to: t) {
            cursor = head
            while true {
                let f = push(s, t, Int.max)
                if f == 0 { break }
                total += f
            }
        }
        return total
    }

    private mutating func levels(from s: Int, to t: Int) -> Bool {
        level = [Int](repeating: -1, count: head.count)
        level[s] = 0
        var queue = [s], i = 0
        while i < queue.count {
            let u = queue[i]; i += 1
            var e = head[u]
            while e >= 0 {
                if capacity[e] > 0 && level[to[e]] < 0 { level[to[e]] = level[u] + 1; queue.append(to[e]) }
                e = next[e]
            }
        }
        return level[t] >= 0
    }

    private mutating func push(_ u: Int, _ t: Int, _ limit: Int) -> Int {
        if u == t { return limit }
        while cursor[u] >= 0 {
            let e = cursor[u]
            let v = to[e]
            if capacity[e] > 0 && level[v] == level[u] + 1 {
                let f = push(v, t, min(limit, capacity[e]))
                if f > 0 { capacity[e] -= f; capacity[e ^ 1] += f; return f }
            }
            cursor[u] = next[e]
        }
        return 0
    }
}
