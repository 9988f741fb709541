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

/// A small compliant region (one county, 曹县) and its plan, built in Swift.
///
/// Numbers are chosen so several rules sit exactly on their edge:
/// - 菏泽市立医院 (tertiary, 1000 technical staff): ⌈1.2% × 1000⌉ = 12 = two T1 teams of 6.
/// - 曹县人民医院 (county, 300): ⌈1.6% × 300⌉ = 5 = its T2 team; 曹县中医医院 (250): ⌈4⌉ = 4 ≤ 5.
/// - 韩集镇卫生院 (50 medical staff): ⌈6% × 50⌉ = 3 = one stationed + two rounds helpers (its
///   technical-support helper does not count); 安蔡楼镇卫生院 (30): ⌈1.8⌉ = 2.
/// - Totals: T1 12, T2 10, T3 7 (2 stationed), region 29 — each parameter set to exactly that.
/// - 杨磊's leave 2025-03-31..2025-04-27 is exactly 20 working days (Qingming 04-04 off,
///   Sunday 04-27 a 调休 working day).
/// - 唐亮 is stationed exactly 6 months (2025-01-01..2025-06-30).
/// - 朱红, a T2 member posted to TCM-featured 韩集镇, holds that centre's TCM clinic (allowed
///   exception); 马建国 of the city hospital is a TCM-only visitor (counts in no total).
enum Fixture {
    static let TA = "T1:hz-municipal>cao-people"
    static let TB = "T1:hz-municipal>cao-zhongyi"
    static let T2A = "T2:cao-people>cao-hanji"
    static let T2B = "T2:cao-zhongyi>cao-anling"
    static let name = "heze-mini-2025"

    static func day(_ s: String) -> Day { Day(iso: s)! }
    static func range(_ a: String, _ b: String) -> DayRange { DayRange(from: day(a), to: day(b)) }

    static var parameters: Parameters {
        var p = Profile.builtIn("heze-city")!.parameters
        for (k, v) in [("T1.total", 12), ("T2.total", 10), ("T3.total", 7), ("T3.total.stationed", 2), ("REGION.total", 29)] {
            p.set(k, .integer(v))
        }
        return p
    }

    static var scenario: Scenario {
        func staff(_ id: String, _ name: String, _ inst: String, _ role: Role, _ specialty: String? = nil,
                   _ title: Title? = nil, leave: [DayRange] = []) -> StaffMember {
            StaffMember(id: id, name: name, institution: inst, role: role, specialty: specialty, title: title, unavailable: leave)
        }
        return Scenario(
            name: name, profile: "heze-city", parameters: parameters,
            period: range("2025-01-01", "2025-12-31"),
            calendar: WorkCalendar(holidays: ["2025-01-01", "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05"].map(day),
                                   workdays: [day("2025-04-27")]),
            counties: [County(id: "cao", name: "曹县")],
            institutions: [
                Institution(id: "hz-municipal", name: "菏泽市立医院", tier: .tertiary, technicalStaff: 1000),
                Institution(id: "cao-people", name: "曹县人民医院", tier: .county, county: "cao", technicalStaff: 300),
                Institution(id: "cao-zhongyi", name: "曹县中医医院", tier: .county, county: "cao", technicalStaff: 250),
                Institution(id: "cao-hanji", name: "韩集镇卫生院", tier: .township, county: "cao", medicalStaff: 50, tcmFeatured: true),
                Institution(id: "cao-anling", name: "安蔡楼镇卫生院", tier: .township, county: "cao", medicalStaff: 30, tcmFeatured: true),
                Institution(id: "cao-hanji-v01", name: "李庄村卫生室", tier: .village, county: "cao", township: "cao-hanji",
                            population: 1320, villageDoctor: false, licensedPhysician: false, serviceArea: "cao-hanji-a1"),
                Institution(id: "cao-hanji-v02", name: "王楼村卫生室", tier: .village, county: "cao", township: "cao-hanji",
                            population: 2100, central: true, serviceArea: "cao-hanji-a1"),
                Institution(id: "cao-anling-v01", name: "张庄村卫生室", tier: .village, county: "cao", township: "cao-anling",
                            population: 900, integrated: false, licensedPhysician: false, serviceArea: "cao-anling-a1"),
                Institution(id: "cao-anling-v02", name: "刘集村卫生室", tier: .village, county: "cao", township: "cao-anling",
                            population: 1500, central: true, serviceArea: "cao-anling-a1"),
            ],
            staff: [
                staff("hzm-a-d1", "张伟", "hz-municipal", .doctor, "internal", .senior),
                staff("hzm-a-d2", "王芳", "hz-municipal", .doctor, "surgery", .intermediate),
                staff("hzm-a-n1", "李娜", "hz-municipal", .nurse),
                staff("hzm-a-n2", "刘洋", "hz-municipal", .nurse),
                staff("hzm-a-p1", "陈静", "hz-municipal", .pharmacist),
                staff("hzm-a-t1", "杨磊", "hz-municipal", .technician, leave: [range("2025-03-31", "2025-04-27")]),
                staff("hzm-b-d1", "赵敏", "hz-municipal", .doctor, "general", .associateSenior),
                staff("hzm-b-d2", "黄强", "hz-municipal", .doctor),
                staff("hzm-b-n1", "周丽", "hz-municipal", .nurse),
                staff("hzm-b-n2", "吴涛", "hz-municipal", .nurse),
                staff("hzm-b-p1", "徐婷", "hz-municipal", .pharmacist),
                staff("hzm-b-t1", "孙杰", "hz-municipal", .technician),
                staff("hzm-tcm", "马建国", "hz-municipal", .doctor, "tcm", .senior),
                staff("cp-d1", "朱红", "cao-people", .doctor, "tcm", .associateSenior),
                staff("cp-d2", "胡军", "cao-people", .doctor, "internal"),
                staff("cp-n1", "郭霞", "cao-people", .nurse),
                staff("cp-t1", "何平", "cao-people", .technician),
                staff("cp-p1", "高峰", "cao-people", .pharmacist),
                staff("cp-r1", "林芳", "cao-people", .doctor, "general"),
                staff("cp-spare", "邓超", "cao-people", .doctor, "general"),
                staff("cz-d1", "罗斌", "cao-zhongyi", .doctor, "tcm"),
                staff("cz-d2", "梁燕", "cao-zhongyi", .doctor),
                staff("cz-n1", "宋佳", "cao-zhongyi", .nurse),
                staff("cz-n2", "谢娟", "cao-zhongyi", .nurse),
                staff("cz-t1", "韩冰", "cao-zhongyi", .technician),
                staff("ch-s1", "唐亮", "cao-hanji", .doctor, "general"),
                staff("ch-r1", "冯雪", "cao-hanji", .doctor, "general"),
                staff("ch-r2", "董梅", "cao-hanji", .nurse),
                staff("ch-ts1", "程刚", "cao-hanji", .doctor, "internal"),
                staff("ch-tcm", "蒋华", "cao-hanji", .doctor, "tcm", .senior),
                staff("ca-s1", "曹阳", "cao-anling", .doctor, "general"),
                staff("ca-r1", "袁媛", "cao-anling", .doctor, "tcm"),
            ])
    }

    static var plan: Plan {
        let y = ("2025-01-01", "2025-12-31")
        return Plan(
            scenario: name, profile: "heze-city", period: PlanPeriod(start: y.0, end: y.1),
            teams: [
                PlanTeam(tier: "T1", sender: "hz-municipal", recipient: "cao-people", start: y.0, end: y.1,
                         members: ["hzm-a-d1", "hzm-a-d2", "hzm-a-n1", "hzm-a-n2", "hzm-a-p1", "hzm-a-t1"],
                         group3331: PlanGroup3331(doctor: "hzm-a-d1", nurse: "hzm-a-n1", pharmacist: "hzm-a-p1", workstation: "cao-hanji-v02")),
                PlanTeam(tier: "T1", sender: "hz-municipal", recipient: "cao-zhongyi", start: y.0, end: y.1,
                         members: ["hzm-b-d1", "hzm-b-d2", "hzm-b-n1", "hzm-b-n2", "hzm-b-p1", "hzm-b-t1"],
                         group3331: PlanGroup3331(doctor: "hzm-b-d1", nurse: "hzm-b-n1", pharmacist: "hzm-b-p1", workstation: "cao-anling-v02")),
                PlanTeam(tier: "T2", sender: "cao-people", recipient: "cao-hanji", start: y.0, end: y.1,
                         members: ["cp-d1", "cp-d2", "cp-n1", "cp-t1", "cp-p1"]),
                PlanTeam(tier: "T2", sender: "cao-zhongyi", recipient: "cao-anling", start: y.0, end: y.1,
                         members: ["cz-d1", "cz-d2", "cz-n1", "cz-n2", "cz-t1"]),
            ],
            villageHelpers: [
                PlanVillageHelper(person: "ca-r1", sender: "cao-anling", form: .rounds, site: "cao-anling-a1", start: y.0, end: y.1),
                PlanVillageHelper(person: "ca-s1", sender: "cao-anling", form: .station, site: "cao-anling-v01", start: y.0, end: y.1),
                PlanVillageHelper(person: "ch-r1", sender: "cao-hanji", form: .rounds, site: "cao-hanji-a1", start: y.0, end: y.1),
                PlanVillageHelper(person: "ch-r2", sender: "cao-hanji", form: .rounds, site: "cao-hanji-a1", start: y.0, end: y.1),
                PlanVillageHelper(person: "ch-s1", sender: "cao-hanji", form: .station, site: "cao-hanji-v01", start: y.0, end: "2025-06-30"),
                PlanVillageHelper(person: "ch-ts1", sender: "cao-hanji", form: .techSupport, site: "cao-hanji-v01", start: y.0, end: y.1),
                PlanVillageHelper(person: "cp-r1", sender: "cao-people", form: .rounds, site: "cao-anling-a1", start: y.0, end: y.1),
            ],
            tcmClinics: [
                PlanTCMClinic(centre: "cao-anling", physician: "hzm-tcm", sender: "hz-municipal", start: y.0, end: y.1),
                PlanTCMClinic(centre: "cao-hanji", physician: "cp-d1", sender: "cao-people", start: y.0, end: y.1),
            ])
    }
}

extension Plan {
    mutating func editTeam(_ id: String, _ edit: (inout PlanTeam) -> Void) {
        let i = teams.firstIndex { $0.id == id }!
        edit(&teams[i])
    }

    mutating func editHelper(_ person: String, _ edit: (inout PlanVillageHelper) -> Void) {
        let i = villageHelpers.firstIndex { $0.person == person }!
        edit(&villageHelpers[i])
    }

    mutating func editClinic(_ centre: String, _ edit: (inout PlanTCMClinic) -> Void) {
        let i = tcmClinics.firstIndex { $0.centre == centre }!
        edit(&tcmClinics[i])
    }
}

extension Scenario {
    mutating func editStaff(_ id: String, _ edit: (inout StaffMember) -> Void) {
        let i = staff.firstIndex { $0.id == id }!
        edit(&staff[i])
    }

    mutating func editInstitution(_ id: String, _ edit: (inout Institution) -> Void) {
        let i = institutions.firstIndex { $0.id == id }!
        edit(&institutions[i])
    }
}

extension VerificationReport {
    /// Instance keys of the failed checks.
    var failing: Set<String> { Set(failures.map(\.instance)) }
}
