import RotaCore
extension PlanVerifier {
    /// A plan as the checks read it: each team, village helper and TCM clinic with its dates
    /// parsed and its people looked up, and every person's duties gathered.
    ///
    /// Nothing here judges the plan; a date that does not parse (or runs backwards) becomes a
    /// nil `range`, an unknown person is left out of `members` and `duties`. PLAN.integrity
    /// reports those, and every other check simply works with what is readable, so a broken
    /// plan fails its checks instead of crashing the verifier.
    ///
    /// ```swift
    /// let view = PlanView(plan: plan, context: ctx)
    /// view.teams(tier: "T1").map(\.team.id)   // ["T1:hz-municipal>cao-people", …]
    /// view.duties["hzm-0001"]?.map(\.key)      // ["T1:hz-municipal>cao-people"]
    /// ```
    struct PlanView: Sendable {
        struct Team: Sendable {
            let team: PlanTeam
            /// nil when a date does not parse or end precedes start.
            let range: DayRange?
            /// Known members as the team was formed, each once, sorted by id: the team's seats,
            /// which its size, its sender's quota and the totals count.
            let members: [StaffMember]
            /// Mid-term replacements that can be applied (readable day inside the term after
            /// its first day, the person replaced holding a seat the day before, a known
            /// replacement not already in the team), by day; PLAN.integrity reports the others.
            let replacements: [Replacement]
            /// Everyone who serves with the days they serve: a member from the start to the day
            /// before they are replaced, a replacement from their day to the next replacement
            /// or the end. Without replacements, every member for the whole range.
            let terms: [Term]

            struct Replacement: Sendable {
                let person: String
                let by: StaffMember
                let from: Day
            }

            struct Term: Sendable {
                let member: StaffMember
                let range: DayRange
                /// The person this one took over from, if a replacement.
                let replaces: String?
            }

            init(team: PlanTeam, range: DayRange?, members: [StaffMember], staff: [String: StaffMember]) {
                self.team = team; self.range = range; self.members = members
                guard let range, let written = team.replacements, !written.isEmpty else {
                    replacements = []
                    terms = range.map { r in members.map { Term(member: $0, range: r, replaces: nil) } } ?? []
                    return
                }
                var seats = Dictionary(uniqueKeysWithValues: members.map { ($0.id, (member: $0, from: range.from, replaces: String?.none)) })
                var served = Set(members.map(\.id))
                var done: [Term] = [], applied: [Replacement] = []
                for r in written {
                    guard let day = Day(iso: r.from), day > range.from, day <= range.to,
                          let seat = seats[r.person], seat.from < day,
                          let by = staff[r.replacement], !served.contains(by.id) else { continue }
                    done.append(Term(member: seat.member, range: DayRange(from: seat.from, to: day.adding(days: -1)), replaces: seat.replaces))
                    seats[r.person] = nil
                    seats[by.id] = (by, day, r.person)
                    served.insert(by.id)
                    applied.append(Replacement(person: r.person, by: by, from: day))
                }
                replacements = applied
                terms = (done + seats.values.map { Term(member: $0.member, range: DayRange(from: $0.from, to: range.to), replaces: $0.replaces) })
                    .sorted { ($0.range.from, $0.member.id) < ($1.range.from, $1.member.id) }
            }

            /// The people serving on `d`, sorted by id.
            func members(on d: Day) -> [StaffMember] {
                terms.filter { $0.range.contains(d) }.map(\.member).sorted { $0.id < $1.id }
            }

            /// The spans of the term with the same people: cut at each replacement's day.
            var spans: [DayRange] {
                guard let range else { return [] }
                let cuts = Array(Set(replacements.map(\.from))).sorted()
                var out: [DayRange] = [], start = range.from
                for c in cuts { out.append(DayRange(from: start, to: c.adding(days: -1))); start = c }
                out.append(DayRange(from: start, to: range.to))
                return out
            }

            /// The 3331 group on `d`: the group as formed with each replacement of a group
            /// member up to `d` taking over that member's role.
            func group(on d: Day) -> PlanGroup3331? {
                guard var g = team.group3331 else { return nil }
                for r in replacements where r.from <= d {
                    if g.doctor == r.person { g.doctor = r.by.id }
                    if g.nurse == r.person { g.nurse = r.by.id }
                    if g.pharmacist == r.person { g.pharmacist = r.by.id }
                }
                return g
            }

            private init(copy t: Team, range: DayRange) {
                team = t.team; self.range = range; members = t.members; replacements = t.replacements; terms = t.terms
            }

            /// The team as seen by one person who serves in it: `range` is their term.
            func narrowed(to term: DayRange) -> Team { Team(copy: self, range: term) }

            /// The days `person` serves in the team, or nil.
            func term(of person: String) -> DayRange? { terms.first { $0.member.id == person }?.range }
        }

        struct Helper: Sendable {
            let helper: PlanVillageHelper
            let range: DayRange?
            let person: StaffMember?
        }

        struct Clinic: Sendable {
            let clinic: PlanTCMClinic
            let range: DayRange?
            let physician: StaffMember?
        }

        let teams: [Team]
        let helpers: [Helper]
        let clinics: [Clinic]
        /// Person id → the duties the plan gives them (known people with readable dates only),
        /// in plan order.
        let duties: [String: [Duty]]

        init(plan: Plan, context ctx: VerificationContext) {
            teams = plan.teams.map { t in
                var seen = Set<String>()
                let members = t.members.compactMap { id -> StaffMember? in
                    guard seen.insert(id).inserted else { return nil }
                    return ctx.staff[id]
                }.sorted { $0.id < $1.id }
                return Team(team: t, range: PlanView.range(t.start, t.end), members: members, staff: ctx.staff)
            }
            helpers = plan.villageHelpers.map {
                Helper(helper: $0, range: PlanView.range($0.start, $0.end), person: ctx.staff[$0.person])
            }
            clinics = plan.tcmClinics.map {
                Clinic(clinic: $0, range: PlanView.range($0.start, $0.end), physician: ctx.staff[$0.physician])
            }

            var duties: [String: [Duty]] = [:]
            for t in teams {
                for term in t.terms {
                    duties[term.member.id, default: []].append(Duty(kind: .team(tier: t.team.tier, id: t.team.id, recipient: t.team.recipient), range: term.range))
                }
            }
            for h in helpers {
                guard let range = h.range, h.person != nil else { continue }
                let kind: Duty.Kind
                switch h.helper.form {
                case .station: kind = .station(site: h.helper.site)
                case .rounds: kind = .rounds(area: h.helper.site)
                case .techSupport: kind = .techSupport(site: h.helper.site)
                }
                duties[h.helper.person, default: []].append(Duty(kind: kind, range: range))
            }
            for c in clinics {
                guard let range = c.range, c.physician != nil else { continue }
                duties[c.clinic.physician, default: []].append(Duty(kind: .tcmClinic(centre: c.clinic.centre), range: range))
            }
            self.duties = duties
        }

        /// Teams of one tier (`T1`, `T2`), in plan order.
        func teams(tier: String) -> [Team] { teams.filter { $0.team.tier == tier } }

        /// Distinct known people in teams of one tier, whatever the teams' dates.
        func teamPeople(tier: String) -> Set<String> {
            Set(teams(tier: tier).flatMap { $0.members.map(\.id) })
        }

        /// Distinct known people with a village duty of one of `forms`, whatever its dates,
        /// counting each duty's seat once (`seats`).
        func helperPeople(_ forms: Set<VillageHelpForm>) -> Set<String> {
            Set(seats.compactMap { forms.contains($0.helper.form) ? $0.person?.id : nil })
        }

        /// The village duties as seats, the way the quotas and totals count them: a duty handed
        /// over (`takesOverFrom`) continues the seat of the holder before, so only its first
        /// holder counts, as a team's replacement does not count besides the member replaced.
        /// A link that continues nothing is a PLAN.integrity finding of its own.
        var seats: [Helper] { helpers.filter { $0.helper.takesOverFrom == nil } }

        /// A readable, ordered date range, or nil.
        static func range(_ start: String, _ end: String) -> DayRange? {
            guard let s = Day(iso: start), let e = Day(iso: end), s <= e else { return nil }
            return DayRange(from: s, to: e)
        }
    }

    /// One thing the plan asks of one person for a span of days.
    ///
    /// T1 and T2 teams and T3 stationing are full-time postings; rounds, technical support and
    /// TCM clinics are part-time duties (rules.md, "Who may serve where").
    struct Duty: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case team(tier: String, id: String, recipient: String)
            case station(site: String)
            case rounds(area: String)
            case techSupport(site: String)
            case tcmClinic(centre: String)
        }

        let kind: Kind
        let range: DayRange

        var isFullTime: Bool {
            switch kind {
            case .team, .station: return true
            case .rounds, .techSupport, .tcmClinic: return false
            }
        }

        /// A stable key for the duty, e.g. `T1:hz-municipal>cao-people` or `station:cao-hanji-v01`.
        var key: String {
            switch kind {
            case .team(_, let id, _): return id
            case .station(let s): return "station:\(s)"
            case .rounds(let a): return "rounds:\(a)"
            case .techSupport(let s): return "tech-support:\(s)"
            case .tcmClinic(let c): return "tcm:\(c)"
            }
        }

        /// The duty in words, e.g. `T1 team T1:hz-municipal>cao-people`.
        func what(_ ctx: VerificationContext) -> String {
            switch kind {
            case .team(let tier, let id, _): return "\(tier) team \(id)"
            case .station(let s): return "stationing at \(ctx.label(institution: s))"
            case .rounds(let a): return "rounds in service area \(a)"
            case .techSupport(let s): return "technical support at \(ctx.label(institution: s))"
            case .tcmClinic(let c): return "TCM clinic at \(ctx.label(institution: c))"
            }
        }

        /// The duty and its dates, e.g. `T1 team T1:hz-municipal>cao-people (2025-01-01..2025-12-31)`.
        func describe(_ ctx: VerificationContext) -> String { "\(what(ctx)) (\(range))" }

        /// The duty's dates as evidence.
        func witness(_ ctx: VerificationContext) -> Witness { Witness(.dates, range.description, note: what(ctx)) }

        /// Whether `person` holding this duty and `other` at the same time is one of the two
        /// exceptions of rules.md: a qualifying (senior-title TCM) T2 member posted to a
        /// TCM-featured centre may hold that centre's TCM clinic. (The other exception, a T1
        /// member's 3331 visits, is part of the team itself in plan.json and never appears as a
        /// separate duty.)
        func mayOverlap(_ other: Duty, person: StaffMember, _ ctx: VerificationContext) -> Bool {
            isOwnCentreClinic(other, ctx) && (ctx.institutions[centre(other)]?.tcmFeatured ?? false)
                && PlanVerifier.isSeniorTCMDoctor(person)
        }

        /// Why the T2 + own-centre TCM clinic exception does not cover this pair although it
        /// looks like it, or nil when the pair is of another kind or the exception applies.
        func exceptionRefused(_ other: Duty, person: StaffMember, _ ctx: VerificationContext) -> String? {
            guard isOwnCentreClinic(other, ctx) else { return nil }
            if !(ctx.institutions[centre(other)]?.tcmFeatured ?? false) {
                return "the centre is not TCM-featured, so its T2 member may not hold a TCM clinic there"
            }
            if !PlanVerifier.isSeniorTCMDoctor(person) {
                return "only a senior-title TCM doctor posted with a T2 team may also hold the centre's TCM clinic"
            }
            return nil
        }

        /// Whether one of the pair is a T2 team and the other a TCM clinic at that team's recipient.
        private func isOwnCentreClinic(_ other: Duty, _ ctx: VerificationContext) -> Bool {
            func pair(_ a: Duty, _ b: Duty) -> Bool {
                guard case .team("T2", _, let recipient) = a.kind, case .tcmClinic(let centre) = b.kind else { return false }
                return recipient == centre
            }
            return pair(self, other) || pair(other, self)
        }

        /// The centre of whichever of the pair is a TCM clinic.
        private func centre(_ other: Duty) -> String {
            if case .tcmClinic(let c) = kind { return c }
            if case .tcmClinic(let c) = other.kind { return c }
            return ""
        }
    }
}
