import Foundation
import RotaCore
import RotaInput
import RotaOutput
import RotaVerifier

/// One hospital submission found in an audit folder: its scenario, its plan and, when there
/// are, its weekly rota and its own attendance sheet.
public struct AuditSubmission: Sendable, Hashable {
    /// The submission's name: its folder name (subfolder layout) or the YAML's base name
    /// (flat layout).
    public var name: String
    public var scenarioPath: String
    public var planPath: String
    public var rotaPath: String?
    public var attendancePath: String?

    public init(name: String, scenarioPath: String, planPath: String, rotaPath: String? = nil, attendancePath: String? = nil) {
        self.name = name; self.scenarioPath = scenarioPath; self.planPath = planPath
        self.rotaPath = rotaPath; self.attendancePath = attendancePath
    }
}

/// Finds the submissions of an audit folder (`rota audit DIR`).
///
/// Two layouts, which may be mixed:
/// - **Subfolders**: every folder `DIR/<name>/` holding `scenario.yaml` (or exactly one
///   `*.yaml`) and `plan.json` is the submission `<name>`; a `rota.csv` there is verified with
///   the plan, an `attendance.csv` there is that submission's attendance sheet.
/// - **Flat**: every `DIR/<base>.yaml` with `DIR/<base>.plan.json` is the submission
///   `<base>`; `DIR/<base>.rota.csv` and `DIR/<base>.attendance.csv` play the same parts.
///
/// `DIR/attendance.csv` (or the `--attendance` file instead) is the region's sheet: its rows
/// apply to every submission that lists the person, or to one submission when the row has a
/// `submission` column. Folders without a YAML (such as the `audit` output folder) and hidden
/// entries are skipped; a YAML without its plan is an error. Submissions are sorted by name.
///
/// ```swift
/// let subs = try AuditInput.submissions(in: "Scenarios/audit")
/// subs.map(\.name)   // ["heze-mini", "heze-mini-b", "heze-mini-short"]
/// ```
public enum AuditInput {
    /// The submissions in `directory`, sorted by name; throws when there are none, when a
    /// scenario has no plan, or when two submissions share a name.
    public static func submissions(in directory: String) throws(InputError) -> [AuditSubmission] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw InputError([Diagnostic(file: directory, line: 0, path: "(folder)", message: "not a folder",
                                         expected: "a folder of submissions: <name>/scenario.yaml + <name>/plan.json, or <name>.yaml + <name>.plan.json")])
        }
        let entries = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        func join(_ a: String, _ b: String) -> String { (a as NSString).appendingPathComponent(b) }
        func isFile(_ p: String) -> Bool { var d: ObjCBool = false; return fm.fileExists(atPath: p, isDirectory: &d) && !d.boolValue }
        func isFolder(_ p: String) -> Bool { var d: ObjCBool = false; return fm.fileExists(atPath: p, isDirectory: &d) && d.boolValue }
        func yamlNames(_ list: [String]) -> [String] { list.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } }

        var found: [AuditSubmission] = []
        var problems: [Diagnostic] = []
        for entry in entries {
            let path = join(directory, entry)
            if isFolder(path) {
                let inside = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                let yamls = yamlNames(inside).filter { isFile(join(path, $0)) }
                let scenario: String
                if yamls.contains("scenario.yaml") { scenario = "scenario.yaml" }
                else if yamls.count == 1 { scenario = yamls[0] }
                else if yamls.isEmpty { continue }
                else {
                    problems.append(Diagnostic(file: path, line: 0, path: "(folder)",
                                               message: "\(yamls.count) YAML files and no scenario.yaml",
                                               expected: "scenario.yaml, or exactly one .yaml file"))
                    continue
                }
                let plan = join(path, "plan.json")
                guard isFile(plan) else {
                    problems.append(Diagnostic(file: join(path, scenario), line: 0, path: "(whole file)",
                                               message: "a submitted scenario without its plan",
                                               expected: "plan.json beside it"))
                    continue
                }
                let rota = join(path, "rota.csv"), attendance = join(path, "attendance.csv")
                found.append(AuditSubmission(name: entry, scenarioPath: join(path, scenario), planPath: plan,
                                             rotaPath: isFile(rota) ? rota : nil,
                                             attendancePath: isFile(attendance) ? attendance : nil))
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                let base = (entry as NSString).deletingPathExtension
                let plan = join(directory, "\(base).plan.json")
                guard isFile(plan) else {
                    problems.append(Diagnostic(file: path, line: 0, path: "(whole file)",
                                               message: "a submitted scenario without its plan",
                                               expected: "\(base).plan.json beside it"))
                    continue
                }
                let rota = join(directory, "\(base).rota.csv"), attendance = join(directory, "\(base).attendance.csv")
                found.append(AuditSubmission(name: base, scenarioPath: path, planPath: plan,
                                             rotaPath: isFile(rota) ? rota : nil,
                                             attendancePath: isFile(attendance) ? attendance : nil))
            }
        }
        var names: [String: String] = [:]
        for s in found {
            if let other = names[s.name] {
                problems.append(Diagnostic(file: s.scenarioPath, line: 0, path: "(whole file)",
                                           message: "submission name \"\(s.name)\" is also used by \(other)",
                                           expected: "one submission per name"))
            }
            names[s.name] = s.scenarioPath
        }
        if found.isEmpty && problems.isEmpty {
            problems.append(Diagnostic(file: directory, line: 0, path: "(folder)", message: "no submissions found",
                                       expected: "<name>/scenario.yaml + <name>/plan.json, or <name>.yaml + <name>.plan.json"))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return found.sorted { $0.name < $1.name }
    }

    /// The cities of a province planned into `plans` (`rota plan PROVINCE --out PLANS`, or one
    /// `--shard` per city): city `<id>` is the submission `<id>`, its scenario the one the
    /// province names, its plan `PLANS/<id>/plan.json`, with `rota.csv` and `attendance.csv`
    /// there when present. A city without its plan (a shard that has not run or had no plan)
    /// is an error naming the province file's line.
    ///
    /// ```swift
    /// let province = try ProvinceReader.read(path: "out/province/province.yaml")!
    /// let subs = try AuditInput.submissions(of: province, plans: "out/province")
    /// subs.map(\.name)   // ["heze-city-1", "heze-city-2"]
    /// ```
    public static func submissions(of province: Province, plans: String) throws(InputError) -> [AuditSubmission] {
        let fm = FileManager.default
        func join(_ a: String, _ b: String) -> String { (a as NSString).appendingPathComponent(b) }
        func isFile(_ p: String) -> Bool { var d: ObjCBool = false; return fm.fileExists(atPath: p, isDirectory: &d) && !d.boolValue }
        var found: [AuditSubmission] = []
        var problems: [Diagnostic] = []
        for (k, city) in province.cities.enumerated() {
            let folder = join(plans, city.id)
            let plan = join(folder, "plan.json")
            guard isFile(plan) else {
                let why = isFile(join(folder, "conflict.json")) ? "city \(city.id) has no plan, only \(join(folder, "conflict.json"))"
                                                               : "city \(city.id) has no plan: \(plan) is missing"
                problems.append(Diagnostic(file: province.file, line: city.line, path: "cities[\(k)]", message: why,
                                           expected: "the city planned into \(folder)/ (rota plan \(province.file) --shard \(k) --out \(plans))"))
                continue
            }
            let rota = join(folder, "rota.csv"), attendance = join(folder, "attendance.csv")
            found.append(AuditSubmission(name: city.id, scenarioPath: city.scenarioPath, planPath: plan,
                                         rotaPath: isFile(rota) ? rota : nil,
                                         attendancePath: isFile(attendance) ? attendance : nil))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return found.sorted { $0.name < $1.name }
    }

    /// The region's attendance sheet: `explicit` when given, else `DIR/attendance.csv` when
    /// there is one.
    public static func regionAttendance(in directory: String, explicit: String?) -> String? {
        if let explicit { return explicit }
        let p = (directory as NSString).appendingPathComponent("attendance.csv")
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}
