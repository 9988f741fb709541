import Foundation
import Rota

extension Audit {
    /// The part of the audit that concerns the hospitals a dashboard filter selects: the rows,
    /// absences, norms and failures of those hospitals, each exactly as `rota audit` reported it.
    ///
    /// Discussion: nothing is recomputed, rows are only left out, so every figure of a filtered
    /// view is one of `rota audit`'s. A hospital belongs to a county when its scenario entry
    /// names that county (city hospitals name none, so a county filter leaves them out). Kept:
    /// the quota rows of the selected hospitals; the ATT.absence results of helpers they sent;
    /// the NORM.* results of the selected county (or of the selected hospital's county); the
    /// failures whose instance names a selected hospital (`T3.quota[cao-hanji].served`), a kept
    /// helper (`ATT.absence[hanji-03]`) or a kept county (`NORM.licensed[cao]`). The region
    /// totals against the profile are region-wide and kept as they are. Submissions with no
    /// selected hospital are left out. Without a filter the audit is returned unchanged.
    ///
    /// ```swift
    /// let cao = audit.filtered(DashboardFilter(county: "cao", hospital: nil))
    /// cao.submissions.flatMap(\.quotas).map(\.institution)   // ["cao-people", "cao-hanji", …]
    /// ```
    public func filtered(_ filter: DashboardFilter) -> Audit {
        guard filter.county != nil || filter.hospital != nil else { return self }
        var out = self
        out.submissions = submissions.compactMap { s -> SubmissionResult? in
            let selected = Set(s.scenario.institutions.filter { i in
                (filter.county == nil || i.county == filter.county) && (filter.hospital == nil || i.id == filter.hospital)
            }.map(\.id))
            var r = s
            r.quotas = s.quotas.filter { selected.contains($0.institution) }
            guard !r.quotas.isEmpty else { return nil }
            r.absences = s.absences.filter { selected.contains($0.sender) }
            let counties: Set<String> = filter.county.map { [$0] }
                ?? Set(s.scenario.institutions.filter { selected.contains($0.id) }.compactMap(\.county))
            r.norms = s.norms.filter { counties.contains($0.county) }
            let keys = selected.union(r.absences.map(\.person)).union(r.norms.map(\.county))
            r.failures = s.failures.filter { f in keys.contains { f.instance.contains("[\($0)]") || f.instance.contains("[\($0).") } }
            return r
        }
        return out
    }
}
