/// A policy profile: the parameter values of one region's plan.
///
/// The four built-in profiles carry the numbers of their source documents (see
/// `docs/reference/rules.md`, "Parameters"). A profile file may `extends:` one of them and
/// override any key; a scenario's `rules:` map overrides again.
///
/// ```swift
/// let heze = Profile.builtIn("heze-city")!
/// heze.parameters.int("T1.total")   // 110
/// ```
public struct Profile: Sendable {
    public var name: String
    public var parameters: Parameters
    /// The source document the profile's own numbers come from.
    public var source: String

    public init(name: String, parameters: Parameters, source: String) {
        self.name = name; self.parameters = parameters; self.source = source
    }

    /// Version of the rule catalogue and built-in profiles; recorded in proofs.
    public static let catalogueVersion = "rules-2024.1"

    public static let builtInNames = ["heze-city", "heze-mudan", "yanggu-county", "jining-city"]

    /// A built-in profile by name.
    public static func builtIn(_ name: String) -> Profile? {
        guard let column = builtInNames.firstIndex(of: name) else { return nil }
        var values: [String: ParameterValue] = [:]
        for (key, row) in table {
            let kind = Parameters.definition(key)?.kind ?? .integer
            let text = row[column]
            values[key] = kind == .percent ? .percent(ExactPercent(text)!) : .integer(Int(text)!)
        }
        return Profile(name: name, parameters: Parameters(values: values), source: sources[column])
    }

    private static let sources = [
        "菏卫发〔2024〕2号 附件3 §一",
        "菏区卫发〔2024〕50号 附件3 §一, §二",
        "阳卫发〔2024〕3号 §三(三)10",
        "济政办字〔2024〕33号 §二(一)3",
    ]

    /// rules.md, "Parameters": key → heze-city, heze-mudan, yanggu-county, jining-city.
    private static let table: [(String, [String])] = [
        ("REGION.total", ["800", "120", "100", "1000"]),
        ("T1.team-size", ["6", "6", "6", "6"]),
        ("T1.quota", ["1.2", "1.2", "1.2", "1.2"]),
        ("T1.total", ["110", "0", "0", "0"]),
        ("T1.duration-months", ["12", "12", "12", "12"]),
        ("T1.3331.visits-per-month", ["3", "3", "3", "3"]),
        ("T2.team-size", ["5", "5", "5", "5"]),
        ("T2.quota", ["1.6", "1.6", "1.6", "1.6"]),
        ("T2.total", ["340", "45", "25", "0"]),
        ("T2.duration-months", ["12", "12", "12", "12"]),
        ("T3.quota", ["6", "6", "6", "6"]),
        ("T3.total", ["350", "65", "75", "0"]),
        ("T3.total.stationed", ["35", "15", "0", "0"]),
        ("T3.station-population", ["800", "800", "800", "800"]),
        ("T3.station-days-per-week", ["5", "5", "5", "5"]),
        ("T3.station-months", ["6", "6", "6", "6"]),
        ("T3.rounds-per-week", ["2", "2", "2", "2"]),
        ("T3.tech-support-per-week", ["2", "2", "2", "2"]),
        ("TCM.per-week", ["1", "1", "1", "1"]),
        ("posting.max-leave-days", ["20", "20", "20", "20"]),
        ("T3.rounds-visit-weeks", ["2", "2", "2", "2"]),
        ("TCM.centres-per-physician", ["2", "2", "2", "2"]),
        ("T3.part-time-months", ["12", "12", "12", "12"]),
        // Yanggu §三(三)10 counts county-level people sent by county hospitals and
        // township-level people sent by township centres (rules.md, "Readings settled").
        ("totals.by-sender", ["0", "0", "1", "0"]),
        // A team member replaced mid-term by a colleague of the same sender keeps the team's
        // year (rules.md, "Time"; docs/replan-format.md, "Replacement in a posting").
        ("posting.replacement", ["1", "1", "1", "1"]),
    ]
}
