import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/api/v1/targets`, `/api/v1/ranking` and `/api/v1/ranking-formula`: departments' targets,
/// their reported actuals, the formula and the ranking.
struct TargetsAPI: RouteCollection {
    struct TargetLine: Content {
        var department: String
        var metricKey: String
        /// Nil removes the target.
        var annualTarget: Double?
    }

    struct TargetsBody: Content {
        var zone: String?
        var year: Int
        var targets: [TargetLine]
    }

    struct ActualBody: Content {
        var zone: String?
        var department: String
        var metricKey: String
        var period: String
        var value: Double
        var by: String
    }

    struct FormulaBody: Content {
        var zone: String?
        var formula: RankingFormula
    }

    /// The targets page's and `GET /api/v1/targets`' content.
    struct TargetsView: Content {
        var zone: String
        var year: Int
        var formula: RankingFormula
        var targets: [DepartmentTarget]
        /// The year's reported figures, per period.
        var actuals: [TargetActual]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("ranking", use: ranking).access(.action(.readZone))
        routes.get("targets", use: targets).access(.action(.readZone))
        routes.put("targets", use: setTargets).access(.action(.administerZone))
        routes.post("targets", "actuals", use: record).access(.action(.recordFigures))
        routes.put("ranking-formula", use: setFormula).access(.action(.administerZone))
    }

    func ranking(_ req: Request) async throws -> RankingReport {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        return try await RankingReport.load(req.db, zone: zone, asOf: try req.asOfParameter(), period: req.query[String.self, at: "period"])
    }

    func targets(_ req: Request) async throws -> TargetsView {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let year = try req.query[String.self, at: "year"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
            guard let y = Int(text), (1900...9999).contains(y) else { throw Abort(.badRequest, reason: "year: '\(text)' is not a year") }
            return y
        } ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone).year
        return try await TargetForms.view(req.db, zone: zone, year: year)
    }

    func setTargets(_ req: Request) async throws -> TargetsView {
        let body: TargetsBody
        do { body = try req.content.decode(TargetsBody.self) } catch {
            throw ProblemForms.bodyError(error, expected: "year and targets ([{department, metricKey, annualTarget (null removes)}]), optionally zone")
        }
        let zone = try await req.portfolio.zone(named: body.zone)
        try await TargetForms.setTargets(req.db, zone: zone, year: body.year, body.targets)
        return try await TargetForms.view(req.db, zone: zone, year: body.year)
    }

    func record(_ req: Request) async throws -> TargetsView {
        let body: ActualBody
        do { body = try req.content.decode(ActualBody.self) } catch {
            throw ProblemForms.bodyError(error, expected: "department, metricKey, period, value, by, optionally zone")
        }
        let zone = try await req.portfolio.zone(named: body.zone)
        try req.authorize(.recordFigures, figuresOf: body.department)
        let period = try await TargetForms.record(req.db, zone: zone, department: body.department, metricKey: body.metricKey,
                                                  period: body.period, value: body.value, by: body.by)
        return try await TargetForms.view(req.db, zone: zone, year: period.year)
    }

    func setFormula(_ req: Request) async throws -> TargetsView {
        let body: FormulaBody
        do { body = try req.content.decode(FormulaBody.self) } catch let e as TargetError {
            throw Abort(.unprocessableEntity, reason: "formula: \(e)")
        } catch {
            throw ProblemForms.bodyError(error, expected: "formula ({metrics: [{key, name, unit, direction, workLine, weight, source}], cap}), optionally zone")
        }
        let zone = try await req.portfolio.zone(named: body.zone)
        try await TargetForms.setFormula(req.db, zone: zone, body.formula)
        return try await TargetForms.view(req.db, zone: zone, year: CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone).year)
    }
}

/// The checks shared by the targets page, the API and the CLI, with errors that name the field.
enum TargetForms {
    /// Largest figure or target accepted (10¹² in the metric's unit), so that a year's sum stays a finite number.
    static let maxFigure = 1e12

    static func zone(_ db: any Database, _ name: String?) async throws -> StoredZone {
        try await PortfolioService.on(db).zone(named: name)
    }

    static func view(_ db: any Database, zone: StoredZone, year: Int) async throws -> TargetsAPI.TargetsView {
        let repo = TargetRepository(db: db)
        let actuals = try await repo.actuals(zoneID: zone.id).filter { (try? ReportingPeriod(name: $0.period))?.year == year }
        return TargetsAPI.TargetsView(zone: zone.zone.name, year: year, formula: try await repo.formula(zoneID: zone.id),
                                      targets: try await repo.targets(zoneID: zone.id, year: year), actuals: actuals)
    }

    /// Sets or removes targets; every line is checked before anything is written.
    static func setTargets(_ db: any Database, zone: StoredZone, year: Int, _ lines: [TargetsAPI.TargetLine]) async throws {
        guard (1900...9999).contains(year) else { throw Abort(.unprocessableEntity, reason: "year: \(year) is not a year") }
        let formula = try await TargetRepository(db: db).formula(zoneID: zone.id)
        var changes: [(department: String, metricKey: String, annualTarget: Double?)] = []
        for (i, line) in lines.enumerated() {
            let department = try ProblemForms.name("targets[\(i)].department", line.department)
            if let j = changes.firstIndex(where: { $0.department == department && $0.metricKey == line.metricKey }) {
                throw Abort(.unprocessableEntity, reason: "targets[\(i)]: repeats the department and metric of targets[\(j)]")
            }
            // A target may be removed even when its metric has left the formula.
            guard line.annualTarget == nil || formula.metrics.contains(where: { $0.key == line.metricKey }) else {
                throw Abort(.unprocessableEntity, reason: "targets[\(i)].metricKey: '\(line.metricKey)' is not a metric of the zone's formula (\(formula.metrics.map(\.key).joined(separator: ", ")))")
            }
            if let value = line.annualTarget {
                guard value <= maxFigure else { throw Abort(.unprocessableEntity, reason: "targets[\(i)].annualTarget: at most 1,000,000,000,000") }
                do { _ = try DepartmentTarget(department: department, metricKey: line.metricKey, annualTarget: value) } catch {
                    throw Abort(.unprocessableEntity, reason: "targets[\(i)].annualTarget: \(error)")
                }
            }
            changes.append((department, line.metricKey, line.annualTarget))
        }
        try await TargetRepository(db: db).setTargets(zoneID: zone.id, year: year, changes)
    }

    /// Replaces the zone's formula, unless it has no metric or drops a metric that targets use.
    static func setFormula(_ db: any Database, zone: StoredZone, _ formula: RankingFormula) async throws {
        guard !formula.metrics.isEmpty else { throw Abort(.unprocessableEntity, reason: "formula: metrics: at least one metric") }
        let keys = Set(formula.metrics.map(\.key))
        if let used = try await TargetRepository(db: db).targetsInUse(zoneID: zone.id).first(where: { !keys.contains($0.metricKey) }) {
            throw Abort(.unprocessableEntity, reason: "formula: metric '\(used.metricKey)' has targets (\(used.department), \(used.year)); remove them first or keep the metric")
        }
        try await TargetRepository(db: db).setFormula(zoneID: zone.id, formula)
    }

    /// Records a department's figure on a reported metric for one period of the zone's cycle.
    static func record(_ db: any Database, zone: StoredZone, department: String, metricKey: String, period name: String,
                       value: Double, by: String) async throws -> ReportingPeriod {
        let department = try ProblemForms.name("department", department), by = try ProblemForms.name("by", by)
        let formula = try await TargetRepository(db: db).formula(zoneID: zone.id)
        guard let metric = formula.metrics.first(where: { $0.key == metricKey }) else {
            throw Abort(.unprocessableEntity, reason: "metricKey: '\(metricKey)' is not a metric of the zone's formula (\(formula.metrics.map(\.key).joined(separator: ", ")))")
        }
        guard metric.source == .reported else {
            let from = metric.source.isAttraction ? "the attraction records" : "the projects"
            throw Abort(.unprocessableEntity, reason: "metricKey: '\(metricKey)' (\(metric.name)) is derived from \(from) (\(metric.source.rawValue)); it is never typed")
        }
        guard value.isFinite, value >= 0, value <= maxFigure else {
            throw Abort(.unprocessableEntity, reason: "value: must be a number from 0 to 1,000,000,000,000 in \(metric.unit)")
        }
        guard let cycle = zone.zone.reportingCycle else { throw ReportStoreError.noCycle(zone: zone.zone.name) }
        let period = try ReportForms.period(name)
        guard period.cycle == cycle else { throw ReportStoreError.wrongCycle(period: name, cycle: cycle) }
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        guard period.start <= today else { throw ReportStoreError.notBegun(period.name, start: period.start) }
        try await TargetRepository(db: db).record(zoneID: zone.id, department: department, metricKey: metricKey, period: period,
                                                  value: value, by: by, on: today)
        return period
    }
}
