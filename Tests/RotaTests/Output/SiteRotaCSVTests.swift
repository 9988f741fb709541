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

@Suite struct SiteRotaCSVTests {
    @Test func oneFilePerSiteInTheRota() throws {
        let names = try OutputFixture.files().map(\.name).filter { $0.hasPrefix("sites/") }
        #expect(names == ["sites/east-hosp.csv", "sites/east-t1.csv", "sites/east-t1-v1.csv", "sites/east-t1-v2.csv",
                          "sites/east-t1-v3.csv", "sites/east-t1-v4.csv", "sites/nowhere.csv"])
    }

    @Test func rowsAreSortedByDateHalfPerson() throws {
        let data = try #require(OutputFixture.file("sites/east-t1-v2.csv", in: try OutputFixture.files()))
        let rows = try TestCSV.parse(data)
        #expect(rows[0] == ["日期", "时段", "人员编号", "姓名", "所属单位", "工作内容"])
        let first = Array(rows[1...5])
        #expect(first == [
            ["2025-09-22", "上午", "east-hosp-0", "员工east-hosp0", "east县人民医院", "派驻"],
            ["2025-09-22", "下午", "east-hosp-0", "员工east-hosp0", "east县人民医院", "派驻"],
            ["2025-09-23", "上午", "east-hosp-0", "员工east-hosp0", "east县人民医院", "派驻"],
            ["2025-09-23", "上午", "east-t1-1", "员工east-t11", "east镇1卫生院", "派驻"],
            ["2025-09-23", "下午", "east-hosp-0", "员工east-hosp0", "east县人民医院", "派驻"],
        ])
        #expect(rows.contains(["2025-09-25", "下午", "east-hosp-1", "员工east-hosp1", "east县人民医院", "巡回医疗"]))
        let keys = rows.dropFirst().map { [$0[0], $0[1] == "上午" ? "0" : "1", $0[2]] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        // Every station half-day of the village, east-t1-1's morning and the Thursday rounds.
        let thursdays = OutputFixture.workingDays.filter { $0.weekday == 4 }.count
        #expect(rows.count - 1 == 2 * OutputFixture.workingDays.count + 1 + thursdays)
    }

    @Test func unknownPeopleAndSitesKeepTheirIds() throws {
        let rows = SiteRotaCSV.rows(site: "nowhere", rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario)
        #expect(rows == [["2025-09-25", "上午", "zz-ghost", "", "", "巡回医疗"]])
    }

    @Test func fileNamesAreSafeAndDistinct() {
        #expect(OutputFileName.names(for: ["a/b", "a_b", "c", ".x", "A_B", ""]) == ["a_b", "a_b~2", "c", "_.x", "A_B~3", "_"])
    }
}
