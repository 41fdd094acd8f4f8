import LuodiCore

/// How a predecessors cell is written: items separated by `;`, `；` or `、`, each a milestone
/// name optionally followed by a space and a type and lag in working days:
/// `供地 FS+10; 规划许可; 开工 SS-2天`. Without a type the link is finish-to-start. Used by the
/// import (`前置节点` column) and by the project page's dependency form.
public enum PredecessorSyntax {
    /// - Returns: (predecessor name, type, lag days) for each item.
    /// - Throws: `ImportIssue` whose message says what is wrong with the item.
    public static func parse(_ text: String) throws -> [(String, RelationshipType, Int)] {
        let items = text.split(whereSeparator: { ";；、".contains($0) }).map { String($0).trimmingWhitespace() }
        return try items.filter { !$0.isEmpty }.map { item in
            guard let space = item.lastIndex(where: { $0 == " " || $0 == "\u{3000}" }) else { return (item, .finishToStart, 0) }
            let name = String(item[..<space]).trimmingWhitespace()
            var token = Substring(String(item[item.index(after: space)...]).uppercased())
            var type = RelationshipType.finishToStart
            if let t = RelationshipType.allCases.first(where: { token.hasPrefix($0.rawValue) }) {
                type = t
                token = token.dropFirst(2)
            } else if !(token.first == "+" || token.first == "-") {
                return (item, .finishToStart, 0)   // the space belongs to the name
            }
            for suffix in ["天", "D"] where token.hasSuffix(suffix) { token = token.dropLast(suffix.count) }
            var lag = 0
            if !token.isEmpty {
                guard let v = Int(token.hasPrefix("+") ? token.dropFirst() : token) else {
                    throw ImportIssue(file: "", row: nil, column: nil, message: "'\(item)': the lag must be a whole number of working days, e.g. 供地 FS+10")
                }
                lag = v
            }
            guard !name.isEmpty else { throw ImportIssue(file: "", row: nil, column: nil, message: "'\(item)' names no milestone") }
            return (name, type, lag)
        }
    }

    /// The predecessors cell of `successor`: the inverse of `parse`, in link order
    /// (`开工 FS+120; 规划许可`); finish-to-start without lag is the bare name.
    public static func format(_ links: [MilestoneLink], successor: String) -> String {
        links.filter { $0.successor == successor }.map { link in
            if link.type == .finishToStart && link.lagDays == 0 { return link.predecessor }
            return "\(link.predecessor) \(link.type.rawValue)\(link.lagDays < 0 ? "" : "+")\(link.lagDays)"
        }.joined(separator: "; ")
    }
}
