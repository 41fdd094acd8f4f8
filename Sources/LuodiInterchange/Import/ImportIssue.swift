/// A located problem in an import: `file:row:column: message`.
///
/// `row` is the 1-based record number as a spreadsheet shows it (the header is row 1).
/// Issues of severity `.error` stop the whole import (nothing is written); `.note` says what the
/// importer did with a quirk of the data (e.g. a status code read as a blank date).
public struct ImportIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, note }
    public var file: String
    public var row: Int?
    public var column: String?
    public var message: String
    public var severity: Severity

    public init(file: String, row: Int?, column: String?, message: String, severity: Severity = .error) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
        self.severity = severity
    }

    public var description: String {
        var location = file
        if let row { location += ":\(row)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// An import that cannot be applied: every error found, in file order.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public let issues: [ImportIssue]
    public init(issues: [ImportIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
