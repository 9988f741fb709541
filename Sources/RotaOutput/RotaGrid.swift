import RotaCore
import RotaVerifier
/// The wide grid HR departments read: one row per person, one column per calendar day.
///
/// Columns are 人员编号, 姓名, 所属单位, 岗位 (`leadingColumns`) and then one per day of the
/// period, headed by its ISO date: the staff id, the person's name, the name of their own
/// institution, the Chinese name of their profession (医师, 护士, 药师, 技师);
/// each day's cell is a `RotaGridCell`. Rows are sorted by hospital id, then person id, and
/// hold everyone with at least one entry. `rota-grid.csv` and the workbook's first sheet are
/// both this table, cell for cell.
///
/// ```swift
/// let grid = RotaGrid(rota: rota, plan: plan, scenario: scenario)
/// grid.header.prefix(5)   // ["人员编号", "姓名", "所属单位", "岗位", "2025-01-01"]
/// grid.rows[0][4]         // "全天 东县人民医院 驻点"
/// ```
public struct RotaGrid: Sendable {
    /// The columns before the days.
    public static let leadingColumns = ["人员编号", "姓名", "所属单位", "岗位"]

    public var header: [String]
    public var rows: [[String]]
    /// The day of each day column.
    public var days: [Day]
    /// Whether each day column is a working day (the workbook shades the others' headers).
    public var workingDays: [Bool]

    public init(rota: WeeklyRota, plan: Plan, scenario: Scenario) {
        self.init(RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    init(_ ctx: RotaOutputContext) {
        header = RotaGrid.leadingColumns + ctx.days.map(\.iso)
        days = ctx.days
        workingDays = ctx.working
        let lead = RotaGrid.leadingColumns.count
        var rows: [[String]] = []
        rows.reserveCapacity(ctx.people.count)
        var am: [[(site: String, activity: RotaActivity)]] = Array(repeating: [], count: ctx.days.count)
        var pm = am
        for person in ctx.people {
            var row = [String](repeating: "", count: lead + ctx.days.count)
            row[0] = person
            row[1] = ctx.personName(person)
            row[2] = ctx.hospitalName(ofPerson: person)
            row[3] = ctx.staff[person]?.role.chineseLabel ?? ""
            var touched: [Int] = []
            for e in ctx.entries(of: person) {
                guard let i = ctx.dayIndex(e.date) else { continue }
                if am[i].isEmpty && pm[i].isEmpty { touched.append(i) }
                let item = (site: ctx.siteName(e.site), activity: e.activity)
                if e.half == .am { am[i].append(item) } else { pm[i].append(item) }
            }
            for i in touched {
                row[lead + i] = RotaGridCell.text(am: am[i], pm: pm[i])
                am[i] = []; pm[i] = []
            }
            rows.append(row)
        }
        self.rows = rows
    }
}
