import Foundation
import LuodiCore

/// A project in a list.
public struct ProjectSummary: Codable, Sendable {
    public var id: UUID
    public var key: String
    public var name: String
    public var department: String?
    public var category: ProjectCategory?
    public var stage: Stage?
    public var rag: RAGStatus
    public var reasons: [RAGAssessment.Finding]
    public var totalInvestment: Money?
    public var annualPlannedInvestment: Money?
    public var completedInvestment: Money?
    public var completionPercent: Double?
    public var milestones: Int
    public var overdueMilestones: Int
    /// The last period reported, when the zone has a reporting cycle and the project has reported.
    public var lastReportedPeriod: String?
    /// True when a whole reporting cycle passed without a report; nil when the zone has no cycle.
    public var reportOverdue: Bool?
}

extension ProjectSummary {
    /// The row of an assessed project at `asOf`.
    init(_ p: AssessedStoredProject, asOf: CalendarDate) {
        let x = p.project
        self.init(
            id: p.stored.id, key: x.key, name: x.name, department: x.department, category: x.category, stage: x.stage,
            rag: p.assessment.status, reasons: p.assessment.reasons, totalInvestment: x.totalInvestment,
            annualPlannedInvestment: x.annualPlannedInvestment, completedInvestment: x.completedInvestment,
            completionPercent: x.annualPlannedInvestment.flatMap { plan in x.completedInvestment?.ratio(to: plan).map { round2($0 * 100) } },
            milestones: p.plan.milestones.count,
            overdueMilestones: p.plan.milestones.filter { $0.isOverdue(asOf: asOf) }.count,
            lastReportedPeriod: p.reporting?.lastReported?.name, reportOverdue: p.reporting?.stale)
    }
}
