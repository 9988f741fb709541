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

@Suite struct RotaCSVReaderTests {
    static let header = "person,name,hospital,date,half,site,site_name,activity"

    func problems(_ text: String, file: String = "rota.csv") -> [String] {
        do {
            _ = try RotaCSVReader.parse(text, fileName: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsBOMCRLFQuotesAndBlankLines() throws {
        let text = "\u{FEFF}\(Self.header)\r\n"
            + "hzm-d1,张伟,菏泽市立医院,2025-09-01,am,cao-people,\"曹县人民医院, 东院\",posting\r\n"
            + "\r\n"
            + "ch-s1,唐亮,\"韩集镇\"\"卫生院\"\"\",2025-09-01,pm,cao-hanji-v01,\"李庄村\n卫生室\",station\r\n"
            + "ca-r1,袁媛,安蔡楼镇卫生院,2025-09-02,am,cao-anling-v01,张庄村卫生室,rounds"
        let entries = try RotaCSVReader.parse(text, fileName: "rota.csv")
        #expect(entries == [
            RotaEntry(person: "hzm-d1", date: "2025-09-01", half: .am, site: "cao-people", activity: .posting),
            RotaEntry(person: "ch-s1", date: "2025-09-01", half: .pm, site: "cao-hanji-v01", activity: .station),
            RotaEntry(person: "ca-r1", date: "2025-09-02", half: .am, site: "cao-anling-v01", activity: .rounds),
        ])
        // Line numbers count physical lines: the quoted line break pushes the last row to line 6.
        let records = RotaCSVReader.split(text)
        #expect(records.map(\.line) == [1, 2, 3, 4, 6])
        #expect(records[3].cells[2] == "韩集镇\"卫生院\"")
    }

    @Test func everyActivityAndHalfOfTheVocabulary() throws {
        let rows = RotaActivity.allCases.enumerated().map { n, a in
            "p,,,2025-09-0\(n % 9 + 1),\(n % 2 == 0 ? "am" : "pm"),s,,\(a.rawValue)"
        }
        let entries = try RotaCSVReader.parse(([Self.header] + rows).joined(separator: "\n") + "\n", fileName: "r.csv")
        #expect(entries.map(\.activity) == RotaActivity.allCases)
    }

    @Test func wrongHeader() {
        #expect(problems("person,name,date,half,site,site_name,activity\np,,2025-09-01,am,s,,posting\n", file: "r.csv") == [
            "r.csv:1: header: columns are person,name,date,half,site,site_name,activity (expected 人员编号,姓名,所属单位编号,日期,时段,地点编号,地点名称,工作内容 (or in English: person,name,hospital,date,half,site,site_name,activity; or the workbook's 明细 sheet: 人员编号,姓名,所属单位,日期,星期,时段,地点编号,地点名称,工作内容))",
        ])
    }

    @Test func emptyFile() {
        #expect(problems("\u{FEFF}\r\n\n", file: "r.csv") == [
            "r.csv:1: (whole file): the rota file is empty (expected a header row 人员编号,姓名,所属单位编号,日期,时段,地点编号,地点名称,工作内容 (or in English: person,name,hospital,date,half,site,site_name,activity; or the workbook's 明细 sheet: 人员编号,姓名,所属单位,日期,星期,时段,地点编号,地点名称,工作内容) and a row per person and half-day)",
        ])
    }

    @Test func everyRowProblemAtOnce() {
        let text = [
            Self.header,
            "p1,,,2025-09-01,AM,s,,posting",
            "p2,,,2025-9-1,am,s,,posting",
            "p3,,,2025-09-01,pm,s,,visit",
            "p4,,,2025-09-01,pm,s,posting",
            ",,,2025-09-01,pm,s,,posting",
            "p6,,,2025-02-30,pm,\"s\"x,,posting",
            "p7,,,2025-09-01,pm,s,,\"posting",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(problems(text, file: "r.csv") == [
            "r.csv:2: rota[0].half: unknown half \"AM\" (expected am, pm, 上午 or 下午)",
            "r.csv:3: rota[1].date: not a date \"2025-9-1\" (expected a date YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
            "r.csv:4: rota[2].activity: unknown activity \"visit\" (expected posting/驻点, 3331-rounds/3331巡诊, 3331-teaching/3331带教, 3331-lecture/3331授课, station/派驻, rounds/巡回医疗, tech-support/技术帮扶, tcm-clinic/中医坐诊)",
            "r.csv:5: rota[3]: 7 cells (expected 8, one per column of the header)",
            "r.csv:6: rota[4].person: empty cell (expected a staff id of the scenario)",
            "r.csv:7: rota[5]: text after the closing quote of a cell (a quoted cell ends at its closing quote)",
            "r.csv:7: rota[5].date: not a date \"2025-02-30\" (expected a date YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
            "r.csv:8: rota[6]: a quoted cell opened on line 8 is never closed",
        ])
    }

    @Test func aQuoteInsideAnUnquotedCell() {
        #expect(problems("\(Self.header)\np,,\"x\"y,2025-09-01,am,s,,posting\np,,a\"b,2025-09-01,pm,s,,posting\n", file: "r.csv") == [
            "r.csv:2: rota[0]: text after the closing quote of a cell (a quoted cell ends at its closing quote)",
            "r.csv:3: rota[1]: a quote inside a cell that does not start with one (write the whole cell in quotes, with \"\" for a quote)",
        ])
    }

    @Test func readsAFileAndNamesAMissingOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("rota.csv")
        try Data(RotaCSVText.write(RotaVerificationFixture.entries).utf8).write(to: url)
        let read = try RotaCSVReader.read(path: url.path)
        #expect(read == RotaVerificationFixture.entries)
        let checks = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan).verify(entries: read)
        #expect(checks.filter { !$0.passed }.isEmpty)

        let missing = dir.appendingPathComponent("none.csv").path
        #expect(throws: InputError.self) { try RotaCSVReader.read(path: missing) }
        do { _ = try RotaCSVReader.read(path: missing) } catch {
            #expect(error.description == "\(missing): (whole file): cannot read the rota file (no such file)")
        }
        try Data([0x70, 0xFF, 0xFE, 0x0A]).write(to: url)
        do { _ = try RotaCSVReader.read(path: url.path) } catch {
            #expect(error.description == "\(url.path):1: (whole file): the rota file is neither UTF-8 nor GB18030 text (this line has bytes that are not UTF-8) (expected UTF-8, with or without a byte-order mark, or GB18030 as Excel saves CSV on Chinese Windows)")
        }
    }
}

/// A test-side rota.csv writer (quotes every display cell), so the reader is tested on text
/// it did not write itself.
enum RotaCSVText {
    static func write(_ entries: [RotaEntry]) -> String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var lines = [RotaCSVReaderTests.header]
        for e in entries {
            lines.append([e.person, q("名字, \"甲\""), q("医院"), e.date, e.half.rawValue, e.site, q("地点\n二行"), e.activity.rawValue].joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension RotaCSVReaderTests {
    /// A rota saved back from Excel on Chinese Windows: GB18030 bytes, dates `2025/9/1`. It reads
    /// to the same entries, and verifies the same.
    @Test func aRotaSavedFromChineseLocaleExcelReads() throws {
        let text = RotaCSVText.write(RotaVerificationFixture.entries)
        let slashed = text.replacing(/(\d{4})-(\d{2})-(\d{2})/) { m in
            "\(Int(m.1)!)/\(Int(m.2)!)/\(Int(m.3)!)"
        }
        #expect(slashed != text)
        let bytes = try #require(gb18030(slashed))
        #expect(String(validating: bytes, as: UTF8.self) == nil)   // really not UTF-8
        let read = try RotaCSVReader.read(data: Data(bytes), path: "rota.csv")
        #expect(read == RotaVerificationFixture.entries)
        #expect(problems("\(Self.header)\np,,h,2025/13/1,am,s,,posting\n", file: "r.csv") == [
            "r.csv:2: rota[0].date: not a date \"2025/13/1\" (expected a date YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
        ])
    }
}

extension RotaCSVReaderTests {
    static let chineseHeader = "人员编号,姓名,所属单位编号,日期,时段,地点编号,地点名称,工作内容"

    /// rota writes the Chinese header; the English header of earlier versions reads the same.
    @Test func readsTheChineseAndTheEnglishHeader() throws {
        let text = RotaCSVText.write(RotaVerificationFixture.entries)
        #expect(text.contains(Self.header))
        let chinese = text.replacingOccurrences(of: Self.header, with: Self.chineseHeader)
        #expect(try RotaCSVReader.parse(chinese, fileName: "r.csv") == RotaVerificationFixture.entries)
        #expect(try RotaCSVReader.parse(text, fileName: "r.csv") == RotaVerificationFixture.entries)
        // What rota writes is the Chinese header, and the verifier reads it.
        #expect(RotaCSV.header.joined(separator: ",") == Self.chineseHeader)
        #expect(RotaCSVReader.chineseColumns == RotaCSV.header && RotaCSVReader.columns == RotaCSV.englishHeader)
        // A header mixing the two is neither.
        let mixed = "人员编号,name,hospital,date,half,site,site_name,activity\np,,h,2025-09-01,am,s,,posting\n"
        #expect(problems(mixed, file: "r.csv").count == 1)
    }

    /// Dates as Chinese-locale Excel shows them, `2025年9月1日`, read as their days.
    @Test func readsDatesWrittenWithYearMonthDay() throws {
        let text = "\(Self.chineseHeader)\r\np,,h,2025年9月1日,am,s,,posting\r\np,,h,2025/9/1,pm,s,,posting\r\n"
        #expect(try RotaCSVReader.parse(text, fileName: "r.csv").map(\.date) == ["2025-09-01", "2025-09-01"])
    }

    /// A GB18030 rota whose 300 rows all have a problem lists the first 20 as file:line and
    /// counts the other 280 by kind in one closing line, instead of 300 lines.
    @Test func problemsOfASpreadsheetSavedWronglyAreCappedAndCountedByKind() throws {
        var lines = [Self.chineseHeader]
        for i in 0..<300 {
            switch i % 3 {
            case 0: lines.append("p\(i),张三,h,2025/9/31,am,s,卫生院,posting")     // no such day
            case 1: lines.append("p\(i),张三,h,2025/9/1,中午,s,卫生院,posting")    // no such half
            default: lines.append("p\(i),张三,h,2025/9/1,am,s,卫生院")              // a cell short
            }
        }
        let bytes = try #require(gb18030(lines.joined(separator: "\r\n") + "\r\n"))
        let listed: [String]
        do {
            _ = try RotaCSVReader.read(data: Data(bytes), path: "rota.csv")
            Issue.record("read a broken file"); return
        } catch { listed = error.diagnostics.map(\.description) }
        #expect(listed.count == RotaCSVReader.listedProblems + 1)
        #expect(RotaCSVReader.listedProblems == 20)
        #expect(listed[0] == "rota.csv:2: rota[0].date: not a date \"2025/9/31\" (expected a date YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)")
        #expect(listed[1] == "rota.csv:3: rota[1].half: unknown half \"中午\" (expected am, pm, 上午 or 下午)")
        #expect(listed[19].hasPrefix("rota.csv:21: "))
        #expect(listed[20] == "rota.csv:301: (rest of the file): … and 280 more problems up to this line, not listed; by kind: 94 × row: 7 cells; 93 × date: not a date; 93 × half: unknown half (expected fix the problems above (often one cause, such as a column moved or a date format) and check again)")
    }
}

extension RotaCSVReaderTests {
    static let longSheetHeader = "人员编号,姓名,所属单位,日期,星期,时段,地点编号,地点名称,工作内容"

    /// rota.xlsx's long sheet saved as CSV: its own header, a 星期 column, 上午/下午 and the
    /// activities' Chinese labels read as the codes rota.csv writes.
    @Test func readsTheWorkbooksLongSheet() throws {
        #expect(RotaLongForm.header == RotaCSVReader.longSheetColumns)
        var text = Self.longSheetHeader + "\r\n"
        for e in RotaVerificationFixture.entries {
            let day = try #require(Day(iso: e.date))
            let ymd = e.date.split(separator: "-").map { String(Int($0)!) }.joined(separator: "/")
            text += [e.person, "", "", ymd, RotaLongForm.weekdayLabel(day),
                     e.half.chineseLabel, e.site, "", e.activity.chineseLabel].joined(separator: ",") + "\r\n"
        }
        #expect(try RotaCSVReader.parse(text, fileName: "明细.csv") == RotaVerificationFixture.entries)
        // Every activity and half by its Chinese label.
        for activity in RotaActivity.allCases {
            for half in HalfDay.allCases {
                let row = "p,,,2025-09-01,周一,\(half.chineseLabel),s,,\(activity.chineseLabel)\n"
                #expect(try RotaCSVReader.parse(Self.longSheetHeader + "\n" + row, fileName: "r.csv")
                        == [RotaEntry(person: "p", date: "2025-09-01", half: half, site: "s", activity: activity)])
            }
        }
    }

    /// A weekday that is not the date's is named; 星期一 and 周一 both read.
    @Test func aWeekdayThatIsNotTheDatesIsAProblem() {
        let ok = Self.longSheetHeader + "\np,,,2025-09-01,星期一,上午,s,,派驻\np,,,2025/9/7,周日,下午,s,,派驻\n"
        #expect(problems(ok) == [])
        #expect(problems(Self.longSheetHeader + "\np,,,2025-09-02,周一,上午,s,,派驻\n", file: "r.csv") == [
            "r.csv:2: rota[0].weekday: not the weekday of the date: \"周一\" on 2025-09-02 (expected 周二)",
        ])
        #expect(problems(Self.longSheetHeader + "\np,,,2025-09-01,周一,晚上,s,,派驻\n", file: "r.csv") == [
            "r.csv:2: rota[0].half: unknown half \"晚上\" (expected am, pm, 上午 or 下午)",
        ])
    }
}
