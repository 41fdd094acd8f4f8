import CSV
import Foundation

/// A CSV file read into a header and records, with the row numbers a spreadsheet would show.
public struct CSVTable: Sendable {
    public let file: String
    public let header: [String]
    /// Records after the header; `rows[i]` is spreadsheet row `i + 2`.
    public let rows: [[String]]
    public let encoding: TextEncoding

    /// A table from rows already read (a worksheet).
    init(file: String, header: [String], rows: [[String]], encoding: TextEncoding) {
        self.file = file
        self.header = header
        self.rows = rows.map { $0.allSatisfy { $0.trimmingWhitespace().isEmpty } ? [] : $0 }
        self.encoding = encoding
    }

    /// Reads CSV text (RFC 4180 quoting) with CSV.swift.
    /// - Throws: `ImportIssue` for an empty file, a missing header or a quoting error.
    public init(data: Data, file: String, encoding: TextEncoding = .auto) throws {
        let (text, used) = try encoding.decode(data, file: file)
        self.file = file
        self.encoding = used
        guard !text.trimmingWhitespace().isEmpty else {
            throw ImportIssue(file: file, row: nil, column: nil, message: "the file is empty: expected a header row and at least one project row")
        }
        try CSVQuoting.check(text, file: file)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw ImportIssue(file: file, row: 1, column: nil, message: "cannot read the header row")
        }
        var rows: [[String]] = []
        while let row = reader.next() {
            if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { rows.append([]); continue }
            rows.append(row)
        }
        if let error = reader.error {
            throw ImportIssue(file: file, row: rows.count + 2, column: nil, message: "malformed CSV (\(error)); check the quotes on this row")
        }
        self.header = (reader.headerRow ?? []).map { $0.trimmingWhitespace() }
        // Trailing blank lines are not records.
        while rows.last?.isEmpty == true { rows.removeLast() }
        self.rows = rows
        if self.header.allSatisfy(\.isEmpty) {
            throw ImportIssue(file: file, row: 1, column: nil, message: "the header row is empty")
        }
        if rows.isEmpty {
            throw ImportIssue(file: file, row: nil, column: nil, message: "the file has a header but no rows")
        }
    }
}
