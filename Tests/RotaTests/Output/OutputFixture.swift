import Foundation
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

/// A small rota built by hand for the output tests: four weeks around National Day 2025
/// (holidays 10-01…10-08, adjusted working days 09-28 and 10-11), eight people, every
/// activity, a relaxation, a cover, a shortfall, an entry of a person and site the scenario
/// does not know, site names with a comma, quotes and a very long Chinese name.
enum OutputFixture {
    static let start = "2025-09-22", end = "2025-10-19"
    /// The workstation's name: long enough that its SUMMARY line must fold.
    static let longSiteName = "山东省菏泽市牡丹区皇镇街道办事处东方红社区第三卫生服务站（名医基层工作站, 3331）"
    /// A name with a comma and quotes, for CSV, HTML and TEXT escaping.
    static let awkwardSiteName = "东县一镇，\"幸福\"村卫生室; 分站"
    static let holidays = (1...8).map { Day(iso: String(format: "2025-10-%02d", $0))! }
    static let workdays = [Day(iso: "2025-09-28")!, Day(iso: "2025-10-11")!]

    static let scenario: Scenario = TestRegion.scenario { s in
        s.period = DayRange(from: Day(iso: start)!, to: Day(iso: end)!)
        s.calendar = WorkCalendar(holidays: holidays, workdays: workdays)
        for i in s.institutions.indices {
            if s.institutions[i].id == "east-t1-v1" { s.institutions[i].name = longSiteName }
            if s.institutions[i].id == "east-t1-v2" { s.institutions[i].name = awkwardSiteName }
        }
    }

    static let plan = Plan(scenario: "test-region", profile: "heze-city", period: PlanPeriod(start: start, end: end),
                           teams: [PlanTeam(tier: "T1", sender: "city-a", recipient: "east-hosp", start: start, end: end,
                                            members: ["city-a-0", "city-a-1", "city-a-2"],
                                            group3331: PlanGroup3331(doctor: "city-a-0", nurse: "city-a-1", pharmacist: "city-a-2", workstation: "east-t1-v1"))])

    static var workingDays: [Day] {
        DayRange(from: Day(iso: start)!, to: Day(iso: end)!).days.filter { scenario.calendar.isWorkingDay($0) }
    }

    static let rota: WeeklyRota = {
        var e: [RotaEntry] = []
        func both(_ p: String, _ d: Day, _ site: String, _ a: RotaActivity) {
            e.append(RotaEntry(person: p, date: d.iso, half: .am, site: site, activity: a))
            e.append(RotaEntry(person: p, date: d.iso, half: .pm, site: site, activity: a))
        }
        for d in workingDays {
            // The T1 team at the county hospital; its 3331 group at the workstation on two days.
            for p in ["city-a-0", "city-a-1", "city-a-2"] {
                if d.iso == "2025-09-24" {
                    both(p, d, "east-t1-v1", .rounds3331)
                } else if d.iso == "2025-10-15" {
                    e.append(RotaEntry(person: p, date: d.iso, half: .am, site: "east-t1-v1", activity: .teaching3331))
                    e.append(RotaEntry(person: p, date: d.iso, half: .pm, site: "east-t1-v1", activity: .lecture3331))
                } else {
                    both(p, d, "east-hosp", .posting)
                }
            }
            both("east-hosp-0", d, "east-t1-v2", .station)
            if d.weekday == 2 { e.append(RotaEntry(person: "east-hosp-1", date: d.iso, half: .am, site: "east-t1-v1", activity: .rounds)) }
            if d.weekday == 4 { e.append(RotaEntry(person: "east-hosp-1", date: d.iso, half: .pm, site: "east-t1-v2", activity: .rounds)) }
            if d.weekday == 1 { e.append(RotaEntry(person: "east-t1-0", date: d.iso, half: .pm, site: "east-t1-v3", activity: .techSupport)) }
            if d.weekday == 5 { e.append(RotaEntry(person: "city-b-tcm0", date: d.iso, half: .am, site: "east-t1", activity: .tcmClinic)) }
        }
        // A morning at the station village and an afternoon of rounds elsewhere.
        e.append(RotaEntry(person: "east-t1-1", date: "2025-09-23", half: .am, site: "east-t1-v2", activity: .station))
        e.append(RotaEntry(person: "east-t1-1", date: "2025-09-23", half: .pm, site: "east-t1-v4", activity: .rounds))
        e.append(RotaEntry(person: "zz-ghost", date: "2025-09-25", half: .am, site: "nowhere", activity: .rounds))
        return WeeklyRota(
            scenario: "test-region", entries: e,
            relaxations: [RotaRelaxation(rule: "TCM.weekly", subject: "city-b-tcm0", period: "2025-09-29", asked: 1, required: 1,
                                         reason: "2 working days in the week (holidays 2025-10-01…2025-10-08)")],
            covers: [RotaCover(rule: "T3.rounds", absent: "east-hosp-2", coveredBy: "east-hosp-1", site: "east-t1-v1", week: "2025-10-13")],
            shortfalls: [RotaShortfall(rule: "T1.3331", subject: "T1:city-a>east-hosp", site: "east-t1-v1", period: "2025-10",
                                       required: 3, scheduled: 2, reason: "no <eligible> colleague & leave")])
    }()

    static let report: VerificationReport = {
        let failing = RuleCheck(rule: PlanVerifier.rule("T1.quota"), instance: "T1.quota[city-a]",
                                subject: CheckSubject(kind: .institution, id: "city-a", name: "市立医院"),
                                quantities: [Quantity("technicalStaff", 500), Quantity("sent", 3)],
                                arithmetic: "3 < ⌈1.2% × 500⌉ = 6", finding: "市立医院 sends 3 people, fewer than 6",
                                witnesses: [Witness(.team, "T1:city-a>east-hosp", note: "team")], verdict: .fail)
        let passing = RuleCheck(rule: PlanVerifier.rule("T1.team-mix"), instance: "T1.team-mix[T1:city-a>east-hosp]",
                                subject: CheckSubject(kind: .team, id: "T1:city-a>east-hosp", name: "市立医院 → east县人民医院"),
                                quantities: [], arithmetic: "doctors 1 ≥ 1", finding: "the team mixes", witnesses: [], verdict: .pass)
        return VerificationReport(scenario: "test-region", profile: "heze-city", period: "\(start)..\(end)", checks: [failing, passing])
    }()

    static func files() throws -> [(name: String, data: Data)] {
        try RotaOutputs.files(rota: rota, plan: plan, scenario: scenario, report: report)
    }

    static func file(_ name: String, in files: [(name: String, data: Data)]) -> Data? {
        files.first { $0.name == name }?.data
    }
}

/// A strict RFC 4180 reader for the tests: BOM required, CRLF line ends required, quoted fields.
enum TestCSV {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func parse(_ data: Data) throws -> [[String]] {
        guard data.starts(with: [0xEF, 0xBB, 0xBF]) else { throw Failure(description: "no BOM") }
        guard let text = String(data: data.dropFirst(3), encoding: .utf8) else { throw Failure(description: "not UTF-8") }
        var rows: [[String]] = [], row: [String] = [], field = ""
        var inQuotes = false, afterQuote = false
        var it = Array(text.unicodeScalars).makeIterator()
        while let c = it.next() {
            if inQuotes {
                if c == "\"" { inQuotes = false; afterQuote = true } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"":
                if afterQuote { field += "\""; inQuotes = true; afterQuote = false }
                else if field.isEmpty { inQuotes = true }
                else { throw Failure(description: "quote inside an unquoted field \(field)") }
            case ",":
                row.append(field); field = ""; afterQuote = false
            case "\r":
                guard it.next() == "\n" else { throw Failure(description: "CR without LF") }
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            case "\n":
                throw Failure(description: "bare LF")
            default:
                if afterQuote { throw Failure(description: "text after a closing quote") }
                field.unicodeScalars.append(c)
            }
        }
        guard !inQuotes, row.isEmpty, field.isEmpty else { throw Failure(description: "no CRLF after the last row") }
        return rows
    }
}
