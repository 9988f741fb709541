import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Rota
import Crypto
@testable import RotaServer

/// Uploads checked on upload, versions kept, attendance, and the dashboard's figures.
@Suite struct SubmissionTests {
    @Test func anUploadIsVerifiedAndEveryCorrectionIsANewVersion() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            let first = try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers,
                                                 body: PortalFixture.json(try PortalFixture.miniUpload())) { r in try r.decode(VersionSummary.self) }
            #expect(first.version == 1 && first.passed && first.verdict.failures.isEmpty)
            #expect(first.institution == "hz-municipal")
            #expect(first.verdict.proof == "no proof submitted")
            // The same verdict as `rota verify` gives on the files.
            let scenario = try ScenarioReader.read(path: PortalFixture.path("Scenarios/audit/heze-mini/scenario.yaml"))
            let plan = try PlanReader.read(path: PortalFixture.path("Scenarios/audit/heze-mini/plan.json"))
            let report = PlanVerifier(scenario: scenario).verify(plan)
            #expect(first.verdict.checks == report.allChecks.count)
            #expect(first.digests["plan"] == sha256(try PortalFixture.text("Scenarios/audit/heze-mini/plan.json")))

            // A correction that breaks T1.quota (the short scenario): version 2, failing, with its clause.
            var short = try PortalFixture.miniUpload()
            short.scenario = .init(filename: "short.yaml", content: try PortalFixture.text("Scenarios/audit/heze-mini-short/scenario.yaml"))
            let second = try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers,
                                                  body: PortalFixture.json(short)) { r in
                #expect(r.status == .created)
                return try r.decode(VersionSummary.self)
            }
            #expect(second.version == 2 && !second.passed)
            let failure = try #require(second.verdict.failures.first { $0.rule == "T1.quota" })
            #expect(failure.instance == "T1.quota[hz-tcm]" && !failure.clause.isEmpty)
            // Version 1 is unchanged, and the page shows the failure with its clause.
            try await client.execute(uri: "/api/submissions/heze-mini/1", method: .get, headers: m.cookieOnly) { r in
                let again = try r.decode(VersionSummary.self)
                #expect(again == first)
            }
            try await client.execute(uri: "/submissions/heze-mini/2", method: .get, headers: m.cookieOnly) { r in
                #expect(r.text.contains("FAILS") && r.text.contains("T1.quota[hz-tcm]") && r.text.contains(esc(failure.clause)))
            }
            try await client.execute(uri: "/api/submissions", method: .get, headers: m.cookieOnly) { r in
                let list = try r.decode([VersionSummary].self)
                #expect(list.map(\.version) == [2, 1])
            }
        }
        // The database refuses to change a stored version.
        #expect(throws: (any Error).self) { try f.store.pool.write { db in try db.execute(sql: "UPDATE version SET passed = 1") } }
        #expect(throws: (any Error).self) { try f.store.pool.write { db in try db.execute(sql: "DELETE FROM version") } }
    }

    @Test func uploadErrorsAre4xxJSONNamingFileAndLine() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            var broken = try PortalFixture.miniUpload()
            broken.plan = .init(filename: "my-plan.json", content: "{\n  \"format\": \"rota-plan/1\",\n  \"teams\": [\n")
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(broken)) { r in
                #expect(r.status == .badRequest)
                let body = try r.decode(ErrorBody.self)
                let problem = try #require(body.problems?.first)
                #expect(problem.file == "my-plan.json" && problem.line > 0)
            }
            var badYAML = try PortalFixture.miniUpload()
            badYAML.scenario = .init(filename: "heze.yaml", content: "name: x\nperiod: {from: 2025-01-01, to: nonsense}\ninstitutions: []\nstaff: []\n")
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(badYAML)) { r in
                #expect(r.status == .badRequest)
                let problems = try #require(try r.decode(ErrorBody.self).problems)
                #expect(problems.contains { $0.file == "heze.yaml" && $0.line >= 1 })
            }
            var noPlan = try PortalFixture.miniUpload(); noPlan.plan = nil
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(noPlan)) { r in
                #expect(r.status == .badRequest && r.text.contains("\"plan\""))
            }
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: ByteBuffer(string: "not json")) { r in
                #expect(r.status == .badRequest)
            }
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers,
                                     body: PortalFixture.json(try PortalFixture.miniUpload(name: "../etc"))) { r in #expect(r.status == .badRequest) }
        }
        #expect(try f.store.versions(for: f.store.accounts()[0]).isEmpty)
    }

    /// A broken file of each part, by the API and by the form: a 400 naming the uploaded file
    /// and the line, and nothing stored.
    @Test func everyBrokenPartIsA400NamingItsFileAndLine() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        let proof = try PortalFixture.miniProof()
        let proofLines = String(decoding: try ProofReader.stream(proof, path: "p"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var cut = proofLines.map(String.init)
        cut[2] = String(cut[2].dropLast(3))
        let rotaHeader = "person,name,hospital,date,half,site,site_name,activity\n"
        var cases: [(String, SubmissionUpload, file: String, line: Int)] = []
        var u = try PortalFixture.miniUpload()
        u.scenario = .init(filename: "heze.yaml", content: try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml") + "\n  broken: [\n")
        cases.append(("YAML syntax", u, "heze.yaml", try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml").split(separator: "\n", omittingEmptySubsequences: false).count + 1))
        u = try PortalFixture.miniUpload(); u.plan = .init(filename: "my-plan.json", content: "{\n  \"format\": \"rota-plan/1\",\n  \"teams\": [\n")
        cases.append(("plan.json cut short", u, "my-plan.json", 4))
        u = try PortalFixture.miniUpload(); u.rota = .init(filename: "week-rota.csv", content: rotaHeader + "cao-p-01,贾永强,cao-people,2025-13-45,am,cao-hanji-v03,李庄村,tech-support\n")
        cases.append(("rota.csv with a bad date", u, "week-rota.csv", 2))
        u = try PortalFixture.miniUpload(); u.proof = .init(filename: "my-proof.jsonl.gz", bytes: Data("not gzip".utf8))
        cases.append(("proof not gzip", u, "my-proof.jsonl.gz", 1))
        u = try PortalFixture.miniUpload(); u.proof = .init(filename: "cut.jsonl.gz", bytes: GzipStream.compress([Array(cut.joined(separator: "\n").utf8)]))
        cases.append(("proof with a broken JSON line", u, "cut.jsonl.gz", 3))
        u = try PortalFixture.miniUpload(); u.proof = .init(filename: "short.jsonl.gz", bytes: proof.prefix(proof.count / 2))
        cases.append(("proof gzip truncated", u, "short.jsonl.gz", 1))
        u = try PortalFixture.miniUpload(); u.proof = SubmissionUpload.File(filename: "b64.jsonl.gz", content: "x"); u.proof?.content = nil; u.proof?.contentBase64 = "%%% not base64"
        cases.append(("proof not base64", u, "b64.jsonl.gz", 1))
        let broken = cases
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            for (what, upload, file, line) in broken {
                try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(upload)) { r in
                    #expect(r.status == .badRequest, "\(what)")
                    let problems = (try? r.decode(ErrorBody.self).problems) ?? nil
                    #expect(problems?.contains { $0.file == file && $0.line == line } == true, "\(what): \(r.text)")
                }
            }
            // The form: an HTML 400 listing file:line, with the way back to the form.
            let form = multipart([("csrf", nil, m.csrf), ("name", nil, "heze-mini"),
                                  ("scenario", "scenario.yaml", try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml")),
                                  ("plan", "plan.json", try PortalFixture.text("Scenarios/audit/heze-mini/plan.json")),
                                  ("rota", "rota.csv", rotaHeader + "cao-p-01,x,cao-people,2025-01-02,noon,cao-hanji-v03,x,tech-support\n")])
            try await client.execute(uri: "/submissions", method: .post, headers: [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: form)) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("<code>rota.csv:2: "))
                #expect(r.text.contains("href=\"/submissions\" id=\"back\""))
            }
        }
        let commission = try #require(try f.store.accounts().first { $0.role == .commission })
        #expect(try f.store.versions(for: commission).isEmpty)
    }

    @Test func aProofIsCheckedOnUploadAndATamperedOneIsNotConfirmed() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        // The proof rota writes for heze-mini, made through the library as `rota verify --proof` does.
        let inputs = VerificationInputs.read(scenario: PortalFixture.path("Scenarios/audit/heze-mini/scenario.yaml"),
                                             plan: PortalFixture.path("Scenarios/audit/heze-mini/plan.json"), rota: nil)
        let proof = VerifiedProof(scenario: try #require(inputs.scenario), plan: try #require(inputs.plan), rota: nil).proof
        let proofFile = try proof.fileData()
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            var upload = try PortalFixture.miniUpload(); upload.proof = .init(filename: "proof.jsonl.gz", bytes: proofFile)
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(upload)) { r in
                let v = try r.decode(VersionSummary.self)
                #expect(v.verdict.proof == "confirmed" && v.passed)
            }
            let text = String(decoding: try ProofReader.stream(proofFile, path: "p"), as: UTF8.self)
            let at = try #require(text.range(of: "\"verdict\":\"pass\""))
            let tampered = text.replacingCharacters(in: at, with: "\"verdict\":\"fail\"")
            #expect(tampered != text)
            upload.proof = .init(filename: "proof.jsonl.gz", bytes: GzipStream.compress([Array(tampered.utf8)]))
            try await client.execute(uri: "/api/submissions", method: .post, headers: m.headers, body: PortalFixture.json(upload)) { r in
                let v = try r.decode(VersionSummary.self)
                #expect(v.version == 2 && v.verdict.proof == "not confirmed" && !v.verdict.proofMismatches.isEmpty && !v.passed)
            }
        }
    }

    @Test func theUploadFormAndTheAttendanceFormWork() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        try await f.portal.application().test(.router) { client in
            let m = try await Login.api(client, "municipal")
            let body = multipart([("csrf", nil, m.csrf), ("name", nil, "heze-mini"),
                                  ("scenario", "scenario.yaml", try PortalFixture.text("Scenarios/audit/heze-mini/scenario.yaml")),
                                  ("plan", "plan.json", try PortalFixture.text("Scenarios/audit/heze-mini/plan.json")),
                                  ("rota", "", "")])
            try await client.execute(uri: "/submissions", method: .post, headers: [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: body)) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/submissions/heze-mini/1")
            }
            try await client.execute(uri: "/submissions/heze-mini/1", method: .get, headers: [.cookie: m.cookie]) { r in
                #expect(r.text.contains("PASSES"))
            }
            try await client.execute(uri: "/submissions", method: .get, headers: [.cookie: m.cookie]) { r in
                #expect(r.text.contains("/submissions/heze-mini/1"))
            }
            // One half-day through the form, then a sheet: the second unjustified date flags ATT.absence.
            let one = multipart([("csrf", nil, m.csrf), ("submission", nil, "heze-mini"), ("person", nil, "hanji-03"),
                                 ("date", nil, "2025-03-04"), ("half", nil, "am"), ("status", nil, "unjustified")])
            try await client.execute(uri: "/attendance", method: .post, headers: [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: one)) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Recorded 1 half-day") && r.text.contains("ATT.absence holds"))
            }
            let sheet = multipart([("csrf", nil, m.csrf), ("submission", nil, "heze-mini"),
                                   ("file", "week.csv", "person,date,half,status\nhanji-03,2025-03-05,pm,unjustified\nhanji-03,2025-03-06,am,justified\n")])
            try await client.execute(uri: "/attendance", method: .post, headers: [.cookie: m.cookie, .contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: sheet)) { r in
                #expect(r.text.contains("Recorded 2 half-days"))
                #expect(r.text.contains("ATT.absence: hanji-03"))
            }
            // A bad sheet: 400 naming the file and line.
            try await client.execute(uri: "/api/attendance", method: .post, headers: m.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "filename": "bad.csv",
                                                               "csv": "person,date,half,status\nhanji-03,2025-03-07,am,absent\nnobody,2025-03-07,am,present\n"])) { r in
                #expect(r.status == .badRequest)
                let problems = try #require(try r.decode(ErrorBody.self).problems)
                #expect(problems.contains { $0.file == "bad.csv" && $0.line == 2 })
            }
            try await client.execute(uri: "/api/attendance", method: .post, headers: m.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "csv": "person,date,half,status\nnobody,2025-03-07,am,present\n"])) { r in
                #expect(r.status == .badRequest && r.text.contains("unknown person"))
            }
            try await client.execute(uri: "/api/attendance", method: .post, headers: m.headers,
                                     body: PortalFixture.json(["submission": "heze-mini", "csv": "person,date,half,status\nhanji-01,2025-03-07,am,present\n"])) { r in
                #expect(r.status == .created)
                let answer = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let absences = answer?["absences"] as? [[String: Any]] ?? []
                #expect(absences.contains { $0["person"] as? String == "hanji-03" && $0["passed"] as? Bool == false })
            }
        }
    }

    @Test func theDashboardAndTheSummaryHaveRotaAuditsFigures() async throws {
        let f = try PortalFixture(); defer { f.cleanUp() }
        let commission = try #require(try f.store.accounts().first { $0.role == .commission })
        let versions = try f.store.load(auditFolder: PortalFixture.path("Scenarios/audit"), by: commission)
        #expect(versions.map(\.submission) == ["heze-mini", "heze-mini-b", "heze-mini-short"])
        // `rota audit Scenarios/audit`, run as a process, and the library call it makes.
        let out = f.dir.appendingPathComponent("audit-out")
        let status = try runRota(["audit", PortalFixture.path("Scenarios/audit"), "--out", out.path])
        #expect(status == 1)
        // Bytes, BOM included (String(contentsOf:) would drop the BOM).
        let cliCSV = String(decoding: try Data(contentsOf: out.appendingPathComponent("audit.csv")), as: UTF8.self)
        #expect(cliCSV.hasPrefix("\u{FEFF}section,"))
        let audit = try Audit.run(submissions: try AuditInput.submissions(in: PortalFixture.path("Scenarios/audit")),
                                  regionAttendance: PortalFixture.path("Scenarios/audit/attendance.csv"))
        #expect(AuditCSV.render(audit) == cliCSV)
        try await f.portal.application().test(.router) { client in
            let c = try await Login.api(client, "commission")
            try await client.execute(uri: "/summary.csv", method: .get, headers: c.cookieOnly) { r in
                #expect(r.status == .ok)
                #expect(Data(buffer: r.body) == Data(cliCSV.utf8))
            }
            try await client.execute(uri: "/summary", method: .get, headers: c.cookieOnly) { r in
                #expect(r.text.contains("T1.quota") && r.text.contains("ATT.absence"))
            }
            let figures = try await client.execute(uri: "/api/dashboard", method: .get, headers: c.cookieOnly) { r in try r.decode(DashboardFigures.self) }
            #expect(!figures.passed)
            #expect(figures.quotas.count == audit.submissions.flatMap(\.quotas).count)
            for (row, expected) in zip(figures.quotas, audit.submissions.flatMap(\.quotas)) {
                #expect(row.required == expected.required && row.planned == expected.planned && row.served == expected.served && row.verdict == expected.verdict)
            }
            #expect(figures.failures.map(\.instance) == audit.failures.map(\.instance))
            #expect(figures.absences.filter { !$0.passed }.map(\.person) == ["hanji-03"])
            // Filters: one county, one hospital.
            let cao = try await client.execute(uri: "/api/dashboard?county=cao", method: .get, headers: c.cookieOnly) { r in try r.decode(DashboardFigures.self) }
            #expect(!cao.quotas.isEmpty && cao.quotas.allSatisfy { $0.county == "cao" })
            let tcm = try await client.execute(uri: "/api/dashboard?hospital=hz-tcm", method: .get, headers: c.cookieOnly) { r in try r.decode(DashboardFigures.self) }
            #expect(tcm.quotas.map(\.submission) == ["heze-mini", "heze-mini-b", "heze-mini-short"])
            #expect(tcm.failures.map(\.instance) == ["T1.quota[hz-tcm]"])
            try await client.execute(uri: "/dashboard?county=cao", method: .get, headers: c.cookieOnly) { r in
                #expect(r.text.contains("<svg id=\"quota-chart\"") && r.text.contains("The region fails"))
            }
        }
    }
}

/// A multipart/form-data body with boundary `XyZ`: (name, filename or nil, content).
func multipart(_ parts: [(String, String?, String)]) -> String {
    parts.map { name, filename, content in
        "--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "")
            + "\r\n" + (filename == nil ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n\(content)\r\n"
    }.joined() + "--XyZ--\r\n"
}

func sha256(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }

/// The built `rota` executable (beside the test bundle).
let rotaExecutable: URL = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("rota")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir.deleteLastPathComponent()
    }
    return PortalFixture.packageRoot.appendingPathComponent(".build/debug/rota")
}()

/// Runs `rota` to completion; its exit status.
func runRota(_ arguments: [String]) throws -> Int32 {
    let p = Process()
    p.executableURL = rotaExecutable
    p.arguments = arguments
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
