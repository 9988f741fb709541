/// Each rule's plain-language Chinese text, as a hospital office or a commission reads it.
///
/// The texts follow the seed documents' own wording (菏卫发〔2024〕2号 附件3 and the district
/// and county versions): "每个团队至少6人", "每周巡诊不少于2次，每次不少于半天". Where a rule
/// reads a parameter, the text names it as `{KEY}` and `text(_:parameters:)` puts the
/// scenario's value in its place, so a page says `每个T1团队至少6人` and never `T1.team-size`.
/// The verifiers' own rules (`PLAN.integrity`, `ROTA.integrity`, `ROTA.posting`) have texts
/// too. A rule with no text here (none today; a test checks every id) falls back to its
/// English summary.
///
/// Clauses are cited by document number (文号): `chineseClause(_:)` turns the catalogue's
/// "rules.md, … (reading)" for rules that rest on a reading of rules.md into Chinese.
///
/// ```swift
/// RuleChineseText.text("T1.team-size", parameters: scenario.parameters)   // "每个T1帮扶团队至少6人"
/// RuleChineseText.chineseClause("菏卫发〔2024〕2号 附件3 §二(一)")          // unchanged
/// ```
public enum RuleChineseText {
    /// The template of each rule id, `{KEY}` standing for a parameter's value.
    public static let templates: [String: String] = [
        "PLAN.integrity": "计划只列方案中的人员和单位，日期可读且在周期内，每个团队只列一次，每人每队只列一次，同一时间只在一处",
        "ROTA.integrity": "排班只列方案中的人员和地点，只排周期内的工作日，不排请假日，每人每半天只在一处，每条都是计划内的任务或顶班",
        "ROTA.posting": "派驻团队成员在派驻期间的每个工作日都在受援单位（3331巡诊日和本中心中医坐诊除外）",
        "T1.team-size": "每个T1帮扶团队（三级医院→县级医院）至少{T1.team-size}人",
        "T1.team-mix": "每个T1帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成",
        "T1.duration": "每次T1派驻连续不少于{T1.duration-months}个月",
        "T1.one-sender": "一个T1帮扶团队的成员由同一家三级医院选派",
        "T1.quota": "每家三级医院选派帮扶人员数量不低于本院专业技术人员的{T1.quota}%",
        "T1.total": "全市每年选派到县级医院的T1帮扶人员不少于{T1.total}人",
        "T1.3331": "每个T1团队的医师、护士、药师3人帮扶小组在受援县的中心村卫生室设名医基层工作站，以巡诊、带教、授课3种方式帮扶，每月不少于{T1.3331.visits-per-month}次，每次不少于1天",
        "T1.locality": "T1团队派往县级医院；3331工作站设在受援县的中心村卫生室",
        "T2.team-size": "每个T2帮扶团队（二级医院、县级医院→乡镇卫生院）至少{T2.team-size}人",
        "T2.team-mix": "每个T2帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成",
        "T2.duration": "每次T2派驻连续不少于{T2.duration-months}个月",
        "T2.one-sender": "一个T2帮扶团队的成员由同一家医院选派",
        "T2.quota": "每家二级医院和县级医院下沉人员数量不低于本院专业技术人员的{T2.quota}%",
        "T2.total": "全市每年下沉到乡镇卫生院的T2人员不少于{T2.total}人",
        "T2.coverage": "帮扶团队尽量覆盖更多乡镇卫生院（软性要求，只报告）",
        "T2.locality": "县级医院帮扶本县的乡镇卫生院；市级医院不限县区",
        "T3.station-target": "派驻面向服务人口{T3.station-population}人以上、无村医或一体化村卫生室未覆盖的行政村，每村1人",
        "T3.station-days": "派驻人员每周在村工作不少于{T3.station-days-per-week}日，每日不少于半天",
        "T3.station-continuity": "派驻人员在同一行政村至少连续服务{T3.station-months}个月",
        "T3.rounds": "巡回医疗人员每周巡诊不少于{T3.rounds-per-week}次，每次不少于半天，在本乡镇或本县的家庭医生团队服务片区内",
        "T3.tech-support": "业务技术帮扶面向无执业（助理）医师的村卫生室，每周到村不少于{T3.tech-support-per-week}次，每次不少于半天",
        "T3.part-time-duration": "巡回医疗或业务技术帮扶任务在周期内至少持续{T3.part-time-months}个月，才计入当年到村帮扶人员",
        "T3.locality": "县级医院在本县、乡镇卫生院在本乡镇派出到村帮扶人员",
        "T3.quota": "乡镇卫生院到村卫生室巡诊、派驻人员数量不低于全院医务人员数量的{T3.quota}%",
        "T3.total": "全市每年到村帮扶人员（派驻、巡回医疗、业务技术帮扶）不少于{T3.total}人",
        "T3.total.stationed": "全市每年派驻到村人员不少于{T3.total.stationed}人",
        "T3.hometown": "鼓励县级医院医务人员到家乡所在地村卫生室长期派驻（优先考虑）",
        "T3.scope": "到村帮扶人员执业范围以全科、内科、中医等为主（优先考虑，只报告）",
        "TCM.weekly": "至少有1名上级医院高级职称中医类别医师到中医特色乡镇卫生院的中医馆（国医堂）坐诊指导，每周不少于{TCM.per-week}次，每次不少于半天",
        "TCM.locality": "中医坐诊医师来自市级医院或本县的县级医院",
        "REGION.total": "全市每年选派医务人员（T1、T2、T3合计，每人只计一次）不少于{REGION.total}人",
        "PERSON.one-posting": "每人同时至多担任一项全职派驻，派驻期间不兼其他任务（3331巡诊和本中心中医坐诊除外）",
        "PERSON.leave": "全职派驻与本人请假重叠的工作日不超过{posting.max-leave-days}天",
        "ATT.absence": "无正当理由脱岗2次（含）以上的派驻人员，年度考核结果认定为不合格",
        "NORM.village-doctors": "各县区村医按每千服务人口不少于1名（1–1.5名）配备",
        "NORM.township-posts": "乡镇卫生院岗位按每千服务人口1–1.5个配备，专业技术岗位不低于90%",
        "NORM.licensed": "具备执业（助理）医师资格的村医比例不低于50%",
        "NORM.directed-posts": "县级牵头医院预留5%—10%的岗位作为基层定向岗位，服务不少于2年",
    ]

    /// The rule's Chinese text with the scenario's parameter values in place; the English
    /// summary when there is no Chinese text for `id`.
    public static func text(_ id: String, parameters: Parameters, fallback: String = "") -> String {
        guard let template = templates[id] else { return fallback.isEmpty ? id : fallback }
        return filled(template, parameters: parameters)
    }

    /// `template` with each `{KEY}` replaced by the parameter's value (the key itself when the
    /// scenario has no such parameter).
    static func filled(_ template: String, parameters: Parameters) -> String {
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let key = String(rest[rest.index(after: open)..<close])
            out += parameters.values[key]?.description ?? key
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The clause as a Chinese reader expects it: document numbers stay as they are; the
    /// catalogue's readings of rules.md become `rules.md 解读（…）`.
    public static func chineseClause(_ clause: String) -> String {
        clause
            .replacing("rules.md, Who may serve where (reading)", with: "规则解读：rules.md「谁可以去哪里」")
            .replacing("rules.md, Time and Who may serve where (reading)", with: "规则解读：rules.md「时间」「谁可以去哪里」")
            .replacing(" (reading of 县域医共体网格布局)", with: "（解读：县域医共体网格布局）")
            .replacing("; docs/", with: "；docs/")
            .replacing("; ", with: "；")
    }
}
