import LuodiStore
import Vapor

enum DashboardPage {
    static func handle(_ req: Request) async throws -> Response {
        let service = req.portfolio
        let zones = try await service.zones()
        guard !zones.isEmpty else { return EmptyState.view(lang: req.language, path: req.pathAndQuery).response() }
        let asOf = try req.asOfParameter()
        let zone: StoredZone
        do { zone = try await service.zone(named: req.zoneParameter) } catch let e as ServiceError {
            throw Abort(.notFound, reason: e.description)
        }
        let assessed = try await service.assess(zone, asOf: asOf)
        let model = DashboardModel(lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name),
                                   report: try service.report(assessed), convention: zone.zone.timeElapsedConvention,
                                   comparesInvestment: zone.zone.ruleSet.investmentLag != nil)
        return DashboardView.render(model).response()
    }
}
