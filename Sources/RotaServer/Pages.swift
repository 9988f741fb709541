import Foundation
import Rota

/// The portal's HTML pages: plain server-rendered HTML, no script, inline SVG charts.
enum Pages {
    static let style = """
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{background:#12466e;color:#fff;padding:.7em 1.2em;display:flex;gap:1.2em;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600} header .who{margin-left:auto;font-size:.9em}
        header form{display:inline} header button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;cursor:pointer}
        main{max-width:1100px;margin:1.2em auto;padding:0 1em}
        section{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:1em 1.2em;margin-bottom:1.2em}
        table{border-collapse:collapse;width:100%;font-size:.92em} th,td{border-bottom:1px solid #e4e8ee;padding:.35em .5em;text-align:left}
        th{background:#f0f3f7} td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#176b2c;font-weight:600} .fail{color:#b3261e;font-weight:600} .warn{color:#8a5a00;font-weight:600}
        .verdict{font-size:1.4em;padding:.5em .8em;border-radius:6px;display:inline-block}
        .verdict.pass{background:#e3f4e7} .verdict.fail{background:#fbe6e4}
        label{display:block;margin:.4em 0} input,select{font:inherit;padding:.25em} button.primary{background:#12466e;color:#fff;border:0;border-radius:4px;padding:.45em 1.1em;font:inherit;cursor:pointer}
        code{font-size:.88em;background:#f0f3f7;padding:0 .2em} .muted{color:#5b6876;font-size:.9em}
        svg.chart{display:block;width:100%;max-width:1010px;height:auto;margin:.4em 0 1em}
        .alert{border-left:5px solid #b3261e;background:#fbe6e4}
        @media print{header,form,.no-print{display:none!important} body{background:#fff} main{max-width:none;margin:0}
        section{border:0;padding:0;break-inside:avoid-page} .pass,.fail,.verdict,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """

    static func page(_ title: String, _ session: PortalSession?, _ body: String) -> String {
        var nav = ""
        if let s = session {
            nav = s.account.role == .commission
                ? "<a href=\"/dashboard\">Dashboard</a><a href=\"/submissions\">Submissions</a><a href=\"/attendance\">Attendance</a><a href=\"/accounts\">Accounts</a><a href=\"/summary\">Annual summary</a>"
                : "<a href=\"/submissions\">Submissions</a><a href=\"/attendance\">Attendance</a>"
            let who = s.account.role == .commission ? "commission" : "hospital \(s.account.institution ?? "")"
            nav += "<span class=\"who\">\(esc(s.account.username)) (\(esc(who)))</span><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"\(esc(s.csrf))\"><button>Log out</button></form>"
        }
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(esc(title)) — rota portal</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"><style>\(style)</style></head>
            <body><header><strong>rota · 城乡医院对口支援 portal</strong>\(nav)</header><main>\(body)</main></body></html>
            """
    }

    /// The printable annual summary (ATT.report): `rota audit`'s page, with a bar to go back,
    /// download the same rows as CSV or print, the filter and versions it covers, and a print
    /// style sheet (A4 landscape, one submission per page, the bar left out).
    static func summary(_ auditHTML: String, filter: DashboardFilter, versions: [VersionSummary]) -> String {
        let query = filterQuery(filter)
        let scope = [filter.county.map { "county \($0)" }, filter.hospital.map { "hospital \($0)" }].compactMap { $0 }
        let covered = versions.sorted { $0.submission < $1.submission }.map { "\(esc($0.submission)) v\($0.version)" }.joined(separator: ", ")
        let head = """
            <nav class="no-print" id="summary-bar"><a href="/dashboard\(query)">← Dashboard</a><a href="/summary.csv\(query)" id="summary-csv">Download these rows (CSV)</a>
            <span>To print or save as PDF: the browser's Print (Ctrl+P); the page is laid out for A4 landscape.</span></nav>
            <p class="note" id="summary-scope">年度工作总结 Annual summary for the city (ATT.report: due by 10 December) · \(scope.isEmpty ? "whole region" : "filtered: " + esc(scope.joined(separator: ", ")) + " (region totals are region-wide)") · latest versions: \(covered) · made \(esc(PortalStore.now())) UTC</p>
            """
        let printCSS = """
            <style>nav.no-print{background:#12466e;color:#fff;padding:.6em 1em;margin:-2em -2em 1.2em;display:flex;gap:1.5em;flex-wrap:wrap}\
            nav.no-print a{color:#fff;font-weight:600}\
            @page{size:A4 landscape;margin:12mm}\
            @media print{.no-print{display:none!important}body{margin:0;max-width:none;font-size:9.5pt}\
            h2{break-before:page}h2:first-of-type{break-before:auto}tr{break-inside:avoid}h3{break-after:avoid}\
            .ok,.bad,.warn{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style></head>
            """
        var html = auditHTML
        if let r = html.range(of: "</head>") { html.replaceSubrange(r, with: printCSS) }
        if let r = html.range(of: "<body>") { html.replaceSubrange(r, with: "<body>" + head) }
        return html
    }

    /// `?county=…&hospital=…` for a filter ("" without one).
    static func filterQuery(_ f: DashboardFilter) -> String {
        let allowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))
        let items = [("county", f.county), ("hospital", f.hospital)].compactMap { k, v -> String? in
            guard let v else { return nil }
            return k + "=" + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? v)
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    static func login(error: String?, csrf: String) -> String {
        page("Log in", nil, """
            <section style="max-width:380px"><h1>Log in</h1>\(error.map { "<p class=\"fail\" id=\"error\">\(esc($0))</p>" } ?? "")
            <form method="post" action="/login"><input type="hidden" name="csrf" value="\(esc(csrf))">
            <label>Username <input name="username" id="username" autocomplete="username" required></label>
            <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
            <button class="primary" id="login" type="submit">Log in</button></form></section>
            """)
    }

    static func error(_ e: PortalError, session: PortalSession? = nil, back: String? = nil) -> String {
        page("Error", session, """
            <section><h1>\(e.status.code) \(esc(e.status.reasonPhrase))</h1><p class="fail">\(esc(e.message))</p>
            \(e.problems.isEmpty ? "" : "<ul id=\"problems\">" + e.problems.map { "<li><code>\(esc($0.description))</code></li>" }.joined() + "</ul>")
            <p>\(back.map { "<a href=\"\(esc($0))\" id=\"back\">Back to the form</a> · " } ?? "")<a href="/">Home</a></p></section>
            """)
    }

    static func submissions(_ s: PortalSession, versions: [VersionSummary], absences: [Audit.Absence] = []) -> String {
        let rows = versions.map { v in
            "<tr><td><a href=\"/submissions/\(esc(v.submission))/\(v.version)\">\(esc(v.submission))</a></td><td class=\"n\">\(v.version)</td><td>\(esc(v.institution))</td><td>\(esc(v.uploadedBy))</td><td>\(esc(v.uploadedAt))</td><td class=\"\(v.passed ? "pass" : "fail")\">\(v.passed ? "passes" : "fails, \(v.verdict.failures.count + v.verdict.proofMismatches.count)")</td><td>\(esc(v.verdict.proof))</td></tr>"
        }.joined()
        return page("Submissions", s, """
            \(absenceAlert(absences.filter { !$0.passed }.map(DashboardFigures.AbsenceRow.init)))<section><h1>Submit a plan</h1>
            <p class="muted">The scenario, the plan and, when you have them, the rota, the proof and its signature, as <code>rota plan</code> wrote them.
            The portal checks them with the independent verifier and <code>rota check-proof</code> on upload. Every upload is kept as a new version; nothing is overwritten.</p>
            <form method="post" action="/submissions" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="\(esc(s.csrf))">
            <label>Submission name <input name="name" id="name" required pattern="[A-Za-z0-9._\\-]+" placeholder="heze-mini"></label>
            <label>Scenario (YAML) <input type="file" name="scenario" id="scenario" required></label>
            <label>Plan (plan.json) <input type="file" name="plan" id="plan" required></label>
            <label>Rota (rota.csv, optional) <input type="file" name="rota" id="rota"></label>
            <label>Proof (proof.jsonl.gz, optional) <input type="file" name="proof" id="proof"></label>
            <label>Signature (proof.jsonl.gz.sig, optional) <input type="file" name="signature" id="signature"></label>
            <button class="primary" id="submit" type="submit">Upload and check</button></form></section>
            <section><h2>\(s.account.role == .commission ? "All submissions" : "Your submissions")</h2>
            <table id="versions"><tr><th>submission</th><th class="n">version</th><th>hospital</th><th>by</th><th>uploaded (UTC)</th><th>verdict</th><th>proof</th></tr>\(rows)</table></section>
            """)
    }

    static func version(_ s: PortalSession, _ v: VersionSummary) -> String {
        let failures = v.verdict.failures.map {
            "<tr><td><code>\(esc($0.instance))</code></td><td>\(esc($0.subject))</td><td>\(esc($0.finding))</td><td>\(esc($0.clause))</td></tr>"
        }.joined()
        let digests = v.digests.sorted { $0.key < $1.key }.map {
            "<tr><td><a href=\"/submissions/\(esc(v.submission))/\(v.version)/\($0.key)\">\($0.key)</a></td><td><code>\($0.value)</code></td></tr>"
        }.joined()
        let mismatches = v.verdict.proofMismatches.map { "<li><code>\(esc($0))</code></li>" }.joined()
        return page("\(v.submission) v\(v.version)", s, """
            <section><h1>\(esc(v.submission)) — version \(v.version)</h1>
            <p class="muted">Scenario <code>\(esc(v.verdict.scenario))</code> · \(v.institution == "commission" ? "filed by the commission" : "hospital " + esc(v.institution)) · uploaded by \(esc(v.uploadedBy)) at \(esc(v.uploadedAt.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""))) UTC</p>
            <p id="verdict" class="verdict \(v.passed ? "pass" : "fail")">\(v.passed ? "PASSES: all \(v.verdict.checks) rule instances hold" : "FAILS: \(v.verdict.failures.count) of \(v.verdict.checks) rule instances broken")</p>
            <p>Proof: <strong id="proof">\(esc(v.verdict.proof))</strong> · signature: \(esc(v.verdict.signature))</p>
            \(mismatches.isEmpty ? "" : "<h3>Proof mismatches</h3><ul>\(mismatches)</ul>")
            </section>
            \(failures.isEmpty ? "" : "<section><h2>Failures</h2><table id=\"failures\"><tr><th>rule instance</th><th>subject</th><th>finding</th><th>clause</th></tr>\(failures)</table></section>")
            <section><h2>Files (SHA-256)</h2><table>\(digests)</table></section>
            """)
    }

    /// The attendance page: the form and CSV upload, what was just recorded, and the current
    /// ATT.absence result of every stationed helper of the submissions the account sees.
    static func attendance(_ s: PortalSession, submissions: [String], status: [Audit.Absence], recorded: Int?) -> String {
        let options = submissions.map { "<option>\(esc($0))</option>" }.joined()
        let flagged = status.filter { !$0.passed }
        var result = ""
        if let recorded {
            result = "<section id=\"recorded\"><p class=\"pass\">Recorded \(recorded) half-day\(recorded == 1 ? "" : "s").</p>"
                + (flagged.isEmpty ? "<p>No stationed helper has 2 or more absences (ATT.absence holds).</p>" : "")
                + "</section>"
        }
        return page("Attendance", s, """
            \(result)\(absenceAlert(flagged.map(DashboardFigures.AbsenceRow.init)))
            <section><h1>Record attendance</h1>
            <p class="muted">One status per person and half-day: <code>present</code>, <code>justified</code> (leave, training) or <code>unjustified</code> (脱岗).
            A stationed helper with unjustified absences on 2 or more dates fails ATT.absence. A later record of the same half-day replaces the earlier one.
            The sending hospital records its people; a receiving site records the people the plan posts to it.</p>
            <form method="post" action="/attendance" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="\(esc(s.csrf))">
            <label>Submission <select name="submission" id="att-submission">\(options)</select></label>
            <label>Person (staff id) <input name="person" id="att-person"></label>
            <label>Date <input name="date" type="date" id="att-date"></label>
            <label>Half-day <select name="half"><option>am</option><option>pm</option></select></label>
            <label>Status <select name="status"><option>present</option><option>justified</option><option>unjustified</option></select></label>
            <p>— or a CSV sheet (columns <code>person, date, half, status</code>, optionally <code>submission</code>):</p>
            <label><input type="file" name="file" id="att-file"></label>
            <button class="primary" type="submit" id="att-submit">Record</button></form></section>
            <section><h2>Stationed helpers (ATT.absence now)</h2>\(status.isEmpty ? "<p class=\"muted\">No attendance of a stationed helper recorded yet.</p>" : """
            <table id="absence-status"><tr><th>submission</th><th>helper</th><th>sender</th><th>villages</th><th>unjustified dates</th><th>verdict</th></tr>\(status.map {
                "<tr><td>\(esc($0.submission))</td><td>\(esc($0.name)) <span class=\"muted\">\(esc($0.person))</span></td><td>\(esc($0.sender))</td><td>\(esc($0.villages.joined(separator: ", ")))</td><td>\($0.count)\($0.unjustifiedDates.isEmpty ? "" : ": " + $0.unjustifiedDates.map(\.iso).joined(separator: ", "))</td><td class=\"\($0.passed ? "pass" : "fail")\">\($0.passed ? "pass" : "fails ATT.absence")</td></tr>"
            }.joined())</table>
            """)</section>
            """)
    }

    /// A red banner naming every stationed helper who fails ATT.absence ("" when none does).
    static func absenceAlert(_ flagged: [DashboardFigures.AbsenceRow]) -> String {
        guard !flagged.isEmpty else { return "" }
        return "<section class=\"alert\" id=\"absence-alert\"><p class=\"fail\">ATT.absence: " + flagged.map {
            "\(esc($0.person)) \(esc($0.name)) (\(esc($0.submission))) absent without reason on \($0.count) dates (\($0.dates.joined(separator: ", ")))"
        }.joined(separator: "; ") + " — fails the annual assessment (无正当理由脱岗2次（含）以上，考核不合格).</p></section>"
    }

    static func accounts(_ s: PortalSession, _ accounts: [Account], message: String?) -> String {
        let rows = accounts.map { "<tr><td>\(esc($0.username))</td><td>\($0.role.rawValue)</td><td>\(esc($0.institution ?? ""))</td><td>\(esc($0.createdAt))</td></tr>" }.joined()
        return page("Accounts", s, """
            \(message.map { "<section><p id=\"message\">\(esc($0))</p></section>" } ?? "")
            <section><h1>Accounts</h1><table><tr><th>username</th><th>role</th><th>institution</th><th>created</th></tr>\(rows)</table></section>
            <section><h2>New account</h2><form method="post" action="/accounts"><input type="hidden" name="csrf" value="\(esc(s.csrf))">
            <label>Username <input name="username" required></label><label>Password (8 or more characters) <input name="password" type="password" required></label>
            <label>Role <select name="role"><option>hospital</option><option>commission</option></select></label>
            <label>Institution id (hospital accounts) <input name="institution"></label>
            <button class="primary" type="submit">Create</button></form></section>
            """)
    }

    /// One bar group of a chart: a label and its required, planned and served people.
    struct Bars {
        var label: String, required: Int, planned: Int, served: Int?
    }

    /// A horizontal bar chart (server-rendered SVG, no script): per group a grey bar for the
    /// people required, a green one for those planned (red when short) and a blue one for those
    /// served (orange when short), with `planned/required · served` written beside them.
    static func chart(id: String, label: String, _ groups: [Bars]) -> String {
        guard !groups.isEmpty else { return "" }
        let maxValue = max(1, groups.map { max($0.required, $0.planned, $0.served ?? 0) }.max() ?? 1)
        let rowHeight = 36, labelWidth = 360, barWidth = 560, height = groups.count * rowHeight + 34
        var svg = "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-label=\"\(esc(label))\" viewBox=\"0 0 \(labelWidth + barWidth + 90) \(height)\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"13\">"
        svg += "<title>\(esc(label))</title>"
        for (i, g) in groups.enumerated() {
            let y = i * rowHeight + 4
            func w(_ v: Int) -> Int { v == 0 ? 0 : max(2, v * barWidth / maxValue) }
            let short = g.planned < g.required || (g.served.map { $0 < g.required } ?? false)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\"\(short ? " fill=\"#b3261e\" font-weight=\"600\"" : "")>\(esc(g.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(w(g.required))\" height=\"9\" fill=\"#9aa7b4\"><title>required \(g.required)</title></rect>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 10)\" width=\"\(w(g.planned))\" height=\"9\" fill=\"\(g.planned >= g.required ? "#2f7d4a" : "#b3261e")\"><title>planned \(g.planned)</title></rect>"
            if let s = g.served {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 20)\" width=\"\(w(s))\" height=\"9\" fill=\"\(s >= g.required ? "#3d8bd1" : "#e07b00")\"><title>served \(s)</title></rect>"
            }
            svg += "<text x=\"\(labelWidth + max(w(g.required), w(g.planned), w(g.served ?? 0)) + 6)\" y=\"\(y + 17)\">\(g.planned)/\(g.required)\(g.served.map { " · \($0)" } ?? "")</text>"
        }
        let ly = groups.count * rowHeight + 22
        let legend: [(String, String)] = [("#9aa7b4", "required"), ("#2f7d4a", "planned"), ("#b3261e", "planned, short"),
                                          ("#3d8bd1", "served"), ("#e07b00", "served, short")]
        var x = 0
        for (color, text) in legend {
            svg += "<rect x=\"\(x)\" y=\"\(ly - 10)\" width=\"11\" height=\"11\" fill=\"\(color)\"/><text x=\"\(x + 15)\" y=\"\(ly)\">\(text)</text>"
            x += 30 + text.count * 7
        }
        svg += "<text x=\"\(x + 10)\" y=\"\(ly)\" fill=\"#5b6876\">figures: planned/required · served</text></svg>"
        return svg
    }

    static func dashboard(_ s: PortalSession, _ f: DashboardFigures) -> String {
        func opt(_ dict: [String: String], _ selected: String?) -> String {
            "<option value=\"\">all</option>" + dict.sorted { $0.key < $1.key }.map {
                "<option value=\"\(esc($0.key))\"\($0.key == selected ? " selected" : "")>\(esc($0.key == $0.value ? $0.key : "\($0.value) (\($0.key))"))</option>"
            }.joined()
        }
        func cls(_ v: String) -> String { v == "pass" ? "pass" : "fail" }
        let quotaRows = f.quotas.map {
            "<tr><td>\(esc($0.submission))</td><td>\(esc($0.name)) <span class=\"muted\">\(esc($0.institution))</span></td><td>\($0.tier)</td><td>\(esc($0.county))</td><td>\($0.rule)</td><td class=\"n\">\($0.base.map(String.init) ?? "")</td><td class=\"n\">\($0.required)</td><td class=\"n\">\($0.planned)</td><td class=\"n\">\($0.served.map(String.init) ?? "—")</td><td class=\"\(cls($0.verdict))\">\($0.verdict)</td></tr>"
        }.joined()
        let tierRows = f.tiers.map {
            "<tr><td>\($0.tier)</td><td class=\"n\">\($0.hospitals)</td><td class=\"n\">\($0.required)</td><td class=\"n\">\($0.planned)</td><td class=\"n\">\($0.served.map(String.init) ?? "—")</td></tr>"
        }.joined()
        let totalRows = f.totals.map {
            "<tr><td>\(esc($0.submission))</td><td>\($0.rule)</td><td class=\"n\">\($0.required)</td><td class=\"n\">\($0.planned)</td><td class=\"n\">\($0.served.map(String.init) ?? "—")</td><td class=\"\(cls($0.verdict))\">\($0.verdict)</td></tr>"
        }.joined()
        let failureRows = f.failures.map {
            "<tr><td>\(esc($0.submission))</td><td><code>\(esc($0.instance))</code></td><td>\(esc($0.subject))</td><td>\(esc($0.finding))</td><td>\(esc($0.clause))</td></tr>"
        }.joined()
        let absenceRows = f.absences.map {
            "<tr><td>\(esc($0.submission))</td><td>\(esc($0.person)) \(esc($0.name))</td><td>\(esc($0.sender))</td><td class=\"n\">\($0.count)</td><td>\($0.dates.joined(separator: ", "))</td><td class=\"\($0.passed ? "pass" : "fail")\">\($0.passed ? "pass" : "fail")</td></tr>"
        }.joined()
        return page("Dashboard", s, """
            <section><h1>Region dashboard</h1>
            <p id="overall" class="verdict \(f.passed ? "pass" : "fail")">\(f.submissions.isEmpty ? "No submissions yet" : f.passed ? "The region passes: \(f.submissions.count) submission\(f.submissions.count == 1 ? "" : "s")" : "The region fails: \(f.failures.count) failure\(f.failures.count == 1 ? "" : "s") shown")</p>
            <form method="get" action="/dashboard">County <select name="county" id="county">\(opt(f.counties, f.filter.county))</select>
            Hospital <select name="hospital" id="hospital">\(opt(f.hospitals, f.filter.hospital))</select> <button class="primary">Filter</button>
            · <a href="/summary\(filterQuery(f.filter))" id="summary-link">Annual summary (printable)</a> · <a href="/summary.csv\(filterQuery(f.filter))" id="csv-link">CSV</a></form>
            <p class="muted">Figures are <code>rota audit</code>'s on the latest version of every submission and the recorded attendance.</p></section>
            \(absenceAlert(f.absences.filter { !$0.passed }))
            <section><h2>Quotas per hospital</h2>\(chart(id: "quota-chart", label: "required, planned and served people per hospital", f.quotas.map {
                Bars(label: "\($0.name) · \($0.rule)\(Set(f.quotas.map(\.submission)).count > 1 ? " · \($0.submission)" : "")", required: $0.required, planned: $0.planned, served: $0.served)
            }))
            <table id="quotas"><tr><th>submission</th><th>hospital</th><th>tier</th><th>county</th><th>rule</th><th class="n">base</th><th class="n">required</th><th class="n">planned</th><th class="n">served</th><th>verdict</th></tr>\(quotaRows)</table></section>
            <section><h2>Tier totals</h2>\(chart(id: "tier-chart", label: "required, planned and served people per tier (the hospitals shown)", f.tiers.map {
                Bars(label: "\($0.tier) (\($0.hospitals) hospital quota\($0.hospitals == 1 ? "" : "s"))", required: $0.required, planned: $0.planned, served: $0.served)
            }))<table id="tiers"><tr><th>tier</th><th class="n">hospital quotas</th><th class="n">required</th><th class="n">planned</th><th class="n">served</th></tr>\(tierRows)</table></section>
            <section><h2>Region totals against the profile</h2>\(chart(id: "totals-chart", label: "the profile's region totals: required, planned and served", f.totals.map {
                Bars(label: "\($0.rule) · \($0.submission)", required: $0.required, planned: $0.planned, served: $0.served)
            }))<table id="totals"><tr><th>submission</th><th>rule</th><th class="n">required</th><th class="n">planned</th><th class="n">served</th><th>verdict</th></tr>\(totalRows)</table></section>
            <section><h2>Failures</h2>\(failureRows.isEmpty ? "<p class=\"pass\">None.</p>" : "<table id=\"failures\"><tr><th>submission</th><th>instance</th><th>subject</th><th>finding</th><th>clause</th></tr>\(failureRows)</table>")</section>
            <section><h2>Absences (ATT.absence)</h2>\(absenceRows.isEmpty ? "<p>No stationed helper's attendance recorded.</p>" : "<table id=\"absences\"><tr><th>submission</th><th>person</th><th>sender</th><th class=\"n\">dates</th><th>unjustified dates</th><th>verdict</th></tr>\(absenceRows)</table>")</section>
            """)
    }
}
