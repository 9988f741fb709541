import RotaCore
/// T1.3331: each T1 team's doctor–nurse–pharmacist group and its own workstation.
///
/// One instance per T1 team (`T1.3331[T1:hz-municipal>cao-people]`). It passes when the
/// team names a group; the group's doctor, nurse and pharmacist are members of the team with
/// exactly those roles; the workstation is a central village clinic (中心村卫生室) of the
/// recipient county hospital's county; and no other T1 team uses the same workstation.
/// The group's visits per month are not in plan.json and are not checked.
///
/// ```text
/// T1.3331[T1:hz-municipal>cao-people]  group in team 3 = 3; exact roles 3 = 3; workstation central 1 = 1;
///                                      in recipient's county 1 = 1; T1 teams at this workstation 1 = 1
/// ```
extension PlanVerifier {
    func group3331Checks(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        let teams = view.teams(tier: "T1")
        var teamsAt: [String: [String]] = [:]
        for t in teams { if let w = t.team.group3331?.workstation { teamsAt[w, default: []].append(t.team.id) } }

        return teams.map { t in
            let team = t.team
            let subject = ctx.subject(team: team)
            guard let g = team.group3331 else {
                return ctx.check("T1.3331", team.id, subject: subject, quantities: [Quantity("groups", 0)],
                                 arithmetic: "groups 0 < 1",
                                 finding: "the team names no 3331 group (doctor, nurse, pharmacist) nor workstation",
                                 passed: false)
            }
            var problems: [String] = []
            var witnesses: [Witness] = []
            // The group as formed; with replacements, the group of each span between them (a
            // replacement of a group member takes over the role) against that span's members.
            let spans: [(group: PlanGroup3331, members: Set<String>, when: String)] = t.replacements.isEmpty
                ? [(g, Set(t.members.map(\.id)), "")]
                : t.spans.map { (t.group(on: $0.from)!, Set(t.members(on: $0.from).map(\.id)), " in \($0)") }
            var inTeam = 3, rolesRight = 3
            for span in spans {
                var spanIn = 0, spanRight = 0
                for (role, id) in [(Role.doctor, span.group.doctor), (.nurse, span.group.nurse), (.pharmacist, span.group.pharmacist)] {
                    witnesses.append(ctx.witness(person: id, note: "3331 \(role.rawValue)" + span.when))
                    if span.members.contains(id) { spanIn += 1 } else {
                        problems.append("3331 \(role.rawValue) \(ctx.label(person: id)) is not a member of the team" + span.when)
                    }
                    if let s = ctx.staff[id] {
                        if s.role == role { spanRight += 1 } else {
                            problems.append("3331 \(role.rawValue) \(ctx.label(person: id)) is a \(s.role.rawValue)" + span.when)
                        }
                    }
                }
                inTeam = min(inTeam, spanIn); rolesRight = min(rolesRight, spanRight)
            }

            let clinic = ctx.institutions[g.workstation]
            let recipientCounty = ctx.institutions[team.recipient]?.county
            let isCentral = clinic?.tier == .village && clinic?.central == true
            let inCounty = clinic?.tier == .village && clinic?.county != nil && clinic?.county == recipientCounty
            if clinic == nil {
                problems.append("workstation \"\(g.workstation)\" is not an institution of the scenario")
            } else if clinic?.tier != .village {
                problems.append("workstation \(ctx.label(institution: g.workstation)) is not a village clinic")
            } else {
                if !isCentral { problems.append("workstation \(ctx.label(institution: g.workstation)) is not a central village clinic") }
                if !inCounty {
                    problems.append("workstation \(ctx.label(institution: g.workstation)) is in \(ctx.countyLabel(clinic?.county)), "
                                    + "not in the recipient's county \(ctx.countyLabel(recipientCounty))")
                }
            }
            witnesses.append(ctx.witness(institution: g.workstation, note: "workstation"))
            let sharing = (teamsAt[g.workstation] ?? []).filter { $0 != team.id }
            if !sharing.isEmpty {
                problems.append("workstation \(ctx.label(institution: g.workstation)) is also used by \(sharing.sorted().joined(separator: ", "))")
                witnesses += sharing.map { Witness(.team, $0, note: "shares the workstation") }
            }
            let atStation = teamsAt[g.workstation]?.count ?? 0
            let arithmetic = [
                "group in team \(inTeam) \(inTeam == 3 ? "=" : "<") 3",
                "exact roles \(rolesRight) \(rolesRight == 3 ? "=" : "<") 3",
                "workstation central \(isCentral ? 1 : 0) \(isCentral ? "=" : "≠") 1",
                "in recipient's county \(inCounty ? 1 : 0) \(inCounty ? "=" : "≠") 1",
                "T1 teams at this workstation \(VerifyText.atMost(atStation, 1))",
            ].joined(separator: "; ")
            return ctx.check("T1.3331", team.id, subject: subject,
                             quantities: [Quantity("groupInTeam", inTeam), Quantity("exactRoles", rolesRight),
                                          Quantity("workstationCentral", isCentral ? 1 : 0),
                                          Quantity("workstationInCounty", inCounty ? 1 : 0),
                                          Quantity("teamsAtWorkstation", atStation)],
                             arithmetic: arithmetic,
                             finding: problems.isEmpty
                                 ? "doctor \(ctx.label(person: g.doctor)), nurse \(ctx.label(person: g.nurse)) and pharmacist "
                                   + "\(ctx.label(person: g.pharmacist)) run the team's own workstation at \(ctx.label(institution: g.workstation))"
                                   + (t.replacements.isEmpty ? "" : "; the group keeps its roles with the replacements: " + replacementText(t))
                                 : problems.joined(separator: "; "),
                             witnesses: witnesses, passed: problems.isEmpty)
        }
    }
}
