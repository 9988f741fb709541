import Foundation
import ArgumentParser
import Rota

/// `rota audit DIR [--out OUTDIR] [--attendance FILE]`: the health commission's audit of a
/// region's submissions — each submission's plan verified independently (and its rota.csv),
/// quotas per hospital with planned and served people, region totals, ATT.absence from the
/// attendance sheet and the NORM.* staffing norms the data can show; writes audit.csv and
/// audit.html (all at once), prints a short summary, and exits 0 when everything holds, 1 when
/// anything falls short, 2 on unreadable input (nothing written then).
///
/// ```text
/// $ rota audit Scenarios/audit
/// Audit of 3 submissions in Scenarios/audit: FAILS, 5 failures
/// …
/// ```
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a folder of hospital submissions: verified quotas, totals, attendance and staffing norms.",
        discussion: """
            DIR holds submissions: DIR/<name>/scenario.yaml + plan.json (+ rota.csv, + attendance.csv), \
            or DIR/<name>.yaml + DIR/<name>.plan.json (+ <name>.rota.csv, + <name>.attendance.csv). \
            The region's attendance sheet is --attendance or DIR/attendance.csv (columns person, date, \
            half, status, optionally submission). Writes audit.csv and audit.html into --out. Exit 0: \
            everything holds; 1: a hospital, total, ATT.absence or norm falls short; 2: bad input.
            """
    )

    @Argument(help: "The folder of submissions to audit, or a province file (with --plans).")
    var directory: String

    @Option(name: .long, help: ArgumentHelp("With a province file: the folder its cities were planned into (default: out/<province>).", valueName: "dir"))
    var plans: String?

    @Option(name: .long, help: "Folder for audit.csv and audit.html (default: DIR/audit).")
    var out: String?

    @Option(name: .long, help: ArgumentHelp("The region's attendance CSV (default: DIR/attendance.csv, if there is one).",
                                           valueName: "attendance.csv"))
    var attendance: String?

    func run() throws {
        let audit: Audit
        let province = try readProvinceOrExit(directory)
        if province == nil, plans != nil {
            printError("rota audit: --plans goes with a province file; \(directory) is not one.")
            throw ExitCode(2)
        }
        let folder = province.map { plans ?? "out/\($0.name)" } ?? directory
        do {
            let submissions: [AuditSubmission]
            if let province { submissions = try AuditInput.submissions(of: province, plans: folder) }
            else { submissions = try AuditInput.submissions(in: directory) }
            audit = try Audit.run(submissions: submissions,
                                  regionAttendance: AuditInput.regionAttendance(in: folder, explicit: attendance))
        } catch {
            printError(error.description)
            printError("\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in \(directory); nothing was written.")
            throw ExitCode(2)
        }
        let dir = out ?? (folder as NSString).appendingPathComponent("audit")
        try replaceOrExit(try outputFolderOrExit(dir, command: "audit"),
                          with: [OutputFile("audit.csv", Data(AuditCSV.render(audit).utf8)),
                                 OutputFile("audit.html", Data(AuditPage.render(audit).utf8))], command: "audit")
        var lines = ["Audit of \(audit.submissions.count) submission\(audit.submissions.count == 1 ? "" : "s") in \(directory): "
                     + (audit.passed ? "PASSES" : "FAILS, \(audit.failures.count) failure\(audit.failures.count == 1 ? "" : "s")")]
        for s in audit.submissions {
            lines.append("  \(s.submission.name): verifier \(s.report.failures.count) failed of \(s.report.allChecks.count); "
                         + "\(s.failures.count) audit failure\(s.failures.count == 1 ? "" : "s")")
        }
        for f in audit.failures { lines.append("  FAIL \(f.submission) \(f.instance): \(f.finding)") }
        lines.append("Wrote audit.csv and audit.html to \(dir)")
        print(lines.joined(separator: "\n"))
        if !audit.passed { throw ExitCode(1) }
    }
}
