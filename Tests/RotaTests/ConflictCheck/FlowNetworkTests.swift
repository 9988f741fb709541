import Testing
@testable import RotaConflictCheck

@Suite struct FlowNetworkTests {
    /// Two people, two demands of one each through distinct nodes: feasible; a third demand is not.
    @Test func meetsLowerBoundsOnlyWithinCapacity() {
        var net = FlowNetwork()
        let s = net.node(), t = net.node(), a = net.node(), b = net.node(), p1 = net.node(), p2 = net.node()
        net.edge(s, p1, upper: 1); net.edge(s, p2, upper: 1)
        net.edge(p1, a, upper: 1); net.edge(p2, a, upper: 1); net.edge(p2, b, upper: 1)
        net.edge(a, t, lower: 1, upper: 5); net.edge(b, t, lower: 1, upper: 5)
        #expect(net.isFeasible(source: s, sink: t))
        var more = net
        let c = more.node()
        more.edge(p1, c, upper: 1); more.edge(c, t, lower: 1, upper: 1)
        #expect(!more.isFeasible(source: s, sink: t))
    }

    @Test func nestedCountsShareTheirPeople() {
        // Three people; a quota of 2 inside a total of 3 is feasible, a total of 4 is not.
        for (total, feasible) in [(3, true), (4, false)] {
            var net = FlowNetwork()
            let s = net.node(), t = net.node(), q = net.node(), qOut = net.node(), tot = net.node()
            for _ in 0..<3 { let p = net.node(); net.edge(s, p, upper: 1); net.edge(p, q, upper: 1) }
            net.edge(q, qOut, lower: 2, upper: FlowNetwork.unbounded)
            net.edge(qOut, tot, upper: FlowNetwork.unbounded)
            net.edge(tot, t, lower: total, upper: FlowNetwork.unbounded)
            #expect(net.isFeasible(source: s, sink: t) == feasible)
        }
    }

    @Test func dinicFindsTheMaximumFlow() {
        var d = Dinic(nodes: 4)
        d.add(0, 1, 3); d.add(0, 2, 2); d.add(1, 2, 5); d.add(1, 3, 2); d.add(2, 3, 3)
        #expect(d.maxFlow(from: 0, to: 3) == 5)
    }
}
