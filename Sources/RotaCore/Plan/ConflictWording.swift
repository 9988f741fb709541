/// The planner's-words sentence of each conflict.json item, made from the facts it states.
///
/// One wording for both sides: the planner (`ConflictFinder`) calls it with the facts it found,
/// and the independent re-check (`RotaConflictCheck`) calls it with the facts it recomputed from
/// the scenario, then compares the file's `message` with the result byte for byte. A message
/// edited by hand, or one that states numbers the scenario does not give, is then refused.
///
/// Every function takes plain values (names, counts, percent text); none of them reads a
/// scenario, so the wording cannot carry a fact of its own.
///
/// ```swift
/// ConflictWording.total(rule: "T3.total.stationed", required: 4, achievable: 3)
/// // "the region must dispatch ≥ 4 (T3.total.stationed) but the candidates allow only 3 — lower
/// //  T3.total.stationed from 4 to 3, or list 1 more eligible candidates"
/// ```
public enum ConflictWording {
    /// T1.quota, T2.quota, T3.quota: a sender's percentage of its staff.
    public static func quota(sender: String, required: Int, percent: String, base: Int, staffWord: String,
                             listed: Int, free: Int, achievable: Int) -> String {
        "\(sender) must send ≥ \(required) people (\(percent)% of \(base) \(staffWord)) but lists \(listed) candidates (\(free) free of long leave); at most \(achievable) can go — \(required - achievable) short"
    }

    /// T2.quota of a county hospital whose county has no township centre (T2.locality).
    public static func quotaWithoutRecipient(sender: String, required: Int, percent: String, base: Int, county: String,
                                             achievable: Int) -> String {
        "\(sender) must send ≥ \(required) people (\(percent)% of \(base) technical staff) to township centres of its own county (T2.locality), but \(county) has no township centre in the scenario — \(required - achievable) short"
    }

    /// T1.total, T2.total, T3.total, T3.total.stationed, REGION.total.
    public static func total(rule: String, required: Int, achievable: Int) -> String {
        "the region must dispatch ≥ \(required) (\(rule)) but the candidates allow only \(achievable) — lower \(rule) from \(required) to \(achievable), or list \(required - achievable) more eligible candidates"
    }

    /// T1.team-size, T2.team-size.
    public static func teamSize(sender: String, recipient: String, size: Int, missing: Int) -> String {
        "a team of \(sender) at \(recipient) needs ≥ \(size) people; \(missing) missing"
    }

    /// T1.team-mix, T2.team-mix; `group` is a `StaffGroup` raw value.
    public static func teamMix(sender: String, group: String, missing: Int) -> String {
        let word = ["doctors": "doctor", "nurses": "nurse", "medical-technical": "medical-technical member (pharmacist or technician)"][group] ?? group
        return "\(sender)'s team needs a \(word) but none of its candidates free for a posting is one — \(missing) more \(word) needed among \(sender)'s candidates"
    }

    /// T1.3331[h,r,pharmacist].
    public static func groupPharmacist(sender: String, missing: Int) -> String {
        "\(sender)'s T1 team needs a pharmacist for its 3331 group; \(missing) more pharmacist needed among its candidates"
    }

    /// T1.3331[h,r,workstation] (and the planner's T1.3331[clinic] rows).
    public static func workstation(sender: String, recipient: String, missing: Int) -> String {
        "\(sender)'s T1 team at \(recipient) needs its own central village clinic in that county; \(missing) more central clinic needed"
    }

    /// T1.duration, T2.duration, T3.station-continuity; `period` as `from..to`.
    public static func duration(period: String, rule: String) -> String {
        "the period \(period) is shorter than the posting length \(rule) asks, so no such posting can be made"
    }

    /// TCM.weekly.
    public static func tcmWeekly(centre: String) -> String {
        "\(centre) is TCM-featured but no senior-title TCM physician of a city hospital or its county's hospitals can hold its weekly clinic — 1 more such candidate needed"
    }

    /// One candidate on leave over the limit, named by PERSON.leave.
    public struct OnLeave: Hashable, Sendable {
        public var name: String, id: String, workingDays: Int
        public init(name: String, id: String, workingDays: Int) { self.name = name; self.id = id; self.workingDays = workingDays }
    }

    /// PERSON.leave of a class `hospital~role~specialty~leave` of interchangeable candidates.
    public static func leaveClass(members: [OnLeave], role: String, specialty: String, hospital: String, limit: Int, needed: Int) -> String {
        let names = members.map { "\($0.name) (\($0.id), \($0.workingDays) days)" }.joined(separator: ", ")
        let n = members.count
        return "\(n) \(role) candidate\(n == 1 ? "" : "s") (\(specialty)) of \(hospital) \(n == 1 ? "is" : "are") on leave over posting.max-leave-days \(limit) working days — \(names) — yet \(needed) of them would be needed for a posting"
    }

    /// PERSON.leave of one person.
    public static func leavePerson(_ person: OnLeave, limit: Int) -> String {
        "\(person.name) (\(person.id)) is on leave \(person.workingDays) working days, over posting.max-leave-days \(limit), yet is needed for a posting"
    }

    /// Any other rule instance.
    public static func other(instance: String, required: Int, achievable: Int) -> String {
        "\(instance) asks \(required), only \(achievable) possible"
    }

    /// A team rule that fails for one sender at each of its `recipients` possible recipients.
    public static func atEveryRecipient(_ message: String, recipients: Int) -> String {
        message + " (at every one of its \(recipients) possible recipients)"
    }

    // MARK: Advice (conflict.json `advice`)

    /// Advice `set-parameter`: a number of the `rules:` map lowered to the most that can hold
    /// (`together`: with the other changes of the advice made too).
    public static func lowerParameter(_ key: String, from: Int, to: Int, together: Bool) -> String {
        "lower \(key) from \(from) to \(to) (rules: \(key): \(to)) — the most that can hold\(together ? " together with the other changes" : "")"
    }

    /// Advice `add-township-centres`: a county hospital's T2 quota has no township centre of its
    /// county to go to (T2.locality); no number rota could lower resolves it.
    public static func townshipCentresMissing(sender: String, county: String) -> String {
        "list the township centres of \(county) in the scenario, so that \(sender) has somewhere to send its T2 team (T2.locality), or leave \(sender) out if it takes no part"
    }

    /// Advice `add-candidates`: `count` more candidates at a hospital; `kind` names them
    /// ("nurse", "senior-title TCM physician", nil for any role), `reason` the rule instances.
    public static func addCandidates(count: Int, kind: String?, at hospital: String, reason: String) -> String {
        let word = kind ?? "candidate"
        let plural = count == 1 ? word : (word.hasSuffix("y") ? String(word.dropLast()) + "ies" : word + "s")
        return "list \(count) more \(plural) free for a full-time posting at \(hospital) (\(reason))"
    }

    /// Advice `mark-central`: a village clinic of a county made a central clinic (3331 workstation).
    public static func markCentral(village: String, county: String, reason: String) -> String {
        "make \(village) a central village clinic (central: true) so \(county) has a 3331 workstation (\(reason))"
    }

    /// Advice with no change rota can make for the planner (the period itself is too short).
    public static func periodAdvice(rule: String, months: Int) -> String {
        "plan a period of at least \(months) months, as \(rule) asks"
    }
}
