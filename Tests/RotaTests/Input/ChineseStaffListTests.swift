import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// A staff list as a Chinese HR office keeps it — Chinese headers, 医师/主治医师/中医, hospital
/// names instead of ids, dates 2025/7/1 — saved by Excel as GB18030 CSV, is read to the same
/// staff as the format's own spelling, and plans.
@Suite struct ChineseStaffListTests {
    let dir = FixtureDirectory()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The title words of each role's line: junior, intermediate, associate-senior, senior.
    static let titleWords: [String: [String: String]] = [
        "doctor": ["junior": "医师", "intermediate": "主治医师", "associate-senior": "副主任医师", "senior": "主任医师"],
        "nurse": ["junior": "护师", "intermediate": "主管护师", "associate-senior": "副主任护师", "senior": "主任护师"],
        "pharmacist": ["junior": "药师", "intermediate": "主管药师", "associate-senior": "副主任药师", "senior": "主任药师"],
        "technician": ["junior": "技师", "intermediate": "主管技师", "associate-senior": "副主任技师", "senior": "主任技师"],
    ]
    static let roleWords = ["doctor": "医师", "nurse": "护士", "pharmacist": "药师", "technician": "技师"]
    static let specialtyWords = ["tcm": "中医", "general": "全科", "internal": "内科", "surgery": "外科", "pediatrics": "儿科"]

    /// `2025-07-01` → `2025/7/1`.
    static func slashed(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map { Int($0)! }
        return "\(parts[0])/\(parts[1])/\(parts[2])"
    }

    @Test func countyListInChineseGB18030PlansWithNoEdits() throws {
        let yamlPath = Self.root.appendingPathComponent("Scenarios/yanggu-county-2025.yaml").path
        let original = try ScenarioReader.read(path: yamlPath)
        let names = Dictionary(uniqueKeysWithValues: original.institutions.map { ($0.id, $0.name) })
        let csv = try String(contentsOfFile: Self.root.appendingPathComponent("Scenarios/yanggu-county-2025-staff.csv").path, encoding: .utf8)
        let table = CSVTable.parse(csv.hasPrefix("\u{FEFF}") ? String(csv.dropFirst()) : csv)
        var lines = ["编号,姓名,单位,岗位类别,专业,职称,家乡,不可派出日期"]
        var sawTCM = false
        for record in table.records.dropFirst() where !record.isBlank {
            let c = record.cells
            let (role, specialty, title) = (c[3], c[4], c[5])
            sawTCM = sawTCM || specialty == "tcm"
            let leave = c[7].split(separator: ";").map { part -> String in
                part.components(separatedBy: "..").map { Self.slashed($0) }.joined(separator: "至")
            }.joined(separator: "；")
            let cells = [c[0], c[1], names[c[2]]!, Self.roleWords[role]!, Self.specialtyWords[specialty] ?? specialty,
                         title.isEmpty ? "" : Self.titleWords[role]![title]!, c[6].isEmpty ? "" : names[c[6]]!, leave]
            lines.append(cells.joined(separator: ","))
        }
        #expect(sawTCM)
        dir.write("职工名单.csv", bytes: try #require(gb18030(lines.joined(separator: "\r\n") + "\r\n")))
        let yaml = try String(contentsOfFile: yamlPath, encoding: .utf8)
            .replacingOccurrences(of: "staff: yanggu-county-2025-staff.csv", with: "staff: 职工名单.csv")
        let chinese = try dir.read(yaml, fileName: "yanggu.yaml")

        #expect(chinese.staff == original.staff)
        #expect(chinese.staff.filter(\.isSeniorTCMPhysician).count == original.staff.filter(\.isSeniorTCMPhysician).count)

        let outcome = try AnnualPlanner(scenario: chinese, options: PlanningOptions(timeLimit: 120)).plan()
        guard case .planned(let plan) = outcome else { Issue.record("\(outcome)"); return }
        let report = PlanVerifier(scenario: chinese).verify(plan)
        #expect(report.passed, "\(report.failures.prefix(5).map(\.instance))")
    }

    @Test func chineseWordsMapToTheFormatsValues() throws {
        dir.write("staff.csv", """
            工号,姓名,所属单位,岗位类别,专业,职称,不可派出日期
            a1,王芳,菏泽市立医院,医生,中医,主任医师,2025年3月1日至2025年3月14日
            a2,李娜,cao-people,护士,全科,主管护师,2025/7/1-2025/7/5；2025-05-06
            a3,赵强,曹县人民医院,药师,内科,副主任药师,
            a4,孙丽,韩集镇卫生院,检验师,ecg,初级,

            """)
        let s = try dir.read(miniScenario(staff: "staff.csv"))
        #expect(s.staff.map(\.institution) == ["hz-municipal", "cao-people", "cao-people", "cao-hanji"])
        #expect(s.staff.map(\.role) == [.doctor, .nurse, .pharmacist, .technician])
        #expect(s.staff.map(\.specialty) == ["tcm", "general", "internal", "ecg"])
        #expect(s.staff.map(\.title) == [.senior, .intermediate, .associateSenior, .junior])
        #expect(s.staff[0].isSeniorTCMPhysician)
        #expect(s.staff[0].unavailable == [DayRange(from: day("2025-03-01"), to: day("2025-03-14"))])
        #expect(s.staff[1].unavailable == [DayRange(from: day("2025-07-01"), to: day("2025-07-05")),
                                           DayRange(from: day("2025-05-06"), to: day("2025-05-06"))])
    }

    @Test func wordsNotUnderstoodAreErrorsWhereTheyAreWritten() {
        dir.write("staff.csv", """
            编号,姓名,单位,岗位类别,职称,不可派出日期,等级
            a1,王芳,hz-municipl,大医生,高级,2025/13/1
            a2,李娜,cao-peple,nurse,,
            a3,张伟,曹县人民医,医师,,

            """)
        #expect(dir.problems(miniScenario(staff: "staff.csv")) == [
            "staff.csv:1: header: unknown column \"等级\" (expected id, name, institution, role, specialty, title, hometown, unavailable or their Chinese names (姓名, 单位, 岗位类别, 职称, 专业 …))",
            "staff.csv:2: staff[0].institution: unknown institution \"hz-municipl\"; did you mean \"hz-municipal\"? (expected the id of a tertiary, secondary, county or township institution)",
            "staff.csv:2: staff[0].role: unknown role \"大医生\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
            "staff.csv:2: staff[0].title: unknown title \"高级\" (expected junior, intermediate, associate-senior, senior or 主任医师, 副主任医师, 主治医师, 医师 (and the 护/药/技 titles))",
            "staff.csv:2: staff[0].unavailable[0]: bad date \"2025/13/1\" (expected a date written YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
            "staff.csv:3: staff[1].institution: unknown institution \"cao-peple\"; did you mean \"cao-people\"? (expected the id of a tertiary, secondary, county or township institution)",
            "staff.csv:4: staff[2].institution: unknown institution \"曹县人民医\"; did you mean \"曹县人民医院\" (cao-people)? (expected the id of a tertiary, secondary, county or township institution)",
        ])
    }
}

/// The staff list as the Excel workbook itself (first sheet), written by openpyxl as Excel
/// writes it: shared strings, numbers, date cells.
@Suite struct StaffWorkbookTests {
    let dir = FixtureDirectory()

    static let script = """
    import sys, datetime, openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "职工名单"
    ws.append(["工号", "姓名", "所属单位", "岗位类别", "专业", "职称", "不可派出日期"])
    ws.append([1001, "王芳", "菏泽市立医院", "医师", "中医", "主任医师", datetime.date(2025, 7, 1)])
    ws.append(["a2", "李娜", "cao-people", "护士", None, "主管护师", "2025/3/1至2025/3/14"])
    if sys.argv[2] == "bad":
        ws.append(["a3", "赵强", "cao-peple", "厨师", None, "高级", None])
    other = wb.create_sheet("说明")
    other.append(["this sheet is not read"])
    wb.save(sys.argv[1])
    """

    func workbook(_ variant: String) throws -> String {
        let path = (dir.path as NSString).appendingPathComponent("staff.xlsx")
        _ = try TestPython.run(Self.script, arguments: [path, variant])
        return path
    }

    @Test func firstSheetReadsWithNumbersAndDateCells() throws {
        _ = try workbook("good")
        let s = try dir.read(miniScenario(staff: "staff.xlsx"))
        #expect(s.staff.map(\.id) == ["1001", "a2"])
        #expect(s.staff.map(\.institution) == ["hz-municipal", "cao-people"])
        #expect(s.staff[0].isSeniorTCMPhysician)
        #expect(s.staff[0].unavailable == [DayRange(from: day("2025-07-01"), to: day("2025-07-01"))])
        #expect(s.staff[1].unavailable == [DayRange(from: day("2025-03-01"), to: day("2025-03-14"))])
        #expect(s.staff[1].title == .intermediate)
    }

    @Test func problemsNameTheCell() throws {
        _ = try workbook("bad")
        #expect(dir.problems(miniScenario(staff: "staff.xlsx")) == [
            "staff.xlsx:C4: staff[2].institution: unknown institution \"cao-peple\"; did you mean \"cao-people\"? (expected the id of a tertiary, secondary, county or township institution)",
            "staff.xlsx:D4: staff[2].role: unknown role \"厨师\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
            "staff.xlsx:F4: staff[2].title: unknown title \"高级\" (expected junior, intermediate, associate-senior, senior or 主任医师, 副主任医师, 主治医师, 医师 (and the 护/药/技 titles))",
        ])
    }

    @Test func excelDateSerials() {
        #expect(XLSXSheet.dayFromSerial("45839") == day("2025-07-01"))
        #expect(XLSXSheet.dayFromSerial("61") == day("1900-03-01"))
        #expect(XLSXSheet.dayFromSerial("45839.5") == nil)
        #expect(XLSXSheet.columnName(27) == "AB")
    }
}

/// A village's township written by a name a little off (as the 村卫生室 sheet invites) gets the
/// township by name and id; an id a little off gets the id.
@Test func aMistypedTownshipGetsDidYouMean() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Scenarios/mini/heze-mini.yaml").path
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
    func problems(_ text: String) -> [String] {
        do { _ = try ScenarioReader.read(yaml: text, fileName: "s.yaml", baseDirectory: (path as NSString).deletingLastPathComponent); return [] }
        catch { return error.diagnostics.map(\.message) }
    }
    let byName = yaml.replacingOccurrences(of: "county: cao, township: cao-hanji, population: 3260", with: "county: cao, township: 曹县韩集镇卫生, population: 3260")
    #expect(byName != yaml)
    #expect(problems(byName).contains { $0.contains("unknown institution \"曹县韩集镇卫生\"; did you mean \"") && $0.contains("(cao-hanji)?") }, "\(problems(byName))")
    let byId = yaml.replacingOccurrences(of: "county: cao, township: cao-hanji, population: 3260", with: "county: cao, township: cao-hanjj, population: 3260")
    #expect(problems(byId).contains { $0.contains("unknown institution \"cao-hanjj\"; did you mean \"cao-hanji\"?") }, "\(problems(byId))")
}
