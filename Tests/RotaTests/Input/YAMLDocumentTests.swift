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

@Suite struct YAMLDocumentTests {
    func problems(_ yaml: String) -> [String] {
        let log = DiagnosticLog()
        _ = YAMLDocument.parse(yaml, file: "t.yaml", log: log)
        return log.diagnostics.sorted().map(\.description)
    }

    /// An alias chain ("billion laughs"): a few hundred bytes standing for ten million values,
    /// with a repeated key and a private-use character that once sent every command into a
    /// walk of all of them. Refused on the line of the first alias, before anything walks it.
    @Test func aliasesThatExpandBeyondTheFileAreRefused() {
        var lines = ["name: x", "b0: &b0 [1,1,1,1,1,1,1,1,1,1]"]
        for i in 1...7 { lines.append("b\(i): &b\(i) [" + Array(repeating: "*b\(i - 1)", count: 10).joined(separator: ",") + "]") }
        lines += ["name: y", "k: \u{E000}\u{E123}"]
        let found = problems(lines.joined(separator: "\n") + "\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:3: document: aliases repeat values here beyond the size of the file") == true, "\(found)")
        // An alias that repeats a little is still YAML the reader takes.
        #expect(problems("a: &x [1, 2]\nb: *x\n").isEmpty)
    }

    /// Each repeated key costs a parse of the whole file, so the reader stops after a bounded
    /// number and says so, instead of stalling on a file full of repeats.
    @Test func manyRepeatedKeysAreBounded() {
        let keys = (0..<200).map { "k\($0): 1" }
        let found = problems((keys + keys).joined(separator: "\n") + "\n")
        #expect(found.count == YAMLDocument.maximumRenamedKeys + 1)
        #expect(found.allSatisfy { $0.contains("is given more than once in one mapping") })
    }

    @Test func repeatedKeysInFlowAndBlockMappings() {
        #expect(problems("a: 1\nb: {x: 1, x: 2, y: 3, y: 4}\na: 2\nc:\n  - {'q': 1, \"q\": 2}\na: 3\n") == [
            "t.yaml:2: b.x: key \"x\" is given twice in this mapping (first on line 2)",
            "t.yaml:2: b.y: key \"y\" is given twice in this mapping (first on line 2)",
            "t.yaml:3: a: key \"a\" is given twice in this mapping (first on line 1)",
            "t.yaml:5: c[0].q: key \"q\" is given twice in this mapping (first on line 5)",
            "t.yaml:6: a: key \"a\" is given twice in this mapping (first on line 1)",
        ])
    }

    /// Yams tells keys apart by text and resolved tag (`1`, an integer, and `"1"`, a string, are
    /// two keys to it; `a` and `"a"`, or `1` and `!!int 1`, one); the reader reports a key
    /// text given twice in one mapping either way, and reads both keys of two tags.
    @Test func keysOfOneTextAreReportedWhateverTheirTags() throws {
        #expect(problems("1: a\n\"1\": b\ntrue: c\n'true': d\n~: e\n\"~\": f\n2025-01-01: g\n\"2025-01-01\": h\n") == [
            "t.yaml:2: 1: key \"1\" is given twice in this mapping (first on line 1)",
            "t.yaml:4: true: key \"true\" is given twice in this mapping (first on line 3)",
            "t.yaml:6: ~: key \"~\" is given twice in this mapping (first on line 5)",
            "t.yaml:8: 2025-01-01: key \"2025-01-01\" is given twice in this mapping (first on line 7)",
        ])
        let log = DiagnosticLog()
        let root = try #require(YAMLDocument.parse("1: a\n\"1\": b\n", file: "t.yaml", log: log))
        #expect(try #require(root.fields(log)).entries.map(\.key) == ["1", "1"])
        let renamed = try #require(YAMLDocument.parse("a: 1\n\"a\": 2\n", file: "t.yaml", log: DiagnosticLog()))
        #expect(try #require(renamed.fields(log)).entries.map(\.key) == ["a"])
        for yaml in ["a: 1\n\"a\": 2\n", "1: a\n!!int 1: b\n", "1: a\n!!str 1: b\n"] {
            #expect(problems(yaml).count == 1, "\(yaml)")
        }
    }

    @Test func theLastRepeatedKeyIsRead() throws {
        let log = DiagnosticLog()
        let root = try #require(YAMLDocument.parse("a: 1\na: 2\n", file: "t.yaml", log: log))
        let fields = try #require(root.fields(log))
        #expect(fields.entries.map(\.key) == ["a"])
        #expect(fields["a"]?.wholeNumber(log, minimum: 0, expected: "") == 2)
    }

    @Test func syntaxErrorAfterRepeatedKeysReportsBoth() {
        #expect(problems("m:\n  a: 1\n  a: 2\nb: [1, 2\n") == [
            "t.yaml:2: document: key \"a\" is given more than once in one mapping",
            "t.yaml:5: document: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence starting on line 4)",
        ])
    }

    @Test func scalarReaders() throws {
        let log = DiagnosticLog()
        let root = try #require(YAMLDocument.parse("n: 12\nq: '12'\nf: yes\nd: 2025-02-28\nx: 1.5e3\n", file: "t.yaml", log: log))
        let fields = try #require(root.fields(log))
        #expect(fields["n"]?.wholeNumber(log, minimum: 0, expected: "n") == 12)
        #expect(fields["q"]?.wholeNumber(log, minimum: 0, expected: "n") == nil)
        #expect(fields["q"]?.text(log) == "12")
        #expect(fields["f"]?.flag(log) == true)
        #expect(fields["d"]?.day(log) == Day(iso: "2025-02-28"))
        #expect(fields["x"]?.decimal(log, in: -10...10, expected: "d") == nil)
        #expect(log.diagnostics.map(\.description) == [
            "t.yaml:2: q: found quoted text \"12\" (expected n)",
            "t.yaml:5: x: found \"1.5e3\" (expected d)",
        ])
    }
}
