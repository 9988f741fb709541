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

/// The rota verifier's report order: checks sorted by family and instance key, a key that
/// occurs again numbered `#2`, `#3`, … in the order the checks were made.
@Suite struct RotaOrderingTests {
    /// The order as first written: number the repeats in the order given, then sort.
    func reference(_ checks: [RuleCheck]) -> [RuleCheck] {
        PlanVerifier.numberingRepeats(checks).sorted(by: RotaVerifier.precedes)
    }

    func check(_ rule: String, _ key: String, passed: Bool = true) -> RuleCheck {
        RuleCheck(rule: PlanVerifier.rule(rule), instance: "\(rule)[\(key)]", subject: CheckSubject(kind: .person, id: key, name: ""),
                  quantities: [Quantity("passed", passed ? 1 : 0)], arithmetic: "", finding: "", witnesses: [],
                  verdict: passed ? .pass : .fail)
    }

    @Test func repeatsAreNumberedInTheOrderMade() {
        let checks = [
            check("T3.rounds", "b:2025-01-06"), check("ROTA.integrity", "person:x"), check("T3.rounds", "a:2025-01-06", passed: false),
            check("T3.rounds", "b:2025-01-06", passed: false), check("TCM.weekly", "c:2025-01-06"), check("T3.rounds", "b:2025-01-06"),
            check("ROTA.integrity", "person:x]"), check("ROTA.integrity", "person:x", passed: false), check("OTHER.rule", "k"),
            check("T3.rounds", "b:2025-01-06]!z"), check("T3.rounds", "b:2025-01-06]$z"), check("ABC.rule", "k"),
        ]
        let ordered = RotaVerifier.ordered(checks)
        #expect(ordered == reference(checks))
        #expect(ordered.first { $0.instance == "T3.rounds[b:2025-01-06]#2" }?.passed == false)
        #expect(ordered.contains { $0.instance == "T3.rounds[b:2025-01-06]#3" })
        #expect(RotaVerifier.ordered(Array(checks.reversed())) == reference(Array(checks.reversed())))
        #expect(RotaVerifier.inOrder(ordered) && !RotaVerifier.inOrder(checks))
    }

    @Test func aHelperListedTwiceHasItsWeeksNumbered() {
        var plan = RotaVerificationFixture.plan
        plan.villageHelpers += plan.villageHelpers.filter { $0.form != .station }
        let verifier = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: plan)
        let entries = RotaVerificationFixture.entries
        let book = RotaVerifier.Book(entries: entries, verifier: verifier)
        let made = verifier.integrityChecks(book) + verifier.postingChecks(book) + verifier.visit3331Checks(book)
            + verifier.stationChecks(book) + verifier.partTimeChecks(book)
        let checks = verifier.verify(entries: entries)
        #expect(checks == reference(made))
        #expect(checks.contains { $0.instance == "T3.rounds[ca-r1:2025-09-01]#2" })
        #expect(checks.contains { $0.instance.hasPrefix("T3.tech-support[") && $0.instance.hasSuffix("]#2") })
    }

    @Test func twoOrderedPartsMergeAsTheyWouldSortTogether() {
        let weekly = [check("T3.rounds", "b:2025-01-06"), check("TCM.weekly", "c:2025-01-06"), check("T3.rounds", "b:2025-01-06"),
                      check("T3.tech-support", "t:2025-01-13"), check("T3.rounds", "a:2025-01-13")]
        let area = [check("T3.rounds", "area:x:2025-01-06"), check("T3.rounds", "area:x:2024-12-30"), check("T3.rounds", "c:2025-01-06]")]
        func merged(_ a: [RuleCheck], _ b: [RuleCheck]) -> [RuleCheck]? {
            var out = [check("ROTA.integrity", "person:x")]
            guard RotaVerifier.merge(a, b, into: &out) else { return nil }
            #expect(out.first?.instance == "ROTA.integrity[person:x]")   // appended after what is there
            return Array(out.dropFirst())
        }
        #expect(merged(RotaVerifier.ordered(weekly), RotaVerifier.ordered(area)) == reference(weekly + area))
        #expect(merged([], RotaVerifier.ordered(area)) == reference(area))
        // A key in both parts: the parts cannot be merged, they must be numbered together.
        #expect(merged(RotaVerifier.ordered(weekly), [check("T3.rounds", "a:2025-01-13")]) == nil)
    }

    @Test func partsSharingAKeyAreDecidedAgainTogether() throws {
        let verifier = RotaVerifier(scenario: RotaVerificationFixture.scenario, plan: RotaVerificationFixture.plan)
        let entries = RotaVerificationFixture.entries
        let parts = RotaVerifier.Parts(verifier: verifier, entries: entries)
        var decided = (0..<parts.count).map(parts.decide)
        #expect(parts.assemble(decided) == verifier.verify(entries: entries))
        // The area windows' part given one of the weekly part's keys (as a helper whose id were
        // `area:…` would): the part-time family is decided again as one, as before the split.
        let area = try #require(decided.firstIndex { $0.contains { $0.instance.hasPrefix("T3.rounds[area:") } })
        let weekly = try #require(decided.firstIndex { $0.contains { $0.rule == "T3.rounds" && !$0.instance.hasPrefix("T3.rounds[area:") } })
        var stray = decided[weekly][0]
        stray.finding = "stray"
        decided[area] = RotaVerifier.ordered(decided[area] + [stray])
        let assembled = parts.assemble(decided)
        #expect(assembled == verifier.verify(entries: entries))
        #expect(!assembled.contains { $0.finding == "stray" })
    }
}
