import RotaCore

/// TCM clinics handed over from a date: when the physician chosen for a centre's clinic is on
/// leave from some day to the end of the period (or from its start to some day) for more than
/// posting.max-leave-days working days, a colleague who may hold the clinic takes it over for
/// those days, and plan.json records both clinics with their dates (`takesOverFrom`).
///
/// Weeks of covers for one absence are a handover in all but name; the plan says it, so the
/// centre, the hospitals and the rota know who holds the clinic from when. The colleague is a
/// senior TCM physician the rules let hold the clinic (TCM.locality: a city hospital's, or a
/// county hospital's of the centre's county) who holds no posting or village duty (planning
/// policy: a clinic holder takes no other part-time duty), fewer than TCM.centres-per-physician
/// clinics, and on leave at most posting.max-leave-days working days of the span; the least
/// leave there, then the same hospital as the holder, then id. Without one the clinic stays
/// whole and the weekly rota covers or reports the weeks.
///
/// ```swift
/// // cao-p-05 on leave 2025-08-18..2025-12-31:
/// // cao-anling  cao-p-05  2025-01-01..2025-08-17
/// // cao-anling  hzt-01    2025-08-18..2025-12-31  takesOverFrom cao-p-05
/// let clinics = TCMHandover(instance: instance, busy: posted).apply(to: chosen)
/// ```
struct TCMHandover {
    let instance: PlanningInstance
    /// People with a posting or a village duty in the plan.
    let busy: Set<String>

    func apply(to clinics: [PlanTCMClinic]) -> [PlanTCMClinic] {
        let maxLeave = instance.parameters.int("posting.max-leave-days")
        let perPhysician = max(1, instance.parameters.int("TCM.centres-per-physician"))
        var out = clinics
        var centresOf: [String: Set<String>] = [:]
        for c in clinics { centresOf[c.physician, default: []].insert(c.centre) }
        let period = instance.period
        let working = period.days.filter { instance.workingDays.contains($0) }
        for (i, clinic) in clinics.enumerated() {
            guard let holder = instance.staffById[clinic.physician], let centre = instance.institutions[clinic.centre],
                  let span = longAbsence(of: holder, working: working, maxLeave: maxLeave) else { continue }
            let candidates = instance.scenario.staff.filter { p in
                guard p.isSeniorTCMPhysician, p.id != holder.id, !busy.contains(p.id),
                      let h = instance.institutions[p.institution], instance.mayHoldTCMClinic(h, at: centre) else { return false }
                let centres = centresOf[p.id] ?? []
                return centres.contains(centre.id) ? false : centres.count < perPhysician
            }
            let ranked = candidates.map { p in (leave: leaveDays(p, in: span, working: working), sameHospital: p.institution == holder.institution ? 0 : 1, id: p.id, person: p) }
                .filter { $0.leave <= maxLeave }
                .sorted { ($0.leave, $0.sameHospital, $0.id) < ($1.leave, $1.sameHospital, $1.id) }
            guard let next = ranked.first?.person else { continue }
            centresOf[next.id, default: []].insert(centre.id)
            let handedOver = PlanTCMClinic(centre: centre.id, physician: next.id, sender: next.institution,
                                           start: span.from.iso, end: span.to.iso, takesOverFrom: holder.id)
            if span.from == period.from {
                // Leave from the start: the colleague holds the clinic first, the holder from the day after.
                out[i].start = span.to.adding(days: 1).iso
                out[i].takesOverFrom = next.id
                out.append(PlanTCMClinic(centre: centre.id, physician: next.id, sender: next.institution, start: span.from.iso, end: span.to.iso))
            } else {
                out[i].end = span.from.adding(days: -1).iso
                out.append(handedOver)
            }
        }
        return out.sorted { ($0.centre, $0.start, $0.physician) < ($1.centre, $1.start, $1.physician) }
    }

    /// The days from the first working day of leave that runs without a break to the period's
    /// end (or from the period's start to its last working day), when that leave holds more
    /// than `maxLeave` working days and leaves the holder some working days of the period.
    func longAbsence(of person: StaffMember, working: [Day], maxLeave: Int) -> DayRange? {
        guard !person.unavailable.isEmpty, !working.isEmpty else { return nil }
        func away(_ d: Day) -> Bool { person.unavailable.contains { $0.contains(d) } }
        let tail = working.reversed().prefix { away($0) }
        if tail.count > maxLeave, tail.count < working.count, let first = tail.last {
            return DayRange(from: first, to: instance.period.to)
        }
        let head = working.prefix { away($0) }
        if head.count > maxLeave, head.count < working.count, let last = head.last {
            return DayRange(from: instance.period.from, to: last)
        }
        return nil
    }

    func leaveDays(_ person: StaffMember, in span: DayRange, working: [Day]) -> Int {
        working.filter { d in span.contains(d) && person.unavailable.contains { $0.contains(d) } }.count
    }
}
