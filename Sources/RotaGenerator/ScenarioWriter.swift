import Foundation
import RotaCore

/// Writes a scenario as the YAML text of `docs/reference/scenario.md` and its staff as CSV,
/// by hand, in one fixed layout, so the same scenario always gives the same bytes.
///
/// Layout: top-level keys in the order of the format page; one institution, county or link
/// per line as a flow map; keys of a flow map in the format page's order; flags written only
/// where they differ from their default (a village has its doctor, is integrated and has a
/// licensed physician; it is not central; its service area is itself); positions with four
/// decimals. A comment line opens each county's block. Strings that YAML could read as
/// something else (numbers, booleans, dates, strings with `:`, `#`, brackets …) are quoted.
///
/// The staff CSV has a UTF-8 byte-order mark (Excel then opens it as UTF-8), the header
/// `id,name,institution,role,specialty,title,hometown,unavailable`, `\n` line ends, and leave
/// as `2025-03-01..2025-03-14;2025-07-01` (a single day alone).
public struct ScenarioWriter: Sendable {
    /// Comment lines to put first (without `# `).
    public var header: [String] = []
    /// `rules:` overrides to write, in order (key, value as written).
    public var rules: [(String, String)] = []
    /// What a calendar day is, for a trailing comment (`元旦`).
    public var dayLabel: @Sendable (Day) -> String? = { _ in nil }
    /// A comment line above the calendar.
    public var calendarNote: String?

    public init() {}

    /// The scenario file; `staffPath` is what `staff:` points to (the CSV, relative to the file).
    public func yaml(_ s: Scenario, staffPath: String) -> String {
        var out: [String] = header.map { $0.isEmpty ? "#" : "# " + $0 }
        if !header.isEmpty { out.append("") }
        out.append("name: \(Self.scalar(s.name))")
        out.append("profile: \(Self.scalar(s.profile))")
        out.append("period: {start: \(s.period.from.iso), end: \(s.period.to.iso)}")
        if !s.calendar.holidays.isEmpty || !s.calendar.workdays.isEmpty {
            out.append("calendar:")
            if let note = calendarNote { out.append("  # " + note) }
            for (key, days) in [("holidays", s.calendar.holidays), ("workdays", s.calendar.workdays)] {
                if days.isEmpty { out.append("  \(key): []"); continue }
                out.append("  \(key):")
                for d in days { out.append("    - \(d.iso)" + (dayLabel(d).map { "   # " + $0 } ?? "")) }
            }
        }
        if !rules.isEmpty {
            out.append("rules:")
            for (k, v) in rules { out.append("  \(k): \(v)") }
        }
        if !s.counties.isEmpty {
            out.append("counties:")
            for c in s.counties { out.append("  - {id: \(Self.scalar(c.id)), name: \(Self.scalar(c.name))}") }
        }
        out.append("institutions:")
        let countyNames = Dictionary(s.counties.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (n, i) in s.institutions.enumerated() {
            if n == 0 || s.institutions[n - 1].county != i.county {
                if let c = i.county {
                    out.append("  # \(countyNames[c] ?? c) (\(c))")
                } else {
                    out.append("  # city hospitals")
                }
            }
            out.append("  - " + Self.flowMap(Self.fields(of: i)))
        }
        if !s.links.isEmpty {
            out.append("links:")
            for l in s.links { out.append("  - {from: \(Self.scalar(l.from)), to: \(Self.scalar(l.to))}") }
        }
        out.append("staff: \(Self.scalar(staffPath))")
        return out.joined(separator: "\n") + "\n"
    }

    /// The staff CSV, with a byte-order mark.
    public func staffCSV(_ staff: [StaffMember]) -> String {
        var out = ["\u{FEFF}id,name,institution,role,specialty,title,hometown,unavailable"]
        for m in staff {
            let leave = m.unavailable.map { $0.from == $0.to ? $0.from.iso : "\($0.from.iso)..\($0.to.iso)" }
            let cells = [m.id, m.name, m.institution, m.role.rawValue, m.specialty ?? "", m.title?.rawValue ?? "",
                         m.hometown ?? "", leave.joined(separator: ";")]
            out.append(cells.map(Self.csvCell).joined(separator: ","))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// An institution's fields in the format page's order, defaults left out.
    static func fields(of i: Institution) -> [(String, String)] {
        var f: [(String, String)] = [("id", scalar(i.id)), ("name", scalar(i.name)), ("tier", i.tier.rawValue)]
        if let c = i.county { f.append(("county", scalar(c))) }
        if let t = i.township { f.append(("township", scalar(t))) }
        if let n = i.technicalStaff { f.append(("technicalStaff", String(n))) }
        if let n = i.medicalStaff { f.append(("medicalStaff", String(n))) }
        if i.tcmFeatured { f.append(("tcmFeatured", "true")) }
        if let n = i.population { f.append(("population", String(n))) }
        if i.tier == .village {
            if !i.villageDoctor { f.append(("villageDoctor", "false")) }
            if !i.integrated { f.append(("integrated", "false")) }
            if !i.licensedPhysician { f.append(("licensedPhysician", "false")) }
            if i.central { f.append(("central", "true")) }
            if let a = i.serviceArea, a != i.id { f.append(("serviceArea", scalar(a))) }
        }
        if let l = i.location { f.append(("location", "{lat: \(degrees(l.lat)), lon: \(degrees(l.lon))}")) }
        return f
    }

    static func flowMap(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Degrees with exactly four decimals, from the value rounded to ten-thousandths.
    static func degrees(_ x: Double) -> String {
        let v = Int((x * 10_000).rounded())
        let a = abs(v), frac = String(a % 10_000)
        return (v < 0 ? "-" : "") + "\(a / 10_000)." + String(repeating: "0", count: 4 - frac.count) + frac
    }

    /// A YAML scalar: plain when it cannot be misread, else double-quoted.
    static func scalar(_ s: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let special: Set<Character> = [":", "#", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\"]
        let plain = !s.isEmpty && !s.contains(where: { special.contains($0) || $0.isWhitespace || $0.isNewline })
            && !reserved.contains(s.lowercased())
            && !(s.first.map { "-?.+0123456789".contains($0) } ?? true)
        if plain { return s }
        var q = "\""
        for ch in s {
            switch ch {
            case "\"": q += "\\\""
            case "\\": q += "\\\\"
            case "\n": q += "\\n"
            case "\t": q += "\\t"
            default: q.append(ch)
            }
        }
        return q + "\""
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    static func csvCell(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
