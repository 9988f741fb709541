import Foundation
import Rota

extension PortalStore {
    /// Loads a `rota audit` folder (`AuditInput`'s layouts) as submissions by `account`: each
    /// submission is checked and stored like an upload, and the region's and each submission's
    /// attendance sheets are recorded. Returns the stored versions.
    @discardableResult
    public func load(auditFolder directory: String, by account: Account) throws -> [VersionSummary] {
        let subs = try AuditInput.submissions(in: directory)
        var stored: [VersionSummary] = []
        for s in subs {
            var files: [UploadedFile] = []
            for (part, path) in [("scenario", s.scenarioPath), ("plan", s.planPath), ("rota", s.rotaPath)] {
                guard let path else { continue }
                files.append(UploadedFile(part: part, filename: (path as NSString).lastPathComponent,
                                          data: try Data(contentsOf: URL(fileURLWithPath: path))))
            }
            let check = try SubmissionCheck.run(files)
            stored.append(try addVersion(name: s.name, by: account, files: files, check: check, institutions: []))
        }
        var sheets: [(String, [AttendanceRecord])] = []
        if let region = AuditInput.regionAttendance(in: directory, explicit: nil) {
            let rows = try AttendanceCSV.read(path: region)
            for s in subs {
                let staff = Set(try ScenarioReader.read(path: s.scenarioPath).staff.map(\.id))
                sheets.append((s.name, rows.filter { $0.submission == s.name || ($0.submission == nil && staff.contains($0.person)) }))
            }
        }
        for s in subs { if let p = s.attendancePath { sheets.append((s.name, try AttendanceCSV.read(path: p))) } }
        for (name, rows) in sheets where !rows.isEmpty {
            _ = try recordAttendance(rows.map { var r = $0; r.submission = nil; return r }, file: "attendance.csv", submission: name, by: account)
        }
        return stored
    }
}
