/// Splits the UTF-8 bytes of a rota file into RFC 4180 records, one at a time, for
/// `RotaCSVReader`.
///
/// A leading byte-order mark is dropped; line ends are LF or CRLF (a lone CR counts as a line
/// end too). It never fails: broken quoting is noted on the record it occurs in. Commas,
/// quotes and line ends are ASCII, so splitting bytes gives the cells that splitting the
/// text's Unicode scalars would, and every cell of valid UTF-8 input is valid UTF-8.
///
/// The scanner reads `bytes` without copying them; the current record's cells are kept in one
/// reused buffer, valid until the next call of `next()`.
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
    /// The current record's cells, one after another.
    private var cellBytes: [UInt8] = []
    /// Where each cell of the current record ends in `cellBytes`.
    private var cellEnds: [Int] = []
    /// Quoting problems of the current record, each once, in the order met.
    private(set) var problems: [String] = []
    /// Whether some cell of the current record was quoted.
    private(set) var quoted = false
    /// Whether a quoted cell runs from the current record to the end of the input.
    private(set) var unclosed = false

    static let quoteInside = "a quote inside a cell that does not start with one (write the whole cell in quotes, with \"\" for a quote)"
    static let textAfterQuote = "text after the closing quote of a cell (a quoted cell ends at its closing quote)"

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        cellBytes.reserveCapacity(256)
        cellEnds.reserveCapacity(16)
    }

    /// The number of cells of the current record.
    var cellCount: Int { cellEnds.count }

    /// A line with nothing on it (no cell, no quotes).
    var isBlank: Bool { cellEnds.count == 1 && cellEnds[0] == 0 && problems.isEmpty && !quoted }

    /// Calls `body` with the bytes of cell `k` of the current record.
    func withCell<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = k == 0 ? 0 : cellEnds[k - 1]
        return cellBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<cellEnds[k]])) }
    }

    /// Whether cell `k` of the current record is empty.
    func isEmpty(_ k: Int) -> Bool { cellEnds[k] == (k == 0 ? 0 : cellEnds[k - 1]) }

    /// Cell `k` of the current record as text.
    func string(_ k: Int) -> String { withCell(k) { String(decoding: $0, as: UTF8.self) } }

    /// Moves to the next record; false at the end of the input.
    mutating func next() -> Bool {
        guard !finished else { return false }
        cellBytes.removeAll(keepingCapacity: true)
        cellEnds.removeAll(keepingCapacity: true)
        problems.removeAll()
        quoted = false
        unclosed = false
        line = physicalLine
        let n = bytes.count
        while position < n {
            let byte = bytes[position]
            if inQuotes {
                scanQuoted(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endCell()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), position + 1 < n, bytes[position + 1] == UInt8(ascii: "\n") { position += 1 }
                endCell()
                position += 1
                physicalLine += 1
                return true
            case UInt8(ascii: "\""):
                if currentCellIsEmpty && !afterQuote {
                    inQuotes = true; quoted = true; quoteLine = physicalLine
                } else {
                    note(Self.quoteInside)
                    cellBytes.append(byte)
                }
            default:
                if afterQuote {
                    note(Self.textAfterQuote)
                    afterQuote = false
                }
                appendPlainRun()
                continue
            }
            position += 1
        }
        finished = true
        if inQuotes { note("a quoted cell opened on line \(quoteLine) is never closed") }
        guard !(cellEnds.isEmpty && cellBytes.isEmpty && !quoted && problems.isEmpty) || inQuotes else { return false }
        endCell()
        unclosed = inQuotes
        return true
    }

    private var currentCellIsEmpty: Bool { cellBytes.count == (cellEnds.last ?? 0) }

    private mutating func endCell() { cellEnds.append(cellBytes.count); afterQuote = false }

    private mutating func note(_ problem: String) { if !problems.contains(problem) { problems.append(problem) } }

    /// Appends the bytes from `position` up to the next comma, quote or line end.
    private mutating func appendPlainRun() {
        let start = position
        var end = position
        let n = bytes.count
        while end < n {
            let b = bytes[end]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n") { break }
            end += 1
        }
        cellBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        position = end
    }

    /// One byte inside a quoted cell: `""` is a quote, a lone `"` closes the cell.
    private mutating func scanQuoted(_ byte: UInt8) {
        let n = bytes.count
        if byte == UInt8(ascii: "\"") {
            if position + 1 < n, bytes[position + 1] == UInt8(ascii: "\"") {
                cellBytes.append(byte)
                position += 2
                return
            }
            inQuotes = false; afterQuote = true
        } else {
            let nextIsLF = position + 1 < n && bytes[position + 1] == UInt8(ascii: "\n")
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !nextIsLF) { physicalLine += 1 }
            cellBytes.append(byte)
        }
        position += 1
    }
}
