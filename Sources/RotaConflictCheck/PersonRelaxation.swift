import RotaCore

/// The re-check's own formulation: can every person-level requirement of the named rule
/// instances hold at once? Answered by an integer flow with lower bounds (`FlowNetwork`).
///
/// Each candidate is one unit of flow from the source, so a person serves in at most one form
/// (a T1 team, a T2 team, a stationing, or village help by rounds or technical support — a
/// person doing both rounds and technical support is counted once, under rounds). The unit
/// then passes, in order, through the counts the rules name, each a node whose throughput has
/// a lower bound when the instance is named:
///
/// ```text
/// T1 person ─▶ T1.quota[h] ─▶ T1.total ─────────────────────────────────▶ REGION.total ─▶ sink
/// T2 person ─▶ T2.quota[h] ─▶ T2.total ──────────────────────────────────▶ REGION.total
/// centre person ─▶ T3.quota[h] ─┬▶ station[h] ─▶ village (≤ stints) ─▶ T3.total.stationed ─▶ T3.total ─▶ REGION.total
///                               └▶ rounds ───────────────────────────────────────────────▶ T3.total
/// county-hospital person ─▶ station[h] ─▶ village …   (or rounds / technical support ─▶ T3.total)
/// any T3 person ─▶ technical support ─▶ T3.total
/// ```
///
/// What the named instances add beyond the counts — and only what they require:
/// - PERSON.leave named for a person or class: its members take no full-time posting;
/// - T1/T2.duration, T3.station-continuity named: no posting of that form at all;
/// - team rules named for a sender at *every* recipient it has, that no team of it can meet
///   (no candidate of the group, fewer candidates than the team size, no pharmacist, no central
///   clinic in the recipient's county): the sender sends nobody in that tier;
/// - TCM.weekly named for centres: a senior TCM physician who may go there, each holding at
///   most `TCM.centres-per-physician` clinics (apart from the other forms, which is looser).
///
/// Everything else a real plan must also satisfy (team mixes of senders who have the group,
/// one team per 3331 clinic, the weekly rota) is left out, so the flow is a relaxation: when it
/// is infeasible no plan can meet the named instances; when it is feasible the re-check refuses
/// to confirm the conflict.
struct PersonRelaxation {
    let facts: ScenarioFacts
    /// The instances held.
    var held: [NamedInstance]
    /// A lower bound replacing an instance's own number (to find how far it can go).
    var lowerOverride: [String: Int] = [:]
    /// Per PERSON.leave subject, how many of its members may post after all.
    var leaveAllowance: [String: Int] = [:]
    /// Senders that send nobody in their tier (to find who must send).
    var closedSenders: Set<String> = []
    /// At most this many stationed helpers (to find how many T3.station-continuity would need).
    var stationedAtMost: Int?

    init(facts: ScenarioFacts, held: [NamedInstance]) { self.facts = facts; self.held = held }

    // MARK: What the held instances mean

    /// People kept from full-time postings by a held PERSON.leave instance.
    func keptFromPostings() -> Set<String> {
        var out = Set<String>()
        for i in held {
            guard case .leave(let subject, let members) = i.kind else { continue }
            let allowed = leaveAllowance[subject] ?? 0
            for m in members.dropFirst(max(0, allowed)) { out.insert(m.id) }
        }
        return out
    }

    func periodClosed(_ rule: String) -> Bool {
        held.contains { if case .periodTooShort(let r) = $0.kind { return r == rule } else { return false } }
    }

    /// Whether a held team instance rules out every team of `h` at `r`.
    func teamImpossible(_ h: Institution, at r: Institution, kept: Set<String>) -> Bool {
        let candidates = facts.staff(of: h.id).filter { !kept.contains($0.id) }
        for i in held {
            guard let t = i.team, t.sender.id == h.id, t.recipient.id == r.id else { continue }
            switch i.kind {
            case .teamSize(let tier, _, _): if candidates.count < facts.parameters.int("\(tier).team-size") { return true }
            case .teamMix(_, _, _, let g): if !candidates.contains(where: { $0.role.group == g }) { return true }
            case .groupPharmacist: if !candidates.contains(where: { $0.role == .pharmacist }) { return true }
            case .workstation: if facts.centralClinics(in: r.county).isEmpty { return true }
            default: break
            }
        }
        return false
    }

    /// Whether `h` may send anyone in its team tier (T1 or T2) under the held instances.
    func teamTierOpen(_ h: Institution, kept: Set<String>) -> Bool {
        if closedSenders.contains(h.id) { return false }
        if periodClosed(h.tier == .tertiary ? "T1.duration" : "T2.duration") { return false }
        return facts.teamRecipients(of: h).contains { !teamImpossible(h, at: $0, kept: kept) }
    }

    /// The recipients a team of `h` could go to under the held instances.
    func openRecipients(of h: Institution, kept: Set<String>) -> [Institution] {
        facts.teamRecipients(of: h).filter { !teamImpossible(h, at: $0, kept: kept) }
    }

    func lower(_ i: NamedInstance) -> Int { lowerOverride[i.label] ?? i.required(facts) }

    // MARK: The flow

    /// Whether a person-level assignment meets every held instance.
    func isFeasible() -> Bool {
        var net = FlowNetwork()
        let source = net.node(), sink = net.node()
        let inf = FlowNetwork.unbounded
        let kept = keptFromPostings()
        var quota: [String: Int] = [:]
        var totals: [String: Int] = [:]
        var tcm: [String: Int] = [:]
        for i in held {
            switch i.kind {
            case .quota(_, let h): quota[h.id] = max(quota[h.id] ?? 0, lower(i))
            case .total(let rule): totals[rule] = max(totals[rule] ?? 0, lower(i))
            case .tcmWeekly(let c): tcm[c.id] = max(tcm[c.id] ?? 0, lower(i))
            default: break
            }
        }
        /// A counting node: an edge `in → out` carrying at least `lower`.
        func counter(_ lower: Int, upper: Int = FlowNetwork.unbounded) -> (in: Int, out: Int) {
            let a = net.node(), b = net.node()
            net.edge(a, b, lower: lower, upper: upper)
            return (a, b)
        }
        let region = counter(totals["REGION.total"] ?? 0)
        net.edge(region.out, sink, upper: inf)
        let tier1 = counter(totals["T1.total"] ?? 0), tier2 = counter(totals["T2.total"] ?? 0), tier3 = counter(totals["T3.total"] ?? 0)
        for t in [tier1, tier2, tier3] { net.edge(t.out, region.in, upper: inf) }
        let stationed = counter(totals["T3.total.stationed"] ?? 0, upper: stationedAtMost ?? inf)
        net.edge(stationed.out, tier3.in, upper: inf)
        let noStationing = periodClosed("T3.station-continuity")
        var villageNode: [String: Int] = [:]
        for v in facts.stationVillages {
            let n = net.node()
            villageNode[v.id] = n
            // Successive stints of T3.station-months (rules.md, "Stationing stints"). When the
            // period is shorter than one stint, only a named T3.station-continuity rules
            // stationing out (above); without it a village holds one helper, as T3.station-target asks.
            net.edge(n, stationed.in, upper: max(1, facts.stints))
        }

        func person(_ p: StaffMember) -> Int {
            let n = net.node()
            net.edge(source, n, upper: 1)
            return n
        }
        // `totals.by-sender` (Yanggu): T2.total counts county hospitals' people only, T3.total
        // village helpers of township centres only. A county hospital's stationed helpers still
        // pass through T3.total here (they share the villages), which only loosens the flow.
        let bySender = facts.parameters.totalsCountBySender
        for h in facts.tertiary + facts.secondary + facts.countyHospitals {
            // T1 / T2 teams.
            let q = counter(quota[h.id] ?? 0)
            net.edge(q.out, h.tier == .tertiary ? tier1.in : (bySender && h.tier == .secondary ? region.in : tier2.in), upper: inf)
            let open = teamTierOpen(h, kept: kept)
            var t3Station: Int?, t3Help = false
            if h.tier == .county {
                let served = facts.villages(servedBy: h)
                let villages = noStationing ? [] : facts.servedStationVillages[h.id] ?? []
                if !villages.isEmpty {
                    let s = net.node()
                    for v in villages { net.edge(s, villageNode[v.id]!, upper: inf) }
                    t3Station = s
                }
                t3Help = !served.isEmpty
            }
            for p in facts.staff(of: h.id) {
                let n = person(p)
                let free = !kept.contains(p.id)
                if open && free { net.edge(n, q.in, upper: 1) }
                if let s = t3Station, free { net.edge(n, s, upper: 1) }
                if t3Help { net.edge(n, bySender ? region.in : tier3.in, upper: 1) }
            }
        }
        for h in facts.townships {
            let served = facts.villages(servedBy: h)
            guard !served.isEmpty else {
                // Nowhere to help: a quota above 0 cannot be met.
                if (quota[h.id] ?? 0) > 0 { return false }
                for p in facts.staff(of: h.id) { _ = person(p) }
                continue
            }
            let q = counter(quota[h.id] ?? 0)
            let villages = noStationing ? [] : facts.servedStationVillages[h.id] ?? []
            let staff = facts.staff(of: h.id)
            let mayStation = villages.isEmpty ? 0 : staff.filter { !kept.contains($0.id) }.count
            if mayStation > 0 {
                let s = net.node()
                net.edge(q.out, s, upper: mayStation)
                for v in villages { net.edge(s, villageNode[v.id]!, upper: inf) }
            }
            // Rounds (counted in T3.quota), technical support (not).
            net.edge(q.out, tier3.in, upper: inf)
            for p in staff {
                let n = person(p)
                net.edge(n, q.in, upper: 1)
                net.edge(n, tier3.in, upper: 1)
            }
        }
        // TCM.weekly: physicians who may go, each at most TCM.centres-per-physician clinics.
        if !tcm.isEmpty {
            let perPhysician = max(1, facts.parameters.int("TCM.centres-per-physician"))
            let centres = facts.townships.filter { tcm[$0.id] != nil }
            var centreNode: [String: Int] = [:]
            for c in centres {
                let n = net.node()
                centreNode[c.id] = n
                net.edge(n, sink, lower: tcm[c.id]!, upper: inf)
            }
            for p in facts.scenario.staff where facts.staffById[p.id] == p && p.isSeniorTCMPhysician {
                guard let h = facts.institutions[p.institution] else { continue }
                let reachable = centres.filter { facts.mayHoldTCMClinic(h, at: $0) }
                guard !reachable.isEmpty else { continue }
                let n = net.node()
                net.edge(source, n, upper: perPhysician)
                for c in reachable { net.edge(n, centreNode[c.id]!, upper: 1) }
            }
        }
        return net.isFeasible(source: source, sink: sink)
    }
}
