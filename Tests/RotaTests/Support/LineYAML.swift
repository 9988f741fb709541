import Foundation
@testable import Rota
@testable import RotaCore
@testable import RotaInput
@testable import RotaSolver
@testable import RotaPlanner
@testable import RotaVerifier
@testable import RotaProof
@testable import RotaOutput
@testable import RotaAudit
@testable import RotaGenerator

/// A minimal reader for the line-oriented YAML the generator writes and the hand-made
/// scenarios use (block keys, block lists of one-line items, flow maps and lists, `#` comments,
/// flow collections continued over lines). Test-only: it lets the generator's tests read the
/// files back without depending on the real scenario reader, and checks nothing.
enum LineYAML {
    enum Node: Equatable {
        case scalar(String)
        case map([(String, Node)])
        case list([Node])

        static func == (a: Node, b: Node) -> Bool {
            switch (a, b) {
            case let (.scalar(x), .scalar(y)): return x == y
            case let (.list(x), .list(y)): return x == y
            case let (.map(x), .map(y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
            default: return false
            }
        }

        subscript(_ key: String) -> Node? {
            if case .map(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
            return nil
        }
        var string: String? { if case .scalar(let s) = self { return s }; return nil }
        var int: Int? { string.flatMap { Int($0) } }
        var items: [Node] { if case .list(let l) = self { return l }; return [] }
        var pairs: [(String, Node)] { if case .map(let m) = self { return m }; return [] }
    }

    /// Parses a whole document into its top-level map.
    static func parse(_ text: String) -> Node {
        var lines: [(indent: Int, text: String)] = []
        var pending = ""
        for raw in text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = stripComment(String(raw))
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            pending = pending.isEmpty ? line : pending + " " + line.trimmingCharacters(in: .whitespaces)
            if balance(pending) == 0 {
                let indent = pending.prefix { $0 == " " }.count
                lines.append((indent, String(pending.dropFirst(indent))))
                pending = ""
            }
        }
        var i = 0
        return block(lines, &i, indent: 0)
    }

    private static func block(_ lines: [(indent: Int, text: String)], _ i: inout Int, indent: Int) -> Node {
        if i < lines.count, lines[i].text.hasPrefix("- ") {
            var items: [Node] = []
            while i < lines.count, lines[i].indent == indent, lines[i].text.hasPrefix("- ") {
                items.append(value(String(lines[i].text.dropFirst(2))))
                i += 1
            }
            return .list(items)
        }
        var pairs: [(String, Node)] = []
        while i < lines.count, lines[i].indent == indent {
            let t = lines[i].text
            let colon = t.firstIndex(of: ":")!
            let key = String(t[..<colon])
            let rest = t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            i += 1
            if rest.isEmpty, i < lines.count, lines[i].indent > indent {
                pairs.append((key, block(lines, &i, indent: lines[i].indent)))
            } else {
                pairs.append((key, value(rest)))
            }
        }
        return .map(pairs)
    }

    /// A flow value: `{…}`, `[…]` or a scalar.
    static func value(_ s: String) -> Node {
        var chars = Array(s)
        var i = 0
        return flow(&chars, &i)
    }

    private static func flow(_ c: inout [Character], _ i: inout Int) -> Node {
        skipSpaces(c, &i)
        guard i < c.count else { return .scalar("") }
        if c[i] == "{" {
            i += 1
            var pairs: [(String, Node)] = []
            while true {
                skipSpaces(c, &i)
                if c[i] == "}" { i += 1; break }
                let key = scalarText(c, &i, stops: [":"])
                i += 1   // ':'
                pairs.append((key, flow(&c, &i)))
                skipSpaces(c, &i)
                if c[i] == "," { i += 1 }
            }
            return .map(pairs)
        }
        if c[i] == "[" {
            i += 1
            var items: [Node] = []
            while true {
                skipSpaces(c, &i)
                if c[i] == "]" { i += 1; break }
                items.append(flow(&c, &i))
                skipSpaces(c, &i)
                if c[i] == "," { i += 1 }
            }
            return .list(items)
        }
        return .scalar(scalarText(c, &i, stops: [",", "}", "]"]))
    }

    private static func scalarText(_ c: [Character], _ i: inout Int, stops: Set<Character>) -> String {
        skipSpaces(c, &i)
        if i < c.count, c[i] == "\"" {
            i += 1
            var s = ""
            while c[i] != "\"" {
                if c[i] == "\\" { i += 1; s.append(c[i] == "n" ? "\n" : c[i] == "t" ? "\t" : c[i]) } else { s.append(c[i]) }
                i += 1
            }
            i += 1
            return s
        }
        var s = ""
        while i < c.count, !stops.contains(c[i]) { s.append(c[i]); i += 1 }
        return s.trimmingCharacters(in: .whitespaces)
    }

    private static func skipSpaces(_ c: [Character], _ i: inout Int) {
        while i < c.count, c[i] == " " { i += 1 }
    }

    private static func stripComment(_ line: String) -> String {
        var inQuotes = false
        var previous: Character = " "
        var out = ""
        for ch in line {
            if ch == "\"" { inQuotes.toggle() }
            if ch == "#", !inQuotes, previous == " " { break }
            out.append(ch)
            previous = ch
        }
        return String(out.reversed().drop { $0 == " " }.reversed())
    }

    private static func balance(_ s: String) -> Int {
        var depth = 0, inQuotes = false
        for ch in s {
            if ch == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if ch == "{" || ch == "[" { depth += 1 }
            if ch == "}" || ch == "]" { depth -= 1 }
        }
        return depth
    }
}

/// Builds a `Scenario` from a document `LineYAML` parsed, as the format page defines it.
enum LineScenario {
    /// `csv` is the staff file's text when `staff:` names a file.
    static func scenario(_ doc: LineYAML.Node, csv: String? = nil) -> Scenario {
        var parameters = Profile.builtIn(doc["profile"]!.string!)!.parameters
        for (key, value) in doc["rules"]?.pairs ?? [] {
            let text = value.string!
            parameters.set(key, Parameters.definition(key)!.kind == .percent ? .percent(ExactPercent(text)!) : .integer(Int(text)!))
        }
        let period = DayRange(from: day(doc["period"]!["start"]!), to: day(doc["period"]!["end"]!))
        let calendar = WorkCalendar(holidays: (doc["calendar"]?["holidays"]?.items ?? []).map(day),
                                    workdays: (doc["calendar"]?["workdays"]?.items ?? []).map(day))
        let counties = (doc["counties"]?.items ?? []).map { County(id: $0["id"]!.string!, name: $0["name"]!.string!) }
        let institutions = (doc["institutions"]?.items ?? []).map(institution)
        let staff: [StaffMember]
        if case .scalar? = doc["staff"] { staff = staffCSV(csv!) } else { staff = (doc["staff"]?.items ?? []).map(member) }
        let links = (doc["links"]?.items ?? []).map { Link(from: $0["from"]!.string!, to: $0["to"]!.string!) }
        return Scenario(name: doc["name"]!.string!, profile: doc["profile"]!.string!, parameters: parameters, period: period,
                        calendar: calendar, counties: counties, institutions: institutions, staff: staff, links: links)
    }

    /// Reads a scenario file of `Scenarios/` and the CSV it names.
    static func read(_ path: String) throws -> Scenario {
        let doc = LineYAML.parse(try String(contentsOfFile: path, encoding: .utf8))
        var csv: String?
        if case .scalar(let name)? = doc["staff"] {
            csv = try String(contentsOfFile: (path as NSString).deletingLastPathComponent + "/" + name, encoding: .utf8)
        }
        return scenario(doc, csv: csv)
    }

    static func day(_ n: LineYAML.Node) -> Day { Day(iso: n.string!)! }

    static func flag(_ n: LineYAML.Node?, _ otherwise: Bool) -> Bool { n.map { $0.string == "true" } ?? otherwise }

    static func institution(_ n: LineYAML.Node) -> Institution {
        Institution(
            id: n["id"]!.string!, name: n["name"]!.string!, tier: Tier(rawValue: n["tier"]!.string!)!,
            county: n["county"]?.string, township: n["township"]?.string,
            technicalStaff: n["technicalStaff"]?.int, medicalStaff: n["medicalStaff"]?.int,
            tcmFeatured: flag(n["tcmFeatured"], false), population: n["population"]?.int,
            villageDoctor: flag(n["villageDoctor"], true), integrated: flag(n["integrated"], true),
            licensedPhysician: flag(n["licensedPhysician"], true), central: flag(n["central"], false),
            serviceArea: n["serviceArea"]?.string,
            location: n["location"].map { Location(lat: Double($0["lat"]!.string!)!, lon: Double($0["lon"]!.string!)!) })
    }

    static func member(_ n: LineYAML.Node) -> StaffMember {
        StaffMember(
            id: n["id"]!.string!, name: n["name"]!.string!, institution: n["institution"]!.string!,
            role: Role(rawValue: n["role"]!.string!)!, specialty: n["specialty"]?.string,
            title: n["title"].flatMap { Title(rawValue: $0.string!) }, hometown: n["hometown"]?.string,
            unavailable: (n["unavailable"]?.items ?? []).map { DayRange(from: day($0["from"]!), to: day($0["to"]!)) })
    }

    static func staffCSV(_ text: String) -> [StaffMember] {
        let rows = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = rows[0]
        return rows.dropFirst().map { cells in
            var f: [String: String] = [:]
            for (k, v) in zip(header, cells) where !v.isEmpty { f[k] = v }
            let leave = (f["unavailable"] ?? "").split(separator: ";").map { part -> DayRange in
                let ends = part.components(separatedBy: "..")
                return DayRange(from: Day(iso: ends[0])!, to: Day(iso: ends.last!)!)
            }
            return StaffMember(id: f["id"]!, name: f["name"]!, institution: f["institution"]!, role: Role(rawValue: f["role"]!)!,
                               specialty: f["specialty"], title: f["title"].flatMap(Title.init(rawValue:)),
                               hometown: f["hometown"], unavailable: leave)
        }
    }
}
