/// Escaping for XML and HTML text and double- or single-quoted attribute values.
public enum Markup {
    /// Escapes `&`, `<`, `>`, `"` and `'` as character references.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
