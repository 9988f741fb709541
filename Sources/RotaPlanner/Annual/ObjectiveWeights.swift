import RotaCore
import RotaInput
import RotaSolver
/// The weights of the annual plan's objective, which is minimised.
///
/// The objective is lexicographic (README, "How the plan is chosen"; the keys and defaults are
/// `ObjectiveSettings.definitions`, which a scenario's `objective:` block overrides):
/// 1. every hard rule — constraints, never weighed;
/// 2. fewest people dispatched — each person in T1, T2 or T3 costs `personDispatched`, by
///    default more than any one person can earn in coverage, so coverage never buys a person;
/// 3. coverage with those people: T2 spread, stationing, technical support (also given by
///    rounds helpers, who already go to villages), rounds areas, earlier links, county-hospital
///    helpers stationed in their home village;
/// 4. hometowns, balanced team mix, spread over hospitals and departments, scope, travel.
///
/// ```swift
/// var weights = ObjectiveWeights(settings: scenario.objective)
/// weights.villageUnstationed = 3
/// ```
public struct ObjectiveWeights: Sendable {
    /// Charge every person dispatched in T1, T2 or T3 (TCM-only visitors are another programme).
    /// Level 2 of the objective; off only when a scenario sets `person-dispatched: 0`.
    public var fewestPeopleFirst = true
    /// The cost of each person when `fewestPeopleFirst`. nil: automatic — one more than the
    /// largest gain a single placement can earn (a kept link plus the largest coverage gain of
    /// the scenario), so no coverage gain ever buys an extra person. A smaller value lets
    /// coverage buy people: each unit of coverage gain is then worth 1 / personDispatched people.
    public var personDispatched: Double? = nil

    /// Each person sent beyond their hospital's quota (keeps hospitals from being emptied).
    public var personBeyondQuota: Double
    /// A township centre left without a T2 team (T2.coverage).
    public var townshipWithoutTeam: Double
    /// A second team at the same recipient (spread: one team per county hospital / centre).
    public var secondTeamAtRecipient: Double
    /// An eligible village left without a stationed helper: this plus population / 1000.
    public var villageUnstationed: Double
    /// A clinic with no licensed physician left without technical support: this plus population / 4000.
    public var clinicWithoutTechSupport: Double
    /// A family-doctor service area without rounds.
    public var areaWithoutRounds: Double
    /// An earlier year's link not kept.
    public var linkDropped: Double
    /// Per person and kilometre between sender and recipient.
    public var perKilometre: Double
    /// Each person taken from a department beyond its fair share of the hospital's load.
    public var departmentOverShare: Double
    /// A village helper whose specialty is not general, internal or TCM (T3.scope).
    public var helperOutsideScope: Double
    /// A dispatched county-hospital candidate whose eligible home village is in reach but who
    /// is not stationed there (T3.hometown).
    public var notStationedAtHome: Double
    /// The gain of each county-hospital village helper stationed in their own eligible home
    /// village (T3.hometown, level 3: a soft rule of the source text like the coverage rules).
    /// It never buys a person (`personDispatched` auto exceeds it with a village's stationing
    /// gain), but when county hospitals must send village helpers anyway (Mudan: its totals
    /// ask more than the township centres' quotas), candidates who go home come first.
    public var stationedAtHome: Double
    /// Each half-year stationing stint (a whole-year helper keeps one face in the village).
    public var halfYearStint: Double
    /// Each TCM clinic a physician holds beyond the first (TCM.centres-per-physician allows
    /// more): clinics go to different physicians where enough may hold them, so one physician's
    /// leave does not stop two centres' clinics.
    public var secondTCMClinic: Double
    /// A senior TCM physician given a full-time posting (T1 or T2 team, stationing): only they
    /// may hold a TCM clinic or cover one for a colleague on leave, so where another candidate
    /// serves as well they stay free for it.
    public var tcmPhysicianPosted: Double
    /// Each person of a staff group beyond `teamMixTolerance` in one team.
    public var teamMixExcess: Double
    /// Share points (0.25 = 25 points) by which a staff group's share of a team may exceed its
    /// share of the sender's candidates (`TeamMix.limit`).
    public var teamMixTolerance: Double

    /// Each working day of leave of a person given a posting or duty: people free of leave are
    /// chosen first (the 3331 group, the TCM clinic physician, team members).
    public var leaveDay: Double
    /// A part-time duty (rounds, technical support, TCM clinic) given to someone whose leave is
    /// over posting.max-leave-days: colleagues would have to cover for weeks.
    public var dutyDuringLongLeave: Double

    /// The defaults of `ObjectiveSettings`, with what `settings` sets.
    public init(settings: ObjectiveSettings = ObjectiveSettings()) {
        let s = settings
        if let person = s.personDispatched {
            fewestPeopleFirst = person > 0
            personDispatched = person > 0 ? person : nil
        }
        townshipWithoutTeam = s.value("township-without-team")
        secondTeamAtRecipient = s.value("second-team-at-recipient")
        villageUnstationed = s.value("village-unstationed")
        clinicWithoutTechSupport = s.value("clinic-without-tech-support")
        areaWithoutRounds = s.value("area-without-rounds")
        linkDropped = s.value("link-dropped")
        notStationedAtHome = s.value("not-stationed-at-home")
        stationedAtHome = s.value("stationed-at-home")
        halfYearStint = s.value("half-year-stint")
        secondTCMClinic = s.value("second-tcm-clinic")
        tcmPhysicianPosted = s.value("tcm-physician-posted")
        teamMixExcess = s.value("team-mix-excess")
        teamMixTolerance = s.value("team-mix-tolerance") / 100
        personBeyondQuota = s.value("person-beyond-quota")
        departmentOverShare = s.value("department-over-share")
        helperOutsideScope = s.value("helper-outside-scope")
        dutyDuringLongLeave = s.value("duty-during-long-leave")
        leaveDay = s.value("leave-day")
        perKilometre = s.value("per-kilometre")
    }
}
