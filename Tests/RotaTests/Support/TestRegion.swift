@testable import Rota

/// A small, complete region built in code: one tertiary and one secondary city hospital, two
/// counties each with a county hospital, two township centres (one TCM-featured) and six
/// villages per township. Totals are lowered to fit it.
enum TestRegion {
    static func scenario(tweak: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var inst: [Institution] = [
            Institution(id: "city-a", name: "市立医院", tier: .tertiary, technicalStaff: 500),
            Institution(id: "city-b", name: "市第二医院", tier: .secondary, technicalStaff: 300),
        ]
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
        add("city-a", 18)
        add("city-b", 15, tcmSeniors: 1)
        for c in ["east", "west"] {
            inst.append(Institution(id: "\(c)-hosp", name: "\(c)县人民医院", tier: .county, county: c, technicalStaff: 400))
            add("\(c)-hosp", 24, tcmSeniors: 1)
            for t in 1...2 {
                let tid = "\(c)-t\(t)"
                inst.append(Institution(id: tid, name: "\(c)镇\(t)卫生院", tier: .township, county: c, medicalStaff: 50, tcmFeatured: t == 1))
                add(tid, 9)
                for v in 1...6 {
                    inst.append(Institution(id: "\(tid)-v\(v)", name: "\(tid)村\(v)", tier: .village, county: c, township: tid,
                                            population: 500 + 150 * v, villageDoctor: v % 3 != 0, integrated: true,
                                            licensedPhysician: v % 2 == 0, central: v == 1 || v == 4,
                                            serviceArea: "\(tid)-a\((v + 1) / 3)"))
                }
            }
        }
        var params = Profile.builtIn("heze-city")!.parameters
        for (k, v) in [("REGION.total", 30), ("T1.total", 6), ("T2.total", 15), ("T3.total", 8), ("T3.total.stationed", 2)] {
            params.set(k, .integer(v))
        }
        var s = Scenario(name: "test-region", profile: "heze-city", parameters: params,
                         period: DayRange(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!),
                         calendar: WorkCalendar(holidays: [Day(iso: "2025-01-01")!], workdays: []),
                         counties: [County(id: "east", name: "东县"), County(id: "west", name: "西县")],
                         institutions: inst, staff: staff)
        tweak(&s)
        return s
    }
}
