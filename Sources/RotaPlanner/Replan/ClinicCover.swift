import RotaCore

/// A TCM clinic session kept when its physician is away: a colleague who may hold the centre's
/// clinic holds that session instead, in the same half-day (TCM.weekly: "a planned physician of
/// the centre on leave, covered by a senior-title TCM doctor who may hold its clinic").
///
/// A re-plan that keeps the earlier rota but for the half-days leave takes away would leave
/// the centre without its weekly clinic for the weeks of the absence; this repairs just those
/// sessions — one added half-day per session lost, no posting changed — instead of scheduling
/// the rota again or handing the clinic over (the physician comes back).
///
/// Who may cover: a senior-title TCM physician (`isSeniorTCMPhysician`) of a city hospital, or
/// of a county hospital of the centre's county (TCM.locality), who holds no full-time posting
/// in the plan and no clinic of this centre, is not on leave that day and has no entry in that
/// half-day. Preferred: a colleague of the absent physician's own hospital, then someone who
/// already holds a TCM clinic, then the fewest days of leave, then id — and the same colleague
/// for every session they can take, so the centre sees one face.
///
/// ```swift
/// let (entries, covers) = ClinicCover.cover(kept, dropped: dropped, plan: plan, scenario: s, onLeave: leave)
/// ```
public enum ClinicCover {
    public static func cover(_ entries: [RotaEntry], dropped: [RotaEntry], plan: Plan, scenario: Scenario,
                             onLeave: [String: Set<String>]) -> (entries: [RotaEntry], covers: [RotaCover]) {
        let lost = dropped.filter { $0.activity == .tcmClinic }.sorted()
        guard !lost.isEmpty else { return (entries, []) }
        let staff = scenario.staffIndex(), institutions = scenario.institutionIndex()
        let fullTime = Set(plan.teams.flatMap(\.everyone) + plan.villageHelpers.filter { $0.form == .station }.map(\.person))
        let clinicians = Set(plan.tcmClinics.map(\.physician))
        var taken = Set(entries.map { "\($0.person)|\($0.date)|\($0.half.rawValue)" })
        var out = entries, covers: [RotaCover] = []
        var seen = Set<RotaCover>()
        for e in lost {
            guard let centre = institutions[e.site], let absent = staff[e.person] else { continue }
            let holders = Set(plan.tcmClinics.filter { $0.centre == centre.id }.map(\.physician))
            let candidates = scenario.staff.filter { p in
                guard p.isSeniorTCMPhysician, !fullTime.contains(p.id), !holders.contains(p.id),
                      let home = institutions[p.institution] else { return false }
                return home.tier.isCityHospital || (home.tier == .county && home.county == centre.county)
            }
            .map { p in (p.institution == absent.institution ? 0 : 1, clinicians.contains(p.id) ? 0 : 1, onLeave[p.id]?.count ?? 0, p.id) }
            .sorted { $0 < $1 }.map(\.3)
            guard let c = candidates.first(where: { c in
                !(onLeave[c]?.contains(e.date) ?? false) && !taken.contains("\(c)|\(e.date)|\(e.half.rawValue)")
            }) else { continue }
            var session = e
            session.person = c
            out.append(session)
            taken.insert("\(c)|\(e.date)|\(e.half.rawValue)")
            if let d = Day(iso: e.date) {
                let cover = RotaCover(rule: "TCM.weekly", absent: e.person, coveredBy: c, site: e.site, week: d.weekStart.iso)
                if seen.insert(cover).inserted { covers.append(cover) }
            }
        }
        return (out.sorted(), covers)
    }
}
