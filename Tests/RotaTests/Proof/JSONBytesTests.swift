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

/// `JSONBytes.string` escapes exactly `"`, `\` and the control characters, wherever they fall
/// in its eight-byte steps.
@Suite struct JSONBytesTests {
    /// The escaping of RFC 8785, one scalar at a time.
    private func reference(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case "\u{00}"..."\u{1F}": out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    @Test(arguments: ["\"", "\\", "\n", "\u{00}", "\u{01}", "\u{1F}", "\t", " ", "!", "#", "[", "]", "\u{7F}", "é", "菏"])
    func everyPositionOfEveryCharacter(special: String) {
        let fillers = ["a", "菏泽", "~", "\u{21}"]
        for filler in fillers {
            for before in 0..<19 {
                for after in [0, 1, 7, 8, 9] {
                    let s = String(repeating: filler, count: before) + special + String(repeating: "z", count: after)
                    var json = JSONBytes()
                    json.string(s)
                    #expect(String(decoding: json.bytes, as: UTF8.self) == reference(s), "\(before) \(filler) \(after)")
                }
            }
        }
    }

    @Test func numbersAndRawText() {
        var json = JSONBytes()
        json.raw("[")
        json.integer(-4); json.raw(","); json.integer(7); json.raw(","); json.integer(1234567890123)
        json.raw(","); json.number(4.5); json.raw(","); json.number(1e21)
        json.raw("]")
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[-4,7,1234567890123,4.5,1e+21]")
        for v in [0, 9, 10, -10, 99, 100, Int.max, Int.min, -1, 1_000_000_007] {
            var one = JSONBytes()
            one.integer(v)
            #expect(String(decoding: one.bytes, as: UTF8.self) == String(v))
        }
    }
}
