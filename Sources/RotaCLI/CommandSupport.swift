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

/// What a file written by `writeAll` holds: bytes in one piece, or parts written one after
/// another (a proof's, which are about 100 MB together and need no joining).
enum FileContents {
    case data(Data)
    case parts([[UInt8]])

    /// Writes the contents to a new file at `path`.
    func write(to path: String) throws {
        switch self {
        case .data(let data):
            try data.write(to: URL(fileURLWithPath: path))
        case .parts(let parts):
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? file.close() }
            for part in parts { try file.write(contentsOf: part) }
        }
    }
}

/// Writes files all at once: into a hidden staging folder beside `directory`, then moved into
/// place, so a failure part-way leaves nothing half-written.
func writeAll(_ files: [(name: String, data: Data)], into directory: String) throws {
    try writeAll(files.map { (name: $0.name, contents: FileContents.data($0.data)) }, into: directory)
}

/// `writeAll(_:into:)` for files given as `FileContents`.
func writeAll(_ files: [(name: String, contents: FileContents)], into directory: String) throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let staging = (directory as NSString).appendingPathComponent(".rota-staging-\(getpid())")
    try? fm.removeItem(atPath: staging)
    try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: staging) }
    for f in files {
        let path = (staging as NSString).appendingPathComponent(f.name)
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try f.contents.write(to: path)
    }
    for f in files {
        let target = (directory as NSString).appendingPathComponent(f.name)
        try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
        try fm.moveItem(atPath: (staging as NSString).appendingPathComponent(f.name), toPath: target)
    }
}

/// Whether standard error is a terminal (progress is shown only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

/// Wall-clock seconds of a command's phases, for the figures `rota plan` prints.
///
/// ```swift
/// var watch = Stopwatch()
/// … // solve
/// let solve = watch.lap()   // seconds since the start or the previous lap
/// ```
struct Stopwatch {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() { last = clock.now }

    /// Seconds since the previous lap (or since the stopwatch was made), and starts the next.
    mutating func lap() -> Double {
        let now = clock.now
        let d = now - last
        last = now
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
