import RotaCore
/// The terminal text of a verification, for a hospital HR planner.
///
/// First one line per rule family (pass and fail counts and what the rule asks), then the
/// verdict, then every failure with its subject (id and Chinese name), finding, numbers,
/// arithmetic, evidence and source clause, and last the rules a plan file cannot show.
/// Evidence lists stop after `witnessLimit` items ("… and 12 more"); the JSON form of the
/// report keeps them all.
///
/// ```text
/// Failures
///
/// 1. T1.quota[hz-municipal] — 菏泽市立医院 (hz-municipal)
///    Finding:  菏泽市立医院 (hz-municipal) sends 11 people of its own in 2 T1 teams; 1.2% of 1000 technical staff needs 12
///    Numbers:  technicalStaff 1000, sent 11, required 12, teams 2
///    Check:    11 < ⌈1.2% × 1000⌉ = 12; teams 2 ≥ 1
///    Source:   菏卫发〔2024〕2号 附件3 §二(一) — 每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%
/// ```
extension VerificationReport {
    /// How many witnesses a failure shows on the terminal.
    public static let witnessLimit = 8

    /// The report as terminal text, ending with a newline.
    public func render() -> String {
        var lines: [String] = []
        lines.append("Verification of the plan for scenario \(scenario) (profile \(profile), period \(period))")
        lines.append("")

        let width = max(12, (families + (rota?.families ?? [])).map(\.rule.count).max() ?? 0) + 2
        func table(_ title: String, _ families: [FamilySummary]) {
            lines.append(pad(title, width) + leftPad("pass", 5) + leftPad("fail", 6) + "  What it asks")
            for f in families {
                let asks = f.instances == 0 ? "(nothing to check) \(f.summary)" : f.summary
                lines.append(pad(f.rule, width) + leftPad(String(f.passed), 5) + leftPad(String(f.failed), 6) + "  " + asks)
            }
            lines.append("")
        }
        table("Rule family", families)
        if let rota {
            lines.append("Rota \(rota.file): \(VerifyText.counted(rota.entries, "half-day entry", "half-day entries"))")
            lines.append("")
            table("Rota family", rota.families)
        }

        let failed = failures
        let total = checks.count + (rota?.checks.count ?? 0)
        if failed.isEmpty {
            lines.append("PASSES: all \(VerifyText.counted(total, "rule instance holds", "rule instances hold")).")
        } else {
            let familyCount = Set(failed.map(\.rule)).count
            lines.append("FAILS: \(failed.count) of \(VerifyText.counted(total, "rule instance", "rule instances")) "
                         + "\(failed.count == 1 ? "is" : "are") broken, in \(VerifyText.counted(familyCount, "rule family", "rule families")).")
            lines.append("")
            lines.append("Failures")
            for (n, c) in failed.enumerated() {
                lines.append("")
                lines += failureLines(n + 1, c)
            }
        }

        lines.append("")
        lines.append("Not checked here:")
        if rota == nil {
            for item in PlanVerifier.notChecked { lines.append("- \(item.rule): \(item.reason)") }
        } else {
            let weekly = Set(RotaVerifier.ruleOrder)
            for item in PlanVerifier.notChecked where !weekly.contains(item.rule) { lines.append("- \(item.rule): \(item.reason)") }
            lines.append("- rota.csv name, hospital, site_name: display columns, not checked against the scenario (the ids are); a proof binds the file's exact bytes, so editing them after proving breaks the proof")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func failureLines(_ number: Int, _ c: RuleCheck) -> [String] {
        let indent = String(repeating: " ", count: "\(number). ".count)
        func field(_ name: String, _ value: String) -> String { indent + pad(name + ":", 10) + value }
        var lines = ["\(number). \(c.instance) — \(subjectText(c.subject))"]
        lines.append(field("Finding", c.finding))
        if !c.quantities.isEmpty {
            lines.append(field("Numbers", c.quantities.map { "\($0.name) \($0.value)" }.joined(separator: ", ")))
        }
        lines.append(field("Check", c.arithmetic))
        if !c.witnesses.isEmpty {
            let shown = c.witnesses.prefix(Self.witnessLimit).map(witnessText)
            let more = c.witnesses.count - shown.count
            lines.append(field("Evidence", shown.joined(separator: "; ") + (more > 0 ? "; … and \(more) more" : "")))
        }
        lines.append(field("Source", c.quote.isEmpty ? c.clause : "\(c.clause) — \(c.quote)"))
        return lines
    }

    private func subjectText(_ s: CheckSubject) -> String {
        switch s.kind {
        case .plan: return s.name
        case .region: return "\(s.name) (\(s.id))"
        case .institution, .person, .team:
            return s.name.isEmpty ? "\(s.id) (not in the scenario)" : "\(s.name) (\(s.id))"
        }
    }

    private func witnessText(_ w: Witness) -> String {
        let head: String
        switch w.kind {
        case .person, .institution: head = w.name.isEmpty ? w.id : "\(w.id) \(w.name)"
        case .serviceArea: head = "service area \(w.id)"
        case .team: head = "team \(w.id)"
        case .dates: head = w.id
        }
        return w.note.isEmpty ? head : "\(head) (\(w.note))"
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    private func leftPad(_ s: String, _ n: Int) -> String {
        s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
    }
}
