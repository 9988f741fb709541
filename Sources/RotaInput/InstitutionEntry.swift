import RotaCore
/// One institution as read from the scenario file, before its references are checked.
///
/// `institution` is set only when every field was read without a problem; `id`, `tier`,
/// `county` and `township` are kept on their own so references to a faulty entry do not
/// produce a second, misleading "unknown id".
struct InstitutionEntry {
    /// `institutions[i]` on the line the entry starts.
    var place: SourcePlace
    var id: Located<String>?
    var tier: Tier?
    var county: Located<String>?
    var township: Located<String>?
    var institution: Institution?
    /// The name as written, also when the entry has a problem (staff lists name hospitals).
    var name: String? = nil
}

/// The institution fields of the format and which tier needs which.
enum InstitutionFields {
    /// Fields every institution may have.
    static let common = ["id", "name", "tier", "location"]

    /// Fields of each tier beyond the common ones: required first, then optional.
    static func fields(of tier: Tier) -> (required: [String], optional: [String]) {
        switch tier {
        case .tertiary, .secondary: return (["technicalStaff"], [])
        case .county: return (["county", "technicalStaff"], [])
        case .township: return (["county", "medicalStaff"], ["tcmFeatured"])
        case .village:
            return (["county", "township", "population"],
                    ["villageDoctor", "integrated", "licensedPhysician", "central", "serviceArea"])
        }
    }

    /// Every field of a tier, in the order the format lists them.
    static func allowed(for tier: Tier) -> [String] {
        let f = fields(of: tier)
        return common + f.required + f.optional
    }

    /// Every field any tier has.
    static let anyTier: [String] = {
        var out = common
        for tier in Tier.allCases {
            for key in allowed(for: tier) where !out.contains(key) { out.append(key) }
        }
        return out
    }()

    static let tiers = Tier.allCases.map(\.rawValue)

    /// Reads the `institutions:` list.
    static func read(list: [YAMLValue], log: DiagnosticLog) -> [InstitutionEntry] {
        list.compactMap { read(entry: $0, log: log) }
    }

    /// Reads one institution.
    static func read(entry value: YAMLValue, log: DiagnosticLog) -> InstitutionEntry? {
        guard let fields = value.fields(log, expected: "an institution: a mapping with id, name, tier") else { return nil }
        let before = log.diagnostics.count

        func text(_ key: String, required: Bool, note: String? = nil) -> Located<String>? {
            let node = required ? fields.required(key, log: log, note: note) : fields[key]
            guard let node, let value = node.text(log) else { return nil }
            return Located(value: value, place: node.place)
        }

        let id = text("id", required: true)
        let name = text("name", required: true)
        let tierText = text("tier", required: true)
        var tier: Tier?
        if let tierText {
            tier = Tier(rawValue: tierText.value)
            if tier == nil {
                log.add(tierText.place, "unknown tier \(Quote.text(tierText.value))", expected: Quote.list(tiers))
            }
        }

        // Unknown fields, and fields that belong to another tier.
        let allowed = tier.map(allowed(for:)) ?? anyTier
        for k in fields.entries.indices where !allowed.contains(fields.entries[k].key) {   // by position: no copies
            let entry = fields.entries[k]
            let place = value.place.field(entry.key, line: entry.keyLine)
            if let tier, anyTier.contains(entry.key) {
                log.add(place, "field does not apply to a \(tier.rawValue) institution",
                        expected: "only \(Quote.list(allowed)) for tier \(tier.rawValue)")
            } else {
                log.add(place, "unknown field", expected: Quote.list(allowed))
            }
        }

        let location = fields["location"].flatMap { readLocation($0, log: log) }

        guard let tier else {
            return InstitutionEntry(place: value.place, id: id, tier: nil, county: nil, township: nil, institution: nil, name: name?.value)
        }
        let required = InstitutionFields.fields(of: tier).required
        let note = "tier \(tier.rawValue) needs \(Quote.list(required))"
        func has(_ key: String) -> Bool { required.contains(key) }

        let county = has("county") ? text("county", required: true, note: note) : nil
        let township = has("township") ? text("township", required: true, note: note) : nil
        let technicalStaff = has("technicalStaff")
            ? fields.required("technicalStaff", log: log, note: note)?
                .wholeNumber(log, minimum: 1, expected: "a whole-hospital head count above 0") : nil
        let medicalStaff = has("medicalStaff")
            ? fields.required("medicalStaff", log: log, note: note)?
                .wholeNumber(log, minimum: 1, expected: "a whole-centre head count above 0") : nil
        let population = has("population")
            ? fields.required("population", log: log, note: note)?
                .wholeNumber(log, minimum: 0, expected: "a whole number of 0 or more") : nil

        // Optional fields of this tier (others were rejected above, so they are not read).
        let optional = InstitutionFields.fields(of: tier).optional
        func flag(_ key: String, _ standard: Bool) -> Bool {
            guard optional.contains(key), let node = fields[key] else { return standard }
            return node.flag(log) ?? standard
        }
        let tcmFeatured = flag("tcmFeatured", false)
        let villageDoctor = flag("villageDoctor", true)
        let integrated = flag("integrated", true)
        let licensedPhysician = flag("licensedPhysician", true)
        let central = flag("central", false)
        let serviceArea = optional.contains("serviceArea") ? text("serviceArea", required: false) : nil

        var institution: Institution?
        if log.diagnostics.count == before, let id, let name {
            institution = Institution(
                id: id.value, name: name.value, tier: tier, county: county?.value, township: township?.value,
                technicalStaff: technicalStaff, medicalStaff: medicalStaff, tcmFeatured: tcmFeatured,
                population: population, villageDoctor: villageDoctor, integrated: integrated,
                licensedPhysician: licensedPhysician, central: central, serviceArea: serviceArea?.value,
                location: location, line: value.line)
        }
        return InstitutionEntry(place: value.place, id: id, tier: tier, county: county, township: township,
                                institution: institution, name: name?.value)
    }

    /// `{lat: …, lon: …}` in degrees.
    static func readLocation(_ value: YAMLValue, log: DiagnosticLog) -> Location? {
        guard let fields = value.fields(log, expected: "a location {lat: …, lon: …} in degrees") else { return nil }
        fields.rejectUnknown(allowed: ["lat", "lon"], log: log)
        let lat = fields.required("lat", log: log)?
            .decimal(log, in: -90...90, expected: "a latitude in degrees from -90 to 90")
        let lon = fields.required("lon", log: log)?
            .decimal(log, in: -180...180, expected: "a longitude in degrees from -180 to 180")
        guard let lat, let lon else { return nil }
        return Location(lat: lat, lon: lon)
    }
}
