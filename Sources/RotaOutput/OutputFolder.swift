import Foundation
import RotaCore

/// What one output file holds: bytes in one piece, parts written one after another (a
/// proof's, which need no joining), bytes already written to a file, or bytes already
/// deflated as a zip entry.
///
/// Discussion: `file` is a file a run has already written into its output folder's hidden
/// folder (`OutputFolder.stage`), so its bytes are no longer held in memory; `bytes` reads it
/// back. `deflated` is a file bound for an archive (a calendar for calendars.zip), held as the
/// entry it will be — a calendar deflates to about a thirtieth; `bytes` inflates it.
///
/// ```swift
/// OutputContents.data(Data("a,b\n".utf8)).count   // 4
/// ```
public enum OutputContents: Sendable {
    case data(Data)
    case parts([[UInt8]])
    /// Written already, at `path`, `count` bytes.
    case file(path: String, count: Int)
    /// Deflated already, as the zip entry of the file's name.
    case deflated(ZipEntry)

    /// The number of bytes.
    public var count: Int {
        switch self {
        case .data(let d): return d.count
        case .parts(let p): return p.reduce(0) { $0 + $1.count }
        case .file(_, let count): return count
        case .deflated(let entry): return entry.size
        }
    }

    /// The bytes in one piece (a written file's read back; empty if it is gone).
    public var bytes: Data {
        switch self {
        case .data(let d): return d
        case .parts(let p): var d = Data(capacity: count); for part in p { d.append(contentsOf: part) }; return d
        case .file(let path, _): return FileManager.default.contents(atPath: path) ?? Data()
        case .deflated(let entry): return Data(entry.inflated())
        }
    }

    /// The zip entry of these bytes under `name`: deflated now, or as it was when `deflated`.
    public func zipEntry(name: String) -> ZipEntry {
        if case .deflated(let entry) = self, entry.name == name { return entry }
        return ZipDeflater.entry(name: name, data: [UInt8](bytes))
    }
}

/// One file of a run's outputs, named by its path inside the output folder (`ics/p1.ics`).
public struct OutputFile: Sendable {
    public var name: String
    public var contents: OutputContents

    public init(_ name: String, _ contents: OutputContents) { self.name = name; self.contents = contents }
    public init(_ name: String, _ data: Data) { self.init(name, .data(data)) }
}

/// Why outputs could not be written. `rota` exits 4 for these: the work was done, but its
/// results could not be put on disk; the folder still holds the previous run's outputs, whole.
public struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder concerned, as the user named it.
    public var path: String
    /// What went wrong, in plain words.
    public var reason: String

    public init(path: String, reason: String) { self.path = path; self.reason = reason }

    public var description: String { "\(path): \(reason)" }

    /// A plain reason for a Foundation or POSIX error, instead of `NSCocoaErrorDomain` text.
    static func reason(for error: Error) -> String {
        let ns = error as NSError
        var code = ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : 0
        if code == 0, let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        }
        if code == 0, ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileWriteOutOfSpaceError: code = ENOSPC
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: code = EACCES
            case NSFileWriteVolumeReadOnlyError: code = EROFS
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: code = ENOENT
            default: break
            }
        }
        return code != 0 ? posixReason(code) : "cannot be written (\(ns.localizedDescription))"
    }

    static func posixReason(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full (free some space and run again)"
        case EACCES, EPERM: return "permission denied (choose another --out folder or change its permissions)"
        case EROFS: return "the file system is read-only"
        case ENOENT: return "a folder on the way does not exist"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "is a folder where a file was expected"
        case ENAMETOOLONG: return "the path is too long"
        default: return String(cString: strerror(code))
        }
    }
}

/// The folder a run writes its outputs to, replaced as a whole in one step.
///
/// A run's files are written into a new hidden folder beside the destination
/// (`.NAME.rota-new-PID`), and only when every file is written is that folder swapped with the
/// destination in one atomic rename (Linux `renameat2(RENAME_EXCHANGE)`; a plain rename when the
/// destination does not exist yet). So the destination always holds the complete outputs of
/// exactly one run: a kill or a full disk part-way leaves the previous run's outputs as they
/// were, never a mix, and files an earlier run wrote that this run does not (old calendars, a
/// stale `conflict.json`) are gone with the old folder. Hidden folders left by killed runs are
/// removed by the next run in the same place.
///
/// The destination carries a marker file, `.rota-outputs`, naming the files of the run. A
/// non-empty folder without it is not rota's to replace, and is refused before any work is done.
///
/// A run may write its larger files into the hidden folder as soon as each is made (`stage`),
/// so they are not held in memory until the end; `replace(with:)` then writes only the rest
/// before the swap, and `discardStaged()` removes them when the run is abandoned (a plan the
/// verifier refuses): the destination never sees them.
///
/// ```swift
/// let folder = try OutputFolder(path: "out/heze")   // checked before solving
/// let xlsx = try folder.stage(OutputFile("rota.xlsx", workbook))   // on disk, hidden
/// try folder.replace(with: [OutputFile("plan.json", data), xlsx])
/// ```
public struct OutputFolder: Sendable {
    /// The destination, as the user named it.
    public let path: String
    /// The marker file's name.
    public static let markerName = ".rota-outputs"

    /// Checks that `path` can take a run's outputs, and removes what killed runs left beside it.
    ///
    /// Throws when the path is a file, a non-empty folder rota did not write, or a place where
    /// nothing can be created.
    public init(path: String) throws(OutputError) {
        self.path = path
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw OutputError(path: path, reason: "is a file, not a folder (choose another --out)") }
            let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                throw OutputError(path: path, reason: "is a folder rota did not write (it has no \(Self.markerName)); rota replaces its output folder as a whole, so choose an empty or new folder")
            }
        }
        removeLeftovers()
        // Prove now, before any solving, that the folder beside it is writable.
        let probe = stagingPath
        do {
            try Self.makeDirectories(probe)
            try Data().write(to: URL(fileURLWithPath: (probe as NSString).appendingPathComponent(".probe")))
        } catch {
            try? fm.removeItem(atPath: probe)
            throw OutputError(path: path, reason: OutputError.reason(for: error))
        }
        try? fm.removeItem(atPath: probe)
    }

    var parent: String {
        let p = (path as NSString).deletingLastPathComponent
        return p.isEmpty ? "." : p
    }
    var base: String { (path as NSString).lastPathComponent }
    var stagingPath: String { (parent as NSString).appendingPathComponent(".\(base).rota-new-\(getpid())") }

    /// Removes `.NAME.rota-new-PID` folders beside the destination whose process is gone.
    func removeLeftovers() {
        let fm = FileManager.default
        let prefix = ".\(base).rota-new-"
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let tail = entry.dropFirst(prefix.count)
            guard let pid = Int32(tail.hasSuffix(".old") ? tail.dropLast(4) : tail) else { continue }
            if pid == getpid() || kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// Writes `file` into the hidden folder now, ahead of `replace(with:)`: the file returned
    /// names it there (`OutputContents.file`) and holds no bytes. Several threads may stage
    /// files at once. Nothing reaches the destination until `replace(with:)` lists the file.
    public func stage(_ file: OutputFile) throws(OutputError) -> OutputFile {
        let target = (stagingPath as NSString).appendingPathComponent(file.name)
        do {
            try Self.makeDirectories((target as NSString).deletingLastPathComponent)
            try Self.write(file.contents, to: target, flush: Self.syncFileSystem == nil)
        } catch {
            throw OutputError(path: (path as NSString).appendingPathComponent(file.name), reason: OutputError.reason(for: error))
        }
        return OutputFile(file.name, .file(path: target, count: file.contents.count))
    }

    /// Removes every file staged for this folder by this process: the run's outputs will not be
    /// written.
    public func discardStaged() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    /// Whether `file` is already written in the hidden folder (`stage`).
    func isStaged(_ file: OutputFile) -> Bool {
        if case .file(let at, _) = file.contents { return at == (stagingPath as NSString).appendingPathComponent(file.name) }
        return false
    }

    /// Writes `files` (but those staged already) and makes them the folder's whole contents,
    /// in one step.
    public func replace(with files: [OutputFile]) throws(OutputError) {
        let fm = FileManager.default
        let staging = stagingPath
        if !files.contains(where: isStaged) { try? fm.removeItem(atPath: staging) }
        var done = false
        defer { if !done { try? fm.removeItem(atPath: staging) } }
        let names = files.map(\.name).sorted()
        let marker = OutputFile(Self.markerName, Data(("rota outputs, one run; files:\n" + names.map { $0 + "\n" }.joined()).utf8))
        let all = files.filter { !isStaged($0) } + [marker]
        // Folders first (in order, so no two threads create one), then the files on every core
        // without a flush each, then one flush of the whole file system: a Heze year is some
        // 3,700 files, and a flush per file made writing them take longer than rendering them.
        let targets = all.map { (staging as NSString).appendingPathComponent($0.name) }
        for folder in Set(targets.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            do { try Self.makeDirectories(folder) } catch {
                throw OutputError(path: path, reason: OutputError.reason(for: error))
            }
        }
        let flushEach = Self.syncFileSystem == nil
        let written = ParallelJobs.run(count: all.count, threads: max(2, ParallelJobs.processors)) { i -> OutputError? in
            do { try Self.write(all[i].contents, to: targets[i], flush: flushEach); return nil } catch {
                return OutputError(path: (self.path as NSString).appendingPathComponent(all[i].name), reason: OutputError.reason(for: error))
            }
        }
        if let failure = written.lazy.compactMap({ $0 }).first { throw failure }
        if let syncfs = Self.syncFileSystem {
            let fd = open(staging, O_RDONLY | O_DIRECTORY)
            guard fd >= 0, syncfs(fd) == 0 else {
                let reason = OutputError.posixReason(errno)
                if fd >= 0 { close(fd) }
                throw OutputError(path: path, reason: "could not be flushed to disk: " + reason)
            }
            close(fd)
        }
        // Swap the new folder in.
        if fm.fileExists(atPath: path) {
            guard Self.exchange(staging, path) == 0 else {
                throw OutputError(path: path, reason: "could not be replaced: " + OutputError.posixReason(errno))
            }
            try? fm.removeItem(atPath: staging)   // now the previous run's outputs
        } else {
            guard rename(staging, path) == 0 else {
                throw OutputError(path: path, reason: "could not be created: " + OutputError.posixReason(errno))
            }
        }
        done = true
    }

    /// Writes one file in place of `path`'s old contents in one step (a temporary file beside
    /// it, renamed over it): for a proof or signature written next to a plan.
    public static func replaceFile(at path: String, with contents: OutputContents) throws(OutputError) {
        let dir = (path as NSString).deletingLastPathComponent
        let temp = ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).rota-new-\(getpid())")
        do {
            try makeDirectories(dir.isEmpty ? "." : dir)
            try write(contents, to: temp)
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw OutputError(path: path, reason: reason(for: error))
        }
        guard rename(temp, path) == 0 else {
            let why = OutputError.posixReason(errno)
            try? FileManager.default.removeItem(atPath: temp)
            throw OutputError(path: path, reason: why)
        }
    }

    private static func reason(for error: Error) -> String { OutputError.reason(for: error) }

    /// Creates `path` and the folders above it (`mkdir -p`), failing with the POSIX error so the
    /// reason can be told in plain words.
    static func makeDirectories(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { return }
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
    }

    /// Linux `syncfs(2)`, looked up at run time (Swift's Glibc module does not declare it): it
    /// flushes every file of one file system and, since Linux 5.8, reports a write-back error
    /// (a full disk) that happened to any of them. Nil where it is missing: each file is then
    /// flushed as it is written.
    static let syncFileSystem: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Writes `contents` to a new file at `path`; with `flush`, flushed to disk, so a full disk
    /// is an error here and not a short file later (callers that do not flush each file flush
    /// the file system once, `syncFileSystem`).
    static func write(_ contents: OutputContents, to path: String, flush: Bool = true) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
        defer { close(fd) }
        func put(_ bytes: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
                offset += n
            }
        }
        switch contents {
        case .data(let d): try d.withUnsafeBytes(put)
        case .parts(let parts): for p in parts { try p.withUnsafeBytes(put) }
        case .file, .deflated: try contents.bytes.withUnsafeBytes(put)
        }
        guard !flush || fsync(fd) == 0 || errno == EINVAL else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
    }

    /// Exchanges two paths atomically: Linux `renameat2(…, RENAME_EXCHANGE)`, looked up at run
    /// time (Swift's Glibc module does not declare it). Where it is missing, the destination is
    /// renamed aside and the new folder into its place: two renames, with the old outputs kept
    /// whole until the second succeeds.
    static func exchange(_ staging: String, _ destination: String) -> Int32 {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(nil, "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let result = renameat2(AT_FDCWD, staging, AT_FDCWD, destination, 2 /* RENAME_EXCHANGE */)
            if result == 0 || (errno != ENOSYS && errno != EINVAL) { return result }
        }
        let aside = staging + ".old"
        guard rename(destination, aside) == 0 else { return -1 }
        guard rename(staging, destination) == 0 else { let e = errno; _ = rename(aside, destination); errno = e; return -1 }
        return rename(aside, staging)
    }
}
