import Foundation
import RotaCore
import RotaOutput
import RotaPlanner
import RotaProof
import RotaVerifier

/// The year as planned and served so far: the earlier plan.json and rota.csv (their bytes, for
/// their digests) and the re-plan date. Every half-day before `from` is frozen as served.
public struct FrozenPast: Sendable {
    public let plan: Plan
    public let rota: [RotaEntry]
    /// SHA-256 of the earlier plan.json and rota.csv, recorded in replan.json.
    public let planDigest: String
    public let rotaDigest: String
    public let from: Day
    /// The earlier plan.json and rota.csv as read.
    public let planData: Data
    public let rotaData: Data
    /// The earlier plan's folder, when the past was read from one: the re-plan takes the
    /// calendars and site sheets that cannot have changed from it (`EarlierOutputs`).
    public var directory: String?

    public init(planData: Data, rotaData: Data, planFile: String, rotaFile: String, from: Day) throws(InputError) {
        plan = try PlanReader.decode(planData, file: planFile)
        rota = try RotaCSVReader.read(data: rotaData, path: rotaFile)
        planDigest = Digest.hex(planData); rotaDigest = Digest.hex(rotaData)
        self.planData = planData; self.rotaData = rotaData
        self.from = from
    }

    /// Reads PLAN_DIR/plan.json and PLAN_DIR/rota.csv; every problem located.
    public static func read(directory: String, from: Day) throws(InputError) -> FrozenPast {
        let planPath = (directory as NSString).appendingPathComponent("plan.json")
        let rotaPath = (directory as NSString).appendingPathComponent("rota.csv")
        var problems: [Diagnostic] = []
        var planData = Data(), rotaData = Data()
        for (path, keep) in [(planPath, 0), (rotaPath, 1)] {
            do {
                let d = try Data(contentsOf: URL(fileURLWithPath: path))
                if keep == 0 { planData = d } else { rotaData = d }
            } catch {
                problems.append(Diagnostic(file: path, line: 0, path: "document", message: "cannot read the earlier \(keep == 0 ? "plan" : "rota")",
                                           expected: "the folder rota plan wrote, holding plan.json and rota.csv"))
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        var past = try FrozenPast(planData: planData, rotaData: rotaData, planFile: planPath, rotaFile: rotaPath, from: from)
        past.directory = directory
        return past
    }

    /// Entries before the re-plan date, exactly as served.
    public var served: [RotaEntry] { rota.filter { Day(iso: $0.date).map { $0 < from } ?? false } }
    /// Entries from the re-plan date on, as the earlier rota had them.
    public var planned: [RotaEntry] { rota.filter { Day(iso: $0.date).map { $0 >= from } ?? false } }
}

/// A re-planned year and what changed.
public struct ReplannedYear: Sendable {
    public let plan: Plan
    public let rota: WeeklyRota
    /// The independent verification of plan.json and rota.csv as written, over the whole year.
    public let verified: VerifiedProof
    /// Every output file.
    public let files: [OutputFile]
    /// How the rest of the year was made: `kept` (the earlier rota less the half-days the events
    /// take away), `covered` (and a same-role colleague of the team covering a 3331 visit day
    /// an absent group member misses), `handed over` (a posting passed to a replacement, who
    /// takes over the replaced member's half-days) or `rescheduled` (the rota from the re-plan
    /// date planned again).
    public let method: String
    public let changes: [HalfDayChange]
    /// Postings handed to a replacement from a day on: at most one per person an event leaves
    /// unable to hold their posting.
    public let postingsChanged: [PostingChange]
    /// Rule instances the earlier plan and rota already broke (a frozen past that breaks a
    /// rule): reported, and the rest of the year planned.
    public let frozenBreaches: [RuleCheck]
    /// Seconds per stage: the earlier plan verified, the plan (postings), the rota tried and
    /// verified, the outputs rendered.
    public var seconds: [(stage: String, seconds: Double)] = []
}

/// A posting handed over, and how the rules it touches are met, in the verifier's words.
public struct PostingChange: Sendable, Hashable {
    public let handover: PostingHandover
    /// The findings of the independent verifier on the team after the handover (team size,
    /// mix, duration, one sender, 3331 group), one line each: how each rule is met.
    public let rulesMet: [String]
    /// The events that made the change necessary.
    public let events: [ChangeEvent]
}

extension PostingChange {
    /// The handover in one sentence: `B takes over A's place in T1:… from 2025-07-01 (why).`,
    /// `… A's stationing at V …`, or `A's stationing at V ends on …; nobody takes it over (why).`
    /// `who` names a person, `html` escapes text (identity for plain text).
    public static func sentence(_ x: PostingHandover, who: (String) -> String = { $0 }, html: (String) -> String = { $0 }) -> String {
        if x.replacement.isEmpty {
            return "\(who(x.person))'s \(html(x.postingText)) ends on \(x.from.adding(days: -1).iso); nobody takes it over "
                + "(\(html(x.reason))): the stint served meets T3.station-months, the village is left to local staff (coverage is soft)."
        }
        return "\(who(x.replacement)) takes over \(who(x.person))'s \(html(x.postingText)) from \(x.from.iso) (\(html(x.reason)))."
    }
}

/// One person's changed half-days from the re-plan date on.
public struct HalfDayChange: Sendable, Hashable {
    public var person: String
    public var removed: Int
    public var added: Int
    public var first: String
    public var last: String
    public var why: String
    /// The posting change, when the person's posting was handed over or taken over.
    public var posting: String = ""
    /// `why` and `posting` in Chinese, for changes.csv (`ChangesCSV`).
    public var whyChinese: String = ""
    public var postingChinese: String = ""
}

/// What a re-plan found.
public enum ReplanOutcome: Sendable {
    case replanned(ReplannedYear)
    /// No compliant re-plan: the broken rule instances and the events that cause them.
    case conflict([(check: RuleCheck, events: [ChangeEvent])])
    /// Nothing compliant keeps the plan and re-schedules the rota either (a plan change is
    /// needed that this version does not make): the verifier's findings.
    case rejected(VerificationReport)
}

extension PlanPipeline {
    /// Re-plans the year after `changes` from `past.from` on, with every half-day before it
    /// frozen as served. The pipeline's scenario is the amended one (`changes.apply(to:)`).
    ///
    /// Fewest changes, lexicographically: fewest people whose posting changes, then fewest
    /// changed half-days, then the normal objective (the replacement ranking of
    /// `ReplacementFinder`, the weekly planner's own objective).
    ///
    /// 1. The earlier plan is checked against the amended scenario by the independent verifier
    ///    (plan rules). A broken instance the frozen past already broke is reported and the
    ///    rest is planned. One an event causes — a posted member's leave beyond
    ///    `posting.max-leave-days` (PERSON.leave) — is absorbed by handing that one posting
    ///    to the best-ranked free colleague of the same sender from the event's first day
    ///    (`PostingHandover`); any other is a conflict naming the rule instance and the events.
    /// 2. The rest of the year's rota, fewest changed half-days first: the earlier rota less
    ///    the half-days the events take away (`kept`), with 3331 visit days covered by a
    ///    same-role colleague (`covered`), the handed-over seat's half-days moved to the
    ///    replacement (`handed over`); if none passes, the rota from the re-plan date is
    ///    scheduled again by `RotaPlanner` and joined to the frozen past (`rescheduled`): its
    ///    weekly models price every half-day that departs from the earlier rota above the
    ///    normal objective and below compliance (`EarlierRota`), and reproduce the served
    ///    past, so the weeks from the date change as few half-days as they can.
    /// 3. The joined plan.json and rota.csv are written, read back and verified over the whole
    ///    year — weekly counts, 3331 months and postings spanning the date judged on past and
    ///    future together — then rendered like any plan.
    public func replan(past: FrozenPast, changes: ChangeSet, original: Scenario) throws -> ReplanOutcome {
        var plan = past.plan
        var watch = Stopwatch()
        var seconds: [(stage: String, seconds: Double)] = []
        // 1. What the earlier plan already breaks, and the plan rules on the amended year. The
        //    earlier rota is verified only when a re-planned year fails somewhere (to tell the
        //    frozen past's breaches from new ones): a re-plan that passes needs no second
        //    verification of a whole year.
        let brokenBefore = Set(PlanVerifier(scenario: original).verify(past.plan).failures.map(\.instance))
        var earlierYear: Set<String>?
        func brokenBeforeInYear() -> Set<String> {
            if let known = earlierYear { return known }
            let report = VerifiedProof.report(scenario: original, plan: past.plan, rota: (file: "rota.csv", entries: past.rota))
            earlierYear = Set(report.failures.map(\.instance))
            return earlierYear!
        }
        seconds.append(("earlier plan verified", watch.lap()))
        var caused = PlanVerifier(scenario: scenario).verify(plan).failures.filter { !brokenBefore.contains($0.instance) }
        var handovers: [PostingHandover] = []
        var causes: [String: [ChangeEvent]] = [:]
        // The postings events take from their holders: a team place or a stationing whose
        // holder's leave now breaks PERSON.leave, and the TCM clinic of a physician who leaves.
        let taken = Self.postingsTaken(caused: caused, plan: plan, changes: changes, from: past.from, scenario: scenario)
        if !caused.isEmpty || !taken.isEmpty {
            // Fewest postings changed: only those.
            var trial = plan
            // What stops a posting being handed over at all (a stint that would end short of
            // T3.station-months): named in the conflict beside the rule the event breaks.
            var unmet: [(check: RuleCheck, events: [ChangeEvent])] = []
            for (person, duty) in taken {
                let events = changes.events.filter { Self.names($0, person) }
                var day = max(past.from, events.compactMap(\.effective).min() ?? past.from)
                // A rounds or technical-support duty is judged week by week on each holder's
                // part (T3.rounds, T3.tech-support): when the event's week began before the
                // re-plan date, that week's served days could not make the holder's count, so the
                // duty passes on the Monday after and colleagues cover the days between.
                if duty.hasPrefix("rounds:") || duty.hasPrefix("tech-support:"), day.weekStart < past.from {
                    day = day.weekStart.adding(days: 7)
                }
                let reason = events.map(\.description).joined(separator: "; ")
                let ranked = ReplacementFinder(scenario: scenario, plan: trial).candidates(replacing: person, from: day).filter(\.keepsEveryRule)
                var choices = ranked.prefix(5).map { PostingHandover(team: duty, person: person, replacement: $0.person.id, from: day, reason: reason) }
                // A stationing nobody can take over for T3.station-months ends instead: the
                // village is left to local staff (coverage is soft).
                if case .station = PostingHandover(team: duty, person: person, replacement: "", from: day, reason: reason).kind {
                    choices.append(PostingHandover(team: duty, person: person, replacement: "", from: day, reason: reason))
                }
                // The best-ranked choice the independent verifier accepts on the plan rules.
                let verifier = PlanVerifier(scenario: scenario)
                var handed = false, ending: [RuleCheck] = []
                for h in choices {
                    let next = h.apply(to: trial)
                    let touched = [duty, person] + (h.replacement.isEmpty ? [] : [h.replacement]) + Array(h.sites(in: trial))
                    let left = verifier.verify(next).failures.filter { f in !brokenBefore.contains(f.instance) && touched.contains { f.instance.contains($0) } }
                    if left.isEmpty {
                        trial = next; handovers.append(h); causes[person] = events
                        handed = true
                        break
                    }
                    if h.replacement.isEmpty { ending = left }
                }
                // The stint cut at the day is too short for T3.station-months, whoever serves the rest.
                if !handed { unmet += ending.filter { $0.rule == "T3.station-continuity" }.map { ($0, events) } }
            }
            plan = trial
            caused = PlanVerifier(scenario: scenario).verify(plan).failures.filter { !brokenBefore.contains($0.instance) }
            if !caused.isEmpty {
                return .conflict(caused.map { check in (check, changes.events.filter { Self.mentions(check, $0) }) }
                                 + unmet.filter { u in !caused.contains { $0.instance == u.check.instance } })
            }
        }

        seconds.append(("plan", watch.lap()))
        // 2. The rota from the re-plan date on, fewest changed half-days first.
        let served = past.served
        let onLeave = leaveIndex(scenario)
        var kept: [RotaEntry] = [], dropped: [RotaEntry] = []
        for e in past.planned {
            if onLeave[e.person]?.contains(e.date) ?? false { dropped.append(e) } else { kept.append(e) }
        }
        var future = kept
        var attempts: [(String, [RotaEntry], [RotaCover])] = []
        if handovers.isEmpty { attempts.append(("kept", served + kept, [])) }
        // The handed-over seats: the replaced member's entries (on their leave too) pass to the replacement.
        if !handovers.isEmpty {
            var moved = past.planned
            for h in handovers {
                moved = h.move(moved, sites: h.sites(in: plan), onLeave: onLeave[h.replacement] ?? [])
            }
            dropped = []; future = []
            for e in moved { if onLeave[e.person]?.contains(e.date) ?? false { dropped.append(e) } else { future.append(e) } }
        }
        let visits = VisitCover.cover(future, dropped: dropped, plan: plan, staff: scenario.staffIndex(), onLeave: onLeave)
        let (covered, clinicCovers) = ClinicCover.cover(visits, dropped: dropped, plan: plan, scenario: scenario, onLeave: onLeave)
        if !handovers.isEmpty { attempts.append(("handed over", served + covered, clinicCovers)) }
        else if covered.sorted() != kept.sorted() { attempts.append(("covered", served + covered, clinicCovers)) }

        var lastReport: VerificationReport?
        var index = 0
        while index <= attempts.count {
            let method: String, entries: [RotaEntry], source: WeeklyRota?
            var covers: [RotaCover] = []
            if index < attempts.count {
                (method, entries, covers) = attempts[index]; source = nil
            } else {
                // Nothing kept passes: the rota from the re-plan date planned again, keeping
                // the earlier rota's half-days where it can (fewest changed half-days before
                // the normal objective, `EarlierRota`).
                var options = RotaOptions()
                options.earlier = EarlierRota(entries: past.rota, from: past.from)
                let fresh = try RotaPlanner(scenario: scenario, plan: plan, options: options).schedule()
                let cut = past.from.iso
                method = "rescheduled"; entries = served + fresh.entries.filter { $0.date >= cut }; source = fresh
            }
            index += 1
            let rota = WeeklyRota(scenario: scenario.name, entries: entries.sorted(),
                                  relaxations: source?.relaxations ?? [], covers: source?.covers ?? covers, shortfalls: source?.shortfalls ?? [])
            let written = WrittenYear(plan: try plan.jsonData(), rota: RotaCSV.data(rota: rota, scenario: scenario))
            let verified = try prove(written)
            // Breaches the earlier year already had are the frozen past's: said, not blocking.
            let failures = verified.report.failures
            guard failures.isEmpty || failures.allSatisfy({ brokenBeforeInYear().contains($0.instance) }) else {
                lastReport = verified.report
                continue
            }
            let postings = handovers.map { h in
                PostingChange(handover: h, rulesMet: Self.rulesMet(h, plan: plan, checks: verified.report.checks), events: causes[h.person] ?? [])
            }
            seconds.append(("rota (\(index) tried) and verification", watch.lap()))
            var year = try finish(past: past, original: original, changes: changes, plan: plan, rota: rota, written: written,
                                  verified: verified, method: method, postings: postings)
            _ = watch.lap()
            year.seconds = seconds + year.seconds
            return .replanned(year)
        }
        return .rejected(lastReport!)
    }

    /// The outputs of a re-plan that passed: the full set, the change list, the changed
    /// people's calendars and replan.json.
    private func finish(past: FrozenPast, original: Scenario, changes: ChangeSet, plan: Plan, rota: WeeklyRota, written: WrittenYear,
                        verified: VerifiedProof, method: String, postings: [PostingChange]) throws -> ReplannedYear {
        var watch = Stopwatch()
        var stages: [(stage: String, seconds: Double)] = []
        var files = [
            OutputFile("plan.json", written.plan),
            OutputFile("assignments.csv", Data(AssignmentsCSV.render(plan: plan, scenario: scenario).utf8)),
            OutputFile("rota.csv", written.rota),
            OutputFile("proof.jsonl.gz", .parts(try verified.proof.fileMembers())),
        ]
        // The calendars and site sheets nobody's change touches come from the earlier folder.
        let earlier = past.directory.map {
            EarlierOutputs(rota: WeeklyRota(scenario: original.name, entries: past.rota, relaxations: [], covers: [], shortfalls: []),
                           plan: past.plan, scenario: original, folder: $0)
        }
        stages.append(("proof file", watch.lap()))
        files += try RotaOutputs.files(rota: rota, plan: plan, scenario: scenario, report: verified.report, earlier: earlier)
            .map { OutputFile($0.name, $0.data) }
        stages.append(("outputs", watch.lap()))
        let cut = past.from.iso
        let changed = Self.changes(earlier: past.planned, now: rota.entries.filter { $0.date >= cut }, events: changes, scenario: scenario, postings: postings,
                                   covers: rota.covers.filter { $0.week >= Day(iso: cut)!.weekStart.iso })
        let people = Set(changed.map(\.person))
        let changedRota = WeeklyRota(scenario: scenario.name, entries: rota.entries.filter { people.contains($0.person) },
                                     relaxations: [], covers: [], shortfalls: [])
        files += PersonCalendar.files(rota: changedRota, plan: plan, scenario: scenario)
            .map { OutputFile("changed/" + $0.name, $0.data) }
        files.append(OutputFile("changes.csv", Data(ChangesCSV.render(changed, scenario: scenario).utf8)))
        let section = Self.changesSection(changed, postings: postings, past: past, changes: changes, method: method,
                                          frozen: verified.report.failures, scenario: scenario)
        files.append(OutputFile("changes.html", Data(Self.changesPage(section, past: past, scenario: scenario).utf8)))
        // The same change section in the report, before its end.
        for i in files.indices where files[i].name == RotaReportPage.fileName {
            guard case .data(let page) = files[i].contents, let end = page.lastRange(of: Data("</body>".utf8)) else { continue }
            files[i] = OutputFile(files[i].name, page[..<end.lowerBound] + Data(section.utf8) + page[end.lowerBound...])
        }
        // Measured, not assumed: the half-days before the date, earlier against new.
        let before = FrozenPastCheck(earlier: past.rota, later: rota.entries, before: past.from)
        files.append(OutputFile("replan.json", try Self.record(past: past, changes: changes, method: method, changed: changed, postings: postings,
                                                               frozen: verified.report.failures,
                                                               changedBefore: before.removed.count + before.added.count)))
        stages.append(("change list", watch.lap()))
        var year = ReplannedYear(plan: plan, rota: rota, verified: verified, files: files, method: method, changes: changed,
                                 postingsChanged: postings, frozenBreaches: verified.report.failures)
        year.seconds = stages
        return year
    }

    /// The postings the events take from their holders, as (person, posting) sorted: a team
    /// place or a stationing whose holder's leave breaks PERSON.leave (`caused`), the TCM
    /// clinic a departing physician would hold on or after the day they leave, and a rounds or
    /// technical-support duty whose holder leaves, or is absent in the rest of the duty more
    /// than posting.max-leave-days working days (the limit the annual plan hands a TCM clinic
    /// over at, `TCMHandover`; shorter absences are covered week by week).
    static func postingsTaken(caused: [RuleCheck], plan: Plan, changes: ChangeSet, from: Day, scenario: Scenario) -> [(person: String, posting: String)] {
        var out: [(person: String, posting: String)] = []
        func add(_ person: String, _ posting: String) {
            if !out.contains(where: { $0.person == person && $0.posting == posting }) { out.append((person, posting)) }
        }
        for c in caused where c.rule == "PERSON.leave" {
            let key = String(c.instance.dropFirst("PERSON.leave[".count).dropLast())
            guard let at = key.firstIndex(of: "@") else { continue }
            let person = String(key[..<at]), duty = String(key[key.index(after: at)...])
            if plan.teams.contains(where: { $0.id == duty }) || duty.hasPrefix("station:") { add(person, duty) }
        }
        for e in changes.events {
            guard case .departure(let person, let date) = e.kind else { continue }
            let day = max(from, date)
            for c in plan.tcmClinics where c.physician == person && c.end >= day.iso { add(person, "tcm:\(c.centre)") }
        }
        let limit = scenario.parameters.int("posting.max-leave-days")
        let finder = ReplacementFinder(scenario: scenario, plan: plan), staff = scenario.staffIndex()
        for e in changes.events {
            let person: String, day: Day, departs: Bool
            switch e.kind {
            case .departure(let p, let d): person = p; day = max(from, d); departs = true
            case .absence(let p, let r): person = p; day = max(from, r.from); departs = false
            default: continue
            }
            for h in plan.villageHelpers where h.person == person && h.form != .station {
                guard let a = Day(iso: h.start), let b = Day(iso: h.end), b >= day, let member = staff[person] else { continue }
                let rest = DayRange(from: max(a, day), to: b)
                if departs || finder.leaveWorkingDays(member, in: rest) > limit { add(person, "\(h.form.rawValue):\(h.site)") }
            }
        }
        return out.sorted { ($0.person, $0.posting) < ($1.person, $1.posting) }
    }

    /// How the rules a handover touches are met, in the independent verifier's words: the
    /// instances it passed on the posting after the handover, one line each.
    ///
    /// - a team place: team size, mix, duration, one sender, the 3331 group, and the
    ///   replacement's leave during the posting;
    /// - a stationing: each stint's T3.station-continuity (both at least T3.station-months),
    ///   the village's T3.station-target (one helper at a time), the replacement's T3.locality
    ///   and leave, the sender's T3.quota;
    /// - a TCM clinic: the centre's TCM.weekly (a senior clinic on every day), the
    ///   replacement's TCM.locality and centres per physician.
    static func rulesMet(_ h: PostingHandover, plan: Plan, checks: [RuleCheck]) -> [String] {
        let b = h.replacement, a = h.person
        var wanted: [String]
        switch h.kind {
        case .team:
            wanted = ["team-size", "team-mix", "duration", "one-sender", "3331"].flatMap { r in ["T1", "T2"].map { "\($0).\(r)[\(h.team)]" } }
        case .station(let v):
            let sender = plan.villageHelpers.first { $0.person == a && $0.site == v }?.sender ?? ""
            wanted = ["T3.station-continuity[\(a):\(v)]", "T3.station-continuity[\(b):\(v)]", "T3.station-target[\(v)]",
                      "T3.locality[\(b):station:\(v)]", "T3.quota[\(sender)]"]
        case .tcm(let c):
            wanted = ["TCM.weekly[\(c)]", "TCM.locality[\(c):\(b)]", "TCM.weekly[physician:\(b)]"]
        case .rounds(let site), .techSupport(let site):
            let form = h.villageDuty!.form.rawValue
            let sender = plan.villageHelpers.first { $0.person == a && $0.form.rawValue == form && $0.site == site }?.sender ?? ""
            wanted = ["T3.part-time-duration[\(a):\(form):\(site)]", "T3.part-time-duration[\(b):\(form):\(site)]",
                      "T3.locality[\(b):\(form):\(site)]", "T3.tech-support[\(b):\(site)]", "T3.quota[\(sender)]",
                      "PLAN.integrity[helper:\(b):\(form):\(site)]"]
        }
        wanted.append("PERSON.leave[\(b)@\(h.team)]")
        let byInstance = Dictionary(checks.map { ($0.instance, $0) }, uniquingKeysWith: { x, _ in x })
        return wanted.compactMap { byInstance[$0] }.filter(\.passed).map { "\($0.instance): \($0.finding)" }
    }

    /// Whether an event names `person` (absent, departed, new).
    static func names(_ event: ChangeEvent, _ person: String) -> Bool { Self.person(event) == person }

    /// The person an event is about (absent, departed, new), if any.
    static func person(_ event: ChangeEvent) -> String? {
        switch event.kind {
        case .absence(let p, _), .departure(let p, _): return p
        case .newCandidate(let m, _): return m.id
        default: return nil
        }
    }

    /// Dates of leave per person, as ISO text.
    private func leaveIndex(_ s: Scenario) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for p in s.staff where !p.unavailable.isEmpty {
            out[p.id] = Set(p.unavailable.compactMap { $0.clipped(to: s.period) }.flatMap { $0.days.map(\.iso) })
        }
        return out
    }

    /// Whether a rule instance names the person, institution or village an event names.
    static func mentions(_ check: RuleCheck, _ event: ChangeEvent) -> Bool {
        let id: String
        switch event.kind {
        case .absence(let p, _), .departure(let p, _): id = p
        case .newCandidate(let m, _): id = m.id
        case .headCount(let h, _, _): id = h
        case .village(let v, _): id = v
        }
        let text = check.instance
        return text.contains("[\(id)") || text.contains("\(id)@") || text.contains(">\(id)") || text.contains(":\(id)>")
    }

    /// Per person, the half-days from the re-plan date that differ between the earlier rota and the new.
    static func changes(earlier: [RotaEntry], now: [RotaEntry], events: ChangeSet, scenario: Scenario, postings: [PostingChange] = [],
                        covers: [RotaCover] = []) -> [HalfDayChange] {
        let (removed, added) = differences(earlier, now)
        let staff = scenario.staffIndex()
        var why: [String: String] = [:], whyChinese: [String: String] = [:], postingChinese: [String: String] = [:]
        for e in events.events {
            if let text = ChangesCSV.event(e), let p = Self.person(e) { whyChinese[p] = text }
            switch e.kind {
            case .absence(let p, let r): why[p] = "absence \(r)" + (e.reason.isEmpty ? "" : ": \(e.reason)") + " [\(e.source)]"
            case .departure(let p, let d): why[p] = "departure on \(d.iso)" + (e.reason.isEmpty ? "" : ": \(e.reason)") + " [\(e.source)]"
            case .newCandidate(let m, _): why[m.id] = "new candidate" + (e.reason.isEmpty ? "" : ": \(e.reason)") + " [\(e.source)]"
            default: break
            }
        }
        // Colleagues covering an absent holder's sessions (TCM clinics, 3331 visits by the rota).
        for (person, list) in Dictionary(grouping: covers, by: \.coveredBy) where why[person] == nil {
            let absent = Set(list.map(\.absent)).sorted().joined(separator: ", ")
            let sites = Set(list.map(\.site)).sorted().joined(separator: ", ")
            why[person] = "covers \(absent)'s \(list[0].rule == "TCM.weekly" ? "TCM clinic" : list[0].rule) at \(sites) during the absence"
            whyChinese[person] = ChangesCSV.cover(list, staff: staff)
        }
        var posting: [String: String] = [:]
        for c in postings {
            let h = c.handover
            postingChinese.merge(ChangesCSV.postingTexts(h, scenario)) { $1 }
            if !h.replacement.isEmpty, whyChinese[h.replacement] == nil {
                whyChinese[h.replacement] = "接替\(ChangesCSV.who(h.person, staff))：" + (whyChinese[h.person] ?? h.reason)
            }
            guard !h.replacement.isEmpty else {
                posting[h.person] = "\(h.postingText) ends on \(h.from.adding(days: -1).iso), nobody takes it over"
                continue
            }
            switch h.kind {
            case .team:
                posting[h.person] = "hands \(h.team) over to \(h.replacement) from \(h.from.iso)"
                posting[h.replacement] = "takes over \(h.person)'s place in \(h.team) from \(h.from.iso)"
            case .station, .tcm, .rounds, .techSupport:
                posting[h.person] = "hands the \(h.postingText) over to \(h.replacement) from \(h.from.iso)"
                posting[h.replacement] = "takes over \(h.person)'s \(h.postingText) from \(h.from.iso)"
            }
            if why[h.replacement] == nil { why[h.replacement] = "replaces \(h.person) (\(h.reason))" }
        }
        return Set(removed.keys).union(added.keys).union(posting.keys).sorted().map { p in
            let dates = ((removed[p] ?? []) + (added[p] ?? [])).map(\.date).sorted()
            return HalfDayChange(person: p, removed: removed[p]?.count ?? 0, added: added[p]?.count ?? 0,
                                 first: dates.first ?? "", last: dates.last ?? "",
                                 why: why[p] ?? "duties re-scheduled around the events", posting: posting[p] ?? "",
                                 whyChinese: whyChinese[p] ?? "因上述变动调整值班", postingChinese: postingChinese[p] ?? "")
        }
    }

    /// Per person, the entries only `earlier` has (removed) and those only `now` has (added).
    ///
    /// Both lists are walked person by person in sorted order; a person whose entries are the
    /// same in both (almost everyone, in a re-plan) costs one comparison of their entries, and
    /// only the others are compared as sets — a city's half-year is some 300,000 entries.
    static func differences(_ earlier: [RotaEntry], _ now: [RotaEntry]) -> (removed: [String: [RotaEntry]], added: [String: [RotaEntry]]) {
        func sorted(_ list: [RotaEntry]) -> [RotaEntry] {
            zip(list, list.dropFirst()).allSatisfy { !($1 < $0) } ? list : list.sorted()
        }
        let a = sorted(earlier), b = sorted(now)
        var removed: [String: [RotaEntry]] = [:], added: [String: [RotaEntry]] = [:]
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex || j < b.endIndex {
            let person = j == b.endIndex || (i < a.endIndex && a[i].person < b[j].person) ? a[i].person : b[j].person
            var i2 = i, j2 = j
            while i2 < a.endIndex && a[i2].person == person { i2 += 1 }
            while j2 < b.endIndex && b[j2].person == person { j2 += 1 }
            if !a[i..<i2].elementsEqual(b[j..<j2]) {
                let x = Set(a[i..<i2]), y = Set(b[j..<j2])
                let gone = a[i..<i2].filter { !y.contains($0) }, new = b[j..<j2].filter { !x.contains($0) }
                if !gone.isEmpty { removed[person] = gone }
                if !new.isEmpty { added[person] = new }
            }
            i = i2; j = j2
        }
        return (removed, added)
    }

    /// `replan.json`: what this re-plan replaces and why, and the change counts.
    static func record(past: FrozenPast, changes: ChangeSet, method: String, changed: [HalfDayChange], postings: [PostingChange],
                       frozen: [RuleCheck], changedBefore: Int) throws -> Data {
        struct Record: Encodable {
            struct Replaces: Encodable { let plan: String; let rota: String }
            struct Posting: Encodable {
                let team: String; let person: String; let replacement: String; let from: String; let reason: String; let rulesMet: [String]
            }
            let format = "rota-replan/1"
            let from: String
            let replaces: Replaces
            let events: [String]
            let method: String
            let postingsChanged: [Posting]
            let peopleWithChangedHalfDays: Int
            let halfDaysChanged: Int
            let halfDaysChangedBeforeFrom: Int
            let frozenPastBreaches: [String]
        }
        let r = Record(from: past.from.iso, replaces: .init(plan: "sha256:" + past.planDigest, rota: "sha256:" + past.rotaDigest),
                       events: changes.events.map(\.description), method: method,
                       postingsChanged: postings.map { .init(team: $0.handover.team, person: $0.handover.person, replacement: $0.handover.replacement,
                                                             from: $0.handover.from.iso, reason: $0.handover.reason, rulesMet: $0.rulesMet) },
                       peopleWithChangedHalfDays: changed.filter { $0.removed + $0.added > 0 }.count,
                       halfDaysChanged: changed.reduce(0) { $0 + $1.removed + $1.added },
                       halfDaysChangedBeforeFrom: changedBefore,
                       frozenPastBreaches: frozen.map { "\($0.instance): \($0.finding)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(r) + Data([0x0A])
    }

    /// `changes.html`: the change section (`changesSection`) as a page of its own.
    static func changesPage(_ section: String, past: FrozenPast, scenario: Scenario) -> String {
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Changes from \(past.from.iso) — \(MarkupText.html(scenario.name))</title>\n"
            + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}</style></head><body>\n"
            + section + "</body></html>\n"
    }

    /// The change list a planner reads, as an HTML section (in `changes.html` and the report):
    /// the events, the posting changes with how each rule is met, every person whose duties
    /// changed, and what the frozen past already broke.
    static func changesSection(_ changes: [HalfDayChange], postings: [PostingChange], past: FrozenPast, changes events: ChangeSet,
                               method: String, frozen: [RuleCheck], scenario: Scenario) -> String {
        let h = MarkupText.html
        let names = scenario.staffIndex()
        func who(_ id: String) -> String { h(names[id].map { "\($0.name) (\(id))" } ?? id) }
        var out = "<section id=\"changes\">\n<h2>Changes from \(past.from.iso)</h2>\n<p>Every half-day before \(past.from.iso) is frozen as served (0 changed). "
            + "The plan it replaces: plan.json sha256:\(past.planDigest), rota.csv sha256:\(past.rotaDigest). Rota from \(past.from.iso): \(h(method)).</p>\n"
        out += "<h3>Events</h3>\n<ul>\n" + events.events.map { "<li>\(h($0.description))</li>\n" }.joined() + "</ul>\n"
        out += "<h3>Postings changed: \(postings.count)</h3>\n"
        for p in postings {
            let x = p.handover
            out += "<p>" + PostingChange.sentence(x, who: who, html: h) + "</p>\n<ul>\n"
            out += p.rulesMet.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<h3>People whose duties changed: \(changes.count)</h3>\n<table><tr><th>person</th><th>what</th><th>half-days removed</th><th>added</th><th>from</th><th>to</th><th>why</th></tr>\n"
        for c in changes {
            let what = [c.posting, c.added == 0 && c.removed == 0 ? "" : c.added == 0 ? "duties taken off" : c.removed == 0 ? "duties added" : "duties moved"]
                .filter { !$0.isEmpty }.joined(separator: "; ")
            out += "<tr><td>\(who(c.person))</td><td>\(h(what))</td><td>\(c.removed)</td><td>\(c.added)</td><td>\(c.first)</td><td>\(c.last)</td><td>\(h(c.why))</td></tr>\n"
        }
        out += "</table>\n"
        if !frozen.isEmpty {
            out += "<h3>Already broken by the frozen past (not caused by the events)</h3>\n<ul>\n"
                + frozen.map { "<li>\(h($0.instance)): \(h($0.finding))</li>\n" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }
}
