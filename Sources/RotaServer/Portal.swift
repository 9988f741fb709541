import Foundation
import Crypto
import Hummingbird
import HTTPTypes
import NIOCore
import GRDB
import Rota

/// Settings of a portal instance.
public struct PortalConfiguration: Sendable {
    /// Largest request body accepted (413 beyond).
    public var maxBodyBytes = 32 << 20
    /// Uploads (submissions and attendance) per account per minute (429 beyond).
    public var uploadsPerMinute = 120
    /// Log-in attempts per username per minute.
    public var loginsPerMinute = 10
    /// Session cookies carry `Secure` (browsers keep them on https and on localhost only).
    public var secureCookies = true
    /// A session's lifetime.
    public var sessionSeconds: Double = 8 * 3600
    public init() {}
}

/// The commission's web portal: hospitals submit their scenario, plan, rota and proof, which are
/// checked on upload by the independent verifier and check-proof; attendance is recorded per
/// person and half-day; the commission sees the region's audit.
///
/// Discussion: every page has a JSON twin under `/api/` (see `openapi.yaml`). Roles: the
/// commission sees and audits everything and creates accounts; a hospital account (tied to an
/// institution id) submits, records attendance and sees only its own submissions. Sessions are
/// random 256-bit tokens in an HttpOnly, SameSite=Strict (and Secure) cookie, stored server-side
/// as their SHA-256; every state-changing request other than logging in carries the session's
/// CSRF token (form field `csrf`, or header `X-CSRF-Token`).
///
/// ```swift
/// let portal = Portal(store: try PortalStore(path: "portal.sqlite"))
/// try await portal.application(host: "127.0.0.1", port: 8080).runService()
/// ```
public struct Portal: Sendable {
    public let store: PortalStore
    public let configuration: PortalConfiguration
    let limiter = RateLimiter()

    public static let cookieName = "rota_session"
    /// The cookie that carries the log-in form's CSRF token (set with the form).
    public static let loginCookieName = "rota_login"

    public init(store: PortalStore, configuration: PortalConfiguration = PortalConfiguration()) {
        self.store = store; self.configuration = configuration
    }

    /// The application bound to `host:port` (port 0: any free port).
    public func application(host: String = "127.0.0.1", port: Int = 8080,
                            onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "rota"),
                    onServerRunning: onServerRunning)
    }

    /// Every route `router()` serves, as `METHOD path` (the OpenAPI test checks each is described).
    public static let routes: [String] = [
        "GET /", "GET /health", "GET /openapi.yaml", "GET /login", "POST /login", "POST /logout",
        "GET /submissions", "POST /submissions", "GET /submissions/{name}/{version}", "GET /submissions/{name}/{version}/{part}",
        "GET /attendance", "POST /attendance", "GET /dashboard", "GET /summary", "GET /summary.csv",
        "GET /accounts", "POST /accounts",
        "POST /api/login", "POST /api/logout", "GET /api/submissions", "POST /api/submissions",
        "GET /api/submissions/{name}/{version}", "POST /api/attendance", "GET /api/dashboard", "GET /api/accounts", "POST /api/accounts",
    ]

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let p = self
        func route(_ method: HTTPRequest.Method, _ path: RouterPath, api: Bool,
                   _ handler: @escaping @Sendable (inout Request, BasicRequestContext) async throws -> Response) {
            router.on(path, method: method) { request, context -> Response in
                var request = request
                do {
                    if method == .post { try p.checkOrigin(request) }
                    return try await handler(&request, context)
                } catch { return p.errorResponse(error, api: api, request: request) }
            }
        }
        route(.get, "/health", api: true) { _, _ in .json(["status": "ok"]) }
        route(.get, "/openapi.yaml", api: true) { _, _ in .text(Portal.openAPI, type: "application/yaml; charset=utf-8") }
        route(.get, "/", api: false) { req, _ in
            guard let s = try p.session(req) else { return .redirect("/login") }
            return .redirect(s.account.role == .commission ? "/dashboard" : "/submissions")
        }
        route(.get, "/login", api: false) { _, _ in p.loginForm(error: nil, status: .ok) }
        route(.post, "/login", api: false) { req, _ in
            let form = FormDecoding.urlEncoded(try await p.body(&req))
            // Log-in CSRF: the form's token must be the one its page set in the log-in cookie.
            guard let expected = req.cookies[Self.loginCookieName]?.value, !expected.isEmpty, p.sameToken(form["csrf"], expected) else {
                return p.loginForm(error: "The log-in form had expired or came from another site; log in again.", status: .forbidden)
            }
            guard let (cookie, account) = try await p.logIn(form["username"] ?? "", form["password"] ?? "") else {
                return p.loginForm(error: "Wrong username or password.", status: .unauthorized)
            }
            var r = Response.redirect(account.role == .commission ? "/dashboard" : "/submissions")
            r.setCookie(cookie)
            return r
        }
        route(.post, "/logout", api: false) { req, _ in
            let s = try p.requireSession(req)
            let form = FormDecoding.urlEncoded(try await p.body(&req))
            try p.checkCSRF(s, form["csrf"])
            try p.logOut(req)
            var r = Response.redirect("/login")
            r.setCookie(p.clearedCookie())
            return r
        }
        route(.post, "/api/login", api: true) { req, _ in
            // JSON only: a cross-site form cannot send application/json without a CORS preflight.
            guard (req.headers[.contentType] ?? "").lowercased().hasPrefix("application/json") else {
                throw PortalError(status: .unsupportedMediaType, message: "Content-Type: application/json expected")
            }
            struct Body: Decodable { var username: String; var password: String }
            let body = try p.decode(Body.self, try await p.body(&req))
            guard let (cookie, account) = try await p.logIn(body.username, body.password) else {
                throw PortalError(status: .unauthorized, message: "wrong username or password")
            }
            let csrf = try p.session(cookie.value)?.csrf ?? ""
            var r = Response.json(LoginAnswer(username: account.username, role: account.role.rawValue, institution: account.institution, csrf: csrf))
            r.setCookie(cookie)
            return r
        }
        route(.post, "/api/logout", api: true) { req, _ in
            let s = try p.requireSession(req)
            try p.checkCSRF(s, req.headers[HTTPField.Name("X-CSRF-Token")!])
            try p.logOut(req)
            var r = Response.json(["status": "logged out"])
            r.setCookie(p.clearedCookie())
            return r
        }

        // Submissions.
        route(.get, "/submissions", api: false) { req, _ in
            let s = try p.requireSession(req)
            return .html(Pages.submissions(s, versions: try p.store.versions(for: s.account), absences: try p.store.absences(for: s.account)))
        }
        route(.post, "/submissions", api: false) { req, _ in
            let s = try p.requireSession(req)
            let parts = try p.multipart(try await p.body(&req), req)
            try p.checkCSRF(s, parts.first { $0.name == "csrf" }?.text)
            let name = parts.first { $0.name == "name" }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let files = parts.filter { $0.filename != nil && !$0.data.isEmpty }.map {
                UploadedFile(part: $0.name, filename: $0.filename ?? $0.name, data: $0.data)
            }
            let v = try await p.submit(name: name, files: files, session: s)
            return .redirect("/submissions/\(v.submission.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? v.submission)/\(v.version)")
        }
        route(.get, "/submissions/:name/:version", api: false) { req, ctx in
            let s = try p.requireSession(req)
            let v = try p.store.version(name: try ctx.parameters.require("name"), number: try ctx.parameters.require("version", as: Int.self), for: s.account)
            return .html(Pages.version(s, v))
        }
        route(.get, "/submissions/:name/:version/:part", api: false) { req, ctx in
            let s = try p.requireSession(req)
            let part = try ctx.parameters.require("part")
            let data = try p.store.file(name: try ctx.parameters.require("name"), number: try ctx.parameters.require("version", as: Int.self),
                                        part: part, for: s.account)
            return Response(status: .ok, headers: [.contentType: "application/octet-stream", .contentDisposition: "attachment; filename=\"\(part)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        route(.get, "/api/submissions", api: true) { req, _ in
            let s = try p.requireSession(req)
            return .json(try p.store.versions(for: s.account))
        }
        route(.post, "/api/submissions", api: true) { req, _ in
            let s = try p.requireSession(req)
            try p.checkCSRF(s, req.headers[HTTPField.Name("X-CSRF-Token")!])
            let body = try p.decode(SubmissionUpload.self, try await p.body(&req))
            var files: [UploadedFile] = [], problems: [UploadProblem] = []
            for (part, f) in [("scenario", body.scenario), ("plan", body.plan), ("rota", body.rota), ("proof", body.proof), ("signature", body.signature)] {
                guard let f else { continue }
                guard let data = f.data else {
                    let both = (f.content == nil) == (f.contentBase64 == nil)
                    problems.append(UploadProblem(file: f.filename ?? part, line: 1, path: "\(part).\(both ? "content" : "contentBase64")",
                                                  message: both ? "the file is given in both content and contentBase64, or in neither" : "not valid base64",
                                                  expected: "the file's text in content, or its bytes in base64 in contentBase64"))
                    continue
                }
                files.append(UploadedFile(part: part, filename: f.filename ?? part, data: data))
            }
            guard problems.isEmpty else { throw UploadErrors(problems: problems) }
            return .json(try await p.submit(name: body.name, files: files, session: s), status: .created)
        }
        route(.get, "/api/submissions/:name/:version", api: true) { req, ctx in
            let s = try p.requireSession(req)
            return .json(try p.store.version(name: try ctx.parameters.require("name"), number: try ctx.parameters.require("version", as: Int.self), for: s.account))
        }

        // Attendance.
        route(.get, "/attendance", api: false) { req, _ in
            let s = try p.requireSession(req)
            return .html(Pages.attendance(s, submissions: try p.attendanceSubmissions(s.account), status: try p.store.absences(for: s.account), recorded: nil))
        }
        route(.post, "/attendance", api: false) { req, _ in
            let s = try p.requireSession(req)
            let parts = try p.multipart(try await p.body(&req), req)
            func field(_ n: String) -> String { parts.first { $0.name == n }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            try p.checkCSRF(s, field("csrf"))
            let file = parts.first { $0.name == "file" && !$0.data.isEmpty }
            let csv: String, fileName: String
            if let file { csv = file.text; fileName = file.filename ?? "attendance.csv" } else {
                csv = "person,date,half,status\n\(field("person")),\(field("date")),\(field("half")),\(field("status"))\n"
                fileName = "(form)"
            }
            let (_, count) = try await p.attend(submission: field("submission"), csv: csv, file: fileName, session: s)
            return .html(Pages.attendance(s, submissions: try p.attendanceSubmissions(s.account), status: try p.store.absences(for: s.account), recorded: count))
        }
        route(.post, "/api/attendance", api: true) { req, _ in
            let s = try p.requireSession(req)
            try p.checkCSRF(s, req.headers[HTTPField.Name("X-CSRF-Token")!])
            struct Body: Decodable { var submission: String; var csv: String; var filename: String? }
            let body = try p.decode(Body.self, try await p.body(&req))
            let (absences, count) = try await p.attend(submission: body.submission, csv: body.csv, file: body.filename ?? "attendance.csv", session: s)
            return .json(AttendanceAnswer(recorded: count, absences: absences.map(AbsenceJSON.init)), status: .created)
        }

        // The commission's dashboard and exports.
        route(.get, "/dashboard", api: false) { req, _ in
            let s = try p.requireCommission(req)
            return .html(Pages.dashboard(s, DashboardFigures(audit: try p.store.dashboardAudit(), filter: p.filter(req))))
        }
        route(.get, "/api/dashboard", api: true) { req, _ in
            _ = try p.requireCommission(req)
            return .json(DashboardFigures(audit: try p.store.dashboardAudit(), filter: p.filter(req)))
        }
        route(.get, "/summary", api: false) { req, _ in
            let s = try p.requireCommission(req)
            guard let audit = try p.store.dashboardAudit() else { throw PortalError.notFound("nothing submitted yet") }
            let filter = p.filter(req)
            return .html(Pages.summary(AuditPage.render(audit.filtered(filter)), filter: filter,
                                       versions: try p.store.latestVersions(for: s.account)))
        }
        route(.get, "/summary.csv", api: false) { req, _ in
            _ = try p.requireCommission(req)
            guard let audit = try p.store.dashboardAudit() else { throw PortalError.notFound("nothing submitted yet") }
            let filter = p.filter(req)
            let name = (["audit"] + [filter.county, filter.hospital].compactMap { $0 }).joined(separator: "-")
                .filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            return .text(AuditCSV.render(audit.filtered(filter)), type: "text/csv; charset=utf-8", download: name + ".csv")
        }

        // Accounts (the commission's).
        route(.get, "/accounts", api: false) { req, _ in
            let s = try p.requireCommission(req)
            return .html(Pages.accounts(s, try p.store.accounts(), message: nil))
        }
        route(.post, "/accounts", api: false) { req, _ in
            let s = try p.requireCommission(req)
            let form = FormDecoding.urlEncoded(try await p.body(&req))
            try p.checkCSRF(s, form["csrf"])
            let message: String
            do {
                let a = try p.store.createAccount(username: form["username"] ?? "", password: form["password"] ?? "",
                                                  role: form["role"] == "commission" ? .commission : .hospital, institution: form["institution"])
                message = "Created \(a.username)."
            } catch let e as AccountError { message = e.description }
            return .html(Pages.accounts(s, try p.store.accounts(), message: message))
        }
        route(.get, "/api/accounts", api: true) { req, _ in
            _ = try p.requireCommission(req)
            return .json(try p.store.accounts().map { AccountJSON(username: $0.username, role: $0.role.rawValue, institution: $0.institution) })
        }
        route(.post, "/api/accounts", api: true) { req, _ in
            let s = try p.requireCommission(req)
            try p.checkCSRF(s, req.headers[HTTPField.Name("X-CSRF-Token")!])
            struct Body: Decodable { var username: String; var password: String; var role: String; var institution: String? }
            let b = try p.decode(Body.self, try await p.body(&req))
            guard let role = Account.Role(rawValue: b.role) else { throw PortalError.badRequest("role: commission or hospital expected") }
            do {
                let a = try p.store.createAccount(username: b.username, password: b.password, role: role, institution: b.institution)
                return .json(AccountJSON(username: a.username, role: a.role.rawValue, institution: a.institution), status: .created)
            } catch let e as AccountError { throw PortalError.badRequest(e.description) }
        }
        return router
    }
}

// MARK: - Sessions, CSRF, bodies, errors

/// A logged-in request's account and its session's CSRF token.
public struct PortalSession: Sendable {
    public var account: Account
    public var csrf: String
}

extension Portal {
    static func randomToken() -> String {
        Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    static func digest(_ s: String) -> String { SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined() }

    func logIn(_ username: String, _ password: String) async throws -> (Cookie, Account)? {
        guard await limiter.allow("login:\(username)", limit: configuration.loginsPerMinute) else {
            throw PortalError(status: .tooManyRequests, message: "too many log-in attempts for \(username); wait a minute")
        }
        guard let account = try store.authenticate(username: username, password: password), let id = account.id else { return nil }
        let token = Self.randomToken(), csrf = Self.randomToken()
        let expires = Date().timeIntervalSince1970 + configuration.sessionSeconds
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expiresAt < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO session (token, accountId, csrf, expiresAt) VALUES (?, ?, ?, ?)",
                           arguments: [Self.digest(token), id, csrf, expires])
        }
        let cookie = Cookie(name: Self.cookieName, value: token, maxAge: Int(configuration.sessionSeconds), path: "/",
                            secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
        return (cookie, account)
    }

    func clearedCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    func logOut(_ req: Request) throws {
        guard let token = req.cookies[Self.cookieName]?.value else { return }
        try store.pool.write { db in try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [Self.digest(token)]) }
    }

    func session(_ token: String) throws -> PortalSession? {
        try store.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT accountId, csrf FROM session WHERE token = ? AND expiresAt > ?",
                                             arguments: [Self.digest(token), Date().timeIntervalSince1970]),
                  let account = try Account.fetchOne(db, key: row["accountId"] as Int64) else { return nil }
            return PortalSession(account: account, csrf: row["csrf"])
        }
    }

    func session(_ req: Request) throws -> PortalSession? {
        guard let token = req.cookies[Self.cookieName]?.value, !token.isEmpty else { return nil }
        return try session(token)
    }

    func requireSession(_ req: Request) throws -> PortalSession {
        guard let s = try session(req) else { throw PortalError.unauthorized }
        return s
    }

    func requireCommission(_ req: Request) throws -> PortalSession {
        let s = try requireSession(req)
        guard s.account.role == .commission else { throw PortalError.forbidden("the commission's page: hospital accounts see their own submissions only") }
        return s
    }

    /// The submissions an account records attendance for: its own, and others' that post
    /// people to its institution (a receiving site).
    func attendanceSubmissions(_ account: Account) throws -> [String] {
        Set(try store.versions(for: account).map(\.submission)).union(try store.receivingSubmissions(for: account).keys).sorted()
    }

    /// The dashboard filter of a request's query (`county`, `hospital`).
    func filter(_ req: Request) -> DashboardFilter {
        DashboardFilter(county: req.uri.queryParameters.get("county"), hospital: req.uri.queryParameters.get("hospital"))
    }

    func checkCSRF(_ s: PortalSession, _ given: String?) throws {
        guard sameToken(given, s.csrf) else {
            throw PortalError.forbidden("missing or wrong CSRF token (form field csrf, or header X-CSRF-Token)")
        }
    }

    /// Whether `given` is the non-empty `expected` token (compared in constant time).
    func sameToken(_ given: String?, _ expected: String) -> Bool {
        guard let given, !given.isEmpty, given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
    }

    /// The log-in page with a fresh form token, set in the log-in cookie too (double submit:
    /// another site can neither read the cookie nor, SameSite=Strict, have it sent).
    func loginForm(error: String?, status: HTTPResponse.Status) -> Response {
        let token = Self.randomToken()
        var r = Response.html(Pages.login(error: error, csrf: token), status: status)
        r.setCookie(Cookie(name: Self.loginCookieName, value: token, maxAge: 3600, path: "/login",
                           secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return r
    }

    /// Refuses a POST whose `Origin` (sent by browsers) is another site than the one asked.
    func checkOrigin(_ req: Request) throws {
        guard let origin = req.headers[.origin] else { return }
        let host = req.head.authority ?? ""
        let originHost = origin.components(separatedBy: "://").last ?? ""
        guard !host.isEmpty, originHost.lowercased() == host.lowercased() else {
            throw PortalError.forbidden("cross-site request refused (Origin \(origin) is not this portal's)")
        }
    }

    func body(_ req: inout Request) async throws -> Data {
        if let length = req.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            throw PortalError(status: .contentTooLarge, message: "request body of \(length) bytes; at most \(configuration.maxBodyBytes) accepted")
        }
        do {
            let buffer = try await req.collectBody(upTo: configuration.maxBodyBytes)
            return Data(buffer: buffer)
        } catch {
            throw PortalError(status: .contentTooLarge, message: "request body larger than \(configuration.maxBodyBytes) bytes")
        }
    }

    func multipart(_ data: Data, _ req: Request) throws -> [FormPart] {
        guard let type = req.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let parts = FormDecoding.multipart(data, contentType: type) else {
            throw PortalError.badRequest("a multipart/form-data body expected")
        }
        return parts
    }

    func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw PortalError.badRequest("the request body is not the JSON expected: \(error)")
        }
    }

    /// Checks and stores an upload (rate-limited per account).
    func submit(name: String, files: [UploadedFile], session s: PortalSession) async throws -> VersionSummary {
        guard await limiter.allow("upload:\(s.account.username)", limit: configuration.uploadsPerMinute) else {
            throw PortalError(status: .tooManyRequests, message: "more than \(configuration.uploadsPerMinute) uploads a minute from \(s.account.username); wait a minute")
        }
        guard !name.isEmpty, name.count <= 100, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !name.hasPrefix(".") else {
            throw PortalError.badRequest("name: the submission's name, 1 to 100 letters, digits, - _ . expected",
                                         [UploadProblem(file: "(form)", line: 0, path: "name", message: "missing or malformed submission name \"\(name)\"", expected: "letters, digits, - _ .")])
        }
        // The verifier is CPU work: off the event loop.
        let check = try await Task.detached { try SubmissionCheck.run(files) }.value
        let scenarioText = String(decoding: files.first { $0.part == "scenario" }!.data, as: UTF8.self)
        let institutions = Set((try? ScenarioReader.read(yaml: scenarioText, fileName: "scenario.yaml", baseDirectory: "/nonexistent"))?.institutions.map(\.id) ?? [])
        return try store.addVersion(name: name, by: s.account, files: files, check: check, institutions: institutions)
    }

    func attend(submission: String, csv: String, file: String, session s: PortalSession) async throws -> ([Audit.Absence], Int) {
        guard await limiter.allow("upload:\(s.account.username)", limit: configuration.uploadsPerMinute) else {
            throw PortalError(status: .tooManyRequests, message: "more than \(configuration.uploadsPerMinute) uploads a minute from \(s.account.username); wait a minute")
        }
        let store = self.store, account = s.account
        let absences = try await Task.detached { try store.recordAttendance(csv: csv, file: file, submission: submission, by: account) }.value
        let count = csv.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count - 1
        return (absences, max(0, count))
    }

    func errorResponse(_ error: any Error, api: Bool, request: Request) -> Response {
        let e: PortalError
        switch error {
        case let x as PortalError: e = x
        case let x as UploadErrors:
            e = .badRequest("\(x.problems.count) problem\(x.problems.count == 1 ? "" : "s") in the upload", x.problems)
        case let x as StoreRefusal:
            switch x {
            case .notFound(let m): e = .notFound(m)
            case .forbidden(let m): e = .forbidden(m)
            case .conflict(let m): e = PortalError(status: .conflict, message: m)
            }
        case let x as InputError:
            e = .badRequest("unreadable input", x.diagnostics.map(UploadProblem.init))
        case let x as HTTPError: e = PortalError(status: x.status, message: x.body ?? "\(x.status)")
        default: e = PortalError(status: .internalServerError, message: "internal error: \(error)")
        }
        let wantsJSON = api || (request.headers[.accept] ?? "").contains("application/json")
        if wantsJSON { return .json(ErrorBody(error: e.message, problems: e.problems.isEmpty ? nil : e.problems), status: e.status) }
        if e.status == .unauthorized { return .redirect("/login") }
        // A form's error page keeps the navigation and links back to the form.
        let back = request.method == .post && ["/submissions", "/attendance", "/accounts"].contains(request.uri.path) ? request.uri.path : nil
        return .html(Pages.error(e, session: try? session(request), back: back), status: e.status)
    }
}

// MARK: - JSON bodies

/// `POST /api/submissions`: each file's text and, optionally, its name (for messages).
public struct SubmissionUpload: Codable, Sendable {
    /// One file: its text in `content`, or, for a binary file (the gzipped proof), its bytes
    /// in base64 in `contentBase64`.
    public struct File: Codable, Sendable {
        public var filename: String?
        public var content: String?
        public var contentBase64: String?
        public init(filename: String?, content: String) { self.filename = filename; self.content = content }
        public init(filename: String?, bytes: Data) { self.filename = filename; self.contentBase64 = bytes.base64EncodedString() }

        /// The file's bytes; nil unless exactly one of the two forms holds them.
        var data: Data? {
            switch (content, contentBase64) {
            case (let text?, nil): return Data(text.utf8)
            case (nil, let b64?): return Data(base64Encoded: b64)
            default: return nil
            }
        }
    }
    public var name: String
    public var scenario: File?
    public var plan: File?
    public var rota: File?
    public var proof: File?
    public var signature: File?
    public init(name: String, scenario: File?, plan: File?, rota: File? = nil, proof: File? = nil, signature: File? = nil) {
        self.name = name; self.scenario = scenario; self.plan = plan; self.rota = rota; self.proof = proof; self.signature = signature
    }
}

struct LoginAnswer: Codable { var username: String; var role: String; var institution: String?; var csrf: String }
struct AccountJSON: Codable { var username: String; var role: String; var institution: String? }
struct AttendanceAnswer: Codable { var recorded: Int; var absences: [AbsenceJSON] }
struct AbsenceJSON: Codable {
    var submission: String, person: String, name: String, villages: [String], unjustifiedDates: [String], count: Int, passed: Bool
    init(_ a: Audit.Absence) {
        submission = a.submission; person = a.person; name = a.name; villages = a.villages
        unjustifiedDates = a.unjustifiedDates.map(\.iso); count = a.count; passed = a.passed
    }
}
