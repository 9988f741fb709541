import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import Rota
@testable import RotaServer

/// Every route, logged out, as a hospital and as the commission; the role boundaries.
@Suite struct PortalRouteTests {
    @Test func loggedOutRequestsAreRefusedOrSentToLogIn() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            for uri in ["/", "/submissions", "/attendance", "/dashboard", "/accounts", "/submissions/x/1", "/summary", "/summary.csv"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .seeOther, "\(uri)")
                    #expect(r.headers[.location] == "/login", "\(uri)")
                }
            }
            for uri in ["/api/submissions", "/api/dashboard", "/api/accounts", "/api/submissions/x/1"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .unauthorized, "\(uri)")
                    #expect(r.text.contains("\"error\""))
                }
            }
            try await client.execute(uri: "/api/submissions", method: .post, headers: [.contentType: "application/json"],
                                     body: PortalFixture.json(try PortalFixture.miniUpload())) { r in #expect(r.status == .unauthorized) }
            try await client.execute(uri: "/health", method: .get) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/login", method: .get) { r in #expect(r.text.contains("name=\"password\"")) }
            try await client.execute(uri: "/openapi.yaml", method: .get) { r in #expect(r.text.hasPrefix("openapi: 3")) }
        }
    }

    @Test func logInSetsASecureHttpOnlyStrictCookieAndWrongPasswordsAreRefused() async throws {
        let f = try PortalFixture { $0.secureCookies = true; $0.loginsPerMinute = 3 }; defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let form = try await LoginForm.fetch(client)
            try await client.execute(uri: "/login", method: .post, headers: form.headers,
                                     body: ByteBuffer(string: "csrf=\(form.csrf)&username=commission&password=correct+horse+battery")) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/dashboard")
                let c = try #require(r.headers[values: .setCookie].first { $0.hasPrefix("rota_session=") })
                #expect(c.contains("HttpOnly") && c.contains("Secure") && c.contains("SameSite=Strict"))
            }
            try await client.execute(uri: "/login", method: .post, headers: form.headers,
                                     body: ByteBuffer(string: "csrf=\(form.csrf)&username=commission&password=wrong")) { r in
                #expect(r.status == .unauthorized)
                #expect(!r.headers[values: .setCookie].contains { $0.hasPrefix("rota_session=") })
            }
            // Per-username rate limit on log-in attempts (3 a minute here: 2 used above).
            try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                     body: PortalFixture.json(["username": "commission", "password": "wrong"])) { r in #expect(r.status == .unauthorized) }
            try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                     body: PortalFixture.json(["username": "commission", "password": PortalFixture.password])) { r in
                #expect(r.status == .tooManyRequests)
            }
        }
        // Only a slow hash is stored.
        let stored = try f.store.accounts().map(\.passwordHash)
        #expect(stored.allSatisfy { $0.hasPrefix("pbkdf2-sha256$210000$") && !$0.contains(PortalFixture.password) })
    }

    @Test func aHospitalCannotActAsTheCommissionNorSeeAnotherHospitalsSubmission() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let municipal = try await Login.api(client, "municipal")
            let cao = try await Login.api(client, "cao")
            let commission = try await Login.api(client, "commission")
            try await client.execute(uri: "/api/submissions", method: .post, headers: municipal.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload())) { r in #expect(r.status == .created) }
            // The commission's pages and API.
            for uri in ["/dashboard", "/summary", "/summary.csv", "/accounts", "/api/dashboard", "/api/accounts"] {
                try await client.execute(uri: uri, method: .get, headers: cao.cookieOnly) { r in #expect(r.status == .forbidden, "\(uri)") }
            }
            try await client.execute(uri: "/api/accounts", method: .post, headers: cao.headers,
                                     body: PortalFixture.json(["username": "evil", "password": "12345678", "role": "commission"])) { r in
                #expect(r.status == .forbidden)
            }
            try await client.execute(uri: "/accounts", method: .post, headers: [.cookie: cao.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(cao.csrf)&username=evil&password=12345678&role=commission")) { r in
                #expect(r.status == .forbidden)
            }
            // Another hospital's submission: not listed, not readable, not correctable, no attendance.
            try await client.execute(uri: "/api/submissions", method: .get, headers: cao.cookieOnly) { r in
                let list = try r.decode([VersionSummary].self)
                #expect(list.isEmpty)
            }
            for uri in ["/api/submissions/heze-mini/1", "/submissions/heze-mini/1", "/submissions/heze-mini/1/plan"] {
                try await client.execute(uri: uri, method: .get, headers: cao.cookieOnly) { r in #expect(r.status == .forbidden, "\(uri)") }
            }
            try await client.execute(uri: "/api/submissions", method: .post, headers: cao.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload())) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/api/attendance", method: .post, headers: cao.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "csv": "person,date,half,status\nhanji-03,2025-03-04,am,present\n"])) { r in
                #expect(r.status == .forbidden)
            }
            // A hospital the scenario does not list cannot submit it.
            try await f.store.createAccount(username: "stranger", password: PortalFixture.password, role: .hospital, institution: "jinan-1")
            let stranger = try await Login.api(client, "stranger")
            try await client.execute(uri: "/api/submissions", method: .post, headers: stranger.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload(name: "other"))) { r in #expect(r.status == .forbidden) }
            // The owner and the commission see it.
            for login in [municipal, commission] {
                try await client.execute(uri: "/api/submissions/heze-mini/1", method: .get, headers: login.cookieOnly) { r in #expect(r.status == .ok) }
                try await client.execute(uri: "/submissions/heze-mini/1/plan", method: .get, headers: login.cookieOnly) { r in
                    let expected = try PortalFixture.text("Scenarios/audit/heze-mini/plan.json")
                    #expect(r.text == expected)
                }
            }
            try await client.execute(uri: "/api/dashboard", method: .get, headers: commission.cookieOnly) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/api/accounts", method: .post, headers: commission.headers,
                                     body: PortalFixture.json(["username": "shan", "password": "12345678", "role": "hospital", "institution": "shan-people"])) { r in
                #expect(r.status == .created)
            }
            try await client.execute(uri: "/api/accounts", method: .get, headers: commission.cookieOnly) { r in
                #expect(r.text.contains("\"shan\"") && !r.text.contains("pbkdf2"))
            }
        }
    }

    @Test func everyStateChangeNeedsTheSessionsCSRFToken() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            let c = try await Login.api(client, "commission")
            let bad: HTTPFields = [.cookie: m.cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: c.csrf]
            try await client.execute(uri: "/api/submissions", method: .post, headers: bad, body: PortalFixture.json(try PortalFixture.miniUpload())) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("CSRF"))
            }
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.cookieOnly, body: PortalFixture.json(try PortalFixture.miniUpload())) { r in
                #expect(r.status == .forbidden)
            }
            try await client.execute(uri: "/api/logout", method: .post, headers: m.cookieOnly) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/logout", method: .post, headers: [.cookie: m.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=nope")) { r in #expect(r.status == .forbidden) }
            let form = "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nheze-mini\r\n--B--\r\n"
            for uri in ["/submissions", "/attendance"] {
                try await client.execute(uri: uri, method: .post, headers: [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=B"],
                                         body: ByteBuffer(string: form)) { r in #expect(r.status == .forbidden, "\(uri)") }
            }
            // With the token, logging out ends the session server-side.
            try await client.execute(uri: "/api/logout", method: .post, headers: m.headers) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/api/submissions", method: .get, headers: m.cookieOnly) { r in #expect(r.status == .unauthorized) }
            try await client.execute(uri: "/logout", method: .post, headers: [.cookie: c.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(c.csrf)")) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            try await client.execute(uri: "/api/dashboard", method: .get, headers: c.cookieOnly) { r in #expect(r.status == .unauthorized) }
        }
    }

    @Test func uploadsAreLimitedInSizeAndRatePerAccount() async throws {
        let f = try PortalFixture { $0.uploadsPerMinute = 2; $0.maxBodyBytes = 200_000 }; defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            let c = try await Login.api(client, "commission")
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers,
                                     body: ByteBuffer(string: String(repeating: "x", count: 300_000))) { r in
                #expect(r.status == .contentTooLarge)
            }
            for expected in [HTTPResponse.Status.created, .created, .tooManyRequests] {
                try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers,
                                         body: PortalFixture.json(try PortalFixture.miniUpload())) { r in #expect(r.status == expected) }
            }
            // Attendance counts against the same budget, by API and by form.
            try await client.execute(uri: "/api/attendance", method: .post, headers: m.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "csv": "person,date,half,status\nhanji-03,2025-03-04,am,present\n"])) { r in
                #expect(r.status == .tooManyRequests)
                #expect(r.text.contains("wait a minute"))
            }
            let sheet = multipart([("csrf", nil, m.csrf), ("submission", nil, "heze-mini"), ("file", "a.csv", "person,date,half,status\nhanji-03,2025-03-04,am,present\n")])
            try await client.execute(uri: "/attendance", method: .post, headers: [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: sheet)) { r in #expect(r.status == .tooManyRequests) }
            // Another account has its own budget.
            try await client.execute(uri: "/api/submissions", method: .post, headers: c.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload(name: "commission-copy"))) { r in #expect(r.status == .created) }
            // A form upload beyond the size limit: 413, whatever the form.
            let big = multipart([("csrf", nil, c.csrf), ("name", nil, "big"), ("scenario", "s.yaml", String(repeating: "#", count: 250_000))])
            try await client.execute(uri: "/submissions", method: .post, headers: [.cookie: c.cookie, .contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: big)) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("at most 200000"))
            }
        }
    }

    @Test func theOpenAPIDescriptionDescribesEveryRouteAndEveryRouteIsServed() async throws {
        // Paths and their methods, read off the YAML's layout (two-space path keys, four-space methods).
        var described: Set<String> = []
        var current: String?
        for line in Portal.openAPI.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { current = String(line.dropFirst(2).dropLast()) }
            else if !line.hasPrefix("  ") { current = nil }
            else if let path = current, let m = ["get", "post", "put", "delete", "patch"].first(where: { line == "    \($0):" }) {
                described.insert("\(m.uppercased()) \(path)")
            }
        }
        #expect(described == Set(Portal.routes))
        // Each listed route answers (not 404) with a commission session.
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let c = try await Login.api(client, "commission")
            try await client.execute(uri: "/api/submissions", method: .post, headers: c.headers, body: PortalFixture.json(try PortalFixture.miniUpload())) { _ in }
            for route in Portal.routes where route != "POST /api/logout" && route != "POST /logout" {
                let parts = route.split(separator: " ")
                let uri = String(parts[1]).replacingOccurrences(of: "{name}", with: "heze-mini")
                    .replacingOccurrences(of: "{version}", with: "1").replacingOccurrences(of: "{part}", with: "plan")
                try await client.execute(uri: uri, method: parts[0] == "GET" ? .get : .post, headers: c.headers, body: ByteBuffer(string: "{}")) { r in
                    #expect(r.status != .notFound, "\(route)")
                }
            }
        }
    }

    @Test func theRateLimiterForgetsIdleKeys() async {
        let limiter = RateLimiter()
        let start = Date(timeIntervalSince1970: 0)
        for i in 0...10_000 { _ = await limiter.allow("login:user\(i)", limit: 10, now: start) }
        #expect(await limiter.keys == 10_001)
        #expect(await limiter.allow("login:user0", limit: 1, now: start.addingTimeInterval(30)) == false)
        #expect(await limiter.allow("login:fresh", limit: 10, now: start.addingTimeInterval(61)))
        #expect(await limiter.keys == 1)
    }
}
