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

@Suite struct CanonicalJSONTests {
    private func canon(_ text: String) throws -> String {
        String(decoding: try CanonicalJSON.canonicalize(Array(text.utf8)), as: UTF8.self)
    }

    /// RFC 8785 §3.2.2: the sample input and its canonical form.
    @Test func rfc8785SampleInput() throws {
        let input = #"""
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canon(input) == expected)
    }

    /// RFC 8785 §3.2.3: keys sorted by UTF-16 code units (the emoji's surrogates sort before U+FB33).
    @Test func rfc8785KeyOrderWithNonASCII() throws {
        let input = #"""
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """#
        let value = try JSONParser.parse(input)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(CanonicalJSON.sortedKeys(members).map { $0.unicodeScalars.map(\.value) } ==
                [[0x0D], [0x31], [0x80], [0xF6], [0x20AC], [0x1F600], [0xFB33]])
        let text = try canon(input)
        #expect(text.hasPrefix(#"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","ö":"#))
        #expect(text.hasSuffix(#""😀":"Emoji: Grinning Face","דּ":"Hebrew Letter Dalet With Dagesh"}"#))
    }

    /// RFC 8785 Appendix B: numbers as ECMAScript prints them.
    @Test(arguments: [
        (0x0000000000000000, "0"), (0x8000000000000000, "0"), (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"), (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"), (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"), (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"), (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"), (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"), (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"), (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"), (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"), (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"), (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ] as [(UInt64, String)])
    func rfc8785Numbers(bits: UInt64, expected: String) {
        #expect(CanonicalJSON.number(Double(bitPattern: bits)) == expected)
    }

    @Test func nonFiniteNumbersHaveNoForm() {
        #expect(CanonicalJSON.number(.nan) == nil)
        #expect(CanonicalJSON.number(.infinity) == nil)
    }

    @Test func integersStayExactAndFractionsFollowECMAScript() throws {
        #expect(try canon("[0, -0, 1.0, 100, 1e2, 12345678901234567, -3, 0.1, 1e-7, 123e-9, 1e21, 1e20]")
                == "[0,0,1,100,100,12345678901234567,-3,0.1,1e-7,1.23e-7,1e+21,100000000000000000000]")
    }

    @Test func stringEscapesAreMinimal() throws {
        let value = JSONValue.string("tab\t nl\n cr\r bs\u{08} ff\u{0C} nul\u{00} us\u{1F} del\u{7F} \"q\" \\ / 曹县 😀")
        #expect(CanonicalJSON.string(value) ==
                #""tab\t nl\n cr\r bs\b ff\f nul\u0000 us\u001f del\#u{7F} \"q\" \\ / 曹县 😀""#)
    }

    @Test func nestedObjectsAndWhitespace() throws {
        #expect(try canon(" { \"b\" : { \"z\" : [ ] , \"a\" : { } } , \"a\" : \"x\" } ")
                == #"{"a":"x","b":{"a":{},"z":[]}}"#)
    }

    @Test func prettyFormReCanonicalisesToTheSameBytes() throws {
        let value = try JSONParser.parse(#"{"b": [1, {"y": null, "x": true}], "a": {}, "c": [], "d": ["é", 2.50], "e": {"z": {"k": 1}}}"#)
        let pretty = CanonicalJSON.pretty(value)
        #expect(String(decoding: pretty, as: UTF8.self) == """
        {
          "a": {},
          "b": [
            1,
            {"x": true, "y": null}
          ],
          "c": [],
          "d": ["é", 2.5],
          "e": {
            "z": {"k": 1}
          }
        }

        """)
        #expect(try CanonicalJSON.canonicalize(pretty) == CanonicalJSON.data(value))
    }

    @Test(arguments: [
        #"{"a": 1, "a": 2}"#, #""\ud800""#, #""\udc00x""#, "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-",
        "1e", "\"tab\tinside\"", "[1] 2", "nul", "1e400", "\"\\x\"", "",
    ])
    func refusesWhatIsNotStrictJSON(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func parsesSurrogatePairsAndBOM() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"["\ud83d\ude00", "曹"]"#.utf8))
                == .array([.string("😀"), .string("曹")]))
    }

    @Test func stringsWithAndWithoutEscapesReadTheSame() throws {
        #expect(try JSONParser.parse(#"["菏泽 plain", "a\"b\\c\u00e9\n", "\u83cf泽", ""]"#)
                == .array([.string("菏泽 plain"), .string("a\"b\\cé\n"), .string("菏泽"), .string("")]))
    }

    @Test func invalidUTF8InAStringIsRefusedWhereTheStringStarts() {
        let bytes: [UInt8] = Array(#"{"a": "ok", "b": "x"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError(offset: 18, message: "invalid UTF-8 in a string")) { try JSONParser.parse(bytes) }
        let escaped: [UInt8] = Array(#"["\n"#.utf8) + [0xC3] + Array(#""]"#.utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(escaped) }
    }
}
