import RotaCore
import RotaInput
import RotaSolver
/// Turns a solution of `AnnualModel` into a `Plan`: which person fills which placement.
///
/// People of one hospital and role are interchangeable for every hard rule, so the model
/// decides *how many* go where and the extractor names them: hometown stationing first, then
/// by id. Each T1 team is first given, for each of the 3331 group's roles, a member free enough
/// every month to sit in the group (`PlanningInstance.groupReady`) while the sender has one
/// left; the group takes them (otherwise the team's member of the role with the least leave).
struct AnnualPlanExtractor {
    let annual: AnnualModel
    let solution: Solution

    private var instance: PlanningInstance { annual.instance }

    func plan() -> Plan {
        let start = instance.period.from.iso, end = instance.period.to.iso
        let forms = formOf
        var teams: [PlanTeam] = []
        teams += t1Teams(start: start, end: end, forms: forms)
        teams += t2Teams(start: start, end: end, forms: forms)
        let helpers = villageHelpers(start: start, end: end, forms: forms)
        let chosen = annual.tcmKeys.filter { solution.isOn(annual.tcm[$0]!) }.map { key in
            PlanTCMClinic(centre: key.b, physician: key.a, sender: instance.staffById[key.a]?.institution ?? "", start: start, end: end)
        }
        let clinics = TCMHandover(instance: instance, busy: Set(teams.flatMap(\.members) + helpers.map(\.person))).apply(to: chosen)
        return Plan(scenario: instance.scenario.name, profile: instance.scenario.profile,
                    period: PlanPeriod(start: start, end: end),
                    teams: teams.sorted { $0.id < $1.id },
                    villageHelpers: helpers.sorted { ($0.person, $0.form.rawValue) < ($1.person, $1.form.rawValue) },
                    tcmClinics: clinics.sorted { ($0.centre, $0.physician) < ($1.centre, $1.physician) },
                    coverage: coverage())
    }

    /// Which form each person takes: a class's first members (least leave, then id) fill its T1 count, the
    /// next its T2 count, then stationing, rounds and technical support; the first rounds
    /// helpers of a class who also support a clinic (`roundsAndTech`) are "rounds+tech".
    private var formOf: [String: String] {
        var out: [String: String] = [:]
        for c in annual.classes {
            // Least leave first: postings and duties go to the members most often there.
            var members = c.members.sorted(by: leaveOrder)[...]
            let both = annual.both[c.id].map(solution.count) ?? 0
            for (name, form) in [("t1", annual.t1), ("t2", annual.t2), ("station", annual.station), ("rounds", annual.rounds), ("tech", annual.tech)] {
                guard let v = form[c.id] else { continue }
                let n = solution.count(v) - (name == "tech" ? both : 0)
                for (k, person) in members.prefix(n).enumerated() { out[person.id] = name == "rounds" && k < both ? "rounds+tech" : name }
                members = members.dropFirst(n)
            }
        }
        return out
    }

    private func chosen(_ form: String, of h: String, in forms: [String: String]) -> [StaffMember] {
        instance.staff(of: h).filter { forms[$0.id] == form }.sorted { $0.id < $1.id }
    }

    private func isReady(_ person: StaffMember) -> Bool { instance.groupReady.contains(person.id) }

    private func t1Teams(start: String, end: String, forms: [String: String]) -> [PlanTeam] {
        var teams: [PlanTeam] = []
        for h in instance.tertiary {
            var pool = Dictionary(grouping: chosen("t1", of: h.id, in: forms), by: \.role)
            let keys = annual.team1Keys.filter { $0.a == h.id && solution.isOn(annual.team1[$0]!) }
            func count(_ key: AnnualModel.Pair, _ role: Role) -> Int { solution.count(annual.n1[AnnualModel.Triple(a: h.id, b: key.b, c: role.rawValue)]!) }
            // The group's seats first: one ready member of each group role per team while any is left.
            var seats = [[Role: StaffMember]](repeating: [:], count: keys.count)
            for role in AnnualModel.groupRoles {
                for (t, key) in keys.enumerated() where count(key, role) > 0 {
                    let ready = (pool[role] ?? []).enumerated().filter { isReady($0.element) }
                    guard let i = ready.min(by: { leaveOrder($0.element, $1.element) })?.offset else { break }
                    seats[t][role] = pool[role]!.remove(at: i)
                }
            }
            for (t, key) in keys.enumerated() {
                var members: [StaffMember] = []
                for role in AnnualModel.t1Roles {
                    let seated = seats[t][role].map { [$0] } ?? []
                    let n = count(key, role) - seated.count
                    members += seated + (pool[role] ?? []).prefix(n)
                    pool[role] = Array((pool[role] ?? []).dropFirst(n))
                }
                let clinic = annual.workstationKeys.first { $0.a == h.id && $0.b == key.b && solution.isOn(annual.workstation[$0]!) }?.c ?? ""
                func sitting(_ role: Role) -> String { seats[t][role]?.id ?? leastLeave(members, role) }
                let group = PlanGroup3331(doctor: sitting(.doctor), nurse: sitting(.nurse), pharmacist: sitting(.pharmacist), workstation: clinic)
                teams.append(PlanTeam(tier: "T1", sender: h.id, recipient: key.b, start: start, end: end,
                                      members: members.map(\.id), group3331: group))
            }
        }
        return teams
    }

    private func leastLeave(_ members: [StaffMember], _ role: Role) -> String {
        members.filter { $0.role == role }.min(by: leaveOrder)?.id ?? ""
    }

    /// Least leave first, then by id.
    private func leaveOrder(_ a: StaffMember, _ b: StaffMember) -> Bool {
        (instance.leaveWorkingDays[a.id] ?? 0, a.id) < (instance.leaveWorkingDays[b.id] ?? 0, b.id)
    }

    private func t2Teams(start: String, end: String, forms: [String: String]) -> [PlanTeam] {
        var teams: [PlanTeam] = []
        for h in instance.secondary + instance.countyHospitals {
            var pool = Dictionary(grouping: chosen("t2", of: h.id, in: forms), by: { $0.role.group })
            for key in annual.team2Keys where key.a == h.id && solution.isOn(annual.team2[key]!) {
                var members: [StaffMember] = []
                for group in StaffGroup.allCases {
                    let n = solution.count(annual.n2[AnnualModel.Triple(a: h.id, b: key.b, c: group.rawValue)]!)
                    members += (pool[group] ?? []).prefix(n)
                    pool[group] = Array((pool[group] ?? []).dropFirst(n))
                }
                teams.append(PlanTeam(tier: "T2", sender: h.id, recipient: key.b, start: start, end: end, members: members.map(\.id)))
            }
        }
        return teams
    }

    private func villageHelpers(start: String, end: String, forms: [String: String]) -> [PlanVillageHelper] {
        var out: [PlanVillageHelper] = []
        for h in instance.countyHospitals + instance.townships {
            // Stationing: people at home first, then the rest by id to the remaining places.
            var places = stationPlaces(of: h.id, start: start, end: end)
            var people = chosen("station", of: h.id, in: forms)
            for person in people where annual.home[person.id].map(solution.isOn) ?? false {
                guard let v = person.hometown, let i = places.firstIndex(where: { $0.village == v }) else { continue }
                let place = places.remove(at: i)
                people.removeAll { $0.id == person.id }
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .station, site: v, start: place.start, end: place.end))
            }
            for (person, place) in zip(people, places) {
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .station, site: place.village, start: place.start, end: place.end))
            }
            let clinics = annual.techKeys.filter { $0.a == h.id && solution.isOn(annual.techAt[$0]!) }.map(\.b).sorted()
            let supporters = (chosen("tech", of: h.id, in: forms) + chosen("rounds+tech", of: h.id, in: forms)).sorted { $0.id < $1.id }
            for (person, c) in zip(supporters, clinics) {
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .techSupport, site: c, start: start, end: end))
            }
            // Areas with room for a helper who also supports a clinic go to those helpers first
            // (`AnnualModel.comboRoom`), the other places to the rest.
            var roomy: [String] = [], plain: [String] = []
            for key in annual.roundsKeys where key.a == h.id {
                let n = solution.count(annual.roundsIn[key]!)
                let room = annual.comboRoom[key].map { min(n, solution.count($0)) } ?? n
                roomy += Array(repeating: key.b, count: room)
                plain += Array(repeating: key.b, count: n - room)
            }
            let combined = chosen("rounds+tech", of: h.id, in: forms)
            for (person, a) in zip(combined + chosen("rounds", of: h.id, in: forms), roomy + plain) {
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .rounds, site: a, start: start, end: end))
            }
        }
        return out
    }

    /// The stationings a sender makes, by village then start: the whole period
    /// (`stationAt`) or one stint of `instance.stationStints` (`stationStint`).
    private func stationPlaces(of h: String, start: String, end: String) -> [(village: String, start: String, end: String)] {
        let stints = instance.stationStints
        var places = annual.stationKeys.filter { $0.a == h && solution.isOn(annual.stationAt[$0]!) }.map { (village: $0.b, start: start, end: end) }
        for key in annual.stintKeys where key.a == h && solution.isOn(annual.stationStint[key]!) {
            guard let k = Int(key.c), stints.indices.contains(k - 1) else { continue }
            places.append((village: key.b, start: stints[k - 1].from.iso, end: stints[k - 1].to.iso))
        }
        return places.sorted { ($0.village, $0.start) < ($1.village, $1.start) }
    }

    private func coverage() -> PlanCoverage {
        func off(_ vars: [String: Variable]) -> [String] { vars.keys.filter { !solution.isOn(vars[$0]!) }.sorted() }
        var stationed = Set(annual.stationKeys.filter { solution.isOn(annual.stationAt[$0]!) }.map(\.b))
        stationed.formUnion(annual.stintKeys.filter { solution.isOn(annual.stationStint[$0]!) }.map(\.b))
        return PlanCoverage(townshipsWithoutTeam: off(annual.townshipCovered),
                            eligibleVillagesUnstationed: instance.stationVillages.map(\.id).filter { !stationed.contains($0) }.sorted(),
                            clinicsWithoutTechSupport: off(annual.clinicSupported),
                            serviceAreasWithoutRounds: off(annual.areaCovered))
    }
}
