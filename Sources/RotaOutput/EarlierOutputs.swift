import Foundation
import RotaCore
import RotaVerifier

/// The output folder of an earlier plan, from which a re-plan takes the per-person calendars
/// and per-site sheets whose contents cannot have changed.
///
/// A person's calendar (`PersonCalendar`) is a function of that person's entries, their name,
/// the names of the sites in those entries, the first day the outputs cover and the file's
/// stem; a site's sheet (`SiteRotaCSV`) of the site's entries, each entry's person's name and
/// hospital name, and the stem. Where all of these are the same in the earlier and the new
/// outputs, the earlier file's bytes are the new file's bytes, and a re-plan — which changes a
/// few people's duties out of a city's thousand — need not render them again.
///
/// The earlier files are trusted only as far as they are checked: per kind, the first file
/// that could be taken over is rendered anew and compared with the earlier bytes; if they
/// differ (outputs of another version of rota, or a file edited by hand), that kind is
/// rendered in full. A file that cannot be read is rendered. The result is byte for byte what
/// rendering everything gives.
///
/// ```swift
/// let earlier = EarlierOutputs(rota: pastRota, plan: pastPlan, scenario: original, folder: "out/heze-city-2025")
/// let files = try RotaOutputs.files(rota: rota, plan: plan, scenario: amended, report: report, earlier: earlier)
/// ```
public struct EarlierOutputs: Sendable {
    let context: RotaOutputContext
    let folder: String

    /// The earlier rota, plan and scenario as the earlier folder's files were made from them.
    public init(rota: WeeklyRota, plan: Plan, scenario: Scenario, folder: String) {
        context = RotaOutputContext(rota: rota, plan: plan, scenario: scenario)
        self.folder = folder
    }

    /// The bytes of the earlier folder's file `name`, nil when it cannot be read.
    func read(_ name: String) -> Data? {
        try? Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
    }

    /// Per person of `ctx`, the earlier calendar's file name when its contents cannot differ.
    func calendars(for ctx: RotaOutputContext, stems: [String]) -> [String: String] {
        let earlierStems = Dictionary(uniqueKeysWithValues: zip(context.people, OutputFileName.names(for: context.people)))
        guard context.days.first == ctx.days.first else { return [:] }
        var out: [String: String] = [:]
        for (person, stem) in zip(ctx.people, stems) where earlierStems[person] == stem {
            let now = ctx.entries(of: person)
            guard context.personName(person) == ctx.personName(person), context.entries(of: person).elementsEqual(now),
                  now.allSatisfy({ context.siteName($0.site) == ctx.siteName($0.site) }) else { continue }
            out[person] = "\(PersonCalendar.directory)/\(stem).ics"
        }
        return out
    }

    /// Per site of `ctx`, the earlier sheet's file name when its contents cannot differ.
    func siteSheets(for ctx: RotaOutputContext, stems: [String]) -> [String: String] {
        let earlierStems = Dictionary(uniqueKeysWithValues: zip(context.sites, OutputFileName.names(for: context.sites)))
        var out: [String: String] = [:]
        for (site, stem) in zip(ctx.sites, stems) where earlierStems[site] == stem {
            let now = ctx.siteEntries[site] ?? []
            guard (context.siteEntries[site] ?? []) == now,
                  now.allSatisfy({ context.personName($0.person) == ctx.personName($0.person)
                                   && context.hospitalName(ofPerson: $0.person) == ctx.hospitalName(ofPerson: $0.person) }) else { continue }
            out[site] = "\(SiteRotaCSV.directory)/\(stem).csv"
        }
        return out
    }

    /// `keys` rendered by `render`, each taken from the earlier file named in `reusable` when
    /// it can be read — once the first such file, rendered anew, proved byte for byte the same.
    func files(_ keys: [String], stems: [String], reusable: [String: String], directory: String, ext: String,
               render: (String) -> Data) -> [(name: String, data: Data)] {
        var trusted: Bool?
        return zip(keys, stems).map { key, stem in
            let name = "\(directory)/\(stem).\(ext)"
            if trusted != false, let earlierName = reusable[key], let bytes = read(earlierName) {
                if trusted == nil {
                    let fresh = render(key)
                    trusted = fresh == bytes
                    return (name, fresh)
                }
                return (name, bytes)
            }
            return (name, render(key))
        }
    }
}
