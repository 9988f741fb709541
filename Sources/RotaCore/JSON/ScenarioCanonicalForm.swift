import Foundation
import Crypto

/// The canonical bytes of a resolved scenario, and their SHA-256: what a compliance proof
/// names as "the scenario".
///
/// Discussion: the digest is taken of the *resolved* `Scenario`, not of the file, so the same
/// scenario written differently has the same digest — YAML keys in another order, flow or block
/// style, comments, staff inline or in a CSV file, the profile's numbers given by a built-in
/// name or repeated under `rules:`, `1.20` for `1.2`, a file in GB18030 instead of UTF-8 — while
/// any change of substance (a head count, a flag, a person's leave, a parameter, a holiday, a
/// name) changes it. The form, `rota-scenario/1`, is the canonical JSON (`CanonicalJSON`) of:
///
/// ```text
/// { "canonicalForm": "rota-scenario/1",
///   "name", "profile",
///   "parameters": { key: integer | "exact decimal" },   every resolved parameter
///   "period": {"start", "end"},
///   "calendar": {"holidays": [days], "workdays": [days]},     sorted, no repeats
///   "counties": [{"id", "name"}],                               sorted by id
///   "institutions": [{"id", "name", "tier", "county", "township", "technicalStaff",
///                     "medicalStaff", "tcmFeatured", "population", "villageDoctor",
///                     "integrated", "licensedPhysician", "central", "serviceArea",
///                     "location": {"lat", "lon"}}],               sorted by id
///   "staff": [{"id", "name", "institution", "role", "specialty", "title", "hometown",
///              "unavailable": [{"from", "to"}]}],                sorted by id; leave sorted
///   "links": [{"from", "to"}] }                                  sorted by from, then to
/// ```
///
/// Every list is sorted (a scenario is a set of facts; its file order means nothing to the
/// rules, and ids are unique). Absent optional fields are `null`, flags are always written
/// with their resolved value. Percentages are exact decimals as strings with trailing fraction
/// zeros dropped (`"1.2"`, `"6"`); integers are JSON integers; latitudes and longitudes are
/// numbers in ECMAScript form. Days are `YYYY-MM-DD`; leave is as the reader resolved it
/// (clipped to the period). Source line numbers and reading warnings are not part of it.
///
/// ```swift
/// let s = try ScenarioReader.read(path: "Scenarios/mini/heze-mini.yaml")
/// ScenarioCanonicalForm.sha256(s)   // "3f1c…" (64 hex digits)
/// ```
public enum ScenarioCanonicalForm {
    /// The name of this canonical form, written inside it.
    public static let version = "rota-scenario/1"

    /// The scenario as a JSON value in the canonical form's layout (the definition of the
    /// form; `bytes(_:)` writes its canonical JSON directly).
    public static func value(_ s: Scenario) -> JSONValue {
        func text(_ t: String?) -> JSONValue { t.map(JSONValue.string) ?? .null }
        func int(_ v: Int?) -> JSONValue { v.map(JSONValue.integer) ?? .null }
        func days(_ list: [Day]) -> JSONValue { .array(sortedDays(list).map { .string($0.iso) }) }
        // A latitude or longitude: a number (a string only if not finite, which the reader refuses).
        func coordinate(_ d: Double) -> JSONValue { d.isFinite ? .number(d) : .string(d.description) }

        var parameters: [String: JSONValue] = [:]
        for (key, value) in s.parameters.values { parameters[key] = parameterValue(value) }

        let institutions = byId(s.institutions, \.id).map { i -> JSONValue in
            .object([
                "id": .string(i.id), "name": .string(i.name), "tier": .string(i.tier.rawValue),
                "county": text(i.county), "township": text(i.township),
                "technicalStaff": int(i.technicalStaff), "medicalStaff": int(i.medicalStaff),
                "tcmFeatured": .bool(i.tcmFeatured), "population": int(i.population),
                "villageDoctor": .bool(i.villageDoctor), "integrated": .bool(i.integrated),
                "licensedPhysician": .bool(i.licensedPhysician), "central": .bool(i.central),
                "serviceArea": text(i.serviceArea),
                "location": i.location.map { .object(["lat": coordinate($0.lat), "lon": coordinate($0.lon)]) } ?? .null,
            ])
        }
        let staff = byId(s.staff, \.id).map { m -> JSONValue in
            .object([
                "id": .string(m.id), "name": .string(m.name), "institution": .string(m.institution),
                "role": .string(m.role.rawValue), "specialty": text(m.specialty),
                "title": text(m.title?.rawValue), "hometown": text(m.hometown),
                "unavailable": .array(sortedLeave(m.unavailable).map { .object(["from": .string($0.from.iso), "to": .string($0.to.iso)]) }),
            ])
        }
        let links = sortedLinks(s.links)
            .map { JSONValue.object(["from": .string($0.from), "to": .string($0.to)]) }

        return .object([
            "canonicalForm": .string(version),
            "name": .string(s.name),
            "profile": .string(s.profile),
            "parameters": .object(parameters),
            "period": .object(["start": .string(s.period.from.iso), "end": .string(s.period.to.iso)]),
            "calendar": .object(["holidays": days(s.calendar.holidays), "workdays": days(s.calendar.workdays)]),
            "counties": .array(byId(s.counties, \.id).map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
            "institutions": .array(institutions),
            "staff": .array(staff),
            "links": .array(links),
        ])
    }

    /// The form's orders, one place each for `value` and `bytes`: lists by id in UTF-16
    /// order, days without repeats, leave by its dates, links by (from, to).
    private static func byId<T>(_ items: [T], _ id: (T) -> String) -> [T] { items.sorted { utf16Less(id($0), id($1)) } }
    private static func sortedDays(_ days: [Day]) -> [Day] { Array(Set(days)).sorted() }
    private static func sortedLeave(_ leave: [DayRange]) -> [DayRange] {
        leave.sorted { ($0.from.ordinal, $0.to.ordinal) < ($1.from.ordinal, $1.to.ordinal) }
    }
    private static func sortedLinks(_ links: [Link]) -> [Link] {
        links.sorted { $0.from.utf16.elementsEqual($1.from.utf16) ? utf16Less($0.to, $1.to) : utf16Less($0.from, $1.from) }
    }

    /// A parameter as the canonical form writes it: an integer, or a percentage as its exact
    /// decimal text without trailing fraction zeros (`1.20` → `"1.2"`, `6.0` → `"6"`).
    public static func parameterValue(_ value: ParameterValue) -> JSONValue {
        switch value {
        case .integer(let v): return .integer(v)
        case .percent(let p): return .string(normalized(p).description)
        }
    }

    /// The percentage with trailing fraction zeros dropped (same value, fewest decimals).
    public static func normalized(_ p: ExactPercent) -> ExactPercent {
        var units = p.units, scale = p.scale
        while scale > 0, units % 10 == 0 { units /= 10; scale -= 1 }
        return ExactPercent(units: units, scale: scale)
    }

    /// The canonical bytes.
    public static func data(_ s: Scenario) -> Data { Data(bytes(s)) }

    /// SHA-256 of the canonical bytes, 64 lower-case hex digits.
    public static func sha256(_ s: Scenario) -> String { Digest.hex(bytes(s)) }

    /// The canonical bytes, written token by token: exactly `CanonicalJSON.data(value(s))`
    /// (a test holds the two together) without building the tree of a region's thousands of
    /// institutions and people. The members of each object are written in canonical (UTF-16)
    /// key order, listed here already sorted.
    static func bytes(_ s: Scenario) -> [UInt8] {
        var json = JSONBytes(reservingCapacity: 256 * (s.institutions.count + s.staff.count) + 4_096)
        func text(_ t: String?) { if let t { json.string(t) } else { json.raw("null") } }
        func int(_ v: Int?) { if let v { json.integer(v) } else { json.raw("null") } }
        func bool(_ b: Bool) { json.raw(b ? "true" : "false") }
        func coordinate(_ d: Double) { if d.isFinite { json.number(d) } else { json.string(d.description) } }
        func days(_ list: [Day]) {
            json.raw("[")
            for (n, d) in sortedDays(list).enumerated() { if n > 0 { json.raw(",") }; json.string(d.iso) }
            json.raw("]")
        }
        func list<T>(_ items: [T], _ write: (T) -> Void) {
            json.raw("[")
            for (n, item) in items.enumerated() { if n > 0 { json.raw(",") }; write(item) }
            json.raw("]")
        }

        json.raw("{\"calendar\":{\"holidays\":"); days(s.calendar.holidays)
        json.raw(",\"workdays\":"); days(s.calendar.workdays)
        json.raw("},\"canonicalForm\":"); json.string(version)
        json.raw(",\"counties\":")
        list(byId(s.counties, \.id)) { c in
            json.raw("{\"id\":"); json.string(c.id); json.raw(",\"name\":"); json.string(c.name); json.raw("}")
        }
        json.raw(",\"institutions\":")
        list(byId(s.institutions, \.id)) { i in
            json.raw("{\"central\":"); bool(i.central)
            json.raw(",\"county\":"); text(i.county)
            json.raw(",\"id\":"); json.string(i.id)
            json.raw(",\"integrated\":"); bool(i.integrated)
            json.raw(",\"licensedPhysician\":"); bool(i.licensedPhysician)
            json.raw(",\"location\":")
            if let l = i.location {
                json.raw("{\"lat\":"); coordinate(l.lat); json.raw(",\"lon\":"); coordinate(l.lon); json.raw("}")
            } else {
                json.raw("null")
            }
            json.raw(",\"medicalStaff\":"); int(i.medicalStaff)
            json.raw(",\"name\":"); json.string(i.name)
            json.raw(",\"population\":"); int(i.population)
            json.raw(",\"serviceArea\":"); text(i.serviceArea)
            json.raw(",\"tcmFeatured\":"); bool(i.tcmFeatured)
            json.raw(",\"technicalStaff\":"); int(i.technicalStaff)
            json.raw(",\"tier\":"); json.string(i.tier.rawValue)
            json.raw(",\"township\":"); text(i.township)
            json.raw(",\"villageDoctor\":"); bool(i.villageDoctor)
            json.raw("}")
        }
        json.raw(",\"links\":")
        list(sortedLinks(s.links)) { l in
            json.raw("{\"from\":"); json.string(l.from); json.raw(",\"to\":"); json.string(l.to); json.raw("}")
        }
        json.raw(",\"name\":"); json.string(s.name)
        json.raw(",\"parameters\":{")
        for (n, key) in CanonicalJSON.sortedKeys(s.parameters.values).enumerated() {
            if n > 0 { json.raw(",") }
            json.string(key); json.raw(":")
            CanonicalJSON.write(parameterValue(s.parameters.values[key]!), into: &json)
        }
        json.raw("},\"period\":{\"end\":"); json.string(s.period.to.iso)
        json.raw(",\"start\":"); json.string(s.period.from.iso)
        json.raw("},\"profile\":"); json.string(s.profile)
        json.raw(",\"staff\":")
        list(byId(s.staff, \.id)) { m in
            json.raw("{\"hometown\":"); text(m.hometown)
            json.raw(",\"id\":"); json.string(m.id)
            json.raw(",\"institution\":"); json.string(m.institution)
            json.raw(",\"name\":"); json.string(m.name)
            json.raw(",\"role\":"); json.string(m.role.rawValue)
            json.raw(",\"specialty\":"); text(m.specialty)
            json.raw(",\"title\":"); text(m.title?.rawValue)
            json.raw(",\"unavailable\":")
            list(sortedLeave(m.unavailable)) { r in
                json.raw("{\"from\":"); json.string(r.from.iso); json.raw(",\"to\":"); json.string(r.to.iso); json.raw("}")
            }
            json.raw("}")
        }
        json.raw("}")
        return json.bytes
    }
}

/// Whether `a` sorts before `b` as arrays of UTF-16 code units (the canonical key order, used
/// for every sorted list of ids so the order never depends on Unicode normalisation).
public func utf16Less(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

/// SHA-256 in lower-case hex, the digest every proof field uses.
public enum Digest {
    public static func hex(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    public static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}
