import Foundation
import RotaCore
import RotaVerifier

/// `report/county-ID.html`: one county's page, for its health bureau.
///
/// In order: the county's figures (villages, population, villages covered by each kind of
/// help); a map of its villages from the scenario's coordinates, coloured by what covers them,
/// with its hospitals and township centres as squares; the quota chart of the county's own
/// senders (county hospitals, township centres), linking to their pages; half-days worked
/// per week at its sites; the receiving hospitals and centres with the teams and TCM clinics
/// they receive; the villages township by township (collapsed) with their helpers; each
/// site's half-days week by week (collapsed, day-level detail is in `sites/SITE.csv`); the
/// rota's adjustments at its sites.
///
/// A village with no coordinates of its own is drawn near its township centre (dashed
/// outline, `ap`), so the map still shows it; the chart says how many are placed so.
///
/// ```swift
/// CountyReportPage.render(ctx, county: figures.counties[0], figures: figures, names: names)
/// ```
enum CountyReportPage {
    static func h(_ s: String) -> String { MarkupText.html(s) }

    static func render(_ ctx: RotaOutputContext, county c: ReportFigures.CountyFacts, figures: ReportFigures, names: RotaReportPages.Names) -> String {
        let root = "../"
        var out = ""
        let population = c.villages.reduce(0) { $0 + ($1.population ?? 0) }
        let coveredPopulation = c.villages.reduce(0) { $0 + (c.covers[$1.id] == nil ? 0 : ($1.population ?? 0)) }
        out += ReportPageKit.meta([
            ("县区 County", "\(c.county.name) (\(c.county.id))", ""),
            ("村卫生室 Villages", "\(c.villages.count)（服务人口 \(population)）", ""),
            ("已覆盖 Covered", "\(c.covered) 村（人口 \(coveredPopulation)）", ""),
            ("派驻 Stationed", String(c.count(.station)), ""),
            ("3331工作站 Workstations", String(c.count(.workstation)), ""),
            ("业务技术帮扶 Tech support", String(c.count(.techSupport)), ""),
            ("巡回医疗 Rounds", String(c.count(.rounds)), ""),
            ("医院与卫生院 Hospitals and centres", String(c.institutions.count), ""),
            ("排班地点 Sites in the rota", String(c.sites.count), ""),
        ])

        out += "<h2 id=\"charts\">图表 Charts</h2>\n<h3>村卫生室覆盖 Villages covered</h3>\n"
        out += map(ctx, c)
        let senders = figures.senders.filter { $0.institution.county == c.county.id && $0.quota != nil }
        out += "<h3>本县派出单位的派出比例 Share of staff sent by the county's own senders</h3>\n"
        out += RotaReportPage.quotaChart(id: "quota-chart", senders, names: names, root: root)
        out += "<h3>每周工作量 Half-days per week</h3>\n"
        let sites = Set(c.sites)
        out += ReportChart.weeklyLoad(id: "load-chart", caption: "本县各地点每周排班半天数 Half-days worked per week at the county's sites.",
                                      weeks: figures.weeks, load: figures.weeklyLoad(ctx, c.sites.lazy.flatMap { ctx.siteEntries[$0] ?? [] }))

        out += receiving(ctx, c, figures: figures, names: names)
        out += villages(ctx, c, figures: figures, names: names)
        out += siteWeeks(ctx, c, figures: figures)
        out += ReportPageKit.adjustments(ctx, relaxations: ctx.rota.relaxations.filter { sites.contains($0.subject) },
                                         covers: ctx.rota.covers.filter { sites.contains($0.site) },
                                         shortfalls: ctx.rota.shortfalls.filter { sites.contains($0.site) })
        out += ReportPageKit.legend()
        let nav = [("#charts", "图表 Charts"), ("#receiving", "受援单位 Receiving sites"), ("#villages", "村卫生室 Villages"),
                   ("#weeks", "地点周表 Sites by week"), ("#adjustments", "放宽、顶班与缺口 Adjustments")]
        return ReportPageKit.shell(title: "\(c.county.name) — 县区帮扶报告 County report", root: root, nav: nav, body: out)
    }

    // MARK: Map

    /// The county's villages as map dots: at their coordinates, or around their township
    /// centre when they have none (`approximate`). Villages with no place at all are left out.
    static func villagePoints(_ ctx: RotaOutputContext, _ c: ReportFigures.CountyFacts, withTitles: Bool) -> [ReportChart.MapPoint] {
        let located = c.institutions.compactMap(\.location) + c.villages.compactMap(\.location)
        let centre = located.isEmpty ? nil : Location(lat: located.map(\.lat).reduce(0, +) / Double(located.count),
                                                      lon: located.map(\.lon).reduce(0, +) / Double(located.count))
        var unplaced: [String: [String]] = [:]
        for v in c.villages where v.location == nil { unplaced[v.township ?? "", default: []].append(v.id) }
        var points: [ReportChart.MapPoint] = []
        for v in c.villages {
            var location = v.location, approximate = false
            if location == nil, let list = unplaced[v.township ?? ""], let j = list.firstIndex(of: v.id),
               let anchor = v.township.flatMap({ ctx.institutions[$0]?.location }) ?? centre {
                let angle = 2 * Double.pi * Double(j) / Double(list.count)
                let r = 0.012 + 0.005 * Double(j % 3)
                location = Location(lat: anchor.lat + r * sin(angle), lon: anchor.lon + r * cos(angle))
                approximate = true
            }
            guard let location else { continue }
            let kinds = c.covers[v.id] ?? []
            let cls = kinds.min()?.cssClass ?? "vn"
            let title = "\(v.name)（\(v.id)）人口 \(v.population ?? 0)：\(kinds.isEmpty ? "未覆盖" : kinds.sorted().map(\.label).joined(separator: "、"))\(approximate ? "（位置按乡镇估计）" : "")"
            points.append(ReportChart.MapPoint(id: v.id, name: v.name, location: location, cssClass: cls, approximate: approximate, title: title, withTitle: withTitles))
        }
        return points
    }

    private static func map(_ ctx: RotaOutputContext, _ c: ReportFigures.CountyFacts) -> String {
        let villages = villagePoints(ctx, c, withTitles: true)
        let institutions = c.institutions.compactMap { i in
            i.location.map { ReportChart.MapPoint(id: i.id, name: i.name, location: $0, cssClass: "inst", approximate: false, square: true,
                                                  title: "\(i.name)（\(i.tier.chineseLabel)）") }
        }
        var data: [(String, String)] = [("villages", String(c.villages.count)), ("covered", String(c.covered))]
        for k in ReportFigures.Cover.allCases { data.append((k.key, String(c.count(k)))) }
        let approximate = villages.filter(\.approximate).count
        data.append(("approximate", String(approximate)))
        data.append(("unplaced", String(c.villages.count - villages.count)))
        var caption = "\(c.villages.count) 个村卫生室，\(c.covered) 个有帮扶；方块为医院和乡镇卫生院。\(c.covered) of \(c.villages.count) villages covered; squares are hospitals and centres."
        if approximate > 0 { caption += " \(approximate) 个村无坐标，画在其乡镇卫生院附近（虚线圈）。\(approximate) villages have no coordinates and are drawn near their township centre (dashed)." }
        return ReportChart.map(id: "county-map", caption: caption, points: villages + institutions, data: data)
    }

    // MARK: Tables

    private static func senderLink(_ ctx: RotaOutputContext, _ id: String, names: RotaReportPages.Names) -> String {
        let name = h(ctx.siteName(id))
        return names.hospital(id, root: "../").map { "<a href=\"\($0)\">\(name)</a>" } ?? name
    }

    private static func personLabel(_ ctx: RotaOutputContext, _ p: String) -> String {
        let n = ctx.personName(p)
        return n.isEmpty ? h(p) : h(n)
    }

    private static func receiving(_ ctx: RotaOutputContext, _ c: ReportFigures.CountyFacts, figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var out = "<h2 id=\"receiving\">受援医院与乡镇卫生院 Receiving hospitals and centres</h2>\n"
        var teamsTo: [String: [PlanTeam]] = [:], clinicsAt: [String: [PlanTCMClinic]] = [:]
        for t in ctx.plan.teams { teamsTo[t.recipient, default: []].append(t) }
        for k in ctx.plan.tcmClinics { clinicsAt[k.centre, default: []].append(k) }
        let rows: [[String]] = c.institutions.compactMap { i in
            let teams = teamsTo[i.id] ?? [], clinics = clinicsAt[i.id] ?? []
            let halfDays = ctx.siteEntries[i.id]?.count ?? 0
            guard !teams.isEmpty || !clinics.isEmpty || halfDays > 0 else { return nil }
            let t = teams.map { "\(h($0.tier)) \(senderLink(ctx, $0.sender, names: names)) \($0.members.count) 人 · \(h($0.start))–\(h($0.end))" }.joined(separator: "<br>")
            let k = clinics.map { "\(personLabel(ctx, $0.physician))（\(senderLink(ctx, $0.sender, names: names))）· \(h($0.start))–\(h($0.end))" }.joined(separator: "<br>")
            return [ReportPageKit.heading(i.name, i.id), h(i.tier.chineseLabel), t, k, String(halfDays)]
        }
        if rows.isEmpty { return out + "<p>无。None.</p>\n" }
        out += ReportPageKit.table(columns: ["单位 Site", "类型 Tier", "接收团队 Teams received", "中医坐诊 TCM clinics", "半天 Half-days"], rows: rows, numeric: [4])
        return out
    }

    /// The township an institution belongs to for grouping: a village's township, a centre itself, "" for the rest.
    private static func townshipKey(_ i: Institution?) -> String {
        guard let i else { return "" }
        return i.tier == .township ? i.id : i.township ?? ""
    }

    private static func villages(_ ctx: RotaOutputContext, _ c: ReportFigures.CountyFacts, figures: ReportFigures, names: RotaReportPages.Names) -> String {
        var out = "<h2 id=\"villages\">村卫生室 Villages</h2>\n<p class=\"note\">按乡镇分组，点击展开；只列有帮扶或符合派驻条件的村。Grouped by township; villages with help, or open to stationing.</p>\n"
        var helpers: [String: [String]] = [:]
        var villagesOfArea: [String: [String]] = [:]
        for v in c.villages { villagesOfArea[v.effectiveServiceArea, default: []].append(v.id) }
        for v in ctx.plan.villageHelpers {
            let text = "\(personLabel(ctx, v.person))（\(senderLink(ctx, v.sender, names: names))，\(h(ReportFigures.Duty(kind: v.form.rawValue, site: v.site, start: v.start, end: v.end).label))）"
            if v.form == .rounds { for village in villagesOfArea[v.site] ?? [] { helpers[village, default: []].append(text) } }
            else { helpers[v.site, default: []].append(text) }
        }
        for t in ctx.plan.teams { if let g = t.group3331 { helpers[g.workstation, default: []].append("3331工作站（\(senderLink(ctx, t.sender, names: names))）") } }
        let stationPopulation = ctx.scenario.parameters.int("T3.station-population")
        func eligible(_ v: Institution) -> Bool { (v.population ?? 0) >= stationPopulation && (!v.villageDoctor || !v.integrated) }
        var byTownship: [String: [Institution]] = [:]
        for v in c.villages where c.covers[v.id] != nil || eligible(v) { byTownship[v.township ?? "", default: []].append(v) }
        for key in byTownship.keys.sorted() {
            let list = byTownship[key]!
            let covered = list.filter { c.covers[$0.id] != nil }.count
            let rows: [[String]] = list.map { v in
                var flags: [String] = []
                if !v.villageDoctor { flags.append("无村医") }
                if !v.integrated { flags.append("未一体化") }
                if !v.licensedPhysician { flags.append("无执业医师") }
                if v.central { flags.append("中心村") }
                return [ReportPageKit.heading(v.name, v.id), String(v.population ?? 0), h(flags.joined(separator: "、")),
                        h((c.covers[v.id] ?? []).sorted().map(\.label).joined(separator: "、")),
                        (helpers[v.id] ?? []).sorted().joined(separator: "<br>")]
            }
            out += ReportPageKit.details("\(h(key.isEmpty ? "其他" : ctx.siteName(key)))：\(list.count) 村，\(covered) 村有帮扶",
                                         ReportPageKit.table(columns: ["村卫生室 Village", "人口 Population", "情况 Flags", "帮扶 Help", "帮扶人员 Helpers"],
                                                             rows: rows, rowClass: { c.covers[list[$0].id] == nil ? "fail" : "" }, numeric: [1]))
        }
        if byTownship.isEmpty { out += "<p>无。None.</p>\n" }
        return out
    }

    /// Each site's half-days week by week, township by township.
    private static func siteWeeks(_ ctx: RotaOutputContext, _ c: ReportFigures.CountyFacts, figures: ReportFigures) -> String {
        var out = "<h2 id=\"weeks\">地点周表 Sites by week</h2>\n<p class=\"note\">每格为该周在该地点排班的半天数，颜色为主要任务类型；逐日明细见 sites/ 下各地点的表。Each cell: half-days at the site that week; day-by-day detail is in sites/SITE.csv.</p>\n"
        guard !c.sites.isEmpty, let monday = figures.weeks.first else { return out + "<p>无。None.</p>\n" }
        var byTownship: [String: [String]] = [:]
        for s in c.sites { byTownship[townshipKey(ctx.institutions[s]), default: []].append(s) }
        let groups = ReportFigures.LoadGroup.allCases
        for key in byTownship.keys.sorted() {
            let sites = byTownship[key]!
            var table = "<table class=\"cal wk\">\n<thead><tr><th>地点 Site</th>"
            for w in figures.weeks { table += "<th>\(w.civil.month)/\(w.civil.day)</th>" }
            table += "</tr></thead>\n<tbody>\n"
            for s in sites {
                var counts = [[Int]](repeating: [Int](repeating: 0, count: groups.count), count: figures.weeks.count)
                for e in ctx.siteEntries[s] ?? [] {
                    guard let i = ctx.dayIndex(e.date) else { continue }
                    counts[(ctx.days[i].ordinal - monday.ordinal) / 7][ReportFigures.LoadGroup(e.activity).rawValue] += 1
                }
                table += "<tr><th>\(ReportPageKit.heading(ctx.institutions[s]?.name ?? "", s))</th>"
                for w in counts {
                    let total = w.reduce(0, +)
                    if total == 0 { table += "<td></td>"; continue }
                    let top = groups.max { (w[$0.rawValue], -$0.rawValue) < (w[$1.rawValue], -$1.rawValue) }!
                    table += "<td class=\"\(top.cssClass)\">\(total)</td>"
                }
                table += "</tr>\n"
            }
            table += "</tbody>\n</table>\n"
            out += ReportPageKit.details("\(h(key.isEmpty ? "县级医院及其他 County hospitals and others" : ctx.siteName(key)))：\(sites.count) 个地点", table)
        }
        return out
    }
}
