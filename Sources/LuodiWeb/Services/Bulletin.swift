import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// The dispatch bulletin (调度通报) of one period: summary figures, starts, milestones met and new
/// signings in the period, what changed since the previous period, the lagging list with
/// reasons, overdue problems and the department ranking. One value, rendered as the print-ready
/// page, Markdown and CSV (`BulletinText`), and served as JSON.
public struct Bulletin: Content, Sendable {
    public struct Event: Codable, Sendable, Equatable {
        public var project: String
        public var department: String?
        /// The milestone, for milestones met and signings.
        public var milestone: String?
        public var date: CalendarDate
    }

    public struct OverdueProblem: Codable, Sendable, Equatable {
        public var title: String
        public var project: String?
        public var ownerDepartment: String
        public var deadline: CalendarDate
        public var daysLate: Int
        /// The level of the latest supervision order, if the problem was escalated.
        public var supervision: ProblemLevel?
    }

    /// What changed since the previous period, from its snapshot (taken when it was closed).
    public struct Changes: Codable, Sendable, Equatable {
        /// The previous period; nil when it was not closed, so there is no snapshot to compare with.
        public var previous: String?
        /// Red now and not red at the previous close.
        public var newReds: [String]
        /// Green now and not green at the previous close.
        public var greensRegained: [String]
        /// Problems closed (销号) in the period.
        public var problemsClosed: [String]
    }

    public var zone: String
    public var period: String
    public var start: CalendarDate
    public var end: CalendarDate
    /// The bulletin's date: the period's last day, or today while the period runs.
    public var asOf: CalendarDate
    public var closed: ClosedPeriod?
    /// Counts, money, completion against the time-elapsed share, lights.
    public var summary: StatusReport
    /// Reports filed for the period out of projects, when the zone reports in this period's cycle.
    public var reportsFiled: Int?
    public var starts: [Event]
    public var milestonesMet: [Event]
    /// Signing milestones (签约) met in the period.
    public var newSignings: [Event]
    public var changes: Changes
    /// Every red and amber project, red first, most days late first, with reasons.
    public var lagging: [LaggingProject]
    public var overdueProblems: [OverdueProblem]
    public var ranking: RankingReport

    /// - Throws: a 422 naming `period` when it is not a period name or has not begun.
    static func load(_ db: any Database, zone: StoredZone, period name: String) async throws -> Bulletin {
        let period = try ReportForms.period(name)
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        guard period.start <= today else { throw ReportStoreError.notBegun(period.name, start: period.start) }
        let asOf = period.figuresDay(today: today)
        let service = PortfolioService.on(db)
        let assessed = try await service.assess(zone, asOf: asOf)
        let summary = try service.report(assessed, laggingLimit: Int.max)
        let reports = ReportRepository(db: db)
        let closed = try await reports.closedPeriods(zoneID: zone.id).first { $0.name == period.name }
        let filed = zone.zone.reportingCycle == period.cycle ? try await reports.reports(zoneID: zone.id, period: period.name).count : nil

        var starts: [Event] = [], met: [Event] = [], signings: [Event] = []
        for p in assessed.projects {
            let x = p.project
            if let s = RankingReport.started(p.plan), period.contains(s) { starts.append(Event(project: x.name, department: x.department, date: s)) }
            for m in p.plan.milestones {
                guard let f = m.actualFinish, period.contains(f) else { continue }
                met.append(Event(project: x.name, department: x.department, milestone: m.name, date: f))
                if m.kind == .signing { signings.append(Event(project: x.name, department: x.department, milestone: m.name, date: f)) }
            }
        }
        let byDate = { (a: Event, b: Event) in (a.date, a.project) < (b.date, b.project) }

        let problems = ProblemRepository(db: db)
        let overdue = try await problems.problems(zoneID: zone.id, asOf: asOf).filter { $0.problem.isOverdue(asOf: asOf) }.map { p in
            OverdueProblem(title: p.problem.title, project: p.projectName, ownerDepartment: p.problem.ownerDepartment, deadline: p.problem.deadline,
                           daysLate: p.problem.deadline.days(until: asOf), supervision: p.orders.last?.level)
        }.sorted { ($0.daysLate, $1.title) > ($1.daysLate, $0.title) }

        let previous = period.previous
        let before = try await reports.snapshots(zoneID: zone.id, period: previous.name)
        let lights = PeriodChanges.compare(before: before, after: assessed.projects.map { ($0.stored.id, $0.project.name, $0.assessment.status) })
        let closedProblems = try await problems.closed(zoneID: zone.id, from: period.start, to: period.end).map(\.problem.problem.title)

        return Bulletin(
            zone: zone.zone.name, period: period.name, start: period.start, end: period.end, asOf: asOf, closed: closed,
            summary: summary, reportsFiled: filed, starts: starts.sorted(by: byDate), milestonesMet: met.sorted(by: byDate),
            newSignings: signings.sorted(by: byDate),
            changes: Changes(previous: before.isEmpty ? nil : previous.name, newReds: lights.newReds, greensRegained: lights.greensRegained,
                             problemsClosed: closedProblems),
            lagging: summary.lagging, overdueProblems: overdue,
            ranking: try await RankingReport.load(db, zone: zone, asOf: asOf, period: nil, assessed: assessed.projects))
    }
}
