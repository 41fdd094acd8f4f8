/// Checks the quoting of CSV text against RFC 4180 before it is parsed, because a lenient
/// parser reads a stray or unclosed quote as data and silently shifts or swallows cells.
///
/// A cell is either unquoted (no `"` at all) or wholly quoted, with inner quotes doubled (`""`).
enum CSVQuoting {
    /// - Throws: `ImportIssue` at the row (header = row 1) and column of the first bad quote.
    static func check(_ text: String, file: String) throws {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var row = 1, column = 0
        var openedAt = (row: 1, column: 0)
        var header: [String] = []
        var cell = ""

        func name(_ c: Int) -> String { c < header.count && !header[c].isEmpty ? header[c] : "column \(c + 1)" }
        func endCell() {
            if row == 1 { header.append(cell.trimmingWhitespace()) }
            cell = ""
            column += 1
        }
        func endRow() {
            endCell()
            row += 1
            column = 0
        }

        for scalar in text.unicodeScalars {
            switch state {
            case .fieldStart, .unquoted:
                switch scalar {
                case "\"" where state == .fieldStart:
                    state = .quoted
                    openedAt = (row, column)
                case "\"":
                    throw ImportIssue(file: file, row: row, column: name(column),
                                      message: "a double quote inside an unquoted cell; quote the whole cell and double its inner quotes (\"\")")
                case ",": endCell(); state = .fieldStart
                case "\n": endRow(); state = .fieldStart
                case "\r": continue
                default:
                    if row == 1 { cell.unicodeScalars.append(scalar) }
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .afterQuote } else if row == 1 { cell.unicodeScalars.append(scalar) }
            case .afterQuote:
                switch scalar {
                case "\"": state = .quoted; if row == 1 { cell.append("\"") }
                case ",": endCell(); state = .fieldStart
                case "\n": endRow(); state = .fieldStart
                case "\r": continue
                default:
                    throw ImportIssue(file: file, row: row, column: name(column),
                                      message: "text after the closing quote of a quoted cell; double the quotes inside the cell (\"\")")
                }
            }
        }
        if state == .quoted {
            throw ImportIssue(file: file, row: openedAt.row, column: name(openedAt.column),
                              message: "the quote that opens this cell is never closed, so the rest of the file would be read into it")
        }
    }
}
