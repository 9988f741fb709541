import Foundation
import Testing
@testable import Rota

/// The rota's canonical bytes: written token by token, equal to the canonical JSON of its value.
@Suite struct RotaCanonicalFormTests {
    let entries = [
        RotaEntry(person: "p2", date: "2025-03-04", half: .pm, site: "v\"1", activity: .station),
        RotaEntry(person: "p1", date: "2025-03-04", half: .pm, site: "c1", activity: .rounds3331),
        RotaEntry(person: "p1", date: "2025-03-04", half: .am, site: "村\\卫生室", activity: .techSupport),
    ]

    @Test func bytesAreTheCanonicalJSONOfTheSortedEntries() {
        #expect(RotaCanonicalForm.data(entries) == CanonicalJSON.data(RotaCanonicalForm.value(entries)))
        #expect(String(decoding: RotaCanonicalForm.data(Array(entries.prefix(1))), as: UTF8.self)
                == #"[{"activity":"station","date":"2025-03-04","half":"pm","person":"p2","site":"v\"1"}]"#)
        #expect(RotaCanonicalForm.data([]) == Data("[]".utf8))
    }

    @Test func digestIgnoresEntryOrderButNotContent() {
        #expect(RotaCanonicalForm.sha256(entries) == RotaCanonicalForm.sha256(entries.reversed()))
        var moved = entries
        moved[0].half = .am
        #expect(RotaCanonicalForm.sha256(moved) != RotaCanonicalForm.sha256(entries))
    }

    @Test func activitiesAreNumberedInTheirListedOrder() {
        // The canonical form indexes its table of activity members by `number`.
        #expect(RotaActivity.allCases.map(\.number) == Array(RotaActivity.allCases.indices))
        #expect(HalfDay.allCases == [.am, .pm])
    }
}
