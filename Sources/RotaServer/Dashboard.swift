import Foundation
import GRDB
import Rota

/// The commission's view of the region: `rota audit` run on the latest version of every
/// submission and the recorded attendance.
///
/// Discussion: the dashboard does not recompute anything itself. It writes the latest version
/// of each submission (scenario.yaml, plan.json, rota.csv when given) into a private folder in
/// `rota audit`'s subfolder layout, with the portal's attendance as the region's
/// `attendance.csv`, and runs `AuditInput.submissions` and `Audit.run` on it — the very calls
/// `rota audit` makes. So every figure, failure and export equals `rota audit`'s on the same
/// files. The result is kept until a version or an attendance record is added.
extension PortalStore {
    /// The audit of the latest versions, or nil when nothing was submitted yet.
    public func dashboardAudit() throws -> Audit? {
        let generation = try pool.read { db in
            [try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM version") ?? 0,
             try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM attendance") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance") ?? 0]
        }
        if let cached = auditCache.get(generation) { return cached }
        let latest = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.name, v.scenario, v.plan, v.rota FROM version v JOIN submission s ON s.id = v.submissionId
                WHERE v.number = (SELECT MAX(number) FROM version w WHERE w.submissionId = v.submissionId)
                ORDER BY s.name
                """)
        }
        guard !latest.isEmpty else { return nil }
        let attendance = try attendanceCSV()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-dashboard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for row in latest {
            let sub = dir.appendingPathComponent(row[0] as String)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try (row[1] as Data).write(to: sub.appendingPathComponent("scenario.yaml"))
            try (row[2] as Data).write(to: sub.appendingPathComponent("plan.json"))
            if let rota = row[3] as Data? { try rota.write(to: sub.appendingPathComponent("rota.csv")) }
        }
        if let attendance { try Data(attendance.utf8).write(to: dir.appendingPathComponent("attendance.csv")) }
        let audit = try Audit.run(submissions: try AuditInput.submissions(in: dir.path),
                                  regionAttendance: AuditInput.regionAttendance(in: dir.path, explicit: nil))
        // The page names the portal's records, not the private folder they were written to.
        var named = audit
        named.attendanceFiles = audit.attendanceFiles.map { _ in "attendance recorded in the portal" }
        auditCache.set(generation, named)
        return named
    }
}

/// The last dashboard audit and the database generation it was made from.
final class AuditCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entry: ([Int], Audit)?
    func get(_ generation: [Int]) -> Audit? { lock.withLock { entry?.0 == generation ? entry?.1 : nil } }
    func set(_ generation: [Int], _ audit: Audit) { lock.withLock { entry = (generation, audit) } }
}
