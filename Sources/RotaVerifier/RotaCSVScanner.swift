import RotaCore
/// Splits the UTF-8 bytes of a rota file into RFC 4180 records, one at a time, for
/// `RotaCSVReader`.
///
/// A leading byte-order mark is dropped; line ends are LF or CRLF (a lone CR counts as a line
/// end too). It never fails: broken quoting is noted on the record it occurs in. Commas,
/// quotes and line ends are ASCII, so splitting bytes gives the cells that splitting the
/// text's Unicode scalars would, and every cell of valid UTF-8 input is valid UTF-8.
///
/// The scanner reads `bytes` in place: a cell is a range of the input, but for a quoted cell,
/// copied without its quotes into a reused buffer. Cells are valid until the next `next()`.
///
/// ```swift
/// var scanner = RotaCSVScanner(bytes)
/// while scanner.next() {
///     print(scanner.line, scanner.cellCount, scanner.string(0))
/// }
/// ```
struct RotaCSVScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var physicalLine = 1
    private var inQuotes = false, quoteLine = 0, afterQuote = false
    private var finished = false

    /// The physical line the current record starts on.
    private(set) var line = 1
    /// Where each cell of the current record lies: in the input, or in `copies` for a cell that
    /// was quoted (its quotes dropped, `""` made one).
    private var cells: [(start: Int, end: Int, copied: Bool)] = []
    private var copies: [UInt8] = []
    /// The current cell: where it starts in the input, or in `copies` when it is copied.
    private var cellStart = 0, copying = false
    /// Quoting problems of the current record, each once, in the order met.
    private(set) var problems: [String] = []
    /// Whether some cell of the current record was quoted.
    private(set) var quoted = false
    /// Whether a quoted cell runs from the current record to the end of the input.
    private(set) var unclosed = false

    static let quoteInside = "a quote inside a cell that does not start with one (write the whole cell in quotes, with \"\" for a quote)"
    static let textAfterQuote = "text after the closing quote of a cell (a quoted cell ends at its closing quote)"

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        copies.reserveCapacity(256)
        cells.reserveCapacity(16)
    }

    /// The number of cells of the current record.
    var cellCount: Int { cells.count }

    /// A line with nothing on it (no cell, no quotes).
    var isBlank: Bool { cells.count == 1 && cells[0].start == cells[0].end && problems.isEmpty && !quoted }

    /// Calls `body` with the bytes of cell `k` of the current record.
    func withCell<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let cell = cells[k]
        guard cell.copied else { return body(UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end])) }
        return copies.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[cell.start..<cell.end])) }
    }

    /// Whether cell `k` of the current record is empty.
    func isEmpty(_ k: Int) -> Bool { cells[k].start == cells[k].end }

    /// Cell `k` of the current record as text.
    func string(_ k: Int) -> String { withCell(k) { String(decoding: $0, as: UTF8.self) } }

    /// Moves to the next record; false at the end of the input.
    mutating func next() -> Bool {
        guard !finished else { return false }
        cells.removeAll(keepingCapacity: true)
        copies.removeAll(keepingCapacity: true)
        problems.removeAll()
        quoted = false
        unclosed = false
        line = physicalLine
        cellStart = position
        copying = false
        let n = bytes.count
        while position < n {
            if inQuotes {
                scanQuoted()
                continue
            }
            let byte = bytes[position]
            switch byte {
            case Self.comma:
                endCell()
                position += 1
                cellStart = position
            case Self.cr, Self.lf:
                endCell()
                if byte == Self.cr, position + 1 < n, bytes[position + 1] == Self.lf { position += 1 }
                position += 1
                physicalLine += 1
                return true
            case Self.quote:
                if currentCellIsEmpty && !afterQuote {
                    inQuotes = true; quoted = true; quoteLine = physicalLine
                    copying = true; cellStart = copies.count
                } else {
                    note(Self.quoteInside)
                    if copying { copies.append(byte) }
                }
                position += 1
            default:
                if afterQuote {
                    note(Self.textAfterQuote)
                    afterQuote = false
                }
                scanPlain()
            }
        }
        finished = true
        if inQuotes { note("a quoted cell opened on line \(quoteLine) is never closed") }
        guard !(cells.isEmpty && currentCellIsEmpty && !quoted && problems.isEmpty) || inQuotes else { return false }
        endCell()
        unclosed = inQuotes
        return true
    }

    private var currentCellIsEmpty: Bool { copying ? copies.count == cellStart : position == cellStart }

    private mutating func endCell() {
        cells.append(copying ? (cellStart, copies.count, true) : (cellStart, position, false))
        copying = false
        afterQuote = false
    }

    private mutating func note(_ problem: String) { if !problems.contains(problem) { problems.append(problem) } }

    /// Moves past the bytes up to the next comma, quote or line end (copying them into a copied cell).
    private mutating func scanPlain() {
        let start = position
        let n = bytes.count
        // Eight bytes at a time while none of them is below "-" (after the four run-enders,
        // which are all at most ","; a byte of 0x80 or more is not below it).
        let raw = UnsafeRawBufferPointer(bytes)
        while position + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            if (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080 != 0 { break }
            position += 8
        }
        while position < n {
            let b = bytes[position]
            // The four bytes that end a run are all at most ",".
            if b <= Self.comma && (b == Self.comma || b == Self.quote || b == Self.cr || b == Self.lf) { break }
            position += 1
        }
        if copying { copies.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position])) }
    }

    /// Inside a quoted cell: the bytes up to the next quote, then `""` (a quote) or the closing quote.
    private mutating func scanQuoted() {
        let start = position
        let n = bytes.count
        while position < n && bytes[position] != Self.quote {
            let b = bytes[position]
            if b == Self.lf || (b == Self.cr && !(position + 1 < n && bytes[position + 1] == Self.lf)) { physicalLine += 1 }
            position += 1
        }
        copies.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        guard position < n else { return }
        if position + 1 < n, bytes[position + 1] == Self.quote {
            copies.append(Self.quote)
            position += 2
            return
        }
        inQuotes = false; afterQuote = true
        position += 1
    }
}
