import Foundation
import GRDB
import Rota

/// Attendance kept by the portal: one status per submission, person and half-day (the latest
/// record of a half-day stands, as a corrected paper sheet would), read and checked by the
/// audit's own `AttendanceCSV` reader.
extension PortalStore {
    /// Records the rows of an attendance CSV (`AttendanceCSV`'s columns; `submission` optional
    /// and, when given, must be `name`) for submission `name`. Every row's person must be a
    /// staff member of the submission's latest scenario. Returns the ATT.absence results of the
    /// submission's stationed helpers after recording, so a second unjustified date is flagged
    /// as it happens.
    public func recordAttendance(csv: String, file: String, submission name: String, by account: Account) throws -> [Audit.Absence] {
        guard let latest = try latestScenario(of: name) else { throw StoreRefusal.notFound("no submission \(name)") }
        guard account.role == .commission || latest.institution == account.institution else {
            throw StoreRefusal.forbidden("submission \(name) belongs to another hospital")
        }
        let rows: [AttendanceRecord]
        do { rows = try AttendanceCSV.parse(csv, file: file) } catch { throw UploadErrors(problems: error.diagnostics.map(UploadProblem.init)) }
        return try recordAttendance(rows, file: file, submission: name, by: account)
    }

    /// Records attendance rows already read for submission `name` (see the CSV variant).
    public func recordAttendance(_ rows: [AttendanceRecord], file: String, submission name: String, by account: Account) throws -> [Audit.Absence] {
        guard let latest = try latestScenario(of: name) else { throw StoreRefusal.notFound("no submission \(name)") }
        guard account.role == .commission || latest.institution == account.institution else {
            throw StoreRefusal.forbidden("submission \(name) belongs to another hospital")
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
    /// may see (a hospital: its own), from the audit of the recorded attendance.
    public func absences(for account: Account) throws -> [Audit.Absence] {
        let names = Set(try versions(for: account).map(\.submission))
        return try dashboardAudit()?.submissions.filter { names.contains($0.submission.name) }.flatMap(\.absences) ?? []
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
