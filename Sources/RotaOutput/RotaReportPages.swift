import Foundation
import RotaCore
import RotaVerifier

/// The report as pages people open: `report.html`, the overview, and under `report/` one page
/// per sending hospital or township centre and one per county.
///
/// | file                          | who reads it                   | page                 |
/// |-------------------------------|--------------------------------|----------------------|
/// | `report.html`                 | the commission, planners       | `RotaReportPage`     |
/// | `report/hospital-ID.html`     | that hospital's HR office      | `HospitalReportPage` |
/// | `report/county-ID.html`       | the county's health bureau     | `CountyReportPage`   |
///
/// File names are the ids made safe by `OutputFileName` (`hospital-hz-municipal.html`). The
/// overview links every page; pages link back and to each other (a team's recipient county,
/// a county's senders). Each page stays small: a hospital's calendars hold only its own
/// people, a county's sites are summarised week by week, long tables sit in collapsed
/// sections below the charts.
///
/// ```swift
/// let files = RotaReportPages.files(ctx, report: report)
/// files.map(\.name)   // ["report.html", "report/county-cao.html", …, "report/hospital-hz-municipal.html", …]
/// ```
enum RotaReportPages {
    static let folder = "report"

    /// Page names of every sender and county, relative to the output folder.
    struct Names {
        let hospital: [String: String]
        let county: [String: String]

        init(_ figures: ReportFigures) {
            let senders = figures.senders.map(\.id), counties = figures.counties.map(\.county.id)
            hospital = Dictionary(uniqueKeysWithValues: zip(senders, OutputFileName.names(for: senders).map { "\(RotaReportPages.folder)/hospital-\($0).html" }))
            county = Dictionary(uniqueKeysWithValues: zip(counties, OutputFileName.names(for: counties).map { "\(RotaReportPages.folder)/county-\($0).html" }))
        }

        /// The link from a page at `root` ("" or "../") to a sender's page, nil when it has none.
        func hospital(_ id: String, root: String) -> String? { hospital[id].map { root + $0 } }
        func county(_ id: String, root: String) -> String? { county[id].map { root + $0 } }
    }

    static func files(_ ctx: RotaOutputContext, report: VerificationReport?) -> [(name: String, data: Data)] {
        let figures = ReportFigures(ctx)
        let names = Names(figures)
        let rows = ReportPageKit.personRows(ctx)
        var files: [(name: String, data: Data)] = []
        files.append((RotaReportPage.fileName, Data(RotaReportPage.render(ctx, report: report, figures: figures, names: names, rows: rows).utf8)))
        var rowsByHospital: [String: [ReportPageKit.CalendarRow]] = [:]
        for row in rows { rowsByHospital[ctx.hospitalID(ofPerson: row.id), default: []].append(row) }
        // Each hospital's and county's page on its own, on every core (a page is the same
        // whichever thread makes it; the list is sorted by name after).
        let senders = figures.senders, counties = figures.counties
        let byHospital = rowsByHospital
        let pages = ParallelJobs.run(count: senders.count + counties.count, threads: ParallelJobs.processors) { i -> (name: String, data: Data) in
            if i < senders.count {
                let s = senders[i]
                let html = HospitalReportPage.render(ctx, sender: s, figures: figures, names: names, rows: byHospital[s.id] ?? [])
                return (names.hospital[s.id]!, Data(html.utf8))
            }
            let c = counties[i - senders.count]
            return (names.county[c.county.id]!, Data(CountyReportPage.render(ctx, county: c, figures: figures, names: names).utf8))
        }
        return files + pages.sorted { $0.name < $1.name }
    }
}
