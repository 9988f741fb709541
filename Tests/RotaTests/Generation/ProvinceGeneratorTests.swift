import Foundation
import Rota
import Testing

/// The province generator: cities drawn with successive seeds, named apart, each a scenario the
/// reader accepts, and a province file that lists them.
@Suite struct ProvinceGeneratorTests {
    @Test func citiesAreTheRegionWithSuccessiveSeedsNamedApart() throws {
        let p = ProvinceGenerator(region: .hezeMudan, cities: 2, seed: 5).generate()
        #expect(p.provinceName == "heze-mudan-x2-2025")
        #expect(p.files.map(\.path) == ["heze-mudan-1/heze-mudan-2025-1-staff.csv", "heze-mudan-1/heze-mudan-2025-1.yaml",
                                        "heze-mudan-2/heze-mudan-2025-2-staff.csv", "heze-mudan-2/heze-mudan-2025-2.yaml",
                                        "province.yaml"])
        // City k is the region with seed + k − 1, renamed: same staff as the plain generator's.
        for (k, city) in p.cities.enumerated() {
            let plain = ScenarioGenerator(region: .hezeMudan, seed: 5 + UInt64(k)).generate()
            #expect(city.scenario.name == "heze-mudan-2025-\(k + 1)")
            #expect(city.scenario.staff == plain.scenario.staff)
            #expect(city.scenario.institutions == plain.scenario.institutions)
            #expect(city.csvText == plain.csvText)
        }
        #expect(p.cities[0].csvText != p.cities[1].csvText)
        // The same arguments give the same bytes.
        #expect(ProvinceGenerator(region: .hezeMudan, cities: 2, seed: 5).generate().files == p.files)
    }

    @Test func writtenProvinceReadsBackCityByCity() throws {
        let p = ProvinceGenerator(region: .hezeMudan, cities: 2, seed: 1).generate()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-province-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in p.files {
            let url = dir.appendingPathComponent(f.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(f.text.utf8).write(to: url)
        }
        let province = try #require(try ProvinceReader.read(path: dir.appendingPathComponent("province.yaml").path))
        #expect(province.name == p.provinceName)
        #expect(province.cities.map(\.id) == ["heze-mudan-1", "heze-mudan-2"])
        let planning = try ProvincePlanning(province: province)
        #expect(planning.scenarios.map(\.name) == p.cities.map(\.scenario.name))
        #expect(planning.scenarios.map { $0.staff.map(\.id) } == p.cities.map { $0.scenario.staff.map(\.id) })
        #expect(planning.scenarios.map(\.institutions.count) == p.cities.map(\.scenario.institutions.count))
    }
}
