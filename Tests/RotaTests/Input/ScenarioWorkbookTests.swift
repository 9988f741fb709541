import Foundation
import Testing
@testable import RotaCore
@testable import RotaInput

/// The pieces of reading a scenario workbook that the end-to-end test (`TemplateCommandTests`)
/// does not reach one by one.
@Suite struct ScenarioWorkbookTests {
    /// Any cell text survives the trip through the generated YAML exactly.
    @Test func quotedCellTextReadsBackAsWritten() throws {
        for text in ["曹县人民医院", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "bell\u{7}", "line\u{2028}sep",
                     "123", "true", "~", "- dash", "# hash", ": colon", "mid\u{FEFF}bom"] {
            let log = DiagnosticLog()
            let root = try #require(YAMLDocument.parse("k: " + ScenarioWorkbook.Lines.quoted(text) + "\n", file: "t.yaml", log: log))
            #expect(root.fields(log)?["k"]?.text(log) == text, "\(text.debugDescription)")
            #expect(log.isEmpty)
        }
    }

    @Test func exampleRowsAreMarkedByTheirFirstCell() {
        #expect(ScenarioWorkbookLayout.isExample(firstCell: "例：cao-people"))
        #expect(ScenarioWorkbookLayout.isExample(firstCell: "例:cao"))
        #expect(ScenarioWorkbookLayout.isExample(firstCell: "\u{3000}例：x"))
        #expect(!ScenarioWorkbookLayout.isExample(firstCell: "cao-people"))
        #expect(!ScenarioWorkbookLayout.isExample(firstCell: "例外医院"))
    }

    @Test func onlyXLSXNamesAreWorkbooks() {
        #expect(ScenarioWorkbook.isWorkbook(path: "dir/方案.XLSX"))
        #expect(!ScenarioWorkbook.isWorkbook(path: "heze.yaml"))
    }
}
