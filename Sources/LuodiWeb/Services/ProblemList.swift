import Foundation
import LuodiCore
import LuodiStore

/// The problem lists of DESIGN.md: open, due this week, overdue (or all), by department.
public enum ProblemView: String, CaseIterable, Sendable {
    case open, week, overdue, all

    /// The problems this view shows at `asOf`, optionally of one owner department.
    public func select(_ problems: [StoredProblem], asOf: CalendarDate, department: String?) -> [StoredProblem] {
        problems.filter { p in
            if let department, p.problem.ownerDepartment != department { return false }
            switch self {
            case .open: return p.problem.isUnresolved
            case .week: return p.problem.isDueThisWeek(asOf: asOf)
            case .overdue: return p.problem.isOverdue(asOf: asOf)
            case .all: return true
            }
        }
    }
}

/// A problem list as tab-separated text, one problem per line (for `luodi problems`, and for
/// pasting into a spreadsheet or a chat): deadline (with "overdue"), title, project, owner
/// department, state, level, latest supervision order. Tabs and line breaks inside a field become
/// spaces, and a field that a spreadsheet would read as a formula (leading `=`, `+`, `-`, `@`)
/// gets a leading apostrophe, as OWASP's CSV-injection guidance advises.
public enum ProblemText {
    /// The lines of `problems` at `asOf` in `lang`, each ending in a newline; a one-line note when empty.
    public static func render(_ problems: [StoredProblem], asOf: CalendarDate, lang: Language) -> String {
        let s = lang.strings
        guard !problems.isEmpty else { return s.noProblems + "\n" }
        return problems.map { p in
            let due = p.problem.isOverdue(asOf: asOf) ? "\(p.problem.deadline) \(s.overdue)" : p.problem.deadline.iso
            let order = p.orders.last.map { "\(s.supervision) \(s.problemLevel($0.level)) \($0.deadline)" } ?? ""
            return [due, p.problem.title, p.projectName ?? s.blank, p.problem.ownerDepartment, s.problemState(p.problem.state),
                    s.problemLevel(p.problem.level), order].map(cell).joined(separator: "\t") + "\n"
        }.joined()
    }

    /// One field, safe as a cell of a tab-separated line. A plain number (`-2`, `+3.5`) is left
    /// as it is: a spreadsheet reads it as a number, not a formula.
    static func cell(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        guard Double(flat) == nil else { return flat }
        return flat.first.map { "=+-@".contains($0) } == true ? "'" + flat : flat
    }
}
