import RotaCore
import RotaVerifier

/// What every report page shares: the page shell with its style sheet (screen and print),
/// plain tables, the calendar legend and the month-by-month calendars.
///
/// Pages have inline CSS only — no script, font, image or link outside the report — and
/// label everything in Chinese first, English after (`派驻 Stationing`). The print style
/// sheet (`@media print`) drops the navigation, opens every collapsed section
/// (`::details-content`), keeps table rows and charts whole on a page, and repeats table
/// headings on each printed page.
///
/// ```swift
/// let page = ReportPageKit.shell(title: "排班报告", root: "../", body: body)
/// ```
enum ReportPageKit {
    static func h(_ s: String) -> String { MarkupText.html(s) }

    /// A whole page: `root` is the path from the page to the output folder ("" or "../").
    static func shell(title: String, root: String, nav: [(String, String)], body: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(h(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<nav class=\"top\">"
        if !root.isEmpty { out += "<a href=\"\(root)\(RotaReportPage.fileName)\">← 总览 Overview</a> · " }
        out += nav.map { "<a href=\"\(h($0.0))\">\(h($0.1))</a>" }.joined(separator: " · ")
        out += "</nav>\n<h1>\(h(title))</h1>\n"
        out += body
        out += "</body>\n</html>\n"
        return out
    }

    /// A key–value table.
    static func meta(_ rows: [(String, String, String)]) -> String {
        var out = "<table class=\"meta\">\n"
        for (k, v, cls) in rows {
            out += "<tr><th>\(h(k))</th><td\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(h(v))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// A list table; cells are HTML already (escape text with `h`).
    static func table(columns: [String], rows: [[String]], rowClass: (Int) -> String = { _ in "" }, numeric: Set<Int> = []) -> String {
        var out = "<table class=\"list\">\n<thead><tr>"
        for c in columns { out += "<th>\(h(c))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (k, r) in rows.enumerated() {
            let cls = rowClass(k)
            out += cls.isEmpty ? "<tr>" : "<tr class=\"\(cls)\">"
            for (i, v) in r.enumerated() { out += numeric.contains(i) ? "<td class=\"n\">\(v)</td>" : "<td>\(v)</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A collapsed section.
    static func details(_ summary: String, open: Bool = false, _ body: String) -> String {
        "<details\(open ? " open" : "")><summary>\(summary)</summary>\n\(body)</details>\n"
    }

    /// Rota adjustments (relaxations, covers, shortfalls) concerning one page, collapsed.
    static func adjustments(_ ctx: RotaOutputContext, relaxations: [RotaRelaxation], covers: [RotaCover], shortfalls: [RotaShortfall]) -> String {
        var out = "<h2 id=\"adjustments\">放宽、顶班与缺口 Relaxations, covers, shortfalls</h2>\n"
        out += "<p class=\"note\">放宽：每周或每月规则因节假日或周期边界而少排的次数；顶班：请假者的每周任务由同事代为完成；缺口：无人可顶、未能满足的规则实例。</p>\n"
        out += details("缺口 Shortfalls (\(shortfalls.count))", open: !shortfalls.isEmpty, shortfalls.isEmpty ? "<p>无。None.</p>\n" : table(
            columns: ["规则 Rule", "对象 Subject", "地点 Site", "时段 Period", "应排 Required", "已排 Scheduled", "原因 Reason"],
            rows: shortfalls.map { [h($0.rule), h(ctx.label($0.subject)), h(ctx.label($0.site)), h($0.period), String($0.required), String($0.scheduled), h($0.reason)] },
            rowClass: { _ in "fail" }, numeric: [4, 5]))
        out += details("顶班 Covers (\(covers.count))", covers.isEmpty ? "<p>无。None.</p>\n" : table(
            columns: ["规则 Rule", "请假 Absent", "顶班 Covered by", "地点 Site", "周 Week"],
            rows: covers.map { [h($0.rule), h(ctx.label($0.absent)), h(ctx.label($0.coveredBy)), h(ctx.label($0.site)), h($0.week)] }))
        out += details("放宽 Relaxations (\(relaxations.count))", relaxations.isEmpty ? "<p>无。None.</p>\n" : table(
            columns: ["规则 Rule", "对象 Subject", "时段 Period", "原要求 Asked", "现要求 Required", "原因 Reason"],
            rows: relaxations.map { [h($0.rule), h(ctx.label($0.subject)), h($0.period), String($0.asked), String($0.required), h($0.reason)] },
            numeric: [3, 4]))
        return out
    }

    // MARK: Legend

    static func legend() -> String {
        var out = "<h2 id=\"legend\">图例 Legend</h2>\n<table class=\"list legend\">\n"
        out += "<thead><tr><th>代码 Code</th><th>活动 Activity</th><th>rota.csv</th></tr></thead>\n<tbody>\n"
        for a in RotaActivity.allCases {
            out += "<tr><td class=\"\(a.code)\">\(a.code)</td><td>\(h(a.bilingualLabel))</td><td>\(h(a.rawValue))</td></tr>\n"
        }
        out += "<tr><td class=\"\(CalendarCellCode.mixedClass)\">W/P</td><td>上午/下午不同 Morning / afternoon differ (· = 无 nothing)</td><td></td></tr>\n"
        out += "<tr><td class=\"S\">S/·</td><td>仅上午 Morning only</td><td></td></tr>\n"
        out += "<tr><td class=\"R\">·/R</td><td>仅下午 Afternoon only</td><td></td></tr>\n"
        out += "<tr><td class=\"P\">P6</td><td>地点日历：6 人 Site calendars: 6 people there</td><td></td></tr>\n"
        out += "<tr><td class=\"hl\"></td><td>休息日（周末、节假日）Non-working day (weekend, holiday)</td><td></td></tr>\n"
        out += "</tbody>\n</table>\n"
        out += "<p class=\"note\">上午 Morning \(HalfDayHours.morningStart.text)–\(HalfDayHours.morningEnd.text)，"
        out += "下午 Afternoon \(HalfDayHours.afternoonStart.text)–\(HalfDayHours.afternoonEnd.text)。</p>\n"
        return out
    }

    // MARK: Calendars

    /// One calendar row: its two heading cells (HTML) and each day's code and class.
    struct CalendarRow {
        var id: String
        var heading: String
        var detail: String
        var texts: [String]
        var classes: [String]
    }

    /// Every person's calendar row, in output order.
    static func personRows(_ ctx: RotaOutputContext) -> [CalendarRow] {
        var am = [[RotaActivity]](repeating: [], count: ctx.days.count), pm = am
        return ctx.people.map { person in
            var row = CalendarRow(id: person, heading: heading(ctx.personName(person), person), detail: h(ctx.hospitalName(ofPerson: person)),
                                  texts: Array(repeating: "", count: ctx.days.count), classes: Array(repeating: "", count: ctx.days.count))
            var touched: [Int] = []
            for e in ctx.entries(of: person) {
                guard let i = ctx.dayIndex(e.date) else { continue }
                if am[i].isEmpty && pm[i].isEmpty { touched.append(i) }
                if e.half == .am { am[i].append(e.activity) } else { pm[i].append(e.activity) }
            }
            for i in touched {
                (row.texts[i], row.classes[i]) = CalendarCellCode.person(am: am[i], pm: pm[i])
                am[i] = []; pm[i] = []
            }
            return row
        }
    }

    /// The calendar rows of `sites`.
    static func siteRows(_ ctx: RotaOutputContext, sites: [String]) -> [CalendarRow] {
        sites.map { site in
            let kind = ctx.institutions[site]?.tier.chineseLabel ?? "—"
            let name = ctx.institutions[site]?.name ?? ""
            var row = CalendarRow(id: site, heading: heading(name, site), detail: h(kind),
                                  texts: Array(repeating: "", count: ctx.days.count), classes: Array(repeating: "", count: ctx.days.count))
            let entries = ctx.siteEntries[site] ?? []
            var k = 0
            while k < entries.count {
                var j = k + 1
                while j < entries.count && entries[j].date == entries[k].date { j += 1 }
                defer { k = j }
                guard let i = ctx.dayIndex(entries[k].date) else { continue }
                let day = entries[k..<j]
                let am = day.filter { $0.half == .am }, pm = day.filter { $0.half == .pm }
                (row.texts[i], row.classes[i]) = CalendarCellCode.site(
                    am: am.map(\.activity), amPeople: distinctCount(am.map(\.person)),
                    pm: pm.map(\.activity), pmPeople: distinctCount(pm.map(\.person)))
            }
            return row
        }
    }

    /// Distinct values of a sorted-by-person list (site entries of one half are sorted by person).
    private static func distinctCount(_ people: [String]) -> Int {
        var n = 0, last: String? = nil
        for p in people where p != last { n += 1; last = p }
        return n
    }

    static func heading(_ name: String, _ id: String) -> String {
        name.isEmpty ? h(id) : "\(h(name)) <small>\(h(id))</small>"
    }

    /// The day-index ranges of each calendar month of the period, with `YYYY-MM`.
    static func monthRanges(_ days: [Day]) -> [(key: String, range: Range<Int>)] {
        var result: [(key: String, range: Range<Int>)] = []
        var start = 0
        while start < days.count {
            let key = days[start].monthKey
            var end = start + 1
            while end < days.count && days[end].monthKey == key { end += 1 }
            result.append((key, start..<end))
            start = end
        }
        return result
    }

    private static let weekdayNames = ["一", "二", "三", "四", "五", "六", "日"]

    /// One table per month, each in a collapsed `<details>` (its summary names the month and
    /// how many rows it has); a row with nothing in a month is left out of that month.
    /// Non-working days are shaded through `<col>` classes; each cell carries its code and
    /// one short class only.
    static func calendars(_ ctx: RotaOutputContext, idPrefix: String, columns: (String, String), rows: [CalendarRow]) -> String {
        if rows.isEmpty { return "<p>无。None.</p>\n" }
        var out = ""
        for (key, range) in monthRanges(ctx.days) {
            let shown = rows.filter { row in range.contains { !row.texts[$0].isEmpty } }
            out += "<details id=\"\(idPrefix)-\(key)\"><summary>\(key)（\(shown.count) 行 rows）</summary>\n"
            guard !shown.isEmpty else { out += "<p>无。None.</p>\n</details>\n"; continue }
            out += "<table class=\"cal\">\n<colgroup><col><col>"
            for i in range { out += ctx.working[i] ? "<col>" : "<col class=\"h\">" }
            out += "</colgroup>\n<thead><tr><th>\(h(columns.0))</th><th>\(h(columns.1))</th>"
            for i in range {
                let d = ctx.days[i]
                out += "<th>\(d.civil.day)<br>\(weekdayNames[d.weekday - 1])</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in shown {
                out += "<tr><th>"; out += row.heading; out += "</th><td class=\"d\">"; out += row.detail; out += "</td>"
                for i in range {
                    let t = row.texts[i]
                    if t.isEmpty { out += "<td></td>"; continue }
                    out += "<td class=\""; out += row.classes[i]; out += "\">"; out += t; out += "</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n</details>\n"
        }
        return out
    }

    // MARK: Style

    static let css = """
    body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1em 2em;font-size:14px;color:#222}
    h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin:1.2em 0 .3em}
    nav.top{font-size:.9em;line-height:1.8}
    table{border-collapse:collapse;margin:.4em 0}
    th,td{border:1px solid #ccc;padding:2px 5px;text-align:left;vertical-align:top}
    thead th{background:#f3f3f3}
    table.meta th{background:#f3f3f3;font-weight:normal}
    td.n{text-align:right}
    tr.fail td,td.fail,.short text.v{color:#a40000;fill:#a40000}
    tr.z td{color:#999}
    td.ok{color:#17692e}
    .q{color:#555}
    .note{color:#555;font-size:.9em}
    .toc{line-height:1.8}
    details{margin:.3em 0}summary{cursor:pointer;color:#124}
    .headline{font-size:1.1em;padding:.4em .6em;border-left:4px solid #17692e;background:#eef7ee}
    .headline.fail{border-color:#a40000;background:#fbecec}
    figure.chart{margin:.6em 0 1em;overflow-x:auto}figcaption{font-size:.85em;color:#555}
    svg text{font-size:11px;fill:#222}svg text.l{text-anchor:end}svg text.m{fill:#666}svg text.ml{font-size:13px;font-weight:bold;text-anchor:middle;fill:#124}
    svg .axis{stroke:#888}svg line.ref{stroke:#a40000;stroke-width:2}
    svg.bars rect{fill:#6b9bd1}svg.bars .short rect{fill:#e39a9a}
    svg.map rect.bg{fill:#fafaf7;stroke:#ddd}svg.map circle{stroke:#fff;stroke-width:.5}svg.map .ap{stroke:#333;stroke-dasharray:1 1}
    .vs{fill:#2e8b57;background:#2e8b57}.vw{fill:#8e44ad;background:#8e44ad}.vt{fill:#e67e22;background:#e67e22}.vr{fill:#3498db;background:#3498db}.vn{fill:#c8c8c8;background:#c8c8c8}
    svg.map rect.inst{fill:#222}
    span.key{display:inline-block;width:.9em;height:.9em;margin:0 .2em 0 .6em;vertical-align:middle;border:1px solid #fff}
    svg.load rect.P,span.key.P{fill:#6b9bd1;background:#6b9bd1}svg.load rect.W,span.key.W{fill:#b07cc6;background:#b07cc6}
    svg.load rect.S,span.key.S{fill:#5bb36a;background:#5bb36a}svg.load rect.R,span.key.R{fill:#6cc3d5;background:#6cc3d5}
    svg.load rect.T,span.key.T{fill:#f0a35e;background:#f0a35e}svg.load rect.C,span.key.C{fill:#d9779f;background:#d9779f}
    table.cal{font-size:11px}
    table.cal thead th{background:none;text-align:center;padding:1px}
    table.cal th,table.cal td{padding:0 2px;white-space:nowrap}
    table.cal td{text-align:center;font-family:ui-monospace,Menlo,Consolas,monospace;min-width:1.4em}
    table.cal td.d{text-align:left;font-family:inherit;color:#555}
    table.cal tbody th{font-weight:normal;position:sticky;left:0;background:#fff}
    table.wk td{min-width:1.6em}
    small{color:#777}
    col.h,td.hl{background:#e2e2e2}
    td.P{background:#c9dcff}td.W{background:#ffd6a5}td.E{background:#ffe3c2}td.L{background:#ffcfb0}
    td.S{background:#c8efc8}td.R{background:#d7f0f7}td.T{background:#e6d8f5}td.C{background:#f7d4e3}
    td.m{background:#fff0a8}
    @media print{
    @page{size:A4 landscape;margin:10mm}
    body{margin:0;font-size:10pt;color:#000}
    nav.top,.noprint{display:none}
    details::details-content{content-visibility:visible;display:block}
    details>summary{list-style:none;font-weight:bold}
    h2{break-after:avoid}figure.chart,tr{break-inside:avoid}
    thead{display:table-header-group}
    a{color:inherit;text-decoration:none}
    table.cal{font-size:7pt}
    }

    """
}
