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

/// The rota verifier's index of entries: people and sites numbered in id order, a person's
/// entries by day, the valid entries by activity, site and week.
@Suite struct RotaBookTests {
    let verifier = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan)

    func entry(_ person: String, _ date: String, _ half: HalfDay, _ site: String = "cao-hanji-v01",
               _ activity: RotaActivity = .station) -> RotaEntry {
        RotaEntry(person: person, date: date, half: half, site: site, activity: activity)
    }

    @Test func numbersFollowIdOrderAndDaysHoldTheirOwnEntries() throws {
        let entries = [
            entry("ch-s1", "2025-09-02", .pm), entry("b-x", "2025-09-02", .am), entry("ch-s1", "2025-09-02", .am),
            entry("ch-s1", "not-a-date", .pm), entry("ch-s1", "2025-09-02", .pm, "cao-hanji-v03"), entry("a-y", "2025-09-03", .am),
        ]
        let book = RotaVerifier.Book(entries: entries, verifier: verifier)
        #expect(book.people == ["a-y", "b-x", "ch-s1"])
        #expect(book.sites == ["cao-hanji-v01", "cao-hanji-v03"])
        let p = try #require(book.person("ch-s1"))
        #expect(book.items(of: p).map(\.index) == [3, 2, 0, 4])   // undated first, then by slot and input order
        #expect(book.items(p, on: Day(iso: "2025-09-02")!).map(\.index) == [2, 0, 4])
        #expect(book.items("nobody", on: Day(iso: "2025-09-02")!).isEmpty)
        let week = DayRange(from: Day(iso: "2025-09-01")!, to: Day(iso: "2025-09-07")!)
        let v01 = try #require(book.site("cao-hanji-v01"))
        #expect(book.items(.station, at: v01, week: week).map(\.index) == [0, 1, 2, 5])
        #expect(book.items(.station, at: v01, week: DayRange(from: week.from, to: Day(iso: "2025-09-02")!)).map(\.index) == [0, 1, 2])
        #expect(book.items(.station, at: v01, week: DayRange(from: Day(iso: "2025-09-03")!, to: week.to)).map(\.index) == [5])
        #expect(book.items(.station, at: v01, week: DayRange(from: Day(iso: "2025-09-08")!, to: Day(iso: "2025-09-14")!)).isEmpty)
        #expect(book.items(.rounds, at: v01, week: week).isEmpty)
        #expect(book.firstOfEachPerson(book.items(.station, at: v01, week: week)).map(\.index) == [5, 1, 0])
    }

    /// An undated entry is on no day and in no crowded half-day, not even beside 1969-12-31 pm,
    /// the half-day just before the ordinals' zero.
    @Test func anUndatedEntryIsOnNoDay() throws {
        let entries = [entry("ch-s1", "1969-12-31", .pm), entry("ch-s1", "bad", .am), entry("ch-s1", "1969-12-31", .pm, "cao-hanji-v03")]
        let book = RotaVerifier.Book(entries: entries, verifier: verifier)
        let p = try #require(book.person("ch-s1"))
        #expect(book.items(p, on: Day(iso: "1969-12-31")!).map(\.index) == [0, 2])
        let check = try #require(verifier.integrityChecks(book).first)
        #expect(check.quantity("crowdedSlots") == 1)
        #expect(check.quantity("unreadableDates") == 1)
        let single = RotaVerifier.Book(entries: Array(entries.prefix(2)), verifier: verifier)
        #expect(verifier.integrityChecks(single).first?.quantity("crowdedSlots") == 0)
    }
}
