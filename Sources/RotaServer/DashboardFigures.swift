import Foundation
import Rota

/// The dashboard's filters: a county id and a hospital (institution) id.
public struct DashboardFilter: Sendable, Codable {
    public var county: String?
    public var hospital: String?
    public init(county: String?, hospital: String?) {
        self.county = county.flatMap { $0.isEmpty ? nil : $0 }; self.hospital = hospital.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The dashboard's figures, all taken from the audit (`rota audit`'s rows, totals, failures
/// and absences), filtered by county and hospital.
///
/// Discussion: the filter is `Audit.filtered(_:)`, the same one `/summary` and `/summary.csv`
/// apply, so a filtered dashboard and its exports show the same rows. Tier totals add the
/// quota rows of each tier; region totals are the audit's total rows (T1.total … REGION.total,
/// the profile's required figures) and are shown unfiltered by hospital.
public struct DashboardFigures: Codable, Sendable {
    public struct QuotaRow: Codable, Sendable, Hashable {
        public var submission: String, institution: String, name: String, tier: String, county: String, rule: String
        public var base: Int?, required: Int, planned: Int, served: Int?, verdict: String
    }
    public struct TierTotal: Codable, Sendable, Hashable {
        public var tier: String, hospitals: Int, required: Int, planned: Int, served: Int?
    }
    public struct FailureRow: Codable, Sendable, Hashable {
        public var submission: String, rule: String, instance: String, subject: String, finding: String, clause: String
    }
    public struct AbsenceRow: Codable, Sendable, Hashable {
        public var submission: String, person: String, name: String, sender: String, dates: [String], count: Int, passed: Bool
    }
    public var filter: DashboardFilter
    public var passed: Bool
    public var submissions: [String]
    public var counties: [String: String]
    public var hospitals: [String: String]
    public var quotas: [QuotaRow]
    public var tiers: [TierTotal]
    public var totals: [QuotaRow]
    public var failures: [FailureRow]
    public var absences: [AbsenceRow]

    public init(audit: Audit?, filter: DashboardFilter) {
        self.filter = filter
        guard let audit else {
            passed = true; submissions = []; counties = [:]; hospitals = [:]; quotas = []; tiers = []; totals = []; failures = []; absences = []
            return
        }
        passed = audit.passed
        submissions = audit.submissions.map(\.submission.name)
        var counties: [String: String] = [:], hospitals: [String: String] = [:], countyOf: [String: [String: String]] = [:]
        for s in audit.submissions {
            for i in s.scenario.institutions {
                guard let c = i.county else { continue }
                countyOf[s.submission.name, default: [:]][i.id] = c
                counties[c] = c
            }
        }
        for r in audit.submissions.flatMap(\.quotas) { hospitals[r.institution] = r.name }
        self.counties = counties; self.hospitals = hospitals
        let shown = audit.filtered(filter)
        quotas = shown.submissions.flatMap(\.quotas).map { r in
            QuotaRow(submission: r.submission, institution: r.institution, name: r.name, tier: r.tier,
                     county: countyOf[r.submission]?[r.institution] ?? "", rule: r.rule, base: r.base, required: r.required,
                     planned: r.planned, served: r.served, verdict: r.verdict)
        }
        var tiers: [String: TierTotal] = [:]
        for r in quotas {
            var t = tiers[r.tier] ?? TierTotal(tier: r.tier, hospitals: 0, required: 0, planned: 0, served: nil)
            t.hospitals += 1; t.required += r.required; t.planned += r.planned
            if let s = r.served { t.served = (t.served ?? 0) + s }
            tiers[r.tier] = t
        }
        // The tiers in the rules' order (T1 tertiary … T3 township), any other after them.
        let order = ["tertiary", "secondary", "county", "township"]
        self.tiers = tiers.values.sorted { (order.firstIndex(of: $0.tier) ?? order.count, $0.tier) < (order.firstIndex(of: $1.tier) ?? order.count, $1.tier) }
        totals = audit.submissions.flatMap(\.totals).map { r in
            QuotaRow(submission: r.submission, institution: "", name: r.name, tier: r.tier, county: "", rule: r.rule, base: r.base,
                     required: r.required, planned: r.planned, served: r.served, verdict: r.verdict)
        }
        failures = shown.failures.map {
            FailureRow(submission: $0.submission, rule: $0.rule, instance: $0.instance, subject: $0.subject, finding: $0.finding, clause: $0.clause)
        }
        absences = shown.submissions.flatMap(\.absences).map(AbsenceRow.init)
    }
}

extension DashboardFigures.AbsenceRow {
    /// The row of an audit's ATT.absence result.
    init(_ a: Audit.Absence) {
        self.init(submission: a.submission, person: a.person, name: a.name, sender: a.sender,
                  dates: a.unjustifiedDates.map(\.iso), count: a.count, passed: a.passed)
    }
}
