import Foundation
import ArgumentParser
import Rota

/// Reads a province file, or prints every problem and exits 2; nil when the file is a scenario.
func readProvinceOrExit(_ path: String) throws -> Province? {
    do { return try ProvinceReader.read(path: path) } catch {
        printError(error.description)
        printError("\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in \(path); nothing was written.")
        throw ExitCode(2)
    }
}

extension PlanCommand {
    /// `rota plan PROVINCE [--shard K]`: every city (or city K) planned as its own shard into
    /// `OUT/<city id>/`, then, for the whole province, `OUT/province.csv` and a table of the
    /// cities. Exit 0 when every city planned has a verified plan, 1 when a city has no
    /// compliant plan, 2 for bad input anywhere (nothing written), 3 when a city's solve or
    /// rota stopped, 4 when outputs cannot be written.
    func planProvince(_ province: Province) throws {
        if let shard, shard >= province.cities.count {
            printError("rota plan: --shard \(shard): \(province.file) has \(province.cities.count) cities (0 to \(province.cities.count - 1)).")
            throw ExitCode(2)
        }
        if writeModel != nil {
            printError("rota plan: --write-model takes one scenario; give it a city's scenario file, not the province.")
            throw ExitCode(2)
        }
        let planning: ProvincePlanning
        do {
            planning = try ProvincePlanning(province: province, options: PlanningOptions(timeLimit: timeLimit, gap: gap))
        } catch {
            printError(error.description)
            printError("\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in \(province.file) and its cities; nothing was written.")
            throw ExitCode(2)
        }
        for s in planning.scenarios { for w in s.warnings { printError("warning: \(w)") } }
        let directory = out ?? "out/\(province.name)"
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            printError("rota plan: cannot write the outputs: \(directory): \(error.localizedDescription)")
            throw ExitCode(outputFailureExitCode)
        }
        let indices = shard.map { [$0] } ?? Array(province.cities.indices)
        var outcomes: [ProvincePlanning.CityOutcome] = []
        for k in indices {
            let city = province.cities[k]
            if !quiet { print("City \(k + 1) of \(province.cities.count): \(city.id) (\(planning.scenarios[k].name))") }
            do {
                let outcome = try planning.planCity(k, into: directory, outputs: try OutputSelection(parsing: outputs))
                outcomes.append(outcome)
                if !quiet { for line in ProvinceRollUp(province: province, cities: [outcome]).lines().dropFirst() { print(line) } }
                for line in outcome.details { printError("    " + line) }
            } catch let error as OutputError {
                printError("rota plan: cannot write the outputs: \(error.description)")
                throw ExitCode(outputFailureExitCode)
            }
        }
        let rollUp = ProvinceRollUp(province: province, cities: outcomes)
        if shard == nil {
            try replaceFileOrExit((directory as NSString).appendingPathComponent("province.csv"),
                                  with: .data(Data(rollUp.csv().utf8)), command: "plan")
            if !quiet {
                print("")
                for line in rollUp.lines() { print(line) }
                print("Wrote \(directory)/: one folder per city and province.csv (re-verify and roll up with rota audit \(province.file) --plans \(directory)).")
            }
        }
        if outcomes.contains(where: { $0.status == .stopped || $0.status == .rejected }) { throw ExitCode(3) }
        if outcomes.contains(where: { $0.status == .infeasible }) { throw ExitCode(1) }
    }
}
