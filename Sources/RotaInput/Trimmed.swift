import Foundation
import RotaCore

/// Text without the characters of a set around it, as `trimmingCharacters(in:)` gives it,
/// without the cost of trimming when there is nothing to trim (the usual case: an id, a name,
/// a number).
///
/// ```swift
/// Trimmed.text("  hzm-0001 ")             // "hzm-0001"
/// Trimmed.text("a b\t", .whitespaces)     // "a b"
/// ```
enum Trimmed {
    static func text(_ text: String, _ set: CharacterSet = .whitespacesAndNewlines) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              set.contains(first) || set.contains(last) else { return text }
        return text.trimmingCharacters(in: set)
    }
}
