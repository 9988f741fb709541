import RotaCore
/// One staff member as read from the scenario's list or its CSV file, before references are checked.
///
/// Fields that could not be read are nil (their problem is already logged). Ids that name
/// institutions keep their place so a wrong reference is reported where it is written.
struct StaffEntry {
    /// `staff[i]` on the line the entry starts.
    var place: SourcePlace
    var id: Located<String>?
    var name: String?
    var institution: Located<String>?
    var role: Role?
    var specialty: String?
    var title: Title?
    var hometown: Located<String>?
    /// Leave as written (not yet clipped to the period).
    var unavailable: [Located<DayRange>]
    /// Whether every field was read without a problem.
    var isComplete: Bool
}

/// The staff fields of the format, shared by the YAML list and the CSV file.
enum StaffFields {
    static let all = ["id", "name", "institution", "role", "specialty", "title", "hometown", "unavailable"]
    static let required = ["id", "name", "institution", "role"]

    static let roles = Role.allCases.map(\.rawValue)
    static let titles = Title.allCases.map(\.rawValue)

    /// A role from its text, or nil with a diagnostic.
    static func role(_ text: Located<String>, log: DiagnosticLog) -> Role? {
        if let role = StaffVocabulary.role(text.value) { return role }
        log.add(text.place, "unknown role \(Quote.text(text.value))",
                expected: "\(Quote.list(roles)) or 医师, 护士, 药师, 技师")
        return nil
    }

    /// A title from its text, or nil with a diagnostic.
    static func title(_ text: Located<String>, log: DiagnosticLog) -> Title? {
        if let title = StaffVocabulary.title(text.value) { return title }
        log.add(text.place, "unknown title \(Quote.text(text.value))",
                expected: "\(Quote.list(titles)) or 主任医师, 副主任医师, 主治医师, 医师 (and the 护/药/技 titles)")
        return nil
    }

    /// Reads the staff list of a scenario file.
    static func read(list: [YAMLValue], log: DiagnosticLog) -> [StaffEntry] {
        list.compactMap { read(entry: $0, log: log) }
    }

    /// Reads one `staff:` list entry.
    static func read(entry value: YAMLValue, log: DiagnosticLog) -> StaffEntry? {
        guard let fields = value.fields(log, expected: "a staff member: a mapping with \(Quote.list(required))") else { return nil }
        let before = log.diagnostics.count
        fields.rejectUnknown(allowed: all, log: log)

        func text(_ key: String, required: Bool) -> Located<String>? {
            let node = required ? fields.required(key, log: log) : fields[key]
            guard let node, let value = node.text(log) else { return nil }
            return Located(value: value, place: node.place)
        }
        let id = text("id", required: true)
        let name = text("name", required: true)
        let institution = text("institution", required: true)
        let role = text("role", required: true).flatMap { self.role($0, log: log) }
        let specialty = text("specialty", required: false)
        let title = text("title", required: false).flatMap { self.title($0, log: log) }
        let hometown = text("hometown", required: false)

        var leave: [Located<DayRange>] = []
        if let list = fields["unavailable"]?.elements(log, expected: "a list of leave ranges {from: …, to: …}") {
            for item in list {
                if item.node.scalar != nil {
                    // rota addition: a leave range may be written as in the CSV file.
                    guard let text = item.text(log, expected: LeaveText.expected) else { continue }
                    if let range = LeaveText.range(text, place: item.place, log: log) {
                        leave.append(Located(value: range, place: item.place))
                    }
                } else if let range = leaveRange(item, log: log) {
                    leave.append(Located(value: range, place: item.place))
                }
            }
        }
        return StaffEntry(place: value.place, id: id, name: name?.value, institution: institution, role: role,
                          specialty: specialty.map { StaffVocabulary.specialty($0.value) }, title: title, hometown: hometown, unavailable: leave,
                          isComplete: log.diagnostics.count == before)
    }

    /// A `{from: …, to: …}` leave range.
    static func leaveRange(_ value: YAMLValue, log: DiagnosticLog) -> DayRange? {
        guard let fields = value.fields(log, expected: LeaveText.expected) else { return nil }
        fields.rejectUnknown(allowed: ["from", "to"], log: log)
        let from = fields.required("from", log: log)?.day(log)
        let to = fields.required("to", log: log)?.day(log)
        guard let from, let to else { return nil }
        guard from <= to else {
            log.add(value.place, "from \(from.iso) is after to \(to.iso)", expected: "from on or before to")
            return nil
        }
        return DayRange(from: from, to: to)
    }

    /// The staff with an institution or hometown written by its name (菏泽市立医院, as staff
    /// lists write it) replaced by the id of the one institution of that name. Ids win over
    /// names; a name two institutions share is left as written (and reported as unknown).
    static func resolvingNames(_ staff: [StaffEntry], institutions: [InstitutionEntry]) -> [StaffEntry] {
        let ids = Set(institutions.compactMap { $0.id?.value })
        var byName: [String: String?] = [:]
        // Entries with a problem count too, so a staff list naming a hospital whose row is
        // wrong does not get a second, misleading "unknown institution" for every person.
        for entry in institutions {
            guard let name = entry.name, let id = entry.id?.value else { continue }
            byName[name] = byName[name] == nil ? id : .some(nil)
        }
        func resolve(_ reference: Located<String>?) -> Located<String>? {
            guard let reference, !ids.contains(reference.value),
                  let found = byName[reference.value], let id = found else { return reference }
            return Located(value: id, place: reference.place)
        }
        return staff.map { entry in
            var entry = entry
            entry.institution = resolve(entry.institution)
            entry.hometown = resolve(entry.hometown)
            return entry
        }
    }
}
