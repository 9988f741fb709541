import Foundation
import RotaCore

/// Reads a `plan.json` file for `rota verify`, turning every way it can be unreadable into a
/// located `Diagnostic` instead of a crash.
///
/// Structure only: a plan that decodes is returned as is, however wrong its contents — those
/// are PLAN.integrity failures for the verifier to report (exit 1), while an unreadable file
/// is an input error (exit 2).
///
/// ```swift
/// do { let plan = try PlanReader.read(path: "out/plan.json") }
/// catch { print(error) }   // out/plan.json: teams[0].sender: missing field (expected a string)
/// ```
public enum PlanReader {
    /// Reads and decodes the file at `path`.
    public static func read(path: String) throws(InputError) -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)",
                                         message: "cannot read the plan file (\(reason(error)))")])
        }
        return try decode(data, file: path)
    }

    /// Decodes plan.json bytes strictly (no key twice, no unknown field); `file` names them
    /// in diagnostics.
    public static func decode(_ data: Data, file: String) throws(InputError) -> Plan {
        try StrictJSON.decode(Plan.self, from: data, file: file, format: "docs/plan-format.md")
    }

    /// `teams[0].members[2]` from a coding path.
    public static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(whole file)" : text
    }



    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
