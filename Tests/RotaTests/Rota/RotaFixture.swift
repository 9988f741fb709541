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

/// The TestRegion with the 2025 National Day holidays, its annual plan, and a rota scheduled
/// for it after leave was added for a few planned people (leave within posting.max-leave-days,
/// so the plan stays valid). Planned once and shared by the rota tests.
struct RotaFixture: Sendable {
    let scenario: Scenario
    let plan: Plan
    let rota: WeeklyRota
    let statistics: RotaStatistics
    /// Who got leave, by case.
    let doctorOnLeave: String?        // the first T1 team's 3331 doctor, 2025-03-03…03-28
    let nurseOnLeave: String?         // the same group's nurse, 2025-06-02…06-27
    let stationedOnLeave: String?     // a stationed helper, 2025-05-12…05-16
    let roundsOnLeave: String?        // a rounds helper, 2025-07-07…07-11
    let tcmOnLeave: String?           // a TCM physician, 2025-08-04…08-08

    static let shared: Result<RotaFixture, Error> = Result(catching: { try RotaFixture.make() })

    static func day(_ s: String) -> Day { Day(iso: s)! }

    /// The TestRegion with Oct 1–8 holidays and the two adjusted working Sundays/Saturdays.
    static func nationalDayScenario() -> Scenario {
        TestRegion.scenario { s in
            let national = (1...8).map { day(String(format: "2025-10-%02d", $0)) }
            s.calendar = WorkCalendar(holidays: [day("2025-01-01")] + national, workdays: [day("2025-09-28"), day("2025-10-11")])
        }
    }

    static func make() throws -> RotaFixture {
        var scenario = nationalDayScenario()
        guard case .planned(let plan) = try AnnualPlanner(scenario: scenario).plan() else { throw FixtureError.noPlan }
        // Every plan a test uses is one the independent verifier accepts.
        guard PlanVerifier(scenario: scenario).verify(plan).passed else { throw FixtureError.planFailsVerifier }
        let fullTime = Set(plan.teams.flatMap(\.members) + plan.villageHelpers.filter { $0.form == .station }.map(\.person))
        let group = plan.teams.first { $0.group3331 != nil }?.group3331
        // A stationed helper whose hospital has a village helper free to cover.
        let stationed = plan.villageHelpers.filter { $0.form == .station }.first { s in
            plan.villageHelpers.contains { $0.sender == s.sender && $0.form != .station && !fullTime.contains($0.person) }
        }?.person
        let rounds = plan.villageHelpers.first { $0.form == .rounds && $0.person != stationed }?.person
        let tcm = plan.tcmClinics.first?.physician
        func leave(_ person: String?, _ from: String, _ to: String) {
            guard let person, let i = scenario.staff.firstIndex(where: { $0.id == person }) else { return }
            scenario.staff[i].unavailable.append(DayRange(from: day(from), to: day(to)))
        }
        leave(group?.doctor, "2025-03-03", "2025-03-28")
        leave(group?.nurse, "2025-06-02", "2025-06-27")
        leave(stationed, "2025-05-12", "2025-05-16")
        leave(rounds, "2025-07-07", "2025-07-11")
        leave(tcm, "2025-08-04", "2025-08-08")
        let run = try RotaPlanner(scenario: scenario, plan: plan).run()
        return RotaFixture(scenario: scenario, plan: plan, rota: run.rota, statistics: run.statistics,
                           doctorOnLeave: group?.doctor, nurseOnLeave: group?.nurse, stationedOnLeave: stationed,
                           roundsOnLeave: rounds, tcmOnLeave: tcm)
    }

    enum FixtureError: Error { case noPlan, planFailsVerifier }
}

/// Plain facts about a scenario and a rota, worked out here without the rota code, for the
/// tests to check against.
struct RotaFacts {
    let scenario: Scenario
    let rota: WeeklyRota
    /// (person, date, half) → entries there.
    let at: [String: [RotaEntry]]
    let byPerson: [String: [RotaEntry]]
    /// "site|date" → entries there.
    let bySiteDate: [String: [RotaEntry]]

    init(_ scenario: Scenario, _ rota: WeeklyRota) {
        self.scenario = scenario; self.rota = rota
        at = Dictionary(grouping: rota.entries, by: { "\($0.person)|\($0.date)|\($0.half.rawValue)" })
        byPerson = Dictionary(grouping: rota.entries, by: \.person)
        bySiteDate = Dictionary(grouping: rota.entries, by: { "\($0.site)|\($0.date)" })
    }

    /// Entries at a site on some of `dates`.
    func at(site: String, dates: [String]) -> [RotaEntry] { dates.flatMap { bySiteDate["\(site)|\($0)"] ?? [] } }

    func isWorkingDay(_ d: Day) -> Bool {
        guard scenario.period.contains(d) else { return false }
        if scenario.calendar.workdays.contains(d) { return true }
        if scenario.calendar.holidays.contains(d) { return false }
        return d.weekday <= 5
    }

    func onLeave(_ person: String, _ d: Day) -> Bool {
        scenario.staff.first { $0.id == person }?.unavailable.contains { $0.contains(d) } ?? false
    }

    func workingDays(_ from: Day, _ to: Day) -> [Day] {
        stride(from: from.ordinal, through: to.ordinal, by: 1).map(Day.init(ordinal:)).filter(isWorkingDay)
    }

    func entries(_ person: String, _ d: Day) -> [RotaEntry] {
        (at["\(person)|\(d.iso)|am"] ?? []) + (at["\(person)|\(d.iso)|pm"] ?? [])
    }

    /// Mondays of the weeks meeting the period.
    var mondays: [Day] {
        var out: [Day] = []
        var m = Day(ordinal: scenario.period.from.ordinal - (scenario.period.from.weekday - 1))
        while m <= scenario.period.to { out.append(m); m = Day(ordinal: m.ordinal + 7) }
        return out
    }

    func hasShortfall(_ rule: String, subject: String, period: String) -> Bool {
        rota.shortfalls.contains { $0.rule == rule && $0.subject == subject && $0.period == period }
    }
}
