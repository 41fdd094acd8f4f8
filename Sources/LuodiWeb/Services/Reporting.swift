import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// Progress reporting for the command line: the same checks and writes as the pages and the API.
/// Refusals are `AbortError`s whose `reason` names the field, as the API answers.
public struct Reporting: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Sets the zone's reporting cycle.
    public func setCycle(zone: String?, _ cycle: ReportingCycle) async throws {
        let z = try await PortfolioService.on(db).zone(named: zone)
        try await ReportRepository(db: db).setCycle(zoneID: z.id, cycle)
    }

    /// Files a report, or edits the project's report of that period when `version` is given.
    /// - Parameters:
    ///   - project: the project's key (e.g. `JM-01`) or its exact name in the zone.
    ///   - investment: the period's investment as people write it (`50万`, `1.2亿`; a bare number is 万元 in a CNY zone).
    /// - Returns: the report's id and version.
    public func file(zone: String?, project: String, period: String, investment: String?, milestoneActuals: [MilestoneActual],
                     enrollment: CalendarDate?, narrative: String, by: String, on: CalendarDate?, version: Int?, reason: String?) async throws -> (id: UUID, version: Int) {
        let z = try await PortfolioService.on(db).zone(named: zone)
        let projects = try await FluentPortfolioRepository(db: db).projects(zoneID: z.id)
        guard let p = projects.first(where: { $0.plan.project.key == project }) ?? projects.first(where: { $0.plan.project.name == project }) else {
            throw Abort(.notFound, reason: "project: no project with key or name '\(project)' in zone \(z.zone.name)")
        }
        let body = ReportsAPI.ReportBody(projectID: p.id, period: period, investmentInPeriod: investment, milestoneActuals: milestoneActuals,
                                         statisticalEnrollment: enrollment, narrative: narrative, reportedBy: by, reportedOn: on,
                                         version: version, reason: reason)
        return try await ReportForms.save(db, body, unit: z.zone.currency == .cny ? .wan : .one)
    }

    /// Closes a period and keeps every project's status as its snapshot.
    public func close(zone: String?, period: String, by: String) async throws {
        try await ReportForms.close(db, zone: try await PortfolioService.on(db).zone(named: zone), period: period, by: by)
    }

    /// One period (default the current one) as JSON, the shape of `GET /api/v1/periods`.
    public func boardJSON(zone: String?, period: String?) async throws -> String {
        let board = try await PeriodBoard.load(db, zone: try await PortfolioService.on(db).zone(named: zone), period: period)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(board), as: UTF8.self) + "\n"
    }

    /// One period as tab-separated lines: a heading line, then department, project, reported or
    /// not, investment in the period, reported by, on, narrative (cells made safe as in `ProblemText`).
    public func boardText(zone: String?, period: String?, lang: Language) async throws -> String {
        let board = try await PeriodBoard.load(db, zone: try await PortfolioService.on(db).zone(named: zone), period: period)
        let s = lang.strings, r = s.reporting
        guard let period = board.period else { return r.noCycle + "\n" }
        var out = "\(board.zone)\t\(period.name)\t\(period.start.iso)–\(period.end.iso)\t\(r.reportedCount(board.reported, board.expected))\t"
            + (period.closed.map { r.closed($0.closedBy, $0.closedOn) } ?? r.open) + "\n"
        for row in board.rows {
            out += [row.department ?? s.unassigned, row.projectName, row.reportID == nil ? r.missing : r.reported,
                    row.reportID == nil ? "" : Format.money(row.investmentInPeriod, lang), row.reportedBy ?? "", row.reportedOn?.iso ?? "",
                    row.narrative ?? ""].map(ProblemText.cell).joined(separator: "\t") + "\n"
        }
        return out
    }
}

extension Application {
    /// Progress reporting over this application's database.
    public var reporting: Reporting { Reporting(db: db) }
}
