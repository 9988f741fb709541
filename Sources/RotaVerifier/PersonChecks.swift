import RotaCore
/// Rules about one person's year: PERSON.one-posting and PERSON.leave.
///
/// Instances:
/// - `PERSON.one-posting[ID]` for every person with a full-time posting (T1 team, T2 team,
///   T3 stationing): they hold at most one such posting in the plan, and no duty overlaps it
///   in time — except a qualifying T2 member's TCM clinic at the TCM-featured centre the team
///   is posted to (the 3331 visits are part of the T1 team and never a separate duty).
/// - `PERSON.leave[ID@POSTING]` for every full-time posting: the working days of the
///   person's leave inside the posting ≤ posting.max-leave-days. Working days are counted
///   with the verifier's own calendar (`WorkingDays`).
///
/// ```text
/// PERSON.leave[hzm-0002@T1:hz-municipal>cao-people]  leave working days 21 > 20
/// ```
extension PlanVerifier {
    func personChecks(_ view: PlanView) -> [RuleCheck] {
        onePosting(view) + leave(view)
    }

    /// Full-time postings per known person, whatever their dates, in plan order: each team
    /// once (by id) and each stationing, with a witness naming it.
    private func postings(_ view: PlanView) -> [String: [(key: String, witness: Witness)]] {
        var result: [String: [(key: String, witness: Witness)]] = [:]
        for t in view.teams {
            // Everyone who serves in the team, a replacement too (from their day on).
            for m in t.replacements.isEmpty ? t.members : t.terms.map(\.member) {
                result[m.id, default: []].append((t.team.id, Witness(.team, t.team.id, note: "full-time posting")))
            }
        }
        for h in view.helpers where h.helper.form == .station {
            guard let p = h.person else { continue }
            result[p.id, default: []].append(("station:\(h.helper.site)",
                                              context.witness(institution: h.helper.site, note: "full-time stationing")))
        }
        return result
    }

    private func onePosting(_ view: PlanView) -> [RuleCheck] {
        let ctx = context
        let all = postings(view)
        return all.keys.sorted().map { id in
            let person = ctx.staff[id]!
            let held = all[id]!
            let duties = view.duties[id] ?? []
            let clashes = conflicts(of: person, duties)
            var problems: [String] = []
            if held.count > 1 { problems.append("holds \(held.count) full-time postings (\(held.map(\.key).joined(separator: ", ")))") }
            for (a, b) in clashes { problems.append("holds \(clashText(a, b, person: person))") }
            let witnesses = held.map(\.witness)
                + clashes.flatMap { a, b in
                    [a.witness(ctx), b.witness(ctx)]
                }
            return ctx.check("PERSON.one-posting", id, subject: ctx.subject(person: id),
                             quantities: [Quantity("postings", held.count), Quantity("overlaps", clashes.count)],
                             arithmetic: "full-time postings \(VerifyText.atMost(held.count, 1)); "
                                 + "duties overlapping a posting \(clashes.count) \(clashes.isEmpty ? "=" : "≠") 0",
                             finding: problems.isEmpty
                                 ? "\(ctx.label(person: id)) holds one full-time posting and nothing else alongside it"
                                 : "\(ctx.label(person: id)) " + problems.joined(separator: "; "),
                             witnesses: Array(Set(witnesses)), passed: problems.isEmpty)
        }
    }

    private func leave(_ view: PlanView) -> [RuleCheck] {
        let ctx = context, limit = ctx.parameters.int("posting.max-leave-days")
        return view.duties.keys.sorted().flatMap { id -> [RuleCheck] in
            guard let person = ctx.staff[id] else { return [] }
            return (view.duties[id] ?? []).filter(\.isFullTime).map { duty in
                let overlap = person.unavailable.compactMap { $0.clipped(to: duty.range) }
                let days = ctx.calendar.count(in: overlap)
                return ctx.check("PERSON.leave", "\(id)@\(duty.key)", subject: ctx.subject(person: id),
                                 quantities: [Quantity("leaveWorkingDays", days), Quantity("maxLeaveDays", limit)],
                                 arithmetic: "leave working days \(VerifyText.atMost(days, limit))",
                                 finding: "\(ctx.label(person: id)) is on leave \(VerifyText.counted(days, "working day", "working days")) "
                                     + "during \(duty.describe(ctx)); at most \(limit) are allowed",
                                 witnesses: [duty.witness(ctx)]
                                     + overlap.map { Witness(.dates, $0.description, note: "leave") },
                                 passed: days <= limit)
            }
        }
    }
}
