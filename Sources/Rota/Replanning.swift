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
        return try FrozenPast(planData: planData, rotaData: rotaData, planFile: planPath, rotaFile: rotaPath, from: from)
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
    /// take away) or `rescheduled` (the rota planned again from the re-plan date).
    public let method: String
    public let changes: [HalfDayChange]
    /// People whose posting (team, village duty, TCM clinic) changed: none in this version.
    public let postingsChanged: [String]
    /// Rule instances the earlier plan and rota already broke (a frozen past that breaks a
    /// rule): reported, and the rest of the year planned.
    public let frozenBreaches: [RuleCheck]
}

/// One person's changed half-days from the re-plan date on.
public struct HalfDayChange: Sendable, Hashable {
    public var person: String
    public var removed: Int
    public var added: Int
    public var first: String
    public var last: String
    public var why: String
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
    /// 1. The earlier plan is checked against the amended scenario by the independent verifier
    ///    (plan rules). A broken instance that an event causes is a conflict naming both; one
    ///    already broken by the frozen past alone is reported and the rest is planned.
    /// 2. The rest of the year's rota, fewest changes first: the earlier rota less the
    ///    half-days the events take away (nobody else moves); if that breaks a rota rule (a
    ///    3331 visit or a station week needs the absent person), the rota from the re-plan date
    ///    is scheduled again by `RotaPlanner` and joined to the frozen past.
    /// 3. The joined plan.json and rota.csv are written, read back and verified over the whole
    ///    year, then rendered like any plan.
    public func replan(past: FrozenPast, changes: ChangeSet, original: Scenario) throws -> ReplanOutcome {
        let plan = past.plan
        // 1. What the earlier year already breaks (plan and rota, as written), and the plan
        //    rules on the amended year.
        let earlier = try PlanPipeline(scenario: original, options: options)
            .prove(WrittenYear(plan: past.planData, rota: past.rotaData)).report
        let brokenBefore = Set(earlier.failures.map(\.instance))
        let after = PlanVerifier(scenario: scenario).verify(plan)
        let caused = after.failures.filter { !brokenBefore.contains($0.instance) }
        if !caused.isEmpty {
            return .conflict(caused.map { check in (check, changes.events.filter { Self.mentions(check, $0) }) })
        }

        // 2. The rota from the re-plan date on.
        let served = past.served
        let onLeave = leaveIndex(scenario)
        let kept = past.planned.filter { e in !(onLeave[e.person]?.contains(e.date) ?? false) }
        var attempts: [(String, [RotaEntry], WeeklyRota?)] = [("kept", served + kept, nil)]
        var lastReport: VerificationReport?
        var index = 0
        while index < attempts.count {
            let (method, entries, source) = attempts[index]
            let rota = WeeklyRota(scenario: scenario.name, entries: entries.sorted(),
                                  relaxations: source?.relaxations ?? [], covers: source?.covers ?? [], shortfalls: source?.shortfalls ?? [])
            let written = WrittenYear(plan: try plan.jsonData(), rota: Data(RotaCSV.render(rota: rota, scenario: scenario).utf8))
            let verified = try prove(written)
            // Breaches the earlier year already had are the frozen past's: said, not blocking.
            if verified.report.failures.allSatisfy({ brokenBefore.contains($0.instance) }) {
                var files = [
                    OutputFile("plan.json", written.plan),
                    OutputFile("assignments.csv", Data(AssignmentsCSV.render(plan: plan, scenario: scenario).utf8)),
                    OutputFile("rota.csv", written.rota),
                    OutputFile("proof.jsonl.gz", .data(try verified.proof.fileData())),
                ]
                files += try RotaOutputs.files(rota: rota, plan: plan, scenario: scenario, report: verified.report)
                    .map { OutputFile($0.name, $0.data) }
                let changed = Self.changes(earlier: past.planned, now: rota.entries.filter { Day(iso: $0.date).map { $0 >= past.from } ?? false },
                                           events: changes)
                let people = Set(changed.map(\.person))
                let changedRota = WeeklyRota(scenario: scenario.name, entries: rota.entries.filter { people.contains($0.person) },
                                             relaxations: [], covers: [], shortfalls: [])
                files += PersonCalendar.files(rota: changedRota, plan: plan, scenario: scenario)
                    .map { OutputFile("changed/" + $0.name, $0.data) }
                files.append(OutputFile("changes.csv", Data(Self.changesCSV(changed, scenario: scenario).utf8)))
                files.append(OutputFile("replan.json", try Self.record(past: past, changes: changes, method: method, changed: changed)))
                return .replanned(ReplannedYear(plan: plan, rota: rota, verified: verified, files: files, method: method, changes: changed, postingsChanged: [],
                                                frozenBreaches: verified.report.failures))
            }
            lastReport = verified.report
            if method == "kept" {
                let fresh = try schedule(plan).rota
                let future = fresh.entries.filter { Day(iso: $0.date).map { $0 >= past.from } ?? false }
                attempts.append(("rescheduled", served + future, fresh))
            }
            index += 1
        }
        return .rejected(lastReport!)
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
    static func changes(earlier: [RotaEntry], now: [RotaEntry], events: ChangeSet) -> [HalfDayChange] {
        let a = Set(earlier), b = Set(now)
        let removed = Dictionary(grouping: a.subtracting(b), by: \.person)
        let added = Dictionary(grouping: b.subtracting(a), by: \.person)
        var why: [String: String] = [:]
        for e in events.events {
            switch e.kind {
            case .absence(let p, let r): why[p] = "absence \(r)" + (e.reason.isEmpty ? "" : ": \(e.reason)") + " [\(e.source)]"
            case .departure(let p, let d): why[p] = "departure on \(d.iso)" + (e.reason.isEmpty ? "" : ": \(e.reason)") + " [\(e.source)]"
            case .newCandidate(let m, _): why[m.id] = "new candidate" + (e.reason.isEmpty ? "" : ": \(e.reason)") + " [\(e.source)]"
            default: break
            }
        }
        return Set(removed.keys).union(added.keys).sorted().map { p in
            let dates = ((removed[p] ?? []) + (added[p] ?? [])).map(\.date).sorted()
            return HalfDayChange(person: p, removed: removed[p]?.count ?? 0, added: added[p]?.count ?? 0,
                                 first: dates.first ?? "", last: dates.last ?? "",
                                 why: why[p] ?? "duties re-scheduled around the events")
        }
    }

    /// `changes.csv`: who, what, from when, why.
    static func changesCSV(_ changes: [HalfDayChange], scenario: Scenario) -> String {
        let names = scenario.staffIndex()
        func cell(_ s: String) -> String { s.contains(where: { ",\"\n".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        var out = "person,name,what,half_days_removed,half_days_added,from,to,why\n"
        for c in changes {
            let what = c.added == 0 ? "duties taken off" : c.removed == 0 ? "duties added" : "duties moved"
            out += [c.person, names[c.person]?.name ?? "", what, String(c.removed), String(c.added), c.first, c.last, c.why].map(cell).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `replan.json`: what this re-plan replaces and why.
    static func record(past: FrozenPast, changes: ChangeSet, method: String, changed: [HalfDayChange]) throws -> Data {
        struct Record: Encodable {
            struct Replaces: Encodable { let plan: String; let rota: String }
            let format = "rota-replan/1"
            let from: String
            let replaces: Replaces
            let events: [String]
            let method: String
            let postingsChanged: [String]
            let peopleWithChangedHalfDays: Int
            let halfDaysChanged: Int
        }
        let r = Record(from: past.from.iso, replaces: .init(plan: "sha256:" + past.planDigest, rota: "sha256:" + past.rotaDigest),
                       events: changes.events.map(\.description), method: method, postingsChanged: [],
                       peopleWithChangedHalfDays: changed.count, halfDaysChanged: changed.reduce(0) { $0 + $1.removed + $1.added })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(r) + Data([0x0A])
    }
}
