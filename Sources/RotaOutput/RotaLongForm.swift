import RotaCore
import RotaVerifier
/// The long form of the rota as HR reads it: one row per person and half-day slot, the
/// workbook's second sheet.
///
/// Columns (`header`) are 人员编号, 姓名, 所属单位, 日期, 星期, 时段, 地点编号, 地点名称,
/// 工作内容: the staff id, the person's name, the name of their own institution, the day (a
/// real date; the text as written if it is not `YYYY-MM-DD`), its weekday (周一 … 周日),
/// 上午 or 下午, the site's id and name, and the activity's Chinese label. Rows follow the
/// rota's order (person, date, half), the rows of `rota.csv`, whose columns are the ids and
/// codes a machine reads.
///
/// ```swift
/// let long = RotaLongForm(rota: rota, plan: plan, scenario: scenario)
/// long.rows[0]  // ["city-a-0", "员工city-a0", "市立医院", .day(2025-09-22), "周一", "上午", "east-hosp", "east县人民医院", "驻点"]
/// ```
public struct RotaLongForm: Sendable {
    public static let header = ["人员编号", "姓名", "所属单位", "日期", "星期", "时段", "地点编号", "地点名称", "工作内容"]

    public var rows: [[XLSXCell]]

    public init(rota: WeeklyRota, plan: Plan, scenario: Scenario) {
        self.init(RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    init(_ ctx: RotaOutputContext) {
        rows = ctx.entries.indices.map { RotaLongForm.row(ctx, $0) }
    }

    /// The rows without the header, made one at a time as the workbook writes them.
    static func source(_ ctx: RotaOutputContext) -> XLSXRowSource {
        XLSXRowSource(count: ctx.entries.count, columns: header.count) { row(ctx, $0) }
    }

    /// The row of `ctx.entries[i]`.
    static func row(_ ctx: RotaOutputContext, _ i: Int) -> [XLSXCell] {
        let e = ctx.entries[i]
        let day = Day(iso: e.date)
        return [.text(e.person), .text(ctx.personName(e.person)), .text(ctx.hospitalName(ofPerson: e.person)),
                day.map(XLSXCell.day) ?? .text(e.date), .text(day.map(RotaLongForm.weekdayLabel) ?? ""),
                .text(e.half.chineseLabel), .text(e.site), .text(ctx.institutions[e.site]?.name ?? ""),
                .text(e.activity.chineseLabel)]
    }

    /// 周一 … 周日.
    public static func weekdayLabel(_ day: Day) -> String { weekdayLabels[day.weekday - 1] }
    static let weekdayLabels = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
}
