import LuodiCore
import LuodiStore

/// An amount as people type it for a lead: `5000` in the chosen currency (万 for yuan, units
/// otherwise), or with its own unit and currency, `5000万美元`, `1.2亿元`.
public enum LeadAmount {
    /// - Throws: `LeadError.invalid` naming `amount`.
    public static func parse(_ text: String?, currency: String? = nil) throws -> Money? {
        guard var body = text?.trimmingWhitespace(), !body.isEmpty else { return nil }
        var code = (try? CurrencyCode(currency ?? "CNY")) ?? .cny
        if body.hasSuffix("美元") {
            code = .usd
            body.removeLast(2)
        } else if body.hasSuffix("元") {
            code = .cny
            body.removeLast()
        }
        do { return try MoneyParser(currency: code, defaultUnit: code == .cny ? .wan : .one).parse(body) } catch {
            throw LeadError.invalid(field: "amount", reason: "'\(text ?? "")': \(error)")
        }
    }

}
