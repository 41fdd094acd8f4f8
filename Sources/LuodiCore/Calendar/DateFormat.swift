/// A date pattern that an import column declares, e.g. `yyyy-MM-dd` or `M/d/yyyy`.
///
/// Only numeric patterns made of `yyyy`, `M`/`MM`, `d`/`dd` and one separator are supported,
/// because those are what spreadsheets in both source countries export. Parsing is strict:
/// `13/45/2021` and `2021-02-30` are refused with the reason.
public struct DateFormat: Hashable, Sendable, Codable, CustomStringConvertible {
    private enum Part: Hashable, Sendable { case year, month, day }
    private let order: [Part]
    private let separator: Character
    /// The pattern as written.
    public let pattern: String

    /// ISO 8601 `yyyy-MM-dd`.
    public static let iso = try! DateFormat("yyyy-MM-dd")

    /// - Throws: `DateFormatError.unsupported` when the pattern is not three numeric parts
    ///   (year, month, day in any order) joined by one of `-`, `/`, `.`.
    public init(_ pattern: String) throws {
        guard let sep = pattern.first(where: { "-/.".contains($0) }) else {
            throw DateFormatError.unsupported(pattern)
        }
        let tokens = pattern.split(separator: sep, omittingEmptySubsequences: false)
        var order: [Part] = []
        for token in tokens {
            switch token {
            case "yyyy": order.append(.year)
            case "M", "MM": order.append(.month)
            case "d", "dd": order.append(.day)
            default: throw DateFormatError.unsupported(pattern)
            }
        }
        guard Set(order).count == 3, order.count == 3 else { throw DateFormatError.unsupported(pattern) }
        self.order = order
        self.separator = sep
        self.pattern = pattern
    }

    public init(from decoder: Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(pattern)
    }

    public var description: String { pattern }

    /// Parses `text` by this pattern. Single-digit months and days are accepted for `MM`/`dd`.
    /// - Throws: `CalendarDateError`, naming the text and the reason.
    public func parse(_ text: String) throws -> CalendarDate {
        let fields = text.split(separator: separator, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw CalendarDateError.badFormat(text, expected: pattern) }
        var y = 0, m = 0, d = 0
        for (part, field) in zip(order, fields) {
            guard !field.isEmpty, field.count <= (part == .year ? 4 : 2), field.allSatisfy(\.isASCII),
                  let value = Int(field), value >= 0
            else { throw CalendarDateError.badFormat(text, expected: pattern) }
            switch part {
            case .year:
                guard field.count == 4 else { throw CalendarDateError.badFormat(text, expected: pattern) }
                y = value
            case .month: m = value
            case .day: d = value
            }
        }
        return try CalendarDate(parsedYear: y, month: m, day: d, text: text)
    }
}

/// A date pattern that `DateFormat` cannot use.
public enum DateFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsupported(String)
    public var description: String {
        switch self {
        case let .unsupported(p):
            return "date format '\(p)' is not supported; use yyyy, M or MM, d or dd joined by '-', '/' or '.'"
        }
    }
}
