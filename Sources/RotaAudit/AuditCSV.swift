import RotaCore
import RotaInput
import RotaOutput
import RotaVerifier
/// `audit.csv`: the audit as one table for a spreadsheet (UTF-8 with BOM, CRLF, as every CSV
/// rota writes).
///
/// Discussion: one header, rows in four sections told apart by the first column:
/// - `quota` — one row per submission, hospital and quota (T1.quota, T2.quota, T3.quota):
///   base head count, required (⌈p% × N⌉ in integers, the verifier's), planned (the people the
///   verifier counted), served (empty when no attendance applies) and the verdict (`pass`,
///   `fail` — the verifier's — or `short-served`);
/// - `total` — the submission's region totals T1.total … REGION.total, the same columns;
/// - `norm` — NORM.village-doctors and NORM.licensed per county (proxy: village flags), with
///   the integer comparison in `finding`;
/// - `failure` — every failure: verifier checks, short-served rows, ATT.absence, NORM, with
///   rule id, instance, finding and clause.
/// Rows follow the submissions' order (by name), then the verifier's report order.
///
/// ```text
/// section,submission,hospital,name,tier,rule,base,required,planned,served,verdict,instance,finding,clause
/// quota,heze-mini,hz-municipal,菏泽市立医院,tertiary,T1.quota,500,6,6,6,pass,T1.quota[hz-municipal],,Heze … §二(一)
/// ```
public enum AuditCSV {
    public static let header = ["section", "submission", "hospital", "name", "tier", "rule", "base", "required",
                                "planned", "served", "verdict", "instance", "finding", "clause"]

    /// The CSV text (with BOM) of `audit`.
    public static func render(_ audit: Audit) -> String {
        var rows: [[String]] = []
        func row(_ section: String, _ r: Audit.Row) -> [String] {
            let key = r.institution.isEmpty ? r.name : r.institution
            return [section, r.submission, r.institution, r.name, r.tier, r.rule, r.base.map(String.init) ?? "",
                    String(r.required), String(r.planned), r.served.map(String.init) ?? "", r.verdict,
                    "\(r.rule)[\(key)]", "", r.clause]
        }
        for s in audit.submissions { rows += s.quotas.map { row("quota", $0) } }
        for s in audit.submissions { rows += s.totals.map { row("total", $0) } }
        for s in audit.submissions {
            for n in s.norms {
                rows.append(["norm", n.submission, n.county, n.countyName, "county", n.rule, "", String(n.rhs), String(n.lhs), "",
                             n.verdict, "\(n.rule)[\(n.county)]", n.arithmetic + " (proxy: the scenario's village flags)", n.clause])
            }
        }
        for f in audit.failures {
            rows.append(["failure", f.submission, "", f.subject, "", f.rule, "", "", "", "", "fail", f.instance, f.finding, f.clause])
        }
        return CSVDocument.render(header: header, rows: rows)
    }
}
