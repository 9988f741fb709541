import Testing
@testable import Rota

@Suite struct YAMLDocumentTests {
    func problems(_ yaml: String) -> [String] {
        let log = DiagnosticLog()
        _ = YAMLDocument.parse(yaml, file: "t.yaml", log: log)
        return log.diagnostics.sorted().map(\.description)
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
