import RotaCore
import RotaInput
import RotaSolver
/// How `RotaPlanner` solves its sub-models.
///
/// The rota is cut into many small integer programmes (one per T1 team and month, one per
/// group of linked part-time helpers and week). Each gets the same time limit and gap; the
/// independent ones run on `threads` threads at once.
///
/// The defaults are meant for a whole region-year: sub-models are tiny, so a generous time
/// limit is never reached in practice and every sub-model is solved to optimality, which
/// keeps the output the same run to run (a time limit that bites would make it depend on the
/// machine's speed).
///
/// ```swift
/// let rota = try RotaPlanner(scenario: s, plan: p, options: RotaOptions(threads: 1)).schedule()
/// ```
public struct RotaOptions: Sendable {
    /// Wall-clock seconds one sub-model may take.
    public var timeLimit: Double
    /// Relative MIP gap at which a sub-model is good enough (0 = proven optimal).
    public var gap: Double
    /// Threads solving independent sub-models at once (at least 1).
    public var threads: Int
    /// Colleagues considered, per person on leave, to cover a weekly duty (T3, TCM). More
    /// candidates find more covers but link more helpers into one sub-model.
    public var coverCandidates: Int
    /// Part-time half-days (rounds, technical support, TCM clinics, covers) a person holds in a
    /// week before each further one costs as much as a missed visit's tenth (soft: a week that
    /// needs more, e.g. for covers during a colleague's leave, still gets them); one more for
    /// each further part-time duty the person holds (`weeklyCap(duties:)`).
    public var partTimeHalfDaysPerWeek: Int = 4
    /// Whether each week model is built named (`Model.named`) from the start, rather than only
    /// when its solve fails: the rota is the same either way (a test holds it to that).
    var namedWeekModels = false
    /// The rota a re-plan replaces (nil when planning afresh): the weekly models keep its
    /// half-days where they can, and reproduce it before the re-plan date (`EarlierRota`).
    public var earlier: EarlierRota? = nil

    /// The weekly cap of someone holding `duties` part-time duties (rounds, technical
    /// support, TCM clinics): `partTimeHalfDaysPerWeek` plus one per duty beyond the first.
    public func weeklyCap(duties: Int) -> Int { partTimeHalfDaysPerWeek + max(0, duties - 1) }

    public init(timeLimit: Double = 10, gap: Double = 0, threads: Int = 2, coverCandidates: Int = 3) {
        self.timeLimit = timeLimit; self.gap = gap; self.threads = threads; self.coverCandidates = coverCandidates
    }
}
