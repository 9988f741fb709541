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
    let html = String(decoding: OutputFixture.file("report.html", in: try! OutputFixture.files())!, as: UTF8.self)

    func count(_ s: String) -> Int { html.components(separatedBy: s).count - 1 }

    @Test func headerNamesScenarioPeriodProfile() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td>test-region</td>"))
        #expect(html.contains("<td>heze-city</td>"))
        #expect(html.contains("2025-09-22 – 2025-10-19 (28 天 days)"))
    }

    @Test func legendIsBilingual() {
        #expect(html.contains("id=\"legend\""))
        for a in RotaActivity.allCases {
            #expect(html.contains("<td class=\"\(a.code)\">\(a.code)</td><td>\(a.bilingualLabel)</td>"))
        }
        #expect(html.contains("派驻 Stationing"))
    }

    @Test func ruleResultsShowFamiliesAndEveryFailure() {
        #expect(html.contains("<td>T1.quota</td>"))
        #expect(html.contains("<td>T1.quota[city-a]</td>"))
        #expect(html.contains("3 &lt; ⌈1.2% × 500⌉ = 6"))
        #expect(html.contains("1 项未通过 of 2 checks fail"))
        #expect(html.contains("未通过项 Failures (1)"))
    }

    @Test func relaxationsCoversShortfallsAreListed() {
        #expect(html.contains("2 working days in the week (holidays 2025-10-01…2025-10-08)"))
        #expect(html.contains("<td>员工east-hosp2 (east-hosp-2)</td><td>员工east-hosp1 (east-hosp-1)</td>"))
        #expect(html.contains("no &lt;eligible&gt; colleague &amp; leave"))
        #expect(html.contains("缺口 Shortfalls (1)"))
        #expect(html.contains("<td>T1.3331</td><td>市立医院 → east县人民医院 (T1:city-a&gt;east-hosp)</td>"))
    }

    @Test func wellFormedEnoughAndSelfContained() {
        #expect(count("<table") == count("</table>"))
        #expect(count("<tr") == count("</tr>"))
        #expect(count("<td") == count("</td>"))
        #expect(count("<th") - count("<thead") == count("</th>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("style=\""))          // no per-cell inline styles
        #expect(!html.contains("src="))
        #expect(!html.contains("http"))
        #expect(html.contains("东县一镇，&quot;幸福&quot;村卫生室; 分站"))
        #expect(!html.contains("\"幸福\""))
    }

    @Test func calendarsPerPersonAndSiteWithShadedHolidays() {
        #expect(html.contains("<h3 id=\"p-2025-09\">2025-09</h3>"))
        #expect(html.contains("<h3 id=\"s-2025-10\">2025-10</h3>"))
        // September has 9 days in the period; 2025-09-27 is a Saturday, 09-28 an adjusted working Sunday.
        #expect(html.contains("<colgroup><col><col><col><col><col><col><col><col class=\"h\"><col><col><col></colgroup>"))
        // east-t1-1: a morning of stationing, an afternoon of rounds on 09-23.
        #expect(html.contains("<tr><th>员工east-t11 <small>east-t1-1</small></th><td class=\"d\">east镇1卫生院</td><td></td><td class=\"m\">S/R</td>"))
        // The county hospital hosts three people on posting every working day.
        #expect(html.contains("<td class=\"P\">P3</td>"))
        #expect(html.contains("<td class=\"C\">C/·</td>"))
        #expect(html.contains("<td class=\"T\">·/T</td>"))
        // Nobody works in 2025-10-01…08 in the fixture; the month's table still lists everyone busy that month.
        #expect(count("<table class=\"cal\">") == 4)
    }

    @Test func withoutAReportThePageSaysSo() {
        let page = RotaReportPage.render(rota: OutputFixture.rota, plan: OutputFixture.plan, scenario: OutputFixture.scenario, report: nil)
        #expect(page.contains("No verification report was given."))
        #expect(page.contains("未提供 Not given"))
    }
}
