import RotaCore
import RotaPlanner

/// `changes.csv`: the change list of a re-plan for the hospitals' HR offices — one row per
/// person whose posting or half-days changed from the re-plan date: who, what, from when, why.
///
/// Written like assignments.csv and rota.csv: UTF-8 with a byte-order mark (so Excel reads the
/// Chinese), CRLF line ends, a Chinese header (`header`: 人员编号, 姓名, 所属单位编号, 岗位变动,
/// 值班变动, 减少半天数, 增加半天数, 首个变动日期, 最后变动日期, 原因), then exactly the columns
/// `fields` names, in that order; ids, ISO dates and counts as in the other files, the texts in
/// Chinese: the posting handed over or taken over (`自2025-07-01起接替…`), the duty change (减少,
/// 增加 or 调整), and the event with its reason and its `file:line` (`请假 2025-07-01至2025-09-30：
/// 病假 [CHANGES.yaml:2]`). Fields are quoted per RFC 4180 when they hold a comma, quote or line
/// break. Rows by person id.
///
/// ```swift
/// let text = ChangesCSV.render(changes, scenario: amended)
/// // 人员编号,姓名,所属单位编号,岗位变动,值班变动,减少半天数,增加半天数,首个变动日期,最后变动日期,原因
/// // hzm-03,李娜,hz-municipal,,减少,10,0,2025-07-07,2025-07-11,请假 2025-07-07至2025-07-11：培训 [CHANGES.yaml:2]
/// ```
public enum ChangesCSV {
    /// The header rota writes: the columns' Chinese names.
    public static let header = ["人员编号", "姓名", "所属单位编号", "岗位变动", "值班变动", "减少半天数", "增加半天数", "首个变动日期", "最后变动日期", "原因"]
    /// The same columns by their English field names, in the order of `header`.
    public static let fields = ["person", "name", "hospital", "posting", "duties", "half_days_removed", "half_days_added", "from", "to", "why"]

    public static func render(_ changes: [HalfDayChange], scenario: Scenario) -> String {
        let staff = scenario.staffIndex()
        let rows = changes.map { c in
            [c.person, staff[c.person]?.name ?? "", staff[c.person]?.institution ?? "", c.postingChinese, dutyChange(c),
             String(c.removed), String(c.added), c.first, c.last, c.whyChinese]
        }
        return "\u{FEFF}" + ([header] + rows).map { $0.map(CSVField.escape).joined(separator: ",") + "\r\n" }.joined()
    }

    /// 减少 (half-days taken off), 增加 (added), 调整 (both), or empty.
    static func dutyChange(_ c: HalfDayChange) -> String {
        c.added == 0 && c.removed == 0 ? "" : c.added == 0 ? "减少" : c.removed == 0 ? "增加" : "调整"
    }

    /// A person as the Chinese texts name them: `李娜（hzm-03）`.
    static func who(_ id: String, _ staff: [String: StaffMember]) -> String {
        staff[id].map { "\($0.name)（\(id)）" } ?? id
    }

    /// An event in Chinese: `请假 2025-07-01至2025-09-30：病假 [CHANGES.yaml:2]`.
    static func event(_ e: ChangeEvent) -> String? {
        let what: String
        switch e.kind {
        case .absence(_, let r): what = "请假 \(r.from.iso)至\(r.to.iso)"
        case .departure(_, let d): what = "\(d.iso)离岗"
        case .newCandidate(_, let d): what = "新增人选，\(d.iso)起可派"
        default: return nil
        }
        return what + (e.reason.isEmpty ? "" : "：\(e.reason)") + " [\(e.source)]"
    }

    /// The posting in Chinese: `T1:…岗位`, `派驻村 曹县…（id）`, `中医坐诊（id）`, …
    static func posting(_ h: PostingHandover, _ scenario: Scenario) -> String {
        let places = scenario.institutionIndex()
        func place(_ id: String) -> String { places[id].map { "\($0.name)（\(id)）" } ?? id }
        switch h.kind {
        case .team: return "\(h.team)团队岗位"
        case .station(let v): return "在\(place(v))的\(RotaActivity.station.chineseLabel)"
        case .tcm(let c): return "在\(place(c))的\(RotaActivity.tcmClinic.chineseLabel)"
        case .rounds(let a): return "服务片区\(a)的\(RotaActivity.rounds.chineseLabel)"
        case .techSupport(let v): return "在\(place(v))的\(RotaActivity.techSupport.chineseLabel)"
        }
    }

    /// What a handover means for the person and for the replacement, in Chinese.
    static func postingTexts(_ h: PostingHandover, _ scenario: Scenario) -> [String: String] {
        let staff = scenario.staffIndex(), text = posting(h, scenario)
        guard !h.replacement.isEmpty else { return [h.person: "\(text)于\(h.from.adding(days: -1).iso)结束，无人接替"] }
        return [h.person: "自\(h.from.iso)起\(text)交由\(who(h.replacement, staff))接替",
                h.replacement: "自\(h.from.iso)起接替\(who(h.person, staff))的\(text)"]
    }

    /// A colleague covering an absent holder's sessions, in Chinese.
    static func cover(_ list: [RotaCover], staff: [String: StaffMember]) -> String {
        let absent = Set(list.map(\.absent)).sorted().map { who($0, staff) }.joined(separator: "、")
        let sites = Set(list.map(\.site)).sorted().joined(separator: "、")
        let duty = list[0].rule == "TCM.weekly" ? RotaActivity.tcmClinic.chineseLabel : list[0].rule == "T1.3331" ? "3331下村" : list[0].rule
        return "\(absent)请假期间代其\(duty)（\(sites)）"
    }
}
