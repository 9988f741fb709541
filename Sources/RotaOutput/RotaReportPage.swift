import RotaCore
import RotaVerifier
/// `report.html`: one self-contained page about the rota — its rule results and its calendars.
///
/// The page has inline CSS only (no scripts, fonts, images or links to anything outside
/// it) and every label in Chinese and English (`派驻 Stationing`). In order:
///
/// 1. **Header** — scenario, profile, period, counts of entries, people and sites, and the
///    verification verdict.
/// 2. **Rule results** (`规则核验`) — from the `VerificationReport` when one is given: pass and
///    fail counts per rule family, then every failing instance with its subject, arithmetic,
///    finding, witnesses and clause.
/// 3. The rota's **relaxations** (`放宽`), **covers** (`顶班`) and **shortfalls** (`缺口`).
/// 4. **Legend** (`图例`) of the calendar codes (`CalendarCellCode`).
/// 5. **Calendars by person** (`人员日历`) and **by site** (`地点日历`): one table per month,
///    a row per person (or site), a column per day; non-working days (weekends and holidays
///    of the scenario's calendar, less adjusted working days) are shaded through `<col>`
///    classes, and each cell carries only its code and one short class, so the page stays
///    small. A row with nothing in a month is left out of that month's table.
///
/// Every person and every site gets calendars: for a synthetic Heze-sized year (900 people,
/// 956 sites, 365 days, 276 810 half-day entries) the page is 10.4 MiB (the output tests'
/// `outputSizeProbe`), well under the 30 MB aimed at, so there is no need to keep only the
/// part-time people's calendars.
///
/// ```swift
/// let html = RotaReportPage.render(rota: rota, plan: plan, scenario: scenario, report: report)
/// try html.write(to: out.appendingPathComponent(RotaReportPage.fileName), atomically: true, encoding: .utf8)
/// ```
public enum RotaReportPage {
    public static let fileName = "report.html"

    public static func render(rota: WeeklyRota, plan: Plan, scenario: Scenario, report: VerificationReport?) -> String {
        render(RotaOutputContext(rota: rota, plan: plan, scenario: scenario), report: report)
    }

    static func render(_ ctx: RotaOutputContext, report: VerificationReport?) -> String {
        var out = ""
        out.reserveCapacity(ctx.entries.count * 12 + ctx.people.count * 400 + 65_536)
        let title = "排班报告 Rota report — \(ctx.rota.scenario.isEmpty ? ctx.plan.scenario : ctx.rota.scenario)"
        out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(h(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<h1>\(h(title))</h1>\n"
        header(&out, ctx, report)
        contents(&out, ctx)
        ruleResults(&out, ctx, report)
        rotaAdjustments(&out, ctx)
        legend(&out)
        let months = monthRanges(ctx.days)
        out += "<h2 id=\"people\">人员日历 Calendars by person</h2>\n"
        calendars(&out, ctx, months: months, idPrefix: "p", columns: ("人员 Person", "单位 Hospital"), rows: personRows(ctx))
        out += "<h2 id=\"sites\">地点日历 Calendars by site</h2>\n"
        calendars(&out, ctx, months: months, idPrefix: "s", columns: ("地点 Site", "类型 Kind"), rows: siteRows(ctx))
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    private static func header(_ out: inout String, _ ctx: RotaOutputContext, _ report: VerificationReport?) {
        let period = ctx.days.isEmpty ? "\(ctx.plan.period.start) – \(ctx.plan.period.end)"
            : "\(ctx.days.first!.iso) – \(ctx.days.last!.iso) (\(ctx.days.count) 天 days)"
        var verdict = "未提供 Not given"
        if let r = report {
            verdict = r.passed ? "全部通过 All \(r.checks.count) checks pass"
                : "\(r.failures.count) 项未通过 of \(r.checks.count) checks fail"
        }
        let rows: [(String, String, String)] = [
            ("方案 Scenario", ctx.rota.scenario.isEmpty ? ctx.plan.scenario : ctx.rota.scenario, ""),
            ("规则配置 Profile", ctx.plan.profile.isEmpty ? ctx.scenario.profile : ctx.plan.profile, ""),
            ("周期 Period", period, ""),
            ("半天条目 Half-day entries", String(ctx.entries.count), ""),
            ("人员 People", String(ctx.people.count), ""),
            ("地点 Sites", String(ctx.sites.count), ""),
            ("核验 Verification", verdict, report.map { $0.passed ? "ok" : "fail" } ?? ""),
            ("放宽 Relaxations", String(ctx.rota.relaxations.count), ""),
            ("顶班 Covers", String(ctx.rota.covers.count), ""),
            ("缺口 Shortfalls", String(ctx.rota.shortfalls.count), ctx.rota.shortfalls.isEmpty ? "" : "fail"),
        ]
        out += "<table class=\"meta\">\n"
        for (k, v, cls) in rows {
            out += "<tr><th>\(h(k))</th><td\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(h(v))</td></tr>\n"
        }
        out += "</table>\n"
    }

    private static func contents(_ out: inout String, _ ctx: RotaOutputContext) {
        out += "<p class=\"toc\"><a href=\"#rules\">规则核验 Rule results</a> · <a href=\"#relaxations\">放宽 Relaxations</a> · "
        out += "<a href=\"#covers\">顶班 Covers</a> · <a href=\"#shortfalls\">缺口 Shortfalls</a> · <a href=\"#legend\">图例 Legend</a> · "
        out += "<a href=\"#people\">人员日历 By person</a> · <a href=\"#sites\">地点日历 By site</a></p>\n"
    }

    private static func ruleResults(_ out: inout String, _ ctx: RotaOutputContext, _ report: VerificationReport?) {
        out += "<h2 id=\"rules\">规则核验 Rule results</h2>\n"
        guard let report else {
            out += "<p>未提供核验报告。No verification report was given.</p>\n"
            return
        }
        out += "<table class=\"list\">\n<thead><tr><th>规则 Rule</th><th>要求 What it asks</th><th>通过 Passed</th><th>未通过 Failed</th></tr></thead>\n<tbody>\n"
        for f in report.families {
            let cls = f.failed > 0 ? " class=\"fail\"" : f.instances == 0 ? " class=\"z\"" : ""
            out += "<tr\(cls)><td>\(h(f.rule))</td><td>\(h(f.summary))</td><td class=\"n\">\(f.passed)</td><td class=\"n\">\(f.failed)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let failures = report.failures
        out += "<h3>未通过项 Failures (\(failures.count))</h3>\n"
        guard !failures.isEmpty else {
            out += "<p>无。None.</p>\n"
            return
        }
        out += "<table class=\"list\">\n<thead><tr><th>规则实例 Instance</th><th>对象 Subject</th><th>算式 Arithmetic</th>"
        out += "<th>结论 Finding</th><th>证据 Witnesses</th><th>依据 Clause</th></tr></thead>\n<tbody>\n"
        for c in failures {
            let subject = c.subject.name.isEmpty ? c.subject.id : "\(c.subject.name) (\(c.subject.id))"
            let witnesses = c.witnesses.map { w in
                var s = "\(w.kind.rawValue) \(w.id)"
                if !w.name.isEmpty { s += " \(w.name)" }
                if !w.note.isEmpty { s += " — \(w.note)" }
                return h(s)
            }.joined(separator: "<br>")
            out += "<tr class=\"fail\"><td>\(h(c.instance))</td><td>\(h(subject))</td><td>\(h(c.arithmetic))</td>"
            out += "<td>\(h(c.finding))</td><td>\(witnesses)</td><td>\(h(c.clause))<br><span class=\"q\">\(h(c.quote))</span></td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
    }

    private static func rotaAdjustments(_ out: inout String, _ ctx: RotaOutputContext) {
        let rota = ctx.rota
        table(&out, id: "relaxations", title: "放宽 Relaxations",
              note: "每周或每月规则因节假日或周期边界而少排的次数。Weekly or monthly rules asked for less because of holidays or the period's edges.",
              columns: ["规则 Rule", "对象 Subject", "时段 Period", "原要求 Asked", "现要求 Required", "原因 Reason"],
              rows: rota.relaxations.map { [$0.rule, ctx.label($0.subject), $0.period, String($0.asked), String($0.required), $0.reason] })
        table(&out, id: "covers", title: "顶班 Covers",
              note: "请假者的每周任务由同队或同院同事代为完成。A colleague did the weekly duty of someone on leave.",
              columns: ["规则 Rule", "请假 Absent", "顶班 Covered by", "地点 Site", "周 Week"],
              rows: rota.covers.map { [$0.rule, ctx.label($0.absent), ctx.label($0.coveredBy), ctx.label($0.site), $0.week] })
        table(&out, id: "shortfalls", title: "缺口 Shortfalls", rowClass: "fail",
              note: "无人可顶、未能满足的规则实例。Rule instances the rota could not meet.",
              columns: ["规则 Rule", "对象 Subject", "地点 Site", "时段 Period", "应排 Required", "已排 Scheduled", "原因 Reason"],
              rows: rota.shortfalls.map { [$0.rule, ctx.label($0.subject), ctx.label($0.site), $0.period, String($0.required), String($0.scheduled), $0.reason] })
    }

    private static func table(_ out: inout String, id: String, title: String, rowClass: String = "", note: String,
                              columns: [String], rows: [[String]]) {
        out += "<h2 id=\"\(id)\">\(h(title)) (\(rows.count))</h2>\n<p class=\"note\">\(h(note))</p>\n"
        guard !rows.isEmpty else {
            out += "<p>无。None.</p>\n"
            return
        }
        out += "<table class=\"list\">\n<thead><tr>"
        for c in columns { out += "<th>\(h(c))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for r in rows {
            out += rowClass.isEmpty ? "<tr>" : "<tr class=\"\(rowClass)\">"
            for v in r { out += "<td>\(h(v))</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
    }

    private static func legend(_ out: inout String) {
        out += "<h2 id=\"legend\">图例 Legend</h2>\n<table class=\"list legend\">\n"
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
    }

    // MARK: Calendars

    /// One calendar row: its two heading cells (HTML) and each day's code and class.
    struct CalendarRow {
        var heading: String
        var detail: String
        var texts: [String]
        var classes: [String]
    }

    static func personRows(_ ctx: RotaOutputContext) -> [CalendarRow] {
        var am = [[RotaActivity]](repeating: [], count: ctx.days.count), pm = am
        return ctx.people.map { person in
            var row = CalendarRow(heading: heading(ctx.personName(person), person), detail: h(ctx.hospitalName(ofPerson: person)),
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

    static func siteRows(_ ctx: RotaOutputContext) -> [CalendarRow] {
        ctx.sites.map { site in
            let kind = ctx.institutions[site]?.tier.chineseLabel ?? "—"
            let name = ctx.institutions[site]?.name ?? ""
            var row = CalendarRow(heading: heading(name, site), detail: h(kind),
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

    private static func heading(_ name: String, _ id: String) -> String {
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

    private static func calendars(_ out: inout String, _ ctx: RotaOutputContext, months: [(key: String, range: Range<Int>)],
                                  idPrefix: String, columns: (String, String), rows: [CalendarRow]) {
        if rows.isEmpty { out += "<p>无。None.</p>\n"; return }
        out += "<p class=\"toc\">"
        out += months.map { "<a href=\"#\(idPrefix)-\($0.key)\">\($0.key)</a>" }.joined(separator: " · ")
        out += "</p>\n"
        for (key, range) in months {
            out += "<h3 id=\"\(idPrefix)-\(key)\">\(key)</h3>\n<table class=\"cal\">\n<colgroup><col><col>"
            for i in range { out += ctx.working[i] ? "<col>" : "<col class=\"h\">" }
            out += "</colgroup>\n<thead><tr><th>\(h(columns.0))</th><th>\(h(columns.1))</th>"
            for i in range {
                let d = ctx.days[i]
                out += "<th>\(d.civil.day)<br>\(weekdayNames[d.weekday - 1])</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in rows where range.contains(where: { !row.texts[$0].isEmpty }) {
                out += "<tr><th>"; out += row.heading; out += "</th><td class=\"d\">"; out += row.detail; out += "</td>"
                for i in range {
                    let t = row.texts[i]
                    if t.isEmpty { out += "<td></td>"; continue }
                    out += "<td class=\""; out += row.classes[i]; out += "\">"; out += t; out += "</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
    }

    // MARK: Style

    private static func h(_ s: String) -> String { MarkupText.html(s) }

    static let css = """
    body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1em 2em;font-size:14px;color:#222}
    h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin:1.2em 0 .3em}
    table{border-collapse:collapse;margin:.4em 0}
    th,td{border:1px solid #ccc;padding:2px 5px;text-align:left;vertical-align:top}
    thead th{background:#f3f3f3}
    table.meta th{background:#f3f3f3;font-weight:normal}
    td.n{text-align:right}
    tr.fail td,td.fail{color:#a40000}
    tr.z td{color:#999}
    .q{color:#555}
    .note{color:#555;font-size:.9em}
    .toc{line-height:1.8}
    table.cal{font-size:11px}
    table.cal thead th{background:none;text-align:center;padding:1px}
    table.cal th,table.cal td{padding:0 2px;white-space:nowrap}
    table.cal td{text-align:center;font-family:ui-monospace,Menlo,Consolas,monospace;min-width:1.4em}
    table.cal td.d{text-align:left;font-family:inherit;color:#555}
    table.cal tbody th{font-weight:normal;position:sticky;left:0;background:#fff}
    small{color:#777}
    col.h,td.hl{background:#e2e2e2}
    .P{background:#c9dcff}.W{background:#ffd6a5}.E{background:#ffe3c2}.L{background:#ffcfb0}
    .S{background:#c8efc8}.R{background:#d7f0f7}.T{background:#e6d8f5}.C{background:#f7d4e3}
    .m{background:#fff0a8}

    """
}
