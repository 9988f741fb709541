import Foundation

/// The files a verification reads — a scenario, a plan and optionally a weekly rota — read
/// side by side, with every problem of every file collected.
///
/// Discussion: `rota verify` and `rota check-proof` read the same three inputs. On a year of
/// the Heze region the scenario (YAML and staff lists) and the rota (half a million rows) are
/// each a noticeable part of a check, and neither depends on the other, so they are read on
/// separate threads (`ParallelJobs`). The diagnostics come back in the order of the files
/// (scenario, plan, rota), whichever finished first; a file that cannot be read is nil.
///
/// ```swift
/// let rota = VerificationInputs.rotaPath(given: nil, plan: "out/plan.json")   // "out/rota.csv" if it is there
/// let inputs = VerificationInputs.read(scenario: "heze.yaml", plan: "out/plan.json", rota: rota)
/// guard let scenario = inputs.scenario, let plan = inputs.plan, inputs.diagnostics.isEmpty else { … }
/// VerifiedProof(scenario: scenario, plan: plan, rota: inputs.rotaFile)
/// ```
public struct VerificationInputs: Sendable {
    public var scenario: Scenario?
    public var plan: Plan?
    /// The rota's entries; nil when no rota was given or it could not be read.
    public var rota: [RotaEntry]?
    /// Every problem found, file by file.
    public var diagnostics: [Diagnostic]
    /// The rota file's path, when one was given.
    public var rotaPath: String?

    /// The rota as `VerifiedProof` takes it: the file's path and its entries (nil without one).
    public var rotaFile: (file: String, entries: [RotaEntry])? {
        guard let rotaPath, let rota else { return nil }
        return (rotaPath, rota)
    }

    /// The rota file to check with a plan: the one given, else a rota.csv beside the plan if
    /// there is one, else none.
    public static func rotaPath(given: String?, plan: String) -> String? {
        if let given { return given }
        let beside = URL(fileURLWithPath: plan).deletingLastPathComponent().appendingPathComponent("rota.csv").path
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// Reads the files; `rota` is the rota file's path, or nil for none.
    public static func read(scenario: String, plan: String, rota: String?) -> VerificationInputs {
        let parts = ParallelJobs.run(count: rota == nil ? 2 : 3, threads: ParallelJobs.processors) { i -> Part in
            do throws(InputError) {
                switch i {
                case 0: return .scenario(try ScenarioReader.read(path: scenario))
                case 1: return .plan(try PlanReader.read(path: plan))
                default: return .rota(try RotaCSVReader.read(path: rota!))
                }
            } catch {
                return .problems(error.diagnostics)
            }
        }
        var inputs = VerificationInputs(scenario: nil, plan: nil, rota: nil, diagnostics: [], rotaPath: rota)
        for part in parts {
            switch part {
            case .scenario(let s): inputs.scenario = s
            case .plan(let p): inputs.plan = p
            case .rota(let r): inputs.rota = r
            case .problems(let d): inputs.diagnostics += d
            }
        }
        return inputs
    }

    private enum Part: Sendable {
        case scenario(Scenario)
        case plan(Plan)
        case rota([RotaEntry])
        case problems([Diagnostic])
    }
}
