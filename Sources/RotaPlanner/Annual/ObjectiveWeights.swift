import RotaCore
import RotaInput
import RotaSolver
/// The weights of the annual plan's objective, which is minimised.
///
/// Hard rules are constraints; these weights only rank compliant plans. Their order matters
/// more than their values: sending a person beyond what the rules ask costs more than any
/// single coverage gain, so the plan sends what the quotas and totals need and uses those
/// people where they cover most. Documented in the README ("How the plan is chosen").
///
/// `fewestPeopleFirst` (off by default for now) makes the order lexicographic: (1) every hard
/// rule; (2) fewest people dispatched — each person in T1, T2 or T3 costs `personDispatched`,
/// more than any one person can earn in coverage; (3) coverage with the people the rules need.
public struct ObjectiveWeights: Sendable {
    /// Charge every person dispatched in T1, T2 or T3 `personDispatched` (TCM-only visitors
    /// are another programme). Off by default for now: turned on it changes every plan (Heze
    /// city: 1,346 → 1,032 people, but 442 → 275 stationed and 697 → 849 service areas without
    /// rounds), and tests that rely on today's coverage need revisiting first (issue 10).
    public var fewestPeopleFirst = false
    /// The cost of each person when `fewestPeopleFirst`. nil: automatic — one more than the
    /// largest gain a single placement can earn (a kept link plus the largest coverage gain of
    /// the scenario), so no coverage gain ever buys an extra person. A smaller value lets
    /// coverage buy people: each unit of coverage gain is then worth 1 / personDispatched people.
    public var personDispatched: Double? = nil

    /// Each person sent beyond their hospital's quota (keeps hospitals from being emptied).
    public var personBeyondQuota: Double = 12
    /// A township centre left without a T2 team (T2.coverage).
    public var townshipWithoutTeam: Double = 40
    /// A second team at the same recipient (spread: one team per county hospital / centre).
    public var secondTeamAtRecipient: Double = 15
    /// An eligible village left without a stationed helper: this plus population / 1000.
    public var villageUnstationed: Double = 1
    /// A clinic with no licensed physician left without technical support: this plus population / 4000.
    public var clinicWithoutTechSupport: Double = 0.5
    /// A family-doctor service area without rounds.
    public var areaWithoutRounds: Double = 2
    /// An earlier year's link not kept.
    public var linkDropped: Double = 25
    /// Per person and kilometre between sender and recipient.
    public var perKilometre: Double = 0.01
    /// Each person taken from a department beyond its fair share of the hospital's load.
    public var departmentOverShare: Double = 2
    /// A village helper whose specialty is not general, internal or TCM (T3.scope).
    public var helperOutsideScope: Double = 1
    /// A stationed county-hospital helper not stationed in their own home village though it is eligible (T3.hometown).
    public var notStationedAtHome: Double = 1

    /// A part-time duty (rounds, technical support, TCM clinic) given to someone whose leave is
    /// over posting.max-leave-days: colleagues would have to cover for weeks.
    public var dutyDuringLongLeave: Double = 30

    public init() {}
}
