import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import Rota
@testable import RotaServer

/// A portal on a fresh database in a temporary folder, with a commission account and two
/// hospital accounts (菏泽市立医院 `hz-municipal`, 曹县人民医院 `cao-people`).
struct PortalFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }
    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    static let password = "correct horse battery"
    let dir: URL
    let store: PortalStore
    let portal: Portal

    init(configure: (inout PortalConfiguration) -> Void = { _ in }) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-portal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try PortalStore(path: dir.appendingPathComponent("portal.sqlite").path)
        try store.createAccount(username: "commission", password: Self.password, role: .commission, institution: nil)
        try store.createAccount(username: "municipal", password: Self.password, role: .hospital, institution: "hz-municipal")
        try store.createAccount(username: "cao", password: Self.password, role: .hospital, institution: "cao-people")
        var config = PortalConfiguration()
        config.secureCookies = false
        configure(&config)
        portal = Portal(store: store, configuration: config)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: dir) }

    /// The heze-mini submission as the JSON API takes it.
    static func miniUpload(name: String = "heze-mini", scenarioSuffix: String = "") throws -> SubmissionUpload {
        SubmissionUpload(name: name,
                         scenario: .init(filename: "scenario.yaml", content: try text("Scenarios/audit/heze-mini/scenario.yaml") + scenarioSuffix),
                         plan: .init(filename: "plan.json", content: try text("Scenarios/audit/heze-mini/plan.json")))
    }

    /// The proof.jsonl.gz rota writes for heze-mini, made through the library as `rota verify --proof` does.
    static func miniProof() throws -> Data {
        let inputs = VerificationInputs.read(scenario: path("Scenarios/audit/heze-mini/scenario.yaml"),
                                             plan: path("Scenarios/audit/heze-mini/plan.json"), rota: nil)
        return try VerifiedProof(scenario: try #require(inputs.scenario), plan: try #require(inputs.plan), rota: nil).proof.fileData()
    }

    static func json<T: Encodable>(_ value: T) throws -> ByteBuffer { ByteBuffer(bytes: try JSONEncoder().encode(value)) }
}

/// A logged-in API client: the session cookie and its CSRF token.
struct Login {
    var cookie: String
    var csrf: String

    static func api(_ client: some TestClientProtocol, _ user: String, password: String = PortalFixture.password) async throws -> Login {
        try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                 body: PortalFixture.json(["username": user, "password": password])) { r in
            #expect(r.status == .ok)
            let cookie = try #require(r.headers[.setCookie])
            let token = String(cookie.split(separator: ";")[0])
            let answer = try JSONDecoder().decode([String: String?].self, from: Data(buffer: r.body))
            return Login(cookie: token, csrf: (answer["csrf"] ?? "") ?? "")
        }
    }

    var headers: HTTPFields {
        [.cookie: cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: csrf]
    }
    /// The cookie without the CSRF header.
    var cookieOnly: HTTPFields { [.cookie: cookie, .contentType: "application/json"] }
}

/// The log-in page's form token and the cookie that carries it.
struct LoginForm {
    var cookie: String
    var csrf: String

    static func fetch(_ client: some TestClientProtocol) async throws -> LoginForm {
        try await client.execute(uri: "/login", method: .get) { r in
            let cookie = try #require(r.headers[values: .setCookie].first { $0.hasPrefix("rota_login=") })
            let page = r.text
            let marker = try #require(page.range(of: "name=\"csrf\" value=\""))
            let token = page[marker.upperBound...].prefix { $0 != "\"" }
            return LoginForm(cookie: String(cookie.split(separator: ";")[0]), csrf: String(token))
        }
    }

    var headers: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: Data(buffer: body)) }
}
