import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaPlanner
@testable import RotaVerifier

/// The rescheduled path changes the fewest half-days: when the rota from the re-plan date must
/// be scheduled again, the weekly models keep the earlier rota's half-days wherever the rules
/// allow (`EarlierRota`), instead of planning the weeks afresh.
@Suite struct FewestChangedHalfDaysTests {
    typealias Fixture = ReplanningTests

    /// The lines of a rota.csv on or after `from` (the date is the fourth column).
    static func lines(_ data: Data, from: String) -> [String] {
        String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n").dropFirst().filter { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return f.count > 3 && String(f[3]) >= from
        }
    }

    /// Half-days that differ between two rota files from `from` on, counted on their lines.
    static func changed(_ a: Data, _ b: Data, from: String) -> Int {
        let x = Set(lines(a, from: from)), y = Set(lines(b, from: from))
        return x.subtracting(y).count + y.subtracting(x).count
    }

    /// An earlier rota where a rounds helper went in the other half of every day (a compliant
    /// rota the planner would not have chosen), then every nurse of a 3331 team away the week of
    /// its next visit: keeping or covering the rota breaks T1.3331, so it is scheduled again. The
    /// re-plan moves the visits and the absent members' half-days, and leaves the rounds
    /// helper's sessions where the earlier rota had them; the counts in replan.json and
    /// changes.csv are the files' own differences, fewer than planning the rota again would make.
    @Test func aRescheduledRotaKeepsTheEarlierHalfDaysItCan() throws {
        let e = try #require(Fixture.earlier)
        let plan = try PlanReader.decode(e.plan, file: "plan.json")
        let teams = Set(plan.teams.flatMap(\.everyone))
        let helper = try #require(plan.villageHelpers.filter { $0.form == .rounds && !teams.contains($0.person) }.map(\.person).sorted().first)
        // The earlier rota with the helper's mornings and afternoons swapped, all year.
        let rota = try RotaCSVReader.read(data: e.rota, path: "rota.csv").map { x -> RotaEntry in
            var x = x
            if x.person == helper { x.half = x.half == .am ? .pm : .am }
            return x
        }
        let swapped = Data(RotaCSV.render(rota: WeeklyRota(scenario: Fixture.scenario.name, entries: rota.sorted(), relaxations: [], covers: [], shortfalls: []),
                                          scenario: Fixture.scenario).utf8)
        let earlier = try FrozenPast(planData: e.plan, rotaData: swapped, planFile: "plan.json", rotaFile: "rota.csv", from: Fixture.from)
        #expect(VerifiedProof.report(scenario: Fixture.scenario, plan: plan, rota: (file: "rota.csv", entries: earlier.rota)).failures.isEmpty)

        // Every nurse of a 3331 team away the week of its first visit from the date: nobody
        // can stand in, so the visit moves to another week.
        let team = try #require(plan.teams.first { $0.group3331 != nil })
        let group = try #require(team.group3331)
        let visit = try #require(earlier.planned.filter { $0.person == group.nurse && $0.site == group.workstation && $0.activity != .posting && $0.date >= "2025-07-07" }.map(\.date).min())
        let monday = Day(iso: visit)!.weekStart
        let staff = Fixture.scenario.staffIndex()
        let nurses = team.members.filter { staff[$0]?.role == .nurse }
        let events = nurses.map { "  - {absence: \($0), from: \(monday.iso), to: \(monday.adding(days: 4).iso), reason: course}" }.joined(separator: "\n")
        let (outcome, changes) = try ReplanningTests().replan("""
            changes:
            \(events)
            """, past: earlier)
        guard case .replanned(let r) = outcome else { Issue.record("expected a re-plan, got \(outcome)"); return }
        let amended = changes.apply(to: Fixture.scenario)
        try ReplanningTests().expectFrozenAndVerified(r, past: earlier, amended: amended)
        #expect(r.method == "rescheduled")
        #expect(!r.changes.contains { $0.person == helper }, "\(r.changes.filter { $0.person == helper })")

        // The counts the re-plan reports are the rota files' own differences.
        func bytes(_ name: String) throws -> Data {
            let f = try #require(r.files.first { $0.name == name })
            guard case .data(let d) = f.contents else { throw CocoaError(.fileReadUnknown) }
            return d
        }
        let count = Self.changed(swapped, try bytes("rota.csv"), from: Fixture.from.iso)
        let record = try #require(try JSONSerialization.jsonObject(with: try bytes("replan.json")) as? [String: Any])
        #expect(record["halfDaysChanged"] as? Int == count && record["halfDaysChangedBeforeFrom"] as? Int == 0)
        let table = CSVTable.parse(String(String(decoding: try bytes("changes.csv"), as: UTF8.self).dropFirst())).records.filter { !$0.isBlank }.map(\.cells)
        let removed = try #require(table.first?.firstIndex(of: "减少半天数")), added = try #require(table.first?.firstIndex(of: "增加半天数"))
        let fromCSV = table.dropFirst().map { Int($0[removed])! + Int($0[added])! }.reduce(0, +)
        #expect(fromCSV == count)

        // Fewer than planning the rota again would change (the weekly models without the earlier rota).
        let afresh = try RotaPlanner(scenario: amended, plan: r.plan).schedule()
        let again = Data(RotaCSV.render(rota: afresh, scenario: amended).utf8)
        let planningAgain = Self.changed(swapped, again, from: Fixture.from.iso)
        #expect(count < planningAgain, "re-plan \(count), planned again \(planningAgain)")
        print("fewest changed half-days: re-plan \(count), planned again \(planningAgain)")
    }
}
