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

@Suite struct PlanVerifierTests {
    let compliant = PlanVerifier(scenario: Fixture.scenario).verify(Fixture.plan)

    @Test func compliantPlanPassesEveryInstance() {
        let passed = compliant.passed
        #expect(passed)
        #expect(compliant.failing.isEmpty)
        // 18 integrity, 14 T1, 13 T2, 16 T3, 6 TCM, 24 + 24 person, 1 region.
        #expect(compliant.checks.count == 121)
        let counts = Dictionary(uniqueKeysWithValues: compliant.families.map { ($0.rule, $0.passed) })
        #expect(counts["PLAN.integrity"] == 18)
        #expect(counts["T1.3331"] == 2)
        #expect(counts["T1.quota"] == 1)
        #expect(counts["T2.quota"] == 2)
        #expect(counts["T3.locality"] == 7)
        #expect(counts["T3.quota"] == 2)
        #expect(counts["TCM.weekly"] == 4)
        #expect(counts["PERSON.one-posting"] == 24)
        #expect(counts["PERSON.leave"] == 24)
        #expect(compliant.families.allSatisfy { $0.failed == 0 })
        #expect(compliant.families.map(\.rule) == PlanVerifier.ruleOrder)
    }

    @Test func edgeNumbersOfTheCompliantPlan() throws {
        let quota = try #require(compliant.check("T1.quota[hz-municipal]"))
        #expect(quota.arithmetic == "12 ≥ ⌈1.2% × 1000⌉ = 12; teams 2 ≥ 1")
        #expect(quota.quantities == [Quantity("technicalStaff", 1000), Quantity("sent", 12), Quantity("required", 12), Quantity("teams", 2)])
        #expect(compliant.check("T2.quota[cao-people]")?.arithmetic == "5 ≥ ⌈1.6% × 300⌉ = 5; teams 1 ≥ 1")
        #expect(compliant.check("T3.quota[cao-hanji]")?.arithmetic == "3 ≥ ⌈6% × 50⌉ = 3")
        #expect(compliant.check("PERSON.leave[hzm-a-t1@\(Fixture.TA)]")?.arithmetic == "leave working days 20 ≤ 20")
        #expect(compliant.check("T3.station-continuity[ch-s1:cao-hanji-v01]")?.arithmetic
                == "end 2025-06-30 ≥ 2025-01-01 + 6 months − 1 day = 2025-06-30; 2025-01-01..2025-06-30 within period 2025-01-01..2025-12-31")
        #expect(compliant.check("REGION.total[heze-mini-2025]")?.arithmetic == "29 ≥ 29")
        // The TCM-only visitor 马建国 counts in no total.
        #expect(compliant.check("REGION.total[heze-mini-2025]")?.witnesses.contains { $0.id == "hzm-tcm" } == false)
        // 朱红 holds her own centre's TCM clinic while posted there: the allowed exception.
        #expect(compliant.check("PERSON.one-posting[cp-d1]")?.passed == true)
        #expect(compliant.check("PLAN.integrity[person:cp-d1]")?.passed == true)
        // Each check carries its catalogue clause.
        #expect(quota.clause == RuleCatalogue.rule("T1.quota")!.clause)
        #expect(quota.quote == "每家三级医院选派帮扶人员数量不低于本院专业技术人员的1.2%")
        #expect(quota.subject == CheckSubject(kind: .institution, id: "hz-municipal", name: "菏泽市立医院"))
    }

    @Test(arguments: Breakage.all)
    func eachBreakageFailsExactlyItsRules(_ b: Breakage) {
        var scenario = Fixture.scenario, plan = Fixture.plan
        b.apply(&scenario, &plan)
        let report = PlanVerifier(scenario: scenario).verify(plan)
        let passed = report.passed
        #expect(!passed)
        #expect(report.failing == b.expected, "\(b.name)")
        for key in b.expected {
            let rule = String(key[..<key.firstIndex(of: "[")!])
            #expect(report.families.first { $0.rule == rule }!.failed >= 1)
        }
    }

    @Test func quota42Versus43Of3520() throws {
        // 菏泽市立医院 with 3520 technical staff needs ⌈1.2% × 3520⌉ = ⌈42.24⌉ = 43.
        var scenario = Fixture.scenario, plan = Fixture.plan
        scenario.editInstitution("hz-municipal") { $0.technicalStaff = 3520 }
        let extra = (1...31).map { String(format: "hzm-x%02d", $0) }
        for id in extra {
            scenario.staff.append(StaffMember(id: id, name: "医师\(id.suffix(2))", institution: "hz-municipal", role: .doctor))
        }
        plan.editTeam(Fixture.TA) { $0.members = ($0.members + extra).sorted() }
        let met = PlanVerifier(scenario: scenario).verify(plan)
        #expect(met.failing.isEmpty)
        #expect(met.check("T1.quota[hz-municipal]")?.arithmetic == "43 ≥ ⌈1.2% × 3520⌉ = 43; teams 2 ≥ 1")

        plan.editTeam(Fixture.TA) { $0.members.removeAll { $0 == "hzm-x31" } }
        let short = PlanVerifier(scenario: scenario).verify(plan)
        #expect(short.failing == ["T1.quota[hz-municipal]"])
        let c = try #require(short.check("T1.quota[hz-municipal]"))
        #expect(c.arithmetic == "42 < ⌈1.2% × 3520⌉ = 43; teams 2 ≥ 1")
        #expect(c.quantity("sent") == 42)
        #expect(c.quantity("required") == 43)
    }

    @Test func quotaEdgesJustBelowTheNextPerson() {
        // 1.6% × 312 = 4.992 → 5 (met by the team of 5); 6% × 33 = 1.98 → 2.
        var scenario = Fixture.scenario
        scenario.editInstitution("cao-people") { $0.technicalStaff = 312 }
        scenario.editInstitution("cao-anling") { $0.medicalStaff = 33 }
        scenario.editInstitution("cao-hanji-v01") { $0.population = 800 }   // T3.station-population is "800 or more"
        let report = PlanVerifier(scenario: scenario).verify(Fixture.plan)
        #expect(report.failing.isEmpty)
        #expect(report.check("T2.quota[cao-people]")?.arithmetic == "5 ≥ ⌈1.6% × 312⌉ = 5; teams 1 ≥ 1")
        #expect(report.check("T3.quota[cao-anling]")?.arithmetic == "2 ≥ ⌈6% × 33⌉ = 2")
    }

    @Test func zeroParametersStillAppearAndPass() {
        var scenario = Fixture.scenario
        scenario.parameters.set("T1.total", .integer(0))
        let report = PlanVerifier(scenario: scenario).verify(Fixture.plan)
        #expect(report.failing.isEmpty)
        #expect(report.check("T1.total[heze-mini-2025]")?.arithmetic == "12 ≥ 0")
    }

    @Test func everyListedSenderSendsEvenAtZeroPercent() {
        // A second tertiary hospital that sends nothing fails T1.quota even when the quota is 0%.
        var scenario = Fixture.scenario
        scenario.parameters.set("T1.quota", .percent(ExactPercent(units: 0, scale: 0)))
        scenario.institutions.append(Institution(id: "hz-second", name: "菏泽市第二人民医院", tier: .tertiary, technicalStaff: 50))
        let report = PlanVerifier(scenario: scenario).verify(Fixture.plan)
        #expect(report.failing == ["T1.quota[hz-second]"])
        #expect(report.check("T1.quota[hz-second]")?.arithmetic == "0 ≥ ⌈0% × 50⌉ = 0; teams 0 < 1")
    }

    @Test func reportIsDeterministicWhateverThePlanOrder() throws {
        var shuffled = Fixture.plan
        shuffled.teams.reverse()
        shuffled.villageHelpers.reverse()
        shuffled.tcmClinics.reverse()
        for i in shuffled.teams.indices { shuffled.teams[i].members.reverse() }
        let verifier = PlanVerifier(scenario: Fixture.scenario)
        let a = verifier.verify(Fixture.plan), b = verifier.verify(shuffled)
        #expect(a == b)
        #expect(a.render() == b.render())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(a) == encoder.encode(b))
        #expect(try JSONDecoder().decode(VerificationReport.self, from: encoder.encode(a)) == a)
        #expect(a.checks == a.checks.sorted())
        #expect(Set(a.checks.map(\.instance)).count == a.checks.count)
    }

    @Test func duplicateEntriesGetDistinctInstanceKeys() {
        var plan = Fixture.plan
        plan.villageHelpers.append(plan.villageHelpers.first { $0.person == "ch-r1" }!)
        let report = PlanVerifier(scenario: Fixture.scenario).verify(plan)
        #expect(report.check("T3.locality[ch-r1:rounds:cao-hanji-a1]#2") != nil)
        #expect(Set(report.checks.map(\.instance)).count == report.checks.count)
    }

    @Test func everyFamilyIsACatalogueRule() {
        for id in PlanVerifier.ruleOrder where id != "PLAN.integrity" {
            #expect(RuleCatalogue.rule(id) != nil, "\(id)")
        }
    }

    @Test func garbagePlanFailsWithoutCrashing() {
        let plan = Plan(scenario: "other", profile: "nope", period: PlanPeriod(start: "x", end: "2025-02-30"),
                        teams: [PlanTeam(tier: "T9", sender: "?", recipient: "", start: "", end: "2025-01-01", members: ["", "", "zz"],
                                         group3331: PlanGroup3331(doctor: "", nurse: "", pharmacist: "", workstation: ""))],
                        villageHelpers: [PlanVillageHelper(person: "", sender: "", form: .rounds, site: "", start: "2026-01-01", end: "2025-01-01")],
                        tcmClinics: [PlanTCMClinic(centre: "", physician: "", sender: "", start: "", end: "")])
        let report = PlanVerifier(scenario: Fixture.scenario).verify(plan)
        let passed = report.passed
        #expect(!passed)
        #expect(report.failing.contains("PLAN.integrity[scenario]"))
        #expect(report.failing.contains("PLAN.integrity[period]"))
        #expect(report.failing.contains("T1.quota[hz-municipal]"))
        #expect(report.failing.contains("TCM.weekly[cao-hanji]"))
        #expect(!report.render().isEmpty)
    }
}

/// One way to break the compliant plan, and the exact instances that must then fail.
struct Breakage: Sendable, CustomTestStringConvertible {
    let name: String
    let expected: Set<String>
    let apply: @Sendable (inout Scenario, inout Plan) -> Void

    var testDescription: String { name }

    static let TA = Fixture.TA, TB = Fixture.TB, T2A = Fixture.T2A, T2B = Fixture.T2B

    static let all: [Breakage] = [
        // T1 / T2 teams
        Breakage(name: "T1 team of 5", expected: ["T1.team-size[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.members.removeAll { $0 == "hzm-a-d2" } }
            p.editTeam(TB) { $0.members = ($0.members + ["hzm-a-d2"]).sorted() }
        },
        Breakage(name: "T2 team of 4",
                 expected: ["T2.team-size[\(T2B)]", "T2.total[heze-mini-2025]", "REGION.total[heze-mini-2025]"]) { _, p in
            p.editTeam(T2B) { $0.members.removeAll { $0 == "cz-d2" } }
        },
        Breakage(name: "T2 team without a nurse", expected: ["T2.team-mix[\(T2A)]"]) { s, _ in
            s.editStaff("cp-n1") { $0.role = .doctor }
        },
        Breakage(name: "T1 team without a nurse", expected: ["T1.team-mix[\(TA)]", "T1.3331[\(TA)]"]) { s, _ in
            s.editStaff("hzm-a-n1") { $0.role = .doctor }
            s.editStaff("hzm-a-n2") { $0.role = .doctor }
        },
        Breakage(name: "T1 posting one day short", expected: ["T1.duration[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.end = "2025-12-30" }
        },
        Breakage(name: "T2 posting starting in February", expected: ["T2.duration[\(T2B)]"]) { _, p in
            p.editTeam(T2B) { $0.start = "2025-02-01" }
        },
        Breakage(name: "T1 posting past the period", expected: ["T1.duration[\(TA)]", "PLAN.integrity[team:\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.end = "2026-01-31" }
        },
        Breakage(name: "T1 member from a county hospital",
                 expected: ["T1.one-sender[\(TA)]", "T1.quota[hz-municipal]"]) { _, p in
            p.editTeam(TA) { $0.members = $0.members.map { $0 == "hzm-a-d2" ? "cp-spare" : $0 }.sorted() }
        },
        Breakage(name: "T1 team to a township centre", expected: ["T1.locality[T1:hz-municipal>cao-hanji]"]) { _, p in
            let a = p.teams.first { $0.id == TA }!
            p.teams.removeAll { $0.id == TA }
            p.teams.append(PlanTeam(tier: "T1", sender: a.sender, recipient: "cao-hanji", start: a.start, end: a.end,
                                    members: a.members, group3331: a.group3331))
        },
        Breakage(name: "T2 team across a county line", expected: ["T2.locality[\(T2B)]", "T1.3331[\(TB)]"]) { s, _ in
            s.counties.append(County(id: "dingtao", name: "定陶区"))
            s.editInstitution("cao-zhongyi") { $0.county = "dingtao" }
        },
        // Quotas and totals
        Breakage(name: "T1.quota 12 of 1001", expected: ["T1.quota[hz-municipal]"]) { s, _ in
            s.editInstitution("hz-municipal") { $0.technicalStaff = 1001 }
        },
        Breakage(name: "T2.quota 5 of 313", expected: ["T2.quota[cao-people]"]) { s, _ in
            s.editInstitution("cao-people") { $0.technicalStaff = 313 }
        },
        Breakage(name: "T3.quota 3 of 51 (tech support does not count)", expected: ["T3.quota[cao-hanji]"]) { s, _ in
            s.editInstitution("cao-hanji") { $0.medicalStaff = 51 }
        },
        Breakage(name: "every total one short",
                 expected: ["T1.total[heze-mini-2025]", "T2.total[heze-mini-2025]", "T3.total[heze-mini-2025]",
                            "T3.total.stationed[heze-mini-2025]", "REGION.total[heze-mini-2025]"]) { s, _ in
            for (k, v) in [("T1.total", 13), ("T2.total", 11), ("T3.total", 8), ("T3.total.stationed", 3), ("REGION.total", 30)] {
                s.parameters.set(k, .integer(v))
            }
        },
        // T1.3331
        Breakage(name: "3331 pharmacist is a technician", expected: ["T1.3331[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.group3331!.pharmacist = "hzm-a-t1" }
        },
        Breakage(name: "3331 doctor from another team", expected: ["T1.3331[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.group3331!.doctor = "hzm-b-d1" }
        },
        Breakage(name: "two teams share a workstation", expected: ["T1.3331[\(TA)]", "T1.3331[\(TB)]"]) { _, p in
            p.editTeam(TB) { $0.group3331!.workstation = "cao-hanji-v02" }
        },
        Breakage(name: "workstation not a central clinic", expected: ["T1.3331[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.group3331!.workstation = "cao-hanji-v01" }
        },
        Breakage(name: "workstation in another county", expected: ["T1.3331[\(TA)]"]) { s, p in
            s.institutions.append(Institution(id: "dt-v01", name: "定陶村卫生室", tier: .village, county: "dingtao",
                                              township: "dt-town", population: 1000, central: true))
            p.editTeam(TA) { $0.group3331!.workstation = "dt-v01" }
        },
        Breakage(name: "T1 team with no 3331 group", expected: ["T1.3331[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.group3331 = nil }
        },
        // T3
        Breakage(name: "station at a village with doctor and integrated clinic", expected: ["T3.station-target[cao-hanji-v02]"]) { _, p in
            p.editHelper("ch-s1") { $0.site = "cao-hanji-v02" }
        },
        Breakage(name: "station at a village of 799", expected: ["T3.station-target[cao-hanji-v01]"]) { s, _ in
            s.editInstitution("cao-hanji-v01") { $0.population = 799 }
        },
        Breakage(name: "two helpers stationed at one village", expected: ["T3.station-target[cao-anling-v01]"]) { _, p in
            p.editHelper("ca-r1") { $0.form = .station; $0.site = "cao-anling-v01" }
        },
        Breakage(name: "station one day short of 6 months", expected: ["T3.station-continuity[ch-s1:cao-hanji-v01]"]) { _, p in
            p.editHelper("ch-s1") { $0.end = "2025-06-29" }
        },
        Breakage(name: "tech support at a clinic with a licensed physician", expected: ["T3.tech-support[ch-ts1:cao-hanji-v02]"]) { _, p in
            p.editHelper("ch-ts1") { $0.site = "cao-hanji-v02" }
        },
        Breakage(name: "rounds in another township", expected: ["T3.locality[ch-r1:rounds:cao-anling-a1]"]) { _, p in
            p.editHelper("ch-r1") { $0.site = "cao-anling-a1" }
        },
        Breakage(name: "helper sent by another centre than their own",
                 expected: ["T3.locality[ch-r1:rounds:cao-hanji-a1]", "T3.quota[cao-hanji]"]) { _, p in
            p.editHelper("ch-r1") { $0.sender = "cao-anling" }
        },
        // TCM
        Breakage(name: "TCM-featured centre without a clinic", expected: ["TCM.weekly[cao-anling]"]) { _, p in
            p.tcmClinics.removeAll { $0.centre == "cao-anling" }
        },
        Breakage(name: "TCM clinic by an intermediate-title physician", expected: ["TCM.weekly[cao-anling]"]) { s, _ in
            s.editStaff("hzm-tcm") { $0.title = .intermediate }
        },
        Breakage(name: "unqualified T2 member holding the clinic",
                 expected: ["TCM.weekly[cao-hanji]", "PLAN.integrity[person:cp-d1]", "PERSON.one-posting[cp-d1]"]) { s, _ in
            s.editStaff("cp-d1") { $0.title = .intermediate }
        },
        Breakage(name: "TCM clinic only half the year", expected: ["TCM.weekly[cao-anling]"]) { _, p in
            p.editClinic("cao-anling") { $0.end = "2025-06-30" }
        },
        Breakage(name: "TCM visitor from a township centre", expected: ["TCM.locality[cao-anling:ch-tcm]"]) { _, p in
            p.editClinic("cao-anling") { $0.physician = "ch-tcm"; $0.sender = "cao-hanji" }
        },
        Breakage(name: "TCM physician at more centres than allowed", expected: ["TCM.weekly[physician:hzm-tcm]"]) { s, p in
            s.parameters.set("TCM.centres-per-physician", .integer(1))
            p.tcmClinics.append(PlanTCMClinic(centre: "cao-hanji", physician: "hzm-tcm", sender: "hz-municipal",
                                              start: "2025-01-01", end: "2025-12-31"))
        },
        // People
        Breakage(name: "leave of 21 working days", expected: ["PERSON.leave[hzm-a-t1@\(TA)]"]) { s, _ in
            s.editStaff("hzm-a-t1") { $0.unavailable = [Fixture.range("2025-03-31", "2025-04-28")] }
        },
        Breakage(name: "stationed helper also on rounds",
                 expected: ["PLAN.integrity[person:ca-s1]", "PERSON.one-posting[ca-s1]"]) { _, p in
            p.villageHelpers.append(PlanVillageHelper(person: "ca-s1", sender: "cao-anling", form: .rounds,
                                                      site: "cao-anling-a1", start: "2025-01-01", end: "2025-12-31"))
        },
        Breakage(name: "person in two T1 teams",
                 expected: ["PLAN.integrity[person:hzm-b-d2]", "PERSON.one-posting[hzm-b-d2]"]) { _, p in
            p.editTeam(TA) { $0.members = ($0.members + ["hzm-b-d2"]).sorted() }
        },
        Breakage(name: "two stationings one after the other", expected: ["PERSON.one-posting[ch-s1]"]) { _, p in
            p.villageHelpers.append(PlanVillageHelper(person: "ch-s1", sender: "cao-hanji", form: .station,
                                                      site: "cao-hanji-v01", start: "2025-07-01", end: "2025-12-31"))
        },
        // Plan integrity
        Breakage(name: "person twice in one team", expected: ["PLAN.integrity[team:\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.members.append("hzm-a-d2") }
        },
        Breakage(name: "unknown person in a team", expected: ["PLAN.integrity[team:\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.members.append("hzm-9999") }
        },
        Breakage(name: "rounds in an unknown service area",
                 expected: ["PLAN.integrity[helper:ch-r1:rounds:cao-hanji-a9]", "T3.locality[ch-r1:rounds:cao-hanji-a9]"]) { _, p in
            p.editHelper("ch-r1") { $0.site = "cao-hanji-a9" }
        },
        Breakage(name: "station at an unknown village",
                 expected: ["PLAN.integrity[helper:ch-s1:station:cao-hanji-v99]", "T3.locality[ch-s1:station:cao-hanji-v99]"]) { _, p in
            p.editHelper("ch-s1") { $0.site = "cao-hanji-v99" }
        },
        Breakage(name: "plan of another scenario", expected: ["PLAN.integrity[scenario]"]) { _, p in
            p.scenario = "heze-mini-2024"
        },
        Breakage(name: "unparsable date", expected: ["PLAN.integrity[team:\(TA)]", "T1.duration[\(TA)]"]) { _, p in
            p.editTeam(TA) { $0.start = "2025-13-01" }
        },
        Breakage(name: "team id not TIER:SENDER>RECIPIENT", expected: ["PLAN.integrity[team:T1:hz-municipal->cao-people]"]) { _, p in
            p.editTeam(TA) { $0.id = "T1:hz-municipal->cao-people" }
        },
    ]
}
