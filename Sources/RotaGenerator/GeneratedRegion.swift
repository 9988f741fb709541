import RotaCore
/// The regions `rota generate` can build, each with its atlas and its policy profile.
///
/// ```swift
/// GeneratedRegion(rawValue: "heze-city")?.yamlFileName   // "heze-city-2025.yaml"
/// ```
public enum GeneratedRegion: String, CaseIterable, Sendable {
    /// All of Heze (菏泽市): 9 counties and districts plus 鲁西新区; profile heze-city.
    case hezeCity = "heze-city"
    /// Heze's Mudan district (牡丹区) on its own; profile heze-mudan.
    case hezeMudan = "heze-mudan"
    /// Yanggu county (阳谷县, Liaocheng); profile yanggu-county.
    case yangguCounty = "yanggu-county"

    /// The year the scenarios plan (its official holiday notice is built in).
    public static let year = 2025

    /// The region's fixed facts.
    public var atlas: RegionAtlas {
        switch self {
        case .hezeCity: return HezeAtlas.city
        case .hezeMudan: return HezeAtlas.mudan
        case .yangguCounty: return YangguAtlas.county
        }
    }

    /// The scenario's `name:` (`heze-city-2025`).
    public var scenarioName: String { "\(rawValue)-\(Self.year)" }
    public var yamlFileName: String { scenarioName + ".yaml" }
    public var csvFileName: String { scenarioName + "-staff.csv" }

    /// The region names, comma-separated, for messages.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
