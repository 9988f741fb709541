import RotaCore

/// Reads a change file (`CHANGES.yaml`): the events a re-plan absorbs, checked against the
/// scenario they amend.
///
/// Each entry of `changes:` names its kind by its first key, written as a planner would say
/// it (docs/replan-format.md):
///
/// ```yaml
/// changes:
///   - absence: hzm-0123          # who
///     from: 2025-07-01
///     to: 2025-09-30
///     reason: sick leave
///   - departure: hzm-0456
///     date: 2025-08-15
///     reason: resigned
/// ```
///
/// Every problem is reported as `file:line: path: what is wrong (expected …)`: an unknown
/// person, institution or village, a date outside the period or before the re-plan date
/// (the past is frozen), a new candidate whose id is taken, a field that is not one of the kind's.
public enum ChangeFileReader {
    static let kinds = ["absence", "departure", "new-candidate", "head-count", "village"]
    static let fieldsOf: [String: [String]] = [
        "absence": ["absence", "from", "to", "reason"],
        "departure": ["departure", "date", "reason"],
        "new-candidate": ["new-candidate", "name", "institution", "role", "specialty", "title", "hometown", "available", "reason"],
        "head-count": ["head-count", "technical-staff", "medical-staff", "reason"],
        "village": ["village", "population", "village-doctor", "integrated", "licensed-physician", "reason"],
    ]

    /// Reads the change file at `path`; `from` is the re-plan date (no event may start before it).
    public static func read(path: String, scenario: Scenario, from: Day) throws(InputError) -> ChangeSet {
        switch TextDecoding.readFile(atPath: path) {
        case .text(let text, _):
            return try read(yaml: text, fileName: path, scenario: scenario, from: from)
        case .unreadable(let reason):
            throw InputError([SourcePlace(file: path, line: 0, path: "document").problem("cannot read the change file: \(reason)")])
        case .undecodable(let offset, let line):
            throw InputError([SourcePlace(file: path, line: line, path: "document").problem(TextDecoding.undecodableMessage(byteOffset: offset))])
        }
    }

    /// Reads a change file given as text.
    public static func read(yaml: String, fileName: String, scenario: Scenario, from: Day) throws(InputError) -> ChangeSet {
        let log = DiagnosticLog()
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        guard let root = YAMLDocument.parse(text, file: fileName, log: log),
              let fields = root.fields(log, expected: "a mapping with \"changes\"") else {
            throw InputError(log.diagnostics)
        }
        fields.rejectUnknown(allowed: ["changes"], log: log)
        var events: [ChangeEvent] = []
        if let list = fields.required("changes", log: log, note: "a list of events: \(Quote.list(kinds))")?
            .elements(log, expected: "a list of events: \(Quote.list(kinds))") {
            let context = Context(scenario: scenario, from: from, log: log)
            for item in list {
                if let e = context.event(item) {
                    if case .newCandidate(let m, _) = e.kind { context.newIds.insert(m.id) }
                    events.append(e)
                }
            }
        }
        guard log.isEmpty else { throw InputError(log.diagnostics) }
        return ChangeSet(events: events)
    }

    final class Context {
        let scenario: Scenario
        let from: Day
        let log: DiagnosticLog
        let staff: [String: StaffMember]
        let institutions: [String: Institution]
        var newIds: Set<String> = []

        init(scenario: Scenario, from: Day, log: DiagnosticLog) {
            self.scenario = scenario; self.from = from; self.log = log
            staff = scenario.staffIndex(); institutions = scenario.institutionIndex()
        }

        func event(_ item: YAMLValue) -> ChangeEvent? {
            guard let f = item.fields(log, expected: "an event: a mapping whose first key is one of \(Quote.list(ChangeFileReader.kinds))") else { return nil }
            let named = f.entries.filter { ChangeFileReader.kinds.contains($0.key) }
            guard named.count == 1, let kind = named.first?.key else {
                log.add(item.place, named.isEmpty ? "does not say what happened" : "names \(named.count) kinds of event (\(named.map(\.key).joined(separator: ", ")))",
                        expected: "exactly one of \(Quote.list(ChangeFileReader.kinds))")
                return nil
            }
            let before = log.diagnostics.count
            f.rejectUnknown(allowed: ChangeFileReader.fieldsOf[kind]!, log: log)
            let reason = f["reason"]?.text(log, expected: "the reason, in words") ?? ""
            let source = "\(item.place.file):\(item.line)"
            var result: ChangeEvent.Kind?
            switch kind {
            case "absence":
                let person = self.person(f, "absence")
                let start = f.required("from", log: log)?.day(log), end = f.required("to", log: log)?.day(log)
                if let start, let end {
                    if start > end { log.add(f.place(of: "to"), "\(end.iso) is before from \(start.iso)", expected: "to on or after from") }
                    else if checkDay(start, f.place(of: "from")), checkDay(end, f.place(of: "to")), let person {
                        result = .absence(person: person, DayRange(from: start, to: end))
                    }
                }
            case "departure":
                let person = self.person(f, "departure")
                if let date = f.required("date", log: log)?.day(log), checkDay(date, f.place(of: "date")), let person {
                    result = .departure(person: person, date)
                }
            case "new-candidate":
                result = newCandidate(f, line: item.line)
            case "head-count":
                let id = institution(f, "head-count") { $0.tier != .village }
                let technical = f["technical-staff"]?.wholeNumber(log, minimum: 1, expected: "the number of professional technical staff (专业技术人员), 1 or more")
                let medical = f["medical-staff"]?.wholeNumber(log, minimum: 1, expected: "the number of medical staff, 1 or more")
                if technical == nil, medical == nil, !f.has("technical-staff"), !f.has("medical-staff") {
                    log.add(item.place, "gives no head count", expected: "technical-staff, medical-staff or both")
                }
                if let id, technical != nil || medical != nil { result = .headCount(institution: id, technicalStaff: technical, medicalStaff: medical) }
            case "village":
                let id = institution(f, "village") { $0.tier == .village }
                var facts = VillageFacts()
                facts.population = f["population"]?.wholeNumber(log, minimum: 0, expected: "the village's population, 0 or more")
                facts.villageDoctor = f["village-doctor"]?.flag(log)
                facts.integrated = f["integrated"]?.flag(log)
                facts.licensedPhysician = f["licensed-physician"]?.flag(log)
                if facts == VillageFacts(), log.diagnostics.count == before {
                    log.add(item.place, "gives no fact that changed", expected: "population, village-doctor, integrated or licensed-physician")
                }
                if let id, facts != VillageFacts() { result = .village(id, facts) }
            default:
                break
            }
            guard let result, log.diagnostics.count == before else { return nil }
            return ChangeEvent(kind: result, reason: reason, source: source)
        }

        /// The day is inside the period and not before the re-plan date.
        func checkDay(_ d: Day, _ place: SourcePlace) -> Bool {
            guard scenario.period.contains(d) else {
                log.add(place, "\(d.iso) is outside the period \(scenario.period)", expected: "a day from \(scenario.period.from.iso) to \(scenario.period.to.iso)")
                return false
            }
            guard d >= from else {
                log.add(place, "\(d.iso) is before the re-plan date \(from.iso); the past is frozen as served", expected: "a day on or after \(from.iso)")
                return false
            }
            return true
        }

        func person(_ f: YAMLFields, _ key: String) -> String? {
            guard let node = f.required(key, log: log), let id = node.text(log, expected: "a staff id of the scenario") else { return nil }
            guard staff[id] != nil || newIds.contains(id) else {
                log.add(node.place, "no staff member \(Quote.text(id)) in the scenario", expected: "a staff id of the scenario")
                return nil
            }
            return id
        }

        func institution(_ f: YAMLFields, _ key: String, where ok: (Institution) -> Bool) -> String? {
            let what = key == "village" ? "a village id of the scenario" : "a hospital or township centre id of the scenario"
            guard let node = f.required(key, log: log), let id = node.text(log, expected: what) else { return nil }
            guard let h = institutions[id], ok(h) else {
                log.add(node.place, institutions[id] == nil ? "no institution \(Quote.text(id)) in the scenario" : "\(Quote.text(id)) is a \(institutions[id]!.tier.rawValue)", expected: what)
                return nil
            }
            return id
        }

        func newCandidate(_ f: YAMLFields, line: Int) -> ChangeEvent.Kind? {
            let idNode = f.required("new-candidate", log: log)
            var id = idNode?.text(log, expected: "the new candidate's staff id")
            if let i = id, let node = idNode {
                if staff[i] != nil || newIds.contains(i) {
                    log.add(node.place, "staff id \(Quote.text(i)) is already taken", expected: "a new staff id"); id = nil
                } else if let problem = IdSpelling.problem(i) {
                    log.add(node.place, problem, expected: "a new staff id"); id = nil
                }
            }
            let name = f.required("name", log: log)?.text(log, expected: "the candidate's name")
            let institution = self.institution(f, "institution") { $0.tier != .village }
            var role: Role?
            if let node = f.required("role", log: log), let text = node.text(log, expected: Quote.list(StaffFields.roles)) {
                role = StaffFields.role(Located(value: text, place: node.place), log: log)
            }
            var title: Title?
            if let node = f["title"], let text = node.text(log, expected: Quote.list(StaffFields.titles)) {
                title = StaffFields.title(Located(value: text, place: node.place), log: log)
            }
            let specialty = f["specialty"]?.text(log, expected: "a specialty")
            var hometown: String?
            if let node = f["hometown"], let v = node.text(log, expected: "a village id of the scenario") {
                if institutions[v]?.tier == .village { hometown = v }
                else { log.add(node.place, "no village \(Quote.text(v)) in the scenario", expected: "a village id of the scenario") }
            }
            var available = from
            if let node = f["available"], let d = node.day(log) {
                if checkDay(d, node.place) { available = d }
            }
            guard let id, let name, let institution, let role else { return nil }
            let member = StaffMember(id: id, name: name, institution: institution, role: role, specialty: specialty,
                                     title: title, hometown: hometown, line: line)
            return .newCandidate(member, available: available)
        }
    }
}
