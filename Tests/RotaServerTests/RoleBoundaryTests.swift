import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import Rota
@testable import RotaServer

/// Every route of `Portal.routes`, each at its role boundary: two hospitals that each own a
/// submission (菏泽市立医院 `heze-mini`, 曹县人民医院 `cao-own`) and the commission. A hospital
/// reads and changes only its own submissions, versions, files and attendance, and never acts
/// as the commission. The test fails when a route is added without a check here.
@Suite struct RoleBoundaryTests {
    @Test func everyRouteKeepsEachHospitalToItsOwnAndTheCommissionsPagesToTheCommission() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        let proof = try PortalFixture.miniProof()
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal"), cao = try await Login.api(client, "cao")
            let c = try await Login.api(client, "commission")
            var full = try PortalFixture.miniUpload()
            full.proof = .init(filename: "proof.jsonl.gz", bytes: proof)
            full.signature = .init(filename: "proof.jsonl.gz.sig", bytes: Data([1, 2, 3, 4]))
            for _ in 0..<2 {
                try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(full)) { r in
                    #expect(r.status == .created)
                }
            }
            try await client.execute(uri: "/api/submissions", method: .post, headers: cao.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload(name: "cao-own"))) { r in #expect(r.status == .created) }
            let absent = "person,date,half,status\nhanji-03,2025-03-04,am,unjustified\nhanji-03,2025-03-05,pm,unjustified\n"
            try await client.execute(uri: "/api/attendance", method: .post, headers: m.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "csv": absent])) { r in #expect(r.status == .created) }
            let commission = try #require(try f.store.accounts().first { $0.role == .commission })
            let versionsBefore = try f.store.versions(for: commission).count
            var checked: Set<String> = []
            let formHeaders = { (l: Login, boundary: Bool) -> HTTPFields in
                [.cookie: l.cookie, .contentType: boundary ? "multipart/form-data; boundary=XyZ" : "application/x-www-form-urlencoded"]
            }

            checked.insert("GET /")
            for (login, target) in [(m, "/submissions"), (cao, "/submissions"), (c, "/dashboard")] {
                try await client.execute(uri: "/", method: .get, headers: login.cookieOnly) { r in #expect(r.headers[.location] == target) }
            }
            checked.formUnion(["GET /health", "GET /openapi.yaml", "GET /login"])
            for uri in ["/health", "/openapi.yaml", "/login"] {
                try await client.execute(uri: uri, method: .get) { r in #expect(r.status == .ok, "\(uri) is public") }
            }

            // Lists: each hospital sees its own submission only, the commission both.
            checked.formUnion(["GET /submissions", "GET /api/submissions"])
            for (login, own, other) in [(m, "heze-mini", "cao-own"), (cao, "cao-own", "heze-mini")] {
                try await client.execute(uri: "/submissions", method: .get, headers: login.cookieOnly) { r in
                    #expect(r.text.contains("/submissions/\(own)/1") && !r.text.contains("/submissions/\(other)/"))
                }
                try await client.execute(uri: "/api/submissions", method: .get, headers: login.cookieOnly) { r in
                    let names = Set(try r.decode([VersionSummary].self).map(\.submission))
                    #expect(names == [own])
                }
            }
            try await client.execute(uri: "/api/submissions", method: .get, headers: c.cookieOnly) { r in
                let names = Set(try r.decode([VersionSummary].self).map(\.submission))
                #expect(names == ["heze-mini", "cao-own"])
            }

            // One version, its JSON and every stored file: the owner and the commission only, every version.
            checked.formUnion(["GET /submissions/{name}/{version}", "GET /api/submissions/{name}/{version}", "GET /submissions/{name}/{version}/{part}"])
            for (login, own, other) in [(m, "heze-mini", "cao-own"), (cao, "cao-own", "heze-mini")] {
                for uri in ["/submissions/\(other)/1", "/api/submissions/\(other)/1", "/submissions/\(other)/1/scenario"] {
                    try await client.execute(uri: uri, method: .get, headers: login.cookieOnly) { r in
                        #expect(r.status == .forbidden, "\(uri)")
                        #expect(!r.text.contains("菏泽") && !r.text.contains("profile:"), "\(uri) leaks nothing")
                    }
                }
                try await client.execute(uri: "/submissions/\(own)/1", method: .get, headers: login.cookieOnly) { r in #expect(r.status == .ok) }
            }
            for part in ["scenario", "plan", "proof", "signature"] {
                for version in [1, 2] {
                    let uri = "/submissions/heze-mini/\(version)/\(part)"
                    try await client.execute(uri: uri, method: .get, headers: cao.cookieOnly) { r in #expect(r.status == .forbidden, "\(uri)") }
                    try await client.execute(uri: uri, method: .get, headers: c.cookieOnly) { r in #expect(r.status == .ok, "\(uri)") }
                    try await client.execute(uri: uri, method: .get, headers: m.cookieOnly) { r in
                        #expect(r.status == .ok)
                        let expected: Data = switch part {
                        case "scenario": Data(try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml").utf8)
                        case "plan": Data(try PortalFixture.text("Scenarios/audit/heze-mini/plan.json").utf8)
                        case "proof": proof
                        default: Data([1, 2, 3, 4])
                        }
                        #expect(Data(buffer: r.body) == expected, "\(uri): the exact uploaded bytes")
                    }
                }
            }
            try await client.execute(uri: "/api/submissions/heze-mini/2", method: .get, headers: cao.cookieOnly) { r in #expect(r.status == .forbidden) }

            // Uploads: no hospital adds a version to another's submission, by form or API.
            checked.formUnion(["POST /submissions", "POST /api/submissions"])
            for (login, other) in [(m, "cao-own"), (cao, "heze-mini")] {
                try await client.execute(uri: "/api/submissions", method: .post, headers: login.headers,
                                         body: PortalFixture.json(try PortalFixture.miniUpload(name: other))) { r in #expect(r.status == .forbidden) }
                let form = multipart([("csrf", nil, login.csrf), ("name", nil, other),
                                      ("scenario", "scenario.yaml", try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml")),
                                      ("plan", "plan.json", try PortalFixture.text("Scenarios/audit/heze-mini/plan.json"))])
                try await client.execute(uri: "/submissions", method: .post, headers: formHeaders(login, true), body: ByteBuffer(string: form)) { r in
                    #expect(r.status == .forbidden)
                }
            }

            // Attendance: another hospital's helpers are neither shown nor recordable, except by
            // the site they are posted to (曹县人民医院 receives 菏泽市立医院's T1 team, not hanji-03).
            checked.formUnion(["GET /attendance", "POST /attendance", "POST /api/attendance"])
            try await client.execute(uri: "/attendance", method: .get, headers: cao.cookieOnly) { r in
                #expect(r.text.contains("<option>cao-own</option>") && r.text.contains("<option>heze-mini</option>"))
                #expect(!r.text.contains("absence-alert") && !r.text.contains("<tr><td>heze-mini</td>") && !r.text.contains("2025-03-04"))
            }
            try await client.execute(uri: "/api/attendance", method: .post, headers: cao.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "filename": "cao.csv",
                                                               "csv": "person,date,half,status\nhzm-01,2025-03-06,am,present\nhanji-03,2025-03-06,am,present\n"])) { r in
                #expect(r.status == .forbidden && r.text.contains("line 3: hanji-03"))
            }
            try await client.execute(uri: "/api/attendance", method: .post, headers: cao.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "csv": "person,date,half,status\nhzm-01,2025-03-06,am,present\n"])) { r in
                #expect(r.status == .created)
            }
            for login in [m, c] {
                try await client.execute(uri: "/attendance", method: .get, headers: login.cookieOnly) { r in
                    #expect(r.text.contains("id=\"absence-alert\"") && r.text.contains("hanji-03") && r.text.contains("2025-03-04, 2025-03-05"))
                }
            }
            for (login, other) in [(m, "cao-own"), (cao, "heze-mini")] {
                try await client.execute(uri: "/api/attendance", method: .post, headers: login.headers,
                                         body: PortalFixture.json(["submission": other, "csv": "person,date,half,status\nhanji-03,2025-03-06,am,present\n"])) { r in
                    #expect(r.status == .forbidden)
                }
                let form = multipart([("csrf", nil, login.csrf), ("submission", nil, other), ("person", nil, "hanji-03"),
                                      ("date", nil, "2025-03-06"), ("half", nil, "am"), ("status", nil, "present")])
                try await client.execute(uri: "/attendance", method: .post, headers: formHeaders(login, true), body: ByteBuffer(string: form)) { r in
                    #expect(r.status == .forbidden)
                }
            }
            let attendanceRows = try await f.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance") }
            #expect(attendanceRows == 3)

            // The commission's pages and exports, filtered or not, and accounts.
            let commissionOnly = ["GET /dashboard", "GET /summary", "GET /summary.csv", "GET /accounts", "GET /api/dashboard", "GET /api/accounts"]
            checked.formUnion(commissionOnly)
            for route in commissionOnly {
                let path = String(route.dropFirst(4))
                for query in ["", "?county=cao", "?hospital=hz-municipal"] {
                    for login in [m, cao] {
                        try await client.execute(uri: path + query, method: .get, headers: login.cookieOnly) { r in
                            #expect(r.status == .forbidden, "\(route)\(query)")
                        }
                    }
                    try await client.execute(uri: path + query, method: .get, headers: c.cookieOnly) { r in #expect(r.status == .ok, "\(route)\(query)") }
                }
            }
            checked.formUnion(["POST /accounts", "POST /api/accounts"])
            for login in [m, cao] {
                try await client.execute(uri: "/api/accounts", method: .post, headers: login.headers,
                                         body: PortalFixture.json(["username": "evil", "password": "12345678", "role": "commission"])) { r in
                    #expect(r.status == .forbidden)
                }
                try await client.execute(uri: "/accounts", method: .post, headers: formHeaders(login, false),
                                         body: ByteBuffer(string: "csrf=\(login.csrf)&username=evil&password=12345678&role=commission")) { r in
                    #expect(r.status == .forbidden)
                }
            }
            let usernames = try f.store.accounts().map(\.username)
            #expect(usernames == ["cao", "commission", "municipal"])

            // Logging in: the form needs its page's token, the API needs JSON.
            checked.formUnion(["POST /login", "POST /api/login"])
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "username=cao&password=correct+horse+battery")) { r in
                #expect(r.status == .forbidden)
                #expect(!r.headers[values: .setCookie].contains { $0.hasPrefix("rota_session=") })
            }
            try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "text/plain"],
                                     body: PortalFixture.json(["username": "cao", "password": PortalFixture.password])) { r in
                #expect(r.status == .unsupportedMediaType)
            }

            // Logging out ends one's own session only, and needs its own token.
            checked.formUnion(["POST /logout", "POST /api/logout"])
            try await client.execute(uri: "/api/logout", method: .post, headers: [.cookie: cao.cookie, .contentType: "application/json",
                                                                                   HTTPField.Name("X-CSRF-Token")!: m.csrf]) { r in
                #expect(r.status == .forbidden)
            }
            try await client.execute(uri: "/logout", method: .post, headers: formHeaders(cao, false), body: ByteBuffer(string: "csrf=\(m.csrf)")) { r in
                #expect(r.status == .forbidden)
            }
            try await client.execute(uri: "/api/logout", method: .post, headers: cao.headers) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/api/submissions", method: .get, headers: cao.cookieOnly) { r in #expect(r.status == .unauthorized) }
            try await client.execute(uri: "/api/submissions", method: .get, headers: m.cookieOnly) { r in #expect(r.status == .ok) }

            let versionsAfter = try f.store.versions(for: commission).count
            #expect(versionsAfter == versionsBefore)
            #expect(checked == Set(Portal.routes), "routes without a boundary check: \(Set(Portal.routes).subtracting(checked).sorted())")
        }
    }
}
