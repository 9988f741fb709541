import Foundation
import RotaCore

/// Which of a run's outputs to write (`rota plan --outputs`), by sets named after who uses them.
///
/// | set | files | for |
/// |---|---|---|
/// | `plan` | plan.json, rota.csv, proof.jsonl.gz, assignments.csv, summary.txt | always written: the plan, the rota and the proof a commission checks |
/// | `workbook` | rota.xlsx | HR offices |
/// | `grid` | rota-grid.csv | HR offices with other tools |
/// | `calendars` | ics/PERSON.ics | each person's phone |
/// | `calendars-zip` | calendars.zip (the same ics/ files in one archive) | to mail or upload at once |
/// | `sites` | sites/SITE.csv | each receiving site |
/// | `report` | report.html and the report's pages | planners, leaders |
/// | `all` | every set but `calendars-zip` (the default) | |
///
/// `plan` is always written, whether listed or not: `rota verify` and `rota check-proof` need
/// it, and the pipeline verifies those very bytes. A file no set claims (an output added later)
/// is written too, never dropped unnoticed. `calendars` and `calendars-zip` exclude each other,
/// and so do `all` and `calendars-zip` (`all` holds `calendars`): ask for
/// `workbook,grid,calendars-zip,sites,report` instead.
///
/// The zip is deterministic: entries sorted by name, deflated, each with the fixed time
/// 1980-01-01 00:00 and permissions 0644 (`XLSXWorkbook.zip`).
///
/// ```swift
/// let selection = try OutputSelection(parsing: "workbook,calendars-zip")
/// let files = try selection.apply(to: year.files)   // plan.json … rota.xlsx, calendars.zip
/// ```
public struct OutputSelection: Sendable, Equatable {
    public enum OutputSet: String, CaseIterable, Sendable {
        case plan, workbook, grid, calendars, calendarsZip = "calendars-zip", sites, report, all
    }

    public static let calendarsZipName = "calendars.zip"

    /// The sets asked for, `all` expanded.
    public let sets: Set<OutputSet>

    /// Everything (the default): every set but `calendars-zip`.
    public static let everything = OutputSelection(checked: Set(OutputSet.allCases).subtracting([.all, .calendarsZip]))

    private init(checked sets: Set<OutputSet>) { self.sets = sets.union([.plan]) }

    /// The sets of this selection that are among `kinds` (and the plan set, always made).
    public func keeping(_ kinds: Set<OutputSet>) -> OutputSelection { OutputSelection(checked: sets.intersection(kinds)) }

    /// Why a list of sets cannot be used.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads a comma-separated list of set names (`workbook,calendars-zip`).
    public init(parsing text: String) throws(Problem) {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw Problem(description: "--outputs names no set (expected \(Self.setList))") }
        var sets: Set<OutputSet> = []
        for name in names {
            guard let set = OutputSet(rawValue: name) else {
                throw Problem(description: "--outputs: unknown set \"\(name)\" (expected \(Self.setList))")
            }
            sets.insert(set)
        }
        if sets.contains(.calendarsZip) && (sets.contains(.calendars) || sets.contains(.all)) {
            throw Problem(description: "--outputs: calendars-zip puts the calendars in one archive instead of ics/; it cannot go with \(sets.contains(.all) ? "all (which holds calendars)" : "calendars")")
        }
        if sets.contains(.all) { sets.formUnion(Self.everything.sets) ; sets.remove(.all) }
        self.init(checked: sets)
    }

    static let setList = OutputSet.allCases.map(\.rawValue).joined(separator: ", ")

    /// The set a file belongs to, by its name; nil for a file no set claims.
    public static func set(of name: String) -> OutputSet? {
        switch name {
        case "plan.json", "rota.csv", "proof.jsonl.gz", "assignments.csv", "summary.txt": return .plan
        case RotaWorkbook.fileName: return .workbook
        case RotaGridCSV.fileName: return .grid
        case calendarsZipName: return .calendarsZip
        default:
            if name.hasPrefix("ics/") { return .calendars }
            if name.hasPrefix(SiteRotaCSV.directory + "/") { return .sites }
            if name.hasPrefix("report") { return .report }
            return nil
        }
    }

    /// The files to write: those of the chosen sets (and any no set claims), with the
    /// calendars zipped into `calendars.zip` when `calendars-zip` is chosen.
    public func apply(to files: [OutputFile]) throws -> [OutputFile] {
        var out: [OutputFile] = []
        var calendars: [OutputFile] = []
        for file in files {
            guard let set = Self.set(of: file.name) else { out.append(file); continue }
            if set == .calendars && sets.contains(.calendarsZip) { calendars.append(file) }
            if sets.contains(set) { out.append(file) }
        }
        if sets.contains(.calendarsZip) {
            calendars.sort { $0.name < $1.name }
            out.append(OutputFile(Self.calendarsZipName, try XLSXWorkbook.zip(calendars)))
        }
        return out
    }

    /// Whether `apply(to:)` puts the file named `name` into calendars.zip and drops it: such
    /// a file can be deflated as soon as it is made (`OutputContents.deflated`).
    public func zips(_ name: String) -> Bool {
        Self.set(of: name) == .calendars && sets.contains(.calendarsZip) && !sets.contains(.calendars)
    }

    /// Whether `apply(to:)` passes the file named `name` on unchanged (rather than dropping it
    /// or zipping it): such a file can be written as soon as it is made.
    public func writesUnchanged(_ name: String) -> Bool {
        Self.set(of: name).map(sets.contains) ?? true
    }

    /// What a run wrote, for the summary line: file names and folders (`ics/`), in order.
    public static func summary(of files: [OutputFile]) -> String {
        var seen: [String] = []
        for file in files {
            let parts = file.name.split(separator: "/", maxSplits: 1)
            let shown = parts.count > 1 ? "\(parts[0])/" : file.name
            if !seen.contains(shown) { seen.append(shown) }
        }
        return seen.joined(separator: ", ")
    }
}
