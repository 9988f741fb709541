import Foundation
import RotaCore

/// Reads a scenario file (and the staff CSV or profile file it names) into a `Scenario`.
///
/// The format is `docs/reference/scenario.md` ("Scenario format" in `docs/scenario-format.md`).
/// Reading never stops at the first problem: every problem in the scenario, its staff file and
/// its profile file is collected, and if there is any the input is refused with all of them in
/// one `InputError`, sorted by file and line.
///
/// ```swift
/// do {
///     let scenario = try ScenarioReader.read(path: "heze.yaml")
///     print(scenario.institutions.count, scenario.warnings)
/// } catch {
///     print(error)   // heze.yaml:41: institutions[3].tier: unknown tier "tertary" (expected …)
/// }
/// ```
public enum ScenarioReader {
    static let topLevelFields = ["name", "profile", "period", "calendar", "rules", "counties",
                                 "institutions", "staff", "links", "objective"]

    /// Reads and checks the scenario file at `path`; throws `InputError` listing every problem.
    ///
    /// Files the scenario names are resolved relative to the scenario file's directory.
    public static func read(path: String) throws(InputError) -> Scenario {
        if ScenarioWorkbook.isWorkbook(path: path) { return try ScenarioWorkbook.read(path: path) }
        let text: String
        switch TextDecoding.readFile(atPath: path) {
        case .text(let decoded, _):
            text = decoded
        case .unreadable(let reason):
            throw InputError([SourcePlace(file: path, line: 0, path: "document").problem("cannot read the scenario file: \(reason)")])
        case .undecodable(let offset, let line):
            throw InputError([SourcePlace(file: path, line: line, path: "document")
                .problem(TextDecoding.undecodableMessage(byteOffset: offset))])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try read(yaml: text, fileName: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Reads and checks a scenario given as text.
    ///
    /// - Parameters:
    ///   - yaml: the scenario file's text.
    ///   - fileName: the file's name as messages should show it.
    ///   - baseDirectory: where the staff CSV and profile paths it names are resolved.
    public static func read(yaml: String, fileName: String, baseDirectory: String) throws(InputError) -> Scenario {
        try read(yaml: yaml, fileName: fileName, baseDirectory: baseDirectory, log: DiagnosticLog())
    }

    /// Reads a scenario given as text into `log` (which may already hold problems), with
    /// leave from elsewhere (a workbook's calendar sheet) added to the staff it names.
    static func read(yaml: String, fileName: String, baseDirectory: String, log: DiagnosticLog,
                     extraLeave: [(person: Located<String>, range: Located<DayRange>)] = []) throws(InputError) -> Scenario {
        let files = ReferencedFiles(scenarioName: fileName, baseDirectory: baseDirectory)
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        guard let root = YAMLDocument.parse(text, file: fileName, log: log),
              let fields = root.fields(log, expected: "a mapping with \(Quote.list(topLevelFields))") else {
            throw InputError(log.diagnostics)
        }
        if let scenario = ScenarioAssembly(fields: fields, files: files, log: log, extraLeave: extraLeave).read(), log.isEmpty {
            return scenario
        }
        throw InputError(log.diagnostics)
    }
}

/// Reads the top-level fields of a scenario and puts the checked `Scenario` together.
struct ScenarioAssembly {
    let fields: YAMLFields
    let files: ReferencedFiles
    let log: DiagnosticLog
    /// Leave written apart from the staff list (a workbook's 日历 sheet), by person id.
    var extraLeave: [(person: Located<String>, range: Located<DayRange>)] = []

    /// The scenario, or nil when any problem was logged.
    func read() -> Scenario? {
        fields.rejectUnknown(allowed: ScenarioReader.topLevelFields, log: log)

        let name = fields.required("name", log: log)?.text(log)
        let baseProfile = fields.required("profile", log: log).flatMap { ProfileFile.resolve($0, files: files, log: log) }
        let period = readPeriod()
        let calendar = readCalendar(period: period)
        let overrides = fields["rules"].map { RuleValues.read($0, log: log) } ?? []
        let counties = readCounties()
        let institutionList = fields.required("institutions", log: log)?
            .elements(log, expected: "a list of institutions")
        let institutions = InstitutionFields.read(list: institutionList ?? [], log: log)
        let staff = StaffFields.resolvingNames(addingExtraLeave(to: readStaff()), institutions: institutions)
        let links = readLinks()
        let objective = fields["objective"].map { ObjectiveValues.read($0, log: log) } ?? ObjectiveSettings()

        ScenarioReferences(counties: counties?.list.map(\.id), countiesComplete: counties?.complete ?? true,
                           institutions: institutions, staff: staff,
                           links: links.map { ($0.from, $0.to) }).check(log: log)

        guard log.isEmpty, let name, let baseProfile, let period else { return nil }

        var parameters = baseProfile.parameters
        for (key, value) in overrides { parameters.set(key, value) }

        let builtInstitutions = institutions.compactMap(\.institution)
        let countyList: [County]
        if let counties {
            countyList = counties.list.map { County(id: $0.id.value, name: $0.name) }
        } else {
            countyList = Set(builtInstitutions.compactMap(\.county)).sorted().map { County(id: $0, name: $0) }
        }
        let members = staff.compactMap { entry -> StaffMember? in
            guard let id = entry.id, let name = entry.name, let institution = entry.institution,
                  let role = entry.role else { return nil }
            return StaffMember(id: id.value, name: name, institution: institution.value, role: role,
                               specialty: entry.specialty, title: entry.title, hometown: entry.hometown?.value,
                               unavailable: entry.unavailable.compactMap { $0.value.clipped(to: period) },
                               line: entry.place.line)
        }
        let linkList = links.compactMap { link -> Link? in
            guard let from = link.from, let to = link.to else { return nil }
            return Link(from: from.value, to: to.value)
        }
        var scenario = Scenario(name: name, profile: baseProfile.name, parameters: parameters, period: period,
                                calendar: calendar, counties: countyList, institutions: builtInstitutions,
                                staff: members, links: linkList, warnings: log.warnings.map(\.description))
        scenario.objective = objective
        return scenario
    }

    /// `period: {start: …, end: …}`.
    func readPeriod() -> DayRange? {
        guard let fields = fields.required("period", log: log)?
            .fields(log, expected: "a period {start: YYYY-MM-DD, end: YYYY-MM-DD}") else { return nil }
        fields.rejectUnknown(allowed: ["start", "end"], log: log)
        let start = fields.required("start", log: log)?.day(log)
        let end = fields.required("end", log: log)?.day(log)
        guard let start, let end else { return nil }
        guard start <= end else {
            log.add(fields.place(of: "end"), "the period ends on \(end.iso), before it starts on \(start.iso)",
                    expected: "end on or after start")
            return nil
        }
        return DayRange(from: start, to: end)
    }

    /// `calendar: {holidays: […], workdays: […]}`: days outside the period are dropped with a
    /// warning; both lists come out sorted without repeats.
    func readCalendar(period: DayRange?) -> WorkCalendar {
        guard let node = fields["calendar"],
              let fields = node.fields(log, expected: "a calendar {holidays: […], workdays: […]}") else { return WorkCalendar() }
        fields.rejectUnknown(allowed: ["holidays", "workdays"], log: log)

        func days(_ key: String) -> [Located<Day>] {
            guard let list = fields[key]?.elements(log, expected: "a list of dates YYYY-MM-DD") else { return [] }
            var out: [Located<Day>] = []
            for item in list {
                guard let day = item.day(log) else { continue }
                if let period, !period.contains(day) {
                    log.warn(item.place, "\(day.iso) is outside the period \(period); ignored")
                    continue
                }
                out.append(Located(value: day, place: item.place))
            }
            return out
        }
        let holidays = days("holidays")
        let workdays = days("workdays")
        let holidaySet = Set(holidays.map(\.value))
        for workday in workdays where holidaySet.contains(workday.value) {
            log.add(workday.place, "\(workday.value.iso) is listed both as a holiday and as a working day",
                    expected: "each day in at most one of holidays, workdays")
        }
        return WorkCalendar(holidays: Array(holidaySet).sorted(),
                            workdays: Array(Set(workdays.map(\.value))).sorted())
    }

    /// `counties: [{id, name}]`; nil when the list is omitted or empty (a county id then names
    /// itself). `complete` is false when an entry could not be read, so references to counties
    /// are not checked against a list known to be partial.
    func readCounties() -> (list: [(id: Located<String>, name: String)], complete: Bool)? {
        guard let list = fields["counties"]?.elements(log, expected: "a list of counties {id: …, name: …}"),
              !list.isEmpty else { return nil }
        var out: [(id: Located<String>, name: String)] = []
        var complete = true
        for item in list {
            guard let fields = item.fields(log, expected: "a county {id: …, name: …}") else { complete = false; continue }
            fields.rejectUnknown(allowed: ["id", "name"], log: log)
            guard let idNode = fields.required("id", log: log), let id = idNode.text(log) else { complete = false; continue }
            let name = fields["name"].flatMap { $0.text(log) } ?? id
            out.append((Located(value: id, place: idNode.place), name))
        }
        return (out, complete)
    }

    /// `staff:` — a list, or the path of a staff CSV file.
    func readStaff() -> [StaffEntry] {
        guard let node = fields.required("staff", log: log) else { return [] }
        if case .sequence = node.node, let list = node.elements(log, expected: "") {
            return StaffFields.read(list: list, log: log)
        }
        let expected = "a list of staff, or the path of a staff CSV file"
        guard node.node.scalar != nil else {
            node.wrongKind(log, expected: expected)
            return []
        }
        guard let path = node.text(log, expected: expected) else { return [] }
        let shown = files.displayPath(path)
        if path.lowercased().hasSuffix(".xlsx") {
            guard let data = FileManager.default.contents(atPath: files.openPath(path)) else {
                log.add(node.place, "cannot read staff file \(Quote.text(shown))", expected: expected)
                return []
            }
            do {
                // A workbook with a sheet named 人员 (a filled `rota template`) has its staff
                // there; any other workbook, on its first sheet.
                let sheets = try XLSXSheet.readAll(data: data)
                let staffSheet = ScenarioWorkbookLayout.staff.name
                if var named = sheets.first(where: { $0.name == staffSheet })?.sheet {
                    named.rows.removeAll { ScenarioWorkbookLayout.isExample(firstCell: $0.cells.first ?? "") }
                    return StaffCSV.read(sheet: named, file: shown, log: log, cellPrefix: "\(staffSheet)!")
                }
                return StaffCSV.read(sheet: sheets[0].sheet, file: shown, log: log)
            } catch {
                log.add(SourcePlace(file: shown, line: 0, path: "document"), error.reason,
                        expected: "an Excel workbook (.xlsx) whose sheet 人员, or else first sheet, is the staff list")
                return []
            }
        }
        switch TextDecoding.readFile(atPath: files.openPath(path)) {
        case .unreadable(let reason):
            log.add(node.place, "cannot read staff file \(Quote.text(shown)): \(reason)", expected: expected)
            return []
        case .undecodable(let offset, let line):
            log.add(SourcePlace(file: shown, line: line, path: "document"),
                    TextDecoding.undecodableMessage(byteOffset: offset))
            return []
        case .text(let text, _):
            return StaffCSV.read(text, file: shown, log: log)
        }
    }

    /// The staff with `extraLeave` added to each person's own; leave of an id the list does
    /// not have is a problem where it is written.
    func addingExtraLeave(to staff: [StaffEntry]) -> [StaffEntry] {
        guard !extraLeave.isEmpty else { return staff }
        var staff = staff
        var index: [String: Int] = [:]
        for (i, entry) in staff.enumerated() { if let id = entry.id?.value, index[id] == nil { index[id] = i } }
        for leave in extraLeave {
            guard let i = index[leave.person.value] else {
                log.add(leave.person.place, "unknown staff id \(Quote.text(leave.person.value))"
                        + Suggestion.note(leave.person.value, among: staff.compactMap { $0.id?.value }),
                        expected: "the id of a person in the staff list")
                continue
            }
            staff[i].unavailable.append(leave.range)
        }
        return staff
    }

    /// `links: [{from, to}]`.
    func readLinks() -> [(from: Located<String>?, to: Located<String>?)] {
        guard let list = fields["links"]?.elements(log, expected: "a list of links {from: …, to: …}") else { return [] }
        var out: [(from: Located<String>?, to: Located<String>?)] = []
        for item in list {
            guard let fields = item.fields(log, expected: "a link {from: …, to: …}") else { continue }
            fields.rejectUnknown(allowed: ["from", "to"], log: log)
            func end(_ key: String) -> Located<String>? {
                guard let node = fields.required(key, log: log), let id = node.text(log) else { return nil }
                return Located(value: id, place: node.place)
            }
            out.append((end("from"), end("to")))
        }
        return out
    }
}
