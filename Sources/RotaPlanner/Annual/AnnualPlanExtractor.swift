import RotaCore
import RotaInput
import RotaSolver
/// Turns a solution of `AnnualModel` into a `Plan`: which person fills which placement.
///
/// People of one hospital and role are interchangeable for every hard rule, so the model
/// decides *how many* go where and the extractor names them: hometown stationing first, then
/// by id; the 3331 group takes the team's doctor, nurse and pharmacist with the least leave.
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
        let clinics = annual.tcmKeys.filter { solution.isOn(annual.tcm[$0]!) }.map { key in
            PlanTCMClinic(centre: key.b, physician: key.a, sender: instance.staffById[key.a]?.institution ?? "", start: start, end: end)
        }
        return Plan(scenario: instance.scenario.name, profile: instance.scenario.profile,
                    period: PlanPeriod(start: start, end: end),
                    teams: teams.sorted { $0.id < $1.id },
                    villageHelpers: helpers.sorted { ($0.person, $0.form.rawValue) < ($1.person, $1.form.rawValue) },
                    tcmClinics: clinics.sorted { ($0.centre, $0.physician) < ($1.centre, $1.physician) },
                    coverage: coverage())
    }

    /// Which form each person takes: a class's first members (by id) fill its T1 count, the
    /// next its T2 count, then stationing, rounds and technical support.
    private var formOf: [String: String] {
        var out: [String: String] = [:]
        for c in annual.classes {
            var members = c.members[...]
            for (name, form) in [("t1", annual.t1), ("t2", annual.t2), ("station", annual.station), ("rounds", annual.rounds), ("tech", annual.tech)] {
                guard let v = form[c.id] else { continue }
                for person in members.prefix(solution.count(v)) { out[person.id] = name }
                members = members.dropFirst(solution.count(v))
            }
        }
        return out
    }

    private func chosen(_ form: String, of h: String, in forms: [String: String]) -> [StaffMember] {
        instance.staff(of: h).filter { forms[$0.id] == form }.sorted { $0.id < $1.id }
    }

    private func t1Teams(start: String, end: String, forms: [String: String]) -> [PlanTeam] {
        var teams: [PlanTeam] = []
        for h in instance.tertiary {
            var pool = Dictionary(grouping: chosen("t1", of: h.id, in: forms), by: \.role)
            for key in annual.team1Keys where key.a == h.id && solution.isOn(annual.team1[key]!) {
                var members: [StaffMember] = []
                for role in AnnualModel.t1Roles {
                    let n = solution.count(annual.n1[AnnualModel.Triple(a: h.id, b: key.b, c: role.rawValue)]!)
                    let take = Array((pool[role] ?? []).prefix(n))
                    pool[role] = Array((pool[role] ?? []).dropFirst(n))
                    members += take
                }
                let clinic = annual.workstationKeys.first { $0.a == h.id && $0.b == key.b && solution.isOn(annual.workstation[$0]!) }?.c ?? ""
                let group = PlanGroup3331(doctor: leastLeave(members, .doctor), nurse: leastLeave(members, .nurse),
                                          pharmacist: leastLeave(members, .pharmacist), workstation: clinic)
                teams.append(PlanTeam(tier: "T1", sender: h.id, recipient: key.b, start: start, end: end,
                                      members: members.map(\.id), group3331: group))
            }
        }
        return teams
    }

    private func leastLeave(_ members: [StaffMember], _ role: Role) -> String {
        members.filter { $0.role == role }
            .min { (instance.leaveWorkingDays[$0.id] ?? 0, $0.id) < (instance.leaveWorkingDays[$1.id] ?? 0, $1.id) }?.id ?? ""
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
            // Stationing: people at home first, then the rest by id to the remaining villages.
            var villages = annual.stationKeys.filter { $0.a == h.id && solution.isOn(annual.stationAt[$0]!) }.map(\.b)
            var people = chosen("station", of: h.id, in: forms)
            for person in people where annual.home[person.id].map(solution.isOn) ?? false {
                guard let v = person.hometown, let i = villages.firstIndex(of: v) else { continue }
                villages.remove(at: i)
                people.removeAll { $0.id == person.id }
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .station, site: v, start: start, end: end))
            }
            for (person, v) in zip(people, villages.sorted()) {
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .station, site: v, start: start, end: end))
            }
            let clinics = annual.techKeys.filter { $0.a == h.id && solution.isOn(annual.techAt[$0]!) }.map(\.b).sorted()
            for (person, c) in zip(chosen("tech", of: h.id, in: forms), clinics) {
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .techSupport, site: c, start: start, end: end))
            }
            var areas: [String] = []
            for key in annual.roundsKeys where key.a == h.id {
                areas += Array(repeating: key.b, count: solution.count(annual.roundsIn[key]!))
            }
            for (person, a) in zip(chosen("rounds", of: h.id, in: forms), areas) {
                out.append(PlanVillageHelper(person: person.id, sender: h.id, form: .rounds, site: a, start: start, end: end))
            }
        }
        return out
    }

    private func coverage() -> PlanCoverage {
        func off(_ vars: [String: Variable]) -> [String] { vars.keys.filter { !solution.isOn(vars[$0]!) }.sorted() }
        return PlanCoverage(townshipsWithoutTeam: off(annual.townshipCovered),
                            eligibleVillagesUnstationed: off(annual.villageStationed),
                            clinicsWithoutTechSupport: off(annual.clinicSupported),
                            serviceAreasWithoutRounds: off(annual.areaCovered))
    }
}
