/// `assignments.csv`: one row per person and posting, for Excel.
///
/// UTF-8 with a byte-order mark (so Excel reads the Chinese names), CRLF line ends, a header
/// row in Chinese (`header`; `fields` are the same columns' field names), fields quoted when
/// they hold a comma, quote or line break. Rows are sorted by tier, sender and person.
///
/// | column | field | holds |
/// |---|---|---|
/// | 层级 | tier | T1, T2, T3 or TCM |
/// | 派出形式 | form | posting, station, rounds, tech-support, tcm-clinic |
/// | 人员编号, 姓名, 岗位 | person, name, role | the person (role: doctor, nurse, pharmacist, technician) |
/// | 派出单位编号, 派出单位 | sender, sender_name | the sending institution |
/// | 派驻地点编号, 派驻地点 | site, site_name | where the person goes |
/// | 县区 | county | the county of the site (of the sender when the site has none) |
/// | 开始日期, 结束日期 | start, end | the first and last day, `YYYY-MM-DD` |
/// | 说明 | detail | the 3331 group's workstation, a service area, the TCM clinic |
public enum AssignmentsCSV {
    public static let header = ["层级", "派出形式", "人员编号", "姓名", "岗位", "派出单位编号", "派出单位", "派驻地点编号", "派驻地点", "县区", "开始日期", "结束日期", "说明"]
    /// The columns' field names, in the order of `header`.
    public static let fields = ["tier", "form", "person", "name", "role", "sender", "sender_name", "site", "site_name", "county", "start", "end", "detail"]

    public static func render(plan: Plan, scenario: Scenario) -> String {
        let inst = scenario.institutionIndex(), staff = scenario.staffIndex()
        var rows: [[String]] = []
        func row(_ tier: String, _ form: String, _ person: String, _ sender: String, _ site: String, _ start: String, _ end: String, _ detail: String) {
            let s = staff[person]
            rows.append([tier, form, person, s?.name ?? "", s?.role.rawValue ?? "", sender, inst[sender]?.name ?? "",
                         site, inst[site]?.name ?? "", inst[site]?.county ?? inst[sender]?.county ?? "", start, end, detail])
        }
        for t in plan.teams {
            // With mid-term replacements, each person's own dates (their first and last part).
            let parts = t.spans
            for m in t.everyone {
                let mine = parts.filter { $0.members.contains(m) }
                guard let first = mine.first, let last = mine.last else { continue }
                var detail = ""
                if mine.contains(where: { p in p.group3331.map { [$0.doctor, $0.nurse, $0.pharmacist].contains(m) } ?? false }), let g = t.group3331 {
                    detail = "3331 group; workstation \(g.workstation) \(inst[g.workstation]?.name ?? "")"
                }
                if let r = t.replacements?.first(where: { $0.replacement == m }) { detail += (detail.isEmpty ? "" : "; ") + "replaces \(r.person)" }
                if let r = t.replacements?.first(where: { $0.person == m }) { detail += (detail.isEmpty ? "" : "; ") + "replaced by \(r.replacement)" }
                row(t.tier, "posting", m, t.sender, t.recipient, first.start, last.end, detail)
            }
        }
        for h in plan.villageHelpers {
            let siteName = inst[h.site] == nil ? "service area" : ""
            row("T3", h.form.rawValue, h.person, h.sender, h.site, h.start, h.end, siteName)
        }
        for c in plan.tcmClinics {
            row("TCM", "tcm-clinic", c.physician, c.sender, c.centre, c.start, c.end, "weekly senior TCM clinic")
        }
        rows.sort { ($0[0], $0[5], $0[2], $0[7]) < ($1[0], $1[5], $1[2], $1[7]) }
        let lines = ([header] + rows).map { $0.map(CSVField.escape).joined(separator: ",") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// RFC 4180 field quoting: a field holding a comma, a double quote or a line break (CR or LF,
/// a CRLF pair too) is quoted, its quotes doubled.
///
/// The test scans UTF-8 bytes (all four are ASCII, never part of a multi-byte sequence), not
/// Characters: rota.csv and the site files escape millions of fields, most of them Chinese
/// names, and grapheme-by-grapheme comparison cost seconds on a city's year.
///
/// ```swift
/// CSVField.escape("韩集镇卫生院")   // "韩集镇卫生院"
/// CSVField.escape("a,\"b\"")       // "\"a,\"\"b\"\"\""
/// ```
public enum CSVField {
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
