import RotaCore
/// Checks the ids a scenario uses against the ids it defines.
///
/// Ids must be unique within their kind (counties, institutions, staff). An institution's
/// `county` must be listed under `counties` when that list is given; a village's `township`
/// must be a township institution of the same county; a staff member's `institution` must be a
/// tertiary, secondary, county or township institution and their `hometown` a village; links
/// join two institutions. An entry whose own fields were faulty still defines its id, so a
/// reference to it is not reported a second time as unknown.
struct ScenarioReferences {
    /// The `counties:` ids, nil when the scenario lists none.
    var counties: [Located<String>]?
    /// False when some `counties:` entry could not be read: references are then not checked.
    var countiesComplete: Bool
    var institutions: [InstitutionEntry]
    var staff: [StaffEntry]
    var links: [(from: Located<String>?, to: Located<String>?)]

    static let senderTiers: [Tier] = [.tertiary, .secondary, .county, .township]

    func check(log: DiagnosticLog) {
        if let counties { reportDuplicates(counties, kind: "county", log: log) }
        reportDuplicates(institutions.compactMap(\.id), kind: "institution", log: log)
        reportDuplicates(staff.compactMap(\.id), kind: "staff", log: log)

        // The first entry of each id is the one references resolve to.
        var byId: [String: InstitutionEntry] = [:]
        for entry in institutions {
            if let id = entry.id?.value, byId[id] == nil { byId[id] = entry }
        }
        let countyIds = counties.map { Set($0.map(\.value)) }
        let listedCounties = counties.map { Quote.list($0.map(\.value)) } ?? ""

        for entry in institutions {
            if let county = entry.county, let problem = IdSpelling.problem(county.value) {
                log.add(county.place, problem, expected: IdSpelling.expected)
            } else if let county = entry.county, let countyIds, countiesComplete, !countyIds.contains(county.value) {
                log.add(county.place, "unknown county \(Quote.text(county.value))",
                        expected: "a county id listed under counties: \(listedCounties)")
            }
            if let township = entry.township {
                checkTownship(township, of: entry, byId: byId, log: log)
            }
        }

        for member in staff {
            if let institution = member.institution {
                check(institution, byId: byId, allowed: Self.senderTiers,
                      expected: "the id of a tertiary, secondary, county or township institution", log: log)
            }
            if let hometown = member.hometown {
                check(hometown, byId: byId, allowed: [.village], expected: "the id of a village", log: log)
            }
        }

        for link in links {
            for end in [link.from, link.to].compactMap({ $0 }) {
                check(end, byId: byId, allowed: Tier.allCases, expected: "the id of an institution", log: log)
            }
        }
    }

    /// Reports each repeated id at its repetition.
    private func reportDuplicates(_ ids: [Located<String>], kind: String, log: DiagnosticLog) {
        var first: [String: SourcePlace] = [:]
        for id in ids {
            if let problem = IdSpelling.problem(id.value) { log.add(id.place, problem, expected: IdSpelling.expected); continue }
            if let earlier = first[id.value] {
                let whereFirst = earlier.file == id.place.file ? "line \(earlier.line)" : earlier.reference
                log.add(id.place, "duplicate \(kind) id \(Quote.text(id.value)) (first on \(whereFirst))",
                        expected: "\(kind) ids unique")
            } else {
                first[id.value] = id.place
            }
        }
    }

    /// "; did you mean …?" for an unknown institution: the nearest ids, or failing those the
    /// nearest names with their ids (曹县人民医 → "曹县人民医院" (cao-people)); empty when none is near.
    private func suggestion(_ text: String, among candidates: [InstitutionEntry]) -> String {
        let note = Suggestion.note(text, among: candidates.compactMap(\.id?.value))
        guard note.isEmpty else { return note }
        var idOf: [String: String] = [:]
        for c in candidates { if let name = c.name, let id = c.id?.value { idOf[name] = id } }
        let near = Suggestion.nearest(text, among: idOf.keys.sorted())
        return near.isEmpty ? "" : "; did you mean " + near.map { "\(Quote.text($0)) (\(idOf[$0]!))" }.joined(separator: " or ") + "?"
    }

    /// Checks that `reference` names an institution of one of the `allowed` tiers.
    private func check(_ reference: Located<String>, byId: [String: InstitutionEntry], allowed: [Tier],
                       expected: String, log: DiagnosticLog) {
        if let problem = IdSpelling.problem(reference.value) { log.add(reference.place, problem, expected: IdSpelling.expected); return }
        guard let target = byId[reference.value] else {
            let candidates = byId.values.filter { $0.tier.map(allowed.contains) ?? false }
            log.add(reference.place, "unknown institution \(Quote.text(reference.value))\(suggestion(reference.value, among: candidates))", expected: expected)
            return
        }
        if let tier = target.tier, !allowed.contains(tier) {
            log.add(reference.place, "\(Quote.text(reference.value)) is a \(tier.rawValue) institution", expected: expected)
        }
    }

    /// Checks a village's township: a township institution of the village's county.
    private func checkTownship(_ township: Located<String>, of village: InstitutionEntry,
                               byId: [String: InstitutionEntry], log: DiagnosticLog) {
        if let problem = IdSpelling.problem(township.value) { log.add(township.place, problem, expected: IdSpelling.expected); return }
        let countyNote = village.county.map { " of county \($0.value)" } ?? ""
        let expected = "the id of a township institution\(countyNote)"
        guard let target = byId[township.value] else {
            let townships = byId.values.filter { $0.tier == .township && (village.county == nil || $0.county?.value == village.county?.value) }
            log.add(township.place, "unknown institution \(Quote.text(township.value))\(suggestion(township.value, among: townships))", expected: expected)
            return
        }
        guard let tier = target.tier else { return }
        guard tier == .township else {
            log.add(township.place, "\(Quote.text(township.value)) is a \(tier.rawValue) institution, not a township",
                    expected: expected)
            return
        }
        if let own = village.county?.value, let theirs = target.county?.value, own != theirs {
            log.add(township.place, "township \(Quote.text(township.value)) is in county \(Quote.text(theirs)), not \(Quote.text(own))",
                    expected: expected)
        }
    }
}
