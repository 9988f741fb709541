import RotaCore

/// Whether a re-plan kept the past: the rota entries before the re-plan date in the earlier
/// rota and in the new one, compared half-day by half-day (plain set arithmetic on the rows
/// as read; nothing of the planner).
///
/// ```swift
/// let past = FrozenPastCheck(earlier: old, later: new, before: Day(iso: "2025-07-01")!)
/// past.unchanged   // true when not one half-day before 2025-07-01 differs
/// ```
public struct FrozenPastCheck: Sendable {
    public let before: Day
    /// Entries before `before` in the earlier rota that the new rota lacks, sorted.
    public let removed: [RotaEntry]
    /// Entries before `before` in the new rota that the earlier lacked, sorted.
    public let added: [RotaEntry]
    /// How many entries before `before` the earlier rota has.
    public let served: Int

    public init(earlier: [RotaEntry], later: [RotaEntry], before: Day) {
        let cut = before.iso   // ISO dates order as text
        let a = Set(earlier.filter { $0.date < cut }), b = Set(later.filter { $0.date < cut })
        self.before = before
        removed = a.subtracting(b).sorted()
        added = b.subtracting(a).sorted()
        served = a.count
    }

    public var unchanged: Bool { removed.isEmpty && added.isEmpty }

    /// The lines `rota verify --earlier` prints.
    public func render(earlierPath: String) -> String {
        var out = "Frozen past (every half-day before \(before.iso)) against \(earlierPath): "
        if unchanged { return out + "all \(served) entries unchanged.\n" }
        out += "\(removed.count) entr\(removed.count == 1 ? "y" : "ies") removed, \(added.count) added — FAILS\n"
        for e in removed.prefix(10) { out += "  removed \(e.person) \(e.date) \(e.half.rawValue) \(e.activity.rawValue) at \(e.site)\n" }
        for e in added.prefix(10) { out += "  added \(e.person) \(e.date) \(e.half.rawValue) \(e.activity.rawValue) at \(e.site)\n" }
        return out
    }
}
