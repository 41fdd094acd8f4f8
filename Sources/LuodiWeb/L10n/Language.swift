import LuodiCore

/// The UI languages. Simplified Chinese is the default.
public enum Language: String, CaseIterable, Sendable {
    case zhHans = "zh-Hans"
    case en

    /// Picks from an explicit choice (`lang` cookie or query), then `Accept-Language`
    /// (first supported tag in q order), then zh-Hans.
    public static func negotiate(explicit: String?, acceptLanguage: String?) -> Language {
        if let explicit, let l = Language(tag: explicit) { return l }
        if let header = acceptLanguage {
            let tags = header.split(separator: ",").map { part -> (String, Double) in
                let pieces = part.split(separator: ";")
                let tag = String(pieces[0]).trimmingWhitespace()
                let q = pieces.dropFirst().map { String($0).trimmingWhitespace() }.first { $0.hasPrefix("q=") }
                    .flatMap { Double($0.dropFirst(2)) } ?? 1
                return (tag, q)
            }
            for (tag, _) in tags.sorted(by: { $0.1 > $1.1 }) { if let l = Language(tag: tag) { return l } }
        }
        return .zhHans
    }

    init?(tag: String) {
        let t = tag.lowercased()
        if t.hasPrefix("zh") { self = .zhHans } else if t.hasPrefix("en") { self = .en } else { return nil }
    }

    /// The strings of this language.
    public var strings: Strings { self == .zhHans ? .zhHans : .en }
    /// The other language, for the switch.
    public var other: Language { self == .zhHans ? .en : .zhHans }
}
