import RotaCore
import RotaInput
import RotaSolver
/// The annual dispatch plan as an integer programme.
///
/// Decisions are made at two levels, both indexed by real ids:
/// - per *candidate class* — the candidates of one hospital with the same role, specialty and
///   leave standing, who are interchangeable for every rule — how many serve in each form:
///   `t1[c]`, `t2[c]`, `station[c]`, `rounds[c]`, `tech[c]`. A candidate with a home village
///   or who could hold a TCM clinic is a class of their own (the class id is then the person
///   id), and `tcm[p,centre]` is per person. Counting classes instead of choosing people keeps
///   the model small and free of the symmetry that stalls branch-and-bound;
/// - per sender and recipient, how the people are placed: `team1[h,r]` (a T1 team exists),
///   `n1[h,r,role]` (its members of a role), `team2[h,t]`, `n2[h,t,group]`, `stationAt[h,v]`,
///   `roundsIn[h,area]`, `techAt[h,clinic]`, and `workstation[h,r,clinic]` for the 3331 group.
///
/// Every row is labelled with the rule it encodes (`T1.quota[hz-municipal]`), so the MPS file,
/// the solver report and an infeasibility explanation can name it. Which person of a hospital
/// fills which placement is then fixed by `AnnualPlanExtractor`, since people of the same role
/// and hospital are interchangeable for every hard rule.
struct AnnualModel {
    struct Pair: Hashable { let a: String, b: String }
    struct Triple: Hashable { let a: String, b: String, c: String }

    var model = Model(name: "annual")
    let instance: PlanningInstance
    let weights: ObjectiveWeights

    /// Interchangeable candidates: same hospital, role, specialty and leave standing.
    struct CandidateClass {
        let id: String
        let institution: Institution
        let members: [StaffMember]
        let role: Role
        let postingEligible: Bool
        let inScope: Bool
    }
    var classes: [CandidateClass] = []
    /// Person id → class id.
    var classOf: [String: String] = [:]
    /// Class ids per institution, in order.
    var classesOf: [String: [CandidateClass]] = [:]

    // Class-level forms (keyed by class id).
    var t1: [String: Variable] = [:], t2: [String: Variable] = [:]
    var station: [String: Variable] = [:], rounds: [String: Variable] = [:], tech: [String: Variable] = [:]
    /// Rounds helpers of a class who also give technical support (`roundsAndTech[c]`): part-time
    /// duties combine (rules.md, "Who may serve where"), so a person already on rounds supports
    /// a clinic without being a second person dispatched.
    var both: [String: Variable] = [:]
    var home: [String: Variable] = [:]
    var tcm: [Pair: Variable] = [:]
    var tcmKeys: [Pair] = []
    // Placements.
    var team1: [Pair: Variable] = [:], team1Keys: [Pair] = []
    var n1: [Triple: Variable] = [:]
    var workstation: [Triple: Variable] = [:], workstationKeys: [Triple] = []
    var team2: [Pair: Variable] = [:], team2Keys: [Pair] = []
    var n2: [Triple: Variable] = [:]
    var stationAt: [Pair: Variable] = [:], stationKeys: [Pair] = []
    /// Half-period stationings `stationStint[h,v,k]`: a helper of `h` at village `v` for stint
    /// `k` (1 or 2) of `instance.stationStints`.
    var stationStint: [Triple: Variable] = [:], stintKeys: [Triple] = []
    var roundsIn: [Pair: Variable] = [:], roundsKeys: [Pair] = []
    var techAt: [Pair: Variable] = [:], techKeys: [Pair] = []
    /// Rounds helpers of `h` in a large area (more than `comboClinics` clinics) who may also
    /// give technical support (`comboRoom[h,area]`); in a smaller area every helper may.
    var comboRoom: [Pair: Variable] = [:]
    /// Clinics one rounds helper keeps visited in a fortnight alongside a technical-support
    /// duty, even in a holiday fortnight of 5 working days (10 half-days: 5 rounds visits + 4
    /// tech-support visits + one to spare).
    static let comboClinics = 5
    /// Rows that encode a planning policy rather than a rule (see `requireTeamCount`).
    static let policyRules: Set<String> = ["T1.teams", "T2.teams", "T1.group-ready"]

    /// Teams each T1/T2 sender forms (`T1.teams`, `T2.teams`).
    var teamTargets: [String: Int] = [:]
    // Soft-rule indicators.
    var townshipCovered: [String: Variable] = [:]
    var clinicSupported: [String: Variable] = [:]
    var areaCovered: [String: Variable] = [:]

    /// Base names of the decision variables (the rest are soft-rule indicators).
    static let decisionBases: Set<String> = ["t1", "t2", "station", "rounds", "tech", "tcm", "team1", "n1", "workstation",
                                             "team2", "n2", "stationAt", "stationStint", "roundsIn", "techAt"]

    /// Per column: whether it is a decision (its base name in `decisionBases`) rather than a
    /// soft-rule indicator or surplus the decisions determine.
    var decisionColumns: [Bool] {
        model.columns.map { AnnualModel.decisionBases.contains(String($0.name.prefix { $0 != "[" })) }
    }

    static let t1Roles: [Role] = [.doctor, .nurse, .pharmacist, .technician]
    /// The roles of a T1 team's 3331 group (T1.3331: a doctor, a nurse and a pharmacist).
    static let groupRoles: [Role] = [.doctor, .nurse, .pharmacist]

    init(instance: PlanningInstance, weights: ObjectiveWeights = ObjectiveWeights()) {
        self.instance = instance
        self.weights = weights
        formCandidateClasses()
        addPersonForms()
        requireOnePostingPerPerson()
        requireLeaveToAllowPostings()
        addT1Teams()
        addT2Teams()
        addVillageHelp()
        addTCMClinics()
        requireTierAndRegionTotals()
        spreadLoadOverDepartments()
        // Level 2 is measured from the proven lower bound: the objective is what people beyond
        // the bound and the lower levels cost, so GLPK's relative MIP gap speaks of coverage,
        // hometowns and teams rather than of the (constant) people every plan must send.
        model.objectiveConstant -= personCost * Double(DispatchLowerBound(scenario: instance.scenario).region)
    }

    private var p: Parameters { instance.parameters }

    // MARK: People

    /// Groups interchangeable candidates; people with a home village or who could hold a TCM
    /// clinic stay on their own.
    mutating func formCandidateClasses() {
        var order: [String] = []
        var groups: [String: [StaffMember]] = [:]
        for person in instance.scenario.staff {
            guard let h = instance.institutions[person.institution], h.tier != .village else { continue }
            let eligible = instance.postingEligible.contains(person.id)
            let key: String
            if person.hometown != nil || person.isSeniorTCMPhysician {
                key = person.id
            } else {
                let specialty = (person.specialty?.lowercased() ?? "-").map { $0.isWhitespace || $0 == "," || $0 == "[" || $0 == "]" ? "_" : String($0) }.joined()
                // Leave-aware: people free to take a posting form classes by their working
                // days of leave, so the model can prefer colleagues free of it (`leaveDay`);
                // those who cannot be posted stay one class `hospital~role~specialty~leave`, the
                // form conflict explanations name.
                let days = instance.leaveWorkingDays[person.id] ?? 0
                // A tertiary candidate away too long in some month to sit in a 3331 group
                // (`PlanningInstance.groupReady`) is apart from those who could.
                let unready = eligible && h.tier == .tertiary && !instance.groupReady.contains(person.id)
                key = "\(h.id)~\(person.role.rawValue)~\(specialty)~\(eligible ? "free" : "leave")" + (eligible && days > 0 ? "~\(days)d" : "")
                    + (unready ? "~month-leave" : "")
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(person)
        }
        for key in order {
            let members = groups[key]!.sorted { $0.id < $1.id }
            let first = members[0]
            let c = CandidateClass(id: key, institution: instance.institutions[first.institution]!, members: members, role: first.role,
                                   postingEligible: instance.postingEligible.contains(first.id),
                                   inScope: ["general", "internal", "tcm"].contains(first.specialty?.lowercased() ?? ""))
            classes.append(c)
            classesOf[c.institution.id, default: []].append(c)
            for m in members { classOf[m.id] = key }
        }
    }

    /// The cost of each person dispatched (`ObjectiveWeights.personDispatched`, 0 unless
    /// `fewestPeopleFirst`). Automatic:
    /// one more than the largest gain one placement can earn — a kept link plus the largest of
    /// a township centre's T2 coverage, an eligible village's stationing (by a helper at home:
    /// plus `stationedAtHome`), a clinic's technical
    /// support and a service area's rounds — so that fewer people always wins over coverage
    /// (each person holds one placement at most, PERSON.one-posting).
    var personCost: Double {
        guard weights.fewestPeopleFirst else { return 0 }
        if let w = weights.personDispatched { return w }
        let largest = instance.villages.map { $0.population ?? 0 }.max() ?? 0
        let coverage = [weights.townshipWithoutTeam, weights.villageUnstationed + Double(largest) / 1000 + weights.stationedAtHome,
                        weights.clinicWithoutTechSupport + Double(largest) / 4000, weights.areaWithoutRounds].max() ?? 0
        return 1 + weights.linkDropped + coverage
    }

    /// One count per class and form its members could serve in; each person counted costs
    /// `personCost` (fewest people first).
    mutating func addPersonForms() {
        for c in classes {
            let n = Double(c.members.count)
            // Each working day of leave costs `leaveDay` (the class's least; its members are
            // taken least leave first, `AnnualPlanExtractor`).
            let leastLeave = c.members.map { instance.leaveWorkingDays[$0.id] ?? 0 }.min() ?? 0
            let person = personCost + weights.leaveDay * Double(leastLeave)
            // A full-time posting of a senior TCM physician (a class of their own) costs more.
            let posting = person + (c.members.count == 1 && c.members[0].isSeniorTCMPhysician ? weights.tcmPhysicianPosted : 0)
            switch c.institution.tier {
            case .tertiary:
                t1[c.id] = model.integer("t1", [c.id], upper: n, cost: posting)
            case .secondary:
                t2[c.id] = model.integer("t2", [c.id], upper: n, cost: posting)
            case .county, .township:
                if c.institution.tier == .county { t2[c.id] = model.integer("t2", [c.id], upper: n, cost: posting) }
                let scopeCost = c.inScope ? 0 : weights.helperOutsideScope
                let leaveCost = c.postingEligible ? 0 : weights.dutyDuringLongLeave
                let home = hasHomeVillageInReach(c) ? weights.notStationedAtHome : 0
                if c.institution.tier == .county, let x = t2[c.id], home > 0 { model.minimise(x, cost: home) }
                station[c.id] = model.integer("station", [c.id], upper: n, cost: posting + scopeCost + home)
                let r = model.integer("rounds", [c.id], upper: n, cost: person + scopeCost + leaveCost + home)
                let t = model.integer("tech", [c.id], upper: n, cost: person + scopeCost + leaveCost + home)
                rounds[c.id] = r; tech[c.id] = t
                // A rounds helper who also gives technical support is one person, not two.
                let b = model.integer("roundsAndTech", [c.id], upper: n, cost: -(person + scopeCost + home))
                both[c.id] = b
                model.require("PERSON.part-time", [c.id, "rounds"], LinearExpression(b) - LinearExpression(r) <= 0)
                model.require("PERSON.part-time", [c.id, "tech-support"], LinearExpression(b) - LinearExpression(t) <= 0)
            case .village:
                continue
            }
        }
    }

    /// Whether a class is one county-hospital candidate whose home village is eligible for
    /// stationing by their hospital (T3.hometown): any other duty of theirs costs
    /// `notStationedAtHome`, which stationing at home takes back.
    func hasHomeVillageInReach(_ c: CandidateClass) -> Bool {
        guard c.institution.tier == .county, c.members.count == 1, let v = c.members[0].hometown,
              let village = instance.institutions[v] else { return false }
        return instance.stationVillages.contains(village) && instance.mayServeVillage(c.institution, village)
    }

    /// People of some classes in village duties: stationed, rounds and technical support, a
    /// person on rounds who also supports a clinic counted once.
    func villageHelpers(_ ids: [String]) -> LinearExpression {
        LinearExpression.sum(ids.flatMap { [station[$0], rounds[$0], tech[$0]].compactMap { $0 } })
            - LinearExpression.sum(ids.compactMap { both[$0] })
    }

    /// The class variables of a form for some candidates of one hospital.
    func forms(_ form: [String: Variable], of institution: String, where keep: (CandidateClass) -> Bool = { _ in true }) -> LinearExpression {
        LinearExpression.sum((classesOf[institution] ?? []).filter(keep).compactMap { form[$0.id] })
    }

    /// PERSON.one-posting: each member holds one form at most (TCM clinics are added in `addTCMClinics`).
    mutating func requireOnePostingPerPerson() {
        for c in classes {
            let forms = [t1[c.id], t2[c.id], station[c.id], rounds[c.id], tech[c.id]].compactMap { $0 }
            let combined = LinearExpression.sum(forms) - LinearExpression.sum([both[c.id]].compactMap { $0 })
            if forms.count > 1 { model.require("PERSON.one-posting", [c.id], combined <= Double(c.members.count)) }
        }
    }

    /// PERSON.leave: no full-time posting for candidates whose leave overlaps it by too many working days.
    mutating func requireLeaveToAllowPostings() {
        for c in classes where !c.postingEligible {
            let postings = [t1[c.id], t2[c.id], station[c.id]].compactMap { $0 }
            if !postings.isEmpty { model.require("PERSON.leave", [c.id], LinearExpression.sum(postings) <= 0) }
        }
    }

    // MARK: T1

    mutating func addT1Teams() {
        let size = Double(p.int("T1.team-size"))
        let longEnough = instance.periodAllows(months: p.int("T1.duration-months"))
        var allTeams = LinearExpression()
        for h in instance.tertiary {
            let staff = instance.staff(of: h.id)
            var teamsOfH = LinearExpression()
            var placed: [Role: LinearExpression] = [:]
            var built: [BuiltTeam] = []
            for r in instance.countyHospitals {
                let key = Pair(a: h.id, b: r.id)
                let y = placement("team1", from: h, to: r, travel: false)
                team1[key] = y; team1Keys.append(key)
                teamsOfH.add(1, y); allTeams.add(1, y)
                var members = LinearExpression()
                let km = Double(instance.distance(h, r) ?? 0)
                for role in AnnualModel.t1Roles {
                    let available = staff.filter { $0.role == role }.count
                    let n = model.integer("n1", [h.id, r.id, role.rawValue], upper: Double(available), cost: km * weights.perKilometre)
                    n1[Triple(a: h.id, b: r.id, c: role.rawValue)] = n
                    members.add(1, n)
                    placed[role, default: LinearExpression()].add(1, n)
                    // A team's members exist only if the team does.
                    model.require("T1.one-sender", [h.id, r.id, role.rawValue], LinearExpression(n) <= Double(available) * y)
                }
                model.require("T1.team-size", [h.id, r.id], members >= size * y)
                let counts = n1
                built.append(BuiltTeam(recipient: r.id, exists: y, members: members, groups: Dictionary(uniqueKeysWithValues: StaffGroup.allCases.map { group in
                    (group, LinearExpression.sum(Role.allCases.filter { $0.group == group }.compactMap { counts[Triple(a: h.id, b: r.id, c: $0.rawValue)] }))
                })))
                requireTeamMix("T1.team-mix", [h.id, r.id], y: y) { group in
                    LinearExpression.sum(Role.allCases.filter { $0.group == group }.compactMap { counts[Triple(a: h.id, b: r.id, c: $0.rawValue)] })
                }
                // T1.3331: the group's pharmacist is a member of the team.
                model.require("T1.3331", [h.id, r.id, "pharmacist"], LinearExpression(n1[Triple(a: h.id, b: r.id, c: "pharmacist")]!) >= LinearExpression(y))
                addWorkstation(sender: h, recipient: r, team: y)
            }
            // Placed members are exactly the people chosen for T1.
            for role in AnnualModel.t1Roles {
                let chosen = forms(t1, of: h.id) { $0.role == role }
                model.require("T1.members", [h.id, role.rawValue], (placed[role] ?? LinearExpression()) - chosen == 0)
            }
            let sent = forms(t1, of: h.id)
            let quota = instance.quota("T1.quota", of: h.technicalStaff)
            model.require("T1.quota", [h.id], sent >= Double(quota))
            let cores = AnnualModel.groupRoles.map { role in staff.filter { $0.role == role && instance.postingEligible.contains($0.id) }.count }.min() ?? 0
            requireTeamCount("T1.teams", sender: h, teams: teamsOfH, quota: quota, size: Int(size), cores: cores,
                             recipients: instance.countyHospitals.count)
            requireGroupsReady(sender: h, teams: teamsOfH)
            penaliseBeyondQuota(sent, quota: quota, hospital: h.id, tier: "T1")
            balanceTeams("T1.teams", sender: h, built)
        }
        if !longEnough && !team1Keys.isEmpty {
            model.require("T1.duration", [], allTeams <= 0)
        }
        // T1.3331: each workstation clinic belongs to one team only.
        let teamsAtClinic = Dictionary(grouping: workstationKeys, by: \.c)
        for clinic in teamsAtClinic.keys.sorted() where teamsAtClinic[clinic]!.count > 1 {
            model.require("T1.3331", [clinic], LinearExpression.sum(teamsAtClinic[clinic]!.map { workstation[$0]! }) <= 1)
        }
        // Spread (soft): a second T1 team at one county hospital costs.
        for r in instance.countyHospitals {
            let teams = LinearExpression.sum(instance.tertiary.compactMap { team1[Pair(a: $0.id, b: r.id)] })
            guard !teams.terms.isEmpty else { continue }
            let extra = model.continuous("extraTeams1", [r.id], cost: weights.secondTeamAtRecipient)
            model.require("T1.spread", [r.id], teams - LinearExpression(extra) <= 1)
        }
    }

    /// T1.3331: each T1 team has its own central village clinic in the recipient's county.
    mutating func addWorkstation(sender h: Institution, recipient r: Institution, team y: Variable) {
        var choices = LinearExpression()
        for c in instance.centralClinics(in: r.county) {
            let key = Triple(a: h.id, b: r.id, c: c.id)
            let km = Double(instance.distance(r, c) ?? 0)
            let w = model.binary("workstation", [h.id, r.id, c.id], cost: km * weights.perKilometre)
            workstation[key] = w; workstationKeys.append(key)
            choices.add(1, w)
        }
        model.require("T1.3331", [h.id, r.id, "workstation"], choices - LinearExpression(y) == 0)
    }

    /// Planning policy (`T1.teams`, `T2.teams`): a sender forms ⌊quota / team size⌋ teams (at
    /// least one, and no more than its core members or recipients allow); people beyond that go
    /// into those teams. It keeps team counts whole in the LP relaxation, which makes the bound
    /// tight, and matches how hospitals split their quota.
    mutating func requireTeamCount(_ rule: String, sender h: Institution, teams: LinearExpression, quota: Int, size: Int,
                                   cores: Int, recipients: Int) {
        guard quota > 0, !teams.terms.isEmpty else { return }
        let count = max(1, min(quota / max(1, size), cores, recipients))
        teamTargets[h.id] = count
        model.require(rule, [h.id], teams == Double(count))
    }

    /// Planning policy (`T1.group-ready`): for each of the 3331 group's roles, a sender sends at
    /// least as many people free enough every month (`PlanningInstance.groupReady`) as it forms
    /// teams, so each team's doctor, nurse and pharmacist can meet the group's visits every month
    /// whoever else is away (`AnnualPlanExtractor` seats them). Only where the sender has that many
    /// such candidates of the role; a policy, dropped like `T1.teams` when it leaves no plan.
    mutating func requireGroupsReady(sender h: Institution, teams: LinearExpression) {
        guard let target = teamTargets[h.id] else { return }
        for role in AnnualModel.groupRoles {
            let ready = instance.staff(of: h.id).filter { $0.role == role && instance.postingEligible.contains($0.id) && instance.groupReady.contains($0.id) }
            guard ready.count >= target else { continue }
            let seated = forms(t1, of: h.id) { c in c.role == role && c.members.allSatisfy { instance.groupReady.contains($0.id) } }
            model.require("T1.group-ready", [h.id, role.rawValue], seated - teams >= 0)
        }
    }

    /// A possible team of one sender as the model sees it: whether it exists, its size, and its
    /// members per staff group.
    struct BuiltTeam {
        let recipient: String
        let exists: Variable
        let members: LinearExpression
        let groups: [StaffGroup: LinearExpression]
    }

    /// Balanced teams (level 4, README "How the plan is chosen"):
    /// - sizes (planning policy `T1.teams` / `T2.teams`, dropped with the team count when it
    ///   would make a scenario infeasible): for each sender, the teams that exist differ in
    ///   size by at most one — every team has `teamSize[h]` or `teamSize[h] + 1` members;
    /// - mix (soft, `TeamMix`): for each team and staff group, members of the group beyond
    ///   (the group's share of the sender's candidates + `teamMixTolerance`) × the team's size
    ///   cost `teamMixExcess` each.
    mutating func balanceTeams(_ rule: String, sender h: Institution, _ teams: [BuiltTeam]) {
        guard !teams.isEmpty else { return }
        let staff = instance.staff(of: h.id)
        let big = Double(staff.count + 1)
        let base = model.integer("teamSize", [h.id], upper: Double(staff.count))
        for t in teams {
            // members ≥ base − M(1 − y) and members ≤ base + 1 + M(1 − y).
            model.require(rule, [h.id, t.recipient, "size-low"], t.members - LinearExpression(base) - big * t.exists >= -big)
            model.require(rule, [h.id, t.recipient, "size-high"], t.members - LinearExpression(base) + big * t.exists <= 1 + big)
            for group in StaffGroup.allCases {
                let limit = TeamMix.limitShare(group: group, candidates: staff, tolerance: weights.teamMixTolerance)
                guard limit < 1, let n = t.groups[group] else { continue }
                // Whole people: a team one person beyond the limit pays the full weight.
                let excess = model.integer("mixExcess", [h.id, t.recipient, group.rawValue], upper: Double(staff.count), cost: weights.teamMixExcess)
                model.require("TEAM.mix-balance", [h.id, t.recipient, group.rawValue], n - limit * t.members - LinearExpression(excess) <= 0)
            }
        }
    }

    /// At least one doctor, one nurse and one medical-technical member in a team that exists.
    mutating func requireTeamMix(_ rule: String, _ ids: [String], y: Variable, members: (StaffGroup) -> LinearExpression) {
        for group in StaffGroup.allCases {
            model.require(rule, ids + [group.rawValue], members(group) >= LinearExpression(y))
        }
    }

    /// Soft: each person beyond a hospital's quota costs `personBeyondQuota`.
    mutating func penaliseBeyondQuota(_ sent: LinearExpression, quota: Int, hospital: String, tier: String) {
        let beyond = model.continuous("beyondQuota", [tier, hospital], cost: weights.personBeyondQuota)
        model.require("SPREAD.beyond-quota", [tier, hospital], sent - LinearExpression(beyond) <= Double(quota))
    }

    // MARK: T2

    mutating func addT2Teams() {
        let size = Double(p.int("T2.team-size"))
        let longEnough = instance.periodAllows(months: p.int("T2.duration-months"))
        var allTeams = LinearExpression()
        var teamsAt: [String: LinearExpression] = [:]
        for h in instance.secondary + instance.countyHospitals {
            let staff = instance.staff(of: h.id)
            var placed: [StaffGroup: LinearExpression] = [:]
            var teamsOfH = LinearExpression()
            var built: [BuiltTeam] = []
            for t in instance.t2Recipients(of: h) {
                let key = Pair(a: h.id, b: t.id)
                let y = placement("team2", from: h, to: t, travel: false)
                team2[key] = y; team2Keys.append(key)
                allTeams.add(1, y); teamsOfH.add(1, y); teamsAt[t.id, default: LinearExpression()].add(1, y)
                var members = LinearExpression()
                let km = Double(instance.distance(h, t) ?? 0)
                for group in StaffGroup.allCases {
                    let available = staff.filter { $0.role.group == group }.count
                    let n = model.integer("n2", [h.id, t.id, group.rawValue], upper: Double(available), cost: km * weights.perKilometre)
                    n2[Triple(a: h.id, b: t.id, c: group.rawValue)] = n
                    members.add(1, n)
                    placed[group, default: LinearExpression()].add(1, n)
                    model.require("T2.one-sender", [h.id, t.id, group.rawValue], LinearExpression(n) <= Double(available) * y)
                }
                model.require("T2.team-size", [h.id, t.id], members >= size * y)
                let counts = n2
                built.append(BuiltTeam(recipient: t.id, exists: y, members: members, groups: Dictionary(uniqueKeysWithValues: StaffGroup.allCases.map { group in
                    (group, LinearExpression(counts[Triple(a: h.id, b: t.id, c: group.rawValue)]!))
                })))
                requireTeamMix("T2.team-mix", [h.id, t.id], y: y) { group in
                    LinearExpression(counts[Triple(a: h.id, b: t.id, c: group.rawValue)]!)
                }
            }
            for group in StaffGroup.allCases {
                let chosen = forms(t2, of: h.id) { $0.role.group == group }
                model.require("T2.members", [h.id, group.rawValue], (placed[group] ?? LinearExpression()) - chosen == 0)
            }
            let sent = forms(t2, of: h.id)
            let quota = instance.quota("T2.quota", of: h.technicalStaff)
            model.require("T2.quota", [h.id], sent >= Double(quota))
            let cores = StaffGroup.allCases.map { g in staff.filter { $0.role.group == g && instance.postingEligible.contains($0.id) }.count }.min() ?? 0
            requireTeamCount("T2.teams", sender: h, teams: teamsOfH, quota: quota, size: Int(size), cores: cores,
                             recipients: instance.t2Recipients(of: h).count)
            penaliseBeyondQuota(sent, quota: quota, hospital: h.id, tier: "T2")
            balanceTeams("T2.teams", sender: h, built)
        }
        if !longEnough && !team2Keys.isEmpty {
            model.require("T2.duration", [], allTeams <= 0)
        }
        // T2.coverage (soft): a team at as many township centres as possible, one each.
        for t in instance.townships {
            let teams = teamsAt[t.id] ?? LinearExpression()
            let covered = model.binary("covered2", [t.id], cost: -weights.townshipWithoutTeam)
            model.objectiveConstant += weights.townshipWithoutTeam
            townshipCovered[t.id] = covered
            model.require("T2.coverage", [t.id], LinearExpression(covered) - teams <= 0)
            if teams.terms.count > 1 {
                let extra = model.continuous("extraTeams2", [t.id], cost: weights.secondTeamAtRecipient)
                model.require("T2.spread", [t.id], teams - LinearExpression(extra) <= 1)
            }
        }
    }

    // MARK: T3

    /// A 0/1 placement of a sender at a recipient. An earlier year's link between them is kept
    /// where possible: dropping it costs `linkDropped` (a constant that the placement takes back).
    /// With `travel`, the distance costs `perKilometre` per person.
    mutating func placement(_ base: String, from h: Institution, to r: Institution, travel: Bool = true) -> Variable {
        var cost = travel ? Double(instance.distance(h, r) ?? 0) * weights.perKilometre : 0
        if instance.isLinked(h.id, r.id) {
            cost -= weights.linkDropped
            model.objectiveConstant += weights.linkDropped
        }
        return model.binary(base, [h.id, r.id], cost: cost)
    }

    mutating func addVillageHelp() {
        let senders = instance.countyHospitals + instance.townships
        addStationing(senders: senders)
        // Technical support: clinics with no licensed physician.
        for c in instance.techSupportClinics {
            var helpers = LinearExpression()
            for h in senders where instance.mayServeVillage(h, c) {
                let x = placement("techAt", from: h, to: c)
                techAt[Pair(a: h.id, b: c.id)] = x; techKeys.append(Pair(a: h.id, b: c.id))
                helpers.add(1, x)
            }
            let gain = weights.clinicWithoutTechSupport + Double(c.population ?? 0) / 4000
            let supported = model.binary("supported", [c.id], cost: -gain)
            model.objectiveConstant += gain
            clinicSupported[c.id] = supported
            model.require("T3.tech-support", [c.id], helpers - LinearExpression(supported) == 0)
        }
        // Rounds: helpers per family-doctor service area. An area with a helper is covered: the
        // weekly rota gives its helpers enough sessions (≥ T3.rounds-per-week each) to visit every
        // clinic once every T3.rounds-visit-weeks weeks.
        for area in instance.serviceAreas {
            var helpers = LinearExpression()
            for h in senders where area.villages.allSatisfy({ instance.mayServeVillage(h, $0) }) {
                let key = Pair(a: h.id, b: area.id)
                let km = Double(area.villages.first.flatMap { instance.distance(h, $0) } ?? 0)
                let staffCount = instance.staff(of: h.id).count
                let x = model.integer("roundsIn", [h.id, area.id], upper: Double(staffCount), cost: km * weights.perKilometre)
                roundsIn[key] = x; roundsKeys.append(key)
                helpers.add(1, x)
                if area.villages.count > AnnualModel.comboClinics {
                    // A large area: a lone helper has no room for technical support; with n ≥ 2
                    // helpers the clinics split and each may (room ≤ 2n − 2, room ≤ n).
                    let any = model.binary("roundsAny", [h.id, area.id])
                    let room = model.integer("comboRoom", [h.id, area.id], upper: Double(staffCount))
                    comboRoom[key] = room
                    model.require("PERSON.part-time", [h.id, area.id, "any"], LinearExpression(x) - Double(staffCount) * any <= 0)
                    model.require("PERSON.part-time", [h.id, area.id, "room"], LinearExpression(room) - 2 * x + 2 * any <= 0)
                    model.require("PERSON.part-time", [h.id, area.id, "room-helpers"], LinearExpression(room) - LinearExpression(x) <= 0)
                }
            }
            let covered = model.binary("roundsCovered", [area.id], cost: -weights.areaWithoutRounds)
            model.objectiveConstant += weights.areaWithoutRounds
            areaCovered[area.id] = covered
            model.require("T3.rounds", [area.id], helpers - LinearExpression(covered) >= 0)
        }
        // Placements are exactly the people chosen per form; hometown stationing preferred.
        for h in senders {
            let staff = instance.staff(of: h.id)
            model.require("T3.members", [h.id, "station"], stationings(of: h.id) - forms(station, of: h.id) == 0)
            let techs = LinearExpression.sum(techKeys.filter { $0.a == h.id }.map { techAt[$0]! })
            model.require("T3.members", [h.id, "tech-support"], techs - forms(tech, of: h.id) == 0)
            let roundsPlaced = LinearExpression.sum(roundsKeys.filter { $0.a == h.id }.map { roundsIn[$0]! })
            model.require("T3.members", [h.id, "rounds"], roundsPlaced - forms(rounds, of: h.id) == 0)
            // Rounds helpers who also support a clinic need room in their area's fortnight.
            let room = LinearExpression.sum(roundsKeys.filter { $0.a == h.id }.map { comboRoom[$0] ?? roundsIn[$0]! })
            model.require("PERSON.part-time", [h.id, "combo-room"], forms(both, of: h.id) - room <= 0)
            if h.tier == .county { addHometownStationing(for: h, staff: staff) }
            if h.tier == .township {
                let sent = forms(station, of: h.id) + forms(rounds, of: h.id)
                let quota = instance.quota("T3.quota", of: h.medicalStaff)
                model.require("T3.quota", [h.id], sent >= Double(quota))
                let all = sent + forms(tech, of: h.id) - forms(both, of: h.id)
                penaliseBeyondQuota(all, quota: quota, hospital: h.id, tier: "T3")
            }
        }
        let stationMonths = p.int("T3.station-months")
        if !instance.periodAllows(months: stationMonths) && !station.isEmpty {
            model.require("T3.station-continuity", [], LinearExpression.sum(classes.compactMap { station[$0.id] }) <= 0)
        }
    }

    /// Stationing (T3.station-target, rules.md "Stationing stints"): an eligible village hosts
    /// at most one stationed helper at a time, from its township centre or a county hospital of
    /// its county — either one for the whole period (`stationAt[h,v]`) or, when the period holds
    /// two stints of T3.station-months, one per stint (`stationStint[h,v,k]`), so two helpers
    /// may follow each other. For each village and stint k: whole + stint k ≤ 1.
    ///
    /// The coverage gain (`villageUnstationed` + population / 1000) is earned per stint a
    /// village is covered, half each, so a whole-period helper earns it with one person and two
    /// stints need two: stints are used where the totals need more stationed people than
    /// villages, or where no one can stay the whole period.
    mutating func addStationing(senders: [Institution]) {
        let stints = instance.stationStints
        for v in instance.stationVillages {
            let gain = weights.villageUnstationed + Double(v.population ?? 0) / 1000
            model.objectiveConstant += gain
            var whole = LinearExpression()
            var perStint = Array(repeating: LinearExpression(), count: stints.count)
            for h in senders where instance.mayServeVillage(h, v) {
                let x = placement("stationAt", from: h, to: v)
                model.minimise(x, cost: -gain)
                stationAt[Pair(a: h.id, b: v.id)] = x; stationKeys.append(Pair(a: h.id, b: v.id))
                whole.add(1, x)
                for k in stints.indices {
                    let key = Triple(a: h.id, b: v.id, c: String(k + 1))
                    let km = Double(instance.distance(h, v) ?? 0)
                    let y = model.binary("stationStint", [h.id, v.id, key.c], cost: km * weights.perKilometre - gain / 2 + weights.halfYearStint)
                    stationStint[key] = y; stintKeys.append(key)
                    perStint[k].add(1, y)
                }
            }
            if stints.isEmpty {
                model.require("T3.station-target", [v.id], whole <= 1)
            } else {
                for k in stints.indices {
                    model.require("T3.station-target", [v.id, "stint\(k + 1)"], whole + perStint[k] <= 1)
                }
            }
        }
    }

    /// Stationings of a sender (whole period and stints) at a village, or all its villages.
    func stationings(of h: String, at v: String? = nil) -> LinearExpression {
        let whole = stationKeys.filter { $0.a == h && (v == nil || $0.b == v) }.map { stationAt[$0]! }
        let stints = stintKeys.filter { $0.a == h && (v == nil || $0.b == v) }.map { stationStint[$0]! }
        return LinearExpression.sum(whole + stints)
    }

    /// T3.hometown (preference): a county-hospital helper stationed in their own eligible home
    /// village takes back `notStationedAtHome` and earns `stationedAtHome` (level 3), so when
    /// a county hospital sends village helpers, candidates who can go home are sent first.
    mutating func addHometownStationing(for h: Institution, staff: [StaffMember]) {
        var athome: [String: LinearExpression] = [:]
        for person in staff {
            guard let v = person.hometown, classOf[person.id] == person.id, let x = station[person.id],
                  stationAt[Pair(a: h.id, b: v)] != nil else { continue }
            let at = model.binary("home", [person.id], cost: -(weights.notStationedAtHome + weights.stationedAtHome))
            home[person.id] = at
            model.require("T3.hometown", [person.id], LinearExpression(at) - LinearExpression(x) <= 0)
            athome[v, default: LinearExpression()].add(1, at)
        }
        for v in athome.keys.sorted() {
            model.require("T3.hometown", [h.id, v], athome[v]! - stationings(of: h.id, at: v) <= 0)
        }
    }

    // MARK: TCM

    mutating func addTCMClinics() {
        let perPhysician = Double(max(1, p.int("TCM.centres-per-physician")))
        var clinicsOf: [String: LinearExpression] = [:]
        let physicians = instance.scenario.staff.filter(\.isSeniorTCMPhysician)
        for c in instance.tcmCentres {
            var visitors = LinearExpression()
            for person in physicians {
                guard let h = instance.institutions[person.institution], instance.mayHoldTCMClinic(h, at: c) else { continue }
                let key = Pair(a: person.id, b: c.id)
                let km = Double(instance.distance(h, c) ?? 0)
                let leaveCost = (instance.postingEligible.contains(person.id) ? 0 : weights.dutyDuringLongLeave)
                    + weights.leaveDay * Double(instance.leaveWorkingDays[person.id] ?? 0)
                let x = model.binary("tcm", [person.id, c.id], cost: km * weights.perKilometre + leaveCost)
                tcm[key] = x; tcmKeys.append(key)
                visitors.add(1, x)
                clinicsOf[person.id, default: LinearExpression()].add(1, x)
            }
            model.require("TCM.weekly", [c.id], visitors >= 1)
        }
        // A full-time posting leaves no room for TCM clinics (PERSON.one-posting). Planning
        // policy on top: a TCM clinic holder takes no rounds or technical support either, so a
        // week that holidays cut to one working day still fits their clinics.
        for person in physicians {
            guard let clinics = clinicsOf[person.id] else { continue }
            let postings = [t1[person.id], t2[person.id], station[person.id], rounds[person.id], tech[person.id]].compactMap { $0 }   // a class of their own
            model.require("PERSON.one-posting", [person.id, "tcm"], clinics + perPhysician * LinearExpression.sum(postings) <= perPhysician)
            // Soft: a clinic beyond a physician's first costs `secondTCMClinic` (one leave, two centres).
            if clinics.terms.count > 1 && weights.secondTCMClinic > 0 {
                let extra = model.continuous("extraTCMClinics", [person.id], cost: weights.secondTCMClinic)
                model.require("TCM.spread", [person.id], clinics - LinearExpression(extra) <= 1)
            }
        }
    }

    // MARK: Totals and spread

    /// T1.total, T2.total, T3.total, T3.total.stationed and REGION.total. With
    /// `totals.by-sender = 1` (Yanggu) T2.total counts only people of county hospitals and
    /// T3.total only village helpers of township centres (a person serves for their own
    /// hospital, T3.locality).
    mutating func requireTierAndRegionTotals() {
        let ids = classes.map(\.id)
        let bySender = p.totalsCountBySender
        func of(_ tier: Tier) -> [String] { classes.filter { $0.institution.tier == tier }.map(\.id) }
        let all1 = LinearExpression.sum(ids.compactMap { t1[$0] })
        let all2 = LinearExpression.sum(ids.compactMap { t2[$0] })
        let stationed = LinearExpression.sum(ids.compactMap { station[$0] })
        let helpers = villageHelpers(ids)
        let counted2 = bySender ? LinearExpression.sum(of(.county).compactMap { t2[$0] }) : all2
        let counted3 = bySender ? villageHelpers(of(.township)) : helpers
        model.require("T1.total", [], all1 >= Double(p.int("T1.total")))
        model.require("T2.total", [], counted2 >= Double(p.int("T2.total")))
        model.require("T3.total", [], counted3 >= Double(p.int("T3.total")))
        model.require("T3.total.stationed", [], stationed >= Double(p.int("T3.total.stationed")))
        model.require("REGION.total", [], all1 + all2 + helpers >= Double(p.int("REGION.total")))
    }

    /// Soft: no department of a hospital gives more than its fair share of the hospital's people.
    mutating func spreadLoadOverDepartments() {
        for h in instance.tertiary + instance.secondary + instance.countyHospitals + instance.townships {
            let staff = instance.staff(of: h.id)
            guard staff.count > 1 else { continue }
            let need: Int
            switch h.tier {
            case .tertiary: need = instance.quota("T1.quota", of: h.technicalStaff)
            case .secondary, .county: need = instance.quota("T2.quota", of: h.technicalStaff)
            default: need = instance.quota("T3.quota", of: h.medicalStaff)
            }
            let departments = Dictionary(grouping: staff, by: { $0.specialty?.lowercased() ?? "-" })
            for d in departments.keys.sorted() {
                let members = departments[d]!
                let share = (members.count * need + staff.count - 1) / staff.count + 1
                guard share < members.count else { continue }
                var sent = LinearExpression()
                let classIds = Set(members.compactMap { classOf[$0.id] })
                for c in classIds.sorted() {
                    for v in [t1[c], t2[c], station[c], rounds[c], tech[c]].compactMap({ $0 }) { sent.add(1, v) }
                    if let b = both[c] { sent.add(-1, b) }
                }
                let over = model.continuous("overShare", [h.id, d], cost: weights.departmentOverShare)
                model.require("SPREAD.department", [h.id, d], sent - LinearExpression(over) <= Double(share))
            }
        }
    }
}
