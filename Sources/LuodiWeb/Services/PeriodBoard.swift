import Foundation
import LuodiCore
import LuodiStore
import Fluent
import Vapor

/// One reporting period of a zone: which projects reported and which did not, whether the
/// period is closed, and the periods around it. The same value serves the page, the API and the CLI.
struct PeriodBoard: Content {
    struct Row: Content {
        var projectID: UUID
        var projectName: String
        var department: String?
        /// The project's report for the period, if filed.
        var reportID: UUID?
        var version: Int?
        var investmentInPeriod: Money?
        var narrative: String?
        var reportedBy: String?
        var reportedOn: CalendarDate?
    }

    struct PeriodLine: Content {
        var name: String
        var start: CalendarDate
        var end: CalendarDate
        var closed: ClosedPeriod?
    }

    var zone: String
    /// Nil until the zone chooses a cycle; then there are no periods.
    var cycle: ReportingCycle?
    var period: PeriodLine?
    var reported: Int
    var expected: Int
    var rows: [Row]
    /// The periods of the shown period's year up to the current one, latest first.
    var periods: [PeriodLine]
    /// What changed against the previous period, when both are closed.
    var changes: PeriodChanges?

    /// The board of `period` (default: the zone's current period, today in its time zone).
    /// - Throws: a 422 naming `period` when it is not a period of the zone's cycle.
    static func load(_ db: any Database, zone: StoredZone, period name: String?) async throws -> PeriodBoard {
        let reports = ReportRepository(db: db)
        guard let cycle = zone.zone.reportingCycle else {
            return PeriodBoard(zone: zone.zone.name, cycle: nil, period: nil, reported: 0, expected: 0, rows: [], periods: [], changes: nil)
        }
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let period: ReportingPeriod
        if let name, !name.isEmpty {
            period = try ReportForms.period(name)
            guard period.cycle == cycle else { throw ReportStoreError.wrongCycle(period: name, cycle: cycle) }
        } else {
            period = ReportingPeriod(containing: today, cycle: cycle)
        }
        let closed = Dictionary(uniqueKeysWithValues: try await reports.closedPeriods(zoneID: zone.id).map { ($0.name, $0) })
        let filed = Dictionary(try await reports.reports(zoneID: zone.id, period: period.name).map { ($0.projectID, $0) }, uniquingKeysWith: { a, _ in a })
        let projects = try await FluentPortfolioRepository(db: db).projects(zoneID: zone.id)
        let rows = projects.map { p -> Row in
            let r = filed[p.id]
            return Row(projectID: p.id, projectName: p.plan.project.name, department: p.plan.project.department, reportID: r?.id, version: r?.version,
                       investmentInPeriod: r?.report.investmentInPeriod, narrative: r?.report.narrative,
                       reportedBy: r?.report.reportedBy, reportedOn: r?.report.reportedOn)
        }.sorted { ($0.department ?? "\u{10FFFF}", $0.projectName) < ($1.department ?? "\u{10FFFF}", $1.projectName) }
        // The period's year, from its last period so far (or the year's last, for a past year) back to its first.
        let current = ReportingPeriod(containing: today, cycle: cycle)
        var p = current.year == period.year ? max(current, period)
            : current.year > period.year ? ReportingPeriod(containing: try CalendarDate(year: period.year, month: 12, day: 28), cycle: cycle) : period
        var lines: [PeriodLine] = []
        while p.year == period.year {
            lines.append(PeriodLine(name: p.name, start: p.start, end: p.end, closed: closed[p.name]))
            p = p.previous
        }
        return PeriodBoard(zone: zone.zone.name, cycle: cycle,
                           period: PeriodLine(name: period.name, start: period.start, end: period.end, closed: closed[period.name]),
                           reported: rows.filter { $0.reportID != nil }.count, expected: rows.count, rows: rows, periods: lines,
                           changes: closed[period.name] == nil ? nil : try await PeriodChanges.closed(db, zone: zone, period: period))
    }
}
