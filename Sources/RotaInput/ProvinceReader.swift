import Foundation
import RotaCore

/// A province: several cities, each an ordinary scenario with its own profile, totals and
/// candidates, planned as shards of its own (docs/scaling.md).
///
/// The rules are city-local (a city's totals, its hospitals' quotas, its counties' teams), so
/// no rule ties one city's plan to another's: each city is planned, verified and written on
/// its own, and the roll-up only adds their figures up.
///
/// ```yaml
/// province: shandong-2025
/// cities:
///   - {id: heze, scenario: heze/heze-city-2025.yaml}
///   - {id: jining, scenario: jining/jining-city-2025.yaml}
/// ```
public struct Province: Sendable, Hashable {
    /// One city of the province: the shard a batch task plans.
    public struct City: Sendable, Hashable {
        /// The city's id: its output folder's name (`OUT/<id>/`).
        public var id: String
        /// The city's scenario file, resolved against the province file's folder.
        public var scenarioPath: String
        /// The line of the province file that names it, for messages.
        public var line: Int

        public init(id: String, scenarioPath: String, line: Int) {
            self.id = id; self.scenarioPath = scenarioPath; self.line = line
        }
    }

    /// The province's name (the default output folder is `out/<name>`).
    public var name: String
    /// The province file as the user named it.
    public var file: String
    /// The cities in the file's order: `--shard K` plans `cities[K]`.
    public var cities: [City]

    public init(name: String, file: String, cities: [City]) {
        self.name = name; self.file = file; self.cities = cities
    }
}

/// Reads a province file (`province:` and `cities:`), and tells it apart from a scenario.
///
/// Every problem is reported as `file:line: path: what is wrong (expected …)`: a missing
/// field, an unknown one, an id that is not a folder name or is used twice, a scenario file
/// that does not exist. The cities' scenarios themselves are read by `ScenarioReader`.
///
/// ```swift
/// if let province = try ProvinceReader.read(path: "Scenarios/province/shandong.yaml") {
///     province.cities.map(\.id)      // ["heze-1", "heze-2"]
/// }                                  // nil: the file is a scenario, not a province
/// ```
public enum ProvinceReader {
    static let topLevelFields = ["province", "cities"]
    static let cityFields = ["id", "scenario"]

    /// The province in the file at `path`, or nil when the file is not a province file (it has
    /// no top-level `province:` field), so the caller reads it as a scenario instead.
    public static func read(path: String) throws(InputError) -> Province? {
        guard case .text(let text, _) = TextDecoding.readFile(atPath: path) else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        return try read(yaml: text, fileName: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Reads a province given as text; `baseDirectory` resolves the cities' scenario paths.
    public static func read(yaml: String, fileName: String, baseDirectory: String) throws(InputError) -> Province? {
        let log = DiagnosticLog()
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        guard let root = YAMLDocument.parse(text, file: fileName, log: log) else { return nil }
        guard case .mapping = root.node, let fields = root.fields(log), fields.has("province") else { return nil }
        fields.rejectUnknown(allowed: topLevelFields, log: log)
        let name = fields.required("province", log: log, note: "the province's name")?.text(log, expected: "the province's name")
        var cities: [Province.City] = []
        var firstUse: [String: SourcePlace] = [:]
        let listNote = "a list of cities: {id: …, scenario: FILE.yaml}"
        if let list = fields.required("cities", log: log, note: listNote)?.elements(log, expected: listNote) {
            if list.isEmpty { log.add(fields.place(of: "cities"), "has no city", expected: listNote) }
            for item in list {
                guard let city = item.fields(log, expected: "{id: …, scenario: FILE.yaml}") else { continue }
                city.rejectUnknown(allowed: cityFields, log: log)
                let id = city.required("id", log: log, note: "a folder name for the city's outputs")?
                    .text(log, expected: "a folder name for the city's outputs")
                let scenario = city.required("scenario", log: log, note: "the city's scenario file")?
                    .text(log, expected: "the city's scenario file")
                if let id {
                    let place = city.place(of: "id")
                    if !isFolderName(id) {
                        log.add(place, "\(Quote.text(id)) cannot name a folder",
                                expected: "letters, digits, '-', '_' or '.', not starting with '.'")
                    } else if let first = firstUse[id] {
                        log.add(place, "city id \(Quote.text(id)) is used twice (first at \(first.reference))",
                                expected: "each city once")
                    } else {
                        firstUse[id] = place
                    }
                }
                if let scenario {
                    let resolved = scenario.hasPrefix("/") ? scenario : (baseDirectory as NSString).appendingPathComponent(scenario)
                    var isDirectory: ObjCBool = false
                    if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) || isDirectory.boolValue {
                        log.add(city.place(of: "scenario"), "no such file: \(resolved)", expected: "a scenario YAML file")
                    }
                    if let id { cities.append(Province.City(id: id, scenarioPath: resolved, line: item.line)) }
                }
            }
        }
        guard log.isEmpty, let name else { throw InputError(log.diagnostics) }
        return Province(name: name, file: fileName, cities: cities)
    }

    /// Whether `text` is a safe single folder name on every system rota runs on.
    static func isFolderName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != ".", text.utf8.count <= 100 else { return false }
        return text.unicodeScalars.allSatisfy { s in
            (s.value < 128 && (CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_" || s == "."))
        }
    }
}
