import RotaCore

/// The plan quality section of `report.html` (`方案质量 Plan quality`): the figures of the
/// "Plan quality" section `rota plan` prints and writes to summary.txt (`PlanQuality`), as
/// tables labelled in Chinese and English.
///
/// In order: people dispatched per tier against the proven lower bound (`DispatchLowerBound`)
/// and why a plan sends more; hospitals above their own minimum; village helpers sent by
/// county hospitals and which rules township centres cannot meet alone; hometown stationings
/// (T3.hometown); team count, size spread and teams beyond the mix tolerance; travel (median /
/// max km per form); duties per person; the soft rules' coverage. Every figure row carries
/// `data-quality` and its numbers as `data-…` attributes, so tests read them back.
///
/// ```swift
/// let html = PlanQualitySection.render(PlanQuality(plan: plan, scenario: scenario))
/// ```
enum PlanQualitySection {
    static func h(_ s: String) -> String { MarkupText.html(s) }

    /// A table row whose cells are HTML already, with `data-` attributes.
    private static func row(_ data: [(String, String)], _ cells: [String], fail: Bool = false) -> String {
        let attrs = data.map { " data-\($0.0)=\"\(h($0.1))\"" }.joined()
        return "<tr\(fail ? " class=\"fail\"" : "")\(attrs)>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }

    private static func table(_ columns: [String], _ rows: String) -> String {
        "<table class=\"list\">\n<thead><tr>" + columns.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n"
    }

    static func render(_ q: PlanQuality) -> String {
        var out = "<h2 id=\"quality\">方案质量 Plan quality</h2>\n"
        out += "<p class=\"note\">与 summary.txt 的“Plan quality”一节同样的数字：派出人数与规则所需最少人数（已证明的下界）、家乡派驻、团队规模与构成、路程、每人任务数、软性覆盖。"
            + "The figures of summary.txt's plan quality section.</p>\n"

        // People against the bound.
        let tiers: [(String, String, PlanQuality.Count)] = [("T1", "T1 三级医院→县级医院", q.people.t1), ("T2", "T2 →乡镇卫生院", q.people.t2),
                                                            ("T3", "T3 到村帮扶", q.people.t3), ("region", "全部派出人员 All dispatched", q.people.region)]
        var rows = ""
        for (id, label, c) in tiers {
            let gap = c.excess == 0 ? "达到下界 at the bound" : "+\(c.excess)"
            rows += row([("quality", "people"), ("tier", id), ("dispatched", String(c.dispatched)), ("bound", String(c.bound))],
                        [h(label), String(c.dispatched), String(c.bound), h(gap)])
        }
        out += "<h3>派出人数与下界 People dispatched against the proven lower bound</h3>\n"
        out += table(["层级 Tier", "已派 Dispatched", "至少 At least", "差额 Above the bound"], rows)
        if q.people.region.excess > 0 {
            out += "<p class=\"note\" data-quality=\"why-above\">高于下界的原因 Why above the bound: \(h(q.whyAboveBound))</p>\n"
        }
        let above = q.people.hospitalsAbove.sorted { ($0.value.excess, $1.key) > ($1.value.excess, $0.key) }
        out += "<p data-quality=\"hospitals\" data-at-minimum=\"\(q.people.hospitals - above.count)\" data-hospitals=\"\(q.people.hospitals)\">"
            + "达到本院最低人数的医院 Hospitals at their own minimum: \(q.people.hospitals - above.count) / \(q.people.hospitals)"
            + (above.isEmpty ? "" : "；高于 above it: " + h(above.map { "\($0.key) \($0.value.dispatched)/\($0.value.bound)" }.joined(separator: ", ")))
            + "</p>\n"

        // County-hospital village helpers and hometowns.
        let county = q.people.countyVillageHelpers
        var why = ""
        if county > 0 {
            why = q.people.countyHelperReasons.isEmpty
                ? "乡镇卫生院按配额已满足到村帮扶规则 Township centres meet T3 alone at their quotas; " + q.whyAboveBound
                : "乡镇卫生院按配额单独不能满足 Township centres alone at their quotas fall short: " + q.people.countyHelperReasons.joined(separator: "; ")
        }
        let t = q.hometowns
        rows = row([("quality", "county-helpers"), ("count", String(county))], [h("县级医院派出的到村帮扶人员 Village helpers sent by county hospitals"), String(county), h(why)])
        rows += row([("quality", "hometowns"), ("candidates", String(t.candidates)), ("dispatched", String(t.dispatched)), ("at-home", String(t.stationedAtHome))],
                    [h("家乡派驻 Hometowns (T3.hometown)"), "\(t.stationedAtHome) / \(t.dispatched) / \(t.candidates)",
                     h("家乡村可派驻的县级医院人员 \(t.candidates) 人，派出 \(t.dispatched) 人，在家乡派驻 \(t.stationedAtHome) 人 "
                       + "candidates with an eligible home village, dispatched, stationed at home")
                     + (t.dispatchedElsewhere.isEmpty ? "" : "；派往别处 elsewhere: " + h(t.dispatchedElsewhere.joined(separator: ", ")))],
                    fail: !t.dispatchedElsewhere.isEmpty)
        let spread = q.teams.largestSizeSpread
        let mix = q.teams.beyondMix.isEmpty ? "无 none" : q.teams.beyondMix.map { "\($0.team) \($0.count) \($0.group.rawValue) / \($0.size)" }.joined(separator: "; ")
        rows += row([("quality", "teams"), ("count", String(q.teams.count)), ("size-spread", String(spread)), ("beyond-mix", String(q.teams.beyondMix.count))],
                    [h("团队 Teams"), String(q.teams.count),
                     h("同一派出医院团队人数最大差 largest size difference in one sender: \(spread)"
                       + (q.teams.senderWithLargestSpread.map { " (\($0))" } ?? "")
                       + "；超出构成容差（本院人员比例 + \(ObjectiveSettings.format(q.teams.mixTolerancePoints)) 个百分点）mix beyond tolerance: \(mix)")],
                    fail: !q.teams.beyondMix.isEmpty)
        out += "<h3>县级医院到村帮扶、家乡派驻与团队 County helpers, hometowns and teams</h3>\n"
        out += table(["项目 Item", "数字 Figure", "说明 Detail"], rows)

        // Travel, duties, coverage.
        let forms = ["T1": "T1 团队", "T2": "T2 团队", "station": "派驻 Stationing", "rounds": "巡回医疗 Rounds",
                     "tech-support": "技术帮扶 Tech support", "tcm": "中医坐诊 TCM clinic"]
        rows = q.travel.map { r in
            row([("quality", "travel"), ("form", r.form), ("count", String(r.count)), ("median", String(r.median)), ("max", String(r.max))],
                [h(forms[r.form] ?? r.form), String(r.count), String(r.median), String(r.max)])
        }.joined()
        if !rows.isEmpty {
            out += "<h3>路程 Travel (km)</h3>\n"
            out += table(["形式 Form", "人次 Placements", "中位数 Median", "最远 Max"], rows)
        }
        out += "<p data-quality=\"duties\">每人任务数 Duties per person: "
            + q.dutiesPerPerson.keys.sorted().map { "<span data-duties=\"\($0)\" data-people=\"\(q.dutiesPerPerson[$0]!)\">\($0) 项 \(q.dutiesPerPerson[$0]!) 人</span>" }.joined(separator: "，")
            + "</p>\n"
        let coverage: [(String, String, PlanQuality.Coverage)] = [
            ("townships", "有T2团队的乡镇卫生院 Township centres with a T2 team", q.townships),
            ("villages", "有派驻人员的可派驻村 Eligible villages stationed", q.villages),
            ("clinics", "有技术帮扶的无执业医师村卫生室 Clinics without a licensed physician supported", q.clinics),
            ("areas", "有巡回医疗的服务片区 Service areas with rounds", q.areas),
        ]
        rows = coverage.map { id, label, c in
            row([("quality", "coverage"), ("of", id), ("covered", String(c.covered)), ("total", String(c.of))], [h(label), String(c.covered), String(c.of)])
        }.joined()
        out += "<h3>软性覆盖 Soft coverage</h3>\n"
        out += table(["项目 Item", "已覆盖 Covered", "共 Of"], rows)
        return out
    }
}
