import Foundation
import RotaCore
import RotaVerifier

/// `sites/SITE.csv`: for each receiving site, who is there, when, doing what.
///
/// One file per site that appears in the rota (a posting's recipient, a 3331 workstation, a
/// stationing village, a clinic on a rounds or technical-support visit, a TCM centre), named
/// by the site id. Columns 日期, 时段, 人员编号, 姓名, 所属单位, 工作内容: the ISO date,
/// `上午` or `下午`, the staff id, the person's name, the name of their own institution and
/// the activity's Chinese label. Rows are sorted by date, half (morning first) and person id.
/// UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting.
///
/// ```swift
/// let files = SiteRotaCSV.files(rota: rota, plan: plan, scenario: scenario)
/// files[0].name   // "sites/east-hosp.csv"
/// // 日期,时段,人员编号,姓名,所属单位,工作内容
/// // 2025-01-02,上午,city-a-0,员工city-a0,市立医院,驻点
/// ```
public enum SiteRotaCSV {
    public static let directory = "sites"
    public static let header = ["日期", "时段", "人员编号", "姓名", "所属单位", "工作内容"]

    /// One file per site, sorted by site id.
    public static func files(rota: WeeklyRota, plan: Plan, scenario: Scenario) -> [(name: String, data: Data)] {
        files(RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    /// The rows of one site's file (without the header).
    public static func rows(site: String, rota: WeeklyRota, plan: Plan, scenario: Scenario) -> [[String]] {
        rows(site: site, RotaOutputContext(rota: rota, plan: plan, scenario: scenario))
    }

    /// One file per site; with `earlier`, the sheets that cannot have changed are taken from
    /// the earlier folder (`EarlierOutputs`).
    static func files(_ ctx: RotaOutputContext, earlier: EarlierOutputs? = nil) -> [(name: String, data: Data)] {
        let stems = OutputFileName.names(for: ctx.sites)
        guard let earlier else { return files(ctx, sites: ctx.sites.indices, stems: stems) }
        return earlier.files(ctx.sites, stems: stems, reusable: earlier.siteSheets(for: ctx, stems: stems), directory: directory, ext: "csv") {
            Data(CSVDocument.render(header: header, rows: rows(site: $0, ctx)).utf8)
        }
    }

    /// The files of `ctx.sites[sites]`, `stems` being every site's file stem
    /// (`OutputFileName.names(for: ctx.sites)`): a slice of the sheets, made on one core.
    static func files(_ ctx: RotaOutputContext, sites: Range<Int>, stems: [String]) -> [(name: String, data: Data)] {
        sites.map { i in ("\(directory)/\(stems[i]).csv", Data(CSVDocument.render(header: header, rows: rows(site: ctx.sites[i], ctx)).utf8)) }
    }

    static func rows(site: String, _ ctx: RotaOutputContext) -> [[String]] {
        (ctx.siteEntries[site] ?? []).map { e in
            [e.date, e.half.chineseLabel, e.person, ctx.personName(e.person), ctx.hospitalName(ofPerson: e.person), e.activity.chineseLabel]
        }
    }
}
