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

@Suite struct StaffCSVTests {
    let dir = FixtureDirectory()

    @Test func csvStaffWithQuotesLinesAndColumnOrder() throws {
        dir.write("data/staff.csv", """
            role,id,name,institution,specialty,title,hometown,unavailable\r
            doctor,hzm-0001,张伟,hz-municipal,internal,senior,cao-hanji-v01,2025-03-01..2025-03-14;2025-07-01..2025-07-05\r
            nurse,hzm-0002,"Li, Na",hz-municipal,,,,\r
            pharmacist,cp-0001,"王""小""芳",cao-people,"general
            practice",junior,,2025-05-06\r
            \r
            technician,ch-0001,赵强,cao-hanji,,intermediate,,\r

            """)
        let s = try dir.read(miniScenario(staff: "data/staff.csv"))
        #expect(s.staff == [
            StaffMember(id: "hzm-0001", name: "张伟", institution: "hz-municipal", role: .doctor, specialty: "internal",
                        title: .senior, hometown: "cao-hanji-v01",
                        unavailable: [DayRange(from: day("2025-03-01"), to: day("2025-03-14")),
                                      DayRange(from: day("2025-07-01"), to: day("2025-07-05"))], line: 2),
            StaffMember(id: "hzm-0002", name: "Li, Na", institution: "hz-municipal", role: .nurse, line: 3),
            StaffMember(id: "cp-0001", name: "王\"小\"芳", institution: "cao-people", role: .pharmacist,
                        specialty: "general\npractice", title: .junior,
                        unavailable: [DayRange(from: day("2025-05-06"), to: day("2025-05-06"))], line: 4),
            StaffMember(id: "ch-0001", name: "赵强", institution: "cao-hanji", role: .technician, title: .intermediate, line: 7),
        ])
    }

    @Test func csvWithByteOrderMark() throws {
        dir.write("staff.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name,institution,role\nhzm-0001,张伟,hz-municipal,doctor\n".utf8))
        let s = try dir.read(miniScenario(staff: "staff.csv"))
        #expect(s.staff.map(\.id) == ["hzm-0001"])
        #expect(s.staff[0].name == "张伟")
    }

    @Test func csvInGB18030AsExcelWritesIt() throws {
        // "张伟" in GB18030 is D5 C5 CE B0; the rest is ASCII, identical in both encodings.
        let bytes = Array("id,name,institution,role\r\nhzm-0001,".utf8) + [0xD5, 0xC5, 0xCE, 0xB0]
            + Array(",hz-municipal,doctor\r\n".utf8)
        dir.write("staff.csv", bytes: bytes)
        let s = try dir.read(miniScenario(staff: "staff.csv"))
        #expect(s.staff.map(\.name) == ["张伟"])
        #expect(s.staff[0].line == 2)
    }

    @Test func gb18030ProblemsKeepTheirLines() throws {
        let csv = "id,name,institution,role,title\r\nhzm-0001,张伟,hz-municipal,大医生,\r\nhzm-0002,李娜,菏泽,nurse,主任\r\n"
        let bytes = try #require(gb18030(csv))
        dir.write("员工.csv", bytes: bytes)
        #expect(dir.problems(miniScenario(staff: "员工.csv")) == [
            "员工.csv:2: staff[0].role: unknown role \"大医生\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
            "员工.csv:3: staff[1].institution: unknown institution \"菏泽\" (expected the id of a tertiary, secondary, county or township institution)",
            "员工.csv:3: staff[1].title: unknown title \"主任\" (expected junior, intermediate, associate-senior, senior or 主任医师, 副主任医师, 主治医师, 医师 (and the 护/药/技 titles))",
        ])
    }

    @Test func headerProblems() {
        dir.write("staff.csv", """
            id,name,rank,institution,id
            a1,王芳,3,hz-municipal,a1

            """)
        #expect(dir.problems(miniScenario(staff: "staff.csv")) == [
            "staff.csv:1: header: column \"id\" is given twice (columns 1 and 5)",
            "staff.csv:1: header: missing column \"role\" (expected the columns id, name, institution, role, and optionally specialty, title, hometown, unavailable)",
            "staff.csv:1: header: unknown column \"rank\" (expected id, name, institution, role, specialty, title, hometown, unavailable or their Chinese names (姓名, 单位, 岗位类别, 职称, 专业 …))",
        ])
    }

    @Test func rowProblemsAreOnTheirPhysicalLines() {
        dir.write("staff.csv", """
            id,name,institution,role,unavailable
            a1,"王
            芳",hz-municipal,nurse,2025-03-14..2025-03-01
            a2,,cao-people,doctor,2025-02-30;2025-04-01..x
            a3,李娜,cao-people,doctor,,extra
            a4,"赵"强,cao-people,doctor
            a5,"孙,cao-people,doctor

            """)
        #expect(dir.problems(miniScenario(staff: "staff.csv")) == [
            "staff.csv:2: staff[0].unavailable[0]: from 2025-03-14 is after to 2025-03-01 (expected from on or before to)",
            "staff.csv:4: staff[1].name: required field is missing (empty cell)",
            "staff.csv:4: staff[1].unavailable[0]: bad date \"2025-02-30\" (expected a date written YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
            "staff.csv:4: staff[1].unavailable[1].to: bad date \"x\" (expected a date written YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
            "staff.csv:5: staff[2]: row has 6 cells but the header has 5 columns (expected one cell per header column)",
            "staff.csv:6: staff[3]: text after the closing quote of a cell (a quote inside a quoted cell is written twice: \"\")",
            "staff.csv:7: staff[4]: a quoted cell opened on line 7 is never closed",
            "staff.csv:7: staff[4].institution: required field is missing (empty cell)",
            "staff.csv:7: staff[4].role: required field is missing (empty cell)",
        ])
    }

    @Test func missingOrEmptyStaffFile() {
        #expect(dir.problems(miniScenario(staff: "nobody.csv")) == [
            "heze.yaml:9: staff: cannot read staff file \"nobody.csv\": no such file (expected a list of staff, or the path of a staff CSV file)",
        ])
        dir.write("empty.csv", "\n\n")
        #expect(dir.problems(miniScenario(staff: "empty.csv")) == [
            "empty.csv:1: document: the staff file is empty (expected a header row id, name, institution, role, specialty, title, hometown, unavailable and a row per staff member)",
        ])
    }

    @Test func staffFileIsNamedRelativeToTheScenarioAsGiven() {
        dir.write("region/staff.csv", "id,name,institution,role\na1,王芳,hz-municipal,nurse\na1,李娜,hz-municipal,nurse\n")
        let path = dir.write("region/heze.yaml", miniScenario(staff: "staff.csv"))
        do {
            _ = try ScenarioReader.read(path: path)
            Issue.record("a duplicate staff id was accepted")
        } catch {
            let csv = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("staff.csv")
            #expect(error.description == "\(csv):3: staff[1].id: duplicate staff id \"a1\" (first on line 2) (expected staff ids unique)")
        }
        // Relative to the base directory, named as the scenario's own name leads to it.
        let nested = FixtureDirectory()
        nested.write("staff.csv", "id,name,institution,role\na1,王芳,hz-municipal,doctor\na1,王芳,hz-municipal,doctor\n")
        #expect(nested.problems(miniScenario(staff: "staff.csv"), fileName: "region/heze.yaml") == [
            "region/staff.csv:3: staff[1].id: duplicate staff id \"a1\" (first on line 2) (expected staff ids unique)",
        ])
    }
}

@Suite struct CSVTableTests {
    @Test func rfc4180Records() {
        let table = CSVTable.parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n\n,,\nlast")
        #expect(table.records == [
            .init(line: 1, cells: ["a", "b", "c"]),
            .init(line: 2, cells: ["x,1", "say \"hi\"", "two\r\nlines"]),
            .init(line: 4, cells: [""]),
            .init(line: 5, cells: ["", "", ""]),
            .init(line: 6, cells: ["last"]),
        ])
        #expect(table.records[2].isBlank && table.records[3].isBlank && !table.records[4].isBlank)
    }

    @Test func oldMacLineEndingsAndEmptyQuotedCell() {
        let table = CSVTable.parse("a,\"\"\rb,c\r")
        #expect(table.records == [.init(line: 1, cells: ["a", ""]), .init(line: 2, cells: ["b", "c"])])
    }

    @Test func malformedQuotesAreNoted() {
        let table = CSVTable.parse("\"ab\"c,d\n\"open,e\nf\n")
        #expect(table.records.count == 2)
        #expect(table.records[0].cells == ["abc", "d"])
        #expect(table.records[0].problems.count == 1)
        #expect(table.records[1].line == 2)
        #expect(table.records[1].cells == ["open,e\nf\n"])
        #expect(table.records[1].problems == ["a quoted cell opened on line 2 is never closed"])
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() {
        #expect(TextDecoding.decode(Array("张伟".utf8)) == .text("张伟", .utf8))
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("张伟".utf8)) == .text("张伟", .utf8))
        #expect(TextDecoding.decode([]) == .text("", .utf8))
    }

    @Test func gb18030() {
        #expect(TextDecoding.decode([0xD5, 0xC5, 0xCE, 0xB0]) == .text("张伟", .gb18030))
        // é is A8 A6; U+0080 is the four-byte sequence 81 30 81 30.
        #expect(TextDecoding.decode([0x41, 0xA8, 0xA6]) == .text("Aé", .gb18030))
        #expect(TextDecoding.decode([0x81, 0x30, 0x81, 0x30]) == .text("\u{80}", .gb18030))
    }

    @Test func neitherEncoding() {
        // 0xFF is not a GB18030 lead byte.
        #expect(TextDecoding.decode([0x41, 0x42, 0xFF, 0x41]) == .undecodable(byteOffset: 2))
    }
}
