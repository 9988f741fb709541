/// The sheets and columns of a scenario kept as an Excel workbook — what `rota template`
/// writes and what the scenario reader reads back.
///
/// A planner fills one workbook instead of writing YAML: `方案` (the scenario's name, policy
/// profile, period and any rule overrides, one item a row), `县区`, `单位` (hospitals and
/// township health centres), `村卫生室` (villages), `人员` (the staff list, the columns of a
/// staff CSV file) and `日历` (holidays, adjusted working days and leave, one range a row).
/// Sheets are found by name, so their order does not matter; columns by their header, so
/// neither does theirs. Each table sheet has its header in row 1 and, in the template, an
/// example row in row 2 whose first cell starts with `例：` (`examplePrefix`): a row so marked
/// is never read, so a planner overwrites the example or leaves it.
///
/// ```swift
/// ScenarioWorkbookLayout.institutions.columns.map(\.header)   // ["编号", "名称", "层级", …]
/// ScenarioWorkbookLayout.tierWords["乡镇卫生院"]                // "township"
/// ```
public enum ScenarioWorkbookLayout {
    /// What a column holds, which says how its cells are read.
    public enum Kind: Sendable, Equatable {
        case text, wholeNumber, decimal, flag, day
        /// One of the given words (offered as a drop-down list).
        case choice([String])
    }

    /// One column of a table sheet.
    public struct Column: Sendable {
        /// The Chinese header, in row 1.
        public var header: String
        /// The scenario field it fills (`technicalStaff`, `location.lat`, …).
        public var field: String
        public var kind: Kind
        /// The template's example value (row 2).
        public var example: String
        /// A short note for the instructions sheet.
        public var note: String
    }

    /// A table sheet: a header row and a row per item.
    public struct Table: Sendable {
        public var name: String
        public var columns: [Column]
        /// The column a header names (the header or the field name, as written in row 1).
        public func column(forHeader text: String) -> Column? {
            columns.first { $0.header == text || $0.field == text }
        }
    }

    public static let instructionsSheet = "说明"
    /// The start of the first cell of an example row (`例：cao-people`), which readers skip.
    public static let examplePrefix = "例："

    /// Whether a row whose first cell is `text` is an example (`例：` or `例:`).
    public static func isExample(firstCell text: String) -> Bool {
        let t = text.trimmingPrefix(while: { $0 == " " || $0 == "\u{3000}" })
        return t.hasPrefix(examplePrefix) || t.hasPrefix("例:")
    }
    public static let settingsSheet = "方案"

    /// The items of `方案`: row label → field. Rows whose label is a rule parameter
    /// (`T1.team-size`) override that parameter.
    public static let settings: [(label: String, field: String, kind: Kind, example: String, note: String)] = [
        ("名称", "name", .text, "示例县-2025", "方案名称，用于输出文件夹名"),
        ("政策", "profile", .choice(profileNames), "heze-city", "政策文件：heze-city、heze-mudan、yanggu-county、jining-city"),
        ("开始日期", "period.start", .day, "2025-01-01", "计划期第一天"),
        ("结束日期", "period.end", .day, "2025-12-31", "计划期最后一天"),
    ]
    public static let settingsHeader = ["项目", "内容", "说明"]
    public static let profileNames = ["heze-city", "heze-mudan", "yanggu-county", "jining-city"]

    /// Tier words → the format's tiers.
    public static let tierWords: [String: String] = [
        "三级医院": "tertiary", "二级医院": "secondary", "县级医院": "county", "乡镇卫生院": "township", "村卫生室": "village",
        "tertiary": "tertiary", "secondary": "secondary", "county": "county", "township": "township", "village": "village",
    ]
    /// The tiers' Chinese names, top to bottom.
    public static let tierNames = ["三级医院", "二级医院", "县级医院", "乡镇卫生院", "村卫生室"]
    /// Yes/no words → flags.
    public static let flagWords: [String: Bool] = [
        "是": true, "否": false, "有": true, "无": false, "TRUE": true, "FALSE": false, "true": true, "false": false,
    ]
    public static let roleChoices = ["医师", "护士", "药师", "技师"]
    public static let titleChoices = ["主任医师", "副主任医师", "主治医师", "医师", "主任护师", "副主任护师", "主管护师", "护师",
                                      "主任药师", "副主任药师", "主管药师", "药师", "主任技师", "副主任技师", "主管技师", "技师"]

    public static let counties = Table(name: "县区", columns: [
        Column(header: "编号", field: "id", kind: .text, example: "cao", note: "县区编号（字母、数字、连字符）"),
        Column(header: "名称", field: "name", kind: .text, example: "曹县", note: "县区名称"),
    ])

    public static let institutions = Table(name: "单位", columns: [
        Column(header: "编号", field: "id", kind: .text, example: "cao-people", note: "单位编号，全表唯一"),
        Column(header: "名称", field: "name", kind: .text, example: "曹县人民医院", note: "单位全称"),
        Column(header: "层级", field: "tier", kind: .choice(["三级医院", "二级医院", "县级医院", "乡镇卫生院"]), example: "县级医院",
               note: "三级医院、二级医院、县级医院、乡镇卫生院（村卫生室填在“村卫生室”表）"),
        Column(header: "所属县区", field: "county", kind: .text, example: "cao", note: "县级医院、乡镇卫生院必填：县区编号"),
        Column(header: "专业技术人员数", field: "technicalStaff", kind: .wholeNumber, example: "1210", note: "三级、二级、县级医院必填（T1/T2 比例的分母）"),
        Column(header: "医务人员数", field: "medicalStaff", kind: .wholeNumber, example: "", note: "乡镇卫生院必填（T3 比例的分母）"),
        Column(header: "中医特色卫生院", field: "tcmFeatured", kind: .choice(["是", "否"]), example: "", note: "乡镇卫生院：是/否（默认否）"),
        Column(header: "纬度", field: "location.lat", kind: .decimal, example: "34.83", note: "可选"),
        Column(header: "经度", field: "location.lon", kind: .decimal, example: "115.55", note: "可选"),
    ])

    public static let villages = Table(name: "村卫生室", columns: [
        Column(header: "编号", field: "id", kind: .text, example: "cao-hanji-v01", note: "村卫生室编号，全表唯一"),
        Column(header: "名称", field: "name", kind: .text, example: "韩集镇李庄村卫生室", note: "村卫生室名称"),
        Column(header: "所属县区", field: "county", kind: .text, example: "cao", note: "县区编号"),
        Column(header: "所属乡镇卫生院", field: "township", kind: .text, example: "cao-hanji", note: "乡镇卫生院的编号或名称"),
        Column(header: "服务人口", field: "population", kind: .wholeNumber, example: "1320", note: "行政村人口"),
        Column(header: "有村医", field: "villageDoctor", kind: .choice(["是", "否"]), example: "是", note: "是/否（默认是）"),
        Column(header: "一体化管理", field: "integrated", kind: .choice(["是", "否"]), example: "是", note: "是/否（默认是）"),
        Column(header: "有执业(助理)医师", field: "licensedPhysician", kind: .choice(["是", "否"]), example: "否", note: "是/否（默认是）"),
        Column(header: "中心村卫生室", field: "central", kind: .choice(["是", "否"]), example: "否", note: "是/否（默认否）；可设3331工作站"),
        Column(header: "服务片区", field: "serviceArea", kind: .text, example: "", note: "家庭医生团队服务片区（默认为本村）"),
        Column(header: "纬度", field: "location.lat", kind: .decimal, example: "", note: "可选"),
        Column(header: "经度", field: "location.lon", kind: .decimal, example: "", note: "可选"),
    ])

    /// The staff sheet: the staff CSV's columns by their Chinese names.
    public static let staff = Table(name: "人员", columns: [
        Column(header: "编号", field: "id", kind: .text, example: "hzm-0001", note: "工号，全表唯一"),
        Column(header: "姓名", field: "name", kind: .text, example: "张伟", note: "姓名"),
        Column(header: "单位", field: "institution", kind: .text, example: "曹县人民医院", note: "所在单位的编号或名称"),
        Column(header: "岗位类别", field: "role", kind: .choice(roleChoices), example: "医师", note: "医师、护士、药师、技师"),
        Column(header: "专业", field: "specialty", kind: .text, example: "内科", note: "如 全科、内科、中医（中医计入中医坐诊）"),
        Column(header: "职称", field: "title", kind: .choice(titleChoices), example: "主任医师", note: "主任/副主任/主治(主管)/初级，按医、护、药、技系列"),
        Column(header: "家乡", field: "hometown", kind: .text, example: "", note: "可选：家乡村卫生室的编号或名称"),
        Column(header: "不可派出日期", field: "unavailable", kind: .text, example: "2025/3/1至2025/3/14",
               note: "可选：如 2025/3/1至2025/3/14；多段用分号隔开（也可在“日历”表逐行填写请假）"),
    ])

    /// The calendar sheet: one range a row.
    public static let calendar = Table(name: "日历", columns: [
        Column(header: "类别", field: "kind", kind: .choice(calendarKinds), example: "节假日", note: "节假日、调休上班日、请假"),
        Column(header: "开始日期", field: "from", kind: .day, example: "2025-01-01", note: "日期"),
        Column(header: "结束日期", field: "to", kind: .day, example: "", note: "可选：一段日期的最后一天（默认同开始日期）"),
        Column(header: "人员编号", field: "person", kind: .text, example: "", note: "请假必填：人员编号"),
        Column(header: "备注", field: "note", kind: .text, example: "元旦", note: "可选"),
    ])
    public static let calendarKinds = ["节假日", "调休上班日", "请假"]

    /// Every table sheet, in the template's order.
    public static let tables = [counties, institutions, villages, staff, calendar]
}
