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

/// The spec example with each `old` text replaced by `new` (each must occur).
func specExample(_ edits: [(String, String)]) -> String {
    var text = specExample
    for (old, new) in edits {
        precondition(text.contains(old), "fixture edit not found: \(old)")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

@Suite struct ScenarioReaderValidTests {
    @Test func specExampleReadsWithEveryField() throws {
        let dir = FixtureDirectory()
        let s = try dir.read(specExample)
        #expect(s.name == "heze-mini-2025")
        #expect(s.profile == "heze-city")
        #expect(s.parameters == Profile.builtIn("heze-city")!.parameters)
        #expect(s.period == DayRange(from: day("2025-01-01"), to: day("2025-12-31")))
        #expect(s.calendar.holidays == [day("2025-01-01"), day("2025-01-28"), day("2025-01-29")])
        #expect(s.calendar.workdays == [day("2025-01-26"), day("2025-02-08")])
        #expect(s.counties == [County(id: "cao", name: "曹县")])
        #expect(s.institutions.map(\.id) == ["hz-municipal", "hz-second", "cao-people", "cao-hanji", "cao-hanji-v01"])
        #expect(s.institutions.map(\.line) == [15, 16, 17, 18, 24])

        let municipal = s.institutions[0]
        #expect(municipal == Institution(id: "hz-municipal", name: "菏泽市立医院", tier: .tertiary,
                                         technicalStaff: 3520, line: 15))
        let township = s.institutions[3]
        #expect(township == Institution(id: "cao-hanji", name: "曹县韩集镇卫生院", tier: .township, county: "cao",
                                        medicalStaff: 64, tcmFeatured: true, line: 18))
        let village = s.institutions[4]
        #expect(village == Institution(id: "cao-hanji-v01", name: "韩集镇李庄村卫生室", tier: .village, county: "cao",
                                       township: "cao-hanji", population: 1320, villageDoctor: false,
                                       integrated: true, licensedPhysician: false, central: false,
                                       serviceArea: "cao-hanji-a1", location: Location(lat: 34.83, lon: 115.55), line: 24))
        #expect(s.staff == [StaffMember(id: "hzm-0001", name: "张伟", institution: "hz-municipal", role: .doctor,
                                        specialty: "internal", title: .senior, hometown: "cao-hanji-v01",
                                        unavailable: [DayRange(from: day("2025-03-01"), to: day("2025-03-14"))],
                                        line: 37)])
        #expect(s.links == [Link(from: "hz-municipal", to: "cao-people")])
        #expect(s.warnings.isEmpty)
    }

    @Test func readsFromPathWithDefaults() throws {
        let dir = FixtureDirectory()
        let path = dir.write("mini.yaml", miniScenario(staff: "[{id: s1, name: 李娜, institution: cao-people, role: nurse}]"))
        let s = try ScenarioReader.read(path: path)
        #expect(s.calendar == WorkCalendar())
        #expect(s.parameters == Profile.builtIn("heze-city")!.parameters)
        #expect(s.links.isEmpty)
        // No `counties:`: each county id names itself.
        #expect(s.counties == [County(id: "cao", name: "cao")])
        let village = s.institutions[3]
        #expect(village.villageDoctor && village.integrated && village.licensedPhysician)
        #expect(!village.central)
        #expect(village.serviceArea == nil)
        #expect(village.effectiveServiceArea == "cao-hanji-v01")
        #expect(village.location == nil)
        #expect(s.institutions[2].tcmFeatured == false)
        #expect(s.staff == [StaffMember(id: "s1", name: "李娜", institution: "cao-people", role: .nurse, line: 9)])
    }

    @Test func countiesWithoutListAreSortedDistinct() throws {
        let dir = FixtureDirectory()
        let s = try dir.read("""
            name: x
            profile: jining-city
            period: {start: 2025-01-01, end: 2025-12-31}
            institutions:
              - {id: shan-people, name: 单县人民医院, tier: county, county: shan, technicalStaff: 900}
              - {id: cao-people, name: 曹县人民医院, tier: county, county: cao, technicalStaff: 1210}
              - {id: shan-2, name: 单县中医院, tier: county, county: shan, technicalStaff: 300}
            staff: []
            """)
        #expect(s.counties == [County(id: "cao", name: "cao"), County(id: "shan", name: "shan")])
        #expect(s.institutions.map(\.id) == ["shan-people", "cao-people", "shan-2"])
        #expect(s.profile == "jining-city")
    }

    @Test func rulesOverrideTheProfile() throws {
        let dir = FixtureDirectory()
        let s = try dir.read(specExample([
            ("  T1.team-size: 6\n", "  T1.team-size: 7\n  T1.quota: 1.25\n  T2.quota: 2.50\n"),
            ("profile: heze-city ", "profile: heze-mudan "),
        ]))
        #expect(s.profile == "heze-mudan")
        #expect(s.parameters.int("T1.team-size") == 7)
        #expect(s.parameters.percent("T1.quota") == ExactPercent(units: 125, scale: 2))
        #expect(s.parameters.percent("T2.quota") == ExactPercent(units: 25, scale: 1))
        #expect(s.parameters.int("T2.total") == 45)   // heze-mudan's own value, not overridden
        #expect(s.parameters.int("REGION.total") == 800)
        #expect(s.parameters.sortedKeys == Profile.builtIn("heze-mudan")!.parameters.sortedKeys)
    }

    @Test func leaveIsClippedToThePeriod() throws {
        let dir = FixtureDirectory()
        let s = try dir.read(specExample([(
            "      - {from: 2025-03-01, to: 2025-03-14}\n",
            """
                  - {from: 2024-12-20, to: 2025-01-05}
                  - {from: 2024-06-01, to: 2024-06-30}
                  - {from: 2025-12-30, to: 2026-01-10}
                  - 2025-05-06
                  - 2025-07-01..2025-07-05

            """)]))
        #expect(s.staff[0].unavailable == [
            DayRange(from: day("2025-01-01"), to: day("2025-01-05")),
            DayRange(from: day("2025-12-30"), to: day("2025-12-31")),
            DayRange(from: day("2025-05-06"), to: day("2025-05-06")),
            DayRange(from: day("2025-07-01"), to: day("2025-07-05")),
        ])
    }

    @Test func calendarDaysOutsideThePeriodAreIgnoredWithAWarning() throws {
        let dir = FixtureDirectory()
        let s = try dir.read(specExample([
            ("holidays: [2025-01-01, 2025-01-28, 2025-01-29]", "holidays: [2026-01-01, 2025-01-29, 2025-01-28, 2025-01-28, 2024-12-31]"),
            ("workdays: [2025-01-26, 2025-02-08]", "workdays: [2025-02-08, 2026-02-14, 2025-01-26]"),
        ]))
        #expect(s.calendar.holidays == [day("2025-01-28"), day("2025-01-29")])
        #expect(s.calendar.workdays == [day("2025-01-26"), day("2025-02-08")])
        #expect(s.warnings == [
            "heze.yaml:6: calendar.holidays[0]: 2026-01-01 is outside the period 2025-01-01..2025-12-31; ignored",
            "heze.yaml:6: calendar.holidays[4]: 2024-12-31 is outside the period 2025-01-01..2025-12-31; ignored",
            "heze.yaml:7: calendar.workdays[1]: 2026-02-14 is outside the period 2025-01-01..2025-12-31; ignored",
        ])
    }

    @Test func nullOptionalFieldsAreAbsent() throws {
        let dir = FixtureDirectory()
        let s = try dir.read(miniScenario(staff: "\n  - {id: s1, name: 李娜, institution: cao-people, role: nurse, title: ~, unavailable: }",
                                          extra: "calendar:\nlinks: ~\nrules: {}"))
        #expect(s.staff[0].title == nil)
        #expect(s.staff[0].unavailable.isEmpty)
        #expect(s.links.isEmpty)
    }

    @Test func byteOrderMarkAndGB18030ScenarioFile() throws {
        let dir = FixtureDirectory()
        let text = miniScenario(staff: "[{id: s1, name: 张伟, institution: cao-people, role: doctor}]")
        let withBOM = dir.write("bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(try ScenarioReader.read(path: withBOM).staff[0].name == "张伟")
        // The same file in GB18030, converted by iconv(1) from the C library.
        let gb = try #require(gb18030(text))
        #expect(String(validating: gb, as: UTF8.self) == nil)
        let gbPath = dir.write("gb.yaml", bytes: gb)
        let s = try ScenarioReader.read(path: gbPath)
        #expect(s.staff[0].name == "张伟")
        #expect(s.institutions[0].name == "菏泽市立医院")
    }
}

/// `text` encoded as GB18030 by the iconv command, or nil when it is not available.
func gb18030(_ text: String) -> [UInt8]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    do { try process.run() } catch { return nil }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? [UInt8](data) : nil
}

@Suite struct ScenarioReaderErrorTests {
    let dir = FixtureDirectory()

    func expectOnly(_ yaml: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(dir.problems(yaml) == [expected], sourceLocation: sourceLocation)
    }

    @Test func unknownTier() {
        expectOnly(specExample([("tier: tertiary", "tier: tertary")]),
                   "heze.yaml:15: institutions[0].tier: unknown tier \"tertary\" (expected tertiary, secondary, county, township, village)")
    }

    @Test func yamlSyntaxErrorHasItsLine() {
        let problems = dir.problems(specExample([("  - {id: cao, name: 曹县}", "  - {id: cao, name: 曹县")]))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("heze.yaml:14: document: YAML syntax error: did not find expected ',' or '}'") == true)
    }

    @Test func duplicateKeysAreAllReportedAndReadingGoesOn() {
        let problems = dir.problems(specExample([
            ("technicalStaff: 3520}", "technicalStaff: 3520, technicalStaff: 3000}"),
            ("    medicalStaff: 64 ", "    medicalStaff: 60\n    medicalStaff: 64 "),
            ("name: heze-mini-2025\n", "name: heze-mini-2025\nname: again\n"),
            ("role: doctor ", "role: docter "),
        ]))
        #expect(problems == [
            "heze.yaml:2: name: key \"name\" is given twice in this mapping (first on line 1)",
            "heze.yaml:16: institutions[0].technicalStaff: key \"technicalStaff\" is given twice in this mapping (first on line 16)",
            "heze.yaml:24: institutions[3].medicalStaff: key \"medicalStaff\" is given twice in this mapping (first on line 23)",
            "heze.yaml:42: staff[0].role: unknown role \"docter\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
        ])
    }

    @Test func unknownFieldsEverywhere() {
        let problems = dir.problems(specExample([
            ("name: heze-mini-2025", "name: heze-mini-2025\nregion: heze"),
            ("period: {start: 2025-01-01,", "period: {begin: 2025-01-01, start: 2025-01-01,"),
            ("  workdays:", "  weekends: []\n  workdays:"),
            ("{id: cao, name: 曹县}", "{id: cao, name: 曹县, code: 371721}"),
            ("location: {lat: 34.83,", "location: {lat: 34.83, alt: 50,"),
            ("    specialty: internal", "    speciality: internal"),
            ("- {from: 2025-03-01,", "- {start: 2025-03-01, from: 2025-03-01,"),
            ("- {from: hz-municipal,", "- {year: 2024, from: hz-municipal,"),
            ("tier: tertiary,", "tier: tertiary, beds: 3000,"),
        ]))
        #expect(problems == [
            "heze.yaml:2: region: unknown field (expected name, profile, period, calendar, rules, counties, institutions, staff, links, objective)",
            "heze.yaml:5: period.begin: unknown field (expected start, end)",
            "heze.yaml:8: calendar.weekends: unknown field (expected holidays, workdays)",
            "heze.yaml:15: counties[0].code: unknown field (expected id, name)",
            "heze.yaml:17: institutions[0].beds: unknown field (expected id, name, tier, location, technicalStaff)",
            "heze.yaml:37: institutions[4].location.alt: unknown field (expected lat, lon)",
            "heze.yaml:43: staff[0].speciality: unknown field (expected id, name, institution, role, specialty, title, hometown, unavailable)",
            "heze.yaml:47: staff[0].unavailable[0].start: unknown field (expected from, to)",
            "heze.yaml:49: links[0].year: unknown field (expected from, to)",
        ])
    }

    @Test func fieldOfAnotherTier() {
        expectOnly(specExample([("tier: county, county: cao, technicalStaff: 1210}", "tier: county, county: cao, technicalStaff: 1210, tcmFeatured: true}")]),
                   "heze.yaml:17: institutions[2].tcmFeatured: field does not apply to a county institution (expected only id, name, tier, location, county, technicalStaff for tier county)")
    }

    @Test func missingRequiredFieldsPerTier() {
        let problems = dir.problems(specExample([
            (", technicalStaff: 900}", "}"),
            ("    county: cao\n    medicalStaff: 64", "    county: cao"),
            ("    township: cao-hanji\n    population: 1320", "    population: 1320"),
            ("  - {id: cao-people, name: 曹县人民医院, tier: county, county: cao, technicalStaff: 1210}",
             "  - {id: cao-people, name: 曹县人民医院, tier: county, technicalStaff: 1210}"),
        ]))
        #expect(problems == [
            "heze.yaml:16: institutions[1].technicalStaff: required field is missing (expected tier secondary needs technicalStaff)",
            "heze.yaml:17: institutions[2].county: required field is missing (expected tier county needs county, technicalStaff)",
            "heze.yaml:18: institutions[3].medicalStaff: required field is missing (expected tier township needs county, medicalStaff)",
            "heze.yaml:23: institutions[4].township: required field is missing (expected tier village needs county, township, population)",
        ])
    }

    @Test func missingTopLevelAndCommonFields() {
        let problems = dir.problems("""
            name: x
            period: {start: 2025-01-01}
            institutions:
              - {name: 无名医院, tier: tertiary, technicalStaff: 10}
              - {id: a}
            staff:
            """)
        #expect(problems == [
            "heze.yaml:1: profile: required field is missing",
            "heze.yaml:2: period.end: required field is missing",
            "heze.yaml:4: institutions[0].id: required field is missing",
            "heze.yaml:5: institutions[1].name: required field is missing",
            "heze.yaml:5: institutions[1].tier: required field is missing",
            "heze.yaml:6: staff: required field has no value",
        ])
    }

    @Test func wrongTypes() {
        let problems = dir.problems(specExample([
            ("technicalStaff: 3520}", "technicalStaff: many}"),
            ("technicalStaff: 900}", "technicalStaff: \"900\"}"),
            ("population: 1320 ", "population: 1320.5 "),
            ("tcmFeatured: true ", "tcmFeatured: maybe "),
            ("    central: false", "    central: \"false\""),
            ("holidays: [2025-01-01, 2025-01-28, 2025-01-29]", "holidays: 2025-01-01"),
            ("counties:\n  - {id: cao, name: 曹县}", "counties:\n  - {id: [cao], name: 曹县}"),
            ("    unavailable:                # optional, inclusive date ranges of leave\n      - {from: 2025-03-01, to: 2025-03-14}",
             "    unavailable: {from: 2025-03-01, to: 2025-03-14}"),
            ("links:                          # optional: pairings of earlier years, kept where possible\n  - {from: hz-municipal, to: cao-people}",
             "links: hz-municipal"),
        ]))
        #expect(problems == [
            "heze.yaml:6: calendar.holidays: found \"2025-01-01\" (expected a list of dates YYYY-MM-DD)",
            "heze.yaml:13: counties[0].id: found a list (expected text)",
            "heze.yaml:15: institutions[0].technicalStaff: found \"many\" (expected a whole-hospital head count above 0)",
            "heze.yaml:16: institutions[1].technicalStaff: found quoted text \"900\" (expected a whole-hospital head count above 0)",
            "heze.yaml:23: institutions[3].tcmFeatured: found \"maybe\" (expected true or false)",
            "heze.yaml:29: institutions[4].population: found \"1320.5\" (expected a whole number of 0 or more)",
            "heze.yaml:33: institutions[4].central: found quoted text \"false\" (expected true or false)",
            "heze.yaml:44: staff[0].unavailable: found a mapping (expected a list of leave ranges {from: …, to: …})",
            "heze.yaml:45: links: found \"hz-municipal\" (expected a list of links {from: …, to: …})",
        ])
    }

    @Test func headCountsAndPopulation() {
        let problems = dir.problems(specExample([
            ("technicalStaff: 3520}", "technicalStaff: 0}"),
            ("technicalStaff: 900}", "technicalStaff: -5}"),
            ("medicalStaff: 64 ", "medicalStaff: 0 "),
            ("population: 1320 ", "population: -1 "),
        ]))
        #expect(problems == [
            "heze.yaml:15: institutions[0].technicalStaff: 0 is too small (expected a whole-hospital head count above 0)",
            "heze.yaml:16: institutions[1].technicalStaff: -5 is too small (expected a whole-hospital head count above 0)",
            "heze.yaml:22: institutions[3].medicalStaff: 0 is too small (expected a whole-centre head count above 0)",
            "heze.yaml:29: institutions[4].population: -1 is too small (expected a whole number of 0 or more)",
        ])
        // Population 0 is allowed.
        #expect(dir.problems(specExample([("population: 1320 ", "population: 0 ")])).isEmpty)
    }

    @Test func duplicateIds() {
        let problems = dir.problems(specExample([
            ("{id: hz-second,", "{id: hz-municipal,"),
            ("  - {id: cao, name: 曹县}", "  - {id: cao, name: 曹县}\n  - {id: cao, name: 曹县二}"),
            ("links:", "  - {id: hzm-0001, name: 王芳, institution: hz-municipal, role: nurse}\nlinks:"),
        ]))
        #expect(problems == [
            "heze.yaml:14: counties[1].id: duplicate county id \"cao\" (first on line 13) (expected county ids unique)",
            "heze.yaml:17: institutions[1].id: duplicate institution id \"hz-municipal\" (first on line 16) (expected institution ids unique)",
            "heze.yaml:47: staff[1].id: duplicate staff id \"hzm-0001\" (first on line 38) (expected staff ids unique)",
        ])
    }

    @Test func badReferences() {
        let problems = dir.problems(specExample([
            ("tier: county, county: cao,", "tier: county, county: caox,"),
            ("    township: cao-hanji\n", "    township: cao-people\n"),
            ("institution: hz-municipal", "institution: cao-hanji-v01"),
            ("hometown: cao-hanji-v01", "hometown: cao-hanji"),
            ("to: cao-people}", "to: cao-nowhere}"),
        ]))
        #expect(problems == [
            "heze.yaml:17: institutions[2].county: unknown county \"caox\" (expected a county id listed under counties: cao)",
            "heze.yaml:28: institutions[4].township: \"cao-people\" is a county institution, not a township (expected the id of a township institution of county cao)",
            "heze.yaml:39: staff[0].institution: \"cao-hanji-v01\" is a village institution (expected the id of a tertiary, secondary, county or township institution)",
            "heze.yaml:43: staff[0].hometown: \"cao-hanji\" is a township institution (expected the id of a village)",
            "heze.yaml:47: links[0].to: unknown institution \"cao-nowhere\" (expected the id of an institution)",
        ])
    }

    @Test func villageTownshipInAnotherCounty() {
        let yaml = """
            name: x
            profile: heze-city
            period: {start: 2025-01-01, end: 2025-12-31}
            institutions:
              - {id: shan-t, name: 单县某镇, tier: township, county: shan, medicalStaff: 40}
              - {id: cao-v, name: 曹县某村, tier: village, county: cao, township: shan-t, population: 900}
              - {id: cao-w, name: 曹县某村二, tier: village, county: cao, township: nowhere, population: 900}
            staff: [{id: s, name: 某, institution: shan-t, role: doctor, hometown: ghost}]
            """
        #expect(dir.problems(yaml) == [
            "heze.yaml:6: institutions[1].township: township \"shan-t\" is in county \"shan\", not \"cao\" (expected the id of a township institution of county cao)",
            "heze.yaml:7: institutions[2].township: unknown institution \"nowhere\" (expected the id of a township institution of county cao)",
            "heze.yaml:8: staff[0].hometown: unknown institution \"ghost\" (expected the id of a village)",
        ])
    }

    @Test func datesPeriodAndLeave() {
        let problems = dir.problems(specExample([
            ("period: {start: 2025-01-01, end: 2025-12-31}", "period: {start: 2025-01-01, end: 2024-12-31}"),
            ("2025-01-28, 2025-01-29]", "2025-01-28, 2025-02-30]"),
            ("- {from: 2025-03-01, to: 2025-03-14}", "- {from: 2025-03-14, to: 2025-03-01}\n      - {from: 2025/03/01, to: 2025-03-02}"),
        ]))
        #expect(problems == [
            "heze.yaml:4: period.end: the period ends on 2024-12-31, before it starts on 2025-01-01 (expected end on or after start)",
            "heze.yaml:6: calendar.holidays[2]: bad date \"2025-02-30\" (expected a date written YYYY-MM-DD)",
            "heze.yaml:45: staff[0].unavailable[0]: from 2025-03-14 is after to 2025-03-01 (expected from on or before to)",
            "heze.yaml:46: staff[0].unavailable[1].from: bad date \"2025/03/01\" (expected a date written YYYY-MM-DD)",
        ])
    }

    @Test func holidayThatIsAlsoAWorkday() {
        expectOnly(specExample([("workdays: [2025-01-26,", "workdays: [2025-01-28,")]),
                   "heze.yaml:7: calendar.workdays[0]: 2025-01-28 is listed both as a holiday and as a working day (expected each day in at most one of holidays, workdays)")
    }

    @Test func unknownProfileAndRules() {
        let problems = dir.problems(specExample([
            ("profile: heze-city ", "profile: hez-city "),
            ("  T1.team-size: 6", "  T1.teamsize: 6\n  T1.quota: 1.2.3\n  T2.quota: -1\n  T1.total: 1.5\n  T2.total: -3\n  T3.quota: \"6\""),
        ]))
        let keys = Parameters.definitions.map(\.key).joined(separator: ", ")
        #expect(problems == [
            "heze.yaml:2: profile: unknown profile \"hez-city\" (expected heze-city, heze-mudan, yanggu-county, jining-city, or the path of a profile file)",
            "heze.yaml:9: rules.T1.teamsize: unknown rule id (expected \(keys))",
            "heze.yaml:10: rules.T1.quota: found \"1.2.3\" (expected a percentage of 0 or more written as a number, e.g. 1.2 for 1.2%)",
            "heze.yaml:11: rules.T2.quota: found \"-1\" (expected a percentage of 0 or more written as a number, e.g. 1.2 for 1.2%)",
            "heze.yaml:12: rules.T1.total: found \"1.5\" (expected a whole number from 0 to 1000000: T1 people in the region, at least)",
            "heze.yaml:13: rules.T2.total: -3 is too small (expected a whole number from 0 to 1000000: T2 people in the region, at least)",
            "heze.yaml:14: rules.T3.quota: found quoted text \"6\" (expected a percentage of 0 or more written as a number, e.g. 1.2 for 1.2%)",
        ])
    }

    @Test func unknownRoleTitleAndCoordinates() {
        let problems = dir.problems(specExample([
            ("role: doctor ", "role: surgeon "),
            ("title: senior ", "title: chief "),
            ("{lat: 34.83, lon: 115.55}", "{lat: 134.83, lon: -181}"),
        ]))
        #expect(problems == [
            "heze.yaml:35: institutions[4].location.lat: 134.83 is out of range (expected a latitude in degrees from -90 to 90)",
            "heze.yaml:35: institutions[4].location.lon: -181 is out of range (expected a longitude in degrees from -180 to 180)",
            "heze.yaml:40: staff[0].role: unknown role \"surgeon\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
            "heze.yaml:42: staff[0].title: unknown title \"chief\" (expected junior, intermediate, associate-senior, senior or 主任医师, 副主任医师, 主治医师, 医师 (and the 护/药/技 titles))",
        ])
    }

    @Test func notAMappingAndEmptyFile() {
        #expect(dir.problems("- a\n- b\n") == [
            "heze.yaml:1: document: found a list (expected a mapping with name, profile, period, calendar, rules, counties, institutions, staff, links, objective)",
        ])
        #expect(dir.problems("# nothing\n") == [
            "heze.yaml:1: document: the file is empty (expected a YAML mapping of fields)",
        ])
        #expect(dir.problems("a: 1\n---\nb: 2\n") == [
            "heze.yaml:2: document: YAML syntax error: a second document starts here; the file must hold one document",
        ])
    }

    @Test func missingFileIsReported() {
        let path = (dir.path as NSString).appendingPathComponent("none.yaml")
        #expect(throws: InputError.self) { try ScenarioReader.read(path: path) }
        do {
            _ = try ScenarioReader.read(path: path)
        } catch {
            #expect(error.description == "\(path): document: cannot read the scenario file: no such file")
        }
    }

    @Test func manyErrorsAtOnceFromYAMLAndCSV() {
        dir.write("staff.csv", """
            id,name,institution,role,title
            a1,王芳,hz-municipal,nurse,
            a2,李娜,nowhere,midwife,senior
            a1,赵强,cao-people,doctor,chief

            """)
        let problems = dir.problems(specExample([
            ("tier: tertiary", "tier: tertary"),
            ("technicalStaff: 900}", "technicalStaff: 0}"),
            ("to: cao-people}", "to: cao-nowhere}"),
            (String(specExample[specExample.range(of: "staff:  ")!.lowerBound..<specExample.range(of: "links:")!.lowerBound]),
             "staff: staff.csv\n"),
        ]))
        #expect(problems == [
            "heze.yaml:15: institutions[0].tier: unknown tier \"tertary\" (expected tertiary, secondary, county, township, village)",
            "heze.yaml:16: institutions[1].technicalStaff: 0 is too small (expected a whole-hospital head count above 0)",
            "heze.yaml:38: links[0].to: unknown institution \"cao-nowhere\" (expected the id of an institution)",
            "staff.csv:3: staff[1].institution: unknown institution \"nowhere\" (expected the id of a tertiary, secondary, county or township institution)",
            "staff.csv:3: staff[1].role: unknown role \"midwife\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
            "staff.csv:4: staff[2].id: duplicate staff id \"a1\" (first on line 2) (expected staff ids unique)",
            "staff.csv:4: staff[2].title: unknown title \"chief\" (expected junior, intermediate, associate-senior, senior or 主任医师, 副主任医师, 主治医师, 医师 (and the 护/药/技 titles))",
        ])
    }
}
