import Foundation
import Testing
import Rota

/// `rota template`: the workbook written, filled as a planner would (by openpyxl, as Excel
/// saves it), read back to the same scenario as the YAML it was filled from, and planned.
@Suite struct TemplateCommandTests {
    @Test func helpTextIsExact() throws {
        let r = try RotaProcess.run(["template", "--help"])
        #expect(r.stdout == """
        OVERVIEW: Write an Excel workbook to fill in with a scenario: institutions,
        villages, staff and calendar.

        Chinese headers, drop-down lists for tiers, roles and titles, an example row on
        each sheet. Plan the filled workbook directly: rota plan FILE.xlsx. Exit 0 when
        written, 2 for a bad command line, 4 when the file cannot be written.

        USAGE: rota template <output> [--force]

        ARGUMENTS:
          <output>                The workbook to write (a name ending in .xlsx).

        OPTIONS:
          --force                 Replace the file if it exists.
          --version               Show the version.
          -h, --help              Show help information.


        """)
    }

    @Test func refusesToOverwriteWithoutForceAndNamesOtherThanXLSX() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("方案.xlsx").path
        #expect(try RotaProcess.run(["template", path]).status == 0)
        let again = try RotaProcess.run(["template", path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists; choose another name or add --force"))
        #expect(try RotaProcess.run(["template", path, "--force"]).status == 0)
        #expect(try RotaProcess.run(["template", dir.appendingPathComponent("x.csv").path]).status == 2)
    }

    /// A cell of the fill: text, a whole number or a date.
    static func cell(_ value: String) -> [String: String] { ["t": "s", "v": value] }
    static func number(_ value: Int) -> [String: String] { ["t": "n", "v": String(value)] }
    static func date(_ day: Day) -> [String: String] { ["t": "d", "v": day.iso] }
    static func decimal(_ value: Double) -> [String: String] { ["t": "f", "v": String(value)] }

    /// The rows to type into each sheet of the template for `scenario` (from row 2 on, over
    /// the example rows), in Chinese where the template offers Chinese words.
    static func fill(_ s: Scenario) -> [String: [[[String: String]]]] {
        let yes = { (b: Bool) in cell(b ? "是" : "否") }
        let tierWord: [Tier: String] = [.tertiary: "三级医院", .secondary: "二级医院", .county: "县级医院", .township: "乡镇卫生院"]
        let names = Dictionary(uniqueKeysWithValues: s.institutions.map { ($0.id, $0.name) })
        let base = Profile.builtIn(s.profile)!.parameters
        var settings = [[cell("名称"), cell(s.name)], [cell("政策"), cell(s.profile)],
                        [cell("开始日期"), date(s.period.from)], [cell("结束日期"), date(s.period.to)]]
        for key in s.parameters.sortedKeys where s.parameters.values[key] != base.values[key] {
            settings.append([cell(key), cell(s.parameters.values[key]!.description)])
        }
        let counties = s.counties.map { [cell($0.id), cell($0.name)] }
        func location(_ i: Institution) -> [[String: String]] {
            i.location.map { [decimal($0.lat), decimal($0.lon)] } ?? [cell(""), cell("")]
        }
        let institutions = s.institutions.filter { $0.tier != .village }.map { i in
            [cell(i.id), cell(i.name), cell(tierWord[i.tier]!), cell(i.county ?? ""),
             i.technicalStaff.map(number) ?? cell(""), i.medicalStaff.map(number) ?? cell(""),
             i.tier == .township ? yes(i.tcmFeatured) : cell("")] + location(i)
        }
        // Townships by name, as a planner would write them.
        let villages = s.institutions.filter { $0.tier == .village }.map { v in
            [cell(v.id), cell(v.name), cell(v.county ?? ""), cell(names[v.township!]!), number(v.population!),
             yes(v.villageDoctor), yes(v.integrated), yes(v.licensedPhysician), yes(v.central), cell(v.serviceArea ?? "")] + location(v)
        }
        let roles: [Role: String] = [.doctor: "医师", .nurse: "护士", .pharmacist: "药师", .technician: "技师"]
        let titles: [Role: [Title: String]] = [
            .doctor: [.junior: "医师", .intermediate: "主治医师", .associateSenior: "副主任医师", .senior: "主任医师"],
            .nurse: [.junior: "护师", .intermediate: "主管护师", .associateSenior: "副主任护师", .senior: "主任护师"],
            .pharmacist: [.junior: "药师", .intermediate: "主管药师", .associateSenior: "副主任药师", .senior: "主任药师"],
            .technician: [.junior: "技师", .intermediate: "主管技师", .associateSenior: "副主任技师", .senior: "主任技师"],
        ]
        let specialties = ["tcm": "中医", "general": "全科", "internal": "内科", "surgery": "外科", "pediatrics": "儿科"]
        // Leave: in the staff sheet for every other person (2025/3/1至2025/3/14；…), in the
        // calendar, a row a range, for the rest.
        func slashed(_ d: Day) -> String { "\(d.year)/\(d.month)/\(d.civil.day)" }
        let staff = s.staff.enumerated().map { n, p in
            [cell(p.id), cell(p.name), cell(names[p.institution]!), cell(roles[p.role]!),
             cell(p.specialty.map { specialties[$0] ?? $0 } ?? ""), cell(p.title.map { titles[p.role]![$0]! } ?? ""),
             cell(p.hometown ?? ""),
             cell(n % 2 == 0 ? p.unavailable.map { "\(slashed($0.from))至\(slashed($0.to))" }.joined(separator: "；") : "")]
        }
        var calendar = s.calendar.holidays.map { [cell("节假日"), date($0), cell(""), cell(""), cell("")] }
        calendar += s.calendar.workdays.map { [cell("调休上班日"), date($0), cell(""), cell(""), cell("")] }
        for (n, p) in s.staff.enumerated() where n % 2 == 1 {
            for r in p.unavailable { calendar.append([cell("请假"), date(r.from), date(r.to), cell(p.id), cell("")]) }
        }
        return ["方案": settings, "县区": counties, "单位": institutions, "村卫生室": villages, "人员": staff, "日历": calendar]
    }

    /// Types `rows` into the workbook at `path` with openpyxl and saves it, as Excel would.
    static let fillScript = """
    import sys, json, datetime, openpyxl
    path, fill = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    wb = openpyxl.load_workbook(path)
    for name, rows in fill.items():
        ws = wb[name]
        if ws.max_row >= 2: ws.delete_rows(2, ws.max_row)
        for r, row in enumerate(rows, start=2):
            for c, cell in enumerate(row, start=1):
                t, v = cell["t"], cell["v"]
                if t == "s" and v == "": continue
                ws.cell(row=r, column=c).value = (v if t == "s" else int(v) if t == "n" else float(v) if t == "f"
                                                   else datetime.datetime.strptime(v, "%Y-%m-%d"))
                if t == "d": ws.cell(row=r, column=c).number_format = "yyyy/m/d"
    wb.save(path)
    """

    static func python(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A scenario without the lines it was read from (a workbook has cells, not lines).
    static func withoutLines(_ s: Scenario) -> Scenario {
        var s = s
        for i in s.institutions.indices { s.institutions[i].line = 0 }
        for i in s.staff.indices { s.staff[i].line = 0; s.staff[i].unavailable.sort { $0.from < $1.from } }
        s.warnings = []
        return s
    }

    /// heze-mini typed into the template — Chinese tiers, roles, titles, 是/否, townships and
    /// hospitals by name, Excel date cells, leave in the staff sheet and the calendar — reads
    /// back as the YAML scenario, and plans with the verifier passing (exit 0).
    @Test func filledTemplateReadsAsTheYAMLAndPlans() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let workbook = dir.appendingPathComponent("曹县单县方案.xlsx")
        let written = try RotaProcess.run(["template", workbook.path])
        try #require(written.status == 0, "\(written.stderr)")

        let yaml = try ScenarioReader.read(path: RotaProcess.packageRoot.appendingPathComponent("Scenarios/mini/heze-mini.yaml").path)
        let fillFile = dir.appendingPathComponent("fill.json")
        let fill = Self.fill(yaml)
        #expect(fill["日历"]!.contains { $0[0]["v"] == "请假" } && fill["人员"]!.contains { $0[7]["v"]!.contains("至") })
        try JSONSerialization.data(withJSONObject: fill).write(to: fillFile)
        let filled = try Self.python(["-c", Self.fillScript, workbook.path, fillFile.path])
        try #require(filled.status == 0, "python3-openpyxl: \(filled.stderr)")

        let read = try ScenarioReader.read(path: workbook.path)
        let a = Self.withoutLines(read), b = Self.withoutLines(yaml)
        #expect(a.name == b.name && a.profile == b.profile && a.period == b.period)
        #expect(a.parameters == b.parameters)
        #expect(a.calendar == b.calendar)
        #expect(a.counties == b.counties)
        #expect(a.institutions == b.institutions)
        #expect(a.staff == b.staff)

        let out = dir.appendingPathComponent("out")
        let plan = try RotaProcess.run(["plan", workbook.path, "--out", out.path])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("Independent verification: all "))
        let verify = try RotaProcess.run(["verify", workbook.path, out.appendingPathComponent("plan.json").path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// A mistake in a filled workbook is reported at its sheet and cell, exit 2, nothing written.
    @Test func mistakesAreReportedAtTheirCells() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let workbook = dir.appendingPathComponent("w.xlsx")
        #expect(try RotaProcess.run(["template", workbook.path]).status == 0)
        let yaml = try ScenarioReader.read(path: RotaProcess.packageRoot.appendingPathComponent("Scenarios/mini/heze-mini.yaml").path)
        var fill = Self.fill(yaml)
        fill["单位"]![0][2] = Self.cell("三甲医院")                    // 单位!C2: no such tier
        fill["村卫生室"]![1][5] = Self.cell("也许")                   // 村卫生室!F3: neither 是 nor 否
        fill["人员"]![2][3] = Self.cell("医护")                       // 人员!D4: no such role
        fill["日历"]!.append([Self.cell("请假"), Self.date(Day(iso: "2025-05-06")!), Self.cell(""), Self.cell("hzm-d99"), Self.cell("")])
        let calendarRow = fill["日历"]!.count + 1
        let fillFile = dir.appendingPathComponent("fill.json")
        try JSONSerialization.data(withJSONObject: fill).write(to: fillFile)
        try #require(try Self.python(["-c", Self.fillScript, workbook.path, fillFile.path]).status == 0)

        let out = dir.appendingPathComponent("out")
        let r = try RotaProcess.run(["plan", workbook.path, "--out", out.path])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let p = workbook.path
        #expect(lines.contains("\(p):单位!C2: institutions[0].tier: unknown tier \"三甲医院\" (expected 三级医院, 二级医院, 县级医院, 乡镇卫生院, 村卫生室)"))
        #expect(lines.contains("\(p):村卫生室!F3: 有村医: unknown value \"也许\" (expected 是 or 否)"))
        #expect(lines.contains { $0.hasPrefix("\(p):人员!D4: staff[2].role: unknown role \"医护\"") })
        #expect(lines.contains { $0.hasPrefix("\(p):日历!D\(calendarRow): 人员编号: unknown staff id \"hzm-d99\"") })
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
