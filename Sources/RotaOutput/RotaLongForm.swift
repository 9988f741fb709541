import RotaCore
import RotaVerifier
/// The long form of the rota: one row per person and half-day slot, the columns of `rota.csv`.
///
/// Columns are `person, name, hospital, date, half, site, site_name, activity`, with the
/// values `rota.csv` has: `hospital` is the person's own institution id, `half` is `am` or
/// `pm`, `activity` is the `RotaActivity` raw value; rows follow the rota's order (person,
/// date, half). The workbook's second sheet is this table.
///
/// ```swift
/// let long = RotaLongForm(rota: rota, plan: plan, scenario: scenario)
/// long.rows[0]  // ["city-a-0", "员工city-a0", "city-a", "2025-01-02", "am", "east-hosp", "east县人民医院", "posting"]
/// ```
public struct RotaLongForm: Sendable {
    public static let header = ["person", "name", "hospital", "date", "half", "site", "site_name", "activity"]

    public var rows: [[String]]

    public init(rota: WeeklyRota, plan: Plan, scenario: Scenario) {
        self.init(RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    init(_ ctx: RotaOutputContext) {
        rows = ctx.entries.map { e in
            [e.person, ctx.personName(e.person), ctx.hospitalID(ofPerson: e.person), e.date, e.half.rawValue,
             e.site, ctx.institutions[e.site]?.name ?? "", e.activity.rawValue]
        }
    }
}
