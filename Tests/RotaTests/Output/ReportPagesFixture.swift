import Foundation
@testable import Rota
@testable import RotaCore
@testable import RotaInput

/// heze-mini planned once by the pipeline, as `rota plan` does, for the report page tests:
/// its files, plan.json and rota.csv as written, and the figures the charts must show,
/// worked out here from plan.json and rota.csv on their own (not with the pages' code).
enum ReportPagesFixture {
    static let scenario = try! ScenarioReader.read(path: "Scenarios/mini/heze-mini.yaml")

    static let year: PlanPipeline.PlannedYear? = {
        guard case .planned(let year) = try? PlanPipeline(scenario: scenario).run() else { return nil }
        return year
    }()

    /// Every written file by name.
    static func files() throws -> [String: Data] {
        guard let year else { throw Failure(description: "heze-mini did not plan") }
        return Dictionary(uniqueKeysWithValues: year.files.map { ($0.name, $0.contents.bytes) })
    }

    /// The report pages (`report.html` and `report/…`) as text.
    static func pages() throws -> [String: String] {
        try files().filter { $0.key == "report.html" || $0.key.hasPrefix("report/") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// plan.json as written.
    static func plan() throws -> Plan { try Plan.decode(try require(files()["plan.json"])) }

    struct Failure: Error, CustomStringConvertible { var description: String }

    private static func require<T>(_ v: T?) throws -> T {
        guard let v else { throw Failure(description: "missing") }
        return v
    }

    // MARK: Figures from plan.json

    /// People counted for each sender's quota by rule (rules.md): T1.quota and T2.quota count
    /// the members of the sender's T1 or T2 teams, T3.quota its stationed and rounds helpers.
    static func plannedBySender(_ plan: Plan, rule: String) -> [String: Int] {
        var people: [String: Set<String>] = [:]
        if rule == "T3.quota" {
            for h in plan.villageHelpers where h.form != .techSupport { people[h.sender, default: []].insert(h.person) }
        } else {
            for t in plan.teams where t.tier == String(rule.prefix(2)) { people[t.sender, default: []].formUnion(t.members) }
        }
        return people.mapValues(\.count)
    }

    /// ⌈p% × base⌉, at least 1, from the parameter's text ("1.2").
    static func required(percent: String, base: Int) -> Int {
        let parts = percent.split(separator: ".")
        let scale = parts.count > 1 ? parts[1].count : 0
        let units = Int(parts.joined())!
        var denominator = 100
        for _ in 0..<scale { denominator *= 10 }
        return max(1, (units * base + denominator - 1) / denominator)
    }

    /// The villages of each county the plan covers: stationed, technical support, a 3331
    /// workstation, or in a service area with a rounds helper.
    static func coveredByCounty(_ plan: Plan, _ scenario: Scenario) -> [String: Set<String>] {
        var covered: Set<String> = []
        var areas: Set<String> = []
        for h in plan.villageHelpers {
            if h.form == .rounds { areas.insert(h.site) } else { covered.insert(h.site) }
        }
        for t in plan.teams { if let g = t.group3331 { covered.insert(g.workstation) } }
        var out: [String: Set<String>] = [:]
        for v in scenario.institutions where v.tier == .village {
            guard let c = v.county else { continue }
            if covered.contains(v.id) || areas.contains(v.serviceArea ?? v.id) { out[c, default: []].insert(v.id) }
            else { out[c, default: []].formUnion([]) }
        }
        return out
    }

    /// rota.csv's rows per Monday of their week.
    static func rotaRowsPerWeek(_ rotaCSV: Data) -> [String: Int] {
        var out: [String: Int] = [:]
        let text = String(decoding: rotaCSV, as: UTF8.self)
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 3, let d = Day(iso: String(fields[3])) else { continue }
            out[d.weekStart.iso, default: 0] += 1
        }
        return out
    }

    // MARK: Reading pages

    /// The attributes of every start tag that has all of `having`, e.g. `["data-planned"]`,
    /// inside the element with `id` (the whole page when nil).
    static func tags(_ html: String, within id: String? = nil, having: [String]) -> [[String: String]] {
        var text = Substring(html)
        if let id {
            guard let found = html.range(of: "id=\"\(id)\""), let start = html[..<found.lowerBound].lastIndex(of: "<") else { return [] }
            let end = html[found.upperBound...].range(of: "</svg>")?.upperBound ?? html.endIndex
            text = html[start..<end]
        }
        var out: [[String: String]] = []
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let attrs = attributes(tag)
            if having.allSatisfy({ attrs[$0] != nil }) { out.append(attrs) }
        }
        return out
    }

    /// `name="value"` pairs of a tag's text (values unescaped for &amp; &lt; &gt; &quot;).
    static func attributes(_ tag: Substring) -> [String: String] {
        var out: [String: String] = [:]
        var rest = tag
        while let eq = rest.range(of: "=\"") {
            let name = rest[..<eq.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            guard let end = rest[eq.upperBound...].firstIndex(of: "\"") else { break }
            out[name] = String(rest[eq.upperBound..<end]).replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    /// `link` followed from the page `page` (both relative to the output folder), `..` resolved.
    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for p in link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// Every `href` of a page that is not an anchor on the same page.
    static func links(_ html: String) -> [String] {
        tags(html, having: ["href"]).compactMap { $0["href"] }.filter { !$0.hasPrefix("#") }
    }
}
