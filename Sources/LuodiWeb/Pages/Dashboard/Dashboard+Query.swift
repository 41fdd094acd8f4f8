import LuodiCore
import LuodiStore
import Vapor

enum DashboardPage {
    static func handle(_ req: Request) async throws -> Response {
        // An enterprise liaison sees only its enterprise's projects: the zone's overview is not theirs.
        if let a = req.signedIn?.account, !AccessPolicy.mayEver(a.role, .readZone) { return req.redirect(to: SiteURL.projects.path) }
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
