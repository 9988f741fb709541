import RotaCore

/// A 3331 visit day kept when one of the group is away: a same-role colleague of the team, at
/// the recipient that day, goes to the workstation instead (T1.3331, "a group member on leave
/// is replaced by a same-role member of the same team": a cover).
///
/// A re-plan that keeps the earlier rota but for the half-days leave takes away would leave a
/// visit day with two of the three; this repairs just those days, changing two half-days of
/// one colleague per day instead of scheduling the rota again.
///
/// ```swift
/// let repaired = VisitCover.cover(kept, dropped: dropped, plan: plan, staff: scenario.staffIndex(), onLeave: leave)
/// ```
public enum VisitCover {
    /// `entries` with each dropped 3331 visit day (entries of `dropped`, a person's both
    /// halves at a T1 workstation) covered by a same-role colleague of the team serving that
    /// day, not on leave, at the recipient both halves; days nobody can cover are left as
    /// they are (the verifier then says so).
    public static func cover(_ entries: [RotaEntry], dropped: [RotaEntry], plan: Plan, staff: [String: StaffMember],
                             onLeave: [String: Set<String>]) -> [RotaEntry] {
        let visits = dropped.filter(\.activity.is3331Visit)
        guard !visits.isEmpty else { return entries }
        var out = entries
        var at: [String: [Int]] = [:]   // "person|date" → indices into out
        for (i, e) in out.enumerated() { at["\(e.person)|\(e.date)", default: []].append(i) }
        let parts = plan.teams.filter { $0.group3331 != nil }.flatMap(\.spans)
        let days = Dictionary(grouping: visits) { "\($0.person)|\($0.date)" }
        for key in days.keys.sorted() {
            let lost = days[key]!.sorted()
            let person = lost[0].person, date = lost[0].date
            guard let role = staff[person]?.role,
                  let team = parts.first(where: { p in p.members.contains(person) && p.group3331?.workstation == lost[0].site
                                                  && p.start <= date && date <= p.end }) else { continue }
            let colleague = team.members.filter { $0 != person && staff[$0]?.role == role && !(onLeave[$0]?.contains(date) ?? false) }
                .sorted()
                .first { c in
                    let mine = (at["\(c)|\(date)"] ?? []).map { out[$0] }
                    return mine.count == 2 && mine.allSatisfy { $0.activity == .posting && $0.site == team.recipient }
                }
            guard let colleague else { continue }
            for i in at["\(colleague)|\(date)"]! {
                guard let visit = lost.first(where: { $0.half == out[i].half }) else { continue }
                out[i].site = visit.site
                out[i].activity = visit.activity
            }
        }
        return out
    }
}
