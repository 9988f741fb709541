import Foundation
import Testing
@testable import Rota

@Suite struct RotaOutputsTests {
    @Test func everyFileInAFixedOrder() throws {
        let names = try OutputFixture.files().map(\.name)
        #expect(names.first == "rota-grid.csv")
        #expect(names[1] == "rota.xlsx")
        #expect(names.last == "report.html")
        #expect(names.filter { $0.hasPrefix("ics/") }.count == 9)
        #expect(names.filter { $0.hasPrefix("sites/") }.count == 7)
        #expect(Set(names).count == names.count)
    }

    @Test func twoCallsGiveTheSameBytes() throws {
        let a = try OutputFixture.files(), b = try OutputFixture.files()
        #expect(a.map(\.name) == b.map(\.name))
        for (x, y) in zip(a, b) { #expect(x.data == y.data, "\(x.name)") }
        // The same rota given with its entries in another order gives the same bytes too.
        var shuffled = OutputFixture.rota
        shuffled.entries.reverse()
        let c = try RotaOutputs.files(rota: shuffled, plan: OutputFixture.plan, scenario: OutputFixture.scenario, report: OutputFixture.report)
        for (x, y) in zip(a, c) { #expect(x.data == y.data, "\(x.name)") }
    }

    @Test func eachWriterOnItsOwnMatchesTheBundle() throws {
        let files = try OutputFixture.files()
        let (r, p, s) = (OutputFixture.rota, OutputFixture.plan, OutputFixture.scenario)
        #expect(OutputFixture.file("rota-grid.csv", in: files) == Data(RotaGridCSV.render(rota: r, plan: p, scenario: s).utf8))
        #expect(OutputFixture.file("rota.xlsx", in: files) == (try RotaWorkbook.data(rota: r, plan: p, scenario: s)))
        #expect(OutputFixture.file("ics/east-t1-0.ics", in: files) == Data(PersonCalendar.render(person: "east-t1-0", rota: r, plan: p, scenario: s).utf8))
        #expect(OutputFixture.file("report.html", in: files)
                == Data(RotaReportPage.render(rota: r, plan: p, scenario: s, report: OutputFixture.report).utf8))
    }
}
