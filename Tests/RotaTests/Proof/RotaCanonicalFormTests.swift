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

    @Test func theDigestHashedInChunksIsTheDigestOfTheBytes() {
        let many = (0..<300).map { k in
            RotaEntry(person: "p\(k / 7)", date: "2025-03-\(10 + k % 7)", half: k % 2 == 0 ? .am : .pm, site: "v\"\(k % 5)", activity: .station)
        }
        let whole = Digest.hex(RotaCanonicalForm.bytes(many))
        for chunk in [1, 2, 100, 1 << 20] {
            #expect(RotaCanonicalForm.sha256(many, chunk: chunk) == whole)
        }
        #expect(RotaCanonicalForm.sha256(many) == whole)
        #expect(RotaCanonicalForm.sha256([]) == Digest.hex(Array("[]".utf8)))
    }

    @Test func activitiesAreNumberedInTheirListedOrder() {
        // The canonical form indexes its table of activity members by `number`.
        #expect(RotaActivity.allCases.map(\.number) == Array(RotaActivity.allCases.indices))
        #expect(HalfDay.allCases == [.am, .pm])
    }
}
