import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation
import RotaCore

/// The first worksheet of an Excel workbook (.xlsx) as rows of cell texts.
///
/// Reads the workbook's ZIP archive: `xl/workbook.xml` and its relationships name the first
/// sheet; shared strings (`t="s"`), inline strings (`t="inlineStr"`), formula strings
/// (`t="str"`), booleans and numbers are read as the text a planner sees. A number is kept as
/// written (`1001`, `3.5`); whether it is an Excel date serial is for the column to say
/// (`dayFromSerial`). Cells are placed by their reference (`B17`), so empty cells Excel leaves
/// out keep their column.
///
/// ```swift
/// let sheet = try XLSXSheet.read(data: Data(contentsOf: url))
/// sheet.rows[0].cells   // ["编号", "姓名", "单位", …]
/// sheet.rows[0].line    // 1 (the row number Excel shows)
/// ```
struct XLSXSheet {
    struct Row {
        /// The row number Excel shows (1-based).
        var line: Int
        /// Cell texts from column A, "" where the sheet has no cell.
        var cells: [String]
        /// Which cells are numbers (by column index).
        var numeric: Set<Int>
    }

    var rows: [Row]

    struct Failure: Error { var reason: String }

    /// The `A`, `B`, … `AA` name of a 0-based column.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The day of an Excel date serial (1900 date system: serial 1 is 1900-01-01, with Excel's
    /// phantom 1900-02-29, so serials from 61 on are days since 1899-12-30). A fraction (a time
    /// of day) is refused: leave is whole days.
    static func dayFromSerial(_ text: String) -> Day? {
        guard let serial = Int(text), serial >= 61, serial < 2_958_466 else { return nil }
        guard let base = Day(year: 1899, month: 12, day: 30) else { return nil }
        return Day(ordinal: base.ordinal + serial)
    }

    /// Whether `bytes` start like a ZIP archive (an .xlsx file).
    static func looksLikeZIP(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The first worksheet of the workbook `data`.
    static func read(data: Data) throws(Failure) -> XLSXSheet {
        try book(data: data, first: true)[0].sheet
    }

    /// Every worksheet of the workbook `data`, in the workbook's order, with its name.
    static func readAll(data: Data) throws(Failure) -> [(name: String, sheet: XLSXSheet)] {
        try book(data: data, first: false)
    }

    private static func book(data: Data, first onlyFirst: Bool) throws(Failure) -> [(name: String, sheet: XLSXSheet)] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Failure(reason: "not an Excel workbook (.xlsx): the ZIP archive cannot be opened")
        }
        func file(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { out.append($0) } } catch {
                throw Failure(reason: "the workbook's \(path) cannot be unpacked")
            }
            return out
        }
        guard let workbook = try file("xl/workbook.xml") else {
            throw Failure(reason: "not an Excel workbook (.xlsx): no xl/workbook.xml")
        }
        let sheets = XMLElements.collect(workbook, names: ["sheet"])
        guard !sheets.isEmpty else { throw Failure(reason: "the workbook has no worksheet") }
        let relations = try file("xl/_rels/workbook.xml.rels").map { XMLElements.collect($0, names: ["Relationship"]) } ?? []
        let shared = try file("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        var out: [(name: String, sheet: XLSXSheet)] = []
        for (n, sheet) in sheets.enumerated() {
            guard let relation = sheet["r:id"] ?? sheet.first(where: { $0.key.hasSuffix(":id") })?.value else {
                throw Failure(reason: "the workbook's sheet \(n + 1) names no part")
            }
            var target = "worksheets/sheet\(n + 1).xml"
            if let found = relations.first(where: { $0["Id"] == relation })?["Target"] { target = found }
            let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let name = sheet["name"] ?? "Sheet\(n + 1)"
            guard let sheetData = try file(sheetPath) else { throw Failure(reason: "the workbook's sheet \(name) (\(sheetPath)) is missing") }
            out.append((name, try SheetCells.read(sheetData, shared: shared)))
            if onlyFirst { break }
        }
        return out
    }
}

/// Runs `delegate` over the XML document `data`; false when it is not well-formed.
private func parseXML(_ data: Data, with delegate: XMLParserDelegate) -> Bool {
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    return parser.parse()
}

/// The attributes of every element of the given names, in document order.
private final class XMLElements: NSObject, XMLParserDelegate {
    let names: Set<String>
    var found: [[String: String]] = []
    init(names: Set<String>) { self.names = names }

    static func collect(_ data: Data, names: Set<String>) -> [[String: String]] {
        let delegate = XMLElements(names: names)
        _ = parseXML(data, with: delegate)
        return delegate.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if names.contains(name) { found.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>` (its `<t>` runs joined, phonetic runs left out).
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0

    static func read(_ data: Data) -> [String] {
        let delegate = SharedStrings()
        _ = parseXML(data, with: delegate)
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// The cells of a worksheet.
private final class SheetCells: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [XLSXSheet.Row] = []
    var row: XLSXSheet.Row?
    var cellColumn = 0
    var cellType = "n"
    var value = ""
    var collecting = false
    var problem: String?

    init(shared: [String]) { self.shared = shared }

    static func read(_ data: Data, shared: [String]) throws(XLSXSheet.Failure) -> XLSXSheet {
        let delegate = SheetCells(shared: shared)
        guard parseXML(data, with: delegate) else { throw XLSXSheet.Failure(reason: "a sheet is not well-formed XML") }
        if let problem = delegate.problem { throw XLSXSheet.Failure(reason: problem) }
        return XLSXSheet(rows: delegate.rows)
    }

    /// The 0-based column and 1-based row of a reference such as `B17`.
    static func position(_ reference: String) -> (column: Int, row: Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isUppercase }
        guard !letters.isEmpty, let row = Int(reference.dropFirst(letters.count)) else { return nil }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (column, row)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.line ?? 0) + 1)
            row = XLSXSheet.Row(line: number, cells: [], numeric: [])
        case "c":
            cellColumn = attributes["r"].flatMap(Self.position)?.column ?? (row?.cells.count ?? 0)
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            collecting = false
        case "c":
            guard var current = row else { return }
            var text = value
            switch cellType {
            case "s":
                guard let index = Int(value), shared.indices.contains(index) else {
                    problem = "cell \(XLSXSheet.columnName(cellColumn))\(current.line) names shared string \(value), which the workbook does not have"
                    return
                }
                text = shared[index]
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "n":
                if let number = Double(value), number == number.rounded(), abs(number) < 1e15 { text = String(Int(number)) }
                if !text.isEmpty { current.numeric.insert(cellColumn) }
            default: break
            }
            while current.cells.count <= cellColumn { current.cells.append("") }
            current.cells[cellColumn] = text
            row = current
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }
}
