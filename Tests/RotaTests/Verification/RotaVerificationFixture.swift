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

/// A small compliant scenario, plan and half-day rota for the rota verifier, built by hand.
///
/// Period 2025-09-01 (Mon) .. 2025-10-31 (Fri), with the National Day holidays 10-01..10-08 and
/// the adjusted working days Sun 09-28 and Sat 10-11. Weeks (Monday, working days):
/// 09-01 5, 09-08 5, 09-15 5, 09-22 6, 09-29 2 (holidays), 10-06 3 (holidays), 10-13 5,
/// 10-20 5, 10-27 5. September has 23 working days in 5 weeks, October 18 in 4 weeks.
///
/// - T1 team 菏泽市立医院 → 曹县人民医院, 3331 group 张伟/李娜/陈静 at 王楼村卫生室 (v02):
///   visits 09-03 rounds, 09-17 teaching, 09-24 lecture, 10-09 rounds, 10-15 teaching (张伟 on
///   leave; 王芳, the team's other doctor, covers), 10-22 lecture.
/// - T2 team 曹县人民医院 → 韩集镇卫生院 (TCM-featured); 朱红 (senior TCM) holds the centre's
///   TCM clinic on the first working afternoon of each week; on leave 10-20..10-24, when 罗斌,
///   a senior TCM colleague of her hospital, holds it.
/// - 唐亮 stationed at 李庄村卫生室 (v01) every working morning; on leave 09-15..09-16.
/// - 袁媛 on rounds in 安蔡楼 area a1 (five clinics): the first three working half-days of
///   each week, clinics in rotation, so every two consecutive weeks visit all five.
/// - 程刚 on technical support at v04 the first two working mornings of each week; on leave
///   10-13..10-17, covered by 冯雪 of the same centre.
enum RotaVerificationFixture {
    static let TA = "T1:hz-municipal>cao-people"
    static let T2A = "T2:cao-people>cao-hanji"
    static let areaClinics = (1...5).map { "cao-anling-v0\($0)" }

    static func day(_ s: String) -> Day { Day(iso: s)! }
    static func range(_ a: String, _ b: String) -> DayRange { DayRange(from: day(a), to: day(b)) }

    static let visits: [(String, RotaActivity)] = [
        ("2025-09-03", .rounds3331), ("2025-09-17", .teaching3331), ("2025-09-24", .lecture3331),
        ("2025-10-09", .rounds3331), ("2025-10-15", .teaching3331), ("2025-10-22", .lecture3331),
    ]

    static var scenario: Scenario {
        func staff(_ id: String, _ name: String, _ inst: String, _ role: Role, _ specialty: String? = nil,
                   _ title: Title? = nil, leave: [DayRange] = []) -> StaffMember {
            StaffMember(id: id, name: name, institution: inst, role: role, specialty: specialty, title: title, unavailable: leave)
        }
        let holidays = (1...8).map { day("2025-10-0\($0)") }
        var institutions = [
            Institution(id: "hz-municipal", name: "菏泽市立医院", tier: .tertiary, technicalStaff: 1000),
            Institution(id: "cao-people", name: "曹县人民医院", tier: .county, county: "cao", technicalStaff: 300),
            Institution(id: "cao-hanji", name: "韩集镇卫生院", tier: .township, county: "cao", medicalStaff: 50, tcmFeatured: true),
            Institution(id: "cao-anling", name: "安蔡楼镇卫生院", tier: .township, county: "cao", medicalStaff: 30),
            Institution(id: "cao-hanji-v01", name: "李庄村卫生室", tier: .village, county: "cao", township: "cao-hanji",
                        population: 1320, villageDoctor: false, licensedPhysician: false, serviceArea: "cao-hanji-a1"),
            Institution(id: "cao-hanji-v02", name: "王楼村卫生室", tier: .village, county: "cao", township: "cao-hanji",
                        population: 2100, central: true, serviceArea: "cao-hanji-a1"),
            Institution(id: "cao-hanji-v03", name: "赵庄村卫生室", tier: .village, county: "cao", township: "cao-hanji",
                        population: 950, villageDoctor: false, serviceArea: "cao-hanji-a2"),
            Institution(id: "cao-hanji-v04", name: "孙楼村卫生室", tier: .village, county: "cao", township: "cao-hanji",
                        population: 700, licensedPhysician: false, serviceArea: "cao-hanji-a2"),
        ]
        let names = ["张庄村卫生室", "刘集村卫生室", "马庄村卫生室", "高庄村卫生室", "陈楼村卫生室"]
        for (i, id) in areaClinics.enumerated() {
            institutions.append(Institution(id: id, name: names[i], tier: .village, county: "cao", township: "cao-anling",
                                            population: 600 + 100 * i, serviceArea: "cao-anling-a1"))
        }
        return Scenario(
            name: "rota-mini-2025", profile: "heze-city", parameters: Profile.builtIn("heze-city")!.parameters,
            period: range("2025-09-01", "2025-10-31"),
            calendar: WorkCalendar(holidays: holidays, workdays: [day("2025-09-28"), day("2025-10-11")]),
            counties: [County(id: "cao", name: "曹县")],
            institutions: institutions,
            staff: [
                staff("hzm-d1", "张伟", "hz-municipal", .doctor, "internal", .senior, leave: [range("2025-10-15", "2025-10-15")]),
                staff("hzm-d2", "王芳", "hz-municipal", .doctor, "surgery", .intermediate),
                staff("hzm-n1", "李娜", "hz-municipal", .nurse),
                staff("hzm-n2", "刘洋", "hz-municipal", .nurse),
                staff("hzm-p1", "陈静", "hz-municipal", .pharmacist),
                staff("hzm-t1", "杨磊", "hz-municipal", .technician),
                staff("cp-d1", "朱红", "cao-people", .doctor, "tcm", .associateSenior, leave: [range("2025-10-20", "2025-10-24")]),
                staff("cp-d2", "胡军", "cao-people", .doctor, "internal"),
                staff("cp-n1", "郭霞", "cao-people", .nurse),
                staff("cp-t1", "何平", "cao-people", .technician),
                staff("cp-p1", "高峰", "cao-people", .pharmacist),
                staff("cp-tcm2", "罗斌", "cao-people", .doctor, "tcm", .senior),
                staff("ch-s1", "唐亮", "cao-hanji", .doctor, "general", leave: [range("2025-09-15", "2025-09-16")]),
                staff("ch-ts1", "程刚", "cao-hanji", .doctor, "internal", leave: [range("2025-10-13", "2025-10-17")]),
                staff("ch-x1", "冯雪", "cao-hanji", .doctor, "general"),
                staff("ca-r1", "袁媛", "cao-anling", .doctor, "tcm"),
            ])
    }

    static var plan: Plan {
        let y = ("2025-09-01", "2025-10-31")
        return Plan(
            scenario: "rota-mini-2025", profile: "heze-city", period: PlanPeriod(start: y.0, end: y.1),
            teams: [
                PlanTeam(tier: "T1", sender: "hz-municipal", recipient: "cao-people", start: y.0, end: y.1,
                         members: ["hzm-d1", "hzm-d2", "hzm-n1", "hzm-n2", "hzm-p1", "hzm-t1"],
                         group3331: PlanGroup3331(doctor: "hzm-d1", nurse: "hzm-n1", pharmacist: "hzm-p1", workstation: "cao-hanji-v02")),
                PlanTeam(tier: "T2", sender: "cao-people", recipient: "cao-hanji", start: y.0, end: y.1,
                         members: ["cp-d1", "cp-d2", "cp-n1", "cp-t1", "cp-p1"]),
            ],
            villageHelpers: [
                PlanVillageHelper(person: "ca-r1", sender: "cao-anling", form: .rounds, site: "cao-anling-a1", start: y.0, end: y.1),
                PlanVillageHelper(person: "ch-s1", sender: "cao-hanji", form: .station, site: "cao-hanji-v01", start: y.0, end: y.1),
                PlanVillageHelper(person: "ch-ts1", sender: "cao-hanji", form: .techSupport, site: "cao-hanji-v04", start: y.0, end: y.1),
            ],
            tcmClinics: [
                PlanTCMClinic(centre: "cao-hanji", physician: "cp-d1", sender: "cao-people", start: y.0, end: y.1),
            ])
    }

    /// The compliant rota, written out slot by slot (test code, not the rota planner's).
    static var entries: [RotaEntry] {
        let s = scenario
        let leave = Dictionary(uniqueKeysWithValues: s.staff.map { ($0.id, $0.unavailable) })
        func onLeave(_ p: String, _ d: Day) -> Bool { leave[p]!.contains { $0.contains(d) } }
        var out: [RotaEntry] = []
        func add(_ p: String, _ d: Day, _ h: HalfDay, _ site: String, _ a: RotaActivity) {
            out.append(RotaEntry(person: p, date: d.iso, half: h, site: site, activity: a))
        }
        let working = s.period.days.filter { s.calendar.isWorkingDay($0) }
        var weeks: [[Day]] = []
        for d in working {
            if let last = weeks.last?.last, last.weekStart == d.weekStart { weeks[weeks.count - 1].append(d) } else { weeks.append([d]) }
        }
        let visitMode = Dictionary(uniqueKeysWithValues: visits.map { ($0.0, $0.1) })

        for d in working {
            // T1 team: posting, or the 3331 visit for the group (王芳 for 张伟 on leave).
            for p in ["hzm-d1", "hzm-d2", "hzm-n1", "hzm-n2", "hzm-p1", "hzm-t1"] where !onLeave(p, d) {
                let group: Set<String> = onLeave("hzm-d1", d) ? ["hzm-d2", "hzm-n1", "hzm-p1"] : ["hzm-d1", "hzm-n1", "hzm-p1"]
                for h in HalfDay.allCases {
                    if let mode = visitMode[d.iso], group.contains(p) { add(p, d, h, "cao-hanji-v02", mode) }
                    else { add(p, d, h, "cao-people", .posting) }
                }
            }
            // T2 team: posting; 朱红's TCM clinic is placed per week below.
            for p in ["cp-d1", "cp-d2", "cp-n1", "cp-t1", "cp-p1"] where !onLeave(p, d) {
                for h in HalfDay.allCases { add(p, d, h, "cao-hanji", .posting) }
            }
            // Stationing: every working morning off leave.
            if !onLeave("ch-s1", d) { add("ch-s1", d, .am, "cao-hanji-v01", .station) }
        }
        for (n, week) in weeks.enumerated() {
            // TCM clinic: first working afternoon of the week, in place of 朱红's posting.
            let first = week[0]
            if onLeave("cp-d1", first) {
                add("cp-tcm2", first, .pm, "cao-hanji", .tcmClinic)
            } else {
                let i = out.firstIndex { $0.person == "cp-d1" && $0.date == first.iso && $0.half == .pm }!
                out[i] = RotaEntry(person: "cp-d1", date: first.iso, half: .pm, site: "cao-hanji", activity: .tcmClinic)
            }
            // Rounds: the first three working half-days, clinics in rotation.
            let slots = week.flatMap { d in HalfDay.allCases.map { (d, $0) } }
            for j in 0..<3 {
                add("ca-r1", slots[j].0, slots[j].1, areaClinics[(3 * n + j) % 5], .rounds)
            }
            // Technical support: the first two working mornings, by 冯雪 when 程刚 is on leave.
            for d in week.prefix(2) {
                add(onLeave("ch-ts1", d) ? "ch-x1" : "ch-ts1", d, .am, "cao-hanji-v04", .techSupport)
            }
        }
        return out.sorted()
    }
}

extension Array where Element == RotaEntry {
    /// Replaces every entry matching `which` with `edit(entry)`, or removes it when `edit` returns nil.
    func editing(_ which: (RotaEntry) -> Bool, _ edit: (RotaEntry) -> RotaEntry?) -> [RotaEntry] {
        compactMap { which($0) ? edit($0) : $0 }
    }

    /// Removes every entry of `person` on `date` (optionally one half, one activity).
    func removing(_ person: String, _ date: String, _ half: HalfDay? = nil, _ activity: RotaActivity? = nil) -> [RotaEntry] {
        filter { !($0.person == person && $0.date == date && (half == nil || $0.half == half) && (activity == nil || $0.activity == activity)) }
    }

    /// The entries of `person` on `date` become a posting at `site` (their activity dropped).
    func toPosting(_ people: [String], _ date: String, _ site: String) -> [RotaEntry] {
        editing({ people.contains($0.person) && $0.date == date }) {
            RotaEntry(person: $0.person, date: $0.date, half: $0.half, site: site, activity: .posting)
        }
    }
}
