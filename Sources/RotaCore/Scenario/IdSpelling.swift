import Foundation

/// Ids are compared by their bytes: an id must be spelled in Unicode normal form C.
///
/// Swift compares strings by canonical equivalence, so `"hz-\u{212A}"` (KELVIN SIGN) equals
/// `"hz-K"` in rota while the two are different ids to a spreadsheet, a database or Python. An
/// id whose characters have a composed or canonical form of their own would let two tools read
/// one file two ways; requiring normal form C makes canonical equivalence and byte equality the
/// same thing for every id rota accepts.
///
/// ```swift
/// IdSpelling.problem("hz-K")          // nil
/// IdSpelling.problem("hz-\u{212A}")   // "id \"hz-K\" is not in Unicode normal form C: …"
/// ```
public enum IdSpelling {
    /// Why `id` cannot be an id, or nil when it can.
    public static func problem(_ id: String) -> String? {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        let nfc = id.precomposedStringWithCanonicalMapping
        guard !nfc.unicodeScalars.elementsEqual(id.unicodeScalars) else { return nil }
        let odd = id.unicodeScalars.filter { !nfc.unicodeScalars.contains($0) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return "id \"\(id)\" is not in Unicode normal form C (it holds \(odd.joined(separator: ", ")), which other programs tell apart from its usual spelling)"
    }

    /// The expectation printed with the problem.
    public static let expected = "the id spelled in Unicode normal form C (e.g. K, not U+212A KELVIN SIGN)"
}
