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

/// The two paths agree on a rota the planner made: the independent rota verifier accepts it
/// whole, and names the rule when one family is broken in a copy.
@Suite struct PlannedRotaBreakageTests {
    struct Planned {
        let scenario: Scenario
        let plan: Plan
        let rota: WeeklyRota
    }

    /// The test region with the 2025 National Day holidays, planned and scheduled.
    static let planned: Planned = {
        let scenario = TestRegion.scenario { s in
            s.calendar.holidays += ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"].map { Day(iso: $0)! }
            s.calendar.workdays += ["2025-09-28", "2025-10-11"].map { Day(iso: $0)! }
        }
        guard case .planned(let plan) = try! AnnualPlanner(scenario: scenario).plan() else { fatalError("test region must plan") }
        let rota = try! RotaPlanner(scenario: scenario, plan: plan).schedule()
        return Planned(scenario: scenario, plan: plan, rota: rota)
    }()

    static func failures(_ entries: [RotaEntry]) -> [RuleCheck] {
        RotaVerifier(scenario: planned.scenario, plan: planned.plan).verify(entries: entries).filter { !$0.passed }
    }

    @Test func thePlannersRotaPassesTheIndependentVerifier() {
        let p = Self.planned
        #expect(PlanVerifier(scenario: p.scenario).verify(p.plan).passed)
        #expect(p.rota.shortfalls.isEmpty)
        let failed = Self.failures(p.rota.entries)
        #expect(failed.isEmpty, "\(failed.prefix(5).map { "\($0.instance): \($0.finding)" })")
    }

    /// One broken copy per rule family; the verifier must name that rule.
    @Test(arguments: ["T1.3331", "T3.station-days", "T3.rounds", "TCM.weekly", "ROTA.posting", "ROTA.integrity"])
    func aBrokenCopyIsCaughtByRule(rule: String) throws {
        var entries = Self.planned.rota.entries
        let plan = Self.planned.plan
        switch rule {
        case "T1.3331":
            // The 3331 group's visits of one month, gone.
            let group = try #require(plan.teams.first { $0.group3331 != nil }?.group3331)
            entries.removeAll { $0.activity.is3331Visit && $0.person == group.doctor && $0.date.hasPrefix("2025-03") }
        case "T3.station-days":
            let helper = try #require(plan.villageHelpers.first { $0.form == .station })
            entries.removeAll { $0.person == helper.person && $0.date >= "2025-05-12" && $0.date <= "2025-05-14" }
        case "T3.rounds":
            let helper = try #require(plan.villageHelpers.first { $0.form == .rounds })
            entries.removeAll { $0.person == helper.person && $0.activity == .rounds && $0.date >= "2025-06-02" && $0.date <= "2025-06-15" }
        case "TCM.weekly":
            let clinic = try #require(plan.tcmClinics.first)
            entries.removeAll { $0.activity == .tcmClinic && $0.site == clinic.centre && $0.date >= "2025-07-07" && $0.date <= "2025-07-13" }
        case "ROTA.posting":
            let member = try #require(plan.teams.first { $0.tier == "T2" }?.members.first)
            entries.removeAll { $0.person == member && $0.date == "2025-08-05" }
        default:
            // A person in two places in one slot.
            let e = try #require(entries.first { $0.activity == .posting })
            entries.append(RotaEntry(person: e.person, date: e.date, half: e.half, site: plan.teams.last!.recipient == e.site ? plan.teams.first!.recipient : plan.teams.last!.recipient, activity: .posting))
        }
        let failed = Self.failures(entries)
        #expect(failed.contains { $0.rule == rule }, "expected \(rule); got \(Set(failed.map(\.rule)).sorted())")
    }
}
