import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaConflictCheck

/// Labels read as rule instances of the scenario, or not at all.
@Suite struct NamedInstanceTests {
    static let facts = ScenarioFacts(scenario: TestRegion.scenario())

    @Test(arguments: [
        "T1.quota[city-a]", "T2.quota[city-b]", "T2.quota[east-hosp]", "T3.quota[east-t1]",
        "T1.total", "T2.total", "T3.total", "T3.total.stationed", "REGION.total",
        "T1.team-size[city-a,east-hosp]", "T2.team-size[east-hosp,east-t2]", "T2.team-size[city-b,west-t1]",
        "T1.team-mix[city-a,west-hosp,nurses]", "T2.team-mix[city-b,east-t1,medical-technical]",
        "T1.3331[city-a,east-hosp,pharmacist]", "T1.3331[city-a,east-hosp,workstation]",
        "TCM.weekly[east-t1]",
    ])
    func readsAnInstanceOfTheScenario(label: String) {
        let i = NamedInstance(label: label, facts: Self.facts)
        #expect(i?.label == label)
    }

    @Test(arguments: [
        "T1.quota[city-b]",                     // a secondary hospital has no T1 quota
        "T3.quota[east-hosp]",                  // a county hospital has no T3 quota
        "T2.team-size[east-hosp,west-t1]",      // a county hospital's team stays in its county
        "T1.team-mix[city-a,east-hosp,cooks]", "T1.3331[city-a,east-hosp,driver]",
        "TCM.weekly[east-t2]",                  // not TCM-featured
        "T1.duration",                          // the year is long enough
        "T3.station-continuity",
        "PERSON.leave[city-a-0]",               // not on leave
        "T1.total[city-a]", "T1.quota", "T1.quota[]", "T1.quota[city-a", "[city-a]", "",
        "T1.one-sender[city-a,east-hosp,doctor]", // background, never named
        "REGION.total ", "t1.quota[city-a]",
    ])
    func refusesWhatIsNotAnInstance(label: String) {
        #expect(NamedInstance(label: label, facts: Self.facts) == nil)
    }

    @Test func readsLeaveOfAPersonAndOfAClass() {
        let s = TestRegion.scenario { s in
            let long = [DayRange(from: Day(iso: "2025-02-01")!, to: Day(iso: "2025-08-31")!)]
            s.staff = s.staff.map { var p = $0; if ["city-a-1", "city-a-3"].contains(p.id) { p.unavailable = long }; return p }
        }
        let facts = ScenarioFacts(scenario: s)
        // city-a-3 is a senior TCM physician: a class of their own.
        guard case .leave(_, let alone)? = NamedInstance(label: "PERSON.leave[city-a-3]", facts: facts)?.kind else { Issue.record("no person instance"); return }
        #expect(alone.map(\.id) == ["city-a-3"])
        guard case .leave(_, let members)? = NamedInstance(label: "PERSON.leave[city-a~nurse~general~leave]", facts: facts)?.kind else { Issue.record("no class instance"); return }
        #expect(members.map(\.id) == ["city-a-1"])
        #expect(NamedInstance(label: "PERSON.leave[city-a~nurse~general~free]", facts: facts) == nil)
    }
}
