import Foundation
import ArgumentParser
import Rota

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a year of dispatch and its half-day rota for a scenario, and write them.",
        discussion: "Exit 0 with a plan, 1 when no compliant plan exists (the rules that collide are named), 2 for bad input, 3 when the solver stops without a plan."
    )

    @Argument(help: "The scenario: a YAML file or a filled rota template workbook (.xlsx); or a province file that lists one scenario per city.")
    var scenario: String

    @Option(name: .long, help: "Folder for the outputs (default: out/<scenario name>).")
    var out: String?

    @Option(name: .long, help: "Seconds the annual plan may take in all; the best plan found by then is kept.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Relative MIP gap at which a plan is good enough, e.g. 0.01 for 1%.")
    var gap: Double = 0.01

    @Option(name: .long, help: "Also write the models solved, as MPS files, into this folder.")
    var writeModel: String?

    @Flag(name: .long, help: "Print no progress and no summary.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("With a province file: plan only its K-th city (from 0), as one task of a batch job.", valueName: "K"))
    var shard: Int?

    @Option(name: .long, help: ArgumentHelp("Output sets to write, comma-separated: plan (always), workbook, grid, calendars or calendars-zip, sites, report, all.", valueName: "sets"))
    var outputs: String = "all"

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be at least 0 and below 1 (0.01 is 1%)") }
        if let shard, shard < 0 { throw ValidationError("--shard must be a city's index, 0 or more") }
        do { _ = try OutputSelection(parsing: outputs) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        if let province = try readProvinceOrExit(self.scenario) { return try planProvince(province) }
        if shard != nil {
            printError("rota plan: --shard needs a province file (province: and cities:); \(self.scenario) is a scenario.")
            throw ExitCode(2)
        }
        let scenario = try readScenarioOrExit(self.scenario)
        // Whether the outputs can be written is checked before any solving.
        let folder = try outputFolderOrExit(out ?? "out/\(scenario.name)", command: "plan")
        let selection = try OutputSelection(parsing: outputs)
        let pipeline = PlanPipeline(scenario: scenario, options: PlanningOptions(timeLimit: timeLimit, gap: gap), outputs: selection)
        if let dir = writeModel {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for model in AnnualPlanner(scenario: scenario, options: pipeline.options).models() {
                try Solver().writeMPS(model, to: (dir as NSString).appendingPathComponent("\(model.name).mps"))
            }
        }
        let showProgress = !quiet && standardErrorIsTerminal
        let outcome: PlanPipeline.Outcome
        do {
            outcome = try pipeline.run(progress: showProgress ? { p in
                FileHandle.standardError.write(Data("\r  \(p.line)      ".utf8))
            } : nil, staging: folder)
        } catch let error as RotaOutputError {
            // An output that cannot be made (e.g. a sheet past Excel's limits): not "no plan" (1).
            printError("rota plan: cannot make the outputs: \(error.description); \(folder.path) keeps its previous contents.")
            throw ExitCode(outputFailureExitCode)
        } catch let error as OutputError {
            printError("rota plan: cannot write the outputs: \(error.description); \(folder.path) keeps its previous contents.")
            throw ExitCode(outputFailureExitCode)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch outcome {
        case .planned(let year):
            var watch = Stopwatch()
            let files = try selection.apply(to: year.files)
            try replaceOrExit(folder, with: files, command: "plan")
            let writeSeconds = watch.lap()
            if !quiet {
                let t = year.times
                print(PlanPipeline.summaryText(plan: year.plan, scenario: scenario), terminator: "")
                if scenario.objective.personDispatched != nil {
                    // Coverage bought with people: compare with the fewest-people plan.
                    var weights = ObjectiveWeights(settings: scenario.objective)
                    weights.fewestPeopleFirst = true; weights.personDispatched = nil
                    let fewest = AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: timeLimit, gap: gap, weights: weights))
                    if case .planned(let minimum) = try fewest.plan() {
                        print("  " + CoveragePrice(plan: year.plan, minimum: minimum, scenario: scenario).render())
                    }
                }
                print(String(format: "Annual plan found in %.1f s.", t.annual))
                print("")
                print(RotaSummary(run: year.rota).render())
                print("")
                print("Independent verification: all \(year.verified.proof.summary.instances) rule instances of the plan and the rota, as written, hold (proof.jsonl.gz records each one).")
                print("Wrote \(folder.path)/: \(OutputSelection.summary(of: files))")
                print(String(format: "Time: annual plan %.2f s, rota %.2f s, verification and proof %.2f s, other outputs %.2f s, writing %.2f s.",
                             t.annual, t.rota, t.proof, t.outputs, writeSeconds))
            }
        case .rejected(let year):
            let failures = year.report.failures
            printError("rota plan: the plan found breaks \(failures.count) rule instance\(failures.count == 1 ? "" : "s") when checked by the independent verifier, so it is not written (\(folder.path) is unchanged):")
            for f in failures.prefix(20) { printError("  \(f.instance): \(f.finding)") }
            if failures.count > 20 { printError("  … and \(failures.count - 20) more") }
            printError("The rota could not be made compliant with the people this plan sends (see the shortfalls above); add candidates or check leave, then plan again.")
            throw ExitCode(3)
        case .infeasible(let explanation):
            try replaceOrExit(folder, with: [try PlanPipeline.conflictFile(explanation)], command: "plan")
            print(explanation.render())
            print("No plan was written; the conflict is in \(folder.path)/conflict.json (re-check it with rota check-proof \(self.scenario) \(folder.path)/conflict.json).")
            throw ExitCode(1)
        case .stopped(let s):
            printError("The solver stopped after the time limit without finding a plan (\(s.rows) rows, \(s.columns) columns). Try a longer --time-limit.")
            throw ExitCode(3)
        }
    }
}
