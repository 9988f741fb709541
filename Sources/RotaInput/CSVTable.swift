import RotaCore
/// A CSV file split into records (RFC 4180), each with the physical line it starts on.
///
/// Cells are separated by commas; a cell in double quotes may hold commas, line breaks and
/// doubled quotes (`""` for `"`). Line breaks are LF, CRLF or CR. Line numbers count physical
/// lines, so a record after a quoted cell with a line break in it still gets its true line.
///
/// ```swift
/// let table = CSVTable.parse("id,name\n\"a,1\",\"say \"\"hi\"\"\"\n")
/// table.records[1].cells   // ["a,1", "say \"hi\""]
/// table.records[1].line    // 2
/// ```
public struct CSVTable: Sendable {
    /// One row of the file.
    public struct Record: Sendable, Equatable {
        /// The physical line the record starts on (1-based).
        public var line: Int
        public var cells: [String]
        /// What is malformed in the record, if anything (the cells are still read leniently).
        public var problems: [String] = []

        /// A record with no text in any cell (a blank line, or only commas).
        public var isBlank: Bool { cells.allSatisfy { Trimmed.text($0, .whitespaces).isEmpty } }
    }

    public var records: [Record]

    /// Splits `text` into records. Never fails; malformed quoting is noted on the record.
    public static func parse(_ text: String) -> CSVTable {
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var problems: [String] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var afterClosingQuote = false
        var cellHasContent = false   // anything but nothing: distinguishes "" from an empty line

        let scalars = Array(text.unicodeScalars)
        var i = 0

        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            afterClosingQuote = false
        }
        func endRecord() {
            endCell()
            records.append(Record(line: recordLine, cells: cells, problems: problems))
            cells = []
            problems = []
            cellHasContent = false
        }

        while i < scalars.count {
            let s = scalars[i]
            if inQuotes {
                if s == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        cell.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    if s == "\r" {
                        line += 1
                        if i + 1 < scalars.count, scalars[i + 1] == "\n" {
                            cell.append(s)
                            i += 1
                            cell.append(scalars[i])
                            i += 1
                            continue
                        }
                    } else if s == "\n" {
                        line += 1
                    }
                    cell.append(s)
                }
                i += 1
                continue
            }
            switch s {
            case ",":
                endCell()
                cellHasContent = true
            case "\r", "\n":
                if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where cell.isEmpty && !afterClosingQuote:
                inQuotes = true
                quoteLine = line
                cellHasContent = true
            default:
                if afterClosingQuote, s != " ", s != "\t" {
                    problems.append("text after the closing quote of a cell (a quote inside a quoted cell is written twice: \"\")")
                    afterClosingQuote = false
                }
                if !afterClosingQuote { cell.append(s) }
                cellHasContent = true
            }
            i += 1
        }
        if inQuotes {
            problems.append("a quoted cell opened on line \(quoteLine) is never closed")
        }
        if cellHasContent || !cell.isEmpty || !cells.isEmpty {
            endRecord()
        }
        return CSVTable(records: records)
    }
}
