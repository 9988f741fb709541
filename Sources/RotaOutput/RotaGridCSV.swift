import RotaCore
import RotaVerifier
/// `rota-grid.csv`: the wide grid (`RotaGrid`) as CSV for Excel.
///
/// UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, like `assignments.csv`.
///
/// ```swift
/// let text = RotaGridCSV.render(rota: rota, plan: plan, scenario: scenario)
/// // "\u{FEFF}人员编号,姓名,所属单位,岗位,2025-01-01,…\r\ncity-a-0,员工city-a0,市立医院,医师,,全天 东县人民医院 驻点,…"
/// ```
public enum RotaGridCSV {
    public static let fileName = "rota-grid.csv"

    public static func render(rota: WeeklyRota, plan: Plan, scenario: Scenario) -> String {
        render(RotaGrid(rota: rota, plan: plan, scenario: scenario))
    }

    public static func render(_ grid: RotaGrid) -> String {
        CSVDocument.render(header: grid.header, rows: grid.rows)
    }
}
