import Foundation
import GRDB

/// The portal's data: accounts, sessions, submissions with every version, attendance.
///
/// Discussion: one SQLite file through GRDB's `DatabasePool` (WAL mode: readers never wait for
/// the writer, and a process killed mid-write leaves the last committed state). The schema is
/// versioned with `DatabaseMigrator`: a migration, once shipped, is never edited; a change is a
/// new migration. Submission versions are insert-only: the table has triggers that refuse any
/// UPDATE or DELETE, so a correction is always a new version.
///
/// ```swift
/// let store = try PortalStore(path: "rota-portal.sqlite")
/// try store.createAccount(username: "commission", password: "…", role: .commission, institution: nil)
/// ```
public final class PortalStore: Sendable {
    public let pool: DatabasePool
    /// The folder beside the database where dashboards materialise submissions for the audit.
    public let path: String
    let auditCache = AuditCache()

    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        self.path = path
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(pool)
    }

    /// The schema's versions, in order.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: accounts, sessions, submissions, versions, attendance") { db in
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique()
                t.column("role", .text).notNull()            // commission | hospital
                t.column("institution", .text)                // hospital accounts only
                t.column("passwordHash", .text).notNull()     // pbkdf2-sha256$iterations$salt$hash
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "session") { t in
                t.column("token", .text).primaryKey()         // SHA-256 of the cookie value
                t.column("accountId", .integer).notNull().references("account", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expiresAt", .double).notNull()
            }
            try db.create(table: "submission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("institution", .text).notNull()      // the owning hospital
                t.column("county", .text).notNull().defaults(to: "")
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "version") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("submissionId", .integer).notNull().references("submission")
                t.column("number", .integer).notNull()
                t.column("uploadedBy", .text).notNull()
                t.column("uploadedAt", .text).notNull()
                t.column("scenario", .blob).notNull()
                t.column("plan", .blob).notNull()
                t.column("rota", .blob)
                t.column("proof", .blob)
                t.column("signature", .blob)
                t.column("digests", .text).notNull()          // JSON: file → SHA-256 hex
                t.column("passed", .boolean).notNull()
                t.column("verdict", .text).notNull()          // JSON: SubmissionVerdict
                t.uniqueKey(["submissionId", "number"])
            }
            try db.execute(sql: """
                CREATE TRIGGER version_no_update BEFORE UPDATE ON version
                BEGIN SELECT RAISE(ABORT, 'submission versions are immutable'); END;
                CREATE TRIGGER version_no_delete BEFORE DELETE ON version
                BEGIN SELECT RAISE(ABORT, 'submission versions are immutable'); END;
                """)
            try db.create(table: "attendance") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("submissionId", .integer).notNull().references("submission")
                t.column("person", .text).notNull()
                t.column("date", .text).notNull()
                t.column("half", .text).notNull()
                t.column("status", .text).notNull()
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.uniqueKey(["submissionId", "person", "date", "half"], onConflict: .replace)
            }
        }
        return m
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// A portal account: the commission, or one hospital (an institution id of the scenarios).
public struct Account: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public enum Role: String, Codable, Sendable { case commission, hospital }
    public var id: Int64?
    public var username: String
    public var role: Role
    public var institution: String?
    public var passwordHash: String
    public var createdAt: String
    public static let databaseTableName = "account"
}

public struct AccountError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension PortalStore {
    /// Creates an account; the password is stored only as a slow hash.
    @discardableResult
    public func createAccount(username: String, password: String, role: Account.Role, institution: String?) throws -> Account {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) }) else {
            throw AccountError(description: "username \"\(username)\": 1 to 64 letters, digits, - _ . @ expected")
        }
        guard password.count >= 8 else { throw AccountError(description: "password: at least 8 characters expected") }
        if role == .hospital, (institution ?? "").isEmpty {
            throw AccountError(description: "a hospital account needs an institution id")
        }
        let account = Account(id: nil, username: name, role: role, institution: role == .hospital ? institution : nil,
                              passwordHash: PasswordHash.make(password), createdAt: Self.now())
        do {
            try pool.write { db in try account.insert(db) }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
            throw AccountError(description: "username \"\(name)\" is taken")
        }
        return account
    }

    public func accounts() throws -> [Account] {
        try pool.read { db in try Account.order(Column("username")).fetchAll(db) }
    }

    /// The account when the password is right, else nil (same work either way).
    public func authenticate(username: String, password: String) throws -> Account? {
        let account = try pool.read { db in try Account.filter(Column("username") == username).fetchOne(db) }
        guard let account else { _ = PasswordHash.make(password); return nil }
        return PasswordHash.check(password, against: account.passwordHash) ? account : nil
    }
}
