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

/// A region built in code. The default is small: one tertiary and one secondary city hospital,
/// two counties each with a county hospital, two township centres (one TCM-featured) and six
/// villages per township, with totals lowered to fit. `size` scales it up for measurements.
enum TestRegion {
    struct Size {
        var counties = 2
        var townshipsPerCounty = 2
        var villagesPerTownship = 6
        var tertiary = 1
        var secondary = 1
        /// Totals: REGION, T1, T2, T3, T3 stationed.
        var totals = (30, 6, 15, 8, 2)
    }

    static func scenario(size: Size = Size(), tweak: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var inst: [Institution] = []
        var staff: [StaffMember] = []
        func add(_ h: String, _ n: Int, tcmSeniors: Int = 0) {
            let roles: [Role] = [.doctor, .nurse, .pharmacist, .doctor, .nurse, .technician, .doctor, .pharmacist]
            let specialties = ["internal", "general", "surgery", "tcm", "pediatrics"]
            for i in 0..<n {
                staff.append(StaffMember(id: "\(h)-\(i)", name: "员工\(h)\(i)", institution: h, role: roles[i % roles.count],
                                         specialty: specialties[i % specialties.count], title: i % 3 == 0 ? .senior : .intermediate))
            }
            for i in 0..<tcmSeniors {
                staff.append(StaffMember(id: "\(h)-tcm\(i)", name: "中医\(h)\(i)", institution: h, role: .doctor, specialty: "tcm", title: .senior))
            }
        }
        let letters = ["a", "c", "d", "e", "f", "g"]
        for k in 0..<size.tertiary {
            let id = k == 0 ? "city-a" : "city-\(letters[k % letters.count])\(k)"
            inst.append(Institution(id: id, name: k == 0 ? "市立医院" : "市第\(k)医院", tier: .tertiary, technicalStaff: 500 + 400 * k))
            add(id, 18 + 15 * k)
        }
        for k in 0..<size.secondary {
            let id = k == 0 ? "city-b" : "city-b\(k)"
            inst.append(Institution(id: id, name: k == 0 ? "市第二医院" : "市专科医院\(k)", tier: .secondary, technicalStaff: 300 + 100 * k))
            add(id, 15 + 5 * k, tcmSeniors: 1)
        }
        var counties: [County] = []
        for ci in 0..<size.counties {
            let c = ci == 0 ? "east" : ci == 1 ? "west" : "c\(ci)"
            counties.append(County(id: c, name: c == "east" ? "东县" : c == "west" ? "西县" : "\(c)县"))
            inst.append(Institution(id: "\(c)-hosp", name: "\(c)县人民医院", tier: .county, county: c, technicalStaff: 400))
            add("\(c)-hosp", 24, tcmSeniors: max(1, (size.townshipsPerCounty + 1) / 2))
            for t in 1...size.townshipsPerCounty {
                let tid = "\(c)-t\(t)"
                inst.append(Institution(id: tid, name: "\(c)镇\(t)卫生院", tier: .township, county: c, medicalStaff: 50, tcmFeatured: t % 2 == 1))
                add(tid, 9)
                for v in 1...size.villagesPerTownship {
                    inst.append(Institution(id: "\(tid)-v\(v)", name: "\(tid)村\(v)", tier: .village, county: c, township: tid,
                                            population: 500 + 150 * (v % 8), villageDoctor: v % 3 != 0, integrated: true,
                                            licensedPhysician: v % 2 == 0, central: (v == 1 || v == 4) && t <= 3,
                                            serviceArea: "\(tid)-a\((v + 1) / 3)"))
                }
            }
        }
        var params = Profile.builtIn("heze-city")!.parameters
        let t = size.totals
        for (k, v) in [("REGION.total", t.0), ("T1.total", t.1), ("T2.total", t.2), ("T3.total", t.3), ("T3.total.stationed", t.4)] {
            params.set(k, .integer(v))
        }
        var s = Scenario(name: "test-region", profile: "heze-city", parameters: params,
                         period: DayRange(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!),
                         calendar: WorkCalendar(holidays: [Day(iso: "2025-01-01")!], workdays: []),
                         counties: counties, institutions: inst, staff: staff)
        tweak(&s)
        return s
    }
}
