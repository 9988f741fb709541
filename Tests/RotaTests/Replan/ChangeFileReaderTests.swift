import Foundation
import Testing
@testable import RotaCore
@testable import RotaInput

/// The change file a re-plan reads: each event kind read and applied to the scenario, and bad
/// input refused on its line with what was expected.
@Suite struct ChangeFileReaderTests {
    let scenario = try! FixtureDirectory().read(specExample)
    let from = day("2025-07-01")

    func read(_ yaml: String) throws(InputError) -> ChangeSet {
        try ChangeFileReader.read(yaml: yaml, fileName: "CHANGES.yaml", scenario: scenario, from: from)
    }

    func problems(_ yaml: String) -> [String] {
        do { _ = try read(yaml); return [] } catch { return error.diagnostics.map(\.description) }
    }

    @Test func anAbsenceBecomesLeaveOfThePerson() throws {
        let changes = try read("""
            changes:
              - absence: hzm-0001
                from: 2025-07-01
                to: 2025-09-30
                reason: sick leave
            """)
        #expect(changes.events.count == 1)
        #expect(changes.events[0].source == "CHANGES.yaml:2")
        #expect(changes.events[0].description == "absence of hzm-0001 2025-07-01..2025-09-30 (sick leave) [CHANGES.yaml:2]")
        let amended = changes.apply(to: scenario)
        let person = amended.staff.first { $0.id == "hzm-0001" }!
        #expect(person.unavailable == [DayRange(from: day("2025-03-01"), to: day("2025-03-14")),
                                       DayRange(from: day("2025-07-01"), to: day("2025-09-30"))])
        #expect(changes.peopleNamed == ["hzm-0001"])
    }

    @Test func aDepartureIsLeaveToTheEndOfThePeriod() throws {
        let amended = try read("""
            changes:
              - {departure: hzm-0001, date: 2025-08-15, reason: resigned}
            """).apply(to: scenario)
        #expect(amended.staff[0].unavailable.last == DayRange(from: day("2025-08-15"), to: day("2025-12-31")))
    }

    @Test func aNewCandidateJoinsOnLeaveBeforeTheyAreAvailable() throws {
        let amended = try read("""
            changes:
              - new-candidate: hzm-0900
                name: 李娜
                institution: hz-municipal
                role: nurse
                specialty: general
                title: intermediate
                available: 2025-08-01
                reason: hired in July
            """).apply(to: scenario)
        let added = try #require(amended.staff.first { $0.id == "hzm-0900" })
        #expect(added.role == .nurse && added.institution == "hz-municipal" && added.title == .intermediate)
        #expect(added.unavailable == [DayRange(from: day("2025-01-01"), to: day("2025-07-31"))])
        #expect(amended.staff.count == scenario.staff.count + 1)
    }

    @Test func aHeadCountReplacesTheInstitutionsCount() throws {
        let amended = try read("""
            changes:
              - {head-count: hz-municipal, technical-staff: 4000, reason: merged a branch hospital}
            """).apply(to: scenario)
        #expect(amended.institutionIndex()["hz-municipal"]?.technicalStaff == 4000)
    }

    @Test func aVillageChangesTheFactsOfItsEligibility() throws {
        let amended = try read("""
            changes:
              - {village: cao-hanji-v01, village-doctor: true, integrated: true, population: 600, reason: a village doctor arrived}
            """).apply(to: scenario)
        let v = try #require(amended.institutionIndex()["cao-hanji-v01"])
        #expect(v.villageDoctor && v.integrated && v.population == 600)
    }

    @Test func badEventsAreRefusedOnTheirLines() {
        let found = problems("""
            changes:
              - absence: hzm-9999
                from: 2025-07-01
                to: 2025-09-30
              - departure: hzm-0001
                date: 2025-06-30
              - new-candidate: hzm-0001
                name: x
                institution: cao-hanji-v01
                role: surgeon
              - head-count: cao-hanji-v01
                technical-staff: 0
              - village: cao-people
                population: 10
              - leave: hzm-0001
              - {absence: hzm-0001, from: 2025-09-30, to: 2025-07-01, hours: 3}
            """)
        #expect(found == [
            "CHANGES.yaml:2: changes[0].absence: no staff member \"hzm-9999\" in the scenario (expected a staff id of the scenario)",
            "CHANGES.yaml:6: changes[1].date: 2025-06-30 is before the re-plan date 2025-07-01; the past is frozen as served (expected a day on or after 2025-07-01)",
            "CHANGES.yaml:7: changes[2].new-candidate: staff id \"hzm-0001\" is already taken (expected a new staff id)",
            "CHANGES.yaml:9: changes[2].institution: \"cao-hanji-v01\" is a village (expected a hospital or township centre id of the scenario)",
            "CHANGES.yaml:10: changes[2].role: unknown role \"surgeon\" (expected doctor, nurse, pharmacist, technician or 医师, 护士, 药师, 技师)",
            "CHANGES.yaml:11: changes[3].head-count: \"cao-hanji-v01\" is a village (expected a hospital or township centre id of the scenario)",
            "CHANGES.yaml:12: changes[3].technical-staff: 0 is too small (expected the number of professional technical staff (专业技术人员), 1 or more)",
            "CHANGES.yaml:13: changes[4].village: \"cao-people\" is a county (expected a village id of the scenario)",
            "CHANGES.yaml:15: changes[5]: does not say what happened (expected exactly one of absence, departure, new-candidate, head-count, village)",
            "CHANGES.yaml:16: changes[6].hours: unknown field (expected absence, from, to, reason)",
            "CHANGES.yaml:16: changes[6].to: 2025-07-01 is before from 2025-09-30 (expected to on or after from)",
        ])
    }

    @Test func aFileWithoutChangesIsRefused() {
        #expect(problems("events: []") == [
            "CHANGES.yaml:1: changes: required field is missing (expected a list of events: absence, departure, new-candidate, head-count, village)",
            "CHANGES.yaml:1: events: unknown field (expected changes)",
        ])
    }
}
