import RotaCore
/// The fixed facts of a region that the generator builds on: its counties and their towns
/// (乡镇、街道), its hospitals with their head counts, and where each county seat lies.
///
/// Everything random in a generated scenario (township head counts, villages, candidates)
/// hangs off these facts; the facts themselves do not depend on the seed. The atlases of the
/// three built-in regions are in `HezeAtlas.swift` and `YangguAtlas.swift`, with the seed
/// document each name comes from.
public struct RegionAtlas: Sendable {
    /// The region's name as a planner says it (菏泽市, 菏泽市牡丹区, 阳谷县).
    public var name: String
    /// The built-in profile the region's plan follows.
    public var profile: String
    public var counties: [AtlasCounty]
    /// City hospitals (tertiary, secondary) and county hospitals, in file order.
    public var hospitals: [AtlasHospital]
    /// How many township centres of a county are TCM-featured, when the atlas does not name them.
    public var tcmFeaturedPerCounty: ClosedRange<Int>
    /// One line each: which seed document gave which names and numbers.
    public var sources: [String]
}

/// A county-level unit (县、区, or 鲁西新区) and its towns.
public struct AtlasCounty: Sendable {
    /// Short ASCII id (`cao`), the prefix of every id inside the county.
    public var id: String
    /// Its name (曹县).
    public var name: String
    /// What its institutions' names start with (曹县, 定陶区).
    public var prefix: String
    /// The county seat, in ten-thousandths of a degree.
    public var seat: GridPoint
    public var towns: [AtlasTown]
}

/// A town, township or sub-district and its health centre.
public struct AtlasTown: Sendable {
    public enum Kind: Sendable {
        /// 街道: served by a community health service centre (社区卫生服务中心), few villages.
        case subdistrict
        /// 镇 or 乡: served by a township health centre (卫生院).
        case town
    }

    /// ASCII slug, unique in its county (`hanji`).
    public var slug: String
    /// The town's own name (韩集镇).
    public var name: String
    public var kind: Kind
    /// The centre's name when the seed document gives it (阳谷县李台中心卫生院); else derived.
    public var centreName: String?
    /// Whether the seed document names the centre as TCM-featured (nil: the generator draws).
    public var tcmFeatured: Bool?

    public init(_ slug: String, _ name: String, _ kind: Kind = .town, centreName: String? = nil, tcmFeatured: Bool? = nil) {
        self.slug = slug; self.name = name; self.kind = kind; self.centreName = centreName; self.tcmFeatured = tcmFeatured
    }

    /// The name without 镇, 乡, 街道 or 回族镇: what its seat village is called after.
    public var stem: String {
        for suffix in ["回族镇", "街道", "镇", "乡"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}

/// A hospital that sends staff (or, for county hospitals, also receives T1 teams).
public struct AtlasHospital: Sendable {
    /// What kind of hospital it is; shapes its candidates' specialties.
    public enum Kind: String, Sendable {
        case general, tcm, maternalChild, psychiatric
    }

    public var id: String
    public var name: String
    public var tier: Tier
    /// The county of a county hospital.
    public var county: String?
    /// 专业技术人员: the denominator of its T1 or T2 quota.
    public var technicalStaff: Int
    public var kind: Kind
    public var location: GridPoint
}

/// A latitude/longitude in ten-thousandths of a degree (about 11 m), so that positions are
/// drawn and written in integers and never depend on floating-point printing.
public struct GridPoint: Hashable, Sendable {
    public var lat: Int
    public var lon: Int
    public init(lat: Int, lon: Int) { self.lat = lat; self.lon = lon }

    public func offset(lat dLat: Int, lon dLon: Int) -> GridPoint { GridPoint(lat: lat + dLat, lon: lon + dLon) }
    public var location: Location { Location(lat: Double(lat) / 10_000, lon: Double(lon) / 10_000) }
}
