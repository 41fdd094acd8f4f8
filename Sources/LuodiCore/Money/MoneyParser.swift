/// The unit in which a column's bare numbers are written.
///
/// Chinese investment lists give amounts in 万元 (10⁴ yuan) or 亿元 (10⁸ yuan); US lists in dollars.
public enum MoneyUnit: String, CaseIterable, Sendable, Codable {
    /// One major unit (yuan, dollar): `12000` means 12,000.
    case one
    /// 万 = 10,000 major units: `3000` means 30,000,000.
    case wan
    /// 亿 = 100,000,000 major units: `1.2` means 120,000,000.
    case yi

    /// Powers of ten of major units.
    public var exponent: Int {
        switch self {
        case .one: return 0
        case .wan: return 4
        case .yi: return 8
        }
    }
}

/// Parses amounts as people type them into spreadsheets: `3000万元`, `3,000 万`, `1.2亿`,
/// `12000`, `$1,234.50`, `￥5,000`, `USD 10`, `１２００` (full-width digits).
///
/// A unit word in the text (万, 万元, 亿, 亿元, 元) overrides the column's declared default unit;
/// a currency sign or code without a unit word (`$1,234.50`, `￥5,000`) means whole units.
/// A currency sign or code must match the zone's currency (`$` is USD, `¥`/`￥`/`元` CNY),
/// because amounts in different currencies are never mixed.
public struct MoneyParser: Sendable {
    /// The zone's currency.
    public let currency: CurrencyCode
    /// The unit of bare numbers in this column.
    public let defaultUnit: MoneyUnit

    public init(currency: CurrencyCode, defaultUnit: MoneyUnit) {
        self.currency = currency
        self.defaultUnit = defaultUnit
    }

    /// - Returns: the amount in the zone currency.
    /// - Throws: `MoneyError` (empty, not a number, negative, overflow, too many decimals,
    ///   or a currency other than the zone's).
    public func parse(_ raw: String) throws -> Money {
        var text = String(raw.map(Self.halfWidth)).trimmingWhitespace()
        guard !text.isEmpty else { throw MoneyError.empty }
        var unit: MoneyUnit?
        var declared: CurrencyCode?

        for (suffix, u, cur) in Self.suffixes where text.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmingWhitespace()
            if let u { unit = u }
            if let cur { declared = cur }
            break
        }
        for (prefix, cur) in Self.prefixes where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingWhitespace()
            declared = cur
            break
        }
        // A currency written without 万 or 亿 (`$1,234.50`, `￥5,000`) counts whole units.
        let unitUsed = unit ?? (declared != nil ? .one : defaultUnit)
        if let declared, declared != currency { throw MoneyError.foreignCurrency(raw, found: declared, zone: currency) }
        if text.hasPrefix("-") || text.hasPrefix("−") { throw MoneyError.negative(raw) }
        if text.hasPrefix("+") { text.removeFirst() }

        let cleaned = text.filter { $0 != "," && $0 != " " && $0 != "_" }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              cleaned.filter({ $0 == "." }).count <= 1,
              cleaned.first != ".", cleaned.last != "."
        else { throw MoneyError.notANumber(raw) }
        if text.contains(",") && !Self.validGrouping(text) { throw MoneyError.notANumber(raw) }

        let pieces = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        let intDigits = String(pieces[0])
        let fracDigits = pieces.count > 1 ? String(pieces[1]) : ""
        // Value in minor units = digits × 10^(unit exponent + minor digits − fraction digits).
        let shift = unitUsed.exponent + currency.minorUnitDigits - fracDigits.count
        guard shift >= 0 else { throw MoneyError.tooManyDecimals(raw, allowed: unitUsed.exponent + currency.minorUnitDigits) }
        var digits = (intDigits + fracDigits).drop(while: { $0 == "0" })
        if digits.isEmpty { digits = "0" }
        guard digits.count + shift <= 18, let base = Int64(digits) else { throw MoneyError.overflow(text: raw) }
        let (value, overflow) = base.multipliedReportingOverflow(by: Int64.power10(shift))
        guard !overflow else { throw MoneyError.overflow(text: raw) }
        return Money(minorUnits: value, currency: currency)
    }

    private static let suffixes: [(String, MoneyUnit?, CurrencyCode?)] = [
        ("万元", .wan, .cny), ("亿元", .yi, .cny), ("万", .wan, nil), ("亿", .yi, nil),
        ("元", .one, .cny), ("CNY", nil, .cny), ("RMB", nil, .cny), ("USD", nil, .usd),
    ]
    private static let prefixes: [(String, CurrencyCode)] = [
        ("US$", .usd), ("$", .usd), ("¥", .cny), ("￥", .cny), ("CNY", .cny), ("RMB", .cny), ("USD", .usd),
    ]

    /// `1,234,567.5` groups by three; `12,34` does not.
    private static func validGrouping(_ text: String) -> Bool {
        let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func halfWidth(_ c: Character) -> Character {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        switch scalar.value {
        case 0xFF10...0xFF19: return Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!)
        case 0xFF0C: return ","
        case 0xFF0E: return "."
        case 0x3000: return " "
        default: return c
        }
    }
}

extension String {
    /// Trims spaces, tabs, newlines and the ideographic space.
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
