import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/targets`: department targets and the ranking, with forms to set a target and report a figure.
enum TargetsPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let ranking = try await RankingReport.load(req.db, zone: zone, asOf: try req.asOfParameter(), period: nil)
        let projects = try await req.portfolioRepository.projects(zoneID: zone.id)
        let departments = Set(projects.compactMap(\.plan.project.department)).union(ranking.departments.map(\.department))
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        return TargetsView.render(TargetsModel(
            lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name), ranking: ranking,
            convention: zone.zone.timeElapsedConvention,
            currentPeriod: zone.zone.reportingCycle.map { ReportingPeriod(containing: today, cycle: $0).name }, departments: departments)).response()
    }

    static func setTarget(_ req: Request) async throws -> Response {
        struct Form: Content { var zone: String?; var year: String?; var department: String?; var metricKey: String?; var annualTarget: String? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let zone = try await req.portfolio.zone(named: form.zone)
        guard let year = form.year.flatMap({ Int($0.trimmingWhitespace()) }) else { throw Abort(.unprocessableEntity, reason: "year: required (e.g. 2021)") }
        let text = form.annualTarget?.trimmingWhitespace() ?? ""
        var value: Double?
        if !text.isEmpty {
            guard let v = Double(text) else { throw Abort(.unprocessableEntity, reason: "annualTarget: '\(text)' is not a number") }
            value = v
        }
        try await TargetForms.setTargets(req.db, zone: zone, year: year,
                                         [.init(department: form.department ?? "", metricKey: form.metricKey ?? "", annualTarget: value)])
        return req.redirect(to: SiteURL.targets.url([("zone", zone.zone.name)]), redirectType: .normal)
    }

    static func record(_ req: Request) async throws -> Response {
        struct Form: Content { var zone: String?; var department: String?; var metricKey: String?; var period: String?; var value: String?; var by: String? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let zone = try await req.portfolio.zone(named: form.zone)
        try req.authorize(.recordFigures, figuresOf: form.department)
        let text = form.value?.trimmingWhitespace() ?? ""
        guard let value = Double(text) else { throw Abort(.unprocessableEntity, reason: "value: '\(text)' is not a number") }
        _ = try await TargetForms.record(req.db, zone: zone, department: form.department ?? "", metricKey: form.metricKey ?? "",
                                         period: form.period ?? "", value: value, by: form.by ?? "")
        return req.redirect(to: SiteURL.targets.url([("zone", zone.zone.name)]), redirectType: .normal)
    }
}
