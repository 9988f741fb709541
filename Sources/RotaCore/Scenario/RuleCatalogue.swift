/// One rule of the catalogue: a stable id, what it asks, and the clause it rests on.
public struct Rule: Sendable, Hashable {
    /// Stable id from `rules.md`, e.g. `T1.quota`.
    public let id: String
    /// What the rule asks, in a planner's words.
    public let summary: String
    /// Source document by its number (文号) and clause, e.g. `菏卫发〔2024〕2号 附件3 §二(一)`.
    public let clause: String
    /// The Chinese text the rule rests on.
    public let quote: String
    /// Parameter keys the rule reads.
    public let parameters: [String]

    public init(id: String, summary: String, clause: String, quote: String, parameters: [String]) {
        self.id = id; self.summary = summary; self.clause = clause; self.quote = quote; self.parameters = parameters
    }
}

/// Every rule rota models and checks, by id.
///
/// Ids and quotes follow `docs/reference/rules.md`. A few ids name readings that rules.md states
/// in prose ("Who may serve where"): `PERSON.one-posting`, `PERSON.leave`, `T3.locality`,
/// `TCM.locality`, `T1.locality`; they are marked as readings in their clause.
public enum RuleCatalogue {
    static let heze = "菏卫发〔2024〕2号 附件3"
    /// The documents by their numbers (文号), as a commission cites them; Lingang's notice has
    /// none and is named by its issuer and date.
    static let mudan = "菏区卫发〔2024〕50号", yanggu = "阳卫发〔2024〕3号", jining = "济政办字〔2024〕33号"
    static let lingang = "临港区党政办公室 2024-12-03 通知"
    static let reading = "rules.md, Who may serve where (reading)"

    public static let rules: [Rule] = [
        Rule(id: "T1.team-size", summary: "each T1 team has at least T1.team-size people", clause: "\(heze) §二(一)", quote: "每个团队至少6人", parameters: ["T1.team-size"]),
        Rule(id: "T1.team-mix", summary: "each T1 team has a doctor, a nurse and a medical-technical member", clause: "\(heze) §二(一)", quote: "帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成", parameters: []),
        Rule(id: "T1.duration", summary: "each T1 posting lasts at least T1.duration-months, continuously", clause: "\(heze) §二(一)", quote: "每次派驻时间不少于1年", parameters: ["T1.duration-months"]),
        Rule(id: "T1.one-sender", summary: "all members of a T1 team come from one tertiary hospital", clause: "\(heze) §二(一)", quote: "一个帮扶团队原则上由同一家帮扶医院选派", parameters: []),
        Rule(id: "T1.quota", summary: "each tertiary hospital sends at least T1.quota % of its technical staff", clause: "\(heze) §二(一)", quote: "每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%", parameters: ["T1.quota"]),
        Rule(id: "T1.total", summary: "T1 people in the region, at least T1.total", clause: "\(heze) §二(一)", quote: "全市每年选派人员总数不低于110人", parameters: ["T1.total"]),
        Rule(id: "T1.3331", summary: "each T1 team has a doctor–nurse–pharmacist group running a workstation at its own central village clinic of the recipient county, visiting it 3 full days a month", clause: "\(heze) §二(一); 菏卫发〔2024〕2号 附件2 §三(二)2", quote: "采取“3331”工作模式…组织医师、护士、药师3人帮扶小组，采取巡诊、带教、授课3种方式进行帮扶，每月不少于3次，每次不少于1天", parameters: ["T1.3331.visits-per-month"]),
        Rule(id: "T1.locality", summary: "T1 teams go to county hospitals; the 3331 workstation is a central village clinic of the recipient's county", clause: reading, quote: "三级医院帮扶团队除在县级医院帮扶工作外，还应采取“3331”工作模式到中心村卫生室设立名医基层工作站", parameters: []),
        Rule(id: "T2.team-size", summary: "each T2 team has at least T2.team-size people", clause: "\(heze) §二(二)", quote: "每个团队至少5人", parameters: ["T2.team-size"]),
        Rule(id: "T2.team-mix", summary: "each T2 team has a doctor, a nurse and a medical-technical member", clause: "\(heze) §二(二)", quote: "由医师、护士和医技科室人员（含药师、技师等）组成", parameters: []),
        Rule(id: "T2.duration", summary: "each T2 posting lasts at least T2.duration-months, continuously", clause: "\(heze) §二(二)", quote: "每次派驻时间不少于1年", parameters: ["T2.duration-months"]),
        Rule(id: "T2.one-sender", summary: "all members of a T2 team come from one hospital", clause: "\(heze) §二(二)", quote: "一个帮扶团队原则上由同一家帮扶医院选派", parameters: []),
        Rule(id: "T2.quota", summary: "each secondary city hospital and county hospital sends at least T2.quota % of its technical staff", clause: "\(heze) §二(二)", quote: "下沉…医务人员数量不低于本院专业技术人员的1.6%", parameters: ["T2.quota"]),
        Rule(id: "T2.total", summary: "T2 people in the region (with totals.by-sender = 1: those sent by county hospitals), at least T2.total", clause: "\(heze) §二(二); \(mudan) 附件3 §二(一)", quote: "全市每年选派人员总数不低于340人", parameters: ["T2.total", "totals.by-sender"]),
        Rule(id: "T2.coverage", summary: "teams are spread over as many township centres as possible (soft; reported)", clause: "\(heze) §二(二)", quote: "依托下沉人员和本地业务骨干在乡镇卫生院…设立名医基层工作站，2024年年底前，实现乡镇卫生院名医基层工作站全覆盖", parameters: []),
        Rule(id: "T2.locality", summary: "a county hospital helps township centres of its own county; city hospitals go anywhere", clause: "\(heze) §二(二) (reading of 县域医共体网格布局)", quote: "结合城市医疗集团和县域医共体网格布局", parameters: []),
        Rule(id: "T3.station-target", summary: "stationing goes to villages of at least T3.station-population people with no village doctor or no integrated clinic, one helper per village", clause: "\(heze) §二(三)", quote: "派驻工作主要面向服务人口800人以上、无村医或一体化村卫生室未覆盖的行政村", parameters: ["T3.station-population"]),
        Rule(id: "T3.station-days", summary: "a stationed helper works in the village at least T3.station-days-per-week days a week, at least half a day each", clause: "\(heze) §二(三)", quote: "派驻人员原则上每周工作时间不少于5日，每日不少于半天", parameters: ["T3.station-days-per-week"]),
        Rule(id: "T3.station-continuity", summary: "the same helper stays in the same village at least T3.station-months consecutive months", clause: "\(heze) §二(三)", quote: "在同一行政村至少连续服务半年", parameters: ["T3.station-months"]),
        Rule(id: "T3.rounds", summary: "each rounds helper makes at least T3.rounds-per-week visits a week (distinct days or clinics, at least half a day each) in a service area of their own township or county", clause: "\(heze) §二(三)", quote: "巡回医疗主要按照家庭医生团队服务片区和村卫生室服务点设置情况开展，每周巡诊不少于2次，每次不少于半天", parameters: ["T3.rounds-per-week", "T3.rounds-visit-weeks"]),
        Rule(id: "T3.tech-support", summary: "technical support goes to clinics with no licensed physician, at least T3.tech-support-per-week visits a week on distinct days, half a day each", clause: "\(heze) §二(三)", quote: "业务技术帮扶主要面向无执业（助理）医师的村卫生室，帮扶人员每周到村卫生室不少于2次，每次不少于半天", parameters: ["T3.tech-support-per-week"]),
        Rule(id: "T3.part-time-duration", summary: "a rounds or technical-support duty lasts at least T3.part-time-months months inside the period: a helper counts among the year's village helpers for a year's duty, not for a day", clause: reading, quote: "全市每年到村帮扶人员不低于350人", parameters: ["T3.part-time-months"]),
        Rule(id: "T3.locality", summary: "a county hospital sends village helpers within its county, a township centre within its township", clause: reading, quote: "县级医院和乡镇卫生院帮扶村卫生室", parameters: []),
        Rule(id: "T3.quota", summary: "each township centre sends at least T3.quota % of its medical staff to villages for rounds or stationing", clause: "\(heze) §二(三)", quote: "乡镇卫生院到村卫生室巡诊、派驻人员数量不低于全院医务人员数量的6%", parameters: ["T3.quota"]),
        Rule(id: "T3.total", summary: "village helpers (stationed, rounds, technical support) in the region (with totals.by-sender = 1: those sent by township centres), at least T3.total", clause: "\(heze) §二(三)", quote: "全市每年到村帮扶人员不低于350人，其中派驻人员不低于35人", parameters: ["T3.total", "totals.by-sender"]),
        Rule(id: "T3.total.stationed", summary: "stationed village helpers, at least T3.total.stationed", clause: "\(heze) §二(三)", quote: "全市每年到村帮扶人员不低于350人，其中派驻人员不低于35人", parameters: ["T3.total.stationed"]),
        Rule(id: "T3.hometown", summary: "county-hospital staff station in their home village where possible (preference)", clause: "\(heze) §二(三)", quote: "鼓励县级医院医务人员到家乡所在地村卫生室长期派驻", parameters: []),
        Rule(id: "T3.scope", summary: "village helpers practise mainly general practice, internal medicine or TCM (preference; reported)", clause: "\(heze) §二(三)", quote: "执业范围为全科、内科、中医等为主", parameters: []),
        Rule(id: "TCM.weekly", summary: "a senior-title TCM physician from a higher-level hospital holds a clinic at each TCM-featured centre at least TCM.per-week half-days a week", clause: "菏卫发〔2024〕2号 附件1 §二(二); \(mudan) 附件1 §二(二); \(yanggu) §三(一)2", quote: "至少有1名上级医院高级职称中医类别医师到中医馆（国医堂）定期坐诊指导，每周不少于1次，每次不少于半天", parameters: ["TCM.per-week", "TCM.centres-per-physician"]),
        Rule(id: "TCM.locality", summary: "a TCM visitor comes from a city hospital or a county hospital of the centre's county", clause: reading, quote: "上级医院高级职称中医类别医师", parameters: []),
        Rule(id: "REGION.total", summary: "distinct people dispatched in the year (T1 ∪ T2 ∪ T3), at least REGION.total", clause: "\(heze) §一; 正文第10项", quote: "每年组织不低于800名医务骨干下沉基层", parameters: ["REGION.total"]),
        Rule(id: "PERSON.one-posting", summary: "a person holds at most one full-time posting and no other duty with it (but the 3331 visits and a posted member's own centre's TCM clinic)", clause: reading, quote: "派驻人员原则上每周工作时间不少于5日", parameters: []),
        Rule(id: "PERSON.leave", summary: "a full-time posting overlaps the person's leave by at most posting.max-leave-days working days", clause: reading, quote: "每次派驻时间不少于1年", parameters: ["posting.max-leave-days"]),
        Rule(id: "ATT.absence", summary: "a stationed helper with 2 or more unjustified absences fails the annual assessment", clause: "\(heze) §四(三); \(mudan) 附件3 §四(三)", quote: "对于无正当理由脱岗2次（含）以上的派驻人员其考核结果认定为不合格", parameters: []),
        Rule(id: "NORM.village-doctors", summary: "village doctors per county: 1–1.5 per 1000 residents", clause: "\(jining) §二(二)4; \(lingang) §二(四)14", quote: "乡村医生以县（市、区）为单位按照常住人口1—1.5‰配备", parameters: []),
        Rule(id: "NORM.township-posts", summary: "township posts 1–1.5 per 1000 residents; ≥ 90% for technical staff", clause: "\(jining) §二(三)7", quote: "乡镇卫生院用于专业技术人员的编制不得低于编制总额的90%", parameters: []),
        Rule(id: "NORM.licensed", summary: "at least 50% of village doctors hold a licensed (assistant) physician qualification", clause: "\(jining) §二(二)4; \(lingang) §二(四)14", quote: "乡村医生中具备执业（助理）医师资格人员比例达到50%以上", parameters: []),
        Rule(id: "NORM.directed-posts", summary: "county lead hospitals reserve 5–10% of posts as grassroots-directed posts, service ≥ 2 years", clause: "\(jining) §二(二)", quote: "在紧密型县域医共体牵头县级医院编制总量中，设定5—10%的服务基层定向岗位", parameters: []),
    ]

    /// A rule by id.
    public static func rule(_ id: String) -> Rule? { byId[id] }

    /// Every rule by id (the first of an id, were one listed twice).
    private static let byId: [String: Rule] = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
