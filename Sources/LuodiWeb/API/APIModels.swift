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

/// A project in a list.
struct ProjectSummary: Codable {
    var id: UUID
    var key: String
    var name: String
    var department: String?
    var category: ProjectCategory?
    var stage: Stage?
    var rag: RAGStatus
    var reasons: [RAGAssessment.Finding]
    var totalInvestment: Money?
    var annualPlannedInvestment: Money?
    var completedInvestment: Money?
    var completionPercent: Double?
    var milestones: Int
    var overdueMilestones: Int
}

/// `GET /api/v1/projects/{id}`: every field with its milestones and light.
struct ProjectDetailResponse: Codable {
    var id: UUID
    var zone: String
    var version: Int
    var asOf: String
    var project: Project
    var milestones: [Milestone]
    var rag: RAGStatus
    var reasons: [RAGAssessment.Finding]
}
