import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

@Suite struct RotaReportPageTests {
    static let files = try! OutputFixture.files()
    static func page(_ name: String) -> String { String(decoding: OutputFixture.file(name, in: files) ?? Data(), as: UTF8.self) }
    let html = page("report.html")

    func count(_ s: String, in text: String? = nil) -> Int { (text ?? html).components(separatedBy: s).count - 1 }

    @Test func headerNamesScenarioPeriodProfile() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td>test-region</td>"))
        #expect(html.contains("<td>heze-city</td>"))
        #expect(html.contains("2025-09-22 – 2025-10-19 (28 天 days)"))
    }

    @Test func legendIsBilingual() {
        for page in [html, Self.page("report/hospital-city-a.html"), Self.page("report/county-east.html")] {
            #expect(page.contains("id=\"legend\""))
            for a in RotaActivity.allCases {
                #expect(page.contains("<td class=\"\(a.code)\">\(a.code)</td><td>\(a.bilingualLabel)</td>"))
            }
        }
        #expect(html.contains("派驻 Stationing"))
    }

    @Test func ruleResultsShowFamiliesInChineseAndEveryFailure() {
        #expect(html.contains("<td>T1.quota</td>"))
        #expect(html.contains("每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%"))
        #expect(html.contains("<td>T1.quota[city-a]</td>"))
        #expect(html.contains("3 &lt; ⌈1.2% × 500⌉ = 6"))
        #expect(html.contains("2 项规则实例中 1 项未通过 1 of 2 rule instances fail"))
        #expect(html.contains("data-instances=\"2\" data-failed=\"1\""))
        #expect(html.contains("未通过项 Failures (1)"))
    }

    @Test func adjustmentsAreCountedOnTheIndexAndListedOnTheirOwnersPages() {
        #expect(html.contains("<td>TCM.weekly</td>"))
        #expect(html.contains("缺口 Shortfalls (1)"))
        #expect(html.contains("no &lt;eligible&gt; colleague &amp; leave"))
        // The relaxation of city-b's TCM physician is on city-b's page, not on city-a's.
        #expect(Self.page("report/hospital-city-b.html").contains("2 working days in the week (holidays 2025-10-01…2025-10-08)"))
        #expect(!Self.page("report/hospital-city-a.html").contains("2 working days in the week"))
        // The cover of east-hosp-2 by east-hosp-1 is on east-hosp's page.
        #expect(Self.page("report/hospital-east-hosp.html").contains("<td>员工east-hosp2 (east-hosp-2)</td><td>员工east-hosp1 (east-hosp-1)</td>"))
        // The shortfall of city-a's team is on city-a's page and on the page of the county where it fell short.
        for name in ["report/hospital-city-a.html", "report/county-east.html"] {
            #expect(Self.page(name).contains("<td>T1.3331</td><td>市立医院 → east县人民医院 (T1:city-a&gt;east-hosp)</td>"), "\(name)")
        }
    }

    @Test func wellFormedEnoughAndSelfContained() {
        for (name, _) in Self.files where name.hasSuffix(".html") {
            let page = Self.page(name)
            #expect(count("<table", in: page) == count("</table>", in: page), "\(name)")
            #expect(count("<tr", in: page) == count("</tr>", in: page), "\(name)")
            #expect(count("<td", in: page) == count("</td>", in: page), "\(name)")
            #expect(count("<th", in: page) - count("<thead", in: page) == count("</th>", in: page), "\(name)")
            #expect(count("<details", in: page) == count("</details>", in: page), "\(name)")
            #expect(count("<svg", in: page) == count("</svg>", in: page), "\(name)")
            #expect(!page.contains("<script"))
            #expect(!page.contains("style=\""))          // no per-cell inline styles
            #expect(!page.contains("src="))
            #expect(!page.contains("http"))
            #expect(!page.contains("\"幸福\""))
        }
        #expect(Self.page("report/county-east.html").contains("东县一镇，&quot;幸福&quot;村卫生室; 分站"))
    }

    @Test func aHospitalsCalendarsHoldItsPeopleWithShadedHolidays() {
        let page = Self.page("report/hospital-east-t1.html")
        #expect(page.contains("<details id=\"p-2025-09\"><summary>2025-09（2 行 rows）</summary>"))
        // September has 9 days in the period; 2025-09-27 is a Saturday, 09-28 an adjusted working Sunday.
        #expect(page.contains("<colgroup><col><col><col><col><col><col><col><col class=\"h\"><col><col><col></colgroup>"))
        // east-t1-1: a morning of stationing, an afternoon of rounds on 09-23.
        #expect(page.contains("<tr><th>员工east-t11 <small>east-t1-1</small></th><td class=\"d\">east镇1卫生院</td><td></td><td class=\"m\">S/R</td>"))
        #expect(!page.contains("city-a-0"))
        let cityA = Self.page("report/hospital-city-a.html")
        #expect(cityA.contains("<td class=\"W\">W</td>") && cityA.contains("<td class=\"P\">P</td>"))
    }

    @Test func aCountysSitesWeekByWeek() {
        let page = Self.page("report/county-east.html")
        // The county hospital hosts three people on posting every working day: 3 × 2 × 5 half-days a week.
        #expect(page.contains("<th>east县人民医院 <small>east-hosp</small></th><td class=\"P\">30</td>"))
        #expect(page.contains("id=\"county-map\""))
    }

    @Test func whatNoPageHoldsStaysOnTheIndex() {
        // zz-ghost is in no hospital of the scenario, "nowhere" in no county.
        #expect(html.contains("<tr><th>zz-ghost</th>"))
        #expect(html.contains("nowhere"))
        #expect(!html.contains("<small>city-a-0</small>"))
    }

    @Test func withoutAReportThePageSaysSo() {
        let page = RotaReportPage.render(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario, report: nil)
        #expect(page.contains("No verification report was given."))
        #expect(page.contains("未提供 Not given"))
    }
}
