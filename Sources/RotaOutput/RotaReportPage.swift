import Foundation
import RotaCore
import RotaVerifier

/// `report.html`: the overview of the year, and the way into the per-hospital and
/// per-county pages (`RotaReportPages`).
///
/// The page is for the commission and the planners. In order:
///
/// 1. **Header** — scenario, profile, period, people and sites, and the verification
///    headline: `全部 79497 项规则实例通过`, the count `rota plan` prints (the plan's rule
///    instances and the rota's).
/// 2. **Charts** (`图表`) — people per tier against the region totals; each hospital's share
///    of its staff sent against its quota line (1.2%, 1.6%); a map of the villages and what
///    covers them, per county; half-days worked per week.
/// 3. **Plan quality** (`方案质量`) — the figures of summary.txt's plan quality section
///    (`PlanQualitySection`): people against the proven lower bound, county-hospital village
///    helpers and why, hometowns, teams, travel, duties per person, soft coverage.
/// 4. **Hospitals** (`医院`) and **counties** (`县区`) — one row each, linking to their pages;
///    township centres grouped by county in collapsed sections.
/// 5. **Rule results** (`规则核验`) — each rule family in Chinese with the scenario's numbers
///    (`每个T1帮扶团队（三级医院→县级医院）至少6人`), its document number and clause, pass and
///    fail counts; then the failing instances (at most `failureRows`).
/// 6. **Relaxations, covers, shortfalls** — counted per rule; shortfalls listed.
/// 7. **Legend**, and the calendars of anyone or any site no page holds (a person the
///    scenario does not know, a site outside every county).
///
/// ```swift
/// let html = RotaReportPage.render(rota: rota, plan: plan, scenario: scenario, report: report)
/// ```
public enum RotaReportPage {
    public static let fileName = "report.html"
    /// Failing instances listed on the page at most; the proof has them all.
    static let failureRows = 200

    /// The overview page alone (the other pages come from `RotaOutputs.files`).
    public static func render(rota: WeeklyRota, plan: Plan, scenario: Scenario, report: VerificationReport?) -> String {
        let ctx = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
        let figures = ReportFigures(ctx)
        return render(ctx, report: report, figures: figures, names: RotaReportPages.Names(figures), rows: ReportPageKit.personRows(ctx))
    }

    static func h(_ s: String) -> String { MarkupText.html(s) }

    static func render(_ ctx: RotaOutputContext, report: VerificationReport?, figures: ReportFigures,
                       names: RotaReportPages.Names, rows: [ReportPageKit.CalendarRow]) -> String {
        let title = "排班报告 Rota report — \(ctx.rota.scenario.isEmpty ? ctx.plan.scenario : ctx.rota.scenario)"
        var out = ""
        out += header(ctx, report)
        out += "<h2 id=\"charts\">图表 Charts</h2>\n"
        out += totalsChart(figures)
        let hospitals = figures.senders.filter { $0.quota != nil && $0.institution.tier != .township }
        out += "<h3>各医院派出比例 Share of staff sent, per hospital</h3>\n"
        out += quotaChart(id: "quota-chart", hospitals, names: names, root: "")
        out += "<h3>村卫生室覆盖 Villages covered</h3>\n"
        out += regionMap(ctx, figures, names: names)
        out += "<h3>每周工作量 Half-days per week</h3>\n"
        out += ReportChart.weeklyLoad(id: "load-chart", caption: "全部人员每周排班半天数 Half-days worked per week, everyone.",
                                      weeks: figures.weeks, load: figures.weeklyLoad(ctx, ctx.entries))
        out += PlanQualitySection.render(PlanQuality(plan: ctx.plan, scenario: ctx.scenario))
        out += hospitalTable(figures, names: names)
        out += countyTable(figures, names: names)
        out += ruleResults(ctx, report)
        out += adjustmentSummary(ctx)
        out += ReportPageKit.legend()
        out += unassigned(ctx, figures, rows: rows)
        let nav = [("#charts", "图表 Charts"), ("#quality", "方案质量 Plan quality"), ("#hospitals", "医院 Hospitals"), ("#counties", "县区 Counties"),
                   ("#rules", "规则核验 Rule results"), ("#adjustments", "放宽、顶班与缺口 Adjustments"), ("#legend", "图例 Legend")]
        return ReportPageKit.shell(title: title, root: "", nav: nav, body: out)
    }

    // MARK: Header

    /// The verification headline: every rule instance of the plan and the rota, as `rota plan` counts them.
    static func headline(_ report: VerificationReport?) -> String {
        guard let r = report else { return "<p class=\"headline\">核验 Verification: 未提供 Not given</p>\n" }
        let all = r.allChecks.count, plan = r.checks.count, rota = r.rota?.checks.count
        let failed = r.failures.count
        let parts = rota.map { "（计划 plan \(plan) + 排班 rota \($0)）" } ?? "（计划 plan \(plan)）"
        let text = failed == 0 ? "全部 \(all) 项规则实例通过 All \(all) rule instances hold"
            : "\(all) 项规则实例中 \(failed) 项未通过 \(failed) of \(all) rule instances fail"
        return "<p class=\"headline\(failed == 0 ? "" : " fail")\" id=\"headline\" data-instances=\"\(all)\" data-failed=\"\(failed)\">\(h(text))\(parts)</p>\n"
    }

    private static func header(_ ctx: RotaOutputContext, _ report: VerificationReport?) -> String {
        let period = ctx.days.isEmpty ? "\(ctx.plan.period.start) – \(ctx.plan.period.end)"
            : "\(ctx.days.first!.iso) – \(ctx.days.last!.iso) (\(ctx.days.count) 天 days)"
        var out = headline(report)
        out += ReportPageKit.meta([
            ("方案 Scenario", ctx.rota.scenario.isEmpty ? ctx.plan.scenario : ctx.rota.scenario, ""),
            ("规则配置 Profile", ctx.plan.profile.isEmpty ? ctx.scenario.profile : ctx.plan.profile, ""),
            ("周期 Period", period, ""),
            ("半天条目 Half-day entries", String(ctx.entries.count), ""),
            ("人员 People", String(ctx.people.count), ""),
            ("地点 Sites", String(ctx.sites.count), ""),
            ("放宽 Relaxations", String(ctx.rota.relaxations.count), ""),
            ("顶班 Covers", String(ctx.rota.covers.count), ""),
            ("缺口 Shortfalls", String(ctx.rota.shortfalls.count), ctx.rota.shortfalls.isEmpty ? "" : "fail"),
        ])
        return out
    }

    // MARK: Charts

    /// People per tier against the region totals (`PlanSummary.totals`).
    static func totalsChart(_ figures: ReportFigures) -> String {
        let labels = ["T1.total": "T1 三级医院→县级医院", "T2.total": "T2 →乡镇卫生院", "T3.total": "T3 到村帮扶",
                      "T3.total.stationed": "T3 其中派驻", "REGION.total": "全部派出人员"]
        let rows = figures.summary.totals.map { t in
            ReportChart.BarRow(label: labels[t.rule] ?? t.name, value: t.planned * 100, valueText: "\(t.planned) / \(t.required) 人",
                               reference: t.required * 100,
                               title: "\(labels[t.rule] ?? t.name)（\(t.rule)）：已派 \(t.planned) 人，要求至少 \(t.required) 人，\(t.met ? "达标" : "未达标")",
                               met: t.met, data: [("rule", t.rule), ("planned", String(t.planned)), ("required", String(t.required))])
        }
        return "<h3>各级人员与总数要求 People per tier against the totals</h3>\n"
            + ReportChart.bars(id: "totals-chart", caption: "条形为已派人数，红线为规则要求的最少人数。Bars: people planned; red tick: the total required.", rows: rows)
    }

    /// A percentage as hundredths of a percent (1.2% → 120).
    static func hundredths(_ p: ExactPercent) -> Int {
        var v = p.units * 100, s = p.scale
        while s > 0 { v /= 10; s -= 1 }
        return v
    }

    /// Each sender's share of its staff sent, against its quota line.
    static func quotaChart(id: String, _ senders: [ReportFigures.Sender], names: RotaReportPages.Names, root: String) -> String {
        let rows: [ReportChart.BarRow] = senders.compactMap { s in
            guard let q = s.quota else { return nil }
            let share = ReportChart.hundredthsOfPercent(q.planned, of: s.base)
            let line = s.percent.map(hundredths) ?? 0
            let staff = q.rule == "T3.quota" ? "医务人员" : "专业技术人员"
            return ReportChart.BarRow(
                label: s.institution.name, href: names.hospital(s.id, root: root), value: share,
                valueText: "\(ReportChart.percentText(share)) (\(q.planned)/\(q.required))", reference: line,
                title: "\(s.institution.name)（\(q.rule)）：派出 \(q.planned) 人 / \(staff) \(s.base) 人 = \(ReportChart.percentText(share))；配额 \(s.percent?.description ?? "?")% → 至少 \(q.required) 人，\(q.met ? "达标" : "未达标")",
                met: q.met,
                data: [("id", s.id), ("rule", q.rule), ("base", String(s.base)), ("planned", String(q.planned)),
                       ("required", String(q.required)), ("share", ReportChart.percentText(share)), ("quota", (s.percent?.description ?? "") + "%")])
        }
        if rows.isEmpty { return "<p>无配额。No quota here.</p>\n" }
        let met = rows.filter(\.met).count
        return ReportChart.bars(id: id, caption: "条形为派出人数占本院人员的比例，红线为配额（T1 三级医院 1.2%、T2 1.6%、T3 乡镇卫生院 6%，以本方案参数为准）；括号内为已派/应派人数。\(met)/\(rows.count) 达标。Bars: share of staff sent; red tick: the quota line.",
                                rows: rows, data: [("met", String(met))])
    }

    /// The villages of every county, coloured by cover, one label per county linking to its page.
    static func regionMap(_ ctx: RotaOutputContext, _ figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var points: [ReportChart.MapPoint] = [], labels: [ReportChart.MapLabel] = []
        var villages = 0, covered = 0
        for c in figures.counties {
            let p = CountyReportPage.villagePoints(ctx, c, withTitles: false)
            points += p
            villages += c.villages.count; covered += c.covered
            if !p.isEmpty {
                let lat = p.map(\.location.lat).reduce(0, +) / Double(p.count), lon = p.map(\.location.lon).reduce(0, +) / Double(p.count)
                labels.append(ReportChart.MapLabel(text: c.county.name, location: Location(lat: lat, lon: lon), href: names.county(c.county.id, root: "")))
            }
        }
        var data: [(String, String)] = [("villages", String(villages)), ("covered", String(covered))]
        for k in ReportFigures.Cover.allCases { data.append((k.key, String(figures.counties.reduce(0) { $0 + $1.count(k) }))) }
        return ReportChart.map(id: "region-map", caption: "\(villages) 个村卫生室，\(covered) 个有帮扶（点击县区名打开县区页）。\(covered) of \(villages) villages covered.",
                               points: points, labels: labels, data: data)
    }

    // MARK: Tables

    private static func quotaCells(_ s: ReportFigures.Sender) -> [String] {
        guard let q = s.quota else { return ["—", "", "", "", "", ""] }
        let share = ReportChart.hundredthsOfPercent(q.planned, of: s.base)
        return [h(q.rule), String(s.base), String(q.required), String(q.planned), ReportChart.percentText(share),
                q.met ? "达标 ok" : "未达标 short"]
    }

    static func hospitalTable(_ figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var out = "<h2 id=\"hospitals\">医院 Hospitals</h2>\n<p class=\"note\">每家派出单位一页：本院的配额、派出人员与团队、人员日历。One page per sending hospital: its quota, people, teams and calendars.</p>\n"
        let columns = ["单位 Hospital", "类型 Tier", "县区 County", "配额 Quota", "基数 Staff", "应派 Required", "已派 Planned", "比例 Share", "结果 Result", "人员 People"]
        func row(_ s: ReportFigures.Sender) -> [String] {
            let link = names.hospital(s.id, root: "").map { "<a href=\"\($0)\">\(h(s.institution.name))</a>" } ?? h(s.institution.name)
            let county = s.institution.county.map { figures.countyName($0) } ?? "市级"
            return [link + " <small>\(h(s.id))</small>", h(s.institution.tier.chineseLabel), h(county)] + quotaCells(s) + [String(s.people.count)]
        }
        let hospitals = figures.senders.filter { $0.institution.tier != .township }
        out += ReportPageKit.table(columns: columns, rows: hospitals.map(row), rowClass: { hospitals[$0].quota?.met == false ? "fail" : "" }, numeric: [4, 5, 6, 7, 9])
        let centres = figures.senders.filter { $0.institution.tier == .township }
        if !centres.isEmpty {
            let met = centres.filter { $0.quota?.met ?? true }.count
            out += "<h3>乡镇卫生院 Township centres (\(centres.count)，\(met) 家达标 meet their quota)</h3>\n"
            for c in figures.counties {
                let mine = centres.filter { $0.institution.county == c.county.id }
                guard !mine.isEmpty else { continue }
                let short = mine.filter { $0.quota?.met == false }.count
                out += ReportPageKit.details("\(h(c.county.name))：\(mine.count) 家\(short > 0 ? "，\(short) 家未达标" : "")",
                                             ReportPageKit.table(columns: columns, rows: mine.map(row), rowClass: { mine[$0].quota?.met == false ? "fail" : "" }, numeric: [4, 5, 6, 7, 9]))
            }
            let elsewhere = centres.filter { c in !figures.counties.contains { $0.county.id == c.institution.county } }
            if !elsewhere.isEmpty {
                out += ReportPageKit.details("其他 Other (\(elsewhere.count))", ReportPageKit.table(columns: columns, rows: elsewhere.map(row), numeric: [4, 5, 6, 7, 9]))
            }
        }
        return out
    }

    static func countyTable(_ figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var out = "<h2 id=\"counties\">县区 Counties</h2>\n<p class=\"note\">每个县区一页：接收帮扶的单位、覆盖的村、每周地点安排。One page per county: its receiving sites, villages covered and totals.</p>\n"
        let rows: [[String]] = figures.counties.map { c in
            let link = names.county(c.county.id, root: "").map { "<a href=\"\($0)\">\(h(c.county.name))</a>" } ?? h(c.county.name)
            let centres = figures.senders.filter { $0.institution.county == c.county.id && $0.institution.tier == .township && $0.quota != nil }
            return [link + " <small>\(h(c.county.id))</small>", String(c.villages.count), String(c.covered),
                    String(c.count(.station)), String(c.count(.workstation)), String(c.count(.techSupport)), String(c.count(.rounds)),
                    String(c.sites.count), "\(centres.filter { $0.quota!.met }.count)/\(centres.count)"]
        }
        out += ReportPageKit.table(columns: ["县区 County", "村卫生室 Villages", "已覆盖 Covered", "派驻 Stationed", "3331工作站", "技术帮扶 Tech support",
                                             "巡回医疗 Rounds", "排班地点 Sites", "T3达标 T3 quota met"],
                                   rows: rows, numeric: [1, 2, 3, 4, 5, 6, 7])
        return out
    }

    // MARK: Rule results

    static func ruleResults(_ ctx: RotaOutputContext, _ report: VerificationReport?) -> String {
        var out = "<h2 id=\"rules\">规则核验 Rule results</h2>\n"
        guard let report else { return out + "<p>未提供核验报告。No verification report was given.</p>\n" }
        out += "<p class=\"note\">每条规则的要求按本方案的参数写出，依据为文件文号与条款。Each rule in Chinese with this scenario's numbers, its document number and clause.</p>\n"
        var families: [(scope: String, f: FamilySummary)] = report.families.map { ("计划 plan", $0) }
        if let rota = report.rota { families += rota.families.map { ("排班 rota", $0) } }
        let rows: [[String]] = families.map { scope, f in
            let rule = PlanVerifier.rule(f.rule)
            let zh = RuleChineseText.text(f.rule, parameters: ctx.scenario.parameters, fallback: f.summary)
            let quote = rule.quote.isEmpty ? "" : "<br><span class=\"q\">“\(h(rule.quote))”</span>"
            return [h(f.rule), h(scope), "\(h(zh))<br><small>\(h(f.summary))</small>", h(RuleChineseText.chineseClause(rule.clause)) + quote,
                    String(f.passed), String(f.failed)]
        }
        out += ReportPageKit.table(columns: ["规则 Rule", "范围 Scope", "要求 What it asks", "依据 Clause", "通过 Passed", "未通过 Failed"], rows: rows,
                                   rowClass: { families[$0].f.failed > 0 ? "fail" : families[$0].f.instances == 0 ? "z" : "" }, numeric: [4, 5])
        let failures = report.failures
        out += "<h3>未通过项 Failures (\(failures.count))</h3>\n"
        guard !failures.isEmpty else { return out + "<p>无。None.</p>\n" }
        let shown = failures.prefix(failureRows)
        if shown.count < failures.count {
            out += "<p class=\"note\">只列前 \(shown.count) 项，全部见 proof.jsonl.gz 或 rota verify。The first \(shown.count) are listed.</p>\n"
        }
        let rowsF: [[String]] = shown.map { c in
            let subject = c.subject.name.isEmpty ? c.subject.id : "\(c.subject.name) (\(c.subject.id))"
            let witnesses = c.witnesses.map { w in
                var s = "\(w.kind.rawValue) \(w.id)"
                if !w.name.isEmpty { s += " \(w.name)" }
                if !w.note.isEmpty { s += " — \(w.note)" }
                return h(s)
            }.joined(separator: "<br>")
            return [h(c.instance), h(subject), h(c.arithmetic), h(c.finding), witnesses,
                    "\(h(RuleChineseText.chineseClause(c.clause)))<br><span class=\"q\">\(h(c.quote))</span>"]
        }
        out += ReportPageKit.table(columns: ["规则实例 Instance", "对象 Subject", "算式 Arithmetic", "结论 Finding", "证据 Witnesses", "依据 Clause"],
                                   rows: rowsF, rowClass: { _ in "fail" })
        return out
    }

    // MARK: Adjustments

    static func adjustmentSummary(_ ctx: RotaOutputContext) -> String {
        let rota = ctx.rota
        var out = "<h2 id=\"adjustments\">放宽、顶班与缺口 Relaxations, covers, shortfalls</h2>\n"
        out += "<p class=\"note\">按规则计数；明细在各医院页和县区页。放宽：每周或每月规则因节假日或周期边界而少排的次数；顶班：请假者的每周任务由同队或同院同事代为完成；缺口：无人可顶、未能满足的规则实例。Counted per rule; each hospital's and county's page lists its own.</p>\n"
        var counts: [String: (Int, Int, Int)] = [:]
        for r in rota.relaxations { counts[r.rule, default: (0, 0, 0)].0 += 1 }
        for c in rota.covers { counts[c.rule, default: (0, 0, 0)].1 += 1 }
        for s in rota.shortfalls { counts[s.rule, default: (0, 0, 0)].2 += 1 }
        let rules = counts.keys.sorted()
        if rules.isEmpty { return out + "<p>无。None.</p>\n" }
        out += ReportPageKit.table(columns: ["规则 Rule", "要求 What it asks", "放宽 Relaxations", "顶班 Covers", "缺口 Shortfalls"],
                                   rows: rules.map { r in
                                       let c = counts[r]!
                                       return [h(r), h(RuleChineseText.text(r, parameters: ctx.scenario.parameters, fallback: PlanVerifier.rule(r).summary)),
                                               String(c.0), String(c.1), String(c.2)]
                                   }, rowClass: { counts[rules[$0]]!.2 > 0 ? "fail" : "" }, numeric: [2, 3, 4])
        if !rota.shortfalls.isEmpty {
            let shown = Array(rota.shortfalls.prefix(failureRows))
            out += ReportPageKit.details("缺口 Shortfalls (\(rota.shortfalls.count))", open: true, ReportPageKit.table(
                columns: ["规则 Rule", "对象 Subject", "地点 Site", "时段 Period", "应排 Required", "已排 Scheduled", "原因 Reason"],
                rows: shown.map { [h($0.rule), h(ctx.label($0.subject)), h(ctx.label($0.site)), h($0.period), String($0.required), String($0.scheduled), h($0.reason)] },
                rowClass: { _ in "fail" }, numeric: [4, 5]))
        }
        return out
    }

    // MARK: Unassigned

    /// Calendars of people no hospital page holds and of sites no county page holds.
    static func unassigned(_ ctx: RotaOutputContext, _ figures: ReportFigures, rows: [ReportPageKit.CalendarRow]) -> String {
        let senders = Set(figures.senders.map(\.id))
        let people = rows.filter { !senders.contains(ctx.hospitalID(ofPerson: $0.id)) }
        let sites = ctx.sites.filter { figures.countyOfSite[$0] == nil }
        guard !people.isEmpty || !sites.isEmpty else { return "" }
        var out = "<h2 id=\"unassigned\">未归属 Not on any page</h2>\n<p class=\"note\">不属于任何医院页的人员、不在任何县区的地点。People no hospital page holds; sites outside every county.</p>\n"
        if !people.isEmpty {
            out += "<h3>人员日历 Calendars by person (\(people.count))</h3>\n"
            out += ReportPageKit.calendars(ctx, idPrefix: "p", columns: ("人员 Person", "单位 Hospital"), rows: people)
        }
        if !sites.isEmpty {
            out += "<h3>地点日历 Calendars by site (\(sites.count))</h3>\n"
            out += ReportPageKit.calendars(ctx, idPrefix: "s", columns: ("地点 Site", "类型 Kind"), rows: ReportPageKit.siteRows(ctx, sites: sites))
        }
        return out
    }
}

extension ReportFigures {
    /// A county's name by id.
    func countyName(_ id: String) -> String { counties.first { $0.county.id == id }?.county.name ?? id }
}
