import Foundation
import RotaCore
import RotaInput
import RotaSolver

/// The annual model split into blocks — the city's own hospitals and one block per county —
/// solved block by block in parallel, with a proven bound for the whole region.
///
/// Discussion: the rules are county-local but for a few rows that tie blocks together: the
/// region totals (`T2.total`, `T3.total`, `REGION.total`, …), township centres that a city
/// hospital's T2 team and a county hospital's may both cover (`T2.coverage`, `T2.spread`), and
/// TCM centres a city physician or a county physician may serve (`TCM.weekly`). Every column
/// belongs to exactly one block: the city block holds the tertiary hospitals' people and
/// placements (T1 teams, their 3331 workstations in any county, their physicians' TCM
/// clinics), which `T1.spread`, `T1.3331` and `T1.total` tie together; each secondary hospital
/// is a block of its own (its T2 teams, anywhere in the city, and TCM clinics); a county block
/// holds everything of its county hospitals, township centres and villages.
///
/// - *Bound*: each block is solved as an integer programme of its own with the linking rows
///   relaxed (`LagrangianBlock`: projected onto the block, and priced where the structure
///   gives the price — a soft indicator such as "township covered" is worth its gain to any
///   placement that earns it, a TCM centre must be served at least at its cheapest visitor's
///   cost). The sum of the blocks' proven bounds is a lower bound of the whole model, so the
///   gap printed is proven.
/// - *Start*: the relaxed blocks' answers side by side break only shared rows (TCM centres
///   that each block left to the others); `repaired(_:)` sends the cheapest free visitor to
///   each (`PointRepair`) and completes the indicators. The planner takes it; the greedy start
///   only when there is no repaired point (`start(from:fallback:)`).
/// - *Plan*: from a compliant start, each county block is re-solved with everything else
///   fixed (two at a time), then the city's hospitals, round after round while the objective
///   falls. A block may release dearer visitors of other blocks at its TCM centres
///   (`releasable`), and a block is not solved when its relaxed bound proves it cannot gain
///   (`headroom`). Every point kept satisfies the whole model.
///
/// ```swift
/// let d = AnnualDecomposition(annual: annual)
/// let relaxation = d.relax(until: deadline)
/// let bound = relaxation.bound                                          // Σ of the blocks' bounds
/// let start = try d.start(from: relaxation, fallback: { greedyStart() }) // side by side, mended
/// let plan = d.improve(start!, until: deadline, blockBounds: relaxation.blockBounds)
/// ```
struct AnnualDecomposition {
    let annual: AnnualModel
    var threads = 2
    /// Block names: "city" (the tertiary hospitals), the secondary hospitals, then the counties, by id.
    let names: [String]
    /// How many of the first blocks are the city hospitals'.
    let cityBlocks: Int
    /// Column indices per block, ascending.
    let columnsOf: [[Int]]
    /// Indices of the rows whose columns lie in more than one block.
    let linking: [Int]
    /// Lagrangian prices of linking rows (row index → π), see `LagrangianBlock`.
    let prices: [Int: Double]
    /// Per column: its block.
    let blockOf: [Int]
    /// Per block: the priced linking rows it has columns in, ascending.
    let pricedRowsOf: [[Int]]
    /// Per block: the linking rows it has columns in, ascending.
    let linkingRowsOf: [[Int]]
    /// Per column: whether lowering it loosens every row it is in but the `≥` linking rows
    /// it helps (`≤` rows where it counts positively, `≥` rows where negatively).
    let looseningOnly: [Bool]

    init(annual: AnnualModel) {
        self.annual = annual
        let model = annual.model
        let instance = annual.instance
        var countyOfArea: [String: String] = [:]
        for area in instance.serviceAreas { if let c = area.villages.first?.county { countyOfArea[area.id] = c } }
        let counties = Set(instance.scenario.institutions.compactMap { $0.tier == .village || $0.tier.isCityHospital ? nil : $0.county }).sorted()
        // Blocks: the tertiary hospitals together (T1 teams share county hospitals and 3331
        // clinics), each secondary hospital alone, then the counties.
        let secondary = instance.secondary.map(\.id).sorted()
        let blockNames = ["city"] + secondary + counties
        var index: [String: Int] = [:]
        for (k, name) in blockNames.enumerated() where k > 0 { index[name] = k }
        /// The block an id speaks for: a city hospital (or its person or class) → its own, otherwise its county's.
        func block(of id: Substring) -> Int? {
            let key = id.firstIndex(of: "~").map { String(id[..<$0]) } ?? String(id)
            let institution = instance.institutions[key] ?? instance.staffById[key].flatMap { instance.institutions[$0.institution] }
            if let institution {
                switch institution.tier {
                case .tertiary: return 0
                case .secondary: return index[institution.id] ?? 0
                default: return institution.county.flatMap { index[$0] } ?? 0
                }
            }
            return countyOfArea[key].flatMap { index[$0] }
        }
        var blockOf = [Int](repeating: 0, count: model.columns.count)
        for (j, column) in model.columns.enumerated() {
            let name = column.name
            guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { continue }
            let base = name[..<open]
            var ids = name[name.index(after: open)..<name.index(before: name.endIndex)].split(separator: ",")
            if base == "extraTeams1" { continue }          // T1.spread sums the city's T1 teams
            if base == "beyondQuota" { ids.removeFirst() } // beyondQuota[T2,hospital]
            blockOf[j] = ids.lazy.compactMap(block).first ?? 0
        }
        var columnsOf = [[Int]](repeating: [], count: blockNames.count)
        for (j, k) in blockOf.enumerated() { columnsOf[k].append(j) }
        var linking: [Int] = []
        var rowsOfColumn = [Int](repeating: 0, count: model.columns.count)
        for (i, row) in model.rows.enumerated() {
            for j in row.columns { rowsOfColumn[j] += 1 }
            if let first = row.columns.first, row.columns.contains(where: { blockOf[$0] != blockOf[first] }) { linking.append(i) }
        }
        var prices: [Int: Double] = [:]
        for i in linking {
            let row = model.rows[i]
            let terms = zip(row.columns, row.coefficients).map { (column: model.columns[$0], coefficient: $1, rows: rowsOfColumn[$0]) }
            switch row.sense {
            case .lessOrEqual:
                // indicator − Σ placements ≤ 0, the indicator a rewarded 0/1 column of this row
                // alone: each placement may earn the indicator's gain.
                if let indicator = terms.first(where: { $0.coefficient == 1 && $0.column.kind == .binary && $0.column.cost < 0 && $0.rows == 1 }),
                   row.rhs == 0 {
                    prices[i] = -indicator.column.cost
                }
            case .greaterOrEqual:
                // Σ visitors ≥ 1 over 0/1 columns of non-negative cost: serving costs at least the cheapest.
                if row.rhs > 0, terms.allSatisfy({ $0.coefficient == 1 && $0.column.kind == .binary && $0.column.cost >= 0 }),
                   let cheapest = terms.map(\.column.cost).min(), cheapest > 0 {
                    prices[i] = -cheapest
                }
            case .equal:
                break
            }
        }
        var linkingRowsOf = [[Int]](repeating: [], count: blockNames.count)
        for i in linking { for k in Set(model.rows[i].columns.map { blockOf[$0] }).sorted() { linkingRowsOf[k].append(i) } }
        self.linkingRowsOf = linkingRowsOf
        let isLinking = Set(linking)
        var looseningOnly = [Bool](repeating: true, count: model.columns.count)
        for (i, row) in model.rows.enumerated() {
            for (j, a) in zip(row.columns, row.coefficients) {
                switch row.sense {
                case .lessOrEqual: if a < 0 { looseningOnly[j] = false }
                case .greaterOrEqual: if a > 0 && !isLinking.contains(i) { looseningOnly[j] = false } else if a < 0 { looseningOnly[j] = false }
                case .equal: looseningOnly[j] = false
                }
            }
        }
        self.looseningOnly = looseningOnly
        var pricedRowsOf = [[Int]](repeating: [], count: blockNames.count)
        for i in prices.keys.sorted() { for k in Set(model.rows[i].columns.map { blockOf[$0] }).sorted() { pricedRowsOf[k].append(i) } }
        self.blockOf = blockOf
        self.pricedRowsOf = pricedRowsOf
        self.names = blockNames
        self.cityBlocks = 1 + secondary.count
        self.columnsOf = columnsOf
        self.linking = linking
        self.prices = prices
    }

    /// The lower bound of the whole model: the sum of the relaxed blocks' proven bounds plus
    /// `LagrangianBlock.constant`. Nil when a block proves no bound before `deadline`.
    func bound(until deadline: ContinuousClock.Instant, gap: Double = 1e-4) -> Double? {
        relax(until: deadline, gap: gap).bound
    }

    /// What the relaxed blocks give: the proven bound of the whole model and, when every
    /// block found one, the blocks' answers side by side (a point of the whole model that
    /// may break linking rows: see `PointRepair`).
    struct Relaxation: Sendable {
        var bound: Double?
        var combined: [Double]?
        /// Per block: its proven bound (nil when it proved none).
        var blockBounds: [Double?]
    }

    /// Columns of other blocks that block `k` may release when it is solved at `point`: those
    /// that help one of its `≥` linking rows (a TCM centre's visitor), cost something, are
    /// above their lower bound, and whose every other row only loosens when they fall
    /// (`looseningOnly`). In the block's restricted problem they may fall (never rise), so a
    /// county may serve a TCM centre itself and drop the dearer city physician who served it —
    /// a move neither block finds alone.
    func releasable(_ k: Int, at point: [Double]) -> [Int] {
        let model = annual.model
        var out = Set<Int>()
        for i in linkingRowsOf[k] where model.rows[i].sense == .greaterOrEqual {
            let row = model.rows[i]
            for (j, a) in zip(row.columns, row.coefficients) where blockOf[j] != k && a > 0 && looseningOnly[j] {
                let c = model.columns[j]
                if c.cost > 0 && point[j] > c.lower + 1e-9 { out.insert(j) }
            }
        }
        return out.sorted()
    }

    /// How much block `k` could still gain at `point` with every other block fixed (but for
    /// the columns it may release, `releasable`), at most: its cost there minus a lower
    /// bound of its restricted problem from its relaxed bound.
    ///
    /// Discussion: for any answer (y, z) of block k (z: the released columns, between their
    /// lower bound and their value at `point`) that keeps every row, each priced row's term
    /// π·(activity − rhs) is ≤ 0, so cost(y) + cost(z) ≥ cost(y) + cost(z) + Σ π·(activity − rhs)
    /// ≥ `blockBound` + Σ over z of the least of (c + Σ π·a)·z on its range + Σ over its priced
    /// rows of π·(the fixed blocks' share − rhs): the relaxed block's rows only widen y's choice,
    /// and z's rows in other blocks are dropped. When the block's cost at `point` is that low,
    /// no solve of it can gain anything.
    func headroom(_ k: Int, at point: [Double], blockBound: Double) -> Double {
        let model = annual.model
        let released = releasable(k, at: point)
        let isReleased = Set(released)
        var cost = 0.0
        for j in columnsOf[k] { cost += model.columns[j].cost * point[j] }
        var reduced: [Int: Double] = [:]
        for j in released { cost += model.columns[j].cost * point[j]; reduced[j] = model.columns[j].cost }
        var lower = blockBound
        for i in pricedRowsOf[k] {
            let row = model.rows[i]
            var outside = 0.0
            for (j, a) in zip(row.columns, row.coefficients) where blockOf[j] != k {
                if isReleased.contains(j) { reduced[j]! += prices[i]! * a } else { outside += a * point[j] }
            }
            lower += prices[i]! * (outside - row.rhs)
        }
        for j in released {
            let c = model.columns[j], r = reduced[j]!
            lower += min(r * c.lower, r * point[j])
        }
        return cost - lower
    }

    /// The relaxed blocks' answers side by side, mended (`PointRepair`: each TCM centre every
    /// block left to the others gets its cheapest free visitor, a second clinic counted at its
    /// cost; surplus visitors are dropped) and completed (`AnnualPlanner.complete`). Nil when
    /// a block gave no answer or the mended point breaks a rule.
    func repaired(_ relaxation: Relaxation) throws(SolverError) -> [Double]? {
        guard let combined = relaxation.combined,
              let decisions = PointRepair(model: annual.model, decisions: annual.decisionColumns).repaired(combined) else { return nil }
        return try AnnualPlanner.complete(annual, decisions: decisions)
    }

    /// The start of `improve`: the relaxed blocks' answers repaired (`repaired(_:)`) or, only
    /// when there are none or the repair fails, `fallback()` (the planner's greedy start).
    ///
    /// Discussion: the greedy start used to be made beside the blocks and the better of the two
    /// taken; the repaired point is the one near the bound (Heze 7794.25 against 9134.85, bound
    /// 7792), and `improve` starts from it, while making the greedy start took a core from the
    /// blocks. It stays the fallback whenever the blocks give no answer (the time limit came
    /// first) or the repair fails. Nil when neither gives a point.
    func start(from relaxation: Relaxation, fallback: () throws(SolverError) -> [Double]?) throws(SolverError) -> [Double]? {
        if let point = try repaired(relaxation) { return point }
        return try fallback()
    }

    /// The relaxed blocks solved on `threads` threads, largest first, each with the time left
    /// before `deadline`.
    func relax(until deadline: ContinuousClock.Instant, gap: Double = 1e-4) -> Relaxation {
        let model = annual.model
        let prices = self.prices
        let columnsOf = self.columnsOf
        let order = columnsOf.indices.sorted { columnsOf[$0].count > columnsOf[$1].count }   // largest first
        let results = ParallelJobs.run(count: order.count, threads: threads) { n -> BlockBound in
            let k = order[n]
            let left = AnnualDecomposition.seconds(until: deadline)
            guard left > 0 else { return BlockBound(block: k, bound: nil, values: nil) }
            let block = LagrangianBlock(model, columns: columnsOf[k], prices: prices, named: false).model
            guard let s = try? Solver().solve(block, options: SolveOptions(timeLimit: left, gap: gap, presolve: true, cuts: true)) else { return BlockBound(block: k, bound: nil, values: nil) }
            let values = s.values.isEmpty ? nil : s.values
            switch s.status {
            case .optimal: return BlockBound(block: k, bound: s.bound ?? s.objective, values: values)
            case .feasible, .noSolutionYet: return BlockBound(block: k, bound: s.bound, values: values)
            case .infeasible, .unbounded: return BlockBound(block: k, bound: nil, values: nil)
            }
        }
        var total: Double? = LagrangianBlock.constant(of: model, prices: prices)
        var combined: [Double]? = [Double](repeating: 0, count: model.columns.count)
        var blockBounds = [Double?](repeating: nil, count: columnsOf.count)
        for r in results {
            let k = r.block
            total = r.bound.flatMap { b in total.map { $0 + b } }
            blockBounds[k] = r.bound
            if let values = r.values, combined != nil { for (i, j) in columnsOf[k].enumerated() { combined![j] = values[i] } } else { combined = nil }
        }
        return Relaxation(bound: total, combined: combined, blockBounds: blockBounds)
    }

    /// Improves a compliant `start` block by block until no block improves (every block's
    /// answer to the others is its best) or `deadline`.
    ///
    /// It does not stop at the gap asked for: a round costs little, and what it buys is
    /// coverage, balanced teams and shorter travel (the plan's levels 3 and 4). A block is not
    /// solved again while the other blocks have only tightened its linking rows since it last
    /// answered them best (`Answered`): its answer is still in the smaller choice and still best;
    /// nor while its relaxed bound (`blockBounds`, from `relax`) proves it cannot gain more than
    /// the solve's own stopping gap `gap` of the objective (at least a millionth; `headroom`).
    /// A block's solve may lower the dearer visitors
    /// other blocks send to its TCM centres (`releasable`).
    func improve(_ start: [Double], until deadline: ContinuousClock.Instant, gap: Double = 1e-4, blockBounds: [Double?]? = nil) -> [Double] {
        improvement(start, until: deadline, gap: gap, blockBounds: blockBounds).point
    }

    /// `improve`'s plan and how many block solves it took.
    func improvement(_ start: [Double], until deadline: ContinuousClock.Instant, gap: Double = 1e-4, blockBounds: [Double?]? = nil) -> (point: [Double], solves: Int) {
        let model = annual.model
        var solves = 0
        var current = start
        var best = model.objective(at: current)
        let counties = Array(cityBlocks..<columnsOf.count), city = Array(0..<cityBlocks)
        var answered = Answered(model: model, linking: linking, columnsOf: columnsOf)
        for round in 0..<8 {
            let before = best
            // Counties first (independent once the city is fixed, but for region totals), then
            // the city's hospitals (independent once the counties are fixed).
            for phase in [counties, city] {
                // A block whose headroom is within the restricted solve's own stopping gap is not
                // solved: the solve need not find such a gain (Heze: 8 solves → 1, 0.3 s, +0.04).
                let skipTolerance = max(gap, 1e-6) * max(1, abs(best))
                let group = phase.filter { k in
                    if answered.isCurrent(k, at: current) { return false }
                    if let b = blockBounds?[k], headroom(k, at: current, blockBound: b) <= skipTolerance { return false }
                    return true
                }
                guard !group.isEmpty else { continue }
                solves += group.count
                let snapshot = current, snapshotValue = best
                let columnsOf = self.columnsOf
                let freed = group.map { k in
                    let released = releasable(k, at: snapshot)
                    return (columns: (columnsOf[k] + released).sorted(), capped: released)
                }
                // Started largest first so that the threads finish together; taken in block order.
                let order = group.indices.sorted { freed[$0].columns.count > freed[$1].columns.count }
                let solved = ParallelJobs.run(count: group.count, threads: threads) { n -> [Double]? in
                    AnnualDecomposition.solveRestricted(model, columns: freed[order[n]].columns, capping: freed[order[n]].capped, at: snapshot, until: deadline, gap: gap)
                }
                var results = [[Double]?](repeating: nil, count: group.count)
                for (n, values) in zip(order, solved) { results[n] = values }
                func applying(_ answers: [(block: Int, columns: [Int], values: [Double])], to point: [Double]) -> [Double] {
                    var point = point
                    for (_, columns, values) in answers { for (i, j) in columns.enumerated() { point[j] = values[i] } }
                    return point
                }
                let answers = zip(group.indices, results).compactMap { n, values in values.map { (block: group[n], columns: freed[n].columns, values: $0) } }
                var applied = Set<Int>()
                let merged = applying(answers, to: current)
                let mergedValue = model.objective(at: merged)
                if mergedValue < best - 1e-9 && model.holds(at: merged) {
                    current = merged; best = mergedValue
                    applied = Set(answers.map(\.block))
                } else {
                    // A linking row no longer holds with every block's answer at once: one at a time.
                    for answer in answers {
                        let candidate = applying([answer], to: current)
                        let value = model.objective(at: candidate)
                        if value < best - 1e-9 && model.holds(at: candidate) { current = candidate; best = value; applied.insert(answer.block) }
                    }
                }
                // A block answered the snapshot best when its answer was taken, or when its answer
                // was no better than what it had.
                for answer in answers where applied.contains(answer.block)
                    || model.objective(at: applying([answer], to: snapshot)) >= snapshotValue - 1e-9 {
                    answered.record(answer.block, at: snapshot)
                }
            }
            if AnnualDecomposition.seconds(until: deadline) <= 0 || before - best <= 1e-6 * max(1, abs(best)) { break }
        }
        return (current, solves)
    }

    /// One job of `relax(until:gap:)`: a block's proven bound and answer (nil: none).
    struct BlockBound: Sendable { var block: Int; var bound: Double?; var values: [Double]? }

    /// What each block last answered best: the other blocks' share of each of its linking rows.
    ///
    /// Discussion: with every other column fixed, a block's problem changes only through its
    /// linking rows' right-hand sides. When none of them loosened (a `≤` row's outside share did
    /// not fall, a `≥` row's did not rise, an `=` row's did not move), the block's choices are a
    /// subset of those it chose from, its answer is still among them (the current point is
    /// compliant), so it is still its best and solving it again is wasted.
    struct Answered {
        let model: Model
        /// Per block: its linking rows.
        let rowsOf: [[Int]]
        let blockOf: [Int]
        /// Per block: the outside share of each of its linking rows when it last answered best.
        var outside: [[Double]?]

        init(model: Model, linking: [Int], columnsOf: [[Int]]) {
            self.model = model
            var blockOf = [Int](repeating: 0, count: model.columns.count)
            for (k, columns) in columnsOf.enumerated() { for j in columns { blockOf[j] = k } }
            var rowsOf = [[Int]](repeating: [], count: columnsOf.count)
            for i in linking { for k in Set(model.rows[i].columns.map { blockOf[$0] }).sorted() { rowsOf[k].append(i) } }
            self.rowsOf = rowsOf; self.blockOf = blockOf
            outside = Array(repeating: nil, count: columnsOf.count)
        }

        func share(_ k: Int, at point: [Double]) -> [Double] {
            rowsOf[k].map { i in
                let row = model.rows[i]
                var sum = 0.0
                for (j, a) in zip(row.columns, row.coefficients) where blockOf[j] != k { sum += a * point[j] }
                return sum
            }
        }

        mutating func record(_ k: Int, at point: [Double]) { outside[k] = share(k, at: point) }

        /// Whether block `k`'s last best answer is still its best at `point`.
        func isCurrent(_ k: Int, at point: [Double]) -> Bool {
            guard let before = outside[k] else { return false }
            for (n, now) in share(k, at: point).enumerated() {
                let was = before[n], tolerance = 1e-9
                switch model.rows[rowsOf[k][n]].sense {
                case .lessOrEqual: if now < was - tolerance { return false }
                case .greaterOrEqual: if now > was + tolerance { return false }
                case .equal: if abs(now - was) > tolerance { return false }
                }
            }
            return true
        }
    }

    /// The `columns` re-solved with every other column fixed at `point`, those of `capping`
    /// no higher than they are there; nil when the solve finds nothing before `deadline`.
    static func solveRestricted(_ model: Model, columns: [Int], capping: [Int] = [], at point: [Double], until deadline: ContinuousClock.Instant, gap: Double) -> [Double]? {
        let left = seconds(until: deadline)
        guard left > 0, !columns.isEmpty else { return nil }
        var sub = model.restricted(to: columns, fixing: point, named: false)
        if !capping.isEmpty {
            let capped = Set(capping)
            for (i, j) in columns.enumerated() where capped.contains(j) { sub.limit(Variable(index: i), upper: point[j]) }
        }
        guard let s = try? Solver().solve(sub, options: SolveOptions(timeLimit: left, gap: gap, presolve: true, cuts: true)), s.status == .optimal || s.status == .feasible else { return nil }
        return s.values
    }

    static func seconds(until deadline: ContinuousClock.Instant) -> Double {
        let d = (deadline - ContinuousClock.now).components
        return Double(d.seconds) + Double(d.attoseconds) * 1e-18
    }
}
