import LuodiCore

/// Filters, search, sort and page of the project list, shared by the page and the API.
public struct ProjectFilter: Sendable, Equatable {
    /// A department name, or `ProjectFilter.unassigned` for projects that give none.
    public var department: String?
    public var category: ProjectCategory?
    public var stage: Stage?
    public var rag: RAGStatus?
    /// Case-insensitive substring of the name, enterprise or key.
    public var search: String?
    public var sort: SortKey = .rag
    public var descending = true
    /// 1-based.
    public var page = 1
    public var perPage = 50

    public enum SortKey: String, CaseIterable, Sendable {
        case name, department, stage, rag, planned, completed, rate, overdue
    }

    /// The `department` value that selects projects without a department.
    public static let unassigned = "-"

    public init() {}

    /// The matching projects in order, and the page asked for.
    public func apply(to projects: [AssessedStoredProject], asOf: CalendarDate) -> (page: [AssessedStoredProject], total: Int, pages: Int) {
        let needle = search?.trimmingWhitespace().lowercased() ?? ""
        var matched = projects.filter { p in
            let x = p.project
            if let department, (x.department ?? Self.unassigned) != department { return false }
            if let category, x.category != category { return false }
            if let stage, x.stage != stage { return false }
            if let rag, p.assessment.status != rag { return false }
            if !needle.isEmpty {
                let hay = [x.name, x.enterprise ?? "", x.key, x.projectCode?.value ?? ""].joined(separator: "\n").lowercased()
                if !hay.contains(needle) { return false }
            }
            return true
        }
        func rate(_ p: AssessedStoredProject) -> Double {
            guard let plan = p.project.annualPlannedInvestment, let done = p.project.completedInvestment else { return -1 }
            return done.ratio(to: plan) ?? -1
        }
        func overdue(_ p: AssessedStoredProject) -> Int { p.plan.milestones.filter { $0.isOverdue(asOf: asOf) }.count }
        let ascending: (AssessedStoredProject, AssessedStoredProject) -> Bool = { a, b in
            switch sort {
            case .name: return a.project.name < b.project.name
            case .department: return (a.project.department ?? "", a.project.name) < (b.project.department ?? "", b.project.name)
            case .stage: return (a.project.stage.map { Stage.allCases.firstIndex(of: $0)! } ?? -1) < (b.project.stage.map { Stage.allCases.firstIndex(of: $0)! } ?? -1)
            case .rag:
                if a.assessment.status != b.assessment.status { return a.assessment.status < b.assessment.status }
                return (a.assessment.reasons.first?.reason.urgency ?? 0) < (b.assessment.reasons.first?.reason.urgency ?? 0)
            case .planned: return (a.project.annualPlannedInvestment?.minorUnits ?? -1) < (b.project.annualPlannedInvestment?.minorUnits ?? -1)
            case .completed: return (a.project.completedInvestment?.minorUnits ?? -1) < (b.project.completedInvestment?.minorUnits ?? -1)
            case .rate: return rate(a) < rate(b)
            case .overdue: return overdue(a) < overdue(b)
            }
        }
        // Stable: ties keep name order.
        matched = matched.enumerated().sorted { x, y in
            if ascending(x.element, y.element) { return !descending }
            if ascending(y.element, x.element) { return descending }
            return x.offset < y.offset
        }.map(\.element)
        let size = max(1, min(perPage, 500))
        let pages = max(1, (matched.count + size - 1) / size)
        let current = min(max(1, page), pages)
        let slice = matched.dropFirst((current - 1) * size).prefix(size)
        return (Array(slice), matched.count, pages)
    }
}
