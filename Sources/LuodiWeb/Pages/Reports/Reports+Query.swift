import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/reports`: one period of the zone's reporting cycle, who reported and who did not.
enum ReportsPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let board = try await PeriodBoard.load(req.db, zone: zone, period: req.query[String.self, at: "period"])
        return ReportsView.render(ReportsModel(lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name), board: board)).response()
    }

    /// Closes the period named in the form, then shows it.
    static func close(_ req: Request) async throws -> Response {
        struct Form: Content { var zone: String?; var period: String?; var by: String? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let zone = try await zone(req, form.zone)
        try await ReportForms.close(req.db, zone: zone, period: form.period ?? "", by: form.by ?? "")
        return req.redirect(to: SiteURL.reports.url([("zone", zone.zone.name), ("period", form.period)]), redirectType: .normal)
    }

    /// Sets the zone's reporting cycle from the form.
    static func setCycle(_ req: Request) async throws -> Response {
        struct Form: Content { var zone: String?; var cycle: String? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let zone = try await zone(req, form.zone)
        guard let cycle = form.cycle.flatMap(ReportingCycle.init(rawValue:)) else {
            throw Abort(.unprocessableEntity, reason: "cycle: use weekly, halfMonthly or monthly")
        }
        try await req.reports.setCycle(zoneID: zone.id, cycle)
        return req.redirect(to: SiteURL.reports.url([("zone", zone.zone.name)]), redirectType: .normal)
    }

    private static func zone(_ req: Request, _ name: String?) async throws -> StoredZone {
        try await req.portfolio.zone(named: name)
    }
}
