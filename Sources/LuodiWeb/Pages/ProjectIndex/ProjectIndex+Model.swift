import Foundation
import LuodiCore

/// The project list (项目清单): filters, one page of rows, paging.
struct ProjectIndexModel {
    let lang: Language
    let path: String
    let zones: [String]
    let zone: String
    let asOf: CalendarDate
    let convention: TimeElapsedConvention
    let ruleSet: String
    let filter: ProjectFilter
    let departments: [String]
    let rows: [Row]
    let total: Int
    let pages: Int

    struct Row {
        let id: UUID
        let name: String
        let department: String?
        let category: ProjectCategory?
        let stage: Stage?
        let rag: RAGStatus
        let firstReason: RAGAssessment.Finding?
        let reasonCount: Int
        let planned: Money?
        let completed: Money?
        let completionPercent: Double?
        let overdueMilestones: Int
    }
}
