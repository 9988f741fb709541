import RotaCore
/// Draws the candidates one sender nominates: their roles, specialties, titles, names, leave
/// and (for county hospitals) home villages.
///
/// - Roles come in fixed shares of the list — 45% doctors, 30% nurses, 15% technicians, 10%
///   pharmacists — raised where a sender needs more of a group (`minimum`), then shuffled.
/// - Specialties follow the sender's kind (a TCM hospital's doctors are mostly `tcm`, a
///   township centre's mostly `general`, `internal` or `tcm`); titles follow its tier.
/// - Leave: 7% of candidates take one or two short breaks (under 20 working days in all,
///   so postings stay open to them); 3% take one long leave — maternity (158 days), further
///   training (进修, 3–6 months) or sick leave (30–60 days) — which rules them out of
///   full-time postings. A long leave is never given where it would bring a group below its
///   `minimum` or the sender's posting-eligible list below `minimumAvailable`.
/// - `reserved` candidates (the senior TCM physicians a county's TCM-featured centres need)
///   are drawn first, as senior-title TCM doctors without long leave.
struct CandidateBuilder {
    /// What a sender's list must contain whatever the draws.
    struct Needs {
        var count: Int
        /// Least number of each role group (doctors, nurses, medical-technical) and pharmacists.
        var doctors = 1, nurses = 1, medicalTechnical = 1, pharmacists = 0
        /// Least number of candidates without long leave.
        var minimumAvailable = 0
        /// Senior-title TCM doctors to put first on the list.
        var reservedSeniorTCM = 0
    }

    /// Where the sender stands, which shapes its candidates' titles.
    enum Level { case city, county, township }

    var institution: String
    var kind: AtlasHospital.Kind
    var level: Level
    var year: Int
    /// Villages a county-hospital candidate may call home; empty for other senders.
    var homeVillages: [String] = []
    /// Part of `homeVillages` where a stationed helper could be posted (drawn more often).
    var homeVillagesForStationing: [String] = []

    func build(_ needs: Needs, _ r: inout SeededRandom) -> [StaffMember] {
        var roles = roleList(needs)
        let reserved = min(needs.reservedSeniorTCM, roles.filter { $0 == .doctor }.count)
        // Reserved seniors go first; the rest of the list is shuffled.
        if reserved > 0 {
            var rest = roles
            for _ in 0..<reserved { rest.remove(at: rest.firstIndex(of: .doctor)!) }
            r.shuffle(&rest)
            roles = Array(repeating: .doctor, count: reserved) + rest
        } else {
            r.shuffle(&roles)
        }

        var staff: [StaffMember] = []
        var available: [Role: Int] = [:]
        for role in roles { available[role, default: 0] += 1 }
        var availableTotal = roles.count
        for (i, role) in roles.enumerated() {
            let isReserved = i < reserved
            let specialty = isReserved ? "tcm" : pickSpecialty(role, &r)
            let title = isReserved ? (r.chance(perMille: 400) ? Title.senior : .associateSenior) : pickTitle(&r)
            let female: Int = switch role {
            case .nurse: 960
            case .doctor: 450
            case .technician: 550
            case .pharmacist: 600
            }
            let name = ChineseNames.person(&r, femalePerMille: female)

            var leave: [DayRange] = []
            let roll = r.int(in: 0...999)
            if roll < 30 && !isReserved && canLoseOne(role, available, availableTotal, needs) {
                leave = [longLeave(&r)]
                available[role, default: 0] -= 1
                availableTotal -= 1
            } else if roll < 100 {
                leave = shortLeave(&r)
            }

            var hometown: String?
            if !homeVillages.isEmpty, r.chance(perMille: 200) {
                hometown = !homeVillagesForStationing.isEmpty && r.chance(perMille: 400)
                    ? r.pick(homeVillagesForStationing) : r.pick(homeVillages)
            }
            let number = String(i + 1)
            staff.append(StaffMember(
                id: institution + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number,
                name: name, institution: institution, role: role, specialty: specialty, title: title,
                hometown: hometown, unavailable: leave))
        }
        return staff
    }

    /// The roles of the list in their fixed shares, raised to the needs.
    func roleList(_ needs: Needs) -> [Role] {
        let n = needs.count
        var doctors = (45 * n + 50) / 100, nurses = (30 * n + 50) / 100, technicians = (15 * n + 50) / 100
        var pharmacists = max(0, n - doctors - nurses - technicians)
        doctors = max(doctors, needs.doctors, needs.reservedSeniorTCM + 1)
        nurses = max(nurses, needs.nurses)
        pharmacists = max(pharmacists, needs.pharmacists)
        technicians = max(technicians, needs.medicalTechnical - pharmacists)
        return Array(repeating: .doctor, count: doctors) + Array(repeating: .nurse, count: nurses)
            + Array(repeating: .technician, count: technicians) + Array(repeating: .pharmacist, count: pharmacists)
    }

    /// Whether one more candidate of `role` may go on long leave without breaking the needs.
    private func canLoseOne(_ role: Role, _ available: [Role: Int], _ total: Int, _ needs: Needs) -> Bool {
        guard total - 1 >= needs.minimumAvailable else { return false }
        let left = (available[role] ?? 0) - 1
        switch role {
        case .doctor: return left >= needs.doctors
        case .nurse: return left >= needs.nurses
        case .pharmacist:
            return left >= needs.pharmacists && left + (available[.technician] ?? 0) >= needs.medicalTechnical
        case .technician: return left + (available[.pharmacist] ?? 0) >= needs.medicalTechnical
        }
    }

    private func pickSpecialty(_ role: Role, _ r: inout SeededRandom) -> String {
        let table: [(String, Int)]
        switch (role, kind, level) {
        case (.doctor, _, .township):
            table = [("general", 40), ("internal", 22), ("tcm", 16), ("pediatrics", 6), ("surgery", 6), ("obstetrics", 5), ("public-health", 5)]
        case (.doctor, .general, _):
            table = [("internal", 28), ("surgery", 18), ("general", 8), ("pediatrics", 8), ("obstetrics", 7), ("emergency", 6),
                     ("cardiology", 5), ("orthopedics", 5), ("tcm", 5), ("neurology", 4), ("ophthalmology", 2), ("ent", 2), ("anesthesiology", 2)]
        case (.doctor, .tcm, _):
            table = [("tcm", 70), ("general", 7), ("internal", 8), ("orthopedics", 6), ("surgery", 5), ("pediatrics", 4)]
        case (.doctor, .maternalChild, _):
            table = [("obstetrics", 35), ("pediatrics", 35), ("general", 10), ("internal", 10), ("tcm", 5), ("public-health", 5)]
        case (.doctor, .psychiatric, _):
            table = [("psychiatry", 65), ("internal", 15), ("general", 10), ("neurology", 10)]
        case (.nurse, .psychiatric, _):
            table = [("psychiatry", 55), ("internal", 25), ("general", 20)]
        case (.nurse, .maternalChild, _):
            table = [("obstetrics", 45), ("pediatrics", 40), ("general", 15)]
        case (.nurse, _, _):
            table = [("general", 30), ("internal", 25), ("surgery", 20), ("pediatrics", 10), ("obstetrics", 8), ("emergency", 7)]
        case (.technician, _, _):
            table = [("laboratory", 35), ("radiology", 30), ("ultrasound", 20), ("ecg", 8), ("rehabilitation", 7)]
        case (.pharmacist, .tcm, _):
            table = [("tcm-pharmacy", 60), ("pharmacy", 40)]
        case (.pharmacist, _, _):
            table = [("pharmacy", 75), ("tcm-pharmacy", 25)]
        }
        return table[r.weightedIndex(table.map(\.1))].0
    }

    private func pickTitle(_ r: inout SeededRandom) -> Title {
        let weights: [Int] = switch level {
        case .city: [25, 40, 25, 10]
        case .county: [30, 42, 21, 7]
        case .township: [45, 40, 13, 2]
        }
        return [Title.junior, .intermediate, .associateSenior, .senior][r.weightedIndex(weights)]
    }

    /// One or two short breaks (annual leave, a course), under 20 working days together.
    private func shortLeave(_ r: inout SeededRandom) -> [DayRange] {
        let first = Day(year: year, month: 1, day: 1)!
        let breaks = r.chance(perMille: 300) ? 2 : 1
        var out: [DayRange] = []
        for k in 0..<breaks {
            // Two breaks fall in different halves of the year, so they never overlap.
            let start = first.adding(days: breaks == 2 ? k * 182 + r.int(in: 0...160) : r.int(in: 0...350))
            out.append(DayRange(from: start, to: start.adding(days: r.int(in: 2...9))))
        }
        return out
    }

    /// One long leave inside the year.
    private func longLeave(_ r: inout SeededRandom) -> DayRange {
        let first = Day(year: year, month: 1, day: 1)!
        let last = Day(year: year, month: 12, day: 31)!
        let length: Int = switch r.int(in: 0...2) {
        case 0: 158                      // 产假: 98 days national + 60 days Shandong
        case 1: r.int(in: 90...180)      // 进修
        default: r.int(in: 30...60)      // 病假
        }
        let start = first.adding(days: r.int(in: 0...max(0, 365 - length)))
        return DayRange(from: start, to: min(start.adding(days: length - 1), last))
    }
}
