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

@Suite struct RotaOutputsTests {
    @Test func everyFileInAFixedOrder() throws {
        let names = try OutputFixture.files().map(\.name)
        #expect(names.first == "rota-grid.csv")
        #expect(names[1] == "rota.xlsx")
        let index = try #require(names.firstIndex(of: "report.html"))
        #expect(names[(index + 1)...].allSatisfy { $0.hasPrefix("report/") })
        #expect(names.filter { $0.hasPrefix("report/hospital-") }.count == 8)
        #expect(names.filter { $0.hasPrefix("report/county-") } == ["report/county-east.html", "report/county-west.html"])
        #expect(names.filter { $0.hasPrefix("ics/") }.count == 9)
        #expect(names.filter { $0.hasPrefix("sites/") }.count == 7)
        #expect(Set(names).count == names.count)
    }

    /// `--outputs` renders only what it asks for: a set left out costs nothing, and each file
    /// chosen is the same bytes as in the whole bundle.
    @Test func onlyTheChosenSetsAreRendered() throws {
        let all = try OutputFixture.files()
        func chosen(_ text: String) throws -> [(name: String, data: Data)] {
            try RotaOutputs.files(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario,
                                  report: OutputFixture.report, selection: OutputSelection(parsing: text))
        }
        #expect(try chosen("plan").isEmpty)
        #expect(try chosen("workbook").map(\.name) == ["rota.xlsx"])
        let zipped = try chosen("calendars-zip,grid")
        #expect(zipped.map(\.name) == ["rota-grid.csv"] + all.map(\.name).filter { $0.hasPrefix("ics/") })
        for file in zipped { #expect(all.first { $0.name == file.name }?.data == file.data, "\(file.name)") }
        #expect(try chosen("all").map(\.name) == all.map(\.name))
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

    /// The calendars and site sheets are made in slices on every core: every one of them is
    /// the bytes it has when made alone, under its own name, in the table's order, and the
    /// slices cover every person and site once, in order.
    @Test func slicedCalendarsAndSiteSheetsAreTheBytesMadeAlone() throws {
        let files = try OutputFixture.files()
        let (r, p, s) = (OutputFixture.rota, OutputFixture.plan, OutputFixture.scenario)
        let alone = PersonCalendar.files(rota: r, plan: p, scenario: s) + SiteRotaCSV.files(rota: r, plan: p, scenario: s)
        let bundled = files.filter { $0.name.hasPrefix("ics/") || $0.name.hasPrefix("sites/") }
        #expect(alone.count > 2)
        #expect(bundled.map(\.name) == alone.map(\.name))
        #expect(bundled.map(\.data) == alone.map(\.data))
        for n in [0, 1, 5, 16, 17, 1056] {
            let parts = RotaOutputs.slices(n)
            #expect(parts.flatMap { Array($0) } == Array(0..<n))
            #expect(parts.count == min(n, 16) && parts.allSatisfy { !$0.isEmpty })
        }
    }

    @Test func anEmptyRotaStillGivesTheGridWorkbookAndPage() throws {
        let empty = WeeklyRota(scenario: "test-region", entries: [])
        let files = try RotaOutputs.files(rota: empty, plan: OutputFixture.plan, scenario: OutputFixture.scenario, report: nil)
        #expect(files.map(\.name).prefix(3) == ["rota-grid.csv", "rota.xlsx", "report.html"])
        #expect(files.dropFirst(3).allSatisfy { $0.name.hasPrefix("report/") })
        let grid = try TestCSV.parse(files[0].data)
        #expect(grid.count == 1 && grid[0].count == 4 + 28)
        let html = String(decoding: files[2].data, as: UTF8.self)
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "</table>").count)
    }

    @Test func entriesOutsideThePeriodWidenItAndBadDatesStayOffCalendars() throws {
        var rota = OutputFixture.rota
        rota.entries.append(RotaEntry(person: "east-t1-2", date: "2025-10-21", half: .am, site: "east-t1-v5", activity: .rounds))
        rota.entries.append(RotaEntry(person: "east-t1-2", date: "2025-13-01", half: .pm, site: "east-t1-v5", activity: .rounds))
        let files = try RotaOutputs.files(rota: rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario, report: nil)
        let grid = try TestCSV.parse(try #require(OutputFixture.file("rota-grid.csv", in: files)))
        #expect(grid[0].last == "2025-10-21")
        #expect(grid.first { $0[0] == "east-t1-2" }?.last == "上午 east-t1村5 巡回医疗")
        let site = try TestCSV.parse(try #require(OutputFixture.file("sites/east-t1-v5.csv", in: files)))
        #expect(site.count == 3)
        let ics = ICSChecker(try #require(OutputFixture.file("ics/east-t1-2.ics", in: files)))
        #expect(ics.problems.isEmpty)
        #expect(ics.events.count == 1)
    }
}
