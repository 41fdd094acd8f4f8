import Foundation

/// Counts and sums over a set of projects at an as-of date: what the odometer (计程表) shows.
public struct PortfolioSummary: Hashable, Sendable, Codable {
    public var projects = 0
    public var milestones = 0
    /// Milestones whose planned finish is before the as-of date and that have no actual finish.
    public var overdueMilestones = 0
    /// Σ annual planned investment (or budget) of the projects that give one; blanks are skipped.
    public var plannedInvestment: Money
    /// Σ completed investment of the projects that give one; blanks are skipped.
    public var completedInvestment: Money
    /// Σ total investment of the projects that give one.
    public var totalInvestment: Money
    /// Projects that give a plan, a completed figure, a total investment: a sum over none is
    /// shown as blank, not as zero.
    public var projectsWithPlan = 0
    public var projectsWithCompleted = 0
    public var projectsWithTotal = 0
    /// Projects that give both a plan and a completed figure: the base of `completionRate`.
    public var projectsWithPlanAndProgress = 0
    /// Σ completed ÷ Σ planned over projects that give both figures, as a percentage; nil if none do.
    public var completionPercent: Double?
    public var rag = RAGCounts()

    public init(currency: CurrencyCode) {
        plannedInvestment = .zero(currency)
        completedInvestment = .zero(currency)
        totalInvestment = .zero(currency)
    }
}

/// Projects per light.
public struct RAGCounts: Hashable, Sendable, Codable {
    public var red = 0
    public var amber = 0
    public var green = 0
    public init(red: Int = 0, amber: Int = 0, green: Int = 0) {
        self.red = red
        self.amber = amber
        self.green = green
    }
    public subscript(status: RAGStatus) -> Int {
        switch status {
        case .red: return red
        case .amber: return amber
        case .green: return green
        }
    }
}

/// A project with its light at the as-of date: the unit every roll-up counts.
public struct AssessedProject: Hashable, Sendable {
    public let plan: ProjectPlan
    public let assessment: RAGAssessment
    public init(plan: ProjectPlan, assessment: RAGAssessment) {
        self.plan = plan
        self.assessment = assessment
    }
}

/// What a roll-up groups by.
public enum RollupDimension: String, CaseIterable, Sendable, Codable {
    case department, category, stage
}

/// Roll-ups of assessed projects (by zone, department, category, stage).
public enum Rollup {
    /// Sums one group. Projects whose money is in another currency than `currency` are a
    /// programming error upstream (a zone has one currency), so they throw rather than mix.
    /// - Throws: `MoneyError.currencyMismatch` or `.overflow`.
    public static func summarize(_ items: [AssessedProject], asOf: CalendarDate, currency: CurrencyCode) throws -> PortfolioSummary {
        var s = PortfolioSummary(currency: currency)
        var basePlanned = Money.zero(currency), baseDone = Money.zero(currency)
        for item in items {
            let p = item.plan.project
            s.projects += 1
            s.milestones += item.plan.milestones.count
            s.overdueMilestones += item.plan.milestones.filter { $0.isOverdue(asOf: asOf) }.count
            if let m = p.annualPlannedInvestment {
                s.plannedInvestment = try s.plannedInvestment.adding(m)
                s.projectsWithPlan += 1
            }
            if let m = p.completedInvestment {
                s.completedInvestment = try s.completedInvestment.adding(m)
                s.projectsWithCompleted += 1
            }
            if let m = p.totalInvestment {
                s.totalInvestment = try s.totalInvestment.adding(m)
                s.projectsWithTotal += 1
            }
            if let planned = p.annualPlannedInvestment, let done = p.completedInvestment, planned.minorUnits > 0 {
                s.projectsWithPlanAndProgress += 1
                basePlanned = try basePlanned.adding(planned)
                baseDone = try baseDone.adding(done)
            }
            switch item.assessment.status {
            case .red: s.rag.red += 1
            case .amber: s.rag.amber += 1
            case .green: s.rag.green += 1
            }
        }
        s.completionPercent = baseDone.ratio(to: basePlanned).map { $0 * 100 }
        return s
    }

    /// One summary per value of `dimension`, ordered by group name with numbers in numeric
    /// order (District 2 before District 10); projects without a value
    /// are grouped under the empty string (shown as "unassigned").
    public static func grouped(
        _ items: [AssessedProject], by dimension: RollupDimension, asOf: CalendarDate, currency: CurrencyCode
    ) throws -> [(group: String, summary: PortfolioSummary)] {
        let groups = Dictionary(grouping: items) { item -> String in
            let p = item.plan.project
            switch dimension {
            case .department: return p.department ?? ""
            case .category: return p.category?.rawValue ?? ""
            case .stage: return p.stage?.rawValue ?? ""
            }
        }
        return try groups.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map { key in
            (key, try summarize(groups[key]!, asOf: asOf, currency: currency))
        }
    }
}
