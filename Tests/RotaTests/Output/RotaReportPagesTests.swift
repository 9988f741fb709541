import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput

/// The report pages of heze-mini as `rota plan` writes them: an index and a page per hospital
/// and per county, small, linked, and with charts whose numbers are plan.json's and rota.csv's.
@Suite struct RotaReportPagesTests {
    @Test func anIndexAndAPagePerSendingHospitalAndPerCounty() throws {
        let pages = try ReportPagesFixture.pages()
        let s = ReportPagesFixture.scenario, plan = try ReportPagesFixture.plan()
        #expect(pages["report.html"] != nil)
        // Every institution with a quota (hospitals and township centres) or anyone in the plan has a page.
        let senders = Set(s.institutions.filter { $0.tier != .village && (($0.technicalStaff ?? 0) > 0 || ($0.medicalStaff ?? 0) > 0) }.map(\.id))
            .union(plan.teams.map(\.sender)).union(plan.villageHelpers.map(\.sender)).union(plan.tcmClinics.map(\.sender))
        #expect(Set(pages.keys.filter { $0.hasPrefix("report/hospital-") }) == Set(senders.map { "report/hospital-\($0).html" }))
        #expect(Set(pages.keys.filter { $0.hasPrefix("report/county-") }) == Set(s.counties.map { "report/county-\($0.id).html" }))
    }

    @Test func everyPageIsSmallAndEveryLinkReachesAWrittenPage() throws {
        let files = try ReportPagesFixture.files()
        let pages = try ReportPagesFixture.pages()
        for (name, html) in pages {
            #expect(html.utf8.count < 2_000_000, "\(name)")
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
            #expect(!html.contains("<script") && !html.contains("http:") && !html.contains("https:") && !html.contains("src="), "\(name) is self-contained")
            #expect(html.contains("@media print"), "\(name) has a print style sheet")
            for link in ReportPagesFixture.links(html) {
                let target = ReportPagesFixture.resolve(link, from: name)
                #expect(files[target] != nil, "\(name) links to \(link) (\(target)), which is not written")
            }
        }
        // The index links every other page.
        let linked = Set(ReportPagesFixture.links(pages["report.html"]!).map { ReportPagesFixture.resolve($0, from: "report.html") })
        #expect(Set(pages.keys.filter { $0 != "report.html" }).isSubset(of: linked))
    }

    @Test func theQuotaChartsShowPlanJSONsFigures() throws {
        let pages = try ReportPagesFixture.pages()
        let plan = try ReportPagesFixture.plan(), s = ReportPagesFixture.scenario
        let institutions = s.institutionIndex()
        var seen: Set<String> = []
        for (name, html) in pages {
            for bar in ReportPagesFixture.tags(html, within: "quota-chart", having: ["data-id", "data-planned"]) {
                let id = bar["data-id"]!, i = try #require(institutions[id])
                let rule = i.tier == .tertiary ? "T1.quota" : i.tier == .township ? "T3.quota" : "T2.quota"
                let base = (i.tier == .township ? i.medicalStaff : i.technicalStaff) ?? 0
                #expect(bar["data-rule"] == rule, "\(name) \(id)")
                #expect(bar["data-planned"] == String(ReportPagesFixture.plannedBySender(plan, rule: rule)[id] ?? 0), "\(name) \(id)")
                #expect(bar["data-base"] == String(base))
                #expect(bar["data-required"] == String(ReportPagesFixture.required(percent: s.parameters.percent(rule).description, base: base)), "\(name) \(id)")
                seen.insert(id)
            }
        }
        // Every hospital and township centre is drawn somewhere (index, its county's page, its own page).
        #expect(seen == Set(s.institutions.filter { $0.tier != .village }.map(\.id)))
    }

    @Test func theTotalsChartShowsPeoplePerTierFromPlanJSON() throws {
        let html = try #require(try ReportPagesFixture.pages()["report.html"])
        let plan = try ReportPagesFixture.plan(), p = ReportPagesFixture.scenario.parameters
        let t1 = Set(plan.teams.filter { $0.tier == "T1" }.flatMap(\.members)), t2 = Set(plan.teams.filter { $0.tier == "T2" }.flatMap(\.members))
        let t3 = Set(plan.villageHelpers.map(\.person)), stationed = Set(plan.villageHelpers.filter { $0.form == .station }.map(\.person))
        let expected = ["T1.total": t1.count, "T2.total": t2.count, "T3.total": t3.count, "T3.total.stationed": stationed.count,
                        "REGION.total": t1.union(t2).union(t3).count]
        let bars = ReportPagesFixture.tags(html, within: "totals-chart", having: ["data-rule"])
        #expect(bars.count == expected.count)
        for bar in bars {
            let rule = bar["data-rule"]!
            #expect(bar["data-planned"] == expected[rule].map(String.init), "\(rule)")
            #expect(bar["data-required"] == String(p.int(rule)), "\(rule)")
        }
    }

    /// The plan quality section (issue 10) shows summary.txt's figures, each worked out here
    /// from plan.json and the scenario on their own: people per tier against heze-mini's proven
    /// bound (T1 12, T2 15, T3 10, region 40), county-hospital village helpers, hometown
    /// stationings, teams, and the soft coverage plan.json leaves to local staff.
    @Test func theQualitySectionShowsPlanJSONsFigures() throws {
        let files = try ReportPagesFixture.files()
        let html = try #require(try ReportPagesFixture.pages()["report.html"])
        let plan = try ReportPagesFixture.plan(), scenario = ReportPagesFixture.scenario
        #expect(html.contains("<h2 id=\"quality\">方案质量 Plan quality</h2>") && html.contains("href=\"#quality\""))
        let t1 = Set(plan.teams.filter { $0.tier == "T1" }.flatMap(\.members)), t2 = Set(plan.teams.filter { $0.tier == "T2" }.flatMap(\.members))
        let t3 = Set(plan.villageHelpers.map(\.person))
        let people = ["T1": (t1.count, 12), "T2": (t2.count, 15), "T3": (t3.count, 10), "region": (t1.union(t2).union(t3).count, 40)]
        let rows = ReportPagesFixture.tags(html, having: ["data-quality"])
        let tiers = rows.filter { $0["data-quality"] == "people" }
        #expect(tiers.count == 4)
        for row in tiers {
            let expected = try #require(people[row["data-tier"]!])
            #expect(row["data-dispatched"] == String(expected.0) && row["data-bound"] == String(expected.1), "\(row)")
        }
        let tier = Dictionary(uniqueKeysWithValues: scenario.institutions.map { ($0.id, $0.tier) })
        let county = Set(plan.villageHelpers.filter { tier[$0.sender] == .county }.map(\.person))
        #expect(rows.first { $0["data-quality"] == "county-helpers" }?["data-count"] == String(county.count))
        // Hometowns: county-hospital candidates whose home village is eligible, of their county.
        let villages = scenario.institutionIndex(), p = scenario.parameters
        let candidates = scenario.staff.filter { person in
            guard tier[person.institution] == .county, let v = person.hometown.flatMap({ villages[$0] }) else { return false }
            return v.county == villages[person.institution]?.county && (v.population ?? 0) >= p.int("T3.station-population") && (!v.villageDoctor || !v.integrated)
        }
        let atHome = candidates.filter { c in plan.villageHelpers.contains { $0.person == c.id && $0.form == .station && $0.site == c.hometown } }
        let hometowns = try #require(rows.first { $0["data-quality"] == "hometowns" })
        #expect(hometowns["data-candidates"] == String(candidates.count) && hometowns["data-at-home"] == String(atHome.count))
        #expect(candidates.count == 1 && atHome.count == 1)   // cao-p-03 at 韩集镇李庄村
        #expect(rows.first { $0["data-quality"] == "teams" }?["data-count"] == String(plan.teams.count))
        let coverage = Dictionary(uniqueKeysWithValues: rows.filter { $0["data-quality"] == "coverage" }.map { ($0["data-of"]!, $0) })
        let townships = scenario.institutions.filter { $0.tier == .township }.count
        #expect(coverage["townships"]?["data-covered"] == String(townships - plan.coverage.townshipsWithoutTeam.count))
        #expect(coverage["townships"]?["data-total"] == String(townships))
        let clinics = scenario.institutions.filter { $0.tier == .village && !$0.licensedPhysician }.count
        #expect(coverage["clinics"]?["data-covered"] == String(clinics - plan.coverage.clinicsWithoutTechSupport.count))
        // The same figures as summary.txt's section (heze-mini has no locations: no travel either).
        let summary = String(decoding: try #require(files["summary.txt"]), as: UTF8.self)
        #expect(rows.contains { $0["data-quality"] == "travel" } == summary.contains("travel km"))
        #expect(summary.contains("\(candidates.count) county-hospital candidates with an eligible home village; \(candidates.count) dispatched, \(atHome.count) stationed at home"))
        #expect(summary.contains("village helpers sent by county hospitals: \(county.count)"))
    }

    @Test func theMapsCountTheVillagesPlanJSONCovers() throws {
        let pages = try ReportPagesFixture.pages()
        let plan = try ReportPagesFixture.plan(), s = ReportPagesFixture.scenario
        let covered = ReportPagesFixture.coveredByCounty(plan, s)
        for c in s.counties {
            let html = try #require(pages["report/county-\(c.id).html"])
            let map = try #require(ReportPagesFixture.tags(html, having: ["data-covered", "data-villages"]).first)
            let villages = s.institutions.filter { $0.tier == .village && $0.county == c.id }
            #expect(map["data-villages"] == String(villages.count))
            #expect(map["data-covered"] == String(covered[c.id]?.count ?? 0), "\(c.id)")
            // One dot per village, coloured covered or not as plan.json says.
            let dots = ReportPagesFixture.tags(html, within: "county-map", having: ["data-id", "class"]).filter { !$0["class"]!.hasPrefix("inst") }
            #expect(Set(dots.map { $0["data-id"]! }) == Set(villages.map(\.id)))
            for d in dots { #expect(d["class"]!.hasPrefix("vn") == !(covered[c.id]?.contains(d["data-id"]!) ?? false), "\(d["data-id"]!)") }
        }
        let region = try #require(ReportPagesFixture.tags(pages["report.html"]!, within: "region-map", having: ["data-covered"]).first)
        #expect(region["data-covered"] == String(covered.values.reduce(0) { $0 + $1.count }))
    }

    @Test func theWeeklyLoadChartCountsRotaCSVsRows() throws {
        let files = try ReportPagesFixture.files()
        let perWeek = ReportPagesFixture.rotaRowsPerWeek(try #require(files["rota.csv"]))
        let html = try #require(try ReportPagesFixture.pages()["report.html"])
        let weeks = ReportPagesFixture.tags(html, within: "load-chart", having: ["data-week", "data-halfdays"])
        #expect(weeks.count == 53)
        for w in weeks { #expect(w["data-halfdays"] == String(perWeek[w["data-week"]!] ?? 0), "\(w["data-week"]!)") }
        let chart = try #require(ReportPagesFixture.tags(html, having: ["data-weeks", "data-halfdays"]).first)
        #expect(chart["data-halfdays"] == String(perWeek.values.reduce(0, +)))
    }

    @Test func theHeadlineCountsWhatTheCommandLineCounts() throws {
        let year = try #require(ReportPagesFixture.year)
        let html = try #require(try ReportPagesFixture.pages()["report.html"])
        let n = year.verified.proof.summary.instances   // "all N rule instances … hold" of rota plan
        #expect(html.contains("data-instances=\"\(n)\""))
        #expect(html.contains("全部 \(n) 项规则实例通过"))
        #expect(year.verified.report.rota != nil && year.verified.report.checks.count < n)
    }

    @Test func rulesReadInChineseWithTheDocumentNumberAndTheScenariosNumbers() throws {
        let html = try #require(try ReportPagesFixture.pages()["report.html"])
        #expect(html.contains("每个T1帮扶团队（三级医院→县级医院）至少6人"))
        #expect(html.contains("每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%"))
        #expect(html.contains("菏卫发〔2024〕2号 附件3 §二(一)"))
        #expect(!html.contains("000_be86b12b5f0d36fc"))
        let hospital = try #require(try ReportPagesFixture.pages()["report/hospital-hz-municipal.html"])
        #expect(hospital.contains("每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%"))
    }

    @Test func aHospitalsPageHoldsItsPeopleTeamsAndCalendarsOnly() throws {
        let pages = try ReportPagesFixture.pages()
        let plan = try ReportPagesFixture.plan(), s = ReportPagesFixture.scenario
        let staff = s.staffIndex()
        let html = try #require(pages["report/hospital-hz-municipal.html"])
        let team = try #require(plan.teams.first { $0.sender == "hz-municipal" })
        #expect(html.contains(team.id.replacingOccurrences(of: ">", with: "&gt;")))
        for m in team.members { #expect(html.contains("<small>\(m)</small>")) }
        // Nobody of another hospital is on the page.
        let others = plan.teams.filter { $0.sender != "hz-municipal" }.flatMap(\.members)
        for p in others { #expect(!html.contains("<small>\(p)</small>"), "\(p) of \(staff[p]?.institution ?? "?")") }
        #expect(html.contains("<details id=\"p-2025-01\">"))
    }
}

/// The Chinese rule texts: one per rule id the verifiers report, each with every parameter filled in.
@Suite struct RuleChineseTextTests {
    @Test func everyRuleHasAChineseTextWithItsNumbersFilledIn() throws {
        let ids = RuleCatalogue.rules.map(\.id) + PlanVerifier.ruleOrder + RotaVerifier.ruleOrder
        let parameters = ReportPagesFixture.scenario.parameters
        for id in Set(ids) {
            let text = RuleChineseText.text(id, parameters: parameters)
            #expect(RuleChineseText.templates[id] != nil, "\(id) has no Chinese text")
            #expect(!text.contains("{") && !text.contains("}"), "\(id): \(text)")
            for key in PlanVerifier.rule(id).parameters where key != "totals.by-sender" {
                #expect(!text.contains(key), "\(id) names the parameter \(key): \(text)")
            }
        }
        #expect(RuleChineseText.text("T3.rounds", parameters: parameters).contains("每周巡诊不少于2次"))
    }

    @Test func readingsGetAChineseClause() {
        #expect(RuleChineseText.chineseClause("rules.md, Who may serve where (reading)") == "规则解读：rules.md「谁可以去哪里」")
        #expect(RuleChineseText.chineseClause("菏卫发〔2024〕2号 附件3 §二(一)") == "菏卫发〔2024〕2号 附件3 §二(一)")
    }
}
