import RotaCore
import RotaVerifier

/// `report/hospital-ID.html`: one sending hospital's (or township centre's) own page, for its
/// HR office.
///
/// In order: the hospital's quota (its share of staff sent against the quota line, as a
/// chart and in figures); half-days its people work per week; the teams it sends (recipient,
/// dates, members, the 3331 group and its workstation); its people with their role, title,
/// duties and half-days by kind; their calendars month by month (collapsed); the rota's
/// relaxations, covers and shortfalls that concern its people or teams.
///
/// ```swift
/// HospitalReportPage.render(ctx, sender: figures.senders[0], figures: figures, names: names, rows: rows)
/// ```
enum HospitalReportPage {
    static func h(_ s: String) -> String { MarkupText.html(s) }

    static func render(_ ctx: RotaOutputContext, sender s: ReportFigures.Sender, figures: ReportFigures,
                       names: RotaReportPages.Names, rows: [ReportPageKit.CalendarRow]) -> String {
        let root = "../"
        let i = s.institution
        var out = ""
        var meta: [(String, String, String)] = [
            ("单位 Hospital", "\(i.name) (\(i.id))", ""),
            ("类型 Tier", i.tier.chineseLabel, ""),
            ("县区 County", i.county.map { figures.countyName($0) } ?? "市级 City", ""),
        ]
        if let q = s.quota {
            let share = ReportChart.hundredthsOfPercent(q.planned, of: s.base)
            meta.append(("配额 Quota", "\(q.rule)：\(q.rule == "T3.quota" ? "医务人员" : "专业技术人员") \(s.base) 人 × \(s.percent?.description ?? "?")% → 至少 \(q.required) 人", ""))
            meta.append(("已派 Planned", "\(q.planned) 人（\(ReportChart.percentText(share))），\(q.met ? "达标 meets the quota" : "未达标 short of the quota")", q.met ? "ok" : "fail"))
        }
        meta.append(("派出人员 People", String(s.people.count), ""))
        meta.append(("派出团队 Teams", String(s.teams.count), ""))
        out += ReportPageKit.meta(meta)
        if let rule = s.quota?.rule {
            out += "<p class=\"note\">\(h(RuleChineseText.text(rule, parameters: ctx.scenario.parameters)))（\(h(RuleChineseText.chineseClause(PlanVerifier.rule(rule).clause))))</p>\n"
        }

        out += "<h2 id=\"charts\">图表 Charts</h2>\n"
        if s.quota != nil { out += "<h3>派出比例 Share of staff sent</h3>\n" + RotaReportPage.quotaChart(id: "quota-chart", [s], names: names, root: root) }
        let people = Set(s.people)
        out += "<h3>每周工作量 Half-days per week</h3>\n"
        out += ReportChart.weeklyLoad(id: "load-chart", caption: "本院派出人员每周排班半天数 Half-days this hospital's people work per week.",
                                      weeks: figures.weeks, load: figures.weeklyLoad(ctx, s.people.lazy.flatMap { ctx.entries(of: $0) }))

        out += teams(ctx, s, figures: figures, names: names)
        out += peopleTable(ctx, s, figures: figures, names: names)
        out += "<h2 id=\"calendars\">人员日历 Calendars by person</h2>\n<p class=\"note\">每月一表，点击月份展开。One table a month; open a month to see it.</p>\n"
        out += ReportPageKit.calendars(ctx, idPrefix: "p", columns: ("人员 Person", "单位 Hospital"), rows: rows)

        let teamIDs = Set(s.teams.map(\.id))
        let mine = { (id: String) in people.contains(id) || teamIDs.contains(id) || id == i.id }
        out += ReportPageKit.adjustments(ctx, relaxations: ctx.rota.relaxations.filter { mine($0.subject) },
                                         covers: ctx.rota.covers.filter { people.contains($0.absent) || people.contains($0.coveredBy) },
                                         shortfalls: ctx.rota.shortfalls.filter { mine($0.subject) })
        out += ReportPageKit.legend()
        let nav = [("#charts", "图表 Charts"), ("#teams", "团队 Teams"), ("#people", "人员 People"), ("#calendars", "日历 Calendars"),
                   ("#adjustments", "放宽、顶班与缺口 Adjustments")]
        return ReportPageKit.shell(title: "\(i.name) — 派出人员 Dispatched staff", root: root, nav: nav, body: out)
    }

    /// A site's name and, when the site is in a county with a page, a link to that page.
    static func siteLink(_ ctx: RotaOutputContext, _ site: String, figures: ReportFigures, names: RotaReportPages.Names) -> String {
        let name = h(ctx.siteName(site))
        guard let c = figures.countyOfSite[site], let link = names.county(c, root: "../") else { return name }
        return "\(name) <small><a href=\"\(link)\">\(h(figures.countyName(c)))</a></small>"
    }

    private static func teams(_ ctx: RotaOutputContext, _ s: ReportFigures.Sender, figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var out = "<h2 id=\"teams\">派出团队 Teams (\(s.teams.count))</h2>\n"
        guard !s.teams.isEmpty else { return out + "<p>无。None.</p>\n" }
        out += ReportPageKit.table(columns: ["团队 Team", "层级 Tier", "受援单位 Recipient", "期间 Period", "人数 Size", "成员 Members", "3331小组与工作站 3331 group"],
                                   rows: s.teams.map { t in
                                       let members = t.members.map { "\(h(ctx.personName($0).isEmpty ? $0 : ctx.personName($0)))" }.joined(separator: "、")
                                       let g = t.group3331.map { g in
                                           "\(h(ctx.personName(g.doctor)))、\(h(ctx.personName(g.nurse)))、\(h(ctx.personName(g.pharmacist))) → \(siteLink(ctx, g.workstation, figures: figures, names: names))"
                                       } ?? ""
                                       return [h(t.id), h(t.tier), siteLink(ctx, t.recipient, figures: figures, names: names), "\(h(t.start)) – \(h(t.end))",
                                               String(t.members.count), members, g]
                                   }, numeric: [4])
        return out
    }

    static func titleLabel(_ t: Title?) -> String {
        switch t {
        case .junior?: return "初级"
        case .intermediate?: return "中级"
        case .associateSenior?: return "副高级"
        case .senior?: return "正高级"
        case nil: return ""
        }
    }

    /// A specialty in Chinese where rota knows it (`tcm` → 中医), else as written.
    static func specialtyLabel(_ s: String?) -> String {
        guard let s else { return "" }
        let known = ["general": "全科", "internal": "内科", "tcm": "中医", "surgery": "外科", "pediatrics": "儿科", "gynecology": "妇科",
                     "obstetrics": "产科", "cardiology": "心内科", "pharmacy": "药学", "nursing": "护理", "radiology": "放射科",
                     "laboratory": "检验科", "emergency": "急诊科", "orthopedics": "骨科", "ophthalmology": "眼科", "dentistry": "口腔科"]
        return known[s.lowercased()].map { "\($0) \(s)" } ?? s
    }

    private static func peopleTable(_ ctx: RotaOutputContext, _ s: ReportFigures.Sender, figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var out = "<h2 id=\"people\">派出人员 People (\(s.people.count))</h2>\n"
        guard !s.people.isEmpty else { return out + "<p>无。None.</p>\n" }
        let groups = ReportFigures.LoadGroup.allCases
        let rows: [[String]] = s.people.map { p in
            let m = ctx.staff[p]
            let duties = (figures.duties[p] ?? []).map { d in
                "\(h(d.label)) · \(d.kind == "rounds" ? h(d.site) : siteLink(ctx, d.site, figures: figures, names: names)) · \(h(d.start))–\(h(d.end))\(d.note.isEmpty ? "" : " · " + h(d.note))"
            }.joined(separator: "<br>")
            var counts = [Int](repeating: 0, count: groups.count)
            for e in ctx.entries(of: p) { counts[ReportFigures.LoadGroup(e.activity).rawValue] += 1 }
            return [ReportPageKit.heading(ctx.personName(p), p), h(m?.role.chineseLabel ?? ""), h(titleLabel(m?.title)), h(specialtyLabel(m?.specialty)),
                    duties.isEmpty ? "—" : duties] + counts.map { $0 == 0 ? "" : String($0) } + [String(counts.reduce(0, +))]
        }
        out += "<p class=\"note\">右侧为全年排班半天数（按任务类型）。Right: half-days in the year by kind.</p>\n"
        out += ReportPageKit.table(columns: ["人员 Person", "岗位 Role", "职称 Title", "专业 Specialty", "任务 Duties"] + groups.map(\.label) + ["合计 Total"],
                                   rows: rows, numeric: Set(5..<(6 + groups.count)))
        return out
    }
}
