import Foundation
import GRDB
import Rota

/// Attendance kept by the portal: one status per submission, person and half-day (the latest
/// record of a half-day stands, as a corrected paper sheet would), read and checked by the
/// audit's own `AttendanceCSV` reader.
extension PortalStore {
    /// Records the rows of an attendance CSV (`AttendanceCSV`'s columns; `submission` optional
    /// and, when given, must be `name`) for submission `name`. Every row's person must be a
    /// staff member of the submission's latest scenario. The submission's hospital and the
    /// commission record anyone; a receiving site (a hospital, township centre or village the
    /// latest plan posts people to) records only the people posted to it. Returns the ATT.absence results of the
    /// submission's stationed helpers after recording, so a second unjustified date is flagged
    /// as it happens.
    public func recordAttendance(csv: String, file: String, submission name: String, by account: Account) throws -> [Audit.Absence] {
        guard let latest = try latestScenario(of: name) else { throw StoreRefusal.notFound("no submission \(name)") }
        let owner = account.role == .commission || latest.institution == account.institution
        guard try owner || !peoplePosted(to: account.institution ?? "", submission: name).isEmpty else {
            throw StoreRefusal.forbidden("submission \(name) belongs to another hospital")
        }
        let rows: [AttendanceRecord]
        do { rows = try AttendanceCSV.parse(csv, file: file) } catch { throw UploadErrors(problems: error.diagnostics.map(UploadProblem.init)) }
        return try recordAttendance(rows, file: file, submission: name, by: account)
    }

    /// Records attendance rows already read for submission `name` (see the CSV variant).
    public func recordAttendance(_ rows: [AttendanceRecord], file: String, submission name: String, by account: Account) throws -> [Audit.Absence] {
        guard let latest = try latestScenario(of: name) else { throw StoreRefusal.notFound("no submission \(name)") }
        if account.role != .commission, latest.institution != account.institution {
            // A receiving site records the people posted to it, and no one else.
            let posted = try peoplePosted(to: account.institution ?? "", submission: name)
            guard !posted.isEmpty else { throw StoreRefusal.forbidden("submission \(name) belongs to another hospital") }
            let others = rows.filter { !posted.contains($0.person) }
            guard others.isEmpty else {
                throw StoreRefusal.forbidden("\(file): " + others.map { "line \($0.line): \($0.person)" }.joined(separator: ", ")
                                             + ": not posted to \(account.institution ?? "") in submission \(name); a receiving site records only the people posted to it")
            }
        }
        let scenario = try ScenarioReader.read(yaml: String(decoding: latest.scenario, as: UTF8.self), fileName: "scenario.yaml", baseDirectory: "/nonexistent")
        let staff = Set(scenario.staff.map(\.id))
        var problems: [UploadProblem] = []
        for r in rows {
            if let s = r.submission, s != name {
                problems.append(UploadProblem(file: file, line: r.line, path: "submission", message: "row of submission \"\(s)\"", expected: "\(name) or nothing"))
            } else if !staff.contains(r.person) {
                problems.append(UploadProblem(file: file, line: r.line, path: "person", message: "unknown person \"\(r.person)\" in submission \(name)",
                                              expected: "a staff id of its scenario"))
            }
        }
        guard problems.isEmpty else { throw UploadErrors(problems: problems) }
        let now = Self.now()
        try pool.write { db in
            guard let sid = try Int64.fetchOne(db, sql: "SELECT id FROM submission WHERE name = ?", arguments: [name]) else { return }
            for r in rows {
                try db.execute(sql: "INSERT INTO attendance (submissionId, person, date, half, status, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [sid, r.person, r.date.iso, r.half, r.status.rawValue, account.username, now])
            }
        }
        return try absences(of: name, scenario: scenario)
    }

    /// The ATT.absence results of submission `name` from the recorded attendance (the audit's
    /// own reading, `Audit.audit`).
    func absences(of name: String, scenario: Scenario) throws -> [Audit.Absence] {
        let region = try dashboardAudit()
        return region?.submissions.first { $0.submission.name == name }?.absences ?? []
    }

    /// The current ATT.absence results of every stationed helper of the submissions `account`
    /// may see (a hospital: its own, and the helpers posted to it in others' submissions), from
    /// the audit of the recorded attendance.
    public func absences(for account: Account) throws -> [Audit.Absence] {
        let own = Set(try versions(for: account).map(\.submission))
        let received = try receivingSubmissions(for: account)
        return try dashboardAudit()?.submissions.flatMap { s -> [Audit.Absence] in
            if own.contains(s.submission.name) { return s.absences }
            guard let posted = received[s.submission.name] else { return [] }
            return s.absences.filter { posted.contains($0.person) }
        } ?? []
    }

    /// The people of submission `name`'s latest plan posted to `institution` (a receiving site):
    /// the members of the teams it receives, the helpers stationed at it or at one of its
    /// villages, and the physician of a TCM clinic at it.
    func peoplePosted(to institution: String, submission name: String) throws -> Set<String> {
        guard !institution.isEmpty, let row = try pool.read({ db in
            try Row.fetchOne(db, sql: """
                SELECT v.scenario, v.plan FROM version v JOIN submission s ON s.id = v.submissionId
                WHERE s.name = ? ORDER BY v.number DESC LIMIT 1
                """, arguments: [name])
        }) else { return [] }
        guard let scenario = try? ScenarioReader.read(yaml: String(decoding: row[0] as Data, as: UTF8.self), fileName: "scenario.yaml", baseDirectory: "/nonexistent"),
              let plan = try? PlanReader.decode(row[1] as Data, file: "plan.json") else { return [] }
        let villagesOf = Set(scenario.institutions.filter { $0.township == institution }.map(\.id))
        var people = Set(plan.teams.filter { $0.recipient == institution }.flatMap(\.members))
        people.formUnion(plan.villageHelpers.filter { $0.site == institution || villagesOf.contains($0.site) }.map(\.person))
        people.formUnion(plan.tcmClinics.filter { $0.centre == institution }.map(\.physician))
        return people
    }

    /// The submissions of other hospitals that post people to `account`'s institution, with
    /// those people (empty for the commission, which sees everything anyway).
    func receivingSubmissions(for account: Account) throws -> [String: Set<String>] {
        guard account.role == .hospital, let institution = account.institution else { return [:] }
        let others = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM submission WHERE institution <> ? ORDER BY name", arguments: [institution])
        }
        var out: [String: Set<String>] = [:]
        for name in others {
            let posted = try peoplePosted(to: institution, submission: name)
            if !posted.isEmpty { out[name] = posted }
        }
        return out
    }

    /// The whole attendance table as one region sheet (columns submission, person, date, half,
    /// status), sorted; nil when nothing was recorded.
    func attendanceCSV(for account: Account? = nil) throws -> String? {
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.name, a.person, a.date, a.half, a.status FROM attendance a JOIN submission s ON s.id = a.submissionId
                \(account?.role == .hospital ? "WHERE s.institution = ?" : "")
                ORDER BY s.name, a.person, a.date, a.half
                """, arguments: account?.role == .hospital ? [account?.institution ?? ""] : [])
        }
        guard !rows.isEmpty else { return nil }
        return "submission,person,date,half,status\n" + rows.map { r in
            (0..<5).map { i -> String in
                let v: String = r[i]
                return v.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}

extension UploadProblem {
    init(_ d: Diagnostic) {
        self.init(file: (d.file as NSString).lastPathComponent, line: d.line, path: d.path, message: d.message, expected: d.expected)
    }
}
