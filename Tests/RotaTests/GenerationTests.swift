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

/// The repository's `Scenarios/` directory.
private let scenariosDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios").path

/// Generated scenarios are cached: each region and seed is built once per test run.
private final class GeneratedCache: @unchecked Sendable {
    static let shared = GeneratedCache()
    private let lock = NSLock()
    private var store: [String: GeneratedScenario] = [:]

    func get(_ region: GeneratedRegion, _ seed: UInt64) -> GeneratedScenario {
        let key = "\(region.rawValue)#\(seed)"
        lock.lock(); defer { lock.unlock() }
        if let g = store[key] { return g }
        let g = ScenarioGenerator(region: region, seed: seed).generate()
        store[key] = g
        return g
    }
}

private func generated(_ region: GeneratedRegion, seed: UInt64 = 1) -> GeneratedScenario { GeneratedCache.shared.get(region, seed) }

// MARK: - The random number generator

@Test func seededRandomFollowsTheReferenceAlgorithms() {
    var sm = SplitMix64(state: 0)
    #expect(sm.next() == 0xe220_a839_7b1d_cdaf)   // the published SplitMix64 vector
    #expect(sm.next() == 0x6e78_9e6a_a1b9_65f4)
    var r = SeededRandom(seed: 1)                  // xoshiro256** seeded by SplitMix64(1)
    #expect(r.next() == 0xb3f2_af6d_0fc7_10c5)
    #expect(r.next() == 0x853b_5596_4736_4cea)
    #expect(r.next() == 0x92f8_9756_082a_4514)
}

@Test func seededRandomDrawsStayInRangeAndShuffleKeepsElements() {
    var r = SeededRandom(seed: 42)
    var seen = Set<Int>()
    for _ in 0..<2000 {
        let x = r.int(in: -3...3)
        #expect((-3...3).contains(x))
        seen.insert(x)
    }
    #expect(seen.count == 7)
    var items = Array(0..<50)
    r.shuffle(&items)
    #expect(items.sorted() == Array(0..<50))
    #expect(items != Array(0..<50))
    let s = r.sample(Array(0..<10), count: 4)
    #expect(Set(s).count == 4)
    // A fork depends on its parent's state and its label only.
    let a = SeededRandom(seed: 7), b = SeededRandom(seed: 7)
    var fa = a.fork("x"), fb = b.fork("x"), fc = b.fork("y")
    #expect(fa.next() == fb.next())
    #expect(fa.next() != fc.next())
}

// MARK: - Calendar

@Test func holidayNoticeOf2025GivesTheOfficialDays() {
    let c = HolidayNotice.year2025.calendar
    #expect(c.holidays.map(\.iso) == [
        "2025-01-01",
        "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04",
        "2025-04-04",
        "2025-05-01", "2025-05-02", "2025-05-05",
        "2025-06-02",
        "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08",
    ])
    #expect(c.workdays.map(\.iso) == ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])
    #expect(c.holidays.allSatisfy { !$0.isWeekend })
    #expect(c.workdays.allSatisfy { $0.isWeekend })
    // 2025 has 261 weekdays; minus 18 holidays, plus 5 adjusted working days.
    let year = DayRange(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!)
    #expect(year.days.filter(c.isWorkingDay).count == 248)
}

// MARK: - Determinism and the committed files

@Test(arguments: GeneratedRegion.allCases)
func sameSeedGivesIdenticalBytesAndAnotherSeedDiffers(region: GeneratedRegion) {
    let a = generated(region)
    let b = ScenarioGenerator(region: region, seed: 1).generate()
    #expect(a.yamlText == b.yamlText)
    #expect(a.csvText == b.csvText)
    let c = generated(region, seed: 2)
    #expect(a.yamlText != c.yamlText)
    #expect(a.csvText != c.csvText)
}

@Test(arguments: GeneratedRegion.allCases)
func committedScenarioFilesAreTheGeneratorsOutput(region: GeneratedRegion) throws {
    let g = generated(region)
    let yaml = try Data(contentsOf: URL(fileURLWithPath: scenariosDir + "/" + g.yamlFileName))
    let csv = try Data(contentsOf: URL(fileURLWithPath: scenariosDir + "/" + g.csvFileName))
    let hint = "regenerate: swift run rota generate \(region.rawValue) --seed 1 --out Scenarios"
    #expect(yaml == Data(g.yamlText.utf8), Comment(rawValue: hint))
    #expect(csv == Data(g.csvText.utf8), Comment(rawValue: hint))
}

@Test(arguments: GeneratedRegion.allCases)
func generatedFilesReadBackToTheModel(region: GeneratedRegion) {
    let g = generated(region)
    let back = LineScenario.scenario(LineYAML.parse(g.yamlText), csv: g.csvText)
    let s = g.scenario
    #expect(back.name == s.name)
    #expect(back.profile == s.profile)
    #expect(back.period == s.period)
    #expect(back.calendar == s.calendar)
    #expect(back.counties == s.counties)
    #expect(back.institutions == s.institutions)
    #expect(back.staff == s.staff)
    #expect(back.links == s.links)
    #expect(back.parameters == s.parameters)
    #expect(g.csvText.hasPrefix("\u{FEFF}id,name,institution,role,specialty,title,hometown,unavailable\n"))
    #expect(g.yamlText.hasSuffix("staff: \(g.csvFileName)\n"))
}

// MARK: - The Heze scenario, read from the committed files

@Test func hezeScenarioHasTheRegionsShape() throws {
    let s = try LineScenario.read(scenariosDir + "/heze-city-2025.yaml")
    #expect(s.name == "heze-city-2025")
    #expect(s.profile == "heze-city")
    #expect(s.period == DayRange(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!))
    #expect(s.calendar == HolidayNotice.year2025.calendar)
    #expect(s.counties.map(\.name) == ["牡丹区", "定陶区", "曹县", "单县", "成武县", "巨野县", "郓城县", "鄄城县", "东明县", "鲁西新区"])

    let byTier = Dictionary(grouping: s.institutions, by: \.tier)
    #expect(byTier[.tertiary]?.map(\.name) == ["菏泽市立医院", "菏泽市中医医院", "菏泽市第三人民医院", "菏泽医学专科学校附属医院"])
    #expect(byTier[.tertiary]?.first?.technicalStaff == 3520)
    #expect(byTier[.secondary]?.map(\.name) == ["菏泽市第二人民医院", "菏泽市妇幼保健院"])
    #expect(byTier[.county]?.count == 18)   // 县人民医院 and 县中医医院 in 9 counties; 鲁西新区 has none
    let townships = byTier[.township] ?? []
    #expect((160...180).contains(townships.count))
    let villages = byTier[.village] ?? []
    #expect((4500...5500).contains(villages.count))
    #expect((3000...4000).contains(s.staff.count))

    // Every county has township centres, villages, central clinics and villages open to stationing.
    for c in s.counties {
        let v = villages.filter { $0.county == c.id }
        #expect(townships.contains { $0.county == c.id }, "\(c.name) has township centres")
        #expect(v.filter(\.central).count >= 4, "\(c.name) has ≥ 4 central clinics")
        #expect(v.filter { ($0.population ?? 0) >= 800 && (!$0.villageDoctor || !$0.integrated) }.count >= 11,
                "\(c.name) has villages open to stationing")
    }
    // Names look like the real ones.
    #expect(townships.contains { $0.name == "曹县韩集镇卫生院" })
    #expect(townships.contains { $0.name == "曹县磐石街道社区卫生服务中心" })
    let towns = Dictionary(uniqueKeysWithValues: townships.map { ($0.id, $0) })
    var townNames: [String: String] = [:]
    for c in HezeAtlas.city.counties { for t in c.towns { townNames["\(c.id)-\(t.slug)"] = t.name } }
    for v in villages {
        #expect(v.name.hasPrefix(townNames[v.township!]!) && v.name.hasSuffix("村卫生室"), "\(v.name)")
        #expect(towns[v.township!]?.county == v.county)
    }
    // Positions near the county seats (Heze is around 35.2N 115.4E).
    for i in s.institutions {
        let l = i.location!
        #expect((34.4...36.0).contains(l.lat) && (114.8...116.5).contains(l.lon), "\(i.id) at \(l.lat), \(l.lon)")
    }
}

// MARK: - Realism and room to plan, for several seeds

@Test(arguments: [UInt64(1), 2, 3, 2024])
func hezeScenarioIsPlannableWithRoom(seed: UInt64) {
    let g = generated(.hezeCity, seed: seed)
    let r = g.report
    let s = g.scenario
    #expect(r.shortfalls.isEmpty, "\(r.shortfalls)")
    // Quotas sum near the plan's totals.
    #expect((100...120).contains(r.quotas.t1), "T1 quotas \(r.quotas.t1)")
    #expect((320...370).contains(r.quotas.t2), "T2 quotas \(r.quotas.t2)")
    #expect(r.quotas.t3 >= 350, "T3 quotas \(r.quotas.t3)")
    expectRoom(g)

    // T1: each team its own central clinic in its recipient's county, with room to spare.
    let teamSize = s.parameters.int("T1.team-size")
    let teams = s.institutions.filter { $0.tier == .tertiary }.map {
        (s.parameters.percent("T1.quota").minimumCount(of: $0.technicalStaff!) + teamSize - 1) / teamSize
    }.reduce(0, +)
    let hosts = Set(s.institutions.filter { $0.tier == .county }.compactMap(\.county))
    let workstations = s.institutions.filter { $0.central && hosts.contains($0.county!) }.count
    #expect(workstations >= 2 * teams, "\(workstations) central clinics for \(teams) T1 teams")
    #expect(r.counts.stationingVillages >= 3 * s.parameters.int("T3.total.stationed"))
}

@Test(arguments: [GeneratedRegion.hezeMudan, .yangguCounty], [UInt64(1), 2, 3])
func smallerRegionsArePlannableWithRoom(region: GeneratedRegion, seed: UInt64) {
    let g = generated(region, seed: seed)
    #expect(g.report.shortfalls.isEmpty, "\(g.report.shortfalls)")
    #expect(g.report.counts.tertiary == 0)
    #expect(g.report.counts.townships == 18)
    expectRoom(g)
}

/// Every check of the report has room: quotas and team mixes per sender at least 2×, region
/// totals, stationing and TCM at least 1.5×.
private func expectRoom(_ g: GeneratedScenario) {
    for c in g.report.checks where c.need > 0 {
        let perSender = c.rule.hasPrefix("T1.quota") || c.rule.hasPrefix("T2.quota") || c.rule.hasPrefix("T3.quota")
        let least = perSender ? 2.0 : 1.5
        #expect(Double(c.have) >= least * Double(c.need), "\(g.region.rawValue) seed \(g.seed): \(c)")
    }
    // TCM: a county with county hospitals covers its own TCM-featured centres 1.5 times over
    // (one physician holds at most TCM.centres-per-physician of them), city physicians aside.
    let s = g.scenario
    let perPhysician = s.parameters.int("TCM.centres-per-physician")
    let countyOf = Dictionary(uniqueKeysWithValues: s.institutions.filter { $0.tier == .county }.map { ($0.id, $0.county!) })
    for c in Set(countyOf.values).sorted() {
        let centres = s.institutions.filter { $0.tier == .township && $0.county == c && $0.tcmFeatured }.count
        let needed = (centres + perPhysician - 1) / perPhysician
        let own = s.staff.filter { $0.isSeniorTCMPhysician && countyOf[$0.institution] == c }.count
        #expect(2 * own >= 3 * needed, "\(c): \(own) senior TCM physicians for \(centres) TCM-featured centres")
    }
}

@Test(arguments: GeneratedRegion.allCases)
func candidatesAndVillagesLookReal(region: GeneratedRegion) {
    let s = generated(region).scenario
    let n = Double(s.staff.count)
    func share(_ role: Role) -> Double { Double(s.staff.filter { $0.role == role }.count) / n }
    #expect(abs(share(.doctor) - 0.45) < 0.05)
    #expect(abs(share(.nurse) - 0.30) < 0.05)
    #expect(abs(share(.technician) - 0.15) < 0.05)
    #expect(abs(share(.pharmacist) - 0.10) < 0.05)
    let withLeave = Double(s.staff.filter { !$0.unavailable.isEmpty }.count) / n
    #expect((0.06...0.14).contains(withLeave), "\(withLeave) with leave")
    let eligibility = PostingEligibility(scenario: s)
    #expect(s.staff.contains { !eligibility.canHoldPosting($0, tier: "T1") }, "some long leave")

    let countyHospitals = Set(s.institutions.filter { $0.tier == .county }.map(\.id))
    let countyStaff = s.staff.filter { countyHospitals.contains($0.institution) }
    let homes = Double(countyStaff.filter { $0.hometown != nil }.count) / Double(countyStaff.count)
    #expect((0.13...0.27).contains(homes), "\(homes) of county-hospital candidates with a home village")
    let countyOf = Dictionary(uniqueKeysWithValues: s.institutions.map { ($0.id, $0.county) })
    for m in countyStaff where m.hometown != nil {
        #expect(countyOf[m.hometown!]! == countyOf[m.institution]!, "\(m.id)'s home village is in its county")
    }
    #expect(Set(s.staff.map(\.id)).count == s.staff.count)
    #expect(Set(s.institutions.map(\.id)).count == s.institutions.count)

    let villages = s.institutions.filter { $0.tier == .village }
    let usual = villages.filter { (300...3000).contains($0.population!) }.count
    #expect(Double(usual) / Double(villages.count) > 0.8)
    let areas = Dictionary(grouping: villages, by: { $0.serviceArea! })
    for (area, members) in areas {
        #expect((3...8).contains(members.count), "\(area) has \(members.count) villages")
    }
    for (township, members) in Dictionary(grouping: villages, by: { $0.township! }) {
        #expect(Set(members.map(\.name)).count == members.count, "village names unique in \(township)")
    }
}

// MARK: - Hand-made scenarios

@Test func miniScenarioIsCompleteAndPlannable() throws {
    let s = try LineScenario.read(scenariosDir + "/mini/heze-mini.yaml")
    let r = CapacityReport(s)
    #expect(r.shortfalls.isEmpty, "\(r.shortfalls)")
    #expect(r.counts.tertiary == 2 && r.counts.secondary == 1 && r.counts.countyHospitals == 2)
    #expect(r.counts.townships == 4 && r.counts.tcmFeatured == 1)
    #expect(r.counts.villages == 20 && r.counts.centralClinics == 3 && r.counts.stationingVillages == 3)
    #expect((70...90).contains(r.counts.candidates))
    #expect(s.calendar == HolidayNotice.year2025.calendar)
    // The totals are overridden to the quota sums, so every quota counts.
    #expect(r.quotas.t1 == s.parameters.int("T1.total"))
    #expect(r.quotas.t2 == s.parameters.int("T2.total"))
    #expect(r.quotas.t3 == s.parameters.int("T3.total"))
    #expect(s.parameters.int("REGION.total") == 40)
}

@Test(arguments: [
    ("quota-short", "T1.quota", "hz-tcm"),
    ("team-mix", "T2.team-mix", "hz-second"),
    ("locality", "T2.locality", "chengwu-people"),
    ("stationing", "T3.total.stationed+T3.station-target", "region"),
    ("leave", "T2.quota+PERSON.leave", "shan-people"),
])
func infeasibleScenarioHasExactlyItsCollision(file: String, rule: String, subject: String) throws {
    let s = try LineScenario.read(scenariosDir + "/infeasible/\(file).yaml")
    let short = CapacityReport(s).shortfalls
    #expect(short.map(\.rule) == [rule], "\(short)")
    #expect(short.map(\.subject) == [subject])
    // Otherwise the same as heze-mini: the same institutions and candidates but for the change.
    let mini = try LineScenario.read(scenariosDir + "/mini/heze-mini.yaml")
    let changedInstitutions = s.institutions.filter { i in !mini.institutions.contains(i) }.count
    let changedStaff = s.staff.filter { m in !mini.staff.contains(m) }.count
    #expect(changedInstitutions <= 1 && changedStaff <= 9, "\(changedInstitutions) institutions, \(changedStaff) candidates changed")
}
