import Foundation
import ArgumentParser
import Rota

/// `rota replan SCENARIO PLAN_DIR --from DATE --changes CHANGES.yaml [--out DIR]`: the rest of
/// the year after the events of a change file, with every half-day before DATE frozen as
/// served (see docs/replan-format.md).
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plan the rest of the year after the events of a change file, keeping every half-day before --from as served.",
        discussion: "Exit 0 with a re-plan, 1 when the events break a rule the plan cannot absorb (the rules and events are named), 2 for bad input, 3 when no rota that keeps the plan passes the verifier, 4 when the outputs cannot be written."
    )

    @Argument(help: "The scenario YAML file the earlier plan was made for.")
    var scenario: String

    @Argument(help: "The folder of the earlier plan (plan.json and rota.csv, as rota plan wrote them).")
    var planDir: String

    @Option(name: .long, help: "First day that may change (YYYY-MM-DD); every half-day before it is frozen.")
    var from: String

    @Option(name: .long, help: "The change file (CHANGES.yaml) listing the events.")
    var changes: String

    @Option(name: .long, help: "Folder for the new outputs (default: PLAN_DIR-replan-DATE).")
    var out: String?

    @Flag(name: .long, help: "Print no summary.")
    var quiet = false

    func validate() throws {
        guard Day(iso: from) != nil else { throw ValidationError("--from must be a date written YYYY-MM-DD") }
        if let out, Self.samePlace(out, planDir) {
            throw ValidationError("--out must differ from PLAN_DIR: the earlier plan is the frozen past this re-plan is checked against")
        }
    }

    func run() throws {
        var reading = Stopwatch()
        let original = try readScenarioOrExit(self.scenario)
        let day = Day(iso: from)!
        var problems: [Diagnostic] = []
        if !original.period.contains(day) {
            problems.append(Diagnostic(file: "--from", line: 0, path: "from", message: "\(from) is outside the period \(original.period)",
                                       expected: "a day of the scenario's period"))
        }
        var changeSet: ChangeSet?
        do { changeSet = try ChangeFileReader.read(path: changes, scenario: original, from: day) } catch { problems += error.diagnostics }
        var past: FrozenPast?
        do { past = try FrozenPast.read(directory: planDir, from: day) } catch { problems += error.diagnostics }
        guard problems.isEmpty, let changeSet, let past else {
            for p in problems.sorted() { printError(p.description) }
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written.")
            throw ExitCode(2)
        }
        let folder = try outputFolderOrExit(out ?? "\((planDir as NSString).standardizingPath)-replan-\(from)", command: "replan")
        let amended = changeSet.apply(to: original)
        let read = reading.lap()
        var watch = Stopwatch()
        let outcome = try PlanPipeline(scenario: amended).replan(past: past, changes: changeSet, original: original)
        let seconds = watch.lap()
        switch outcome {
        case .replanned(let r):
            try replaceOrExit(folder, with: r.files, command: "replan")
            let written = watch.lap()
            guard !quiet else { return }
            print("Re-plan from \(from) after \(changeSet.events.count) event\(changeSet.events.count == 1 ? "" : "s"):")
            for e in changeSet.events { print("  \(e)") }
            print("Half-days before \(from): frozen as served (0 changed).")
            print("Postings changed: \(r.postingsChanged.count).")
            for p in r.postingsChanged {
                let h = p.handover
                print("  " + String(PostingChange.sentence(h).dropLast()) + "; the independent verifier finds:")
                for line in p.rulesMet { print("    \(line)") }
            }
            let total = r.changes.reduce(0) { $0 + $1.removed + $1.added }
            print("Half-days changed from \(from): \(total), for \(r.changes.count) \(r.changes.count == 1 ? "person" : "people") (\(Self.methodText(r.method, from: from))):")
            for c in r.changes.prefix(20) { print("  \(c.person): −\(c.removed) +\(c.added) half-days \(c.first)..\(c.last) — \(c.why)") }
            if r.changes.count > 20 { print("  … and \(r.changes.count - 20) more (changes.csv)") }
            for b in r.frozenBreaches { print("Already broken by the frozen past (not caused by the events): \(b.instance): \(b.finding)") }
            print("Independent verification over the whole year: \(r.verified.report.passed ? "every rule instance holds" : "every rule instance holds but \(r.frozenBreaches.count) the frozen past already broke").")
            print("Wrote \(folder.path)/: plan.json, rota.csv, proof.jsonl.gz, changes.csv, changes.html, replan.json (digests of the plan it replaces), changed/ics/, and the full set of outputs.")
            print(String(format: "Time: reading %.2f s, re-plan %.2f s (", read, seconds)
                  + r.seconds.map { "\($0.stage) " + String(format: "%.2f s", $0.seconds) }.joined(separator: ", ")
                  + String(format: "), writing %.2f s.", written))
        case .conflict(let found):
            printError("rota replan: the events break \(found.count) rule instance\(found.count == 1 ? "" : "s") that neither the plan nor a posting handed to a free colleague of the same sender can absorb; nothing was written:")
            for (check, events) in found.prefix(20) {
                printError("  \(check.instance): \(check.finding)")
                for e in events { printError("    caused by \(e)") }
            }
            printError("rota suggest \(self.scenario) \(planDir) --replace PERSON --from \(from) lists who could take over a person's duties and the rules each keeps or breaks.")
            throw ExitCode(1)
        case .rejected(let report):
            let failures = report.failures
            printError("rota replan: no rota that keeps the plan passes the independent verifier (\(failures.count) rule instance\(failures.count == 1 ? "" : "s") broken); nothing was written:")
            for f in failures.prefix(20) { printError("  \(f.instance): \(f.finding)") }
            throw ExitCode(3)
        }
    }

    /// How the rota from DATE was made, in words.
    static func methodText(_ method: String, from: String) -> String {
        switch method {
        case "kept": return "the earlier rota kept but for the half-days the events take away"
        case "covered": return "the earlier rota kept, colleagues covering the sessions an absent holder misses: 3331 visit days by a same-role team member, TCM clinics by another senior TCM doctor"
        case "handed over": return "the earlier rota kept, the handed-over seats' half-days moved to the replacements"
        default: return "the rota from \(from) scheduled again"
        }
    }

    /// Whether two paths name the same folder: made absolute against the current folder,
    /// `.`/`..` and symbolic links resolved (`mini` from /tmp/x and `/tmp/x/mini/` are one).
    static func samePlace(_ a: String, _ b: String) -> Bool {
        func resolved(_ p: String) -> String {
            let absolute = p.hasPrefix("/") ? p : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(p)
            return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolved(a) == resolved(b)
    }
}
