import RotaCore
import RotaInput
import RotaSolver
/// What one part of the rota planner produced: entries, and the relaxations, covers and
/// shortfalls that explain them, with the sub-models' statistics.
///
/// Pieces are made independently (on several threads) and then concatenated in a fixed order
/// and sorted by `WeeklyRota`, so the result does not depend on which piece finished first.
///
/// ```swift
/// var all = RotaPiece()
/// for piece in pieces { all.append(piece) }
/// ```
struct RotaPiece: Sendable {
    var entries: [RotaEntry] = []
    var relaxations: [RotaRelaxation] = []
    var covers: [RotaCover] = []
    var shortfalls: [RotaShortfall] = []
    var statistics = RotaStatistics()

    mutating func append(_ o: RotaPiece) {
        entries += o.entries; relaxations += o.relaxations; covers += o.covers; shortfalls += o.shortfalls
        statistics.merge(o.statistics)
    }

    /// Adds an entry for each of `slots`.
    mutating func put(_ person: String, _ slots: [Slot], _ site: String, _ activity: RotaActivity) {
        for s in slots { entries.append(RotaEntry(person: person, date: s.day.iso, half: s.half, site: site, activity: activity)) }
    }

    /// Adds a cover once per (rule, absent, colleague, site, week).
    mutating func cover(_ rule: String, absent: String, by colleague: String, site: String, week: Day) {
        let c = RotaCover(rule: rule, absent: absent, coveredBy: colleague, site: site, week: week.iso)
        if !covers.contains(c) { covers.append(c) }
    }
}
