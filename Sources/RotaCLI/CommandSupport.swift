import Foundation
import ArgumentParser
import Rota

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Reads a scenario, or prints every problem and exits 2.
func readScenarioOrExit(_ path: String) throws -> Scenario {
    do {
        let scenario = try ScenarioReader.read(path: path)
        for w in scenario.warnings { printError("warning: \(w)") }
        return scenario
    } catch {
        printError(error.description)
        printError("\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in \(path); nothing was written.")
        throw ExitCode(2)
    }
}

/// Exit code for outputs that could not be written (unwritable folder, full disk): the work was
/// done but its results are not on disk; the output folder keeps its previous contents whole.
let outputFailureExitCode: Int32 = 4

/// Checks an output folder before any work is done, or prints why it cannot be used and exits 4.
func outputFolderOrExit(_ path: String, command: String) throws -> OutputFolder {
    do { return try OutputFolder(path: path) } catch {
        printError("rota \(command): cannot write the outputs: \(error.description)")
        throw ExitCode(outputFailureExitCode)
    }
}

/// Writes a run's outputs into `folder` as one set, or prints why not and exits 4.
func replaceOrExit(_ folder: OutputFolder, with files: [OutputFile], command: String) throws {
    do { try folder.replace(with: files) } catch {
        printError("rota \(command): cannot write the outputs: \(error.description); \(folder.path) keeps its previous contents.")
        throw ExitCode(outputFailureExitCode)
    }
}

/// Writes one file (a proof, a signature) in place of the old, or prints why not and exits 4.
func replaceFileOrExit(_ path: String, with contents: OutputContents, command: String) throws {
    do { try OutputFolder.replaceFile(at: path, with: contents) } catch {
        printError("rota \(command): cannot write \(error.description)")
        throw ExitCode(outputFailureExitCode)
    }
}

/// Whether standard error is a terminal (progress is shown only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
