import Foundation
import Testing
@testable import RotaCore
@testable import RotaVerifier
@testable import RotaOutput

/// A re-plan takes the calendars and site sheets nobody's change touches from the earlier
/// folder: the files are the same bytes as rendering everything, and a file that would differ
/// is never taken over.
@Suite struct EarlierOutputsTests {
    /// The fixture's rota with the station helper's last week taken away and their village
    /// covered by a colleague on one day: two calendars and one sheet change.
    static let changed: WeeklyRota = {
        var entries = OutputFixture.rota.entries.filter { !($0.person == "east-hosp-0" && $0.date >= "2025-10-13") }
        entries += [RotaEntry(person: "east-t1-0", date: "2025-10-14", half: .am, site: "east-t1-v2", activity: .station)]
        let r = OutputFixture.rota
        return WeeklyRota(scenario: r.scenario, entries: entries.sorted(), relaxations: r.relaxations, covers: r.covers, shortfalls: r.shortfalls)
    }()

    /// The earlier outputs written to a fresh folder, as `rota plan` leaves them.
    func earlierFolder(_ edit: (inout [(name: String, data: Data)]) -> Void = { _ in }) throws -> String {
        var files = try OutputFixture.files()
        edit(&files)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earlier-outputs-\(UUID().uuidString)")
        for f in files {
            let url = folder.appendingPathComponent(f.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try f.data.write(to: url)
        }
        return folder.path
    }

    func outputs(earlierFolder folder: String?) throws -> [(name: String, data: Data)] {
        let earlier = folder.map { EarlierOutputs(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario, folder: $0) }
        return try RotaOutputs.files(rota: Self.changed, plan: OutputFixture.plan, scenario: OutputFixture.scenario,
                                     report: OutputFixture.report, earlier: earlier)
    }

    @Test func theFilesAreTheBytesRenderingEverythingGives() throws {
        let folder = try earlierFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fresh = try outputs(earlierFolder: nil), reused = try outputs(earlierFolder: folder)
        #expect(reused.map(\.name) == fresh.map(\.name))
        for (a, b) in zip(reused, fresh) { #expect(a.data == b.data, "\(a.name)") }
        // The change is real: the two changed calendars and the village's sheet differ from the earlier ones.
        let before = try OutputFixture.files()
        let differing = fresh.filter { f in OutputFixture.file(f.name, in: before) != f.data }.map(\.name)
        #expect(Set(["ics/east-hosp-0.ics", "ics/east-t1-0.ics", "sites/east-t1-v2.csv"]).isSubset(of: Set(differing)))
    }

    @Test func onlyTheCalendarsAndSheetsNobodysChangeTouchesAreTakenOver() {
        let earlier = EarlierOutputs(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario, folder: "/nonexistent")
        let ctx = RotaOutputContext(rota: Self.changed, plan: OutputFixture.plan, scenario: OutputFixture.scenario)
        let calendars = earlier.calendars(for: ctx, stems: OutputFileName.names(for: ctx.people))
        #expect(calendars["east-hosp-0"] == nil && calendars["east-t1-0"] == nil)
        #expect(calendars["city-a-0"] == "ics/city-a-0.ics" && calendars["east-hosp-1"] == "ics/east-hosp-1.ics")
        let sheets = earlier.siteSheets(for: ctx, stems: OutputFileName.names(for: ctx.sites))
        #expect(sheets["east-t1-v2"] == nil && sheets["east-hosp"] == "sites/east-hosp.csv" && sheets["east-t1-v1"] == "sites/east-t1-v1.csv")
        // A renamed hospital changes every calendar naming it as a site, and every sheet
        // naming it as someone's hospital (east-hosp-1's rounds at east-t1-v1).
        var renamed = OutputFixture.scenario
        for i in renamed.institutions.indices where renamed.institutions[i].id == "east-hosp" { renamed.institutions[i].name = "新名字医院" }
        let ctx2 = RotaOutputContext(rota: Self.changed, plan: OutputFixture.plan, scenario: renamed)
        #expect(earlier.calendars(for: ctx2, stems: OutputFileName.names(for: ctx2.people))["city-a-0"] == nil)
        #expect(earlier.siteSheets(for: ctx2, stems: OutputFileName.names(for: ctx2.sites))["east-t1-v1"] == nil)
    }

    /// Earlier files that are not what this version renders (another version's outputs, a
    /// file edited by hand, a file missing) are not taken over: the first checked one differs,
    /// so that kind is rendered in full.
    @Test func earlierFilesThisVersionWouldNotWriteAreRenderedAgain() throws {
        let folder = try earlierFolder { files in
            for i in files.indices where files[i].name.hasPrefix("ics/") || files[i].name.hasPrefix("sites/") {
                files[i].data = Data("edited by hand\r\n".utf8) + files[i].data
            }
            files.removeAll { $0.name == "ics/city-a-1.ics" }
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fresh = try outputs(earlierFolder: nil), reused = try outputs(earlierFolder: folder)
        #expect(reused.map(\.name) == fresh.map(\.name))
        for (a, b) in zip(reused, fresh) { #expect(a.data == b.data, "\(a.name)") }
    }
}
