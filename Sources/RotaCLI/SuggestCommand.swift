import Foundation
import ArgumentParser
import Rota

/// `rota suggest SCENARIO PLAN_DIR --replace PERSON --from DATE`: ranked candidates who could
/// take over a person's duties from a day on, each with what changes and the rules it keeps or
/// breaks (`ReplacementFinder`). Reads plan.json of PLAN_DIR; writes nothing.
///
/// ```text
/// $ rota suggest Scenarios/heze-city-2025.yaml out/heze-city-2025 --replace hzm-0123 --from 2025-07-01
/// hzm-0123 (nurse, hz-municipal) from 2025-07-01: member of T1:hz-municipal>cao-people (3331 group nurse)
/// 1. hzm-0140 王芳 (nurse, general) — keeps every rule
///    hzm-0140 takes over hzm-0123's member of T1:… from 2025-07-01 to 2025-12-31
///    keeps T1.team-mix: the team keeps its nurses (same staff group)
/// ```
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "List who could take over a person's duties from a date, ranked, with the rules each keeps or breaks.",
        discussion: "Reads plan.json of PLAN_DIR; writes nothing. Exit 0 with a list (or none found), 2 for bad input."
    )

    @Argument(help: "The scenario YAML file the plan was made for.")
    var scenario: String

    @Argument(help: "The folder of the plan (holding plan.json, as written by rota plan).")
    var planDir: String

    @Option(name: .long, help: "Staff id of the person to replace.")
    var replace: String

    @Option(name: .long, help: "First day the replacement serves (YYYY-MM-DD).")
    var from: String

    @Option(name: .long, help: "How many candidates to list.")
    var limit: Int = 10

    func validate() throws {
        guard Day(iso: from) != nil else { throw ValidationError("--from must be a date written YYYY-MM-DD") }
        guard limit > 0 else { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let scenario = try readScenarioOrExit(self.scenario)
        let planPath = (planDir as NSString).appendingPathComponent("plan.json")
        let plan: Plan
        do { plan = try PlanReader.read(path: planPath) } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let day = Day(iso: from)!
        guard let person = scenario.staffIndex()[replace] else {
            printError("rota suggest: --replace: no staff member \"\(replace)\" in \(self.scenario)")
            throw ExitCode(2)
        }
        guard scenario.period.contains(day) else {
            printError("rota suggest: --from: \(from) is outside the period \(scenario.period)")
            throw ExitCode(2)
        }
        let finder = ReplacementFinder(scenario: scenario, plan: plan)
        let duties = finder.duties(of: replace, from: day)
        guard !duties.isEmpty else {
            print("\(replace) holds no duty in the plan on or after \(from); nobody needs to take over.")
            return
        }
        print("\(replace) (\(person.role.rawValue), \(person.institution)) from \(from): " + duties.map(\.description).joined(separator: "; "))
        let candidates = finder.candidates(replacing: replace, from: day)
        guard !candidates.isEmpty else {
            print("No free candidate of \(Set(duties.map(\.sender)).sorted().joined(separator: ", ")): every other candidate already holds a duty, so a replacement would change two postings (re-plan with rota replan).")
            return
        }
        let keeping = candidates.filter(\.keepsEveryRule).count
        print("\(candidates.count) free candidate\(candidates.count == 1 ? "" : "s") of the same sender, \(keeping) keeping every rule checked; the best \(min(limit, candidates.count)):")
        for (i, c) in candidates.prefix(limit).enumerated() {
            let verdict = c.keepsEveryRule ? "keeps every rule" : "breaks \(c.rules.filter { !$0.kept }.map(\.rule).joined(separator: ", "))"
            print("\(i + 1). \(c.person.id) \(c.person.name) (\(c.person.role.rawValue)\(c.person.specialty.map { ", \($0)" } ?? "")) — \(verdict)")
            for line in c.changes { print("   \(line)") }
            for r in c.rules { print("   \(r.kept ? "keeps" : "BREAKS") \(r.rule): \(r.note)") }
        }
    }
}
