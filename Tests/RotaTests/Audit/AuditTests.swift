import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private func example(_ path: String) -> String { root.appendingPathComponent("Scenarios/audit/\(path)").path }

@Suite struct AttendanceCSVTests {
    @Test func readsRowsWithABOMAndAnyColumnOrder() throws {
        let rows = try AttendanceCSV.parse("\u{FEFF}status,person,half,date\r\npresent,p1,am,2025-03-03\r\n\r\nunjustified,p2,PM,2025-03-04\r\n", file: "a.csv")
        #expect(rows.count == 2)
        #expect(rows[1].person == "p2" && rows[1].half == "pm" && rows[1].status == .unjustified && rows[1].line == 4)
        #expect(rows[0].submission == nil)
    }

    @Test func chineseStatusesHalvesAndExcelDates() throws {
        let rows = try AttendanceCSV.parse("person,date,half,status\r\np1,2025/3/3,上午,在岗\r\np1,2025/3/3,下午,病假\r\np2,2025年3月4日,上午,脱岗\r\n", file: "a.csv")
        #expect(rows.map(\.status) == [.present, .justified, .unjustified])
        #expect(rows.map(\.half) == ["am", "pm", "am"])
        #expect(rows.map(\.date) == [day("2025-03-03"), day("2025-03-03"), day("2025-03-04")])
    }

    /// An HR office's own sheet: Chinese headers too, in any order, and an unknown one named.
    @Test func chineseHeaders() throws {
        let rows = try AttendanceCSV.parse("报送单位,人员编号,日期,时段,考勤状态\r\nheze-mini,p1,2025/3/3,上午,在岗\r\nheze-mini,p2,2025/3/3,下午,脱岗\r\n", file: "a.csv")
        #expect(rows.map(\.person) == ["p1", "p2"] && rows.map(\.submission) == ["heze-mini", "heze-mini"])
        #expect(rows.map(\.status) == [.present, .unjustified])
        #expect(try AttendanceCSV.parse("状态,工号,时段,日期\np1,p1,am,2025-03-03\n".replacingOccurrences(of: "p1,p1", with: "在岗,p1"), file: "a.csv").map(\.status) == [.present])
        do { _ = try AttendanceCSV.parse("人员编号,日期,时段,签到\n", file: "a.csv"); Issue.record("accepted") }
        catch {
            #expect(error.description.contains("a.csv:1: header[3]: unknown column \"签到\" (expected submission, person, date, half, status (or 报送单位, 人员编号, 日期, 时段, 考勤状态))"))
            #expect(error.description.contains("missing column \"status\""))
        }
    }

    @Test func badRowsAreLocatedToTheirLine() {
        #expect(throws: InputError.self) { try AttendanceCSV.parse("person,date,half,status\np1,2025-03-03,am,absent\n", file: "a.csv") }
        do {
            _ = try AttendanceCSV.parse("person,date,half,status\np1,2025-03-03,am,present\np1,2025-02-30,noon,absent\n", file: "a.csv")
        } catch {
            let text = error.description
            #expect(text.contains("a.csv:3: attendance[1].date: not a date: \"2025-02-30\" (expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)"))
            #expect(text.contains("a.csv:3: attendance[1].half: unknown half \"noon\" (expected am or pm (上午 or 下午))"))
            #expect(text.contains("a.csv:3: attendance[1].status: unknown status \"absent\" (expected present, justified or unjustified (在岗, 请假, 脱岗 …))"))
        }
    }

    @Test func aMissingColumnAndAConflictingRepeatAreRefused() {
        do { _ = try AttendanceCSV.parse("person,date,status\n", file: "a.csv"); Issue.record("accepted") }
        catch { #expect(error.description.contains("a.csv:1: header: missing column \"half\"")) }
        do {
            _ = try AttendanceCSV.parse("person,date,half,status\np,2025-03-03,am,present\np,2025-03-03,am,unjustified\n", file: "a.csv")
            Issue.record("accepted")
        } catch { #expect(error.description.contains("a.csv:3: attendance[1].status: p 2025-03-03 am is unjustified here but present on line 2")) }
    }
}

@Suite struct AuditComputationTests {
    /// The example's heze-mini submission with a hand-made attendance sheet.
    private func audit(_ rows: [(String, String, String, AttendanceStatus)]?) throws -> Audit.SubmissionResult {
        let scenario = try ScenarioReader.read(path: example("heze-mini/scenario.yaml"))
        let plan = try PlanReader.read(path: example("heze-mini/plan.json"))
        let report = PlanVerifier(scenario: scenario).verify(plan)
        let records = rows?.map { AttendanceRecord(file: "t.csv", line: 1, person: $0.0, date: Day(iso: $0.1)!, half: $0.2, status: $0.3) }
        return Audit.audit(AuditSubmission(name: "s", scenarioPath: "", planPath: ""), scenario: scenario, plan: plan,
                           report: report, attendance: records)
    }

    @Test func twoDatesWithAnUnjustifiedHalfDayFailOneDatePasses() throws {
        let two = try audit([("hanji-03", "2025-04-08", "am", .unjustified), ("hanji-03", "2025-04-09", "pm", .unjustified)])
        let a = try #require(two.absences.first { $0.person == "hanji-03" })
        #expect(a.count == 2 && !a.passed)
        #expect(two.failures.contains { $0.instance == "ATT.absence[hanji-03]" && $0.rule == "ATT.absence" && !$0.clause.isEmpty })

        // Both half-days of one date are one absence; justified half-days are none.
        let one = try audit([("hanji-03", "2025-04-08", "am", .unjustified), ("hanji-03", "2025-04-08", "pm", .unjustified),
                             ("hanji-03", "2025-04-09", "am", .justified)])
        let b = try #require(one.absences.first { $0.person == "hanji-03" })
        #expect(b.count == 1 && b.passed)
        #expect(!one.failures.contains { $0.rule == "ATT.absence" })
        #expect(one.absences.map(\.person) == ["hanji-03", "shan-p-01", "zhuangzhai-02"])
    }

    @Test func noSheetMeansServedIsNotAssessed() throws {
        let r = try audit(nil)
        #expect(!r.attendanceGiven && r.absences.isEmpty)
        #expect(r.quotas.allSatisfy { $0.served == nil && $0.verdict == "pass" })
        #expect(r.failures.allSatisfy { $0.rule.hasPrefix("NORM.") })
    }

    @Test func servedCountsPresentPeopleWhoDoNotFailAttendance() throws {
        let r = try audit([("hanji-03", "2025-03-03", "am", .present), ("hanji-03", "2025-04-08", "am", .unjustified),
                           ("hanji-03", "2025-04-09", "am", .unjustified), ("hzm-01", "2025-03-03", "pm", .present)])
        let hanji = try #require(r.quotas.first { $0.rule == "T3.quota" && $0.institution == "cao-hanji" })
        #expect(hanji.people.contains("hanji-03"))
        #expect(hanji.served == 0 && hanji.verdict == "short-served")
        let municipal = try #require(r.quotas.first { $0.institution == "hz-municipal" })
        #expect(municipal.served == (municipal.people.contains("hzm-01") ? 1 : 0))
    }

    @Test func normsUseVillageFlagsInIntegers() {
        func v(_ id: String, _ pop: Int, doctor: Bool = true, licensed: Bool = true) -> Institution {
            Institution(id: id, name: id, tier: .village, county: "c", township: "t", population: pop,
                        villageDoctor: doctor, licensedPhysician: licensed)
        }
        let scenario = Scenario(name: "n", profile: "heze-city", parameters: Profile.builtIn("heze-city")!.parameters,
                                period: DayRange(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!),
                                counties: [County(id: "c", name: "C县")],
                                institutions: [v("a", 1000), v("b", 500, licensed: false), v("c", 500, doctor: false, licensed: false)],
                                staff: [])
        let norms = Audit.normChecks("s", scenario)
        let doctors = norms.first { $0.rule == "NORM.village-doctors" }!
        #expect(doctors.lhs == 2000 && doctors.rhs == 2000 && doctors.verdict == "pass")   // 2 per 2000 = 1 per 1000
        let licensed = norms.first { $0.rule == "NORM.licensed" }!
        #expect(licensed.verdict == "pass")                                                    // 1 of 2 = 50%
        var high = scenario
        high.institutions = [v("a", 1000), v("b", 300)]
        #expect(Audit.normChecks("s", high).first { $0.rule == "NORM.village-doctors" }!.verdict == "high")
        var low = scenario
        low.institutions = [v("a", 1001)]
        #expect(Audit.normChecks("s", low).first { $0.rule == "NORM.village-doctors" }!.verdict == "fail")
    }
}

@Suite struct AuditInputTests {
    @Test func findsTheExampleSubfolders() throws {
        let subs = try AuditInput.submissions(in: root.appendingPathComponent("Scenarios/audit").path)
        #expect(subs.map(\.name) == ["heze-mini", "heze-mini-b", "heze-mini-short"])
        #expect(subs.allSatisfy { $0.scenarioPath.hasSuffix("/scenario.yaml") && $0.planPath.hasSuffix("/plan.json") })
    }

    @Test func findsTheFlatLayoutAndRefusesAScenarioWithoutItsPlan() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("x".utf8).write(to: dir.appendingPathComponent("a.yaml"))
        try Data("{}".utf8).write(to: dir.appendingPathComponent("a.plan.json"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("a.attendance.csv"))
        let subs = try AuditInput.submissions(in: dir.path)
        #expect(subs.map(\.name) == ["a"] && subs[0].attendancePath != nil && subs[0].rotaPath == nil)
        try Data("x".utf8).write(to: dir.appendingPathComponent("b.yaml"))
        #expect(throws: InputError.self) { try AuditInput.submissions(in: dir.path) }
    }
}
