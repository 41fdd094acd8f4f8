import Foundation
import LuodiCore
import LuodiStore
import Vapor

enum ProjectIndexPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let service = req.portfolio
        let filter = try req.projectFilter()
        let assessed = try await service.assess(zone, asOf: try req.asOfParameter())
        let model = query(assessed, filter: filter, lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name))
        return ProjectIndexView.render(model).response()
    }

    static func query(_ z: AssessedZone, filter: ProjectFilter, lang: Language, path: String, zones: [String]) -> ProjectIndexModel {
        let result = filter.apply(to: z.projects, asOf: z.asOf)
        let rows = result.page.map { ProjectSummary($0, asOf: z.asOf) }
        let departments = Set(z.projects.compactMap(\.project.department)).sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map(Department.init(name:)) + (z.projects.contains { $0.project.department == nil } ? [Department(name: ProjectFilter.unassigned)] : [])
        return ProjectIndexModel(lang: lang, path: path, zones: zones, zone: z.stored.zone.name, asOf: z.asOf,
                                 convention: z.stored.zone.timeElapsedConvention, ruleSet: z.stored.zone.ruleSet.name, filter: filter,
                                 departments: departments, rows: rows, total: result.total, pages: result.pages)
    }
}
