import Foundation
import LuodiCore

/// Display formats: money in 万元/亿元 for CNY (DESIGN.md), millions for other currencies.
enum Format {
    static func money(_ m: Money?, _ lang: Language) -> String {
        guard let m else { return lang.strings.blank }
        let major = m.majorUnits
        if m.currency == .cny {
            return major >= 1e8 ? "\(fixed(major / 1e8, 2)) 亿元" : "\(fixed(major / 1e4, 2)) 万元"
        }
        let symbol = m.currency == .usd ? "$" : "\(m.currency.code) "
        if lang == .zhHans { return major >= 1e8 ? "\(symbol)\(fixed(major / 1e8, 2)) 亿" : "\(symbol)\(fixed(major / 1e4, 1)) 万" }
        return major >= 1e6 ? "\(symbol)\(fixed(major / 1e6, 2)) m" : "\(symbol)\(grouped(Int64(major.rounded())))"
    }

    static func percent(_ v: Double?) -> String {
        guard let v else { return "—" }
        return "\(fixed(v, 1))%"
    }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (v * scale).rounded() / scale
        let whole = Int64(r.rounded(.towardZero))
        guard digits > 0 else { return grouped(whole) }
        var frac = String(Int64((abs(r - Double(whole)) * scale).rounded()))
        while frac.count < digits { frac = "0" + frac }
        return "\(r < 0 && whole == 0 ? "-" : "")\(grouped(whole)).\(frac)"
    }

    static func grouped(_ v: Int64) -> String {
        let digits = String(v.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (v < 0 ? "-" : "") + out
    }

    static func date(_ d: CalendarDate?, _ lang: Language) -> String { d?.iso ?? lang.strings.blank }

    /// Two decimals (scores, points): 86.42.
    static func fixed2(_ v: Double) -> String { String(format: "%.2f", v) }
    /// Four decimals (ratios): 1.0083.
    static func fixed4(_ v: Double) -> String { String(format: "%.4f", v) }
    /// Two decimals with a sign (percentage points against time elapsed): +25.41, -9.59.
    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + String(format: "%.2f", v) }
    /// A figure without needless decimals, thousands grouped: 12,000, 2.5.
    static func number(_ v: Double) -> String {
        guard abs(v) < 1e15 else { return String(format: "%.2f", v) }
        if v == v.rounded() { return grouped(Int64(v)) }
        let cents = Int64((abs(v) * 100).rounded())
        return (v < 0 ? "-" : "") + grouped(cents / 100) + "." + String(format: "%02d", cents % 100)
    }

    /// A moment in UTC to the second, as the audit log keeps it: 2026-11-29T13:45:52Z.
    static func utcTime(_ d: Date) -> String { utc.string(from: d) }
    nonisolated(unsafe) private static let utc: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()
}
