import Foundation
import Testing
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

/// A fresh temporary directory for one test's fixture files.
struct FixtureDirectory {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("rota-reader-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8 to `name` inside the directory and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name` inside the directory and returns the full path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = (path as NSString).appendingPathComponent(name)
        let dir = (full as NSString).deletingLastPathComponent
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)))
        return full
    }

    /// Reads a scenario given as text, with this directory as its base.
    func read(_ yaml: String, fileName: String = "heze.yaml") throws(InputError) -> Scenario {
        try ScenarioReader.read(yaml: yaml, fileName: fileName, baseDirectory: path)
    }

    /// The printed diagnostics of a scenario that must be refused (empty when it was accepted).
    func problems(_ yaml: String, fileName: String = "heze.yaml") -> [String] {
        do {
            _ = try read(yaml, fileName: fileName)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}

/// The example of `shared/spec/scenario.md`, exactly as written there.
let specExample = """
name: heze-mini-2025
profile: heze-city              # built-in: heze-city | heze-mudan | yanggu-county | jining-city,
                                # or a path (relative to this file) to a profile YAML file
period: {start: 2025-01-01, end: 2025-12-31}
calendar:
  holidays: [2025-01-01, 2025-01-28, 2025-01-29]   # days off that would otherwise be working days
  workdays: [2025-01-26, 2025-02-08]               # weekend days that are working days (调休)
rules:                          # optional: override a profile parameter (keys: rules.md, Parameters)
  T1.team-size: 6
  T3.total.stationed: 35
  REGION.total: 800
counties:
  - {id: cao, name: 曹县}
institutions:
  - {id: hz-municipal, name: 菏泽市立医院, tier: tertiary, technicalStaff: 3520}
  - {id: hz-second, name: 菏泽市第二人民医院, tier: secondary, technicalStaff: 900}
  - {id: cao-people, name: 曹县人民医院, tier: county, county: cao, technicalStaff: 1210}
  - id: cao-hanji
    name: 曹县韩集镇卫生院
    tier: township
    county: cao
    medicalStaff: 64            # 医务人员: denominator of T3.quota
    tcmFeatured: true           # 中医特色卫生院: TCM.weekly applies
  - id: cao-hanji-v01
    name: 韩集镇李庄村卫生室
    tier: village
    county: cao
    township: cao-hanji
    population: 1320            # administrative village population served
    villageDoctor: false        # a village doctor works there
    integrated: true            # covered by an integrated (一体化) village clinic
    licensedPhysician: false    # a licensed (assistant) physician practises there
    central: false              # central village clinic (中心村卫生室): may host a 3331 workstation
    serviceArea: cao-hanji-a1   # family-doctor-team service area, the unit of T3.rounds
    location: {lat: 34.83, lon: 115.55}   # optional on every institution
staff:                          # candidates the hospitals nominate; a list, or a path to a CSV file
  - id: hzm-0001                # with these same column names (list fields ';'-separated)
    name: 张伟
    institution: hz-municipal
    role: doctor                # doctor | nurse | pharmacist | technician
    specialty: internal         # general | internal | tcm | surgery | pediatrics | … (free text kept)
    title: senior               # junior | intermediate | associate-senior | senior
    hometown: cao-hanji-v01     # optional: a village id
    unavailable:                # optional, inclusive date ranges of leave
      - {from: 2025-03-01, to: 2025-03-14}
links:                          # optional: pairings of earlier years, kept where possible
  - {from: hz-municipal, to: cao-people}

"""

/// A small valid scenario whose staff section is given by the caller (a list or a CSV path).
func miniScenario(staff: String, profile: String = "heze-city", extra: String = "") -> String {
    """
    name: mini
    profile: \(profile)
    period: {start: 2025-01-01, end: 2025-12-31}
    institutions:
      - {id: hz-municipal, name: 菏泽市立医院, tier: tertiary, technicalStaff: 3520}
      - {id: cao-people, name: 曹县人民医院, tier: county, county: cao, technicalStaff: 1210}
      - {id: cao-hanji, name: 韩集镇卫生院, tier: township, county: cao, medicalStaff: 64}
      - {id: cao-hanji-v01, name: 李庄村卫生室, tier: village, county: cao, township: cao-hanji, population: 1320}
    staff: \(staff)
    \(extra)
    """
}

/// Day from ISO text, for expectations.
func day(_ iso: String) -> Day { Day(iso: iso)! }
