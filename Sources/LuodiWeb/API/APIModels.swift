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
