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

@Suite struct RotaGridTests {
    let files: [(name: String, data: Data)]
    let rows: [[String]]

    init() throws {
        files = try OutputFixture.files()
        rows = try TestCSV.parse(try #require(OutputFixture.file("rota-grid.csv", in: files)))
    }

    func cell(_ person: String, _ date: String) throws -> String {
        let column = try #require(rows[0].firstIndex(of: date))
        let row = try #require(rows.first { $0[0] == person })
        return row[column]
    }

    @Test func headerHasThePersonColumnsThenEveryDay() {
        #expect(Array(rows[0].prefix(5)) == ["人员编号", "姓名", "所属单位", "岗位", "2025-09-22"])
        #expect(rows[0].count == 4 + 28)
        #expect(rows[0].last == "2025-10-19")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
    }

    @Test func rowsAreSortedByHospitalThenPersonUnknownPeopleLast() {
        #expect(rows.dropFirst().map { $0[0] } == ["city-a-0", "city-a-1", "city-a-2", "city-b-tcm0", "east-hosp-0", "east-hosp-1",
                                                   "east-t1-0", "east-t1-1", "zz-ghost"])
        #expect(rows[1][1...3] == ["员工city-a0", "市立医院", "医师"])
        #expect(rows.last! == ["zz-ghost", "", "", ""] + rows.last!.dropFirst(4))
    }

    @Test func cellsNameSiteAndActivityPerHalfDay() throws {
        #expect(try cell("city-a-0", "2025-09-22") == "全天 east县人民医院 驻点")
        #expect(try cell("city-a-0", "2025-09-24") == "全天 \(OutputFixture.longSiteName) 3331巡诊")
        #expect(try cell("city-a-1", "2025-10-15") == "上午 \(OutputFixture.longSiteName) 3331带教 / 下午 \(OutputFixture.longSiteName) 3331授课")
        #expect(try cell("east-t1-1", "2025-09-23") == "上午 \(OutputFixture.awkwardSiteName) 派驻 / 下午 east-t1村4 巡回医疗")
        #expect(try cell("east-hosp-1", "2025-09-25") == "下午 \(OutputFixture.awkwardSiteName) 巡回医疗")
        #expect(try cell("city-b-tcm0", "2025-09-26") == "上午 east镇1卫生院 中医坐诊")
        #expect(try cell("zz-ghost", "2025-09-25") == "上午 nowhere 巡回医疗")
        // Holidays and weekends are empty; the adjusted working Sunday is not.
        #expect(try cell("city-a-0", "2025-10-01") == "")
        #expect(try cell("city-a-0", "2025-09-27") == "")
        #expect(try cell("city-a-0", "2025-09-28") == "全天 east县人民医院 驻点")
    }

    @Test func csvTextIsBOMCRLFAndQuoted() throws {
        let data = try #require(OutputFixture.file("rota-grid.csv", in: files))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}人员编号,姓名,所属单位,岗位,2025-09-22,"))
        #expect(text.contains("\"上午 东县一镇，\"\"幸福\"\"村卫生室; 分站 派驻 / 下午 east-t1村4 巡回医疗\""))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func cellFormat() {
        #expect(RotaGridCell.text(am: [], pm: []) == "")
        #expect(RotaGridCell.text(am: [("韩集镇卫生院", .posting)], pm: [("李庄村卫生室", .rounds3331)])
                == "上午 韩集镇卫生院 驻点 / 下午 李庄村卫生室 3331巡诊")
        #expect(RotaGridCell.text(am: [("A", .station)], pm: [("A", .station)]) == "全天 A 派驻")
        #expect(RotaGridCell.text(am: [("A", .rounds), ("B", .rounds)], pm: []) == "上午 A 巡回医疗 + B 巡回医疗")
    }
}
