import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import Testing
import GRDB
import Crypto
import Rota
@testable import RotaServer

/// A small HTTP client over URLSession for a server on loopback (no cookie jar: the session
/// cookie is sent by hand).
struct LoopbackClient: Sendable {
    let base: String
    let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.httpShouldSetCookies = false
        c.httpMaximumConnectionsPerHost = 16
        c.timeoutIntervalForRequest = 120
        return URLSession(configuration: c)
    }()

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> (Int, Data, [AnyHashable: Any]) {
        var r = URLRequest(url: URL(string: base + path)!)
        r.httpMethod = method
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        r.httpBody = body
        let (data, response) = try await session.data(for: r)
        let http = response as! HTTPURLResponse
        return (http.statusCode, data, http.allHeaderFields)
    }

    func login(_ user: String) async throws -> (cookie: String, csrf: String) {
        let (status, data, headers) = try await send("POST", "/api/login", headers: ["Content-Type": "application/json"],
                                                     body: try JSONEncoder().encode(["username": user, "password": PortalFixture.password]))
        #expect(status == 200)
        let cookie = String(((headers["Set-Cookie"] as? String) ?? "").split(separator: ";")[0])
        let csrf = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["csrf"] as? String ?? ""
        return (cookie, csrf)
    }
}

@Suite(.serialized) struct LoadAndRestartTests {
    /// 50 concurrent uploads (two accounts) and 2,000 dashboard reads on loopback: every upload
    /// stored once, under its own name, owner and bytes.
    @Test func concurrentUploadsAndDashboardReadsLoseAndMixNothing() async throws {
        let f = try PortalFixture { $0.uploadsPerMinute = 1000 }; defer { f.cleanUp() }
        try await f.portal.application(port: 0).test(.live) { client in
            let http = LoopbackClient(base: "http://127.0.0.1:\(try #require(client.port))")
            let municipal = try await http.login("municipal"), commission = try await http.login("commission")
            let count = 50
            let sent = try await withThrowingTaskGroup(of: (String, String, Int).self) { group in
                for i in 0..<count {
                    let who = i % 2 == 0 ? municipal : commission
                    let name = String(format: "load-%02d", i)
                    let upload = try PortalFixture.miniUpload(name: name, scenarioSuffix: "\n# upload \(i)\n")
                    group.addTask {
                        let (status, _, _) = try await http.send("POST", "/api/submissions",
                                                                 headers: ["Content-Type": "application/json", "Cookie": who.cookie, "X-CSRF-Token": who.csrf],
                                                                 body: try JSONEncoder().encode(upload))
                        return (name, sha256(upload.scenario!.content!), status)
                    }
                }
                var all: [(String, String, Int)] = []
                for try await r in group { all.append(r) }
                return all
            }
            #expect(sent.allSatisfy { $0.2 == 201 })
            let reads = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        var statuses: [Int] = []
                        for _ in 0..<125 {
                            let (status, data, _) = try await http.send("GET", "/api/dashboard", headers: ["Cookie": commission.cookie])
                            let figures = try JSONDecoder().decode(DashboardFigures.self, from: data)
                            statuses.append(status == 200 && figures.submissions.count == count ? 200 : -status)
                        }
                        return statuses
                    }
                }
                var all: [Int] = []
                for try await s in group { all += s }
                return all
            }
            #expect(reads.count == 2000 && reads.allSatisfy { $0 == 200 })
        }
        // Nothing lost or mixed: one version per name, its own bytes, its uploader's.
        let all = try f.store.versions(for: try #require(try f.store.accounts().first { $0.role == .commission }))
        #expect(all.count == 50)
        for v in all {
            let i = Int(v.submission.dropFirst(5))!
            #expect(v.version == 1)
            #expect(v.uploadedBy == (i % 2 == 0 ? "municipal" : "commission"))
            let text = try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml") + "\n# upload \(i)\n"
            #expect(v.digests["scenario"] == sha256(text))
        }
    }

    /// Kills a `rota serve` process (SIGKILL) while uploads are in flight: the database opens,
    /// passes SQLite's integrity check, every stored version's bytes match its digests, and a
    /// restarted server serves them.
    @Test func killingTheServerMidUploadLeavesTheDatabaseIntact() async throws {
        let (dir, db) = try freshPortalDatabase("restart")
        defer { try? FileManager.default.removeItem(at: dir) }

        let server = try ServerProcess(db: db)
        defer { server.kill() }
        let http = LoopbackClient(base: "http://127.0.0.1:\(server.port)")
        let c = try await http.login("commission")
        let headers = ["Content-Type": "application/json", "Cookie": c.cookie, "X-CSRF-Token": c.csrf]
        // One upload completes; then 12 go at once and the server is killed while they run.
        let (first, _, _) = try await http.send("POST", "/api/submissions", headers: headers, body: try JSONEncoder().encode(try PortalFixture.miniUpload(name: "before")))
        #expect(first == 201)
        let uploads = Task {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<12 {
                    let body = try JSONEncoder().encode(try PortalFixture.miniUpload(name: "during-\(i % 3)", scenarioSuffix: "\n# \(i)\n"))
                    group.addTask { (try? await http.send("POST", "/api/submissions", headers: headers, body: body).0) ?? -1 }
                }
                var codes: [Int] = []
                for try await code in group { codes.append(code) }
                return codes
            }
        }
        try await Task.sleep(for: .milliseconds(150))
        server.kill()
        let codes = try await uploads.value
        #expect(codes.contains(-1), "the kill came after every upload had finished: \(codes)")

        // The database after the kill.
        let store = try PortalStore(path: db)
        let integrity = try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let rows = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT s.name, v.number, v.scenario, v.plan, v.digests FROM version v JOIN submission s ON s.id = v.submissionId ORDER BY s.name, v.number")
        }
        #expect(rows.count >= 1 + codes.filter { $0 == 201 }.count)
        var numbers: [String: [Int]] = [:]
        for r in rows {
            let digests = try JSONDecoder().decode([String: String].self, from: Data((r["digests"] as String).utf8))
            let scenario: Data = r["scenario"], plan: Data = r["plan"]
            #expect(digests["scenario"] == SHA256.hash(data: scenario).map { String(format: "%02x", $0) }.joined())
            #expect(digests["plan"] == SHA256.hash(data: plan).map { String(format: "%02x", $0) }.joined())
            numbers[r["name"], default: []].append(r["number"])
        }
        #expect(numbers.values.allSatisfy { $0 == Array(1...$0.count) })

        // A restarted server serves what was stored.
        let again = try ServerProcess(db: db)
        defer { again.kill() }
        let http2 = LoopbackClient(base: "http://127.0.0.1:\(again.port)")
        let c2 = try await http2.login("commission")
        let (status, data, _) = try await http2.send("GET", "/api/submissions", headers: ["Cookie": c2.cookie])
        #expect(status == 200)
        #expect(try JSONDecoder().decode([VersionSummary].self, from: data).count == rows.count)
    }
}

/// `rota serve` as a child process on a free loopback port.
/// A fresh portal database in its own temporary folder, with the commission account made by
/// `rota serve --create-commission` (remove `dir` when done).
func freshPortalDatabase(_ name: String) throws -> (dir: URL, db: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let db = dir.appendingPathComponent("portal.sqlite").path
    #expect(try runRota(["serve", "--db", db, "--create-commission", "commission", "--password", PortalFixture.password]) == 0)
    return (dir, db)
}

final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let output: URL

    init(db: String, extra: [String] = []) throws {
        output = URL(fileURLWithPath: db + ".\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = rotaExecutable
        process.arguments = ["serve", "--db", db, "--port", "0", "--host", "127.0.0.1", "--plain-http-cookies"] + extra
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var found: Int?
        for _ in 0..<600 where found == nil {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("rota portal on http://") }),
               let p = line.split(separator: ":").dropFirst(2).first.flatMap({ Int($0.prefix { $0.isNumber }) }) {
                found = p
            } else if !process.isRunning { break } else { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let found else {
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
            throw PortalError(status: .internalServerError, message: "rota serve did not start: \((try? String(contentsOf: output, encoding: .utf8)) ?? "")")
        }
        port = found
    }

    /// SIGKILL, as a crash or a power cut would stop it; waits for the process to end.
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: output)
    }
}
