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

/// Reads `rota.xlsx` back with openpyxl (Debian's python3-openpyxl, see `make deps`) and
/// compares it with `rota-grid.csv` and the long form.
@Suite struct RotaWorkbookTests {
    struct Readback: Decodable {
        struct Sheet: Decodable { var title: String; var rows: [[String]] }
        var entries: [String]
        var dates: [[Int]]
        var compression: [Int]
        var sheets: [Sheet]
    }

    static let script = """
    import sys, json, zipfile, xml.etree.ElementTree as ET, openpyxl
    path = sys.argv[1]
    z = zipfile.ZipFile(path)
    assert z.testzip() is None
    for name in z.namelist():
        ET.fromstring(z.read(name))          # every part is well-formed XML
    wb = openpyxl.load_workbook(path)
    sheets = [{"title": ws.title,
               "rows": [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]}
              for ws in wb.worksheets]
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

    @Test func workbookReadsBackCellForCellAsTheGridCSVAndTheLongForm() throws {
        let files = try OutputFixture.files()
        let xlsx = try #require(OutputFixture.file("rota.xlsx", in: files))
        let grid = try TestCSV.parse(try #require(OutputFixture.file("rota-grid.csv", in: files)))
        let back = try Self.readBack(xlsx)

        #expect(back.entries == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                 "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        #expect(back.dates.allSatisfy { $0 == [1980, 1, 1, 0, 0, 0] })
        #expect(back.compression.allSatisfy { $0 == 8 })   // deflate
        #expect(back.sheets.map(\.title) == [RotaWorkbook.gridSheetName, RotaWorkbook.longSheetName])

        let sheet1 = back.sheets[0].rows
        #expect(sheet1.count == grid.count)
        for (r, row) in grid.enumerated() where r < sheet1.count {
            #expect(sheet1[r] == row, "grid row \(r)")
        }

        let long = RotaLongForm(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario)
        #expect(back.sheets[1].rows == [RotaLongForm.header] + long.rows)
        #expect(back.sheets[1].rows[1] == ["city-a-0", "员工city-a0", "city-a", "2025-09-22", "am", "east-hosp", "east县人民医院", "posting"])
    }

    @Test func xmlSpecialCharactersSurviveTheRoundTrip() throws {
        let rows = [["a", "b"], ["<&>\"'", " lead and trail "], ["line\nbreak", "控制\u{1}字符"]]
        let data = try XLSXWorkbook.data(sheets: [XLSXSheet(name: "S & <T>", rows: rows)])
        let back = try Self.readBack(data)
        #expect(back.sheets[0].title == "S & <T>")
        #expect(back.sheets[0].rows == [["a", "b"], ["<&>\"'", " lead and trail "], ["line\nbreak", "控制字符"]])
    }

    @Test func columnNames() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(XLSXWorkbook.columnName)
                == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
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
