import RotaCore
import RotaVerifier
/// The labels and short codes the human-facing outputs print for activities, roles and half-days.
///
/// The short codes and English labels of rota activities are for calendars and legends.
///
/// `chineseLabel` (on `RotaActivity`) names an activity in the grid and calendars; the
/// report page pairs it with `englishLabel` (`派驻 Stationing`) and marks calendar cells
/// with `code`, one ASCII letter per activity, explained by the page's legend. Codes are
/// stable: they are also the CSS class names of calendar cells.
///
/// ```swift
/// RotaActivity.station.code            // "S"
/// RotaActivity.station.bilingualLabel  // "派驻 Stationing"
/// ```
extension RotaActivity {
    /// One ASCII capital letter, unique per activity.
    public var code: String {
        switch self {
        case .posting: return "P"
        case .rounds3331: return "W"
        case .teaching3331: return "E"
        case .lecture3331: return "L"
        case .station: return "S"
        case .rounds: return "R"
        case .techSupport: return "T"
        case .tcmClinic: return "C"
        }
    }

    /// The English name used beside the Chinese label.
    public var englishLabel: String {
        switch self {
        case .posting: return "Posting"
        case .rounds3331: return "3331 rounds"
        case .teaching3331: return "3331 teaching"
        case .lecture3331: return "3331 lecture"
        case .station: return "Stationing"
        case .rounds: return "Rounds"
        case .techSupport: return "Technical support"
        case .tcmClinic: return "TCM clinic"
        }
    }

    /// `chineseLabel` and `englishLabel`, e.g. `派驻 Stationing`.
    public var bilingualLabel: String { "\(chineseLabel) \(englishLabel)" }

    /// Position in `allCases`, for ordering activities the same way everywhere.
    var outputRank: Int { RotaActivity.allCases.firstIndex(of: self) ?? 0 }
}

/// Chinese names of staff roles, half-days and institution tiers, as the human-facing outputs print them.
///
/// ```swift
/// Role.nurse.chineseLabel    // "护士"
/// HalfDay.pm.chineseLabel    // "下午"
/// ```
extension Role {
    /// 医师, 护士, 药师, 技师.
    public var chineseLabel: String {
        switch self {
        case .doctor: return "医师"
        case .nurse: return "护士"
        case .pharmacist: return "药师"
        case .technician: return "技师"
        }
    }
}

extension Tier {
    /// 三级医院, 二级医院, 县级医院, 乡镇卫生院, 村卫生室.
    public var chineseLabel: String {
        switch self {
        case .tertiary: return "三级医院"
        case .secondary: return "二级医院"
        case .county: return "县级医院"
        case .township: return "乡镇卫生院"
        case .village: return "村卫生室"
        }
    }
}
