import Foundation
import LuodiCore

/// `GET /api/v1/projects`: one page of the filtered list.
struct ProjectListResponse: Codable {
    var zone: String
    var asOf: String
    var total: Int
    var page: Int
    var perPage: Int
    var pages: Int
    var items: [ProjectSummary]
}

/// `GET /api/v1/projects/{id}`: every field with its milestones and light.
struct ProjectDetailResponse: Codable {
    var id: UUID
    var zone: String
    var version: Int
    var asOf: String
    var project: Project
    var milestones: [Milestone]
    var links: [MilestoneLink]
    var rag: RAGStatus
    var reasons: [RAGAssessment.Finding]
    /// The reporting state at `asOf`; absent when the zone has no reporting cycle.
    var reporting: ReportingFigures?
}

/// A project's reporting state in the API: the last period reported, whether a whole cycle
/// passed without a report, and whether the completed investment was summed from reports.
struct ReportingFigures: Codable, Sendable {
    var lastReportedPeriod: String?
    var reportOverdue: Bool
    var completedInvestmentFromReports: Bool
    init?(_ state: ReportingState?) {
        guard let state else { return nil }
        lastReportedPeriod = state.lastReported?.name
        reportOverdue = state.stale
        completedInvestmentFromReports = state.derivedFromReports
    }
}

/// `PUT /api/v1/projects/{id}/links`: the project's whole set of milestone dependencies, and the
/// version of the project the edit is based on.
struct LinksUpdate: Codable {
    var version: Int
    var links: [MilestoneLink]
}

/// The answer to a links update.
struct LinksUpdated: Codable {
    var version: Int
    var links: [MilestoneLink]
}
