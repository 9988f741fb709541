import RotaCore
extension RotaVerifier {
    /// The rota verification cut into independent parts, so a caller can run them beside other
    /// work on the same cores (`VerifiedProof` runs them beside the plan's checks and the digests).
    ///
    /// Discussion: GCD runs a `concurrentPerform` nested inside another one's job on the calling
    /// thread alone; so the rota families, when the verifier ran them in parallel itself inside
    /// one of `VerifiedProof`'s jobs, were decided one after another while the other core sat
    /// idle. Instead each part is a job of the caller's list. The index of the entries (`Book`)
    /// is built once, by the first part that runs, and shared.
    ///
    /// Each part returns its checks in report order; `assemble` joins them in family order. The
    /// part-time family comes in two parts (the per-week checks and the area windows), which are
    /// merged; should the two share an instance key (which the keys' shapes make unlikely:
    /// `T3.rounds[PERSON:MONDAY]` against `T3.rounds[area:AREA:MONDAY]`), the family is
    /// decided again as one, so repeats are numbered exactly as `verify(entries:)` always has.
    ///
    /// ```swift
    /// let parts = RotaVerifier.Parts(verifier: verifier, entries: entries)
    /// let checks = parts.assemble(ParallelJobs.run(count: parts.count, threads: 2) { parts.decide($0) })
    /// ```
    public struct Parts: Sendable {
        private let made: ComputedOnce<RotaVerifier>
        private let book: ComputedOnce<Book>

        /// The verifier the parts are decided by.
        var verifier: RotaVerifier { made.value }

        /// The parts, largest first so the cores finish together, each with its family's place
        /// in report order (`ruleOrder`: integrity, posting, 3331, station, part-time).
        private static let parts: [(family: Int, decide: @Sendable (RotaVerifier, Book) -> [RuleCheck])] = [
            (4, { $0.weeklyChecks($1) }), (3, { $0.stationChecks($1) }), (4, { $0.areaWindowChecks($1) }),
            (0, { $0.integrityChecks($1) }), (1, { $0.postingChecks($1) }), (2, { $0.visit3331Checks($1) }),
        ]

        init(verifier: RotaVerifier, entries: [RotaEntry]) {
            self.init(ComputedOnce { verifier }, entries: entries)
        }

        /// The parts of verifying `entries` against `scenario` and `plan`; the verifier's own
        /// indexes of the scenario and plan are made by the first part that runs, too.
        public init(scenario: Scenario, plan: Plan, entries: [RotaEntry]) {
            self.init(ComputedOnce { RotaVerifier(scenario: scenario, plan: plan) }, entries: entries)
        }

        private init(_ made: ComputedOnce<RotaVerifier>, entries: [RotaEntry]) {
            self.made = made
            self.book = ComputedOnce { Book(entries: entries, verifier: made.value) }
        }

        /// How many parts there are.
        public var count: Int { Parts.parts.count }

        /// Part `k`'s checks, in report order.
        public func decide(_ k: Int) -> [RuleCheck] {
            RotaVerifier.ordered(Parts.parts[k].decide(verifier, book.value))
        }

        /// Every rota check in report order, from the parts' results (`decide(k)` at place k).
        public func assemble(_ decided: [[RuleCheck]]) -> [RuleCheck] {
            precondition(decided.count == count, "one result per part")
            var checks: [RuleCheck] = []
            checks.reserveCapacity(decided.reduce(0) { $0 + $1.count })
            // Family by family, each check copied once: a family of two parts merged as it goes.
            for family in 0..<RotaVerifier.familyCount {
                let parts = Parts.parts.indices.filter { Parts.parts[$0].family == family }.map { decided[$0] }
                let start = checks.count
                switch parts.count {
                case 1: checks += parts[0]
                case 2 where RotaVerifier.merge(parts[0], parts[1], into: &checks): break
                default:
                    checks.removeSubrange(start...)
                    checks += RotaVerifier.ordered(Parts.parts.indices.filter { Parts.parts[$0].family == family }
                                                   .flatMap { Parts.parts[$0].decide(verifier, book.value) })
                }
            }
            // Each family is in order, and the families follow one another in `ruleOrder`.
            assert(RotaVerifier.inOrder(checks), "the rota's families are joined in report order")
            return checks
        }
    }

    /// The number of rota rule families (`Parts` numbers them 0 up to this).
    static let familyCount = 5

    /// Appends two lists of checks, each in report order, merged into report order; false when
    /// an instance key is in both (the two then need numbering together, `ordered`), with part
    /// of the merge appended.
    static func merge(_ a: [RuleCheck], _ b: [RuleCheck], into out: inout [RuleCheck]) -> Bool {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if precedes(rule: a[i].rule, a[i].instance, rule: b[j].rule, b[j].instance) {
                out.append(a[i]); i += 1
            } else if precedes(rule: b[j].rule, b[j].instance, rule: a[i].rule, a[i].instance) {
                out.append(b[j]); j += 1
            } else {
                return false
            }
        }
        out += a[i...]
        out += b[j...]
        return true
    }
}
