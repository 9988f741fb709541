import Foundation
import Rota
import Testing

/// Reading a province file: a scenario is told apart, cities are resolved against the file's
/// folder, and every problem is located.
@Suite struct ProvinceReaderTests {
    private let base = "/tmp"

    @Test func aScenarioIsNotAProvince() throws {
        let scenario = RotaProcessPaths.root + "/Scenarios/mini/heze-mini.yaml"
        #expect(try ProvinceReader.read(path: scenario) == nil)
        #expect(try ProvinceReader.read(yaml: "name: x\nprofile: heze-city\n", fileName: "s.yaml", baseDirectory: base) == nil)
    }

    @Test func citiesResolveAgainstTheProvinceFolder() throws {
        let yaml = """
        province: test
        cities:
          - {id: mini, scenario: Scenarios/mini/heze-mini.yaml}
          - id: mini-b
            scenario: Scenarios/audit/heze-mini-b/scenario.yaml
        """
        let p = try #require(try ProvinceReader.read(yaml: yaml, fileName: "p.yaml", baseDirectory: RotaProcessPaths.root))
        #expect(p.name == "test")
        #expect(p.cities == [Province.City(id: "mini", scenarioPath: RotaProcessPaths.root + "/Scenarios/mini/heze-mini.yaml", line: 3),
                             Province.City(id: "mini-b", scenarioPath: RotaProcessPaths.root + "/Scenarios/audit/heze-mini-b/scenario.yaml", line: 4)])
    }

    @Test func everyProblemIsLocated() throws {
        let yaml = """
        province: test
        region: x
        cities:
          - {id: a, scenario: missing.yaml}
          - {id: a}
          - {id: .hidden, scenario: Scenarios/mini/heze-mini.yaml}
          - just-a-path.yaml
        """
        do {
            _ = try ProvinceReader.read(yaml: yaml, fileName: "p.yaml", baseDirectory: RotaProcessPaths.root)
            Issue.record("a broken province was read")
        } catch {
            let text = error.diagnostics.map(\.description)
            #expect(text.contains("p.yaml:2: region: unknown field (expected province, cities)"))
            #expect(text.contains("p.yaml:4: cities[0].scenario: no such file: \(RotaProcessPaths.root)/missing.yaml (expected a scenario YAML file)"))
            #expect(text.contains("p.yaml:5: cities[1].id: city id \"a\" is used twice (first at p.yaml:4) (expected each city once)"))
            #expect(text.contains("p.yaml:5: cities[1].scenario: required field is missing (expected the city's scenario file)"))
            #expect(text.contains { $0.hasPrefix("p.yaml:6: cities[2].id: \".hidden\" cannot name a folder") })
            #expect(text.contains { $0.hasPrefix("p.yaml:7: cities[3]: found \"just-a-path.yaml\"") })
            #expect(error.diagnostics.count == 6, "\(text)")
        }
    }
}

/// The package root, for scenario files in tests.
enum RotaProcessPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}
