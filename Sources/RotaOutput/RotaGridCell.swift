import RotaCore
import RotaVerifier
/// The text of one person-day cell of the wide grid (`rota-grid.csv`, the workbook's first sheet).
///
/// A cell names where the person is and what they do in each half-day, site first, in
/// Chinese: `上午 SITE ACTIVITY`, `下午 SITE ACTIVITY`, joined by ` / `. When the morning and
/// the afternoon are the same site and activity, as on most days of a posting, the cell says
/// it once: `全天 SITE ACTIVITY`. A half-day with nothing is left out; a day with nothing is
/// the empty string. SITE is the institution's name (its id when the scenario does not know
/// it), ACTIVITY is `RotaActivity.chineseLabel`. Should a half-day hold more than one entry,
/// they are joined by ` + ` in site order.
///
/// ```swift
/// RotaGridCell.text(am: [("韩集镇卫生院", .posting)], pm: [("李庄村卫生室", .rounds3331)])
/// // "上午 韩集镇卫生院 驻点 / 下午 李庄村卫生室 3331巡诊"
/// RotaGridCell.text(am: [("韩集镇卫生院", .posting)], pm: [("韩集镇卫生院", .posting)])
/// // "全天 韩集镇卫生院 驻点"
/// ```
public enum RotaGridCell {
    /// 全天: the morning and the afternoon are the same.
    public static let wholeDay = "全天"
    public static let halfSeparator = " / "
    public static let entrySeparator = " + "

    /// The cell for one day from the (site name, activity) pairs of each half.
    public static func text(am: [(site: String, activity: RotaActivity)], pm: [(site: String, activity: RotaActivity)]) -> String {
        let a = am.map { "\($0.site) \($0.activity.chineseLabel)" }.joined(separator: entrySeparator)
        let p = pm.map { "\($0.site) \($0.activity.chineseLabel)" }.joined(separator: entrySeparator)
        if a.isEmpty && p.isEmpty { return "" }
        if a == p { return "\(wholeDay) \(a)" }
        var parts: [String] = []
        if !a.isEmpty { parts.append("\(HalfDay.am.chineseLabel) \(a)") }
        if !p.isEmpty { parts.append("\(HalfDay.pm.chineseLabel) \(p)") }
        return parts.joined(separator: halfSeparator)
    }
}
