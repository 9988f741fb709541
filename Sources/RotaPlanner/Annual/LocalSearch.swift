import Foundation
import RotaCore
import RotaInput
import RotaSolver

/// Improves a compliant start county by county: fix-and-optimise over the annual model.
///
/// The rules are county-local but for the region totals and the city hospitals, which serve
/// everywhere. So the search frees one *neighbourhood* at a time — every variable of one
/// county, or every variable of the city hospitals' teams and TCM clinics — keeps the rest
/// fixed at the current plan, and solves that much smaller model with GLPK (presolve on: small
/// models are where GLPK is strong). A better answer replaces the current plan when the whole
/// model still holds. Neighbourhoods of different counties are solved two at a time.
struct LocalSearch {
    let annual: AnnualModel
    var threads = 2

    /// Column indices per neighbourhood, in a stable order: the city first, then counties by id.
    func neighbourhoods() -> [(name: String, columns: [Int])] {
        let instance = annual.instance
        func county(of id: Substring) -> String? {
            let key = String(id)
            if let i = instance.institutions[key] { return i.county }
            if let p = instance.staffById[key] { return instance.institutions[p.institution]?.county }
            return nil
        }
        func isCityHospitalPerson(_ id: Substring) -> Bool {
            guard let p = instance.staffById[String(id)] else { return instance.institutions[String(id)]?.tier.isCityHospital ?? false }
            return instance.institutions[p.institution]?.tier.isCityHospital ?? false
        }
        var byCounty: [String: [Int]] = [:]
        var city: [Int] = []
        let crossing: Set<String> = ["team1", "n1", "workstation", "extraTeams1"]
        for (j, column) in annual.model.columns.enumerated() {
            let name = column.name
            let base = String(name.prefix { $0 != "[" })
            var ids: [Substring] = []
            if let open = name.firstIndex(of: "["), name.hasSuffix("]") {
                ids = name[name.index(after: open)..<name.index(before: name.endIndex)].split(separator: ",")
            }
            let home = ids.lazy.compactMap(county).first
            if let home { byCounty[home, default: []].append(j) }
            if home == nil || crossing.contains(base) || ((base == "team2" || base == "n2" || base == "tcm") && ids.first.map(isCityHospitalPerson) == true) {
                city.append(j)
            }
        }
        return [("city", city)] + byCounty.keys.sorted().map { ($0, byCounty[$0]!) }
    }

    /// Improves `start` (which must hold) until `deadline`; returns the best point found.
    func improve(_ start: [Double], until deadline: ContinuousClock.Instant) -> [Double] {
        let model = annual.model
        var current = start
        var best = model.objective(at: current)
        let clock = ContinuousClock()
        let hoods = neighbourhoods()
        for _ in 0..<2 {
            let before = best
            // The city neighbourhood touches every county: alone. Counties: in pairs.
            var batches: [[Int]] = [[0]]
            let counties = Array(1..<hoods.count)
            stride(from: 0, to: counties.count, by: threads).forEach { batches.append(Array(counties[$0..<min($0 + threads, counties.count)])) }
            for batch in batches {
                let remaining = Double((deadline - clock.now).components.seconds)
                guard remaining > 1 else { return current }
                let snapshot = current
                let results = ParallelJobs.run(count: batch.count, threads: batch.count) { k -> [Double]? in
                    let hood = hoods[batch[k]]
                    let sub = model.restricted(to: hood.columns, fixing: snapshot)
                    let limit = max(1, min(remaining, 8))
                    let s = try? Solver().solve(sub, options: SolveOptions(timeLimit: limit, gap: 0.001, presolve: true, cuts: true))
                    guard let s, s.status == .optimal || s.status == .feasible else { return nil }
                    return s.values
                }
                for (k, values) in results.enumerated() {
                    guard let values else { continue }
                    var candidate = current
                    for (i, j) in hoods[batch[k]].columns.enumerated() { candidate[j] = values[i] }
                    let value = model.objective(at: candidate)
                    if value < best - 1e-6 && model.holds(at: candidate) {
                        current = candidate
                        best = value
                    }
                }
            }
            if before - best < 1e-3 * max(1, abs(best)) { break }
        }
        return current
    }
}
