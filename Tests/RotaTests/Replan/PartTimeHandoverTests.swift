import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// A rounds or technical-support helper who leaves, or is away longer than
/// posting.max-leave-days in the rest of the duty, hands the duty to a free colleague of the
/// same sender from that day (heze-mini, re-planned from 2025-07-01): one duty held in
/// succession, which the verifier judges whole against T3.part-time-months.
@Suite struct PartTimeHandoverTests {
    typealias Fixture = ReplanningTests

    /// The event for `person`, and the day the duty passes on.
    static func event(_ kind: Int, _ person: String) -> (kind: String, yaml: String, day: String) {
        // 2025-07-01 is a Tuesday: the week began before the re-plan date, so the duty passes on the Monday after.
        kind == 0 ? ("absence", "{absence: \(person), from: 2025-07-01, to: 2025-09-30, reason: sick leave}", "2025-07-07")
                  : ("departure", "{departure: \(person), date: 2025-08-01, reason: resigned}", "2025-08-01")
    }

    @Test(arguments: [VillageHelpForm.rounds, .techSupport], [0, 1])
    func aPartTimeDutyIsHandedToAColleagueOfTheSameSender(form: VillageHelpForm, event: Int) throws {
        let plan = try Fixture().past().plan
        // A helper holding this one duty, all year.
        let held = Dictionary(grouping: plan.villageHelpers, by: \.person)
        let duty = try #require(plan.villageHelpers.first { $0.form == form && $0.start <= "2025-01-01" && $0.end >= "2025-12-31" && held[$0.person]?.count == 1 })
        let e = Self.event(event, duty.person)
        let (outcome, changes) = try Fixture().replan("changes:\n  - " + e.yaml + "\n")
        if case .rejected(let report) = outcome { Issue.record("\(form) \(e.kind): rejected: \(report.failures.map { "\($0.instance): \($0.finding)" })"); return }
        guard case .replanned(let r) = outcome else { Issue.record("\(form) \(e.kind): expected a re-plan, got \(outcome)"); return }
        try Fixture().expectFrozenAndVerified(r, past: try Fixture().past(), amended: changes.apply(to: Fixture.scenario))
        #expect(r.postingsChanged.count == 1)
        let h = try #require(r.postingsChanged.first?.handover)
        #expect(h.team == "\(form.rawValue):\(duty.site)" && h.person == duty.person && h.from.iso == e.day && !h.replacement.isEmpty)
        #expect(Fixture.scenario.staffIndex()[h.replacement]?.institution == duty.sender)
        #expect(!ReplacementFinder(scenario: Fixture.scenario, plan: plan).peopleOnDuty.contains(h.replacement))
        // The plan: the duty in two parts, the second continuing the first.
        let parts = r.plan.villageHelpers.filter { $0.form == form && $0.site == duty.site && [duty.person, h.replacement].contains($0.person) }
            .map { "\($0.person) \($0.start)..\($0.end) \($0.takesOverFrom ?? "-")" }
        let dayBefore = Day(iso: e.day)!.adding(days: -1).iso
        #expect(parts.sorted() == ["\(duty.person) \(duty.start)..\(dayBefore) -", "\(h.replacement) \(e.day)..\(duty.end) \(duty.person)"].sorted())
        // The rota: the sessions from that day are the replacement's.
        let activity: RotaActivity = form == .rounds ? .rounds : .techSupport
        #expect(!r.rota.entries.contains { $0.person == duty.person && $0.date >= e.day && $0.activity == activity })
        #expect(r.rota.entries.contains { $0.person == h.replacement && $0.activity == activity })
        #expect(r.changes.first { $0.person == h.replacement }?.posting.hasPrefix("takes over \(duty.person)'s") == true)
        // How the rule is met, in the verifier's words: one duty held in succession.
        let met = r.postingsChanged[0].rulesMet
        #expect(met.contains { $0.hasPrefix("T3.part-time-duration[\(h.replacement):\(form.rawValue):\(duty.site)]") && $0.contains("held in succession") }, "\(met)")
        #expect(met.contains { $0.hasPrefix("T3.locality[\(h.replacement):\(form.rawValue):\(duty.site)]") })
    }

    /// The verifier's reading: a duty cut in two parts is one duty only when the second names
    /// the first (`takesOverFrom`); two half-year duties are each too short, and a
    /// `takesOverFrom` that names no duty ending the day before is a PLAN.integrity finding.
    /// The seat counts once in the totals and the quota, as a team's replacement does.
    @Test func theVerifierJudgesADutyHeldInSuccessionWhole() throws {
        let plan = try Fixture().past().plan
        let duty = try #require(plan.villageHelpers.first { $0.form == .rounds && $0.start <= "2025-01-01" && $0.end >= "2025-12-31" })
        let other = try #require(Fixture.scenario.staff.first { $0.institution == duty.sender && !ReplacementFinder(scenario: Fixture.scenario, plan: plan).peopleOnDuty.contains($0.id) })
        let handed = PostingHandover(team: "rounds:\(duty.site)", person: duty.person, replacement: other.id, from: Fixture.from, reason: "test").apply(to: plan)
        let key = "\(other.id):rounds:\(duty.site)"
        func failures(_ p: Plan) -> [String] { PlanVerifier(scenario: Fixture.scenario).verify(p).failures.map(\.instance) }
        #expect(failures(handed).isEmpty)
        // The seat counts once: the totals and the sender's quota count the duty's first holder,
        // not the replacement besides (the replacement holds no other duty).
        func counted(_ p: Plan) -> [String: [Quantity]] {
            let checks = PlanVerifier(scenario: Fixture.scenario).verify(p).checks
            return Dictionary(uniqueKeysWithValues: checks.filter { $0.rule.hasPrefix("T3.total") || $0.rule == "REGION.total" || $0.instance == "T3.quota[\(duty.sender)]" }
                .map { ($0.instance, $0.quantities) })
        }
        #expect(counted(handed) == counted(plan))
        var counts = handed
        for i in counts.villageHelpers.indices { counts.villageHelpers[i].takesOverFrom = nil }
        #expect(counted(counts)["T3.total[\(Fixture.scenario.name)]"]?.first?.value == counted(plan)["T3.total[\(Fixture.scenario.name)]"].map { $0[0].value + 1 })
        var unlinked = handed
        for i in unlinked.villageHelpers.indices { unlinked.villageHelpers[i].takesOverFrom = nil }
        #expect(Set(failures(unlinked)) == ["T3.part-time-duration[\(key)]", "T3.part-time-duration[\(duty.person):rounds:\(duty.site)]"])
        var wrong = handed
        for i in wrong.villageHelpers.indices where wrong.villageHelpers[i].person == other.id { wrong.villageHelpers[i].takesOverFrom = "nobody" }
        #expect(failures(wrong).contains("PLAN.integrity[helper:\(key)]"))
    }
}
