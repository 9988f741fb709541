import RotaCore
import RotaInput
import RotaSolver
/// A first compliant plan built by hand, handed to GLPK as its first incumbent.
///
/// GLPK's own heuristics rarely find a feasible point of a region-sized annual model (the
/// team rows tie persons, placements and team indicators together), so the planner builds
/// one the way an HR office would: reserve the TCM physicians, fill every hospital's quota
/// with whole teams (a doctor, a nurse and a pharmacist first), send township staff to
/// stationing and rounds in their own township, then top up the region totals with whoever is
/// left, nearest first. It sets only the decision variables; `complete` lets a tiny solve with
/// those fixed set the soft-rule indicators. It returns nil when it cannot reach a rule — GLPK
/// then searches on its own.
struct GreedyStart {
    typealias Pair = AnnualModel.Pair
    typealias Triple = AnnualModel.Triple

    let annual: AnnualModel
    private var values: [Double]
    private var taken = Set<String>()          // people with any T1/T2/T3 form
    private var reserved = Set<String>()       // TCM physicians (no full-time posting)
    private var tcmLoad: [String: Int] = [:]
    private var teamCount: [String: Int] = [:] // teams per recipient
    private var usedWorkstations = Set<String>()
    private var stationedVillages = Set<String>()
    private var supportedClinics = Set<String>()
    private var areaHelpers: [String: Int] = [:]
    private var failed = false
    private let stationKeysOf: [String: [Pair]]
    private let stintKeysOf: [String: [Triple]]
    private var usedStints = Set<Triple>()     // (village, stint) as (b, c) of a stint key, a = ""
    private let techKeysOf: [String: [Pair]]
    private let roundsKeysOf: [String: [Pair]]

    private var instance: PlanningInstance { annual.instance }
    private var p: Parameters { instance.parameters }

    init(annual: AnnualModel) {
        self.annual = annual
        self.values = Array(repeating: 0, count: annual.model.columns.count)
        stationKeysOf = Dictionary(grouping: annual.stationKeys, by: \.a)
        stintKeysOf = Dictionary(grouping: annual.stintKeys, by: \.a)
        techKeysOf = Dictionary(grouping: annual.techKeys, by: \.a)
        roundsKeysOf = Dictionary(grouping: annual.roundsKeys, by: \.a)
    }

    /// Decision values for every column (soft indicators still 0), or nil.
    static func build(_ annual: AnnualModel) -> [Double]? {
        var g = GreedyStart(annual: annual)
        g.reserveTCMPhysicians()
        g.formT1Teams()
        g.formT2Teams()
        g.sendVillageHelpers()
        g.topUpTotals()
        return g.failed ? nil : g.values
    }

    private mutating func set(_ v: Variable?, _ x: Double = 1) { if let v { values[v.index] = x } }
    private mutating func add(_ v: Variable?, _ x: Double = 1) { if let v { values[v.index] += x } }

    private func free(_ person: StaffMember) -> Bool { !taken.contains(person.id) && !reserved.contains(person.id) }
    private func mayPost(_ person: StaffMember) -> Bool {
        free(person) && !reserved.contains(person.id) && instance.postingEligible.contains(person.id)
    }

    private func km(_ a: String, _ b: String) -> Int {
        guard let x = instance.institutions[a], let y = instance.institutions[b] else { return 0 }
        return instance.distance(x, y) ?? 0
    }

    // MARK: TCM

    mutating func reserveTCMPhysicians() {
        let limit = max(1, p.int("TCM.centres-per-physician"))
        for c in instance.tcmCentres {
            let options = annual.tcmKeys.filter { $0.b == c.id }.compactMap { key -> (StaffMember, Pair)? in
                guard let person = instance.staffById[key.a], tcmLoad[key.a, default: 0] < limit else { return nil }
                return (person, key)
            }
            // A physician already serving a centre first (fewer people tied up), then the nearest.
            guard let pick = options.min(by: { a, b in
                (tcmLoad[a.0.id, default: 0] > 0 ? 0 : 1, km(a.0.institution, c.id), a.0.id)
                    < (tcmLoad[b.0.id, default: 0] > 0 ? 0 : 1, km(b.0.institution, c.id), b.0.id)
            }) else { failed = true; continue }
            set(annual.tcm[pick.1])
            tcmLoad[pick.0.id, default: 0] += 1
            reserved.insert(pick.0.id)
        }
    }

    // MARK: Teams

    /// Splits `count` people into `teams` teams: the core roles first, the rest round-robin.
    private func split(_ people: [StaffMember], core: [(StaffMember) -> Bool], teams: Int) -> [[StaffMember]] {
        var pool = people
        var out = Array(repeating: [StaffMember](), count: teams)
        for i in 0..<teams {
            for need in core {
                if let k = pool.firstIndex(where: need) { out[i].append(pool.remove(at: k)) }
            }
        }
        for (k, person) in pool.enumerated() { out[k % teams].append(person) }
        return out
    }

    /// Chooses `count` people: the core roles of each team first, then others spread over departments.
    private func choose(_ eligible: [StaffMember], count: Int, teams: Int, core: [(StaffMember) -> Bool]) -> [StaffMember]? {
        var pool = eligible
        var chosen: [StaffMember] = []
        for _ in 0..<teams {
            for need in core {
                guard let k = pool.firstIndex(where: need) else { return nil }
                chosen.append(pool.remove(at: k))
            }
        }
        // Interleave departments so none is emptied first.
        let byDept = Dictionary(grouping: pool, by: { $0.specialty ?? "" })
        var queues = byDept.keys.sorted().map { byDept[$0]! }
        while chosen.count < count, queues.contains(where: { !$0.isEmpty }) {
            for i in queues.indices where !queues[i].isEmpty && chosen.count < count {
                chosen.append(queues[i].removeFirst())
            }
        }
        return chosen.count >= count ? chosen : nil
    }

    mutating func formT1Teams() {
        let size = p.int("T1.team-size")
        let core: [(StaffMember) -> Bool] = [{ $0.role == .doctor }, { $0.role == .nurse }, { $0.role == .pharmacist }]
        for h in instance.tertiary {
            // People free enough every month for a 3331 group first, so each team's core roles are (`T1.group-ready`).
            let candidates = instance.staff(of: h.id).filter { annual.t1[annual.classOf[$0.id] ?? ""] != nil && mayPost($0) }
            let eligible = candidates.filter { instance.groupReady.contains($0.id) } + candidates.filter { !instance.groupReady.contains($0.id) }
            let quota = instance.quota("T1.quota", of: h.technicalStaff)
            guard quota > 0 else { continue }
            let cores = min(eligible.filter { $0.role == .doctor }.count, eligible.filter { $0.role == .nurse }.count,
                            eligible.filter { $0.role == .pharmacist }.count)
            let recipients = instance.countyHospitals.filter { r in
                instance.centralClinics(in: r.county).contains { !usedWorkstations.contains($0.id) }
            }
            let teams = annual.teamTargets[h.id] ?? 1
            guard teams <= recipients.count, teams <= cores, let people = choose(eligible, count: max(quota, teams * size), teams: teams, core: core) else { failed = true; continue }
            placeT1(h, split(people, core: core, teams: teams))
        }
    }

    private mutating func placeT1(_ h: Institution, _ groups: [[StaffMember]]) {
        for group in groups {
            let options = instance.countyHospitals.filter { r in
                annual.team1[Pair(a: h.id, b: r.id)] != nil && values[annual.team1[Pair(a: h.id, b: r.id)]!.index] == 0
                    && instance.centralClinics(in: r.county).contains { !usedWorkstations.contains($0.id) }
            }
            guard let r = options.min(by: { a, b in
                (instance.isLinked(h.id, a.id) ? 0 : 1, teamCount[a.id, default: 0], km(h.id, a.id), a.id)
                    < (instance.isLinked(h.id, b.id) ? 0 : 1, teamCount[b.id, default: 0], km(h.id, b.id), b.id)
            }) else { failed = true; return }
            teamCount[r.id, default: 0] += 1
            set(annual.team1[Pair(a: h.id, b: r.id)])
            let clinic = instance.centralClinics(in: r.county).filter { !usedWorkstations.contains($0.id) }
                .min { (km(r.id, $0.id), $0.id) < (km(r.id, $1.id), $1.id) }!
            usedWorkstations.insert(clinic.id)
            set(annual.workstation[Triple(a: h.id, b: r.id, c: clinic.id)])
            for person in group {
                taken.insert(person.id)
                add(annual.t1[annual.classOf[person.id] ?? ""])
                add(annual.n1[Triple(a: h.id, b: r.id, c: person.role.rawValue)])
            }
        }
    }

    mutating func formT2Teams() {
        let size = p.int("T2.team-size")
        let core: [(StaffMember) -> Bool] = [{ $0.role.group == .doctors }, { $0.role.group == .nurses }, { $0.role.group == .medicalTechnical }]
        for h in instance.secondary + instance.countyHospitals {
            let eligible = instance.staff(of: h.id).filter { annual.t2[annual.classOf[$0.id] ?? ""] != nil && mayPost($0) }
            let quota = instance.quota("T2.quota", of: h.technicalStaff)
            guard quota > 0 else { continue }
            let cores = StaffGroup.allCases.map { g in eligible.filter { $0.role.group == g }.count }.min() ?? 0
            let recipients = instance.t2Recipients(of: h)
            let teams = annual.teamTargets[h.id] ?? 1
            guard teams <= cores, let people = choose(eligible, count: max(quota, teams * size), teams: teams, core: core) else { failed = true; continue }
            for group in split(people, core: core, teams: teams) {
                let options = recipients.filter { values[annual.team2[Pair(a: h.id, b: $0.id)]!.index] == 0 }
                guard let t = options.min(by: { a, b in
                    (instance.isLinked(h.id, a.id) ? 0 : 1, teamCount[a.id, default: 0], km(h.id, a.id), a.id)
                        < (instance.isLinked(h.id, b.id) ? 0 : 1, teamCount[b.id, default: 0], km(h.id, b.id), b.id)
                }) else { failed = true; return }
                teamCount[t.id, default: 0] += 1
                set(annual.team2[Pair(a: h.id, b: t.id)])
                for person in group {
                    taken.insert(person.id)
                    add(annual.t2[annual.classOf[person.id] ?? ""])
                    add(annual.n2[Triple(a: h.id, b: t.id, c: person.role.group.rawValue)])
                }
            }
        }
    }

    // MARK: Villages

    /// Stations a person at a free eligible village their hospital may serve; true when done.
    private mutating func station(_ person: StaffMember, from h: Institution) -> Bool {
        let free = (stationKeysOf[h.id] ?? []).filter { !stationedVillages.contains($0.b) && !stintTaken($0.b) }
        guard let key = free.min(by: { a, b in
            (person.hometown == a.b ? 0 : 1, km(h.id, a.b), a.b) < (person.hometown == b.b ? 0 : 1, km(h.id, b.b), b.b)
        }) else { return false }
        stationedVillages.insert(key.b)
        taken.insert(person.id)
        add(annual.station[annual.classOf[person.id] ?? ""])
        set(annual.stationAt[key])
        return true
    }

    private func stintTaken(_ village: String) -> Bool { usedStints.contains { $0.b == village } }

    /// Free half-period stints of a sender: at villages with no whole-period helper, a stint not yet taken.
    private func freeStints(of h: Institution) -> [Triple] {
        (stintKeysOf[h.id] ?? []).filter { !stationedVillages.contains($0.b) && !usedStints.contains(Triple(a: "", b: $0.b, c: $0.c)) }
    }

    /// Stations a person for one stint (rules.md, "Stationing stints") when every village of
    /// their hospital already has a whole-period helper or stint; the second stint of a
    /// village whose first is taken comes first, so villages fill in pairs.
    private mutating func stationStint(_ person: StaffMember, from h: Institution) -> Bool {
        guard let key = freeStints(of: h).min(by: { a, b in
            (stintTaken(a.b) ? 0 : 1, person.hometown == a.b ? 0 : 1, km(h.id, a.b), a.b, a.c)
                < (stintTaken(b.b) ? 0 : 1, person.hometown == b.b ? 0 : 1, km(h.id, b.b), b.b, b.c)
        }) else { return false }
        usedStints.insert(Triple(a: "", b: key.b, c: key.c))
        taken.insert(person.id)
        add(annual.station[annual.classOf[person.id] ?? ""])
        set(annual.stationStint[key])
        return true
    }

    /// Sends a person on rounds to the area of their hospital that most needs a helper.
    private mutating func rounds(_ person: StaffMember, from h: Institution) -> Bool {
        let keysOfH = roundsKeysOf[h.id] ?? []
        let need = Dictionary(keysOfH.map { ($0.b, 1) }, uniquingKeysWith: { a, _ in a })
        let keys = roundsKeysOf[h.id] ?? []
        guard let key = keys.min(by: { a, b in
            let ma = max(0, need[a.b, default: 1] - areaHelpers[a.b, default: 0]), mb = max(0, need[b.b, default: 1] - areaHelpers[b.b, default: 0])
            return (ma > 0 ? 0 : 1, areaHelpers[a.b, default: 0], km(h.id, a.b), a.b) < (mb > 0 ? 0 : 1, areaHelpers[b.b, default: 0], km(h.id, b.b), b.b)
        }) else { return false }
        areaHelpers[key.b, default: 0] += 1
        taken.insert(person.id)
        add(annual.rounds[annual.classOf[person.id] ?? ""])
        add(annual.roundsIn[key])
        return true
    }

    /// Sends a person to a clinic with no licensed physician that their hospital may serve.
    private mutating func techSupport(_ person: StaffMember, from h: Institution) -> Bool {
        guard let key = (techKeysOf[h.id] ?? []).filter({ !supportedClinics.contains($0.b) })
            .min(by: { (km(h.id, $0.b), $0.b) < (km(h.id, $1.b), $1.b) }) else { return false }
        supportedClinics.insert(key.b)
        taken.insert(person.id)
        add(annual.tech[annual.classOf[person.id] ?? ""])
        set(annual.techAt[key])
        return true
    }

    mutating func sendVillageHelpers() {
        for t in instance.townships {
            let quota = instance.quota("T3.quota", of: t.medicalStaff)
            var sent = 0
            for person in instance.staff(of: t.id) where sent < quota && free(person) {
                // Stationing where a village of the township needs it, else rounds.
                if instance.postingEligible.contains(person.id) && sent < (quota + 1) / 2 && station(person, from: t) { sent += 1; continue }
                if rounds(person, from: t) { sent += 1; continue }
                if instance.postingEligible.contains(person.id) && station(person, from: t) { sent += 1 }
            }
            if sent < quota { failed = true }
        }
    }

    // MARK: Totals

    private func count(_ forms: [String: Variable]) -> Int { forms.values.reduce(0) { $0 + Int(values[$1.index].rounded()) } }

    mutating func topUpTotals() {
        // T1 and T2 totals: more people into the hospitals' existing teams. With
        // totals.by-sender = 1, T2.total counts county hospitals' people only and T3.total
        // township centres' village helpers only.
        let bySender = p.totalsCountBySender
        let countyClasses = Set(annual.classes.filter { $0.institution.tier == .county }.map(\.id))
        let townshipClasses = Set(annual.classes.filter { $0.institution.tier == .township }.map(\.id))
        let t2Senders = bySender ? instance.countyHospitals : instance.secondary + instance.countyHospitals
        for (tier, allForms, senders) in [("T1", annual.t1, instance.tertiary), ("T2", annual.t2, t2Senders)] {
            let forms = tier == "T2" && bySender ? allForms.filter { countyClasses.contains($0.key) } : allForms
            var short = p.int("\(tier).total") - count(forms)
            var progress = true
            while short > 0 && progress {
                progress = false
                for h in senders where short > 0 {
                    let teams = tier == "T1" ? annual.team1Keys.filter { $0.a == h.id && values[annual.team1[$0]!.index] > 0.5 }
                                             : annual.team2Keys.filter { $0.a == h.id && values[annual.team2[$0]!.index] > 0.5 }
                    // The smallest team, so one sender's team sizes differ by at most one.
                    func size(_ key: Pair) -> Double {
                        tier == "T1" ? AnnualModel.t1Roles.reduce(0) { $0 + values[annual.n1[Triple(a: h.id, b: key.b, c: $1.rawValue)]!.index] }
                                     : StaffGroup.allCases.reduce(0) { $0 + values[annual.n2[Triple(a: h.id, b: key.b, c: $1.rawValue)]!.index] }
                    }
                    guard let team = teams.min(by: { (size($0), $0.b) < (size($1), $1.b) }),
                          let person = instance.staff(of: h.id).first(where: { forms[annual.classOf[$0.id] ?? ""] != nil && mayPost($0) }) else { continue }
                    taken.insert(person.id)
                    add(forms[annual.classOf[person.id] ?? ""])
                    if tier == "T1" { add(annual.n1[Triple(a: h.id, b: team.b, c: person.role.rawValue)]) }
                    else { add(annual.n2[Triple(a: h.id, b: team.b, c: person.role.group.rawValue)]) }
                    short -= 1; progress = true
                }
            }
            if short > 0 { failed = true }
        }
        // Stationed helpers, then all village helpers, then the region total.
        let senders = instance.townships + instance.countyHospitals
        func helpers() -> Int { count(annual.station) + count(annual.rounds) + count(annual.tech) }
        func dispatched() -> Int { count(annual.t1) + count(annual.t2) + helpers() }
        while count(annual.station) < p.int("T3.total.stationed") {
            guard let (person, h) = nextFree(senders, where: { instance.postingEligible.contains($0.id) && !reserved.contains($0.id) }),
                  station(person, from: h) || stationStint(person, from: h) else { failed = true; break }
        }
        func counted3() -> Int {
            guard bySender else { return helpers() }
            return [annual.station, annual.rounds, annual.tech].reduce(0) { $0 + count($1.filter { townshipClasses.contains($0.key) }) }
        }
        while counted3() < p.int("T3.total") {
            guard let (person, h) = nextFree(bySender ? instance.townships : senders, where: { _ in true }) else { failed = true; break }
            if !(techSupport(person, from: h) || rounds(person, from: h)) {
                taken.insert(person.id)   // nowhere to send this one; try the next
            }
        }
        while dispatched() < p.int("REGION.total") {
            guard let (person, h) = nextFree(senders, where: { _ in true }) else { failed = true; break }
            if !(techSupport(person, from: h) || rounds(person, from: h)) {
                taken.insert(person.id)   // nowhere to send this one; try the next
            }
        }
    }

    /// The next person not yet sent, from the sender with the most people still free.
    private func nextFree(_ senders: [Institution], where ok: (StaffMember) -> Bool) -> (StaffMember, Institution)? {
        var best: (StaffMember, Institution, Int)?
        for h in senders {
            let free = instance.staff(of: h.id).filter { self.free($0) && annual.station[annual.classOf[$0.id] ?? ""] != nil && ok($0) }
            guard let first = free.first else { continue }
            let hasPlace = (stationKeysOf[h.id] ?? []).contains { !stationedVillages.contains($0.b) } || !freeStints(of: h).isEmpty
                || (techKeysOf[h.id] ?? []).contains { !supportedClinics.contains($0.b) }
                || !(roundsKeysOf[h.id] ?? []).isEmpty
            guard hasPlace else { continue }
            if best == nil || free.count > best!.2 { best = (first, h, free.count) }
        }
        return best.map { ($0.0, $0.1) }
    }
}
