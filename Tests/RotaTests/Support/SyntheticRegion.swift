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

/// A Heze-sized region and a plan for it, built directly (no annual solve), to time the
/// rota planner at full scale: 10 counties with 2 county hospitals and 17 township centres
/// each, 15 villages per township in service areas of 4; 20 T1 teams of 6, 68 T2 teams of 5,
/// 50 stationed, 350 rounds and 200 technical-support helpers, 50 TCM centres; the 2025
/// official holidays; about one person in eight with a week or two of leave. Numbers come
/// from a fixed linear congruential generator, so the region is the same every run.
enum SyntheticRegion {
    struct Built { let scenario: Scenario; let plan: Plan }

    static func heze() -> Built {
        var seed: UInt64 = 20250101
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        func d(_ s: String) -> Day { Day(iso: s)! }
        var inst: [Institution] = []
        var staff: [StaffMember] = []
        var teams: [PlanTeam] = []
        var helpers: [PlanVillageHelper] = []
        var clinics: [PlanTCMClinic] = []
        let start = "2025-01-01", end = "2025-12-31"
        func loc() -> Location { Location(lat: 34.6 + Double(next(1000)) / 1000, lon: 115.0 + Double(next(1500)) / 1000) }
        func person(_ id: String, _ h: String, _ role: Role, specialty: String = "internal", title: Title = .intermediate) -> String {
            var leave: [DayRange] = []
            if next(8) == 0 {
                let from = Day(ordinal: d("2025-01-06").ordinal + next(330))
                leave.append(DayRange(from: from, to: from.adding(days: 4 + 7 * next(2))))
            }
            staff.append(StaffMember(id: id, name: "员工\(id)", institution: h, role: role, specialty: specialty, title: title, unavailable: leave))
            return id
        }
        for t in 0..<5 { inst.append(Institution(id: "tert-\(t)", name: "三级医院\(t)", tier: .tertiary, technicalStaff: 2000, location: loc())) }
        for s in 0..<4 { inst.append(Institution(id: "sec-\(s)", name: "二级医院\(s)", tier: .secondary, technicalStaff: 800, location: loc())) }
        var countyHospitals: [String] = [], townships: [String] = []
        var areasOf: [String: [String]] = [:]       // township → areas
        var villagesOf: [String: [String]] = [:]    // township → villages
        for c in 0..<10 {
            for h in 0..<2 {
                let id = "c\(c)-hosp\(h)"
                inst.append(Institution(id: id, name: "县医院\(c)-\(h)", tier: .county, county: "c\(c)", technicalStaff: 1000, location: loc()))
                countyHospitals.append(id)
            }
            for t in 0..<17 {
                let tid = "c\(c)-t\(t)"
                inst.append(Institution(id: tid, name: "镇\(c)-\(t)", tier: .township, county: "c\(c)", medicalStaff: 60, tcmFeatured: t < 5, location: loc()))
                townships.append(tid)
                for v in 0..<15 {
                    let vid = "\(tid)-v\(v)"
                    let area = "\(tid)-a\(v / 4)"
                    inst.append(Institution(id: vid, name: "村\(vid)", tier: .village, county: "c\(c)", township: tid, population: 600 + next(900),
                                            villageDoctor: v % 7 != 0, licensedPhysician: v % 3 != 0, central: v == 0, serviceArea: area, location: loc()))
                    villagesOf[tid, default: []].append(vid)
                    if !(areasOf[tid]?.contains(area) ?? false) { areasOf[tid, default: []].append(area) }
                }
            }
        }
        // T1: 20 teams of 6 (doctor, nurse, pharmacist, doctor, nurse, technician).
        for k in 0..<20 {
            let sender = "tert-\(k % 5)", recipient = countyHospitals[k]
            let roles: [Role] = [.doctor, .nurse, .pharmacist, .doctor, .nurse, .technician]
            let members = roles.enumerated().map { i, r in person("t1-\(k)-\(i)", sender, r) }
            let county = recipient.split(separator: "-")[0]
            teams.append(PlanTeam(tier: "T1", sender: sender, recipient: recipient, start: start, end: end, members: members,
                                  group3331: PlanGroup3331(doctor: members[0], nurse: members[1], pharmacist: members[2],
                                                           workstation: "\(county)-t\(k % 17)-v0")))
        }
        // T2: 68 teams of 5 at distinct township centres.
        for k in 0..<68 {
            let sender = k < 28 ? "sec-\(k % 4)" : countyHospitals[(k - 28) % 20]
            let recipient = k < 28 ? townships[k * 6 % townships.count] : "\(sender.split(separator: "-")[0])-t\(5 + (k % 12))"
            let roles: [Role] = [.doctor, .nurse, .technician, .doctor, .pharmacist]
            let members = roles.enumerated().map { i, r in person("t2-\(k)-\(i)", sender, r) }
            teams.append(PlanTeam(tier: "T2", sender: sender, recipient: recipient, start: start, end: end, members: members))
        }
        // T3: per township centre 2 rounds helpers, 1 tech helper, and every third a stationed one;
        // county hospitals add rounds and tech helpers in their county.
        var stationed = 0, rounds = 0, tech = 0
        for (i, t) in townships.enumerated() {
            let areas = areasOf[t]!, villages = villagesOf[t]!
            for r in 0..<2 {
                let p = person("\(t)-r\(r)", t, .doctor, specialty: "general")
                helpers.append(PlanVillageHelper(person: p, sender: t, form: .rounds, site: areas[(r + i) % areas.count], start: start, end: end)); rounds += 1
            }
            let p = person("\(t)-x0", t, .doctor)
            helpers.append(PlanVillageHelper(person: p, sender: t, form: .techSupport, site: villages[(3 * i + 1) % villages.count], start: start, end: end)); tech += 1
            if i % 3 == 0 && stationed < 50 {
                let s = person("\(t)-s0", t, .doctor, specialty: "general")
                helpers.append(PlanVillageHelper(person: s, sender: t, form: .station, site: villages[7], start: start, end: end)); stationed += 1
            }
        }
        var k = 0
        while rounds < 350 || tech < 200 {
            let h = countyHospitals[k % 20]
            let county = String(h.split(separator: "-")[0])
            let t = "\(county)-t\((k / 20) % 17)"
            if rounds < 350 {
                let p = person("\(h)-r\(k)", h, .doctor, specialty: "internal")
                helpers.append(PlanVillageHelper(person: p, sender: h, form: .rounds, site: areasOf[t]![(k / 20 + 1) % areasOf[t]!.count], start: start, end: end)); rounds += 1
            }
            if tech < 200 {
                let p = person("\(h)-x\(k)", h, .nurse)
                helpers.append(PlanVillageHelper(person: p, sender: h, form: .techSupport, site: villagesOf[t]![(k + 5) % 15], start: start, end: end)); tech += 1
            }
            k += 1
        }
        // TCM: 50 centres, 35 senior physicians (15 of them hold two centres in their county).
        let centres = townships.filter { Int($0.split(separator: "t").last!)! < 5 }
        for (i, c) in centres.enumerated() {
            let county = String(c.split(separator: "-")[0])
            let h = "\(county)-hosp\(i % 2)"
            let doctorIndex = i % 5 < 3 ? i : i - 1
            let id = "\(h)-tcm\(doctorIndex)"
            if !staff.contains(where: { $0.id == id }) { _ = person(id, h, .doctor, specialty: "tcm", title: .senior) }
            clinics.append(PlanTCMClinic(centre: c, physician: id, sender: h, start: start, end: end))
        }
        let holidays = ["2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04",
                        "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02",
                        "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"].map(d)
        let workdays = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"].map(d)
        let scenario = Scenario(name: "synthetic-heze", profile: "heze-city", parameters: Profile.builtIn("heze-city")!.parameters,
                                period: DayRange(from: d(start), to: d(end)), calendar: WorkCalendar(holidays: holidays, workdays: workdays),
                                institutions: inst, staff: staff)
        let plan = Plan(scenario: scenario.name, profile: "heze-city", period: PlanPeriod(start: start, end: end),
                        teams: teams.sorted { $0.id < $1.id },
                        villageHelpers: helpers.sorted { ($0.person, $0.form.rawValue) < ($1.person, $1.form.rawValue) },
                        tcmClinics: clinics.sorted { ($0.centre, $0.physician) < ($1.centre, $1.physician) })
        return Built(scenario: scenario, plan: plan)
    }
}
