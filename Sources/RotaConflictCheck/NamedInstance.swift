import RotaCore

/// One rule instance a conflict names, read from its label (`T1.quota[hz-tcm]`,
/// `T2.team-mix[hz-second,cao-hanji,nurses]`, `T3.total.stationed`) and looked up in the
/// scenario: a label that is not an instance of this scenario reads as nil.
///
/// The label forms are those of the planner's annual model rows; the meaning of each is
/// re-derived here from rules.md.
///
/// ```swift
/// NamedInstance(label: "T1.quota[hz-tcm]", facts: facts)?.kind   // .quota(tier: "T1", sender: 菏泽市中医医院)
/// NamedInstance(label: "T1.quota[nowhere]", facts: facts)        // nil
/// ```
struct NamedInstance: Hashable {
    enum Kind: Hashable {
        /// T1.quota, T2.quota, T3.quota of a sender.
        case quota(tier: String, sender: Institution)
        /// T1.total, T2.total, T3.total, T3.total.stationed, REGION.total.
        case total(String)
        /// T1/T2.team-size of a sender's team at a recipient.
        case teamSize(tier: String, sender: Institution, recipient: Institution)
        /// T1/T2.team-mix: the team has a member of `group`.
        case teamMix(tier: String, sender: Institution, recipient: Institution, group: StaffGroup)
        /// T1.3331: the team's 3331 group has a pharmacist.
        case groupPharmacist(sender: Institution, recipient: Institution)
        /// T1.3331: the team has a central village clinic of the recipient's county.
        case workstation(sender: Institution, recipient: Institution)
        /// T1.3331: one team per workstation clinic.
        case clinicOfOneTeam(Institution)
        /// T1.duration, T2.duration, T3.station-continuity when the period is too short.
        case periodTooShort(String)
        /// TCM.weekly at a TCM-featured centre.
        case tcmWeekly(Institution)
        /// PERSON.leave of a person or a class of interchangeable candidates on leave.
        case leave(subject: String, members: [StaffMember])
    }

    let label: String
    let rule: String
    let ids: [String]
    let kind: Kind


    /// Splits `rule[a,b]` into the rule and its ids; nil when the label is not of that form.
    static func split(_ label: String) -> (rule: String, ids: [String])? {
        guard let open = label.firstIndex(of: "[") else { return label.isEmpty ? nil : (label, []) }
        guard label.hasSuffix("]"), open != label.startIndex else { return nil }
        let inner = label[label.index(after: open)..<label.index(before: label.endIndex)]
        let ids = inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !ids.contains(where: \.isEmpty) else { return nil }
        return (String(label[..<open]), ids)
    }

    init?(label: String, facts: ScenarioFacts) {
        guard let (rule, ids) = NamedInstance.split(label), ConflictExplanation.nameableRules.contains(rule),
              let kind = NamedInstance.kind(rule: rule, ids: ids, facts: facts) else { return nil }
        self.label = label; self.rule = rule; self.ids = ids; self.kind = kind
    }

    private static func kind(rule: String, ids: [String], facts: ScenarioFacts) -> Kind? {
        let tier = String(rule.prefix(2))
        func institution(_ i: Int, _ tiers: Set<Tier>) -> Institution? {
            guard i < ids.count, let h = facts.institutions[ids[i]], tiers.contains(h.tier) else { return nil }
            return h
        }
        /// A sender and one of its team recipients.
        func team(_ senderTiers: Set<Tier>) -> (Institution, Institution)? {
            guard let h = institution(0, senderTiers), ids.count >= 2,
                  let r = facts.teamRecipients(of: h).first(where: { $0.id == ids[1] }) else { return nil }
            return (h, r)
        }
        let senders: Set<Tier> = tier == "T1" ? [.tertiary] : [.secondary, .county]
        switch rule {
        case "T1.quota", "T2.quota", "T3.quota":
            guard ids.count == 1, let h = institution(0, tier == "T3" ? [.township] : senders) else { return nil }
            return .quota(tier: tier, sender: h)
        case "T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total":
            return ids.isEmpty ? .total(rule) : nil
        case "T1.team-size", "T2.team-size":
            guard ids.count == 2, let (h, r) = team(senders) else { return nil }
            return .teamSize(tier: tier, sender: h, recipient: r)
        case "T1.team-mix", "T2.team-mix":
            guard ids.count == 3, let (h, r) = team(senders), let g = StaffGroup(rawValue: ids[2]) else { return nil }
            return .teamMix(tier: tier, sender: h, recipient: r, group: g)
        case "T1.3331":
            if ids.count == 1, let c = facts.institutions[ids[0]], c.tier == .village, c.central {
                // A clinic is contested when more than one sender–recipient pair could use it.
                let pairs = facts.tertiary.count * facts.countyHospitals.filter { $0.county == c.county }.count
                return pairs > 1 ? .clinicOfOneTeam(c) : nil
            }
            guard ids.count == 3, let (h, r) = team([.tertiary]) else { return nil }
            switch ids[2] {
            case "pharmacist": return .groupPharmacist(sender: h, recipient: r)
            case "workstation": return .workstation(sender: h, recipient: r)
            default: return nil
            }
        case "T1.duration", "T2.duration", "T3.station-continuity":
            guard ids.isEmpty else { return nil }
            let key = rule == "T3.station-continuity" ? "T3.station-months" : "\(tier).duration-months"
            let hasForm: Bool
            switch rule {
            case "T1.duration": hasForm = !facts.tertiary.isEmpty && !facts.countyHospitals.isEmpty
            case "T2.duration": hasForm = (facts.secondary + facts.countyHospitals).contains { !facts.t2Recipients(of: $0).isEmpty }
            default: hasForm = (facts.countyHospitals + facts.townships).contains { !facts.staff(of: $0.id).isEmpty }
            }
            return hasForm && facts.periodTooShort(key) ? .periodTooShort(rule) : nil
        case "TCM.weekly":
            guard ids.count == 1, let c = institution(0, [.township]), c.tcmFeatured else { return nil }
            return .tcmWeekly(c)
        case "PERSON.leave":
            guard ids.count == 1 else { return nil }
            let onLeave = facts.scenario.staff.filter { facts.staffById[$0.id] == $0 && !facts.isFreeForPosting($0.id)
                && facts.institutions[$0.institution].map { $0.tier != .village } == true }
            let members = onLeave.filter { facts.leaveSubject(of: $0) == ids[0] }
            return members.isEmpty ? nil : .leave(subject: ids[0], members: members)
        default:
            return nil
        }
    }

    /// The rule's number: what the instance asks, as the planner's row states it (a count for
    /// quotas, totals and TCM.weekly; 0 for the team, duration and leave rules, whose rows
    /// read "members − size ≥ 0", "postings ≤ 0").
    func required(_ facts: ScenarioFacts) -> Int {
        switch kind {
        case .quota(let tier, let h): return facts.required(quota: "\(tier).quota", of: h)
        case .total(let rule): return facts.parameters.int(rule)
        case .tcmWeekly: return 1
        case .clinicOfOneTeam: return 1
        default: return 0
        }
    }

    /// Whether the rule asks "at least" (true) or "at most" (false) of its count.
    var isLowerBound: Bool {
        switch kind {
        case .periodTooShort, .leave, .clinicOfOneTeam: return false
        default: return true
        }
    }

    /// The sender of a team rule instance, and its recipient.
    var team: (sender: Institution, recipient: Institution)? {
        switch kind {
        case .teamSize(_, let h, let r), .teamMix(_, let h, let r, _), .groupPharmacist(let h, let r), .workstation(let h, let r): return (h, r)
        default: return nil
        }
    }
}
