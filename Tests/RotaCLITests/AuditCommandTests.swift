import Foundation
import Rota
import Testing

/// `rota audit` end to end: submissions planned by the real binary into a temporary folder,
/// audited, and the figures compared with `rota verify` on the same files.
@Suite(.serialized) struct AuditCommandTests {
    /// A folder with sub1 = heze-mini and sub2 = the heze-mini-b variant, each planned by
    /// `rota plan` (plan.json, rota.csv, …) with its scenario.yaml beside.
    private func plannedFolder() throws -> URL {
        let dir = try RotaProcess.temporaryDirectory()
        for (sub, yaml) in [("sub1", "Scenarios/mini/heze-mini.yaml"), ("sub2", "Scenarios/audit/heze-mini-b/scenario.yaml")] {
            let out = dir.appendingPathComponent(sub)
            let run = try RotaProcess.run(["plan", yaml, "--out", out.path])
            try #require(run.status == 0, "rota plan \(yaml): \(run.stderr)")
            try FileManager.default.copyItem(at: RotaProcess.packageRoot.appendingPathComponent(yaml),
                                             to: out.appendingPathComponent("scenario.yaml"))
        }
        return dir
    }

    private func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

    /// audit.csv rows (BOM and CRLF checked), split into cells (no quoted commas in the checked rows).
    private func csvRows(_ url: URL) throws -> [[String]] {
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
    }

    @Test func figuresMatchRotaVerifyAndAttendanceDecidesAbsence() throws {
        let dir = try plannedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // sub1's first stationed helper (by person id) posted in March and April is absent
        // without reason on 2 dates, sub2's on 1 date (who is stationed is the planner's
        // choice: read it from each plan).
        func stationed(_ sub: String) throws -> String {
            let plan = try PlanReader.read(path: dir.appendingPathComponent("\(sub)/plan.json").path)
            return try #require(plan.villageHelpers.filter { $0.form == .station && $0.start <= "2025-03-03" && $0.end >= "2025-04-09" }
                .map(\.person).sorted().first)
        }
        let a = try stationed("sub1"), b = try stationed("sub2")
        try write("submission,person,date,half,status\n"
                  + "sub1,\(a),2025-03-03,am,present\nsub1,\(a),2025-04-08,am,unjustified\nsub1,\(a),2025-04-09,pm,unjustified\n"
                  + "sub2,\(b),2025-03-03,am,present\nsub2,\(b),2025-04-08,am,unjustified\nsub2,\(b),2025-04-08,pm,unjustified\n",
                  dir.appendingPathComponent("attendance.csv"))
        let run = try RotaProcess.run(["audit", dir.path])
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        let rows = try csvRows(dir.appendingPathComponent("audit/audit.csv"))
        #expect(rows[0] == AuditCSV.header)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("audit/audit.html").path))

        for sub in ["sub1", "sub2"] {
            let folder = dir.appendingPathComponent(sub)
            let scenarioPath = folder.appendingPathComponent("scenario.yaml").path, planPath = folder.appendingPathComponent("plan.json").path
            // What `rota verify` reports on the same files (it picks up rota.csv beside the plan).
            let verify = try RotaProcess.run(["verify", scenarioPath, planPath])
            let scenario = try ScenarioReader.read(path: scenarioPath)
            let plan = try PlanReader.read(path: planPath)
            let rota = try RotaCSVReader.read(path: folder.appendingPathComponent("rota.csv").path)
            let report = PlanVerifier(scenario: scenario).verify(plan)
                .adding(rota: RotaVerifier(scenario: scenario, plan: plan).section(entries: rota, file: "rota.csv"))
            #expect(verify.status == (report.passed ? 0 : 1))
            for rule in Audit.quotaRules + Audit.totalRules {
                for c in report.checks(rule: rule) {
                    let section = Audit.quotaRules.contains(rule) ? "quota" : "total"
                    let row = try #require(rows.first { $0[0] == section && $0[1] == sub && $0[11] == c.instance }, "\(sub) \(c.instance)")
                    let planned = c.quantity("sent") ?? c.quantity("people")
                    #expect(row[7] == String(c.quantity("required")!), "\(c.instance) required")
                    #expect(row[8] == String(planned!), "\(c.instance) planned")
                    if c.verdict == .fail { #expect(row[10] == "fail") }
                    if section == "quota" { #expect(row[6] == String((c.quantity("technicalStaff") ?? c.quantity("medicalStaff"))!)) }
                }
            }
            // The verifier's failures are the audit's failures of that submission (none here).
            let auditFailures = Set(rows.filter { $0[0] == "failure" && $0[1] == sub }.map { $0[11] })
            for f in report.failures { #expect(auditFailures.contains(f.instance)) }
            #expect(verify.stdout.contains("PASSES") == report.passed)
        }
        let absence = rows.filter { $0[0] == "failure" && $0[5] == "ATT.absence" }
        #expect(absence.map { "\($0[1]) \($0[11])" } == ["sub1 ATT.absence[\(a)]"])
        #expect(run.stdout.contains("FAIL sub1 ATT.absence[\(a)]: 2 ≥ 2 dates"))
        let html = try String(contentsOf: dir.appendingPathComponent("audit/audit.html"), encoding: .utf8)
        #expect(html.contains("脱岗考核 ATT.absence") && html.contains("NORM.township-posts") && html.contains(a))

        // The same folder audited twice gives the same bytes.
        let again = dir.appendingPathComponent("again")
        _ = try RotaProcess.run(["audit", dir.path, "--out", again.path])
        #expect(try Data(contentsOf: again.appendingPathComponent("audit.csv")) == Data(contentsOf: dir.appendingPathComponent("audit/audit.csv")))
        #expect(try Data(contentsOf: again.appendingPathComponent("audit.html")) == Data(contentsOf: dir.appendingPathComponent("audit/audit.html")))
    }

    @Test func aSubmissionShortOfItsQuotaFailsAsRotaVerifySays() throws {
        let dir = try plannedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // sub2 now declares 600 technical staff for 菏泽市中医医院: T1.quota needs 8, the plan has 6.
        let yaml = dir.appendingPathComponent("sub2/scenario.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try write(text.replacingOccurrences(of: "tier: tertiary, technicalStaff: 420,", with: "tier: tertiary, technicalStaff: 600,"), yaml)
        let verify = try RotaProcess.run(["verify", yaml.path, dir.appendingPathComponent("sub2/plan.json").path])
        #expect(verify.status == 1 && verify.stdout.contains("T1.quota[hz-tcm]"))

        let out = dir.appendingPathComponent("report")
        let run = try RotaProcess.run(["audit", dir.path, "--out", out.path])
        #expect(run.status == 1)
        let rows = try csvRows(out.appendingPathComponent("audit.csv"))
        let quota = try #require(rows.first { $0[0] == "quota" && $0[1] == "sub2" && $0[2] == "hz-tcm" })
        #expect(Array(quota[4...10]) == ["tertiary", "T1.quota", "600", "8", "6", "", "fail"])
        let sub1 = try #require(rows.first { $0[0] == "quota" && $0[1] == "sub1" && $0[2] == "hz-tcm" })
        #expect(sub1[10] == "pass")
        #expect(rows.contains { $0[0] == "failure" && $0[1] == "sub2" && $0[5] == "T1.quota" && $0[11] == "T1.quota[hz-tcm]" })
        #expect(!rows.contains { $0[0] == "failure" && $0[1] == "sub1" && !$0[5].hasPrefix("NORM.") })
    }

    @Test func aBadAttendanceRowExitsTwoAndWritesNothing() throws {
        let dir = try plannedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = dir.appendingPathComponent("sheet.csv")
        try write("\u{FEFF}person,date,half,status\nhanji-03,2025-04-08,am,present\nhanji-03,2025-04-09,am,absent\n", sheet)
        let run = try RotaProcess.run(["audit", dir.path, "--attendance", sheet.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(sheet.path):3: attendance[1].status: unknown status \"absent\" (expected present, justified or unjustified (在岗, 请假, 脱岗 …))"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("audit").path))
        #expect(run.stdout.isEmpty)

        // An unknown person is refused too, with its line.
        try write("person,date,half,status\nnobody,2025-04-08,am,present\n", sheet)
        let unknown = try RotaProcess.run(["audit", dir.path, "--attendance", sheet.path])
        #expect(unknown.status == 2 && unknown.stderr.contains("\(sheet.path):2: person: unknown person \"nobody\""))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("audit").path))
    }

    @Test func helpDescribesEveryOption() throws {
        let run = try RotaProcess.run(["audit", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--out <out>") && run.stdout.contains("Folder for audit.csv and audit.html"))
        #expect(run.stdout.contains("--attendance <attendance.csv>") && run.stdout.contains("The region's attendance CSV"))
    }
}
