import Foundation
import PropertyBased
import Testing
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// The verifier on random breakages of a real plan: a plan the planner made for heze-mini
/// passes, and each copy broken in one rule at a random place fails, naming that rule.
@Suite struct VerifierProperties {
    static let scenario: Scenario = try! ScenarioReader.read(path: "Scenarios/mini/heze-mini.yaml")
    static let plan: Plan = {
        guard case .planned(let plan) = try! AnnualPlanner(scenario: scenario, options: PlanningOptions(timeLimit: 30)).plan() else {
            fatalError("heze-mini must plan")
        }
        return plan
    }()

    /// One way to break a plan, and the rule that must then fail.
    enum Breakage: CaseIterable, Sendable {
        case memberLeavesATeam, personInTwoTeams, unknownMember, shortStationing, clinicDropped, teamEndsEarly, oneDayRounds

        var rule: String {
            switch self {
            case .memberLeavesATeam: "team-size"
            case .personInTwoTeams: "PERSON.one-posting"
            case .unknownMember: "PLAN.integrity"
            case .shortStationing: "T3.station-continuity"
            case .clinicDropped: "TCM.weekly"
            case .teamEndsEarly: "duration"
            case .oneDayRounds: "T3.part-time-duration"
            }
        }

        /// `plan` broken this way at the place `pick` chooses.
        func apply(to plan: Plan, pick: Int) -> Plan {
            var p = plan
            func at<T>(_ list: [T]) -> Int { pick % list.count }
            switch self {
            case .memberLeavesATeam:
                // Down to one below the team size: T1.team-size or T2.team-size.
                let i = at(p.teams)
                let size = p.teams[i].tier == "T1" ? 6 : 5
                p.teams[i].members = Array(p.teams[i].members.prefix(size - 1))
            case .personInTwoTeams:
                let i = at(p.teams), j = (i + 1) % p.teams.count
                p.teams[j].members.append(p.teams[i].members[pick % p.teams[i].members.count])
            case .unknownMember:
                let i = at(p.teams)
                p.teams[i].members[pick % p.teams[i].members.count] = "nobody-\(pick)"
            case .shortStationing:
                let stations = p.villageHelpers.indices.filter { p.villageHelpers[$0].form == .station }
                let i = stations[pick % stations.count]
                p.villageHelpers[i].end = Day(iso: p.villageHelpers[i].start)!.adding(months: 2).iso
            case .clinicDropped:
                p.tcmClinics.remove(at: at(p.tcmClinics))
            case .teamEndsEarly:
                let i = at(p.teams)
                p.teams[i].end = Day(iso: p.teams[i].start)!.adding(months: 6).iso
            case .oneDayRounds:
                // Every part-time duty a single day: the helpers would still count in the totals.
                for i in p.villageHelpers.indices where p.villageHelpers[i].form != .station {
                    p.villageHelpers[i].end = p.villageHelpers[i].start
                }
            }
            return p
        }
    }

    @Test func theUnbrokenPlanPasses() {
        #expect(PlanVerifier(scenario: Self.scenario).verify(Self.plan).passed)
    }

    @Test func eachBreakageIsNamed() async {
        await propertyCheck(count: 120, input: Gen.element(of: Breakage.allCases), Gen.int(in: 0...10_000)) { breakage, pick in
            guard let breakage else { return }
            let broken = breakage.apply(to: Self.plan, pick: pick)
            let report = PlanVerifier(scenario: Self.scenario).verify(broken)
            #expect(!report.passed, "\(breakage) at \(pick) passed")
            #expect(report.failures.contains { $0.instance.contains(breakage.rule) || $0.rule.contains(breakage.rule) },
                    "\(breakage) at \(pick): \(report.failures.map(\.instance).prefix(8))")
        }
    }
}
