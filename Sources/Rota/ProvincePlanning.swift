import Foundation
import RotaCore
import RotaInput
import RotaOutput
import RotaPlanner

/// A province planned city by city: each city is a shard — read, planned, verified and
/// written on its own by `PlanPipeline` — and the province's figures are the cities' added up.
///
/// Discussion: no rule ties one city's plan to another's (totals, quotas, teams and villages
/// are all within a city), so planning the cities apart loses nothing, and the work grows
/// linearly with the number of cities. One city is in memory at a time: its outputs are
/// written to `OUT/<city id>/` as soon as it is verified, then released. The same entry point
/// plans one shard of a batch job (`rota plan PROVINCE --shard K`, one city per task of a
/// Kubernetes Indexed Job or a Slurm array; docs/scaling.md), and `rota audit PROVINCE --plans
/// OUT` re-verifies and rolls the cities up.
///
/// ```swift
/// let province = try ProvinceReader.read(path: "out/province/province.yaml")!
/// let planning = try ProvincePlanning(province: province)      // reads every city first
/// for k in province.cities.indices {
///     let city = try planning.planCity(k, into: "out/province")
///     print(city.id, city.status, city.dispatched)
/// }
/// ```
public struct ProvincePlanning: Sendable {
    public let province: Province
    public let options: PlanningOptions
    /// The cities' scenarios, in the province file's order.
    public let scenarios: [Scenario]

    /// Reads every city's scenario, so that bad input anywhere is refused before any city is
    /// planned or written: all problems of all cities in one `InputError`.
    public init(province: Province, options: PlanningOptions = PlanningOptions()) throws(InputError) {
        self.province = province; self.options = options
        let read = ParallelJobs.run(count: province.cities.count, threads: ParallelJobs.processors) { k in
            Result<Scenario, InputError> { () throws(InputError) -> Scenario in try ScenarioReader.read(path: province.cities[k].scenarioPath) }
        }
        var scenarios: [Scenario] = []
        var problems: [Diagnostic] = []
        var names: [String: String] = [:]
        for (k, result) in read.enumerated() {
            switch result {
            case .success(let s):
                scenarios.append(s)
                let city = province.cities[k]
                if let other = names[s.name] {
                    problems.append(Diagnostic(file: province.file, line: city.line, path: "cities[\(k)].scenario",
                                               message: "scenario name \(s.name) is also city \(other)'s",
                                               expected: "each city a scenario of its own name"))
                }
                names[s.name] = city.id
            case .failure(let e): problems += e.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        self.scenarios = scenarios
    }

    /// What became of one city.
    public struct CityOutcome: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            /// Planned, verified and written.
            case planned
            /// No compliant plan exists: `conflict.json` was written.
            case infeasible
            /// The plan found failed the independent verifier: nothing was written.
            case rejected
            /// The solver stopped without a plan: nothing was written.
            case stopped
        }
        public var id: String
        public var scenario: String
        public var status: Status
        /// People dispatched by tier (T1 and T2 team members, T3 village helpers but technical
        /// support), distinct people within a tier.
        public var dispatched: [String: Int]
        /// The region totals the city's profile asks for, by rule id (`T1.total` …).
        public var totals: [String: Int]
        /// Rule instances the independent verifier checked (0 when not planned).
        public var instances: Int
        /// The annual solve's objective, bound and relative gap, when a plan was found.
        public var objective: Double?
        public var bound: Double?
        public var gap: Double?
        public var times: PlanPipeline.PhaseTimes
        /// Seconds spent writing the city's folder.
        public var writeSeconds: Double
        /// Why the city has no plan, in one line (the CSV's `note`), when it has none.
        public var note: String
        /// The lines that say it in full: the conflict's explanation, or the failed rule
        /// instances (the first 20), as `rota plan` of the city alone prints them.
        public var details: [String] = []
    }

    /// Plans city `index` and writes its outputs into `directory/<city id>/` (the folder is
    /// checked before any solving). Output problems throw `OutputError`; the city's outcome
    /// otherwise says what was written; `outputs` chooses which files (`rota plan --outputs`).
    public func planCity(_ index: Int, into directory: String, outputs: OutputSelection = .everything,
                         progress: ((SolveProgress) -> Void)? = nil) throws -> CityOutcome {
        let city = province.cities[index]
        let scenario = scenarios[index]
        let folder = try OutputFolder(path: (directory as NSString).appendingPathComponent(city.id))
        let pipeline = PlanPipeline(scenario: scenario, options: options, outputs: outputs)
        var outcome = CityOutcome(id: city.id, scenario: scenario.name, status: .stopped, dispatched: [:],
                                  totals: Self.totals(of: scenario), instances: 0, objective: nil, bound: nil, gap: nil,
                                  times: PlanPipeline.PhaseTimes(), writeSeconds: 0, note: "")
        switch try pipeline.run(progress: progress, staging: folder) {
        case .planned(let year):
            var watch = Stopwatch()
            try folder.replace(with: outputs.apply(to: year.files))
            outcome.writeSeconds = watch.lap()
            outcome.status = .planned
            outcome.dispatched = Self.dispatched(year.plan)
            outcome.instances = year.verified.proof.summary.instances
            outcome.objective = year.plan.solver?.objective
            outcome.bound = year.plan.solver?.bound
            outcome.gap = year.plan.solver?.gap
            outcome.times = year.times
        case .infeasible(let conflict):
            try folder.replace(with: [try PlanPipeline.conflictFile(conflict)])
            outcome.status = .infeasible
            outcome.note = "no compliant plan: see \(city.id)/conflict.json"
            outcome.details = conflict.render().components(separatedBy: "\n")
        case .rejected(let year):
            outcome.status = .rejected
            let failures = year.report.failures
            outcome.note = "\(failures.count) rule instances fail the independent verifier; nothing written"
            outcome.details = failures.prefix(20).map { "\($0.instance): \($0.finding)" }
                + (failures.count > 20 ? ["… and \(failures.count - 20) more"] : [])
        case .stopped:
            outcome.status = .stopped
            outcome.note = "the solver stopped without a plan; nothing written"
        }
        return outcome
    }

    /// Distinct people by tier, as the totals count them.
    static func dispatched(_ plan: Plan) -> [String: Int] {
        var out: [String: Int] = [:]
        for tier in ["T1", "T2"] {
            out[tier] = Set(plan.teams.filter { $0.tier == tier }.flatMap(\.members)).count
        }
        out["T3"] = Set(plan.villageHelpers.filter { $0.form != .techSupport }.map(\.person)).count
        return out
    }

    /// The profile's region totals.
    static func totals(of scenario: Scenario) -> [String: Int] {
        var out: [String: Int] = [:]
        for rule in ["T1.total", "T2.total", "T3.total", "REGION.total"] {
            if case .integer(let v)? = scenario.parameters.values[rule] { out[rule] = v }
        }
        return out
    }
}

/// The province's cities side by side, and their sums: `province.csv` and the printed table.
///
/// ```text
/// city,scenario,status,T1,T2,T3,people,T1.total,T2.total,T3.total,instances,gap,annual_s,plan_s
/// heze-1,heze-city-2025-1,planned,110,340,582,1032,110,340,350,79954,0.0042,3.81,24.90
/// ```
public struct ProvinceRollUp: Sendable {
    public var province: Province
    public var cities: [ProvincePlanning.CityOutcome]

    public init(province: Province, cities: [ProvincePlanning.CityOutcome]) {
        self.province = province; self.cities = cities
    }

    /// Whether every city has a verified plan.
    public var allPlanned: Bool { cities.allSatisfy { $0.status == .planned } }

    /// The province's gap: the largest city gap (each city's objective is its own).
    public var largestGap: Double? { cities.compactMap(\.gap).max() }

    static let tiers = ["T1", "T2", "T3"]
    static let totalRules = ["T1.total", "T2.total", "T3.total"]

    /// The CSV, one row per city and a final `province` row of sums.
    public func csv() -> String {
        let header = ["city", "scenario", "status"] + Self.tiers + ["people"] + Self.totalRules
            + ["instances", "gap", "annual_s", "rota_s", "proof_s", "outputs_s", "write_s", "note"]
        var rows: [[String]] = cities.map { c in
            row(c.id, c.scenario, c.status.rawValue, dispatched: c.status == .planned ? c.dispatched : nil, totals: c.totals,
                instances: c.instances, gap: c.gap, times: c.times, write: c.writeSeconds, note: c.note)
        }
        var dispatched: [String: Int] = [:], totals: [String: Int] = [:], times = PlanPipeline.PhaseTimes()
        for c in cities {
            dispatched.merge(c.dispatched, uniquingKeysWith: +)
            totals.merge(c.totals, uniquingKeysWith: +)
            times.annual += c.times.annual; times.rota += c.times.rota
            times.proof += c.times.proof; times.outputs += c.times.outputs
        }
        rows.append(row("province", province.name, allPlanned ? "planned" : "incomplete", dispatched: dispatched, totals: totals,
                        instances: cities.reduce(0) { $0 + $1.instances }, gap: largestGap, times: times,
                        write: cities.reduce(0) { $0 + $1.writeSeconds }, note: ""))
        return CSVDocument.render(header: header, rows: rows)
    }

    private func row(_ id: String, _ scenario: String, _ status: String, dispatched: [String: Int]?, totals: [String: Int],
                     instances: Int, gap: Double?, times: PlanPipeline.PhaseTimes, write: Double, note: String) -> [String] {
        func seconds(_ x: Double) -> String { String(format: "%.2f", x) }
        let people: [String] = Self.tiers.map { tier in dispatched.flatMap { $0[tier] }.map(String.init) ?? "" }
        let sum: String = dispatched.map { d in String(Self.tiers.reduce(0) { $0 + (d[$1] ?? 0) }) } ?? ""
        let asked: [String] = Self.totalRules.map { rule in totals[rule].map(String.init) ?? "" }
        let figures: [String] = [String(instances), gap.map { String(format: "%.4f", $0) } ?? "",
                                 seconds(times.annual), seconds(times.rota), seconds(times.proof), seconds(times.outputs),
                                 seconds(write), note]
        return [id, scenario, status] + people + [sum] + asked + figures
    }

    /// The printed table.
    public func lines() -> [String] {
        var out = ["Province \(province.name): \(cities.count) cit\(cities.count == 1 ? "y" : "ies"), "
                   + (allPlanned ? "every city planned and verified" : "\(cities.filter { $0.status != .planned }.count) without a plan")]
        for c in cities {
            if c.status == .planned {
                let tiers: [String] = Self.tiers.map { tier in
                    "\(tier) \(c.dispatched[tier] ?? 0)/\(c.totals["\(tier).total"].map(String.init) ?? "–")"
                }
                let seconds: Double = c.times.annual + c.times.rota + c.times.proof + c.times.outputs + c.writeSeconds
                out.append("  \(c.id): " + tiers.joined(separator: ", ")
                           + String(format: ", %d rule instances hold, gap %.2f%%, %.1f s", c.instances, (c.gap ?? 0) * 100, seconds))
            } else {
                out.append("  \(c.id): \(c.status.rawValue): \(c.note)")
            }
        }
        return out
    }
}
