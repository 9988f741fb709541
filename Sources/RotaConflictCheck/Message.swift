import RotaCore
import RotaVerifier

/// The message a conflict.json item must carry: `ConflictWording` filled with the facts the
/// re-check recomputed (names, percentages, staff counts, leave days), never with the file's.
///
/// ```swift
/// Message(facts: facts).of(quotaOfHzTCM, required: 15, achievable: 12)
/// // "菏泽市中医医院 must send ≥ 15 people (1.2% of 1200 technical staff) but lists 12 candidates (12 free of long leave); at most 12 can go — 3 short"
/// ```
struct Message {
    let facts: ScenarioFacts

    func of(_ i: NamedInstance, required: Int, achievable: Int) -> String {
        let limit = facts.maxLeave
        switch i.kind {
        case .quota(let tier, let h):
            let base = (tier == "T3" ? h.medicalStaff : h.technicalStaff) ?? 0
            let percent = PlanVerifier.PercentQuota(percent: facts.parameters.percent("\(tier).quota"), base: base).percentText
            if tier == "T2", h.tier == .county, facts.t2Recipients(of: h).isEmpty {
                return ConflictWording.quotaWithoutRecipient(sender: h.name, required: required, percent: percent, base: base,
                                                             county: facts.scenario.countyName(h.county ?? ""), achievable: achievable)
            }
            let staff = facts.staff(of: h.id)
            return ConflictWording.quota(sender: h.name, required: required, percent: percent, base: base,
                                         staffWord: tier == "T3" ? "medical staff" : "technical staff", listed: staff.count,
                                         free: staff.filter { facts.isFreeForPosting($0.id) }.count, achievable: achievable)
        case .total(let rule):
            return ConflictWording.total(rule: rule, required: required, achievable: achievable)
        case .teamSize(let tier, let h, let r):
            return ConflictWording.teamSize(sender: h.name, recipient: r.name, size: facts.parameters.int("\(tier).team-size"), missing: required - achievable)
        case .teamMix(_, let h, _, let g):
            return ConflictWording.teamMix(sender: h.name, group: g.rawValue, missing: required - achievable)
        case .groupPharmacist(let h, _):
            return ConflictWording.groupPharmacist(sender: h.name, missing: required - achievable)
        case .workstation(let h, let r):
            return ConflictWording.workstation(sender: h.name, recipient: r.name, missing: required - achievable)
        case .clinicOfOneTeam(let c):
            return ConflictWording.workstation(sender: c.name, recipient: "", missing: achievable - required)
        case .periodTooShort(let rule):
            return ConflictWording.duration(period: facts.scenario.period.description, rule: rule)
        case .tcmWeekly(let c):
            return ConflictWording.tcmWeekly(centre: c.name)
        case .leave(let subject, let members):
            let onLeave = members.map { ConflictWording.OnLeave(name: $0.name, id: $0.id, workingDays: facts.leaveDays[$0.id] ?? 0) }
            let parts = subject.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 4 {
                return ConflictWording.leaveClass(members: onLeave, role: parts[1], specialty: parts[2], hospital: facts.name(parts[0]),
                                                  limit: limit, needed: achievable - required)
            }
            return ConflictWording.leavePerson(onLeave[0], limit: limit)
        }
    }
}
