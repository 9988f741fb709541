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

/// Reads `rota.xlsx` back with openpyxl (Debian's python3-openpyxl, see `make deps`): the
/// cells, and what HR relies on — real dates, the weekday row, filters, frozen panes, column
/// widths, print setup.
@Suite struct RotaWorkbookTests {
    struct Readback: Decodable {
        struct Validation: Decodable { var sqref: String; var formula: String }
        struct Sheet: Decodable {
            var title: String
            /// Cell values; a date cell as `date:YYYY-MM-DD`, a number as its digits.
            var rows: [[String]]
            /// Number formats of the cells of rows 1–3 (row, column → format).
            var formats: [[String]]
            var freeze: String?
            var filter: String?
            var widths: [String: Double]
            var orientation: String?
            var fitToPage: Bool
            var fitToWidth: Int?
            var fitToHeight: Int?
            var titleRows: String?
            var titleColumns: String?
            var validations: [Validation]
        }
        var entries: [String]
        var dates: [[Int]]
        var compression: [Int]
        var sheets: [Sheet]
    }

    static let script = """
    import sys, json, zipfile, datetime, xml.etree.ElementTree as ET, openpyxl
    path = sys.argv[1]
    z = zipfile.ZipFile(path)
    assert z.testzip() is None
    for name in z.namelist():
        ET.fromstring(z.read(name))          # every part is well-formed XML
    wb = openpyxl.load_workbook(path)
    def value(v):
        if v is None: return ""
        if isinstance(v, datetime.datetime): return "date:" + v.date().isoformat()
        return str(v)
    sheets = []
    for ws in wb.worksheets:
        ps = ws.sheet_properties.pageSetUpPr
        sheets.append({"title": ws.title,
            "rows": [[value(v) for v in row] for row in ws.iter_rows(values_only=True)],
            "formats": [[c.number_format for c in row] for row in ws.iter_rows(min_row=1, max_row=3)],
            "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
            "orientation": ws.page_setup.orientation,
            "fitToPage": bool(ps is not None and ps.fitToPage),
            "fitToWidth": None if ws.page_setup.fitToWidth is None else int(ws.page_setup.fitToWidth),
            "fitToHeight": None if ws.page_setup.fitToHeight is None else int(ws.page_setup.fitToHeight),
            "titleRows": ws.print_title_rows, "titleColumns": ws.print_title_cols,
            "validations": [{"sqref": str(v.sqref), "formula": v.formula1 or ""} for v in ws.data_validations.dataValidation]})
    print(json.dumps({"entries": z.namelist(),
                      "dates": [list(i.date_time) for i in z.infolist()],
                      "compression": [i.compress_type for i in z.infolist()],
                      "sheets": sheets}, ensure_ascii=False))
    """

    static func readBack(_ xlsx: Data) throws -> Readback {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("rota.xlsx")
        try xlsx.write(to: path)
        let json = try TestPython.run(script, arguments: [path.path])
        return try JSONDecoder().decode(Readback.self, from: json)
    }

    static func workbook() throws -> (back: Readback, grid: [[String]]) {
        let files = try OutputFixture.files()
        let xlsx = try #require(OutputFixture.file("rota.xlsx", in: files))
        let grid = try TestCSV.parse(try #require(OutputFixture.file("rota-grid.csv", in: files)))
        return (try readBack(xlsx), grid)
    }

    @Test func gridSheetIsTheGridCSVWithRealDatesAndAWeekdayRow() throws {
        let (back, grid) = try Self.workbook()
        #expect(back.entries == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                 "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        #expect(back.dates.allSatisfy { $0 == [1980, 1, 1, 0, 0, 0] })
        #expect(back.compression.allSatisfy { $0 == 8 })   // deflate
        #expect(back.sheets.map(\.title) == ["排班表", "明细"])

        let sheet = back.sheets[0]
        #expect(sheet.rows.count == grid.count + 1)
        // Row 1: the weekday of each day; 2025-09-22 was a Monday.
        #expect(Array(sheet.rows[0].prefix(6)) == ["", "", "", "星期", "周一", "周二"])
        #expect(sheet.rows[0].count == grid[0].count)
        for (c, iso) in grid[0].enumerated().dropFirst(4) {
            #expect(sheet.rows[0][c] == RotaLongForm.weekdayLabel(Day(iso: iso)!), "weekday of \(iso)")
        }
        // Row 2: Chinese headers, then each day a real date cell shown as m月d日.
        #expect(Array(sheet.rows[1].prefix(4)) == ["人员编号", "姓名", "所属单位", "岗位"])
        #expect(Array(sheet.rows[1].dropFirst(4)) == grid[0].dropFirst(4).map { "date:" + $0 })
        #expect(sheet.formats[1][4] == "m\"月\"d\"日\"")
        // Then the CSV's rows, cell for cell.
        for (r, row) in grid.enumerated().dropFirst() where r + 1 < sheet.rows.count {
            #expect(sheet.rows[r + 1] == row, "grid row \(r)")
        }
    }

    @Test func longSheetHasChineseHeadersDatesWeekdaysAndLabels() throws {
        let (back, _) = try Self.workbook()
        let sheet = back.sheets[1]
        let long = RotaLongForm(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario)
        #expect(sheet.rows[0] == ["人员编号", "姓名", "所属单位", "日期", "星期", "时段", "地点编号", "地点名称", "工作内容"])
        #expect(sheet.rows.count == long.rows.count + 1)
        #expect(sheet.rows[1] == ["city-a-0", "员工city-a0", OutputFixture.scenario.institutions.first { $0.id == "city-a" }!.name,
                                  "date:2025-09-22", "周一", "上午", "east-hosp", "east县人民医院", "驻点"])
        #expect(sheet.formats[1][3] == "yyyy-mm-dd")
        let ghost = try #require(sheet.rows.first { $0[0] == "zz-ghost" })
        #expect(ghost[3].hasPrefix("date:") && ghost[5] == "上午" && ghost[8] == "巡回医疗")
    }

    @Test func filtersFrozenPanesWidthsAndPrintSetup() throws {
        let (back, grid) = try Self.workbook()
        let days = grid[0].count - 4
        let gridSheet = back.sheets[0], longSheet = back.sheets[1]
        // Frozen: the two header rows and id and name on the grid; the header and id, name on the long form.
        #expect(gridSheet.freeze == "C3")
        #expect(longSheet.freeze == "C2")
        // Autofilter on the header row, over every row and column.
        #expect(gridSheet.filter == "A2:\(XLSXWorkbook.columnName(3 + days))\(grid.count + 1)")
        #expect(longSheet.filter == "A1:I\(longSheet.rows.count)")
        // Widths fit the longest id, name and cell of each column (a CJK character counts two).
        for sheet in [gridSheet, longSheet] {
            for column in 0..<sheet.rows[1].count {
                let letter = XLSXWorkbook.columnName(column)
                let longest = sheet.rows.map { XLSXCell.displayWidth($0[column].hasPrefix("date:") ? "2025-01-01" : $0[column]) }.max()!
                let width = try #require(sheet.widths[letter], "\(sheet.title) \(letter)")
                #expect(width >= Double(min(longest, 38)), "\(sheet.title) column \(letter) is \(width) wide for \(longest)")
            }
        }
        #expect(gridSheet.widths["A"]! >= Double("east-hosp-2".count))
        // Print: landscape, fit to width (a page per month on the grid), titles repeated.
        for sheet in [gridSheet, longSheet] {
            #expect(sheet.orientation == "landscape")
            #expect(sheet.fitToPage)
            #expect(sheet.fitToHeight == 0)
        }
        #expect(gridSheet.fitToWidth == 2)   // September and October
        #expect(longSheet.fitToWidth == 1)
        #expect(gridSheet.titleRows == "$1:$2" && gridSheet.titleColumns == "$A:$B")
        #expect(longSheet.titleRows == "$1:$1" && longSheet.titleColumns == "$A:$B")
    }

    @Test func sameRotaSameBytes() throws {
        let a = try RotaWorkbook.data(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario)
        let b = try RotaWorkbook.data(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario)
        #expect(a == b)
    }

    /// Rows made as the sheet is written (`XLSXRowSource`, the long form's) give the bytes of
    /// the same rows held, widths and filter range included.
    @Test func rowsMadeAsWrittenGiveTheBytesOfRowsHeld() throws {
        let header: [XLSXCell] = ["人员编号", "日期"]
        let body = (0..<3000).map { i -> [XLSXCell] in [.text("p\(i % 70)" + String(repeating: "长", count: i % 9)), .day(Day(year: 2025, month: 1 + i % 12, day: 1 + i % 28)!)] }
        let source = XLSXRowSource(count: body.count, columns: 2) { body[$0] }
        let held = XLSXSheet(name: "S", rows: [header] + body, frozenColumns: 1,
                             columnWidths: XLSXSheet.fittedWidths([header] + body), filterRow: 1)
        let made = XLSXSheet(name: "S", rows: [header], frozenColumns: 1,
                             columnWidths: XLSXSheet.fittedWidths([header], more: source), filterRow: 1, more: source)
        #expect(made.columnWidths == held.columnWidths && made.rowCount == held.rows.count)
        #expect(try XLSXWorkbook.data(sheets: [made], chunkSize: 4096) == (try XLSXWorkbook.data(sheets: [held])))
    }

    /// A long form past Excel's row limit continues on `明细 2`, `明细 3`, …: each sheet has the
    /// header and at most the limit's rows, every row once and in order, and the workbook reads
    /// back with every sheet.
    @Test func aLongFormPastExcelsRowLimitContinuesOnMoreSheets() throws {
        let source = XLSXRowSource(count: 25, columns: 2) { i in [.text("p\(i)"), .number(i)] }
        let sheets = RotaWorkbook.longSheets(source, rowsPerSheet: 10)
        #expect(sheets.map(\.name) == ["明细", "明细 2", "明细 3"])
        var rows: [[XLSXCell]] = []
        for sheet in sheets {
            #expect(sheet.rows == [RotaLongForm.header.map(XLSXCell.text)] && sheet.filterRow == 1)
            let more = try #require(sheet.more)
            #expect(more.count <= 10)
            rows += (0..<more.count).map(more.row)
        }
        #expect(rows == (0..<25).map(source.row))
        #expect(RotaWorkbook.longSheets(source).map(\.name) == ["明细"])
        #expect(RotaWorkbook.longRowsPerSheet + 1 == XLSXWorkbook.maxRows)
        let back = try Self.readBack(try XLSXWorkbook.data(sheets: sheets))
        #expect(back.sheets.map(\.title) == ["明细", "明细 2", "明细 3"])
        #expect(back.sheets.map(\.rows.count) == [11, 11, 6])
    }

    @Test func dropDownListsReadBack() throws {
        let sheet = XLSXSheet(name: "人员", rows: [["岗位类别"], ["医师"]],
                              validations: [XLSXListValidation(column: 0, rows: 2...500, values: ["医师", "护士"], message: "请选择")])
        let back = try Self.readBack(try XLSXWorkbook.data(sheets: [sheet]))
        #expect(back.sheets[0].validations.map(\.sqref) == ["A2:A500"])
        #expect(back.sheets[0].validations.map(\.formula) == ["\"医师,护士\""])
    }

    @Test func xmlSpecialCharactersSurviveTheRoundTrip() throws {
        let rows = [["a", "b"], ["<&>\"'", " lead and trail "], ["line\nbreak", "控制\u{1}字符"]]
        let data = try XLSXWorkbook.data(sheets: [XLSXSheet(name: "S & <T>", rows: rows)])
        let back = try Self.readBack(data)
        #expect(back.sheets[0].title == "S & <T>")
        #expect(back.sheets[0].rows == [["a", "b"], ["<&>\"'", " lead and trail "], ["line\nbreak", "控制字符"]])
    }

    @Test func columnNamesAndDateSerials() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(XLSXWorkbook.columnName)
                == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
        // Excel's serials: 1900-03-01 is 61, 2025-01-01 is 45658.
        #expect(XLSXCell.serial(Day(iso: "1900-03-01")!) == 61)
        #expect(XLSXCell.serial(Day(iso: "2025-01-01")!) == 45658)
        #expect(XLSXCell.displayWidth("菏泽市立医院") == 12 && XLSXCell.displayWidth("hz-0001") == 7)
    }
}

/// Runs a Python script with a python3 that has openpyxl (Debian's first).
enum TestPython {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func run(_ script: String, arguments: [String]) throws -> Data {
        let candidates = ["/usr/bin/python3", "/usr/local/bin/python3"].filter { FileManager.default.isExecutableFile(atPath: $0) }
        var lastError = "no python3 found"
        for python in candidates {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = ["-c", script] + arguments
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            if p.terminationStatus == 0 { return data }
            lastError = "\(python): " + String(decoding: errData, as: UTF8.self)
        }
        throw Failure(description: "python3 with openpyxl (apt-get install python3-openpyxl): \(lastError)")
    }
}

/// The workbook `rota template` writes, as Excel (openpyxl) sees it.
@Suite struct ScenarioTemplateTests {
    @Test func sheetsHeadersExampleRowsAndDropDownLists() throws {
        let back = try RotaWorkbookTests.readBack(try ScenarioTemplate.data())
        #expect(back.sheets.map(\.title) == ["说明", "方案", "县区", "单位", "村卫生室", "人员", "日历"])
        let sheet = { (name: String) in back.sheets.first { $0.title == name }! }
        let staff = sheet("人员")
        #expect(staff.rows[0] == ["编号", "姓名", "单位", "岗位类别", "专业", "职称", "家乡", "不可派出日期"])
        #expect(staff.rows[1][0] == "例：hzm-0001" && staff.rows[1][3] == "医师" && staff.rows[1][5] == "主任医师")
        #expect(staff.freeze == "A2")
        let lists = Dictionary(uniqueKeysWithValues: staff.validations.map { ($0.sqref, $0.formula) })
        #expect(lists["D2:D5000"] == "\"医师,护士,药师,技师\"")
        #expect(lists["F2:F5000"]?.hasPrefix("\"主任医师,副主任医师,主治医师,医师,主任护师,") == true)
        #expect(sheet("单位").validations.map(\.formula).contains("\"三级医院,二级医院,县级医院,乡镇卫生院\""))
        #expect(sheet("村卫生室").validations.filter { $0.formula == "\"是,否\"" }.count == 4)
        #expect(sheet("日历").validations.map(\.formula) == ["\"节假日,调休上班日,请假\""])
        #expect(sheet("日历").rows[1][1] == "date:2025-01-01")
        let settings = sheet("方案")
        #expect(settings.rows.prefix(5).map { Array($0.prefix(2)) } == [["项目", "内容"], ["名称", "示例县-2025"], ["政策", "heze-city"],
                                                                     ["开始日期", "date:2025-01-01"], ["结束日期", "date:2025-12-31"]])
        #expect(settings.validations.map(\.sqref) == ["B3"])
        #expect(sheet("说明").rows.count > 30)
        // The same bytes every time.
        #expect(try ScenarioTemplate.data() == ScenarioTemplate.data())
    }
}
