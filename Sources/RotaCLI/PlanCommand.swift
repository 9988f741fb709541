import Foundation
import ArgumentParser
import Rota

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a year of dispatch and its half-day rota for a scenario, and write them.",
        discussion: "Exit 0 with a plan, 1 when no compliant plan exists (the rules that collide are named), 2 for bad input, 3 when the solver stops without a plan."
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Folder for the outputs (default: out/<scenario name>).")
    var out: String?

    @Option(name: .long, help: "Seconds the solver may search.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Relative MIP gap at which a plan is good enough, e.g. 0.01 for 1%.")
    var gap: Double = 0.01

    @Option(name: .long, help: "Also write the models solved, as MPS files, into this folder.")
    var writeModel: String?

    @Flag(name: .long, help: "Print no progress and no summary.")
    var quiet = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be at least 0 and below 1 (0.01 is 1%)") }
    }

    func run() throws {
        let scenario = try readScenarioOrExit(self.scenario)
        let planner = AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: timeLimit, gap: gap))
        if let dir = writeModel {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for model in planner.models() {
                try Solver().writeMPS(model, to: (dir as NSString).appendingPathComponent("\(model.name).mps"))
            }
        }
        let showProgress = !quiet && standardErrorIsTerminal
        var watch = Stopwatch()
        let outcome = try planner.plan(progress: showProgress ? { p in
            let inc = p.incumbent.map { String(format: "%.1f", $0) } ?? "—"
            let bound = p.bound.map { String(format: "%.1f", $0) } ?? "—"
            let gap = p.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "—"
            FileHandle.standardError.write(Data(String(format: "\r  %6.1f s   incumbent %@   bound %@   gap %@      ", p.elapsed, inc, bound, gap).utf8))
        } : nil)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let annualSeconds = watch.lap()
        switch outcome {
        case .planned(let plan):
            let dir = out ?? "out/\(scenario.name)"
            let run = try RotaPlanner(scenario: scenario, plan: plan).run()
            let rotaSeconds = watch.lap()
            // The independent verifier checks what the planner made before anything is written.
            let verified = VerifiedProof(scenario: scenario, plan: plan, rota: (file: "rota.csv", entries: run.rota.entries))
            let report = verified.report
            let proofParts = try verified.proof.jsonParts()
            let proofSeconds = watch.lap()
            var files: [(name: String, contents: FileContents)] = [
                ("plan.json", .data(try plan.jsonData())),
                ("assignments.csv", .data(Data(AssignmentsCSV.render(plan: plan, scenario: scenario).utf8))),
                ("rota.csv", .data(Data(RotaCSV.render(rota: run.rota, scenario: scenario).utf8))),
                ("proof.json", .parts(proofParts)),
            ]
            files += try RotaOutputs.files(rota: run.rota, plan: plan, scenario: scenario, report: report).map { ($0.name, .data($0.data)) }
            let outputSeconds = watch.lap()
            try writeAll(files, into: dir)
            let writeSeconds = watch.lap()
            if !quiet {
                print(PlanSummary(plan: plan, scenario: scenario).render())
                print(String(format: "Annual plan found in %.1f s.", annualSeconds))
                print("")
                print(RotaSummary(run: run).render())
                print("")
                print(report.passed
                      ? "Independent verification: all \(verified.proof.summary.instances) rule instances of the plan and the rota hold (proof.json records each one)."
                      : "Independent verification FAILED: \(report.failures.count) rule instances broken — see report.html and run rota verify.")
                print("Wrote \(dir)/: plan.json, assignments.csv, rota.csv, rota-grid.csv, rota.xlsx, ics/, sites/, report.html, proof.json")
                print(String(format: "Time: annual plan %.2f s, rota %.2f s, verification and proof %.2f s, other outputs %.2f s, writing %.2f s.",
                             annualSeconds, rotaSeconds, proofSeconds, outputSeconds, writeSeconds))
            }
            if !report.passed { throw ExitCode(1) }
        case .infeasible(let explanation):
            let dir = out ?? "out/\(scenario.name)"
            try writeAll([("conflict.json", try explanation.jsonData())], into: dir)
            print(explanation.render())
            print("No plan was written; the conflict is in \(dir)/conflict.json (re-check it with rota check-proof \(self.scenario) \(dir)/conflict.json).")
            throw ExitCode(1)
        case .stopped(let s):
            printError("The solver stopped after the time limit without finding a plan (\(s.rows) rows, \(s.columns) columns). Try a longer --time-limit.")
            throw ExitCode(3)
        }
    }
}
