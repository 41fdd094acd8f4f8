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
            case .open: return p.problem.state == .open || p.problem.state == .assigned
            case .week: return p.problem.isDueThisWeek(asOf: asOf)
            case .overdue: return p.problem.isOverdue(asOf: asOf)
            case .all: return true
            }
        }
    }
}
