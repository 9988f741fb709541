import Foundation
import RotaCore
import RotaVerifier

/// One cell of an `XLSXSheet`: text, a whole number, or a day (a real Excel date).
///
/// A day is written as its Excel serial number (days since 1899-12-30, the 1900 date system)
/// with a date number format, so Excel sorts, filters and computes with it as a date; the
/// empty text leaves the cell out.
///
/// ```swift
/// let row: [XLSXCell] = ["hzm-0001", .number(3), .day(Day(iso: "2025-07-01")!)]
/// ```
public enum XLSXCell: Hashable, Sendable, ExpressibleByStringLiteral {
    case text(String)
    case number(Int)
    case day(Day)

    public init(stringLiteral value: String) { self = .text(value) }

    /// The Excel serial of `day` (1900 date system; serials from 61 on, 1900-03-01 and later).
    public static func serial(_ day: Day) -> Int { day.ordinal - Day(year: 1899, month: 12, day: 30)!.ordinal }

    /// The cell as its value reads in a CSV file (a day as `YYYY-MM-DD`).
    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return String(n)
        case .day(let d): return d.iso
        }
    }

    /// Columns a person needs to read the cell: CJK and other wide characters count two.
    var displayWidth: Int {
        switch self {
        case .day: return 10
        default: return XLSXCell.displayWidth(text)
        }
    }

    static func displayWidth(_ s: String) -> Int {
        var lineWidth = 0, widest = 0
        for scalar in s.unicodeScalars {
            if scalar == "\n" { widest = max(widest, lineWidth); lineWidth = 0; continue }
            lineWidth += isWide(scalar.value) ? 2 : 1
        }
        return max(widest, lineWidth)
    }

    /// Wide in East Asian text (CJK ideographs and punctuation, kana, hangul, full-width
    /// forms): fixed ranges, so widths do not depend on the platform's Unicode tables.
    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}

/// A drop-down list on cells of a sheet: Excel offers `values` and refuses anything else.
public struct XLSXListValidation: Hashable, Sendable {
    /// The 0-based column it applies to.
    public var column: Int
    /// The 1-based rows it applies to.
    public var rows: ClosedRange<Int>
    public var values: [String]
    /// What Excel says when something else is typed.
    public var message: String

    public init(column: Int, rows: ClosedRange<Int>, values: [String], message: String) {
        self.column = column; self.rows = rows; self.values = values; self.message = message
    }
}

/// Rows of a sheet made one at a time while the sheet is written, rather than held.
///
/// Discussion: the workbook's long form is a row per person and half-day, 411,000 rows for a
/// Heze year; held as cells they took about 100 MB while the sheet was written. A source makes
/// row `i` when the writer reaches it (and once more when widths are fitted), so only the row
/// being written exists. `row` must give the same cells every time it is asked.
///
/// ```swift
/// let numbers = XLSXRowSource(count: 1000, columns: 1) { i in [.number(i)] }
/// XLSXSheet(name: "N", rows: [["n"]], more: numbers)
/// ```
public struct XLSXRowSource: Sendable {
    /// The number of rows.
    public var count: Int
    /// The most cells a row has.
    public var columns: Int
    /// Row `i` (from 0) of the source.
    public var row: @Sendable (Int) -> [XLSXCell]

    public init(count: Int, columns: Int, row: @escaping @Sendable (Int) -> [XLSXCell]) {
        self.count = count; self.columns = columns; self.row = row
    }
}

/// One worksheet of an `XLSXWorkbook`.
///
/// The first `headerRows` rows are bold headers (a column's header cells filled grey where
/// `shadedHeader` says so, the grid's non-working days); they and the first `frozenColumns`
/// columns stay in view when scrolling. `columnWidths` sets the widths of the first columns
/// in Excel's character units, `otherColumnWidth` those of the rest (`fittedWidths` computes
/// widths that fit the cells). `filterRow` puts an autofilter on that header row over every
/// data row. Printing is landscape on A4, `fitToWidth` pages wide (nil: no scaling) and as
/// many pages tall as needed, with the header rows and the frozen columns repeated on every
/// page.
///
/// The rows are `rows` (the headers first) followed by those of `more`, made as the sheet is
/// written (`XLSXRowSource`).
///
/// ```swift
/// XLSXSheet(name: "Sheet", rows: [["a", "b"], ["1", "2"]], frozenColumns: 1)
/// ```
public struct XLSXSheet: Sendable {
    public var name: String
    /// The rows held, the headers first.
    public var rows: [[XLSXCell]]
    /// Rows after `rows`, made as the sheet is written.
    public var more: XLSXRowSource? = nil
    public var headerRows: Int = 1
    public var frozenColumns: Int = 0
    public var columnWidths: [Double] = []
    public var otherColumnWidth: Double? = nil
    /// Per column: whether its header cells are filled grey.
    public var shadedHeader: [Bool] = []
    /// The 1-based header row that carries an autofilter, or nil.
    public var filterRow: Int? = nil
    /// Pages wide when printed (fit to width), or nil to print at full size.
    public var fitToWidth: Int? = 1
    public var validations: [XLSXListValidation] = []

    public init(name: String, rows: [[XLSXCell]], headerRows: Int = 1, frozenColumns: Int = 0,
                columnWidths: [Double] = [], otherColumnWidth: Double? = nil, shadedHeader: [Bool] = [],
                filterRow: Int? = nil, fitToWidth: Int? = 1, validations: [XLSXListValidation] = [],
                more: XLSXRowSource? = nil) {
        self.name = name; self.rows = rows; self.more = more; self.headerRows = headerRows; self.frozenColumns = frozenColumns
        self.columnWidths = columnWidths; self.otherColumnWidth = otherColumnWidth; self.shadedHeader = shadedHeader
        self.filterRow = filterRow; self.fitToWidth = fitToWidth; self.validations = validations
    }

    /// A sheet of text cells.
    public init(name: String, rows: [[String]], frozenColumns: Int = 0) {
        self.init(name: name, rows: rows.map { $0.map(XLSXCell.text) }, frozenColumns: frozenColumns)
    }

    /// Widths that fit every cell of each column (two units a CJK character, plus a margin),
    /// at least `minimum` and at most `maximum`.
    public static func fittedWidths(_ rows: [[XLSXCell]], more: XLSXRowSource? = nil, minimum: Double = 6, maximum: Double = 60) -> [Double] {
        var widest: [Int] = []
        func fit(_ row: [XLSXCell]) {
            if row.count > widest.count { widest += Array(repeating: 0, count: row.count - widest.count) }
            for (c, cell) in row.enumerated() { widest[c] = max(widest[c], cell.displayWidth) }
        }
        for row in rows { fit(row) }
        if let more { for i in 0..<more.count { fit(more.row(i)) } }
        return widest.map { min(maximum, max(minimum, Double($0) + 2)) }
    }

    /// The number of rows, held and made.
    public var rowCount: Int { rows.count + (more?.count ?? 0) }

    /// The most cells a row has.
    var widestRow: Int { max(rows.map(\.count).max() ?? 0, more?.columns ?? 0) }
}

/// An Office Open XML workbook (`.xlsx`) written by hand and zipped by `ZipArchive`.
///
/// The package holds exactly these parts, in this order: `[Content_Types].xml`,
/// `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml`,
/// `xl/sharedStrings.xml` and `xl/worksheets/sheetN.xml` for each sheet. Strings are shared
/// (numbered in order of first use, sheet by sheet, row by row), every text is XML-escaped,
/// and every zip entry carries the fixed time `entryDate` and permissions 0644, so the same
/// sheets always give the same bytes. The workbook defines each sheet's print titles
/// (`_xlnm.Print_Titles`) and filter range (`_xlnm._FilterDatabase`) as Excel does.
///
/// Styles (`Style`): the default, a bold header, a bold header on a grey fill, a date
/// (`yyyy-mm-dd`), and bold header dates (`m月d日`), plain and grey.
///
/// ```swift
/// let data = try XLSXWorkbook.data(sheets: [XLSXSheet(name: "Grid", rows: grid)])
/// ```
public enum XLSXWorkbook {
    /// 1980-01-01 00:00:00 UTC, the earliest time a zip entry can carry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    /// The cell formats of `styles`, by index.
    enum Style: Int {
        case plain = 0, header, shadedHeader, date, headerDate, shadedHeaderDate
    }

    /// The number formats: the body's dates, and the short form of header dates.
    static let dateFormat = "yyyy-mm-dd"
    static let headerDateFormat = "m\"月\"d\"日\""

    /// The workbook's bytes.
    ///
    /// Each worksheet's XML is made in chunks of `chunkSize` bytes and deflated on a thread of
    /// its own as it is made (`ZipEntryStream`): the XML of a sheet is never held whole, and
    /// making and compressing it overlap. The shared strings, known only once every sheet is
    /// made, come before the sheets in the package, so the sheets' compressed entries wait
    /// for them; the bytes are the same whatever `chunkSize`. The sheets are deflated at
    /// `sheetCompression` (fast by default: the long-form sheet's deflate is the last thing a
    /// Heze `rota plan` waits for), the small parts at zlib's standard level.
    public static func data(sheets: [XLSXSheet], chunkSize: Int = 1 << 20, sheetCompression: ZipCompression = .fast) throws -> Data {
        for s in sheets {
            let cols = s.widestRow
            if s.rowCount > maxRows || cols > maxColumns { throw RotaOutputError.tooLargeForExcel(sheet: s.name, rows: s.rowCount, columns: cols) }
        }
        var strings = SharedStrings()
        var streams: [ZipEntryStream] = []
        for (i, s) in sheets.enumerated() {
            let stream = ZipEntryStream(name: "xl/worksheets/sheet\(i + 1).xml", compression: sheetCompression)
            worksheet(s, selected: i == 0, strings: &strings, chunkSize: chunkSize, emit: stream.write)
            streams.append(stream)
        }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", strings.xml()),
        ]
        let entries = parts.map { ZipDeflater.entry(name: $0.0, data: Array($0.1.utf8)) } + streams.map { $0.finish() }
        return try ZipArchive.data(entries)
    }

    /// Zips the files in order, with the fixed entry time: those deflated already
    /// (`OutputContents.deflated`) as they are, the others deflated side by side on every core.
    public static func zip(_ files: [OutputFile]) throws -> Data {
        let entries = ParallelJobs.run(count: files.count, threads: ParallelJobs.processors) { i in
            files[i].contents.zipEntry(name: files[i].name)
        }
        return try ZipArchive.data(entries)
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

        /// Counts one more use of a string whose id the caller already knows.
        mutating func reuse() { references += 1 }

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
    public static func columnName(_ index: Int) -> String {
        var n = index + 1, s: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            s.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(s)
    }

    static func columnCount(_ sheet: XLSXSheet) -> Int { max(1, sheet.widestRow) }

    /// The style of a cell: header or body, shaded or not, date or not.
    static func style(_ cell: XLSXCell, header: Bool, shaded: Bool) -> Style {
        let isDay: Bool
        if case .day = cell { isDay = true } else { isDay = false }
        switch (header, shaded, isDay) {
        case (false, _, false): return .plain
        case (false, _, true): return .date
        case (true, false, false): return .header
        case (true, true, false): return .shadedHeader
        case (true, false, true): return .headerDate
        case (true, true, true): return .shadedHeaderDate
        }
    }

    /// The worksheet part's XML as UTF-8 bytes, handed to `emit` in chunks of about
    /// `chunkSize` bytes (whole rows; the last chunk may be shorter). The cells, most of the
    /// part (a Heze year's long form is some 3 million), are written straight into a byte
    /// buffer: building them as a `String` and converting it cost more than the rest of the
    /// workbook.
    static func worksheet(_ sheet: XLSXSheet, selected: Bool, strings: inout SharedStrings,
                          chunkSize: Int, emit: ([UInt8]) -> Void) {
        let columnCount = columnCount(sheet)
        let names = (0..<columnCount).map { Array(columnName($0).utf8) }
        let lastColumn = columnName(columnCount - 1)
        let rowCount = max(1, sheet.rowCount)
        let cellCount = sheet.rows.reduce(0) { $0 + $1.count } + (sheet.more.map { $0.count * $0.columns } ?? 0)
        var head = declaration
        head += "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        if sheet.fitToWidth != nil { head += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        head += "<dimension ref=\"A1:\(lastColumn)\(rowCount)\"/>"
        head += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        let ySplit = sheet.headerRows
        let topLeft = "\(columnName(sheet.frozenColumns))\(ySplit + 1)"
        if sheet.frozenColumns > 0 {
            head += "<pane xSplit=\"\(sheet.frozenColumns)\" ySplit=\"\(ySplit)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomRight\" state=\"frozen\"/>"
            head += "<selection pane=\"bottomRight\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        } else if ySplit > 0 {
            head += "<pane ySplit=\"\(ySplit)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            head += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        head += "</sheetView></sheetViews>"
        head += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty || sheet.otherColumnWidth != nil {
            head += "<cols>"
            for (i, w) in sheet.columnWidths.enumerated() {
                head += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            if let w = sheet.otherColumnWidth, sheet.columnWidths.count < columnCount {
                head += "<col min=\"\(sheet.columnWidths.count + 1)\" max=\"\(columnCount)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        let capacity = min(chunkSize, cellCount * 48 + sheet.rowCount * 24) + head.utf8.count + (1 << 16)
        var out = JSONBytes(reservingCapacity: capacity)
        out.rawText(head)
        // A column's cells often repeat the text of the row above (a person's id and name down
        // the long form): its shared string is known without hashing it again.
        var above = [(text: String, id: Int)?](repeating: nil, count: columnCount)
        let held = sheet.rows.count
        for r in 0..<sheet.rowCount {
            let row = r < held ? sheet.rows[r] : sheet.more!.row(r - held)
            let rowNumber = r + 1
            out.raw("<row r=\""); out.integer(rowNumber); out.raw("\">")
            let header = r < sheet.headerRows
            for (c, cell) in row.enumerated() {
                if case .text(let s) = cell, s.isEmpty { continue }
                out.raw("<c r=\""); out.append(names[c]); out.integer(rowNumber); out.raw("\"")
                let s = style(cell, header: header, shaded: c < sheet.shadedHeader.count && sheet.shadedHeader[c])
                if s != .plain { out.raw(" s=\""); out.integer(s.rawValue); out.raw("\"") }
                switch cell {
                case .text(let text):
                    let id: Int
                    if let known = above[c], known.text == text { id = known.id; strings.reuse() } else { id = strings.id(text); above[c] = (text, id) }
                    out.raw(" t=\"s\"><v>"); out.integer(id)
                case .number(let n): out.raw("><v>"); out.integer(n)
                case .day(let d): out.raw("><v>"); out.integer(XLSXCell.serial(d))
                }
                out.raw("</v></c>")
            }
            out.raw("</row>")
            if out.bytes.count >= chunkSize {
                emit(out.bytes)
                out = JSONBytes(reservingCapacity: capacity)
            }
        }
        var tail = "</sheetData>"
        if let filter = sheet.filterRow { tail += "<autoFilter ref=\"\(filterRange(sheet, row: filter))\"/>" }
        if !sheet.validations.isEmpty {
            tail += "<dataValidations count=\"\(sheet.validations.count)\">"
            for v in sheet.validations {
                let column = columnName(v.column)
                let list = v.values.joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"")
                tail += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                tail += " errorTitle=\"请从下拉列表中选择\""
                let range = v.rows.count == 1 ? "\(column)\(v.rows.lowerBound)" : "\(column)\(v.rows.lowerBound):\(column)\(v.rows.upperBound)"
                tail += " error=\"\(MarkupText.xml(v.message))\" sqref=\"\(range)\">"
                tail += "<formula1>\(MarkupText.xml("\"" + list + "\""))</formula1></dataValidation>"
            }
            tail += "</dataValidations>"
        }
        tail += "<printOptions gridLines=\"1\"/>"
        tail += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
        tail += "<pageSetup paperSize=\"9\" orientation=\"landscape\""
        if let pages = sheet.fitToWidth { tail += " fitToWidth=\"\(pages)\" fitToHeight=\"0\"" }
        tail += "/>"
        tail += "<headerFooter><oddFooter>\(MarkupText.xml("&L&A&R第 &P 页，共 &N 页"))</oddFooter></headerFooter>"
        tail += "</worksheet>"
        out.rawText(tail)
        emit(out.bytes)
    }

    /// `A2:H100`: the filter's header row to the last row, every column.
    static func filterRange(_ sheet: XLSXSheet, row: Int) -> String {
        "A\(row):\(columnName(columnCount(sheet) - 1))\(max(row, sheet.rowCount))"
    }

    /// `'Name'` as formulas quote a sheet name.
    static func quotedSheetName(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }

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
        out += "</sheets>"
        var names: [String] = []
        for (i, s) in sheets.enumerated() {
            let sheet = quotedSheetName(s.name)
            if let row = s.filterRow {
                let range = filterRange(s, row: row).split(separator: ":").map { cell -> String in
                    let letters = cell.prefix { $0.isLetter }
                    return "$\(letters)$\(cell.dropFirst(letters.count))"
                }.joined(separator: ":")
                names.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(MarkupText.xml("\(sheet)!\(range)"))</definedName>")
            }
            var titles: [String] = []
            if s.frozenColumns > 0 { titles.append("\(sheet)!$A:$\(columnName(s.frozenColumns - 1))") }
            if s.headerRows > 0 { titles.append("\(sheet)!$1:$\(s.headerRows)") }
            if !titles.isEmpty {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(MarkupText.xml(titles.joined(separator: ",")))</definedName>")
            }
        }
        if !names.isEmpty { out += "<definedNames>" + names.joined() + "</definedNames>" }
        out += "</workbook>"
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
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"\(MarkupText.xml(dateFormat))\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"\(MarkupText.xml(headerDateFormat))\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
