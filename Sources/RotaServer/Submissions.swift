import Foundation
import GRDB
import Rota

/// A stored submission version, without its file bytes.
public struct VersionSummary: Codable, Sendable, Hashable {
    public var submission: String
    public var institution: String
    public var version: Int
    public var uploadedBy: String
    public var uploadedAt: String
    public var digests: [String: String]
    public var passed: Bool
    public var verdict: SubmissionVerdict
}

/// Why a store operation was refused: not found (404), forbidden (403) or conflicting (409).
public enum StoreRefusal: Error, Sendable, Equatable {
    case notFound(String)
    case forbidden(String)
    case conflict(String)
}

extension PortalStore {
    /// Stores a checked upload as the next version of `name`. A hospital may only add versions
    /// to its own submissions (the first upload of a name makes it the hospital's); the scenario
    /// must list the hospital's institution. Nothing is ever overwritten.
    public func addVersion(name: String, by account: Account, files: [UploadedFile], check: SubmissionCheck.Result,
                           institutions: Set<String>) throws -> VersionSummary {
        let owner: String
        if account.role == .hospital {
            owner = account.institution ?? ""
            guard institutions.contains(owner) else {
                throw StoreRefusal.forbidden("the scenario does not list your institution \(owner)")
            }
        } else { owner = "" }
        let digests = String(decoding: try JSONEncoder.sorted.encode(check.digests), as: UTF8.self)
        let verdict = String(decoding: try JSONEncoder.sorted.encode(check.verdict), as: UTF8.self)
        func data(_ part: String) -> Data? { files.first { $0.part == part }?.data }
        let now = Self.now()
        return try pool.write { db -> VersionSummary in
            var sid: Int64, institution: String
            if let row = try Row.fetchOne(db, sql: "SELECT id, institution FROM submission WHERE name = ?", arguments: [name]) {
                sid = row["id"]; institution = row["institution"]
                if account.role == .hospital, institution != owner {
                    throw StoreRefusal.forbidden("submission \(name) belongs to another hospital")
                }
            } else {
                institution = owner.isEmpty ? "commission" : owner
                try db.execute(sql: "INSERT INTO submission (name, institution, county, createdAt) VALUES (?, ?, ?, ?)",
                               arguments: [name, institution, check.verdict.counties.joined(separator: ","), now])
                sid = db.lastInsertedRowID
            }
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM version WHERE submissionId = ?", arguments: [sid]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO version (submissionId, number, uploadedBy, uploadedAt, scenario, plan, rota, proof, signature, digests, passed, verdict)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sid, number, account.username, now, data("scenario"), data("plan"), data("rota"), data("proof"),
                                 data("signature"), digests, check.verdict.passed, verdict])
            return VersionSummary(submission: name, institution: institution, version: number, uploadedBy: account.username,
                                  uploadedAt: now, digests: check.digests, passed: check.verdict.passed, verdict: check.verdict)
        }
    }

    static let summarySQL = """
        SELECT s.name, s.institution, v.number, v.uploadedBy, v.uploadedAt, v.digests, v.passed, v.verdict
        FROM version v JOIN submission s ON s.id = v.submissionId
        """

    static func summary(_ row: Row) throws -> VersionSummary {
        let decoder = JSONDecoder()
        return VersionSummary(submission: row[0], institution: row[1], version: row[2], uploadedBy: row[3], uploadedAt: row[4],
                              digests: try decoder.decode([String: String].self, from: Data((row[5] as String).utf8)),
                              passed: row[6],
                              verdict: try decoder.decode(SubmissionVerdict.self, from: Data((row[7] as String).utf8)))
    }

    /// Every version `account` may see (a hospital: its own), newest first per submission.
    public func versions(for account: Account) throws -> [VersionSummary] {
        try pool.read { db in
            let rows = account.role == .commission
                ? try Row.fetchAll(db, sql: Self.summarySQL + " ORDER BY s.name, v.number DESC")
                : try Row.fetchAll(db, sql: Self.summarySQL + " WHERE s.institution = ? ORDER BY s.name, v.number DESC",
                                   arguments: [account.institution ?? ""])
            return try rows.map(Self.summary)
        }
    }

    /// The latest version of each submission `account` may see, by name.
    public func latestVersions(for account: Account) throws -> [VersionSummary] {
        var seen: Set<String> = []
        return try versions(for: account).filter { seen.insert($0.submission).inserted }
    }

    /// One version, when `account` may see it.
    public func version(name: String, number: Int, for account: Account) throws -> VersionSummary {
        let found = try pool.read { db in
            try Row.fetchOne(db, sql: Self.summarySQL + " WHERE s.name = ? AND v.number = ?", arguments: [name, number]).map(Self.summary)
        }
        guard let found else { throw StoreRefusal.notFound("no version \(number) of submission \(name)") }
        guard account.role == .commission || found.institution == account.institution else {
            throw StoreRefusal.forbidden("submission \(name) belongs to another hospital")
        }
        return found
    }

    /// One stored file of a version (its exact uploaded bytes).
    public func file(name: String, number: Int, part: String, for account: Account) throws -> Data {
        _ = try version(name: name, number: number, for: account)
        guard SubmissionCheck.parts.contains(part) else { throw StoreRefusal.notFound("no part \(part)") }
        let data = try pool.read { db in
            try Data.fetchOne(db, sql: "SELECT v.\(part) FROM version v JOIN submission s ON s.id = v.submissionId WHERE s.name = ? AND v.number = ?",
                              arguments: [name, number])
        }
        guard let data else { throw StoreRefusal.notFound("version \(number) of \(name) has no \(part)") }
        return data
    }

    /// The submission's owner and its latest scenario's staff ids, for attendance checks.
    func latestScenario(of name: String) throws -> (institution: String, scenario: Data)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.institution, v.scenario FROM version v JOIN submission s ON s.id = v.submissionId
                WHERE s.name = ? ORDER BY v.number DESC LIMIT 1
                """, arguments: [name]).map { ($0[0], $0[1]) }
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e
    }
}
