import Foundation
import RotaCore

/// How the files a scenario names (staff CSV, profile file) are found and how they are named in
/// messages.
///
/// A relative path is taken relative to the scenario file's directory. Messages name the file as
/// the scenario's own name would lead to it: the directory part of the scenario's name as the
/// user gave it, joined with the path written in the scenario (`data/heze.yaml` naming
/// `staff.csv` → `data/staff.csv`).
///
/// ```swift
/// let files = ReferencedFiles(scenarioName: "data/heze.yaml", baseDirectory: "/home/me/data")
/// files.openPath("staff.csv")     // "/home/me/data/staff.csv"
/// files.displayPath("staff.csv")  // "data/staff.csv"
/// ```
struct ReferencedFiles: Sendable {
    /// Where relative paths are resolved.
    var baseDirectory: String
    /// The directory part of the scenario's name as given (may be empty).
    var displayDirectory: String

    init(scenarioName: String, baseDirectory: String) {
        self.baseDirectory = baseDirectory
        self.displayDirectory = (scenarioName as NSString).deletingLastPathComponent
    }

    /// The path to open for `path` as written in the scenario.
    func openPath(_ path: String) -> String {
        if path.hasPrefix("/") || baseDirectory.isEmpty { return path }
        return (baseDirectory as NSString).appendingPathComponent(path)
    }

    /// The name of `path` in messages.
    func displayPath(_ path: String) -> String {
        if path.hasPrefix("/") || displayDirectory.isEmpty { return path }
        return (displayDirectory as NSString).appendingPathComponent(path)
    }
}
