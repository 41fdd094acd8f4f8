import Foundation
import LuodiCore

/// The figures of `luodi status --json` and `GET /api/v1/dashboard`: one shape, one computation.
///
/// Money values are `{"currency": "USD", "minorUnits": 123450}` objects. A report over all zones
/// (no zone named) gives each money total as an array of such objects, one per currency,
/// because amounts in different currencies are never added; `zones` then holds each zone's own
/// report.
public struct StatusReport: Codable, Sendable, Equatable {
    /// The zone, or nil for all zones.
    public var zone: String?
    /// `yyyy-MM-dd`.
    public var asOf: String
    public var timeElapsedShare: ShareFigure
    /// The traffic-light rule set (zone reports only).
    public var ruleSet: String?
    public var projects: Int
    public var milestones: Int
    public var overdueMilestones: Int
    public var plannedInvestment: MoneyTotal
    public var completedInvestment: MoneyTotal
    public var totalInvestment: MoneyTotal
    /// How many projects give each figure (0: the sum is blank, not zero).
    public var reporting: ReportingCounts
    /// Projects that give both an annual plan and a completed figure: the base of `completionPercent`.
    public var comparableProjects: Int
    /// Σ completed ÷ Σ planned over projects that give both, in percent (zone reports only).
    public var completionPercent: Double?
    /// Time-elapsed share − completion rate, in percentage points; positive means behind. Nil
    /// when no project gives both figures, or the zone's rule set does not compare investment
    /// with time elapsed (e.g. `capital-program`, where figures are budgets and spending).
    public var behindPoints: Double?
    public var rag: RAGCounts
    public var byDepartment: [GroupFigures]
    public var byCategory: [GroupFigures]
    public var byStage: [GroupFigures]
    /// The most lagging projects (red, then amber; most days late first), at most 10.
    public var lagging: [LaggingProject]
    /// Each zone's report, when this one covers all zones.
    public var zones: [StatusReport]?
}

/// The time-elapsed share (序时进度) and how it was counted.
public struct ShareFigure: Codable, Sendable, Equatable {
    /// `days` or `months`.
    public var convention: TimeElapsedConvention
    public var elapsed: Int
    public var total: Int
    /// elapsed ÷ total × 100, rounded to 2 decimals.
    public var percent: Double

    init(_ share: TimeElapsedShare) {
        convention = share.convention
        elapsed = share.elapsed
        total = share.total
        percent = (share.percent * 100).rounded() / 100
    }
}

/// One money object, or (over zones of several currencies) one per currency.
public enum MoneyTotal: Codable, Sendable, Equatable {
    case single(Money)
    case perCurrency([Money])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let one = try? c.decode(Money.self) { self = .single(one) } else { self = .perCurrency(try c.decode([Money].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .single(m): try c.encode(m)
        case let .perCurrency(ms): try c.encode(ms)
        }
    }

    /// The amounts, one per currency.
    public var amounts: [Money] {
        switch self {
        case let .single(m): return [m]
        case let .perCurrency(ms): return ms
        }
    }
}

/// Figures of one group (a department, category or stage).
public struct GroupFigures: Codable, Sendable, Equatable {
    /// Group value; empty when projects give none.
    public var name: String
    /// The zone, in all-zones reports.
    public var zone: String?
    public var projects: Int
    public var milestones: Int
    public var overdueMilestones: Int
    public var plannedInvestment: Money
    public var completedInvestment: Money
    public var totalInvestment: Money
    /// How many projects give each figure (0: the sum is blank, not zero).
    public var reporting: ReportingCounts
    public var completionPercent: Double?
    public var behindPoints: Double?
    public var rag: RAGCounts
}

/// A project on the lagging list with its light and reasons.
public struct LaggingProject: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var department: String?
    public var rag: RAGStatus
    public var reasons: [RAGAssessment.Finding]
    /// The last period reported, when the zone has a reporting cycle and the project has reported.
    public var lastReportedPeriod: String?
    /// True when a whole reporting cycle passed without a report; nil when the zone has no cycle.
    public var reportOverdue: Bool?
}

/// Projects that give each money figure. Blank figures are skipped in sums, so a sum over no
/// project is unknown rather than zero.
public struct ReportingCounts: Codable, Sendable, Equatable {
    public var plannedInvestment: Int
    public var completedInvestment: Int
    public var totalInvestment: Int

    init(_ s: PortfolioSummary) {
        plannedInvestment = s.projectsWithPlan
        completedInvestment = s.projectsWithCompleted
        totalInvestment = s.projectsWithTotal
    }

    init(sum items: [ReportingCounts]) {
        plannedInvestment = items.map(\.plannedInvestment).reduce(0, +)
        completedInvestment = items.map(\.completedInvestment).reduce(0, +)
        totalInvestment = items.map(\.totalInvestment).reduce(0, +)
    }
}
