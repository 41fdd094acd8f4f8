import Foundation

/// An ISO 4217 currency code such as `CNY` or `USD`.
public struct CurrencyCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Three upper-case letters.
    public let code: String
    /// Digits of the minor unit (2 for fen and cent, 0 for yen), from ISO 4217's table.
    public var minorUnitDigits: Int { Self.zeroDecimal.contains(code) ? 0 : 2 }

    public static let cny = CurrencyCode(unchecked: "CNY")
    public static let usd = CurrencyCode(unchecked: "USD")

    private static let zeroDecimal: Set<String> = ["JPY", "KRW", "VND", "CLP", "ISK", "XAF", "XOF"]
    /// ISO 4217 codes from Foundation's locale data.
    private static let known = Set(Locale.Currency.isoCurrencies.map(\.identifier))

    /// - Throws: `MoneyError.badCurrency` unless `code` (any case) is an ISO 4217 code that
    ///   Foundation's locale data knows.
    public init(_ code: String) throws {
        let upper = code.uppercased()
        guard upper.count == 3, Self.known.contains(upper) else {
            throw MoneyError.badCurrency(code)
        }
        self.code = upper
    }

    private init(unchecked code: String) { self.code = code }

    public init(from decoder: Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    public var description: String { code }
    public static func < (a: CurrencyCode, b: CurrencyCode) -> Bool { a.code < b.code }
}

/// An amount of money: a count of the currency's minor unit (fen, cent) and the currency.
///
/// Amounts of different currencies are never added: `adding(_:)` throws instead.
/// JSON shape: `{"currency": "USD", "minorUnits": 123450}`.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The ISO 4217 currency.
    public let currency: CurrencyCode
    /// Amount in the minor unit (1 yuan = 100 fen), never negative for investment figures.
    public let minorUnits: Int64

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero of a currency.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The sum of two amounts of one currency.
    /// - Throws: `MoneyError.currencyMismatch` or `MoneyError.overflow`.
    public func adding(_ other: Money) throws -> Money {
        guard other.currency == currency else { throw MoneyError.currencyMismatch(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw MoneyError.overflow(text: "\(self) + \(other)") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The exact amount in `unit` of major units, the inverse of `MoneyParser`: 15,000,000 yuan
    /// in `.wan` is 1500, 12.34 dollars in `.one` is 12.34 (no binary rounding).
    public func decimal(in unit: MoneyUnit) -> Decimal {
        var value = Decimal(minorUnits)
        for _ in 0..<(currency.minorUnitDigits + unit.exponent) { value /= 10 }
        return value
    }

    /// Amount in major units (yuan, dollars) as a Double, for ratios and display only.
    public var majorUnits: Double {
        Double(minorUnits) / Double(Int64.power10(currency.minorUnitDigits))
    }

    /// `other ÷ self` style ratio helper: `part.ratio(to: whole)` is part / whole, or nil when
    /// the whole is zero or the currencies differ.
    public func ratio(to whole: Money) -> Double? {
        guard whole.currency == currency, whole.minorUnits != 0 else { return nil }
        return Double(minorUnits) / Double(whole.minorUnits)
    }

    /// E.g. `CNY 30000000.00`.
    public var description: String {
        let digits = currency.minorUnitDigits
        guard digits > 0 else { return "\(currency) \(minorUnits)" }
        let scale = Int64.power10(digits)
        let frac = String(minorUnits % scale)
        return "\(currency) \(minorUnits / scale).\(String(repeating: "0", count: digits - frac.count))\(frac)"
    }
}

/// Why money could not be parsed or combined.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notANumber(String)
    case negative(String)
    case overflow(text: String)
    case tooManyDecimals(String, allowed: Int)
    case unknownUnit(String)
    case currencyMismatch(CurrencyCode, CurrencyCode)
    /// An amount written in another currency than the zone's (text, its currency, the zone's).
    case foreignCurrency(String, found: CurrencyCode, zone: CurrencyCode)
    case badCurrency(String)

    public var description: String {
        switch self {
        case .empty: return "no amount given"
        case let .notANumber(t): return "'\(t)' is not an amount of money"
        case let .negative(t): return "'\(t)' is negative; investment amounts cannot be below zero"
        case let .overflow(t): return "'\(t)' is too large to store"
        case let .tooManyDecimals(t, allowed): return "'\(t)' has more than \(allowed) decimal places for its unit"
        case let .unknownUnit(u): return "unknown money unit '\(u)'; use yuan, wan (万元), yi (亿元), or a currency code"
        case let .currencyMismatch(a, b): return "cannot add \(a) to \(b) without an exchange rate"
        case let .foreignCurrency(t, found, zone):
            return "'\(t)' is in \(found) but this zone keeps its money in \(zone); amounts in different currencies are never mixed"
        case let .badCurrency(c): return "'\(c)' is not an ISO 4217 currency code"
        }
    }
}

extension Int64 {
    static func power10(_ n: Int) -> Int64 { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}
