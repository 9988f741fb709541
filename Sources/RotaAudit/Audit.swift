import Foundation
import RotaCore
import RotaInput
import RotaOutput
import RotaVerifier

/// The health commission's audit of a region's submissions (`rota audit DIR`): for every
/// submission the independent verifier's figures and failures, attendance (ATT.absence and
/// people who actually served), and the staffing norms the scenario's data can show.
///
/// Discussion — the readings the audit applies:
/// - **Figures are the verifier's.** Each submission's plan is checked by `PlanVerifier` (and
///   its rota.csv by `RotaVerifier`, as `rota verify` does when a rota.csv sits beside the
///   plan). A quota row's `base`, `required` and `planned` are the quantities of the
///   verifier's `T1.quota` / `T2.quota` / `T3.quota` check (`technicalStaff` or
///   `medicalStaff`, `required`, `sent`); the total rows are its `T1.total`, `T2.total`,
///   `T3.total`, `T3.total.stationed` and `REGION.total` checks (`people`, `required`); the
///   failures are its failures. So audit.csv agrees with `rota verify` on the same files.
/// - **ATT.absence** (脱岗2次（含）以上): a stationed helper (a `station` duty in the plan) is
///   absent once for every distinct date inside their stationing with at least one
///   `unjustified` half-day; two or more such dates fail the annual assessment. Justified
///   half-days and dates outside the stationing are not absences from post.
/// - **Served**: of the people a row counts (the verifier's witnesses), those with at least one
///   `present` half-day in the submission's attendance who do not fail ATT.absence. Without an
///   attendance sheet for a submission, served is not assessed (empty). A row whose served
///   count is below its required count is `short-served`, which fails the audit too.
/// - **NORM.village-doctors** per county: each village with `villageDoctor: true` counts as
///   one village doctor — a proxy, since the scenario has flags, not head counts — against the
///   sum of the county's village populations: `doctors · 1000 < population` fails (fewer than
///   1 per 1000), `doctors · 1000 · 2 > population · 3` is reported `high` (more than 1.5 per
///   1000, not a failure). **NORM.licensed** per county: villages with `licensedPhysician: true`
///   among those with a village doctor, `licensed · 2 ≥ withDoctor` (≥ 50%). Counties with no
///   village population are skipped. NORM.township-posts and NORM.directed-posts are not in
///   a scenario's data and are listed as not assessed.
/// - The audit passes when every verifier check and every ATT.absence passes and no row is
///   short-served. NORM results are shown (with their proxy) but do not fail the audit.
///
/// ```swift
/// let subs = try AuditInput.submissions(in: "Scenarios/audit")
/// let audit = try Audit.run(submissions: subs, regionAttendance: "Scenarios/audit/attendance.csv")
/// audit.passed                        // false
/// audit.failures.map(\.instance)      // ["T1.quota[hz-tcm]", "ATT.absence[shan-…]", …]
/// ```
public struct Audit: Sendable {
    /// One hospital's quota, or one region total, of a submission.
    public struct Row: Sendable, Hashable {
        public var submission: String
        /// Institution id; "" for a region total.
        public var institution: String
        public var name: String
        /// The institution's tier (`tertiary`, …), or `region` for a total.
        public var tier: String
        public var rule: String
        /// technicalStaff / medicalStaff for a quota; nil for a total.
        public var base: Int?
        public var required: Int
        public var planned: Int
        /// People of `people` who served; nil when the submission has no attendance.
        public var served: Int?
        /// The verifier's verdict.
        public var verifierVerdict: Verdict
        /// The people the verifier counted, sorted ids.
        public var people: [String]
        public var clause: String

        /// Short of people who served (attendance given, served < required).
        public var shortServed: Bool { served.map { $0 < required } ?? false }
        /// `fail` (the verifier), `short-served` (attendance), or `pass`.
        public var verdict: String {
            verifierVerdict == .fail ? "fail" : shortServed ? "short-served" : "pass"
        }
    }

    /// A stationed helper's ATT.absence result.
    public struct Absence: Sendable, Hashable {
        public var submission: String
        public var person: String
        public var name: String
        public var sender: String
        /// The villages the person is stationed at, sorted.
        public var villages: [String]
        /// Distinct dates inside the stationing with an unjustified half-day, sorted.
        public var unjustifiedDates: [Day]
        public var count: Int { unjustifiedDates.count }
        public var passed: Bool { count < 2 }
    }

    /// A staffing norm checked on one county of a submission.
    public struct Norm: Sendable, Hashable {
        public var submission: String
        public var rule: String
        public var county: String
        public var countyName: String
        /// NORM.village-doctors: village doctors (proxy) · 1000; NORM.licensed: licensed · 100.
        public var lhs: Int
        /// NORM.village-doctors: resident population; NORM.licensed: villages with a doctor · 50.
        public var rhs: Int
        /// The integer comparison with the relation that holds.
        public var arithmetic: String
        /// `pass`, `fail` or `high` (village doctors above 1.5 per 1000: reported, not a failure).
        public var verdict: String
        public var passed: Bool { verdict != "fail" }
        public var clause: String
    }

    /// A failure of the audit: a verifier check, a short-served row, an ATT.absence or a NORM.
    public struct Failure: Sendable, Hashable {
        public var submission: String
        public var rule: String
        public var instance: String
        public var subject: String
        public var finding: String
        public var clause: String
    }

    /// Everything audited of one submission.
    public struct SubmissionResult: Sendable {
        public var submission: AuditSubmission
        public var scenario: Scenario
        public var report: VerificationReport
        public var quotas: [Row]
        public var totals: [Row]
        /// Whether an attendance sheet applies to this submission.
        public var attendanceGiven: Bool
        public var absences: [Absence]
        public var norms: [Norm]
        public var failures: [Failure]
        public var passed: Bool { failures.isEmpty }
    }

    public var submissions: [SubmissionResult]
    /// Attendance files read, in the order given.
    public var attendanceFiles: [String]

    /// Every failure, submission by submission.
    public var failures: [Failure] { submissions.flatMap(\.failures) }
    public var passed: Bool { failures.isEmpty }

    /// The norms the scenario data cannot show, with why.
    public static let normsNotAssessed: [(rule: String, reason: String)] = [
        ("NORM.township-posts", "a scenario has no township post establishment (编制) figures"),
        ("NORM.directed-posts", "a scenario has no grassroots-directed posts of county hospitals"),
    ]

    /// The rules an audit reports, in order (quota and total rows).
    public static let quotaRules = ["T1.quota", "T2.quota", "T3.quota"]
    public static let totalRules = ["T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total"]

    /// Reads every submission and attendance sheet, verifies and audits. Throws every input
    /// problem at once (unreadable scenario, plan, rota or attendance file; an attendance row
    /// naming a person or submission the folder does not have).
    public static func run(submissions: [AuditSubmission], regionAttendance: String?) throws(InputError) -> Audit {
        var problems: [Diagnostic] = []
        var loaded: [(AuditSubmission, Scenario, Plan, [RotaEntry]?)] = []
        for s in submissions {
            var scenario: Scenario?, plan: Plan?, rota: [RotaEntry]?
            do { scenario = try ScenarioReader.read(path: s.scenarioPath) } catch { problems += error.diagnostics }
            do { plan = try PlanReader.read(path: s.planPath) } catch { problems += error.diagnostics }
            if let r = s.rotaPath {
                do { rota = try RotaCSVReader.read(path: r) } catch { problems += error.diagnostics }
            }
            if let scenario, let plan { loaded.append((s, scenario, plan, rota)) }
        }
        var region: [AttendanceRecord] = []
        var own: [String: [AttendanceRecord]] = [:]
        var files: [String] = []
        if let regionAttendance {
            files.append(regionAttendance)
            do { region = try AttendanceCSV.read(path: regionAttendance) } catch { problems += error.diagnostics }
        }
        for s in submissions {
            guard let p = s.attendancePath else { continue }
            files.append(p)
            do { own[s.name] = try AttendanceCSV.read(path: p) } catch { problems += error.diagnostics }
        }
        guard problems.isEmpty else { throw InputError(problems) }

        // Every attendance row must name a submission and a person the folder has.
        let names = Set(loaded.map(\.0.name))
        let staffOf = Dictionary(uniqueKeysWithValues: loaded.map { ($0.0.name, Set($0.1.staff.map(\.id))) })
        let allStaff = staffOf.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for r in region {
            if let sub = r.submission {
                if !names.contains(sub) {
                    problems.append(Diagnostic(file: r.file, line: r.line, path: "submission", message: "unknown submission \"\(sub)\"",
                                               expected: "one of \(names.sorted().joined(separator: ", "))"))
                } else if !(staffOf[sub]?.contains(r.person) ?? false) {
                    problems.append(Diagnostic(file: r.file, line: r.line, path: "person", message: "unknown person \"\(r.person)\" in submission \(sub)",
                                               expected: "a staff id of its scenario"))
                }
            } else if !allStaff.contains(r.person) {
                problems.append(Diagnostic(file: r.file, line: r.line, path: "person", message: "unknown person \"\(r.person)\"",
                                           expected: "a staff id of a submission's scenario"))
            }
        }
        for (sub, rows) in own.sorted(by: { $0.key < $1.key }) {
            for r in rows {
                if let other = r.submission, other != sub {
                    problems.append(Diagnostic(file: r.file, line: r.line, path: "submission", message: "row of submission \"\(other)\" in the sheet of \(sub)",
                                               expected: "\(sub) or nothing"))
                } else if !(staffOf[sub]?.contains(r.person) ?? false) {
                    problems.append(Diagnostic(file: r.file, line: r.line, path: "person", message: "unknown person \"\(r.person)\" in submission \(sub)",
                                               expected: "a staff id of its scenario"))
                }
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }

        let results = loaded.map { s, scenario, plan, rota -> SubmissionResult in
            var report = PlanVerifier(scenario: scenario).verify(plan)
            if let rota, let path = s.rotaPath {
                report = report.adding(rota: RotaVerifier(scenario: scenario, plan: plan).section(entries: rota, file: path))
            }
            let staff = staffOf[s.name] ?? []
            let sheet = region.filter { ($0.submission == nil || $0.submission == s.name) && staff.contains($0.person) }
                + (own[s.name] ?? [])
            let given = regionAttendance != nil || s.attendancePath != nil
            return audit(s, scenario: scenario, plan: plan, report: report, attendance: given ? sheet : nil)
        }
        return Audit(submissions: results, attendanceFiles: files)
    }

    /// Audits one submission whose plan the verifier has checked (`report`); `attendance` nil
    /// when no sheet applies to it.
    public static func audit(_ s: AuditSubmission, scenario: Scenario, plan: Plan, report: VerificationReport,
                             attendance: [AttendanceRecord]?) -> SubmissionResult {
        let institutions = scenario.institutionIndex(), staff = scenario.staffIndex()

        // ATT.absence, for every stationed helper.
        var stations: [String: [PlanVillageHelper]] = [:]
        for h in plan.villageHelpers where h.form == .station { stations[h.person, default: []].append(h) }
        var absences: [Absence] = []
        if let attendance {
            var unjustified: [String: Set<Day>] = [:]
            for r in attendance where r.status == .unjustified { unjustified[r.person, default: []].insert(r.date) }
            for person in stations.keys.sorted() {
                let duties = stations[person]!
                let ranges = duties.compactMap { h -> DayRange? in
                    guard let a = Day(iso: h.start), let b = Day(iso: h.end) else { return nil }
                    return DayRange(from: a, to: b)
                }
                let dates = (unjustified[person] ?? []).filter { d in ranges.isEmpty || ranges.contains { $0.contains(d) } }
                absences.append(Absence(submission: s.name, person: person, name: staff[person]?.name ?? "",
                                        sender: duties[0].sender, villages: Set(duties.map(\.site)).sorted(),
                                        unjustifiedDates: dates.sorted()))
            }
        }
        let failedAbsence = Set(absences.filter { !$0.passed }.map(\.person))
        let present = Set((attendance ?? []).filter { $0.status == .present }.map(\.person))

        func row(_ c: RuleCheck, institution: String, name: String, tier: String, base: Int?, planned: Int, required: Int) -> Row {
            let people = Set(c.witnesses.filter { $0.kind == .person }.map(\.id)).sorted()
            let served = attendance == nil ? nil : people.filter { present.contains($0) && !failedAbsence.contains($0) }.count
            return Row(submission: s.name, institution: institution, name: name, tier: tier, rule: c.rule, base: base,
                       required: required, planned: planned, served: served, verifierVerdict: c.verdict, people: people,
                       clause: c.clause)
        }
        let quotas = quotaRules.flatMap { report.checks(rule: $0) }.map { c -> Row in
            let id = c.subject.id, inst = institutions[id]
            return row(c, institution: id, name: inst?.name ?? c.subject.name, tier: inst?.tier.rawValue ?? "",
                       base: c.quantity("technicalStaff") ?? c.quantity("medicalStaff") ?? 0,
                       planned: c.quantity("sent") ?? 0, required: c.quantity("required") ?? 0)
        }
        let totals = totalRules.flatMap { report.checks(rule: $0) }.map { c in
            row(c, institution: "", name: scenario.name, tier: "region", base: nil,
                planned: c.quantity("people") ?? 0, required: c.quantity("required") ?? 0)
        }
        let norms = normChecks(s.name, scenario)

        var failures = report.failures.map {
            Failure(submission: s.name, rule: $0.rule, instance: $0.instance, subject: $0.subject.name.isEmpty ? $0.subject.id : $0.subject.name,
                    finding: "\($0.arithmetic) — \($0.finding)", clause: $0.clause)
        }
        for r in quotas + totals where r.verifierVerdict == .pass && r.shortServed {
            failures.append(Failure(submission: s.name, rule: r.rule, instance: "\(r.rule)[\(r.institution.isEmpty ? scenario.name : r.institution)].served",
                                    subject: r.name, finding: "served \(r.served ?? 0) < required \(r.required) (planned \(r.planned)): people who served by the attendance sheet",
                                    clause: r.clause))
        }
        let attClause = RuleCatalogue.rule("ATT.absence")?.clause ?? ""
        for a in absences where !a.passed {
            failures.append(Failure(submission: s.name, rule: "ATT.absence", instance: "ATT.absence[\(a.person)]",
                                    subject: a.name.isEmpty ? a.person : "\(a.name) (\(a.person))",
                                    finding: "\(a.count) ≥ 2 dates with an unjustified absence from post: \(a.unjustifiedDates.map(\.iso).joined(separator: ", "))",
                                    clause: attClause))
        }
        // NORM results are reported, not failures: the scenario's village flags are only a proxy
        // for head counts of village doctors, too coarse to fail a hospital's submission on.
        return SubmissionResult(submission: s, scenario: scenario, report: report, quotas: quotas, totals: totals,
                                attendanceGiven: attendance != nil, absences: absences, norms: norms, failures: failures)
    }

    /// NORM.village-doctors and NORM.licensed per county, from the scenario's village flags.
    static func normChecks(_ submission: String, _ scenario: Scenario) -> [Norm] {
        let villages = scenario.institutions.filter { $0.tier == .village }
        let counties = scenario.counties.isEmpty
            ? Set(villages.compactMap(\.county)).sorted().map { County(id: $0, name: $0) }
            : scenario.counties.sorted { $0.id < $1.id }
        let doctorsClause = RuleCatalogue.rule("NORM.village-doctors")?.clause ?? ""
        let licensedClause = RuleCatalogue.rule("NORM.licensed")?.clause ?? ""
        var out: [Norm] = []
        for c in counties {
            let vs = villages.filter { $0.county == c.id }
            let population = vs.reduce(0) { $0 + max(0, $1.population ?? 0) }
            let withDoctor = vs.filter(\.villageDoctor)
            let doctors = withDoctor.count
            if population > 0 {
                let low = doctors * 1000 < population, high = doctors * 2000 > population * 3
                let text = low ? "\(doctors) · 1000 = \(doctors * 1000) < \(population) (below 1 per 1000)"
                    : high ? "\(doctors) · 1000 · 2 = \(doctors * 2000) > \(population) · 3 = \(population * 3) (above 1.5 per 1000)"
                    : "\(population) ≤ \(doctors) · 1000 = \(doctors * 1000) ≤ \(population) · 1.5 (1–1.5 per 1000)"
                out.append(Norm(submission: submission, rule: "NORM.village-doctors", county: c.id, countyName: c.name,
                                lhs: doctors * 1000, rhs: population, arithmetic: "village doctors \(text)",
                                verdict: low ? "fail" : high ? "high" : "pass", clause: doctorsClause))
            }
            if doctors > 0 {
                let licensed = withDoctor.filter(\.licensedPhysician).count
                let ok = licensed * 2 >= doctors
                out.append(Norm(submission: submission, rule: "NORM.licensed", county: c.id, countyName: c.name,
                                lhs: licensed * 100, rhs: doctors * 50,
                                arithmetic: "licensed \(licensed) of \(doctors) villages with a doctor: \(licensed) · 2 = \(licensed * 2) \(ok ? "≥" : "<") \(doctors)",
                                verdict: ok ? "pass" : "fail", clause: licensedClause))
            }
        }
        return out
    }
}
