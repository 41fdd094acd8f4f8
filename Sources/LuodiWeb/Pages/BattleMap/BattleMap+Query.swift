import Foundation
import LuodiCore
import LuodiStore
import Vapor

enum BattleMapPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let service = req.portfolio
        let groupBy = try req.groupingParameter()
        let filter = try req.projectFilter()
        let z = try await service.assess(zone, asOf: try req.asOfParameter())
        let map = BattleMapQuery.make(z, groupBy: groupBy, filter: filter, lang: req.language)
        let model = BattleMapModel(lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name), zone: zone.zone.name,
                                   asOf: z.asOf, groupBy: groupBy, filter: filter,
                                   departments: Set(z.projects.compactMap(\.project.department)).sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map(Department.init(name:)) + (z.projects.contains { $0.project.department == nil } ? [Department(name: ProjectFilter.unassigned)] : []),
                                   svg: map.svg())
        return BattleMapView.render(model).response()
    }

    /// The map alone, as an SVG file to download or print.
    static func svg(_ req: Request) async throws -> Response {
        let service = req.portfolio
        let zone: StoredZone
        do { zone = try await service.zone(named: req.zoneParameter) } catch let e as ServiceError {
            throw Abort(.notFound, reason: e.description)
        }
        let z = try await service.assess(zone, asOf: try req.asOfParameter())
        let map = BattleMapQuery.make(z, groupBy: try req.groupingParameter(), filter: try req.projectFilter(), lang: req.language)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.inline, filename: "battle-map.svg")
        return Response(status: .ok, headers: headers, body: .init(string: #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + map.svg()))
    }
}

extension Request {
    /// `groupBy` query parameter (department by default).
    /// - Throws: 400 naming `groupBy` for another value.
    func groupingParameter() throws -> BattleMapQuery.Grouping {
        guard let raw = query[String.self, at: "groupBy"], !raw.isEmpty else { return .department }
        guard let g = BattleMapQuery.Grouping(rawValue: raw) else {
            throw Abort(.badRequest, reason: "groupBy: use department or category")
        }
        return g
    }
}
