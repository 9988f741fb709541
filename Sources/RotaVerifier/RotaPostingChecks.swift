import RotaCore
/// ROTA.posting: a T1/T2 posting is full-time at the recipient, half-day by half-day.
///
/// One instance per team member (`ROTA.posting[PERSON@TEAM]`): on every working day of the
/// team's dates inside the period that the member is not on leave, both the morning and the
/// afternoon hold a `posting` entry at the recipient, or the member's allowed other duty — a
/// 3331 visit (`3331-*`) at a T1 team's workstation, a `tcm-clinic` at a T2 team's own centre.
/// Whether that other duty was the member's to do is ROTA.integrity's and T1.3331's question.
///
/// ```text
/// ROTA.posting[cp-n1@T2:cao-people>cao-hanji]  half-days missing 1 ≠ 0 of 2 × (41 working days − 0 on leave) = 82 …
/// ```
extension RotaVerifier {
    func postingChecks(_ book: Book) -> [RuleCheck] {
        view.teams.flatMap { t -> [RuleCheck] in
            // Each member over the days they serve (a replacement from their day, the person
            // replaced until the day before).
            t.terms.map { posting($0.member, team: t, range: $0.range, book) }
        }
    }

    private func posting(_ member: StaffMember, team t: PlanVerifier.PlanView.Team, range: DayRange, _ book: Book) -> RuleCheck {
        let ctx = context, team = t.team
        let days = workingDays(range)
        let memberLeave = leave(of: member.id)
        let leave = days.filter { RotaVerifier.onLeave(memberLeave, $0) }
        let workday = days.filter { !RotaVerifier.onLeave(memberLeave, $0) }
        // Sites as the book numbers them (−1: not in the rota).
        let recipient = book.site(team.recipient) ?? -1
        let workstation = team.tier == "T1" ? team.group3331.map { book.site($0.workstation) ?? -1 } : nil
        let person = book.person(member.id)
        var atPost = 0, other = 0
        var missing: [(position: Int, day: Day, note: String)] = []
        for (position, d) in workday.enumerated() {
            let items = person.map { book.items($0, on: d) } ?? Book.noItems
            var notes: [String] = []
            for half in HalfDay.allCases {
                let slot = items.filter { $0.half == half }
                if slot.contains(where: { $0.activity == .posting && $0.site == recipient }) {
                    atPost += 1
                } else if slot.contains(where: { e in
                    (e.activity.is3331Visit && workstation != nil && e.site == workstation)
                        || (team.tier == "T2" && e.activity == .tcmClinic && e.site == recipient)
                }) {
                    other += 1
                } else {
                    notes.append("\(half.rawValue): " + (slot.isEmpty ? "no entry" : slot.map { describe(book.entry(of: $0)) }.joined(separator: ", ")))
                }
            }
            if !notes.isEmpty { missing.append((position, d, notes.joined(separator: "; "))) }
        }
        let missingSlots = 2 * workday.count - atPost - other

        // Consecutive required days with the same gap become one witness.
        var witnesses: [Witness] = []
        var run: (first: Day, last: Day, position: Int, note: String)?
        func close() {
            guard let r = run else { return }
            witnesses.append(Witness(.dates, r.first == r.last ? r.first.iso : "\(r.first.iso)..\(r.last.iso)", note: r.note))
        }
        for m in missing {
            if let r = run, r.position + 1 == m.position, r.note == m.note {
                run = (r.first, m.day, m.position, r.note)
            } else {
                close(); run = (m.day, m.day, m.position, m.note)
            }
        }
        close()
        witnesses += member.unavailable.compactMap { $0.clipped(to: range) }.map { Witness(.dates, $0.description, note: "leave") }
        witnesses.append(ctx.witness(institution: team.recipient, note: "recipient"))

        let otherName = team.tier == "T1" ? "3331 visits" : "own-centre TCM clinics"
        let required = 2 * workday.count
        let arithmetic = "half-days missing \(missingSlots) \(missingSlots == 0 ? "=" : "≠") 0 of 2 × (\(days.count) working days − \(leave.count) on leave) = \(required) "
            + "(at the recipient \(atPost), \(otherName) \(other))"
        let shown = missing.prefix(3).map { "\($0.day.iso) \($0.note)" }.joined(separator: "; ") + (missing.count > 3 ? "; … and \(missing.count - 3) more days" : "")
        return ctx.check("ROTA.posting", "\(member.id)@\(team.id)", subject: ctx.subject(person: member.id),
                         quantities: [Quantity("workingDays", days.count), Quantity("leaveDays", leave.count),
                                      Quantity("halfDaysRequired", required), Quantity("atRecipient", atPost),
                                      Quantity("otherDuty", other), Quantity("halfDaysMissing", missingSlots)],
                         arithmetic: arithmetic,
                         finding: missingSlots == 0
                             ? "\(ctx.label(person: member.id)) is at \(ctx.label(institution: team.recipient)) every working half-day of the \(team.tier) posting off leave"
                               + (other > 0 ? " but \(other) half-days of \(otherName)" : "")
                             : "\(ctx.label(person: member.id)) is missing from \(ctx.label(institution: team.recipient)) on \(VerifyText.counted(missingSlots, "half-day", "half-days")): \(shown)",
                         witnesses: witnesses, passed: missingSlots == 0)
    }
}
