import LuodiStore
import Vapor

enum DashboardPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let service = req.portfolio
        let asOf = try req.asOfParameter()
        let assessed = try await service.assess(zone, asOf: asOf)
        let model = DashboardModel(lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name),
                                   report: try service.report(assessed), convention: zone.zone.timeElapsedConvention,
                                   comparesInvestment: zone.zone.ruleSet.investmentLag != nil,
                                   changes: try await PeriodChanges.latest(req.db, zone: zone, asOf: assessed.asOf))
        return DashboardView.render(model).response()
    }
}
