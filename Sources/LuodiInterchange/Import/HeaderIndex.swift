import Foundation
import LuodiCore

/// The columns of a file's header, found by name with a unit suffix understood:
/// `总投资（万元）` is column `总投资` whose bare numbers are in 万元 of yuan; `Budget (USD)` is
/// column `Budget` in whole US dollars.
struct HeaderIndex {
    private var positions: [String: Int] = [:]
    /// Every column index a name stands for (more than one: the name is ambiguous).
    private var allPositions: [String: [Int]] = [:]
    private(set) var units: [Int: MoneyUnit] = [:]
    /// The currency a header names (`（万元）` yuan, `(USD)`, `（万美元）`), by column index.
    private(set) var currencies: [Int: CurrencyCode] = [:]
    let header: [String]

    init(header: [String]) {
        self.header = header
        for (i, raw) in header.enumerated() {
            let (name, unit, currency) = Self.split(raw)
            for key in Set([Self.key(raw), Self.key(name)]) {
                if positions[key] == nil { positions[key] = i }
                allPositions[key, default: []].append(i)
            }
            if let unit { units[i] = unit }
            if let currency { currencies[i] = currency }
        }
    }

    /// Index of the first alternative present.
    func index(of column: Mapping.ColumnName) -> Int? {
        column.alternatives.lazy.compactMap { positions[Self.key($0)] }.first
    }

    func index(ofName name: String) -> Int? { positions[Self.key(name)] }

    /// The columns that the first present alternative of `column` could mean; more than one
    /// when the header repeats a name (or gives it with and without a unit).
    func candidates(of column: Mapping.ColumnName) -> [Int] {
        column.alternatives.lazy.compactMap { allPositions[Self.key($0)] }.first ?? []
    }

    static func key(_ s: String) -> String { s.trimmingWhitespace().lowercased() }

    /// Splits `总投资（万元）` or `Budget (USD)` into the name, a money unit and the currency it
    /// names, if any: 万元/亿元/元/yuan/RMB/¥ are yuan, 美元/万美元/$ dollars, any ISO 4217 code
    /// itself; a bare 万 or 亿 names no currency.
    static func split(_ raw: String) -> (String, MoneyUnit?, CurrencyCode?) {
        let s = raw.trimmingWhitespace()
        for (open, close) in [("（", "）"), ("(", ")")] {
            guard s.hasSuffix(close), let start = s.range(of: open, options: .backwards) else { continue }
            let inner = String(s[start.upperBound..<s.index(before: s.endIndex)]).trimmingWhitespace()
            let name = String(s[..<start.lowerBound]).trimmingWhitespace()
            switch inner {
            case "万": return (name, .wan, nil)
            case "亿": return (name, .yi, nil)
            case "万元": return (name, .wan, .cny)
            case "亿元": return (name, .yi, .cny)
            case "元", "yuan", "RMB", "¥", "￥": return (name, .one, .cny)
            case "万美元": return (name, .wan, .usd)
            case "美元", "$": return (name, .one, .usd)
            default:
                if inner.count == 3, inner.allSatisfy({ $0.isASCII && $0.isUppercase }), let code = try? CurrencyCode(inner) { return (name, .one, code) }
                return (s, nil, nil)
            }
        }
        return (s, nil, nil)
    }
}
