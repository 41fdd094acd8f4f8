import LuodiCore

/// Minimal helpers for writing SVG.
enum SVG {
    static func escape(_ s: String) -> String { Markup.escape(s) }

    /// A number with at most two decimals, no exponent.
    static func n(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
