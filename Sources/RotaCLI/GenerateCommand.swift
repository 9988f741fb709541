import Foundation
import ArgumentParser
import Rota

/// `rota generate REGION [--seed N] [--out DIR]`: writes a seeded, realistic scenario.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes a realistic region-scale scenario (YAML + staff CSV), the same for the same seed.",
        discussion: """
        Regions: \(GeneratedRegion.namesList).

        Writes DIR/REGION-2025.yaml and DIR/REGION-2025-staff.csv (the YAML's staff: names the CSV), \
        replacing files of those names, then prints the scenario's counts, its quota sums beside the \
        profile's totals, and any rule whose room is under 1.5×. See docs/scenarios.md.
        """
    )

    @Argument(help: "The region to build: \(GeneratedRegion.namesList).")
    var region: String

    @Option(name: .long, help: ArgumentHelp("Seed of the generator; the same seed gives byte-identical files.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Directory to write the two files to (created if missing).", valueName: "dir"))
    var out: String?

    @Flag(help: "Print the counts and the room each rule has, and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Write a province of this many cities drawn like REGION (seeds N, N+1, …) and its province.yaml.", valueName: "count"))
    var cities: Int?

    @Option(help: ArgumentHelp("Write one region this many times REGION's size (seeds N, N+1, …; ids prefixed x1-, x2-, …; totals scaled).", valueName: "count"))
    var scale: Int?

    func validate() throws {
        guard GeneratedRegion(rawValue: region) != nil else {
            throw usageError("unknown region \"\(region)\" (expected \(GeneratedRegion.namesList))")
        }
        if let cities, !(1...ProvinceGenerator.largestCityCount).contains(cities) {
            throw usageError("--cities \(cities): expected 1 to \(ProvinceGenerator.largestCityCount)")
        }
        if let scale, !(1...ScaledRegionGenerator.largestCopyCount).contains(scale) {
            throw usageError("--scale \(scale): expected 1 to \(ScaledRegionGenerator.largestCopyCount)")
        }
        if cities != nil, scale != nil {
            throw usageError("--cities writes a province of separate cities and --scale one larger region: give one of them")
        }
        if dryRun, out != nil {
            throw usageError("--dry-run writes nothing, so --out has no use with it")
        }
        if let dir = out {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue {
                throw usageError("--out \(dir): is a file, not a directory")
            }
        }
    }

    func run() throws {
        if let cities { return try writeProvince(cities: cities) }
        let generated = scale.map { ScaledRegionGenerator(region: GeneratedRegion(rawValue: region)!, copies: $0, seed: seed).generate() }
            ?? ScenarioGenerator(region: GeneratedRegion(rawValue: region)!, seed: seed).generate()
        if !dryRun {
            let dir = out ?? "."
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                let yamlPath = (dir as NSString).appendingPathComponent(generated.yamlFileName)
                let csvPath = (dir as NSString).appendingPathComponent(generated.csvFileName)
                try Data(generated.yamlText.utf8).write(to: URL(fileURLWithPath: yamlPath), options: .atomic)
                try Data(generated.csvText.utf8).write(to: URL(fileURLWithPath: csvPath), options: .atomic)
                print("wrote \(yamlPath)")
                print("wrote \(csvPath)")
            } catch {
                throw usageError("cannot write to \(dir): \(error.localizedDescription)")
            }
        }
        print("\(generated.scenario.name) (seed \(seed)):")
        for line in generated.report.lines() { print("  " + line) }
    }
}

extension GenerateCommand {
    /// `--cities N`: the province's files under --out (default: the current folder).
    func writeProvince(cities: Int) throws {
        let province = ProvinceGenerator(region: GeneratedRegion(rawValue: region)!, cities: cities, seed: seed).generate()
        if !dryRun {
            let dir = out ?? "."
            do {
                for file in province.files {
                    let path = (dir as NSString).appendingPathComponent(file.path)
                    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                            withIntermediateDirectories: true)
                    try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
            } catch {
                throw usageError("cannot write to \(dir): \(error.localizedDescription)")
            }
            print("wrote \(province.files.count) files to \(dir): province.yaml and \(cities) cities")
        }
        for city in province.cities {
            print("\(city.scenario.name) (seed \(city.seed)):")
            for line in city.report.lines() { print("  " + line) }
        }
    }
}

/// Reports a wrong command line or an unwritable output on standard error and gives the exit
/// code 2 that scenario.md asks for (ArgumentParser's own would be 64 or 1).
func usageError(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("rota generate: \(message)\n".utf8))
    return ExitCode(2)
}
