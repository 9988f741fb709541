import Foundation
import ZIPFoundation
import RotaCore
import RotaVerifier

/// One worksheet of an `XLSXWorkbook`: text cells in rows, the first row a bold header.
///
/// Every cell is text (Excel's shared strings), so what the sheet shows is exactly the
/// string given, dates and ids included; an empty string leaves the cell out. The header row
/// (and `frozenColumns` leading columns) stay in view when scrolling. `columnWidths` sets the
/// widths of the first columns in Excel's character units, `otherColumnWidth` those of the
/// rest; `shadedHeader` marks header cells to fill grey (the grid's non-working days).
///
/// ```swift
/// XLSXSheet(name: "Sheet", rows: [["a", "b"], ["1", "2"]], frozenColumns: 1)
/// ```
struct XLSXSheet {
    var name: String
    /// All rows, the header first.
    var rows: [[String]]
    var frozenColumns: Int = 0
    var columnWidths: [Double] = []
    var otherColumnWidth: Double? = nil
    /// Per column: whether its header cell is filled grey.
    var shadedHeader: [Bool] = []
}

/// An Office Open XML workbook (`.xlsx`) written by hand and zipped with ZIPFoundation.
///
/// The package holds exactly these parts, in this order: `[Content_Types].xml`,
/// `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml`,
/// `xl/sharedStrings.xml` and `xl/worksheets/sheetN.xml` for each sheet. Strings are shared
/// (numbered in order of first use, sheet by sheet, row by row), every text is XML-escaped,
/// and every zip entry carries the fixed time `entryDate` and permissions 0644, so the same
/// sheets always give the same bytes.
///
/// Styles: 0 is the default, 1 a bold header, 2 a bold header on a grey fill.
///
/// ```swift
/// let data = try XLSXWorkbook.data(sheets: [XLSXSheet(name: "Grid", rows: grid)])
/// ```
enum XLSXWorkbook {
    /// 1980-01-01 00:00:00 UTC, the earliest time a zip entry can carry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    static func data(sheets: [XLSXSheet]) throws -> Data {
        for s in sheets {
            let cols = s.rows.map(\.count).max() ?? 0
            if s.rows.count > maxRows || cols > maxColumns { throw RotaOutputError.tooLargeForExcel(sheet: s.name, rows: s.rows.count, columns: cols) }
        }
        var strings = SharedStrings()
        let sheetParts = sheets.enumerated().map { i, s in worksheet(s, selected: i == 0, strings: &strings) }

        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8)),
            ("_rels/.rels", Data(rootRels.utf8)),
            ("xl/workbook.xml", Data(workbook(sheets).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRels(sheetCount: sheets.count).utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/sharedStrings.xml", Data(strings.xml().utf8)),
        ]
        for (i, part) in sheetParts.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", Data(part.utf8))) }
        return try zip(parts)
    }

    /// Zips the parts in order, deflated, with the fixed entry time.
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, permissions: 0o644,
                                 compressionMethod: .deflate, bufferSize: 1 << 20) { position, size in
                let start = data.startIndex + Int(position)
                return data.subdata(in: start..<min(start + size, data.endIndex))
            }
        }
        guard let data = archive.data else { throw RotaOutputError.archive("the in-memory zip archive has no data") }
        return data
    }

    /// Shared strings, numbered in order of first use.
    struct SharedStrings {
        private(set) var list: [String] = []
        private var index: [String: Int] = [:]
        private(set) var references = 0

        mutating func id(_ s: String) -> Int {
            references += 1
            if let i = index[s] { return i }
            index[s] = list.count
            list.append(s)
            return list.count - 1
        }

        func xml() -> String {
            var out = declaration
            out += "<sst xmlns=\"\(mainNS)\" count=\"\(references)\" uniqueCount=\"\(list.count)\">"
            for s in list {
                let keep = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
                out += keep ? "<si><t xml:space=\"preserve\">" : "<si><t>"
                out += MarkupText.xml(s)
                out += "</t></si>"
            }
            out += "</sst>"
            return out
        }
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, s: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            s.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(s)
    }

    static func worksheet(_ sheet: XLSXSheet, selected: Bool, strings: inout SharedStrings) -> String {
        let columnCount = max(1, sheet.rows.map(\.count).max() ?? 0)
        let names = (0..<columnCount).map(columnName)
        let cellCount = sheet.rows.reduce(0) { $0 + $1.count }
        var out = declaration
        out.reserveCapacity(cellCount * 28 + 1024)
        out += "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        out += "<dimension ref=\"A1:\(names[columnCount - 1])\(max(1, sheet.rows.count))\"/>"
        out += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if sheet.frozenColumns > 0 {
            let topLeft = "\(columnName(sheet.frozenColumns))2"
            out += "<pane xSplit=\"\(sheet.frozenColumns)\" ySplit=\"1\" topLeftCell=\"\(topLeft)\" activePane=\"bottomRight\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomRight\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        } else {
            out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        out += "</sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty || sheet.otherColumnWidth != nil {
            out += "<cols>"
            for (i, w) in sheet.columnWidths.enumerated() {
                out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            if let w = sheet.otherColumnWidth, sheet.columnWidths.count < columnCount {
                out += "<col min=\"\(sheet.columnWidths.count + 1)\" max=\"\(columnCount)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            let rowNumber = String(r + 1)
            out += "<row r=\"\(rowNumber)\">"
            for (c, value) in row.enumerated() where !value.isEmpty {
                out += "<c r=\""; out += names[c]; out += rowNumber; out += "\""
                if r == 0 { out += c < sheet.shadedHeader.count && sheet.shadedHeader[c] ? " s=\"2\"" : " s=\"1\"" }
                out += " t=\"s\"><v>"; out += String(strings.id(value)); out += "</v></c>"
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        out += "</worksheet>"
        return out
    }

    static func contentTypes(sheetCount: Int) -> String {
        var out = declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in stride(from: 1, through: sheetCount, by: 1) {
            out += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        out += "</Types>"
        return out
    }

    static let rootRels = declaration
        + "<Relationships xmlns=\"\(packageRelNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ sheets: [XLSXSheet]) -> String {
        var out = declaration
        out += "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        out += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, s) in sheets.enumerated() {
            out += "<sheet name=\"\(MarkupText.xml(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets></workbook>"
        return out
    }

    static func workbookRels(sheetCount: Int) -> String {
        var out = declaration
        out += "<Relationships xmlns=\"\(packageRelNS)\">"
        for i in 0..<sheetCount {
            out += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        out += "</Relationships>"
        return out
    }

    static let styles = declaration
        + "<styleSheet xmlns=\"\(mainNS)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
