import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Rota
@testable import RotaServer

/// ATT.absence flagged as it happens, the dashboard's charts and filters, and the exports of a
/// filtered view, each line one of `rota audit`'s.
@Suite struct DashboardTests {
    @Test func aSecondUnjustifiedAbsenceIsFlaggedOnTheHospitalsAndTheCommissionsPagesAtOnce() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal"), c = try await Login.api(client, "commission")
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload())) { r in #expect(r.status == .created) }
            func pages() async throws -> (attendance: String, submissions: String, dashboard: String) {
                let a = try await client.execute(uri: "/attendance", method: .get, headers: m.cookieOnly) { $0.text }
                let s = try await client.execute(uri: "/submissions", method: .get, headers: m.cookieOnly) { $0.text }
                let d = try await client.execute(uri: "/dashboard", method: .get, headers: c.cookieOnly) { $0.text }
                return (a, s, d)
            }
            let formHeaders: HTTPFields = [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=XyZ"]
            // The first unjustified date, through the page's form: counted, not flagged.
            let one = multipart([("csrf", nil, m.csrf), ("submission", nil, "heze-mini"), ("person", nil, "hanji-03"),
                                 ("date", nil, "2025-03-04"), ("half", nil, "am"), ("status", nil, "unjustified")])
            try await client.execute(uri: "/attendance", method: .post, headers: formHeaders, body: ByteBuffer(string: one)) { r in
                #expect(r.status == .ok && !r.text.contains("absence-alert"))
            }
            var now = try await pages()
            #expect(now.attendance.contains("1: 2025-03-04"))
            #expect(!now.attendance.contains("absence-alert") && !now.submissions.contains("absence-alert") && !now.dashboard.contains("absence-alert"))
            // The second, in a CSV sheet (two half-days of one date count once): flagged everywhere at once.
            let sheet = multipart([("csrf", nil, m.csrf), ("submission", nil, "heze-mini"),
                                   ("file", "week.csv", "person,date,half,status\nhanji-03,2025-03-06,am,unjustified\nhanji-03,2025-03-06,pm,unjustified\n")])
            try await client.execute(uri: "/attendance", method: .post, headers: formHeaders, body: ByteBuffer(string: sheet)) { r in
                #expect(r.text.contains("Recorded 2 half-days") && r.text.contains("id=\"absence-alert\""))
            }
            now = try await pages()
            // The receiving site (韩集镇卫生院, whose village hanji-03 is stationed at) sees it too.
            try f.store.createAccount(username: "hanji", password: PortalFixture.password, role: .hospital, institution: "cao-hanji")
            let site = try await Login.api(client, "hanji")
            let sitePage = try await client.execute(uri: "/attendance", method: .get, headers: site.cookieOnly) { $0.text }
            for (page, html) in [("attendance", now.attendance), ("submissions", now.submissions), ("dashboard", now.dashboard), ("receiving site's attendance", sitePage)] {
                #expect(html.contains("id=\"absence-alert\"") && html.contains("hanji-03") && html.contains("2025-03-04, 2025-03-06"), "\(page)")
            }
            try await client.execute(uri: "/summary.csv", method: .get, headers: c.cookieOnly) { r in
                #expect(r.text.contains("failure,heze-mini,,") && r.text.contains("ATT.absence[hanji-03]"))
            }
            // A correction (the second date was leave after all) lifts the flag.
            try await client.execute(uri: "/api/attendance", method: .post, headers: m.headers,
                                     body: PortalFixture.json(["submission": "heze-mini",
                                                               "csv": "person,date,half,status\nhanji-03,2025-03-06,am,justified\nhanji-03,2025-03-06,pm,justified\n"])) { r in
                #expect(r.status == .created)
            }
            now = try await pages()
            #expect(!now.attendance.contains("absence-alert") && !now.dashboard.contains("absence-alert"))
        }
    }

    @Test func theChartsDrawEveryRowAndTheFilteredExportsAreLinesOfRotaAudit() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        let commission = try #require(try f.store.accounts().first { $0.role == .commission })
        try f.store.load(auditFolder: PortalFixture.path("Scenarios/audit"), by: commission)
        let out = f.dir.appendingPathComponent("audit-out")
        #expect(try runRota(["audit", PortalFixture.path("Scenarios/audit"), "--out", out.path]) == 1)
        let cliCSV = String(decoding: try Data(contentsOf: out.appendingPathComponent("audit.csv")), as: UTF8.self)
        // CSV rows end in CRLF (one Character in Swift, so split on the string).
        @Sendable func rows(_ csv: String) -> [String] { csv.components(separatedBy: "\r\n").filter { !$0.isEmpty } }
        let cliLines = rows(cliCSV)
        #expect(cliLines.count > 50)
        let scenario = try ScenarioReader.read(path: PortalFixture.path("Scenarios/audit/heze-mini/scenario.yaml"))
        try await f.portal.application().test(.router) { client in
            let c = try await Login.api(client, "commission")
            // One bar group per row in each chart, and the printable summary's print style.
            let all = try await client.execute(uri: "/api/dashboard", method: .get, headers: c.cookieOnly) { r in try r.decode(DashboardFigures.self) }
            try await client.execute(uri: "/dashboard", method: .get, headers: c.cookieOnly) { r in
                for (id, rows) in [("quota-chart", all.quotas.count), ("tier-chart", all.tiers.count), ("totals-chart", all.totals.count)] {
                    let start = try #require(r.text.range(of: "<svg id=\"\(id)\""), "\(id)")
                    let svg = String(r.text[start.lowerBound...]).components(separatedBy: "</svg>")[0]
                    #expect(svg.components(separatedBy: "<title>required ").count - 1 == rows, "\(id)")
                }
                #expect(r.text.contains("href=\"/summary\" id=\"summary-link\""))
            }
            try await client.execute(uri: "/summary", method: .get, headers: c.cookieOnly) { r in
                #expect(r.text.contains("@media print") && r.text.contains("@page{size:A4 landscape"))
                #expect(r.text.contains("whole region") && r.text.contains("heze-mini v1") && !r.text.contains("rota-dashboard-"))
            }
            // Filtered views: every line is one of `rota audit`'s, and the quota lines are exactly its lines of the hospitals chosen.
            let cao = Set(scenario.institutions.filter { $0.county == "cao" }.map(\.id))
            for (query, chosen) in [("county=cao", cao), ("hospital=hz-tcm", ["hz-tcm"]), ("county=cao&hospital=cao-hanji", ["cao-hanji"])] {
                let csv = try await client.execute(uri: "/summary.csv?\(query)", method: .get, headers: c.cookieOnly) { r in r.text }
                let lines = rows(csv)
                #expect(lines.first == cliLines.first)
                #expect(Set(lines).isSubset(of: Set(cliLines)), "\(query)")
                let quotas = lines.filter { $0.hasPrefix("quota,") }
                #expect(!quotas.isEmpty && quotas == cliLines.filter { $0.hasPrefix("quota,") && chosen.contains($0.split(separator: ",")[2].description) }, "\(query)")
                #expect(lines.filter { $0.hasPrefix("total,") } == cliLines.filter { $0.hasPrefix("total,") }, "\(query): region totals stay region-wide")
                let figures = try await client.execute(uri: "/api/dashboard?\(query)", method: .get, headers: c.cookieOnly) { r in try r.decode(DashboardFigures.self) }
                #expect(figures.quotas.map { "\($0.submission),\($0.institution),\($0.required),\($0.planned),\($0.served.map(String.init) ?? "")" }
                        == quotas.map { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { "\($0[1]),\($0[2]),\($0[7]),\($0[8]),\($0[9])" })
                #expect(figures.failures.map(\.instance) == lines.filter { $0.hasPrefix("failure,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false)[11].description })
                try await client.execute(uri: "/summary?\(query)", method: .get, headers: c.cookieOnly) { r in
                    #expect(r.text.contains("filtered: ") && r.text.contains("@media print"))
                    for q in figures.quotas { #expect(r.text.contains("<span class=\"note\">\(q.institution)</span>")) }
                }
            }
            let hanji = try await client.execute(uri: "/api/dashboard?hospital=cao-hanji", method: .get, headers: c.cookieOnly) { r in try r.decode(DashboardFigures.self) }
            #expect(hanji.absences.map(\.person).contains("hanji-03") && hanji.failures.contains { $0.instance == "ATT.absence[hanji-03]" })
        }
    }

    @Test func everyFormCarriesItsCSRFTokenAndCrossSitePostsAreRefused() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let c = try await Login.api(client, "commission")
            try await client.execute(uri: "/api/submissions", method: .post, headers: c.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload())) { r in #expect(r.status == .created) }
            // Every POST form of every page holds a csrf field.
            for uri in ["/login", "/dashboard", "/submissions", "/submissions/heze-mini/1", "/attendance", "/accounts", "/summary"] {
                let page = try await client.execute(uri: uri, method: .get, headers: c.cookieOnly) { r in r.text }
                let forms = page.components(separatedBy: "<form").dropFirst().map { $0.components(separatedBy: "</form>")[0] }
                for form in forms where form.contains("method=\"post\"") {
                    #expect(form.contains("type=\"hidden\" name=\"csrf\" value=\""), "\(uri): \(form.prefix(80))")
                }
            }
            // The commission's own account form needs it too.
            try await client.execute(uri: "/accounts", method: .post, headers: [.cookie: c.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "username=x1&password=12345678&role=hospital&institution=cao-people")) { r in
                #expect(r.status == .forbidden)
            }
            // A right token sent from another site's page (its Origin) is refused.
            let form = try await LoginForm.fetch(client)
            var headers = form.headers
            headers[.origin] = "http://evil.example"
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(form.csrf)&username=commission&password=correct+horse+battery")) { r in
                #expect(r.status == .forbidden)
            }
            var api = c.headers
            api[.origin] = "http://evil.example"
            try await client.execute(uri: "/api/logout", method: .post, headers: api) { r in #expect(r.status == .forbidden) }
            try await client.execute(uri: "/api/submissions", method: .get, headers: c.cookieOnly) { r in #expect(r.status == .ok, "still logged in") }
            // (The browser test logs in through the form, Origin and all, on this portal's own address.)
        }
    }
}
