import RotaCore
extension PlanVerifier {
    /// A percentage quota on a head count, decided in integers only.
    ///
    /// The verifier's own arithmetic for T1.quota, T2.quota and T3.quota. It reads only the
    /// digits of an `ExactPercent` (`units`, `scale`) and deliberately does not call
    /// `ExactPercent.minimumCount` or `isMet`: if either were wrong, the planner and the
    /// verifier would disagree and the plan would be refused, instead of both being wrong
    /// together.
    ///
    /// A count `c` meets `p%` of `n` when `c · 100 · 10^scale ≥ units · n`; the smallest such
    /// count is `⌈units · n / (100 · 10^scale)⌉`. Products that would overflow `Int` make the
    /// quota unreachable (`required == nil`) instead of trapping.
    ///
    /// ```swift
    /// let q = PlanVerifier.PercentQuota(percent: ExactPercent(units: 12, scale: 1), base: 3520)
    /// q.required            // 43  (1.2% × 3520 = 42.24)
    /// q.isMet(by: 42)       // false
    /// q.text(count: 42)     // "42 < ⌈1.2% × 3520⌉ = 43"
    /// ```
    public struct PercentQuota: Sendable, Hashable {
        /// The percentage's digits without the decimal point.
        public let units: Int
        /// Digits after the decimal point.
        public let scale: Int
        /// The head count the percentage is taken of.
        public let base: Int

        public init(percent: ExactPercent, base: Int) {
            self.units = percent.units; self.scale = percent.scale; self.base = base
        }

        /// 100 · 10^scale, or nil on overflow.
        var denominator: Int? {
            var d = 100
            for _ in 0..<max(0, scale) {
                let (next, overflow) = d.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                d = next
            }
            return d
        }

        /// units · base, or nil on overflow.
        var numerator: Int? {
            let (n, overflow) = units.multipliedReportingOverflow(by: base)
            return overflow ? nil : n
        }

        /// The smallest count that meets the quota: ⌈units · base / (100 · 10^scale)⌉; nil when
        /// the numbers are too large for `Int`.
        public var required: Int? {
            guard let n = numerator, let d = denominator else { return nil }
            if n <= 0 { return 0 }
            return n / d + (n % d == 0 ? 0 : 1)
        }

        /// Whether `count · 100 · 10^scale ≥ units · base`.
        public func isMet(by count: Int) -> Bool {
            guard let n = numerator, let d = denominator else { return false }
            let (lhs, overflow) = count.multipliedReportingOverflow(by: d)
            if overflow { return count > 0 }
            return lhs >= n
        }

        /// The percentage as written, e.g. `1.2`, `6`, `0.75`.
        public var percentText: String {
            guard scale > 0 else { return String(units) }
            var digits = String(units)
            while digits.count <= scale { digits = "0" + digits }
            let cut = digits.index(digits.endIndex, offsetBy: -scale)
            return digits[..<cut] + "." + digits[cut...]
        }

        /// The comparison as text, with the relation that holds: `43 ≥ ⌈1.2% × 3520⌉ = 43`.
        public func text(count: Int) -> String {
            let bound = "⌈\(percentText)% × \(base)⌉ = \(required.map(String.init) ?? "too large to compute")"
            return "\(count) \(isMet(by: count) ? "≥" : "<") \(bound)"
        }
    }
}
