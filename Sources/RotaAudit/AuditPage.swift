import RotaCore
import RotaInput
import RotaOutput
import RotaVerifier
/// `audit.html`: the audit as one self-contained page (no scripts, no outside files) with
/// Chinese and English labels.
///
/// Discussion: the page opens with the overall verdict and the readings the audit applies,
/// then, per submission, the verifier's quota table per hospital, the region totals against
/// the profile, ATT.absence results for every stationed helper, the NORM.* staffing norms the
/// data can show (marked as proxies) and the norms it cannot, and every failure with its rule
/// and clause. Its content is deterministic: no timestamps, everything in submission and
/// report order.
///
/// ```swift
/// let html = AuditPage.render(audit)
/// html.contains("稽核 Audit")   // true
/// ```
public enum AuditPage {
    /// The HTML text of `audit`.
    public static func render(_ audit: Audit) -> String {
        var h: [String] = []
        func e(_ s: String) -> String { MarkupText.html(s) }
        func verdictCell(_ v: String) -> String {
            let cls = v == "pass" ? "ok" : v == "high" ? "warn" : "bad"
            let zh = ["pass": "合格", "fail": "不合格", "short-served": "实到不足", "high": "偏高"][v] ?? ""
            return "<td class=\"\(cls)\">\(e(zh)) \(e(v))</td>"
        }
        h.append("<!DOCTYPE html>")
        h.append("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>稽核报告 Audit report</title>")
        h.append("""
            <style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:.5em 0 1.5em}\
            th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left}td.n{text-align:right}\
            .ok{background:#e6f4e6}.bad{background:#f8dede}.warn{background:#fff3cd}h2{border-bottom:2px solid #333}\
            .note{color:#444;font-size:.9em}</style></head><body>
            """)
        h.append("<h1>稽核报告 Audit report</h1>")
        h.append("<p class=\"\(audit.passed ? "ok" : "bad")\"><strong>\(audit.passed ? "合格 PASSES" : "不合格 FAILS")</strong>: "
                 + "\(audit.submissions.count) 份报送 submissions, \(audit.failures.count) 项不合格 failures.</p>")
        h.append("<p class=\"note\">考勤 Attendance: \(audit.attendanceFiles.isEmpty ? "无 none" : audit.attendanceFiles.map(e).joined(separator: ", ")). "
                 + "实到 Served = planned people with at least one present half-day who do not fail ATT.absence. "
                 + "脱岗 ATT.absence counts distinct dates inside the stationing with an unjustified half-day; 2 or more fail. "
                 + "NORM.* use the scenario's village flags as a proxy (one village doctor per village with villageDoctor: true).</p>")

        for s in audit.submissions {
            let r = s.report
            h.append("<h2>报送 Submission \(e(s.submission.name))</h2>")
            h.append("<p>方案 Scenario \(e(s.scenario.name)), 配置 profile \(e(r.profile)), 期间 period \(e(r.period)); "
                     + "核验 verifier: \(r.allChecks.count) 项检查 checks, \(r.failures.count) 项不合格 failed"
                     + (r.rota != nil ? " (含排班 with rota.csv)" : "") + ".</p>")
            func table(_ rows: [Audit.Row], hospital: Bool) {
                h.append("<table><tr>" + (hospital ? "<th>医院 Hospital</th><th>级别 Tier</th>" : "<th>合计 Total</th>")
                         + "<th>规则 Rule</th>" + (hospital ? "<th>基数 Base</th>" : "")
                         + "<th>应派 Required</th><th>计划 Planned</th><th>实到 Served</th><th>结论 Verdict</th></tr>")
                for x in rows {
                    var line = "<tr>"
                    if hospital { line += "<td>\(e(x.name)) <span class=\"note\">\(e(x.institution))</span></td><td>\(e(x.tier))</td>" }
                    else { line += "<td>\(e(x.name))</td>" }
                    line += "<td>\(e(x.rule))</td>"
                    if hospital { line += "<td class=\"n\">\(x.base.map(String.init) ?? "")</td>" }
                    line += "<td class=\"n\">\(x.required)</td><td class=\"n\">\(x.planned)</td>"
                    line += "<td class=\"n\">\(x.served.map(String.init) ?? "—")</td>" + verdictCell(x.verdict) + "</tr>"
                    h.append(line)
                }
                h.append("</table>")
            }
            h.append("<h3>各医院指标 Quotas per hospital</h3>")
            table(s.quotas, hospital: true)
            h.append("<h3>区域合计 Region totals against the profile</h3>")
            table(s.totals, hospital: false)

            h.append("<h3>脱岗考核 ATT.absence</h3>")
            if !s.attendanceGiven {
                h.append("<p class=\"note\">无考勤表 No attendance sheet applies: not assessed.</p>")
            } else if s.absences.isEmpty {
                h.append("<p class=\"note\">无派驻人员 No stationed helpers.</p>")
            } else {
                h.append("<table><tr><th>派驻人员 Stationed helper</th><th>派出单位 Sender</th><th>村 Village</th><th>无故脱岗天数 Unjustified dates</th><th>日期 Dates</th><th>结论 Verdict</th></tr>")
                for a in s.absences {
                    h.append("<tr><td>\(e(a.name)) <span class=\"note\">\(e(a.person))</span></td><td>\(e(a.sender))</td><td>\(e(a.villages.joined(separator: ", ")))</td>"
                             + "<td class=\"n\">\(a.count)</td><td>\(e(a.unjustifiedDates.map(\.iso).joined(separator: ", ")))</td>"
                             + verdictCell(a.passed ? "pass" : "fail") + "</tr>")
                }
                h.append("</table>")
            }

            h.append("<h3>人员配置标准 Staffing norms (NORM.*)</h3>")
            h.append("<p class=\"note\">代理指标 Proxy: each village with villageDoctor: true counts as one village doctor; population is the sum of the county's village populations; licensed share uses licensedPhysician among villages with a doctor.</p>")
            if s.norms.isEmpty {
                h.append("<p class=\"note\">无村级数据 No village data to assess.</p>")
            } else {
                h.append("<table><tr><th>规则 Rule</th><th>县 County</th><th>算式 Arithmetic (integers)</th><th>结论 Verdict</th><th>依据 Clause</th></tr>")
                for n in s.norms {
                    h.append("<tr><td>\(e(n.rule))</td><td>\(e(n.countyName)) <span class=\"note\">\(e(n.county))</span></td><td>\(e(n.arithmetic))</td>"
                             + verdictCell(n.verdict) + "<td>\(e(n.clause))</td></tr>")
                }
                h.append("</table>")
            }
            h.append("<ul class=\"note\">" + Audit.normsNotAssessed.map { "<li>\(e($0.rule)): 未评估 not assessed — \(e($0.reason))</li>" }.joined() + "</ul>")

            h.append("<h3>不合格项 Failures</h3>")
            if s.failures.isEmpty {
                h.append("<p class=\"ok\">无 None.</p>")
            } else {
                h.append("<table><tr><th>规则 Rule</th><th>实例 Instance</th><th>对象 Subject</th><th>说明 Finding</th><th>依据 Clause</th></tr>")
                for f in s.failures {
                    h.append("<tr><td>\(e(f.rule))</td><td>\(e(f.instance))</td><td>\(e(f.subject))</td><td>\(e(f.finding))</td><td>\(e(f.clause))</td></tr>")
                }
                h.append("</table>")
            }
        }
        h.append("</body></html>")
        return h.joined(separator: "\n") + "\n"
    }
}
