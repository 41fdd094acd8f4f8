import Foundation

/// One dated exchange rate: one unit of `from` is worth `rate` units of `to` from `on` onwards
/// (until a later rate of the same pair), as an administrator entered it from a published
/// source (e.g. the People's Bank of China's central parity, 人民币汇率中间价).
public struct ExchangeRate: Sendable, Codable, Hashable {
    public var from: CurrencyCode
    public var to: CurrencyCode
    public var on: CalendarDate
    public var rate: Decimal

    public init(from: CurrencyCode, to: CurrencyCode, on: CalendarDate, rate: Decimal) {
        self.from = from
        self.to = to
        self.on = on
        self.rate = rate
    }
}

/// Amounts in several currencies are added only through a dated rate, and the rate used is said.
public enum CurrencyConversionError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRate(from: CurrencyCode, to: CurrencyCode, on: CalendarDate)

    public var description: String {
        switch self {
        case let .noRate(from, to, on):
            return "no \(from.code)→\(to.code) exchange rate on or before \(on); an administrator enters one (exchange rates), amounts in different currencies are never added without it"
        }
    }
}

/// Converts and adds dated amounts with a table of dated rates.
public struct ExchangeRateTable: Sendable, Hashable {
    public let rates: [ExchangeRate]
    public init(_ rates: [ExchangeRate]) { self.rates = rates.sorted { $0.on < $1.on } }

    /// The rate in force on `day` for `from`→`to`: the latest on or before it.
    public func rate(from: CurrencyCode, to: CurrencyCode, on day: CalendarDate) -> ExchangeRate? {
        rates.last { $0.from == from && $0.to == to && $0.on <= day }
    }

    /// `amount` in `currency` at the rate in force on `day`, rounded half-up to the minor unit.
    /// - Throws: `CurrencyConversionError.noRate`.
    public func convert(_ amount: Money, to currency: CurrencyCode, on day: CalendarDate) throws(CurrencyConversionError) -> (Money, ExchangeRate?) {
        guard amount.currency != currency else { return (amount, nil) }
        guard let r = rate(from: amount.currency, to: currency, on: day) else { throw .noRate(from: amount.currency, to: currency, on: day) }
        let scale = Decimal(sign: .plus, exponent: currency.minorUnitDigits - amount.currency.minorUnitDigits, significand: 1)
        var exact = Decimal(amount.minorUnits) * r.rate * scale, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return (Money(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: currency), r)
    }

    /// The sum of dated amounts in `currency`, with every rate used.
    /// - Throws: `CurrencyConversionError.noRate` for the first amount without a rate.
    public func total(_ amounts: [(Money, CalendarDate)], in currency: CurrencyCode) throws(CurrencyConversionError) -> (Money, [ExchangeRate]) {
        var sum: Int64 = 0
        var used: [ExchangeRate] = []
        for (m, day) in amounts {
            let (converted, rate) = try convert(m, to: currency, on: day)
            sum += converted.minorUnits
            if let rate, !used.contains(rate) { used.append(rate) }
        }
        return (Money(minorUnits: sum, currency: currency), used)
    }
}
