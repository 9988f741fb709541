import Foundation
import RotaCore

extension PlanVerifier {
    /// Whether a staff member may hold a TCM.weekly clinic: a doctor whose specialty is TCM and
    /// whose title is senior (高级职称: associate-senior or senior).
    ///
    /// The verifier's own test, written apart from `StaffMember.isSeniorTCMPhysician`.
    ///
    /// ```swift
    /// PlanVerifier.isSeniorTCMDoctor(StaffMember(id: "x", name: "王芳", institution: "h", role: .doctor,
    ///                               specialty: "TCM", title: .associateSenior))   // true
    /// ```
    static func isSeniorTCMDoctor(_ s: StaffMember) -> Bool {
        guard s.role == .doctor,
              s.specialty?.trimmingCharacters(in: .whitespaces).lowercased() == "tcm" else { return false }
        switch s.title {
        case .associateSenior?, .senior?: return true
        case .junior?, .intermediate?, nil: return false
        }
    }
}

/// TCM rules: a senior TCM physician's weekly clinic at every TCM-featured centre, from a
/// higher-level hospital, and at most TCM.centres-per-physician centres per physician.
///
/// Instances:
/// - `TCM.weekly[CENTRE]` for every TCM-featured township centre: at least one clinic whose
///   physician is a senior-title TCM doctor, and such clinics together cover every day of the
///   period (the clinic is weekly all year; the weekly timetable itself is not in plan.json).
/// - `TCM.weekly[physician:ID]` for every clinic physician: clinics at ≤
///   TCM.centres-per-physician distinct centres.
/// - `TCM.locality[CENTRE:PHYSICIAN]` for every clinic: the physician's institution is a city
///   (tertiary, secondary) hospital or a county hospital of the centre's county, and is the
///   clinic's `sender`.
///
/// ```text
/// TCM.weekly[cao-anling]  qualifying clinics 1 ≥ 1; period days without one 0 = 0
/// ```
extension PlanVerifier {
    func tcmChecks(_ view: PlanView) -> [RuleCheck] {
        weeklyClinics(view) + centresPerPhysician(view) + view.clinics.map(tcmLocality)
    }

    private func weeklyClinics(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        return ctx.institutions(of: .township).filter(\.tcmFeatured).map { centre in
            let clinics = view.clinics.filter { $0.clinic.centre == centre.id }
            let qualifying = clinics.filter { c in c.range != nil && c.physician.map(PlanVerifier.isSeniorTCMDoctor) == true }
            let gaps = uncovered(ctx.period, by: qualifying.compactMap(\.range))
            let gapDays = gaps.reduce(0) { $0 + $1.dayCount }
            var witnesses = clinics.map { c -> Witness in
                let note: String
                if let p = c.physician {
                    note = PlanVerifier.isSeniorTCMDoctor(p) ? "senior TCM doctor, \(c.clinic.start)..\(c.clinic.end)"
                        : "not a senior-title TCM doctor (\(p.role.rawValue), \(p.specialty ?? "no specialty"), \(p.title?.rawValue ?? "no title"))"
                } else { note = "unknown physician" }
                return ctx.witness(person: c.clinic.physician, note: note)
            }
            witnesses += gaps.map { Witness(.dates, $0.description, note: "no senior TCM clinic") }
            var problems: [String] = []
            if qualifying.isEmpty {
                problems.append(clinics.isEmpty ? "no senior TCM physician holds a clinic at the centre"
                                                : "none of its \(VerifyText.counted(clinics.count, "clinic", "clinics")) is held by a senior-title TCM doctor")
            } else if gapDays > 0 {
                problems.append("\(gapDays) days of the period have no senior TCM clinic (\(gaps.map(\.description).joined(separator: ", ")))")
            }
            return ctx.check("TCM.weekly", centre.id, subject: ctx.subject(institution: centre.id),
                             quantities: [Quantity("clinics", clinics.count), Quantity("qualifyingClinics", qualifying.count),
                                          Quantity("uncoveredDays", gapDays)],
                             arithmetic: "qualifying clinics \(VerifyText.atLeast(qualifying.count, 1)); "
                                 + "period days without one \(gapDays) \(gapDays == 0 ? "=" : "≠") 0",
                             finding: problems.isEmpty
                                 ? "a senior-title TCM doctor holds a clinic at \(ctx.label(institution: centre.id)) throughout the period"
                                 : problems.joined(separator: "; "),
                             witnesses: witnesses, passed: problems.isEmpty)
        }
    }

    /// The parts of `period` that no range of `ranges` covers, in order.
    func uncovered(_ period: DayRange, by ranges: [DayRange]) -> [DayRange] {
        var gaps: [DayRange] = []
        var next = period.from
        for r in ranges.compactMap({ $0.clipped(to: period) }).sorted(by: { $0.from < $1.from }) {
            if r.from > next { gaps.append(DayRange(from: next, to: r.from.adding(days: -1))) }
            if r.to >= next { next = r.to.adding(days: 1) }
        }
        if next <= period.to { gaps.append(DayRange(from: next, to: period.to)) }
        return gaps
    }

    private func centresPerPhysician(_ view: PlanView) -> [RuleCheck] {
        let ctx = context, limit = ctx.parameters.int("TCM.centres-per-physician")
        var centres: [String: Set<String>] = [:]
        for c in view.clinics where c.physician != nil { centres[c.clinic.physician, default: []].insert(c.clinic.centre) }
        return centres.keys.sorted().map { id in
            let list = centres[id]!.sorted()
            return ctx.check("TCM.weekly", "physician:\(id)", subject: ctx.subject(person: id),
                             quantities: [Quantity("centres", list.count), Quantity("centresPerPhysician", limit)],
                             arithmetic: "centres \(VerifyText.atMost(list.count, limit))",
                             finding: "\(ctx.label(person: id)) holds TCM clinics at \(VerifyText.counted(list.count, "centre", "centres")); "
                                 + "at most \(limit) allowed",
                             witnesses: list.map { ctx.witness(institution: $0, note: "TCM clinic") },
                             passed: list.count <= limit)
        }
    }

    private func tcmLocality(_ c: PlanView.Clinic) -> RuleCheck {
        let ctx = context, clinic = c.clinic
        let centre = ctx.institutions[clinic.centre]
        var problems: [String] = []
        var parts: [String] = []
        var witnesses = [ctx.witness(institution: clinic.centre, note: "centre")]
        if let p = c.physician {
            let home = ctx.institutions[p.institution]
            witnesses.append(ctx.witness(person: p.id, note: "physician of \(ctx.label(institution: p.institution))"))
            let sameSender = p.institution == clinic.sender
            parts.append("sender \(clinic.sender) \(sameSender ? "=" : "≠") physician's institution \(p.institution)")
            if !sameSender {
                problems.append("\(ctx.label(person: p.id)) belongs to \(ctx.label(institution: p.institution)), not to the sender \(ctx.label(institution: clinic.sender))")
            }
            switch home?.tier {
            case .tertiary?, .secondary?:
                parts.append("physician's institution tier \(home!.tier.rawValue) (city hospital)")
            case .county?:
                let same = home?.county != nil && home?.county == centre?.county
                parts.append("county hospital county \(home?.county ?? "none") \(same ? "=" : "≠") centre county \(centre?.county ?? "none")")
                if !same {
                    problems.append("county hospital \(ctx.label(institution: p.institution)) is not in \(ctx.countyLabel(centre?.county)), the centre's county")
                }
            default:
                parts.append("physician's institution tier \(home?.tier.rawValue ?? "unknown") ∉ {tertiary, secondary, county}")
                problems.append("\(ctx.label(institution: p.institution)) is not a higher-level hospital (city or county hospital)")
            }
        } else {
            parts.append("physician unknown")
            problems.append("physician \"\(clinic.physician)\" is not staff of the scenario; see PLAN.integrity")
        }
        return ctx.check("TCM.locality", "\(clinic.centre):\(clinic.physician)", subject: ctx.subject(institution: clinic.centre),
                         quantities: [], arithmetic: parts.joined(separator: "; "),
                         finding: problems.isEmpty
                             ? "\(ctx.label(person: clinic.physician)) comes from a higher-level hospital that may serve \(ctx.label(institution: clinic.centre))"
                             : problems.joined(separator: "; "),
                         witnesses: witnesses, passed: problems.isEmpty)
    }
}
