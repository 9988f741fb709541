import RotaCore
import RotaVerifier
/// Turns ids into file names that are safe on every file system, without collisions.
///
/// Person and site ids name the per-person calendars (`ics/PERSON.ics`) and per-site
/// sheets (`sites/SITE.csv`). Ids are normally plain (`hzm-0001`, `east-t1-v3`) and are kept
/// as they are; a character that a file system or a shell would trip on (`/ \ : * ? " < > |`,
/// control characters, spaces) becomes `_`, and a leading dot is prefixed with `_`. Should
/// two ids end up the same, the later one (in the given order) gets `~2`, `~3`, ….
///
/// ```swift
/// OutputFileName.names(for: ["a/b", "a_b", "c"])  // ["a_b", "a_b~2", "c"]
/// ```
enum OutputFileName {
    /// A safe stem for one id (no extension).
    static func stem(_ id: String) -> String {
        var out = ""
        for ch in id.unicodeScalars {
            let bad = ch.value < 0x20 || ch.value == 0x7F || "/\\:*?\"<>| ".unicodeScalars.contains(ch)
            out.unicodeScalars.append(bad ? "_" : ch)
        }
        if out.isEmpty { out = "_" }
        if out.hasPrefix(".") { out = "_" + out }
        return out
    }

    /// Safe, distinct stems for ids, in the same order.
    static func names(for ids: [String]) -> [String] {
        var used: Set<String> = []
        var result: [String] = []
        result.reserveCapacity(ids.count)
        for id in ids {
            let base = stem(id)
            var name = base, k = 2
            while used.contains(name.lowercased()) { name = "\(base)~\(k)"; k += 1 }
            used.insert(name.lowercased())
            result.append(name)
        }
        return result
    }
}
