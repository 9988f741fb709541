import Foundation
import ArgumentParser
import Rota

/// `rota verify SCENARIO PLAN [--rota ROTA.csv]`: checks a plan.json against every rule of its
/// scenario with the independent verifier and, when `--rota` is given or a `rota.csv` sits
/// beside the plan, the weekly rota against every rota rule too (`RotaVerifier`); prints the
/// report (one line per rule family), and exits 0 when every rule instance holds, 1 when one
/// is broken, 2 when the scenario, plan or rota file cannot be read.
///
/// ```text
/// $ rota verify Scenarios/heze-mini.yaml out/plan.json
/// Verification of the plan for scenario heze-mini-2025 (profile heze-city, period 2025-01-01..2025-12-31)
/// …
/// PASSES: all 214 rule instances hold.
/// ```
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a plan.json (and its rota.csv) against every rule of its scenario, independently of the planners.",
        discussion: """
            Re-derives every rule instance (quotas, team sizes, durations, localities, 3331 \
            workstations, village help, TCM clinics, leave, totals) from the scenario and checks \
            the plan in integer arithmetic. With --rota, or when a rota.csv sits beside the plan, \
            also checks the weekly half-day rota: postings, 3331 visits per month, station days, \
            rounds, technical support and TCM clinics per week, leave and covers. Exit 0: the \
            plan (and rota) comply; 1: a rule is broken; 2: the scenario, plan or rota file \
            cannot be read.
            """
    )

    @Argument(help: "The scenario YAML file the plan was made for.")
    var scenario: String

    @Argument(help: "The plan.json file to check (as written by `rota plan`).")
    var plan: String

    @OptionGroup var proofOptions: ProofOptions

    @Option(name: .customLong("rota"), help: ArgumentHelp(
        "The rota.csv to check with the plan (default: rota.csv beside the plan, if there is one).",
        valueName: "rota.csv"))
    var rota: String?

    @Option(name: .long, help: "A re-plan's change file: the scenario is checked with its events applied (needs --from).")
    var changes: String?

    @Option(name: .long, help: "The earlier plan's folder: check that no rota entry before --from changed.")
    var earlier: String?

    @Option(name: .long, help: "The re-plan date (YYYY-MM-DD) of --changes and --earlier.")
    var from: String?

    func validate() throws {
        if changes != nil || earlier != nil {
            guard let from else { throw ValidationError("--changes and --earlier need --from, the re-plan date") }
            guard Day(iso: from) != nil else { throw ValidationError("--from must be a date written YYYY-MM-DD") }
        } else if from != nil {
            throw ValidationError("--from goes with --changes or --earlier")
        }
    }

    func run() throws {
        // Read every file first, so one run lists the problems of all of them.
        // The digests and the proof are made only when a proof is asked for.
        let proving = proofOptions.destination(plan: self.plan) != nil
        var inputs = VerificationInputs.read(scenario: self.scenario, plan: self.plan,
                                             rota: VerificationInputs.rotaPath(given: rota, plan: self.plan), digesting: proving)
        var earlierRota: [RotaEntry]?
        if let day = from.flatMap(Day.init(iso:)) {
            if let changes, let original = inputs.scenario {
                do { inputs.scenario = try ChangeFileReader.read(path: changes, scenario: original, from: day).apply(to: original) }
                catch { inputs.diagnostics += error.diagnostics }
            }
            if let earlier {
                do { earlierRota = try RotaCSVReader.read(path: (earlier as NSString).appendingPathComponent("rota.csv")) }
                catch { inputs.diagnostics += error.diagnostics }
                if inputs.rota == nil {
                    inputs.diagnostics.append(Diagnostic(file: self.plan, line: 0, path: "document", message: "--earlier needs the re-plan's rota.csv",
                                                         expected: "a rota.csv beside the plan, or --rota"))
                }
            }
        }
        guard let scenario = inputs.scenario, let plan = inputs.plan, inputs.diagnostics.isEmpty else {
            for d in inputs.diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            throw ExitCode(2)
        }
        var pastKept = true
        if let earlierRota, let later = inputs.rota, let day = from.flatMap(Day.init(iso:)) {
            let check = FrozenPastCheck(earlier: earlierRota, later: later, before: day)
            FileHandle.standardOutput.write(Data(check.render(earlierPath: earlier!).utf8))
            pastKept = check.unchanged
        }
        let verified = proving ? VerifiedProof(scenario: scenario, plan: plan, rota: inputs.rotaFile, digests: inputs.digests) : nil
        let report = verified?.report ?? VerifiedProof.report(scenario: scenario, plan: plan, rota: inputs.rotaFile)
        FileHandle.standardOutput.write(Data(report.render().utf8))
        if let verified { try proofOptions.writeIfAsked(verified.proof, scenarioPath: self.scenario, planPath: self.plan) }
        if !report.passed || !pastKept { throw ExitCode(1) }
    }
}
