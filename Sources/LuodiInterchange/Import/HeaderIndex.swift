import Foundation
import LuodiCore

/// The columns of a file's header, found by name with a unit suffix understood:
/// `总投资（万元）` is column `总投资` whose bare numbers are in 万元.
struct HeaderIndex {
    private var positions: [String: Int] = [:]
    /// Every column index a name stands for (more than one: the name is ambiguous).
    private var allPositions: [String: [Int]] = [:]
    private(set) var units: [Int: MoneyUnit] = [:]
    let header: [String]

    init(header: [String]) {
        self.header = header
        for (i, raw) in header.enumerated() {
            let (name, unit) = Self.split(raw)
            for key in Set([Self.key(raw), Self.key(name)]) {
                if positions[key] == nil { positions[key] = i }
                allPositions[key, default: []].append(i)
            }
            if let unit { units[i] = unit }
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

    /// Splits `总投资（万元）` or `Budget (USD)` into the name and a money unit, if any.
    static func split(_ raw: String) -> (String, MoneyUnit?) {
        let s = raw.trimmingWhitespace()
        for (open, close) in [("（", "）"), ("(", ")")] {
            guard s.hasSuffix(close), let start = s.range(of: open, options: .backwards) else { continue }
            let inner = String(s[start.upperBound..<s.index(before: s.endIndex)]).trimmingWhitespace()
            let name = String(s[..<start.lowerBound]).trimmingWhitespace()
            switch inner {
            case "万元", "万": return (name, .wan)
            case "亿元", "亿": return (name, .yi)
            case "元", "yuan", "USD", "CNY", "$": return (name, .one)
            default: return (s, nil)
            }
        }
        return (s, nil)
    }
}
