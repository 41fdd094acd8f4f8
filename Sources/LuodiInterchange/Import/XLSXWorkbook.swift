import Foundation
import LuodiCore
import ZIPFoundation

/// One worksheet of an .xlsx workbook (Office Open XML, ECMA-376) read into a table: the header
/// row found below any title rows, and the records after it, as text the importers read like CSV
/// cells. Numbers keep their digits, dates stored as serial numbers (a date number format) become
/// `yyyy-MM-dd` in the workbook's date system (1900 or 1904), booleans TRUE/FALSE, formulas their
/// cached values; a merged range gives its value to every cell it covers (so a merged header or
/// group label reads on each column). The zip is read with ZIPFoundation, the XML with
/// Foundation's parser.
public struct XLSXSheet: Sendable {
    public let file: String
    public let sheetName: String
    /// The header row's number in the sheet (1-based, as Excel shows it).
    public let headerRow: Int
    public let header: [String]
    /// Records after the header; `rows[i]` is sheet row `headerRow + 1 + i`.
    public let rows: [[String]]

    /// Excel's name of a 0-based column: 0 → A, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(65 + r)!) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Largest uncompressed size of one part, and of all parts together: a zip bomb (a small
    /// file that inflates to gigabytes) is refused before it is inflated.
    public static let partLimit: UInt64 = 64 * 1024 * 1024
    public static let totalLimit: UInt64 = 256 * 1024 * 1024
    /// Excel's sheet size: columns A–XFD, rows 1–1,048,576.
    static let maxColumns = 16_384, maxRows = 1_048_576
    /// Largest filled range read (rows × columns): the largest real list seen is 8,124 × 14.
    public static let cellLimit = 4_000_000

    /// Reads the sheet named `sheet` (or given by its 1-based position, or the first visible one).
    /// - Throws: `ImportIssue` naming the file and what is wrong (an old .xls or encrypted file,
    ///   a damaged archive, a missing sheet, an oversized part).
    public init(data: Data, file: String, sheet: String? = nil) throws {
        self.file = file
        // An OLE2 compound file: Excel 97–2003 (.xls), or an encrypted/password-protected .xlsx.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw ImportIssue(file: file, row: nil, column: nil,
                              message: "this is an Excel 97–2003 (.xls) file or a password-protected workbook; save it as an unprotected Excel Workbook (.xlsx) — in Excel or WPS: File › Save As › .xlsx, or `libreoffice --headless --convert-to xlsx FILE` — and import that")
        }
        guard data.starts(with: [0x50, 0x4B]) else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "not an .xlsx workbook (it is not a zip archive); save it from Excel or WPS as .xlsx, or export CSV")
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ImportIssue(file: file, row: nil, column: nil, message: "the workbook is damaged (the zip archive cannot be read)")
        }
        var total: UInt64 = 0
        for entry in archive {
            guard entry.uncompressedSize <= Self.partLimit else {
                throw ImportIssue(file: file, row: nil, column: nil,
                                  message: "part \(entry.path) inflates to \(entry.uncompressedSize) bytes, over the limit of \(Self.partLimit); it may be a zip bomb")
            }
            total += entry.uncompressedSize
        }
        guard total <= Self.totalLimit else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "the workbook inflates to \(total) bytes, over the limit of \(Self.totalLimit); it may be a zip bomb, or split it")
        }
        func part(_ path: String) throws -> XMLNode? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= Self.partLimit else {
                throw ImportIssue(file: file, row: nil, column: nil, message: "part \(path) inflates to \(entry.uncompressedSize) bytes, over the limit of \(Self.partLimit)")
            }
            // Counted while inflating too: a zip's declared sizes can lie.
            struct Oversized: Error {}
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > Self.partLimit { throw Oversized() }
                }
            } catch is Oversized {
                throw ImportIssue(file: file, row: nil, column: nil, message: "part \(path) inflates past \(Self.partLimit) bytes although the zip says less; it may be a zip bomb")
            } catch {
                throw ImportIssue(file: file, row: nil, column: nil, message: "the workbook is damaged (part \(path) cannot be read)")
            }
            return try XMLNode.parse(bytes, file: "\(file):\(path)")
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "not a spreadsheet workbook (no xl/workbook.xml)")
        }
        let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attributes["date1904"] ?? "")
        let sheets = workbook.child("sheets")?.all("sheet") ?? []
        let chosen: XMLNode?
        if let sheet, let n = Int(sheet) {
            chosen = (1...max(sheets.count, 1)).contains(n) && n <= sheets.count ? sheets[n - 1] : nil
        } else if let sheet {
            chosen = sheets.first { $0.attributes["name"] == sheet }
        } else {
            // The first sheet a user sees: a hidden sheet (lookup lists, old data) is passed over.
            chosen = sheets.first { !["hidden", "veryHidden"].contains($0.attributes["state"] ?? "") } ?? sheets.first
        }
        guard let chosen else {
            throw ImportIssue(file: file, row: nil, column: "sheet",
                              message: "no sheet '\(sheet ?? "")'; the workbook has \(sheets.compactMap { $0.attributes["name"] }.map { "'\($0)'" }.joined(separator: ", "))")
        }
        sheetName = chosen.attributes["name"] ?? "Sheet1"
        let rels = try part("xl/_rels/workbook.xml.rels")?.all("Relationship") ?? []
        guard let target = rels.first(where: { $0.attributes["Id"] == chosen.attributes["id"] })?.attributes["Target"] else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "sheet '\(sheetName)' has no part in the workbook")
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared = try part("xl/sharedStrings.xml")?.all("si").map(Self.text) ?? []
        let dateStyles = try Self.dateStyles(part("xl/styles.xml"))
        guard let sheetXML = try part(path) else { throw ImportIssue(file: file, row: nil, column: nil, message: "sheet '\(sheetName)' is missing its part \(path)") }

        // Cells into a grid (sheet row → column → text), only cells with text: a formatted
        // empty cell far down the sheet does not widen the table.
        var grid: [Int: [Int: String]] = [:]
        var unvalued: [String] = []
        let place = "\(file):\(sheetName)"
        func beyond(_ ref: String) -> ImportIssue {
            ImportIssue(file: "\(place)!\(ref)", row: nil, column: nil,
                        message: "a cell beyond Excel's last column (XFD) or row (1048576), or outside its own row; the file was not written by a spreadsheet program — open it in Excel, WPS or LibreOffice and save it again")
        }
        var lastRowSeen = 0
        for row in sheetXML.child("sheetData")?.all("row") ?? [] {
            var nextColumn = 0
            let r = Int(row.attributes["r"] ?? "") ?? (lastRowSeen + 1)
            lastRowSeen = r
            guard r >= 1, r <= Self.maxRows else { throw beyond("\(r):\(r)") }
            for c in row.all("c") {
                let given = c.attributes["r"]
                guard given == nil || Self.reference(given!) != nil else { throw beyond(given!) }
                let (col, cellRow) = given.flatMap(Self.reference) ?? (nextColumn, r)
                guard cellRow == r else { throw beyond(given ?? "") }
                guard col >= 0, col < Self.maxColumns else { throw beyond(c.attributes["r"] ?? "\(r)") }
                nextColumn = col + 1
                let style = Int(c.attributes["s"] ?? "") ?? 0
                let v = c.child("v")?.text ?? ""
                // (A formula whose result is the empty string is stored as t="str" with an empty value.)
                if c.child("f") != nil, v.isEmpty, !["inlineStr", "str"].contains(c.attributes["t"] ?? "n") { unvalued.append("\(Self.columnName(col))\(r)") }
                var text: String
                switch c.attributes["t"] ?? "n" {
                case "s":
                    guard let i = Int(v), i >= 0, i < shared.count else {
                        throw ImportIssue(file: "\(place)!\(Self.columnName(col))\(r)", row: nil, column: nil,
                                          message: "the cell refers to shared text \(v), which the workbook does not hold; the file is damaged — open it in Excel, WPS or LibreOffice and save it again")
                    }
                    text = shared[i]
                case "inlineStr": text = c.child("is").map(Self.text) ?? ""
                case "str", "e": text = v
                case "b": text = v == "1" ? "TRUE" : "FALSE"
                case "d": text = String(v.prefix(10))   // an ISO 8601 date cell: 2023-03-01T00:00:00
                default:
                    if let number = Double(v) {
                        text = dateStyles.contains(style) ? (Self.date(serial: number, date1904: date1904)?.iso ?? v) : Self.number(number, raw: v)
                    } else {
                        text = v
                    }
                }
                text = text.trimmingWhitespace()
                if !text.isEmpty { grid[r, default: [:]][col] = text }
            }
        }
        // A formula whose value was never computed (a file written by a program, such as
        // openpyxl, that does not calculate) would read as blank: say so instead.
        if !unvalued.isEmpty {
            throw ImportIssue(file: "\(file):\(sheetName)!\(unvalued[0])", row: nil, column: nil,
                              message: "\(unvalued.count) formula cell(s) (\(unvalued.prefix(5).joined(separator: ", "))\(unvalued.count > 5 ? ", …" : "")) have no computed value; open the workbook in Excel, WPS or LibreOffice and save it, so the values are stored")
        }
        // The table's extent: the last row and column holding text. A merged range gives its
        // value only within it, so a title merged wider than the table, or a notes cell merged
        // down past the last row, adds no column or row.
        let contentRows = grid.keys.max() ?? 0
        let contentColumns = (grid.values.flatMap(\.keys).max() ?? -1) + 1
        guard contentRows * contentColumns <= Self.cellLimit else {
            let farColumn = grid.first { $0.value.keys.contains(contentColumns - 1) }.map { "\(Self.columnName(contentColumns - 1))\($0.key)" }
            let farRow = grid[contentRows]?.keys.min().map { "\(Self.columnName($0))\(contentRows)" }
            let ref = (contentColumns > 1000 ? farColumn : farRow) ?? "A1"
            throw ImportIssue(file: "\(file):\(sheetName)!\(ref)", row: nil, column: nil,
                              message: "the sheet's filled range runs to \(Self.columnName(contentColumns - 1))\(contentRows) (\(contentRows) rows × \(contentColumns) columns), more than the \(Self.cellLimit) cells Luodi reads; delete the stray cell at \(ref) or copy the table to a new sheet")
        }
        for m in sheetXML.child("mergeCells")?.all("mergeCell") ?? [] {
            let parts = (m.attributes["ref"] ?? "").split(separator: ":").map(String.init)
            guard parts.count == 2, let a = Self.reference(parts[0]), let b = Self.reference(parts[1]), a.0 < contentColumns, a.1 <= contentRows,
                  let value = grid[a.1]?[a.0] else { continue }
            for r in a.1...max(a.1, min(b.1, contentRows)) { for c in a.0...max(a.0, min(b.0, contentColumns - 1)) { grid[r, default: [:]][c] = value } }
        }
        let lastRow = grid.keys.max() ?? 0
        let width = (grid.values.flatMap(\.keys).max() ?? -1) + 1
        func cells(_ r: Int) -> [String] { (0..<width).map { grid[r]?[$0] ?? "" } }
        // The header: the first of the first 20 rows with text in at least 60 % of the table's
        // widest row (title rows above, often one merged cell, are skipped). A two-row header —
        // a group label merged over several columns ("投资情况") with the column names below it,
        // other columns named in either row — reads as one: each column's name is the lower
        // row's, else the upper row's (the group label is context, not part of the name, so the
        // names match a mapping's columns).
        let widest = (1...max(1, min(lastRow, 20))).map { r in cells(r).filter { !$0.isEmpty }.count }.max() ?? 0
        var header = 0, names: [String] = []
        for r in 1...max(1, min(lastRow, 20)) {
            let row = cells(r)
            let filled = row.filter { !$0.isEmpty }
            guard widest > 0, Double(filled.count) >= Double(widest) * 0.6, filled.count >= min(2, widest) else { continue }
            // One value over the whole row is a title merged across it (with blank rows below, maybe).
            if Set(filled).count == 1, filled.count > 1 { continue }
            header = r
            names = row
            // Unique names say "column names"; a label repeated over columns (a merged title or
            // group label) says "look below", as long as the row below is names, not figures.
            while header < min(lastRow, 20) {
                let repeats = Dictionary(names.filter { !$0.isEmpty }.map { ($0, 1) }, uniquingKeysWith: +)
                let grouped = names.indices.filter { (repeats[names[$0]] ?? 0) > 1 }
                let below = cells(header + 1)
                guard !grouped.isEmpty, grouped.allSatisfy({ !below[$0].isEmpty }), below.allSatisfy({ $0.isEmpty || Double($0) == nil }) else { break }
                header += 1
                names = zip(below, names).map { $0.isEmpty ? $1 : $0 }
            }
            break
        }
        guard header > 0 else { throw ImportIssue(file: "\(file):\(sheetName)", row: nil, column: nil, message: "the sheet is empty: expected a header row and at least one project row") }
        headerRow = header
        self.header = names
        var records = header < lastRow ? ((header + 1)...lastRow).map(cells) : []
        while records.last?.allSatisfy({ $0.isEmpty }) == true { records.removeLast() }
        rows = records
        guard !rows.isEmpty else { throw ImportIssue(file: "\(file):\(sheetName)", row: nil, column: nil, message: "the sheet has a header (row \(header)) but no rows; the list may be on another sheet (--sheet NAME or its position)") }
    }

    /// An issue located in the sheet: `file.xlsx:Sheet1!C7`, the table's row numbers moved to the
    /// sheet's and the column named by its letter (the header name goes into the message).
    public func locate(_ issue: ImportIssue) -> ImportIssue {
        guard issue.file == file else { return issue }
        var place = "\(file):\(sheetName)"
        var message = issue.message
        let row = issue.row.map { $0 + headerRow - 1 }
        if let column = issue.column, let i = header.firstIndex(where: { $0 == column }) {
            place += "!\(Self.columnName(i))\(row.map(String.init) ?? "")"
            message = "\(column): \(message)"
        } else if let row {
            place += "!\(row):\(row)"
            if let column = issue.column { message = "\(column): \(message)" }
        }
        return ImportIssue(file: place, row: nil, column: nil, message: message, severity: issue.severity)
    }

    /// The text of a shared or inline string: its `t`, or its rich-text runs' `t`s.
    static func text(_ si: XMLNode) -> String {
        if let t = si.child("t") { return t.text }
        return si.all("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// `C7` → (column 2, row 7).
    static func reference(_ ref: String) -> (Int, Int)? {
        let letters = ref.prefix { $0.isLetter }, digits = ref.dropFirst(letters.count)
        // At most three letters (XFD is the last column) and seven digits: no overflow.
        guard (1...3).contains(letters.count), letters.allSatisfy({ $0.isASCII }), (1...7).contains(digits.count), let row = Int(digits) else { return nil }
        let col = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (col, row)
    }

    /// A number as its digits: 12000 not 12000.0, 3.5 as 3.5 (the shortest text that reads back),
    /// 0.000001 not 1e-06 (never in exponent notation, which amounts and figures do not accept).
    static func number(_ value: Double, raw: String) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = "\(value)"
        guard shortest.contains("e") || shortest.contains("E") else { return shortest }
        return Decimal(string: shortest).map { "\($0)" } ?? shortest
    }

    /// The cell styles (indexes into cellXfs) whose number format is a date: the built-in
    /// date formats 14–22 and 45–47 (ECMA-376 §18.8.30), or a custom format with y, m or d outside
    /// quotes and brackets that is not only a time.
    static func dateStyles(_ styles: XMLNode?) -> Set<Int> {
        guard let styles else { return [] }
        var custom: [Int: String] = [:]
        for f in styles.child("numFmts")?.all("numFmt") ?? [] {
            if let id = Int(f.attributes["numFmtId"] ?? ""), let code = f.attributes["formatCode"] { custom[id] = code }
        }
        func isDate(_ id: Int) -> Bool {
            // Built-in: 14–17 and 22 dates and date-times; 27–36 and 50–58 the East Asian date formats.
            if [14, 15, 16, 17, 22].contains(id) || (27...36).contains(id) || (50...58).contains(id) { return true }
            guard var code = custom[id]?.lowercased() else { return false }
            while let open = code.firstIndex(where: { $0 == "\"" || $0 == "[" }) {
                let close: Character = code[open] == "\"" ? "\"" : "]"
                guard let end = code[code.index(after: open)...].firstIndex(of: close) else { break }
                code.removeSubrange(open...end)
            }
            return code.contains("y") || code.contains("d") || (code.contains("m") && !code.contains("h") && !code.contains("s"))
        }
        var out = Set<Int>()
        for (i, xf) in (styles.child("cellXfs")?.all("xf") ?? []).enumerated() {
            if let id = Int(xf.attributes["numFmtId"] ?? ""), isDate(id) { out.insert(i) }
        }
        return out
    }

    /// A serial day number as a calendar date: in the 1900 system day 1 is 1900-01-01 and day 60
    /// is the non-existent 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility, so days
    /// from 61 on count from 1899-12-30; in the 1904 system day 0 is 1904-01-01.
    static func date(serial: Double, date1904: Bool) -> CalendarDate? {
        // Serial 2,958,465 is 9999-12-31, Excel's last day; beyond it (or NaN) is no date.
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let day = Int(serial.rounded(.down))
        let epoch: CalendarDate
        var offset = day
        if date1904 {
            epoch = try! CalendarDate(year: 1904, month: 1, day: 1)
        } else {
            guard day >= 1, day != 60 else { return nil }
            epoch = try! CalendarDate(year: 1899, month: 12, day: day < 60 ? 31 : 30)
            offset = day
        }
        let d = epoch.adding(days: offset)
        return CalendarDate.parsedYears.contains(d.year) ? d : nil
    }
}

extension CSVTable {
    /// A table read from a worksheet, for the same importers as CSV (rows are numbered as the
    /// CSV reader numbers them; `XLSXSheet.headerRow` gives the offset to the sheet's rows).
    public init(sheet: XLSXSheet) {
        self.init(file: sheet.file, header: sheet.header.map { $0.trimmingWhitespace() }, rows: sheet.rows, encoding: .utf8)
    }
}
