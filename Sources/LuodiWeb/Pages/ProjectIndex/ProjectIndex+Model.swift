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
    let departments: [Department]
    let rows: [ProjectSummary]
    let total: Int
    let pages: Int
}
