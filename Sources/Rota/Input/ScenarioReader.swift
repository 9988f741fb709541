// PLACEHOLDER — being replaced by the scenario reader (YAML + staff CSV). Signature is the contract.

/// Reads a scenario file (and the staff CSV or profile file it names).
public enum ScenarioReader {
    /// Reads and checks a scenario; throws `InputError` listing every problem.
    public static func read(path: String) throws(InputError) -> Scenario {
        throw InputError([Diagnostic(file: path, line: 0, path: "", message: "scenario reader not built yet")])
    }
}
