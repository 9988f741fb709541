import RotaCore
/// The words a hospital's own staff list uses, in Chinese or English, and the format's values
/// they stand for.
///
/// HR offices keep staff lists with Chinese headers (`姓名`, `职称`) and values (`医师`,
/// `主治医师`, `中医`). Each header, role, title and specialty word below maps to one value of
/// the format; a word not listed is an error where it is written (never a silent default),
/// except specialties, which are free text and kept as written when not listed. The tables are
/// documented word for word in `docs/scenario-format.md` ("Chinese staff lists").
///
/// ```swift
/// StaffVocabulary.field(forHeader: "姓名")         // "name"
/// StaffVocabulary.role("护士")                     // .nurse
/// StaffVocabulary.title("副主任医师")               // .associateSenior
/// StaffVocabulary.specialty("中医")                // "tcm"
/// ```
enum StaffVocabulary {
    /// Header words → staff field names (the English field names map to themselves).
    static let headers: [String: String] = {
        var map: [String: String] = [:]
        for field in StaffFields.all { map[field] = field }
        let words: [(String, [String])] = [
            ("id", ["编号", "工号", "人员编号", "职工编号", "ID"]),
            ("name", ["姓名", "名字"]),
            ("institution", ["单位", "所属单位", "派出单位", "医院", "所在医院", "机构", "所属机构"]),
            ("role", ["岗位类别", "人员类别", "类别", "岗位", "角色"]),
            ("specialty", ["专业", "专科", "执业范围", "科室"]),
            ("title", ["职称", "专业技术职称", "技术职称"]),
            ("hometown", ["家乡", "籍贯村", "户籍村", "原籍村"]),
            ("unavailable", ["不可派出日期", "不可派出", "请假", "请假日期", "休假", "不在岗日期"]),
        ]
        for (field, list) in words { for word in list { map[word] = field } }
        return map
    }()

    /// Role words → roles.
    static let roles: [String: Role] = {
        var map: [String: Role] = [:]
        for role in Role.allCases { map[role.rawValue] = role }
        let words: [(Role, [String])] = [
            (.doctor, ["医师", "医生", "大夫", "临床医师", "执业医师", "执业助理医师"]),
            (.nurse, ["护士", "护师", "护理", "护理人员"]),
            (.pharmacist, ["药师", "药剂师", "药剂", "药学", "药学人员"]),
            (.technician, ["技师", "医技", "医技人员", "检验", "检验师", "影像", "技术员"]),
        ]
        for (role, list) in words { for word in list { map[word] = role } }
        return map
    }()

    /// Title words → the four levels. The professional titles of every line (医/护/药/技) and
    /// the grade words 正高/副高/中级/初级.
    static let titles: [String: Title] = {
        var map: [String: Title] = [:]
        for title in Title.allCases { map[title.rawValue] = title }
        let words: [(Title, [String])] = [
            (.senior, ["主任医师", "主任护师", "主任药师", "主任技师", "正高", "正高级"]),
            (.associateSenior, ["副主任医师", "副主任护师", "副主任药师", "副主任技师", "副高", "副高级"]),
            (.intermediate, ["主治医师", "主管护师", "主管药师", "主管技师", "中级"]),
            (.junior, ["医师", "住院医师", "医士", "护师", "护士", "药师", "药士", "技师", "技士", "初级", "师级", "士级"]),
        ]
        for (title, list) in words { for word in list { map[word] = title } }
        return map
    }()

    /// Specialty words → the format's specialty values. `tcm` is the one rules ask for
    /// (TCM.weekly); 中医 and its departments count as TCM.
    static let specialties: [String: String] = {
        let words: [(String, [String])] = [
            ("tcm", ["中医", "中医科", "中医学", "中医内科", "中医外科", "中医全科", "中医类别", "TCM", "Tcm"]),
            ("general", ["全科", "全科医学", "全科医学科"]),
            ("internal", ["内科", "内科学"]),
            ("surgery", ["外科", "外科学"]),
            ("pediatrics", ["儿科", "儿科学"]),
            ("obstetrics", ["妇产科", "妇产"]),
        ]
        var map: [String: String] = [:]
        for (value, list) in words { for word in list { map[word] = value } }
        return map
    }()

    /// The field a header cell names, or nil.
    static func field(forHeader text: String) -> String? {
        headers[text] ?? headers[text.lowercased()]
    }

    /// The role a cell names, or nil.
    static func role(_ text: String) -> Role? { roles[text] ?? roles[text.lowercased()] }

    /// The title a cell names, or nil.
    static func title(_ text: String) -> Title? { titles[text] ?? titles[text.lowercased()] }

    /// The specialty value of a cell: a listed word's value, or the text as written.
    static func specialty(_ text: String) -> String { specialties[text] ?? text }
}

/// A day as staff lists write it: `2025-07-01`, `2025/7/1` or `2025年7月1日`.
enum StaffDayText {
    static let expected = "a date written \(Day.spreadsheetForms)"

    /// The day, or nil when the text is no such date (`Day(spreadsheet:)`).
    static func day(_ text: String) -> Day? { Day(spreadsheet: text) }

    /// The day, or nil with a diagnostic at `place`.
    static func parse(_ text: String, at place: SourcePlace, log: DiagnosticLog) -> Day? {
        let trimmed = Trimmed.text(text, .whitespaces)
        if let day = day(trimmed) { return day }
        log.add(place, "bad date \(Quote.text(trimmed))", expected: expected)
        return nil
    }
}

/// The closest candidates to a mistyped id, for "did you mean".
enum Suggestion {
    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidates nearest `text` (at most three, sorted), when near enough to be a typo:
    /// within a third of the longer length, and at least one edit.
    static func nearest(_ text: String, among candidates: [String]) -> [String] {
        let scored = candidates.map { ($0, distance(text, $0)) }
            .filter { $0.1 <= max(1, max(text.count, $0.0.count) / 3) }
        guard let best = scored.map(\.1).min() else { return [] }
        return Array(scored.filter { $0.1 == best }.map(\.0).sorted().prefix(3))
    }

    /// ` (did you mean "x"?)` or empty.
    static func note(_ text: String, among candidates: [String]) -> String {
        let near = nearest(text, among: candidates)
        guard !near.isEmpty else { return "" }
        return "; did you mean \(near.map(Quote.text).joined(separator: " or "))?"
    }
}
