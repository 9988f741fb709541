import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// The independent verifier accepts a team member replaced mid-term exactly as rules.md reads
/// it (`posting.replacement: 1`): a known colleague of the same sender, not yet in the team,
/// from a day inside the term, in the replaced member's place and 3331 role, the replaced
/// member serving until the day before — and nothing looser.
@Suite struct ReplacementVerifierTests {
    static let scenario = ReplanningTests.scenario
    static let from = Day(iso: "2025-07-01")!

    struct Year {
        let plan: Plan
        let rota: [RotaEntry]
        let team: PlanTeam
        let nurse: String
        /// A free nurse of the team's sender.
        let colleague: String
    }

    func year() throws -> Year {
        let e = try #require(ReplanningTests.earlier)
        let plan = try PlanReader.decode(e.plan, file: "plan.json")
        let rota = try RotaCSVReader.read(data: e.rota, path: "rota.csv")
        let team = try #require(plan.teams.first { $0.group3331 != nil })
        let busy = ReplacementFinder(scenario: Self.scenario, plan: plan).peopleOnDuty
        let colleague = try #require(Self.scenario.staff.first { $0.institution == team.sender && $0.role == .nurse && !busy.contains($0.id)
                                                                 && $0.unavailable.isEmpty })
        return Year(plan: plan, rota: rota, team: team, nurse: team.group3331!.nurse, colleague: colleague.id)
    }

    func replaced(_ y: Year, by: String, from: String = "2025-07-01", person: String? = nil) -> Plan {
        var p = y.plan
        let i = p.teams.firstIndex { $0.id == y.team.id }!
        p.teams[i].replacements = [PlanReplacement(person: person ?? y.nurse, replacement: by, from: from, reason: "test")]
        return p
    }

    func failures(_ plan: Plan, _ scenario: Scenario = scenario) -> [String] {
        PlanVerifier(scenario: scenario).verify(plan).failures.map(\.instance)
    }

    /// The rota with the nurse's half-days from the date moved to the replacement.
    func movedRota(_ y: Year, to replacement: String) -> [RotaEntry] {
        let h = PostingHandover(team: y.team.id, person: y.nurse, replacement: replacement, from: Self.from, reason: "test")
        return h.move(y.rota, sites: [y.team.recipient, y.team.group3331!.workstation], onLeave: [])
    }

    @Test func aSameSenderReplacementKeepsTheTeamsYear() throws {
        let y = try year()
        let plan = replaced(y, by: y.colleague)
        let report = VerifiedProof.report(scenario: Self.scenario, plan: plan, rota: (file: "rota.csv", entries: movedRota(y, to: y.colleague)))
        #expect(report.passed, "\(report.failures.map(\.instance))")
        let size = try #require(report.checks.first { $0.instance == "T1.team-size[\(y.team.id)]" })
        #expect(size.finding.contains("\(y.nurse) until 2025-06-30, then \(y.colleague) (nurse, same sender) from 2025-07-01"))
        // The seat is counted once: the sender's quota and the T1 total count the same people as before.
        let before = PlanVerifier(scenario: Self.scenario).verify(y.plan)
        for instance in ["T1.quota[\(y.team.sender)]", "T1.total[\(Self.scenario.name)]", "REGION.total[\(Self.scenario.name)]"] {
            let a = before.checks.first { $0.instance == instance }, b = report.checks.first { $0.instance == instance }
            #expect(a != nil && a?.quantities == b?.quantities, "\(instance)")
        }
        // Each serves their own part: ROTA.posting is judged on the replacement from the date.
        let posting = try #require(report.allChecks.first { $0.instance == "ROTA.posting[\(y.colleague)@\(y.team.id)]" })
        #expect(posting.passed && posting.quantity("halfDaysRequired")! > 0)
    }

    @Test func aReplacementFromAnotherSenderBreaksOneSender() throws {
        let y = try year()
        let busy = ReplacementFinder(scenario: Self.scenario, plan: y.plan).peopleOnDuty
        let stranger = try #require(Self.scenario.staff.first { $0.institution != y.team.sender && $0.role == .nurse && !busy.contains($0.id) })
        #expect(failures(replaced(y, by: stranger.id)).contains("T1.one-sender[\(y.team.id)]"))
    }

    @Test func aGroupNurseReplacedByADoctorBreaksThe3331Group() throws {
        let y = try year()
        let busy = ReplacementFinder(scenario: Self.scenario, plan: y.plan).peopleOnDuty
        let doctor = try #require(Self.scenario.staff.first { $0.institution == y.team.sender && $0.role == .doctor && !busy.contains($0.id) })
        #expect(failures(replaced(y, by: doctor.id)).contains("T1.3331[\(y.team.id)]"))
    }

    @Test func aReplacementWhoHoldsAnotherPostingBreaksOnePosting() throws {
        let y = try year()
        let other = try #require(y.plan.teams.first { $0.id != y.team.id && $0.sender == y.team.sender } ?? y.plan.teams.first { $0.id != y.team.id })
        let busyNurse = try #require(other.members.first { Self.scenario.staffIndex()[$0]?.role == .nurse })
        #expect(failures(replaced(y, by: busyNurse)).contains("PERSON.one-posting[\(busyNurse)]"))
    }

    @Test func malformedReplacementsAreIntegrityFailures() throws {
        let y = try year()
        let integrity = "PLAN.integrity[team:\(y.team.id)]"
        let member = try #require(y.team.members.first { $0 != y.nurse })
        #expect(failures(replaced(y, by: member)).contains(integrity))                       // already in the team
        #expect(failures(replaced(y, by: "nobody-99")).contains(integrity))                  // not staff
        let outsider = try #require(Self.scenario.staff.first { $0.institution == y.team.sender && !y.team.members.contains($0.id) && $0.id != y.colleague })
        #expect(failures(replaced(y, by: y.colleague, person: outsider.id)).contains(integrity)) // replaces a non-member
        #expect(failures(replaced(y, by: y.colleague, from: y.team.start)).contains(integrity))  // on the first day: no part served
        #expect(failures(replaced(y, by: y.colleague, from: "2026-01-05")).contains(integrity))  // after the term
        #expect(failures(replaced(y, by: y.colleague, from: "July")).contains(integrity))
    }

    @Test func withPostingReplacementZeroEveryMemberServesTheWholeTerm() throws {
        let y = try year()
        var strict = Self.scenario
        strict.parameters.set("posting.replacement", .integer(0))
        #expect(failures(replaced(y, by: y.colleague), strict).contains("T1.duration[\(y.team.id)]"))
        #expect(!failures(y.plan, strict).contains("T1.duration[\(y.team.id)]"))
    }

    @Test func theRotaMustFollowTheHandover() throws {
        let y = try year()
        let plan = replaced(y, by: y.colleague)
        func rotaFailures(_ entries: [RotaEntry]) -> [String] {
            VerifiedProof.report(scenario: Self.scenario, plan: plan, rota: (file: "rota.csv", entries: entries)).failures.map(\.instance)
        }
        // The earlier rota unchanged: the replacement is never at the post.
        #expect(rotaFailures(y.rota).contains("ROTA.posting[\(y.colleague)@\(y.team.id)]"))
        // The replaced nurse still at the post after the handover, beside her replacement: not hers any more.
        let cut = Self.from.iso
        let both = movedRota(y, to: y.colleague) + y.rota.filter { $0.person == y.nurse && $0.date >= cut }
        #expect(rotaFailures(both).contains { $0.hasPrefix("ROTA.integrity") })
        // The replacement at the post before the handover day: not yet theirs.
        let early = movedRota(y, to: y.colleague) + [RotaEntry(person: y.colleague, date: "2025-06-30", half: .am, site: y.team.recipient, activity: .posting)]
        #expect(rotaFailures(early).contains { $0.hasPrefix("ROTA.integrity") })
    }

    /// The weekly planner reads a team with a replacement in its parts (the re-plan's
    /// `rescheduled` fallback): the replaced nurse until the day before, the replacement from
    /// the day on, in the group's visits too; the verifier passes the year.
    @Test func theWeeklyPlannerSchedulesATeamWithAReplacementInItsParts() throws {
        let y = try year()
        let plan = replaced(y, by: y.colleague)
        let rota = try RotaPlanner(scenario: Self.scenario, plan: plan).schedule()
        let report = VerifiedProof.report(scenario: Self.scenario, plan: plan, rota: (file: "rota.csv", entries: rota.entries))
        #expect(report.passed, "\(report.failures.map(\.instance))")
        let cut = Self.from.iso
        #expect(!rota.entries.contains { $0.person == y.nurse && $0.date >= cut })
        #expect(!rota.entries.contains { $0.person == y.colleague && $0.date < cut })
        #expect(rota.entries.contains { $0.person == y.colleague && $0.activity.is3331Visit })
    }
}
