import RotaCore

/// The rota a re-plan replaces, as the weekly models see it: where each person was (or was to
/// be) each half-day, and the re-plan date.
///
/// A re-plan that schedules the rota again (`rescheduled`) changes as few half-days as it can:
/// every placement a weekly model offers (a part-time session, a cover, a 3331 visit day) is
/// priced by whether the earlier rota had the same person at the same site, doing the same,
/// in that half-day (`cost(_:_:_:_:)`):
///
/// - **from the re-plan date on**: a placement the earlier rota had costs −`changedHalfDay`
///   (keeping it saves a removed half-day), one it did not have +`changedHalfDay` (an added
///   one). The weight lies above every preference of the normal objective (a cover 5, a
///   stand-in 20 per visit, balance and spread below) and below what compliance costs (a
///   missed session 1000, a missed clinic 500, an early visit before a short week 150), so
///   each week model keeps the rota compliant first, then changes the fewest half-days, then
///   follows the normal objective;
/// - **before the re-plan date** (served, frozen): only the placements the earlier rota had
///   are offered, at −`servedHalfDay` each, above a missed session, so the models carry the
///   served past's visits and load into the weeks they plan (the written past is the served
///   rota itself, entry for entry).
///
/// Weeks are still solved in order and teams' months in order, so the fewest changes are
/// reached week by week (the weekly planner's decomposition), not over the year at once.
///
/// ```swift
/// var options = RotaOptions()
/// options.earlier = EarlierRota(entries: earlierRota.entries, from: Day(iso: "2025-07-01")!)
/// let rota = try RotaPlanner(scenario: amended, plan: plan, options: options).schedule()
/// ```
public struct EarlierRota: Sendable {
    /// The re-plan date: the first half-day that may change.
    public let from: Day
    /// Person → slot → (site, activity) of the earlier rota.
    private let where_: [String: [Slot: Place]]

    struct Place: Hashable, Sendable {
        let site: String
        let activity: RotaActivity
    }

    /// A changed half-day from the re-plan date on (added or removed), in objective units.
    public static let changedHalfDay = 20.0
    /// A served half-day before the re-plan date that a model reproduces.
    public static let servedHalfDay = 2000.0

    public init(entries: [RotaEntry], from: Day) {
        self.from = from
        var w: [String: [Slot: Place]] = [:]
        for e in entries {
            guard let d = Day(iso: e.date) else { continue }
            w[e.person, default: [:]][Slot(d, e.half)] = Place(site: e.site, activity: e.activity)
        }
        where_ = w
    }

    /// Whether the earlier rota had `person` at `site` doing `activity` in `slot`.
    func had(_ person: String, _ slot: Slot, _ site: String, _ activity: RotaActivity) -> Bool {
        where_[person]?[slot] == Place(site: site, activity: activity)
    }

    /// What placing `person` at `site` for `activity` in `slot` adds to a weekly model's
    /// objective; nil when the slot is served (before the re-plan date) and the earlier rota
    /// had something else there, so the placement is not offered.
    func cost(_ person: String, _ slot: Slot, _ site: String, _ activity: RotaActivity) -> Double? {
        let kept = had(person, slot, site, activity)
        if slot.day < from { return kept ? -Self.servedHalfDay : nil }
        return kept ? -Self.changedHalfDay : Self.changedHalfDay
    }
}

extension EarlierRota {
    /// The earlier-rota term of a 3331 visit on `day` in `mode` at `site`: the group members
    /// `present` both halves of the day (a served day the earlier rota did not have costs
    /// `servedHalfDay` per half-day, so it is never chosen over a miss).
    func visitCost(_ present: [String], _ day: Day, _ site: String, _ mode: RotaActivity) -> Double {
        present.flatMap { p in Slot.both(day).map { cost(p, $0, site, mode) ?? Self.servedHalfDay } }.reduce(0, +)
    }

    /// The earlier-rota term of a colleague standing in at a 3331 visit on `day`: kept when
    /// the earlier rota had them at `site` on a 3331 visit that day, in any mode.
    func standInCost(_ person: String, _ day: Day, _ site: String, modes: [RotaActivity]) -> Double {
        Slot.both(day).map { s in
            let kept = modes.contains { had(person, s, site, $0) }
            if s.day < from { return kept ? -Self.servedHalfDay : Self.servedHalfDay }
            return kept ? -Self.changedHalfDay : Self.changedHalfDay
        }.reduce(0, +)
    }
}
