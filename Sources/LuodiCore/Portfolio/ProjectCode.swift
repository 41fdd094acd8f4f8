/// The national investment-project code issued by the online approval and supervision platform
/// (全国投资项目在线审批监管平台): `YYYY-AAAAAA-II-TT-NNNNNN`, i.e. year, 6-digit administrative
/// region code, 2-digit industry code, 2-digit project type and 6-digit serial.
public struct ProjectCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code as written, e.g. `2021-370282-36-03-012345`.
    public let value: String

    /// - Throws: `ProjectCodeError.badFormat` naming the first part that is wrong.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 6, 2, 2, 6]
        let names = ["year", "region code", "industry code", "project type", "serial number"]
        guard parts.count == 5 else { throw ProjectCodeError.badFormat(text, reason: "expected 5 parts joined by '-'") }
        for (i, part) in parts.enumerated() {
            guard part.count == widths[i], part.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ProjectCodeError.badFormat(text, reason: "the \(names[i]) must be \(widths[i]) digits")
            }
        }
        guard let year = Int(parts[0]), (1990...2100).contains(year) else {
            throw ProjectCodeError.badFormat(text, reason: "the year \(parts[0]) is not plausible")
        }
        value = text
    }

    public init(from decoder: Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
    public var description: String { value }
}

/// A text that is not a national project code.
public enum ProjectCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case badFormat(String, reason: String)
    public var description: String {
        switch self {
        case let .badFormat(t, r): return "'\(t)' is not a project code YYYY-AAAAAA-II-TT-NNNNNN: \(r)"
        }
    }
}
