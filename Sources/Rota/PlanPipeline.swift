import Foundation
import RotaCore
import RotaInput
import RotaOutput
import RotaPlanner
import RotaProof
import RotaSolver
import RotaVerifier

/// A year planned from a scenario: read, plan, rota, verify, render, write — the one place
/// these steps are joined, for `rota plan`, re-planning and the portal alike.
///
/// Each stage is a method of its own, so a caller can replace one (re-planning brings its own
/// annual plan, with the past frozen) and keep the rest:
///
/// 1. `plan(progress:)` — the annual plan (GLPK), or the conflict that stops every plan;
/// 2. `schedule(_:)` — the weekly, half-day rota that carries the plan out;
/// 3. `write(plan:rota:)` and `prove(_:)` — plan.json and rota.csv as bytes, **read back** with
///    the verifier's own readers and verified as read: what is written is what was checked;
/// 4. `render(_:)` — every file a planner reads (CSV, Excel, calendars, site sheets, report);
/// 5. `OutputFolder.replace(with:)` — the whole set replaces the previous run's in one step.
///
/// A plan that fails the independent verifier is never written: `run` returns `.rejected`
/// with the broken rule instances (the files that do not show the verification, made beside
/// it in `run`, are dropped — removed from the output folder's hidden folder when `run` was
/// given it to stage them in).
///
/// ```swift
/// let folder = try OutputFolder(path: "out/heze")          // before any solving
/// let pipeline = PlanPipeline(scenario: scenario)
/// switch try pipeline.run(staging: folder) {               // large files staged as made
/// case .planned(let year): try folder.replace(with: year.files)
/// case .infeasible(let conflict): try folder.replace(with: [try PlanPipeline.conflictFile(conflict)])
/// case .rejected, .stopped: break                          // nothing is written
/// }
/// ```
public struct PlanPipeline: Sendable {
    public let scenario: Scenario
    public let options: PlanningOptions
    /// The output sets to render (`rota plan --outputs`); the plan set is always made.
    public var outputs: OutputSelection

    public init(scenario: Scenario, options: PlanningOptions = PlanningOptions(), outputs: OutputSelection = .everything) {
        self.scenario = scenario; self.options = options; self.outputs = outputs
    }

    /// Seconds each stage took, for the `Time:` line and the benchmark.
    public struct PhaseTimes: Sendable, Hashable {
        public var annual = 0.0, rota = 0.0, proof = 0.0, outputs = 0.0
    }

    /// A verified year, ready to write.
    public struct PlannedYear: Sendable {
        public let plan: Plan
        public let rota: RotaRun
        /// The independent verification of the bytes in `files`, and the proof made from it.
        public let verified: VerifiedProof
        /// Every output file, plan.json and rota.csv exactly as verified.
        public let files: [OutputFile]
        public var times: PhaseTimes
    }

    /// A plan and rota the independent verifier refused: never written as a plan.
    public struct RejectedYear: Sendable {
        public let plan: Plan
        public let rota: RotaRun
        public let report: VerificationReport
    }

    public enum Outcome: Sendable {
        /// A plan and rota that pass the independent verifier.
        case planned(PlannedYear)
        /// No compliant plan exists; the explanation names the colliding rules.
        case infeasible(ConflictExplanation)
        /// The planner's plan or rota breaks a rule the verifier checks (e.g. a rota that
        /// cannot cover a stationing week): nothing is written.
        case rejected(RejectedYear)
        /// The solver stopped without a plan (time limit).
        case stopped(PlanSolver)
    }

    /// Runs every stage but writing.
    ///
    /// With `staging`, every large file the selection writes as it is goes into the folder's
    /// hidden folder as soon as it is made (`OutputFolder.stage`) rather than being held until
    /// the end — rota.csv before it is verified, the workbook, the grid, the calendars and the
    /// site sheets beside the verification, the proof and the report pages after it: the
    /// year's `files` name them there, and `staging.replace(with:)` writes the rest (plan.json,
    /// assignments.csv, summary.txt) and swaps the whole set in. When the verifier refuses the
    /// plan, or a stage fails, the staged files are removed before `run` returns or throws:
    /// nothing is written.
    public func run(progress: ((SolveProgress) -> Void)? = nil, staging: OutputFolder? = nil) throws -> Outcome {
        var watch = Stopwatch()
        var times = PhaseTimes()
        let annual = try plan(progress: progress)
        times.annual = watch.lap()
        switch annual {
        case .infeasible(let conflict): return .infeasible(conflict)
        case .stopped(let solver): return .stopped(solver)
        case .planned(let plan):
            let rota = try schedule(plan)
            times.rota = watch.lap()
            return try complete(plan: plan, rota: rota, times: times, staging: staging)
        }
    }

    /// Stages 3 and 4 of `run` for a plan and its rota: plan.json and rota.csv written, read
    /// back and verified, and beside that the files planners read made (and staged, with
    /// `staging`); `.rejected`, with nothing staged left, when the verifier refuses them.
    func complete(plan: Plan, rota: RotaRun, times: PhaseTimes = PhaseTimes(), staging folder: OutputFolder?) throws -> Outcome {
        var watch = Stopwatch()
        var times = times
        // The files planners read, but for the report pages (which show the verification),
        // are made in the background while plan.json and rota.csv are written, read back and
        // verified; a plan the verifier refuses drops them unwritten.
        // What the writers look up is worked out once, for both.
        let prepared = BackgroundWork { [scenario] in RotaOutputs.Prepared(rota: rota.rota, plan: plan, scenario: scenario) }
        let early = BackgroundWork { [outputs] in
            try PlanPipeline.files(try prepared.value(), report: nil,
                                   selection: outputs.keeping(PlanPipeline.beforeVerification), staging: folder)
        }
        // Whatever happens next, staged files are removed unless the year is returned whole
        // (after the background work is over, so it stages nothing more).
        var kept = false
        defer {
            if let folder, !kept {
                _ = try? early.value()
                folder.discardStaged()
            }
        }
        let written = try write(plan: plan, rota: rota)
        // rota.csv (45 MB for Heze) goes to the hidden folder at once; its bytes in memory are
        // dropped as soon as they are read back and hashed, before the verification runs.
        let rotaFile = try PlanPipeline.staged(OutputFile("rota.csv", written.rota), in: folder)
        let planFile = OutputFile("plan.json", written.plan)
        times.outputs = watch.lap()
        let verified = try prove(consume written)
        times.proof = watch.lap()
        guard verified.report.passed else {
            return .rejected(RejectedYear(plan: plan, rota: rota, report: verified.report))
        }
        var files = [
            planFile,
            OutputFile("assignments.csv", Data(AssignmentsCSV.render(plan: plan, scenario: scenario).utf8)),
            OutputFile("summary.txt", Data(PlanPipeline.summaryText(plan: plan, scenario: scenario).utf8)),
            rotaFile,
            // The proof's lines are made and deflated a slice at a time, and the members staged
            // at once: neither the lines nor the file wait in memory.
            try PlanPipeline.staged(OutputFile("proof.jsonl.gz", .parts(try verified.proof.fileMembers())), in: folder),
        ]
        times.proof += watch.lap()
        // The report pages while the background work finishes (the workbook takes longest),
        // each staged as it is made.
        let pages = try PlanPipeline.files(try prepared.value(), report: verified.report,
                                           selection: outputs.keeping(Set(OutputSelection.OutputSet.allCases).subtracting(PlanPipeline.beforeVerification)),
                                           staging: folder)
        files += try early.value() + pages
        times.outputs += watch.lap()
        kept = true
        return .planned(PlannedYear(plan: plan, rota: rota, verified: verified, files: files, times: times))
    }

    /// Stage 1: the annual plan.
    public func plan(progress: ((SolveProgress) -> Void)? = nil) throws -> PlanningOutcome {
        try AnnualPlanner(scenario: scenario, options: options).plan(progress: progress)
    }

    /// Stage 2: the weekly, half-day rota of `plan`.
    public func schedule(_ plan: Plan) throws -> RotaRun {
        try RotaPlanner(scenario: scenario, plan: plan).run()
    }

    /// The bytes of plan.json and rota.csv, as they will be written.
    public struct WrittenYear: Sendable {
        public let plan: Data
        public let rota: Data
    }

    /// Stage 3a: plan.json and rota.csv as bytes.
    public func write(plan: Plan, rota: RotaRun) throws -> WrittenYear {
        WrittenYear(plan: try plan.jsonData(), rota: RotaCSV.data(rota: rota.rota, scenario: scenario))
    }

    /// Stage 3b: the independent verification of plan.json and rota.csv **as written**: the
    /// bytes are read back by the verifier's own readers (`PlanReader`, `RotaCSVReader`), and
    /// the proof binds the rota file's bytes by their digest.
    ///
    /// The bytes are taken (`consuming`): when the caller keeps no other reference (`rota plan`
    /// has staged rota.csv on disk), they are freed once read and hashed, before the checks run.
    public func prove(_ written: consuming WrittenYear) throws -> VerifiedProof {
        let digests = ["rota": Digest.hex(written.rota), "plan": Digest.hex(written.plan)]
        let plan = try PlanReader.decode(written.plan, file: "plan.json")
        let rota = try RotaCSVReader.read(data: written.rota, path: "rota.csv")
        _ = consume written
        return VerifiedProof(scenario: scenario, plan: plan, rota: (file: "rota.csv", entries: rota), digests: digests)
    }

    /// Stage 4: the files planners read.
    public func render(plan: Plan, rota: RotaRun, report: VerificationReport) throws -> [OutputFile] {
        try PlanPipeline.files(RotaOutputs.Prepared(rota: rota.rota, plan: plan, scenario: scenario), report: report, selection: outputs)
    }

    /// The output sets made before the verification is done (`run`): all but the report
    /// pages. They come before the report in `RotaOutputs`' order, so the files are in the
    /// same order as `render` gives them.
    static let beforeVerification: Set<OutputSelection.OutputSet> = [.workbook, .grid, .calendars, .calendarsZip, .sites]

    /// The files of `selection`; with `staging`, those written as they are go into its hidden
    /// folder as they are made, and the calendars bound only for calendars.zip are held as
    /// their zip entries, deflated as they are made.
    static func files(_ prepared: RotaOutputs.Prepared, report: VerificationReport?, selection: OutputSelection,
                      staging: OutputFolder? = nil) throws -> [OutputFile] {
        try RotaOutputs.outputFiles(prepared, report: report, selection: selection) { name, data in
            guard let staging else { return .data(data) }
            if selection.zips(name) { return .deflated(ZipDeflater.entry(name: name, data: [UInt8](data))) }
            guard selection.writesUnchanged(name) else { return .data(data) }
            return try staging.stage(OutputFile(name, data)).contents
        }
    }

    /// `file`, written into `folder`'s hidden folder now when there is one (`OutputFolder.stage`),
    /// so its bytes are not held until the end; as it is without a folder.
    static func staged(_ file: OutputFile, in folder: OutputFolder?) throws -> OutputFile {
        guard let folder else { return file }
        return try folder.stage(file)
    }

    /// summary.txt: the plan summary and its plan quality section (`PlanSummary`, `PlanQuality`),
    /// as `rota plan` prints them.
    public static func summaryText(plan: Plan, scenario: Scenario) -> String {
        PlanSummary(plan: plan, scenario: scenario).render() + "\n\n" + PlanQuality(plan: plan, scenario: scenario).render() + "\n"
    }

    /// The one file an infeasible run writes.
    public static func conflictFile(_ conflict: ConflictExplanation) throws -> OutputFile {
        OutputFile("conflict.json", try conflict.jsonData())
    }
}
