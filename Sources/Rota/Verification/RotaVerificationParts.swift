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
    struct Parts: Sendable {
        let verifier: RotaVerifier
        private let book: ComputedOnce<Book>

        /// The parts, largest first so the cores finish together, each with its family's place
        /// in report order (`ruleOrder`: integrity, posting, 3331, station, part-time).
        private static let parts: [(family: Int, decide: @Sendable (RotaVerifier, Book) -> [RuleCheck])] = [
            (4, { $0.weeklyChecks($1) }), (3, { $0.stationChecks($1) }), (4, { $0.areaWindowChecks($1) }),
            (0, { $0.integrityChecks($1) }), (1, { $0.postingChecks($1) }), (2, { $0.visit3331Checks($1) }),
        ]

        init(verifier: RotaVerifier, entries: [RotaEntry]) {
            self.verifier = verifier
            self.book = ComputedOnce { Book(entries: entries, verifier: verifier) }
        }

        /// How many parts there are.
        var count: Int { Parts.parts.count }

        /// Part `k`'s checks, in report order.
        func decide(_ k: Int) -> [RuleCheck] {
            RotaVerifier.ordered(Parts.parts[k].decide(verifier, book.value))
        }

        /// Every rota check in report order, from the parts' results (`decide(k)` at place k).
        func assemble(_ decided: [[RuleCheck]]) -> [RuleCheck] {
            precondition(decided.count == count, "one result per part")
            var families: [[RuleCheck]] = Array(repeating: [], count: RotaVerifier.familyCount)
            for (k, checks) in decided.enumerated() {
                let f = Parts.parts[k].family
                if families[f].isEmpty {
                    families[f] = checks
                } else if let merged = RotaVerifier.merged(families[f], checks) {
                    families[f] = merged
                } else {
                    families[f] = RotaVerifier.ordered(verifier.partTimeChecks(book.value))
                }
            }
            var checks: [RuleCheck] = []
            checks.reserveCapacity(families.reduce(0) { $0 + $1.count })
            for family in families { checks += family }
            return RotaVerifier.inOrder(checks) ? checks : RotaVerifier.ordered(checks)
        }
    }

    /// The number of rota rule families (`Parts` numbers them 0 up to this).
    static let familyCount = 5

    /// Two lists of checks, each in report order, merged into one in report order; nil when an
    /// instance key is in both (the two then need numbering together, `ordered`).
    static func merged(_ a: [RuleCheck], _ b: [RuleCheck]) -> [RuleCheck]? {
        var out: [RuleCheck] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if precedes(rule: a[i].rule, a[i].instance, rule: b[j].rule, b[j].instance) {
                out.append(a[i]); i += 1
            } else if precedes(rule: b[j].rule, b[j].instance, rule: a[i].rule, a[i].instance) {
                out.append(b[j]); j += 1
            } else {
                return nil
            }
        }
        out += a[i...]
        out += b[j...]
        return out
    }
}
