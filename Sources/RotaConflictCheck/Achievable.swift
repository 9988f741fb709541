import RotaCore

/// How far one named instance can go while the other named instances hold, in the re-check's
/// own formulation (`PersonRelaxation`): the `achievable` of a conflict.json item.
///
/// - quotas, totals, TCM.weekly: the largest count the flow meets (searched by bisection);
/// - PERSON.leave: the fewest of its members who must post after all (its rows read
///   "postings ≤ 0", so achievable = that number);
/// - T3.station-continuity: the fewest stationed helpers the others need;
/// - team rules: 0 when the sender need not send or can send to another recipient; otherwise
///   the team's shortfall at this recipient, negated (−1 for a missing group member, pharmacist
///   or clinic; candidates − team size for T1/T2.team-size);
/// - T1/T2.duration: the fewest teams, bounded below by the senders that must each send and
///   above by a greedy choice of senders to close; exact when the two meet.
///
/// ```swift
/// Achievable(facts: facts, named: others).of(quotaOfHzTCM)   // .exactly(12)
/// ```
struct Achievable {
    enum Result: Equatable {
        case exactly(Int)
        /// Not pinned down: the claim is checked to lie in this range.
        case between(Int, Int)
        case unknown(String)
    }

    let facts: ScenarioFacts
    /// The other named instances, held.
    let named: [NamedInstance]

    private func relaxation(with i: NamedInstance? = nil) -> PersonRelaxation {
        PersonRelaxation(facts: facts, held: named + (i.map { [$0] } ?? []))
    }

    /// The largest k ≤ cap with `feasible(k)`, when `feasible` falls from true to false as k grows.
    static func largest(upTo cap: Int, _ feasible: (Int) -> Bool) -> Int? {
        guard feasible(0) else { return nil }
        var low = 0, high = cap
        while low < high {
            let mid = low + (high - low + 1) / 2
            if feasible(mid) { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The smallest k ≤ cap with `feasible(k)`, when `feasible` rises from false to true as k grows.
    static func smallest(upTo cap: Int, _ feasible: (Int) -> Bool) -> Int? {
        guard feasible(cap) else { return nil }
        var low = 0, high = cap
        while low < high {
            let mid = low + (high - low) / 2
            if feasible(mid) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The most a lower-bound count can reach, up to `cap`.
    func most(_ i: NamedInstance, cap: Int) -> Int? {
        Achievable.largest(upTo: cap) { k in
            var r = relaxation(with: i)
            r.lowerOverride[i.label] = k
            return r.isFeasible()
        }
    }

    func of(_ i: NamedInstance) -> Result {
        let othersFail = Result.unknown("the other named instances cannot hold even without this one")
        switch i.kind {
        case .quota, .total, .tcmWeekly:
            guard let k = most(i, cap: i.required(facts)) else { return othersFail }
            return .exactly(k)
        case .leave(let subject, let members):
            guard let k = Achievable.smallest(upTo: members.count, { k in
                var r = relaxation(with: i)
                r.leaveAllowance[subject] = k
                return r.isFeasible()
            }) else { return othersFail }
            return .exactly(k)
        case .teamSize, .teamMix, .groupPharmacist, .workstation:
            let (h, r0) = i.team!
            let base = relaxation()
            guard base.isFeasible() else { return othersFail }
            var closed = base
            closed.closedSenders = [h.id]
            if closed.isFeasible() { return .exactly(0) }   // the sender need not send
            let kept = base.keptFromPostings()
            if base.openRecipients(of: h, kept: kept).contains(where: { $0.id != r0.id }) { return .exactly(0) }
            let candidates = facts.staff(of: h.id).filter { !kept.contains($0.id) }
            switch i.kind {
            case .teamSize(let tier, _, _): return .exactly(min(0, candidates.count - facts.parameters.int("\(tier).team-size")))
            case .teamMix(_, _, _, let g): return .exactly(candidates.contains { $0.role.group == g } ? 0 : -1)
            case .groupPharmacist: return .exactly(candidates.contains { $0.role == .pharmacist } ? 0 : -1)
            default: return .exactly(facts.centralClinics(in: r0.county).isEmpty ? -1 : 0)
            }
        case .periodTooShort("T3.station-continuity"):
            guard let k = Achievable.smallest(upTo: facts.scenario.staff.count, { k in
                var r = relaxation()
                r.stationedAtMost = k
                return r.isFeasible()
            }) else { return othersFail }
            return .exactly(k)
        case .periodTooShort(let rule):
            let base = relaxation()
            guard base.isFeasible() else { return othersFail }
            let senders = rule == "T1.duration" ? facts.tertiary : (facts.secondary + facts.countyHospitals)
            var mustSend = 0
            for h in senders {
                var r = base
                r.closedSenders = [h.id]
                if !r.isFeasible() { mustSend += 1 }
            }
            var greedy = base
            for h in senders {
                var r = greedy
                r.closedSenders.insert(h.id)
                if r.isFeasible() { greedy = r }
            }
            let open = senders.filter { !greedy.closedSenders.contains($0.id) && greedy.teamTierOpen($0, kept: greedy.keptFromPostings()) }.count
            return mustSend == open ? .exactly(mustSend) : .between(mustSend, open)
        case .clinicOfOneTeam:
            return .unknown("one team per 3331 workstation clinic is not part of the independent check's formulation, so it cannot recompute this instance")
        }
    }
}
