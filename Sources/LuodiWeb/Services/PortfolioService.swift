import Foundation
import LuodiCore
import LuodiStore

/// A zone's projects, each with its light at an as-of date.
public struct AssessedZone: Sendable {
    public let stored: StoredZone
    public let asOf: CalendarDate
    public let share: TimeElapsedShare
    public let projects: [AssessedStoredProject]
}

/// A stored project with its light.
public struct AssessedStoredProject: Sendable {
    public let stored: StoredProject
    /// The plan as assessed: the stored plan with its completed investment summed from the
    /// project's reports where it has any in the as-of year.
    public let plan: ProjectPlan
    public let assessment: RAGAssessment
    /// Where the project stands in the zone's reporting cycle; nil when the zone has none.
    public let reporting: ReportingState?
    public var project: Project { plan.project }
    var core: AssessedProject { AssessedProject(plan: plan, assessment: assessment) }
}

/// A project's reports as of a date.
public struct ReportingState: Sendable, Hashable {
    /// The latest period reported (a period counts once it has begun).
    public let lastReported: ReportingPeriod?
    /// A whole cycle passed without a report ("no report since …"; see `ReportedProgress.isStale`).
    public let stale: Bool
    /// How many reports the completed investment shown was summed from (`ReportedProgress.counted`); 0: imported.
    public let summedReports: Int
    /// The completed investment shown was summed from the year's reports, not imported.
    public var derivedFromReports: Bool { summedReports > 0 }

    /// A project's state at `asOf` from its reports' periods and amounts, with the year-to-date sum.
    /// - Throws: `MoneyError` if amounts of two currencies meet (only a corrupt store causes it).
    static func of(_ figures: [(period: ReportingPeriod, investment: Money?)], cycle: ReportingCycle, asOf: CalendarDate) throws -> (ReportingState, Money?) {
        let last = ReportedProgress.lastReported(figures.map(\.period), asOf: asOf)
        let derived = try ReportedProgress.completedInvestment(figures, asOf: asOf)
        return (ReportingState(lastReported: last, stale: ReportedProgress.isStale(lastReported: last, asOf: asOf, cycle: cycle),
                               summedReports: ReportedProgress.counted(figures, asOf: asOf).count), derived)
    }
}

/// Reads the portfolio and applies the zone's rules: the one place that turns stored projects
/// into lights and figures, for the pages, the API and the CLI alike.
public struct PortfolioService: Sendable {
    let repository: any PortfolioRepository
    /// Supervision orders that turn lights red; nil where problems are not kept.
    let problems: ProblemRepository?
    /// Progress reports, from which completed investment and freshness are derived; nil where reports are not kept.
    let reports: ReportRepository?

    public init(repository: any PortfolioRepository, problems: ProblemRepository? = nil, reports: ReportRepository? = nil) {
        self.repository = repository
        self.problems = problems
        self.reports = reports
    }

    /// The zone named, or the first zone created when `name` is nil.
    /// - Throws: `ServiceError.unknownZone` listing the zones that exist.
    public func zone(named name: String?) async throws -> StoredZone {
        let zones = try await repository.zones()
        if let name {
            guard let z = zones.first(where: { $0.zone.name == name }) else {
                throw ServiceError.unknownZone(name, known: zones.map(\.zone.name))
            }
            return z
        }
        guard let first = zones.first else { throw ServiceError.noZones }
        return first
    }

    public func zones() async throws -> [StoredZone] { try await repository.zones() }

    /// Every project of the zone with its light at `asOf` (default: today in the zone's time zone).
    public func assess(_ zone: StoredZone, asOf: CalendarDate? = nil) async throws -> AssessedZone {
        let date = asOf ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let context = try await context(zone, asOf: date)
        let projects = try await repository.projects(zoneID: zone.id).map { try context.assess($0) }
        return AssessedZone(stored: zone, asOf: date, share: TimeElapsedShare(asOf: date, convention: zone.zone.timeElapsedConvention), projects: projects)
    }

    /// One project's light at `asOf`, with the open supervision orders on its problems and the figures of its reports.
    public func assess(_ project: StoredProject, of zone: StoredZone, asOf: CalendarDate) async throws -> AssessedStoredProject {
        try await context(zone, asOf: asOf).assess(project)
    }

    /// What the rules read besides the plans, loaded once for a zone and a day: open supervision
    /// orders, reported figures, and the lights at the last closed period (when the rule set asks).
    private struct Context {
        let zone: Zone
        let asOf: CalendarDate
        let calendar: WorkingDayCalendar
        let orders: [UUID: [SupervisionDue]]
        let figures: [UUID: [(period: ReportingPeriod, investment: Money?)]]
        let previous: [UUID: RAGStatus]

        func assess(_ stored: StoredProject) throws -> AssessedStoredProject {
            let (plan, reporting) = try PortfolioService.reported(stored.plan, figures[stored.id] ?? [], cycle: zone.reportingCycle, asOf: asOf)
            return AssessedStoredProject(stored: stored, plan: plan,
                                         assessment: zone.ruleSet.assess(plan, asOf: asOf, convention: zone.timeElapsedConvention,
                                                                         previous: previous[stored.id], calendar: calendar,
                                                                         supervision: orders[stored.id] ?? []),
                                         reporting: reporting)
        }
    }

    private func context(_ zone: StoredZone, asOf: CalendarDate) async throws -> Context {
        Context(zone: zone.zone, asOf: asOf, calendar: zone.zone.workingDays,
                orders: try await problems?.openOrders(zoneID: zone.id, asOf: asOf) ?? [:],
                figures: zone.zone.reportingCycle == nil ? [:] : try await reports?.reportedFigures(zoneID: zone.id) ?? [:],
                previous: zone.zone.ruleSet.redReturnsThroughAmber ? try await reports?.previousLights(zoneID: zone.id, before: asOf) ?? [:] : [:])
    }

    /// Each project's reporting state at `asOf` (empty when the zone has no cycle), without
    /// assessing the projects: for pages that only flag late reports.
    public func reportingStates(_ zone: StoredZone, projectIDs: [UUID], asOf: CalendarDate) async throws -> [UUID: ReportingState] {
        guard let cycle = zone.zone.reportingCycle, let reports else { return [:] }
        let figures = try await reports.reportedFigures(zoneID: zone.id)
        var out: [UUID: ReportingState] = [:]
        for id in projectIDs { out[id] = try ReportingState.of(figures[id] ?? [], cycle: cycle, asOf: asOf).0 }
        return out
    }

    /// The plan with its completed investment summed from the year's reports (when it has
    /// any), and its reporting state; the plan unchanged and no state when the zone has no cycle.
    static func reported(_ plan: ProjectPlan, _ figures: [(period: ReportingPeriod, investment: Money?)],
                         cycle: ReportingCycle?, asOf: CalendarDate) throws -> (ProjectPlan, ReportingState?) {
        guard let cycle else { return (plan, nil) }
        var plan = plan
        let (state, derived) = try ReportingState.of(figures, cycle: cycle, asOf: asOf)
        if let derived { plan.project.completedInvestment = derived }
        return (plan, state)
    }

    /// The status report of one zone, or of every zone when `zoneName` is nil.
    public func status(zoneName: String?, asOf: CalendarDate?) async throws -> StatusReport {
        if let zoneName { return try await report(assess(zone(named: zoneName), asOf: asOf)) }
        let zones = try await repository.zones()
        guard !zones.isEmpty else { throw ServiceError.noZones }
        var reports: [StatusReport] = []
        for z in zones { reports.append(try report(await assess(z, asOf: asOf))) }
        if reports.count == 1 { return reports[0] }
        return combine(reports, asOf: asOf ?? CalendarDate.today())
    }

    /// The report of one assessed zone; `laggingLimit` caps its lagging list (10 on the dashboard).
    public func report(_ z: AssessedZone, laggingLimit: Int = 10) throws -> StatusReport {
        let currency = z.stored.zone.currency
        let items = z.projects.map(\.core)
        // Zones whose rules do not compare investment with time elapsed get no "behind" figure.
        let compares = z.stored.zone.ruleSet.investmentLag != nil
        let total = try Rollup.summarize(items, asOf: z.asOf, currency: currency)
        func groups(_ d: RollupDimension) throws -> [GroupFigures] {
            try Rollup.grouped(items, by: d, asOf: z.asOf, currency: currency).map {
                figures($0.group, $0.summary, share: compares ? z.share : nil, zone: nil)
            }
        }
        let lagging = z.projects.filter { $0.assessment.status != .green }
            .sorted { a, b in
                if a.assessment.status != b.assessment.status { return a.assessment.status > b.assessment.status }
                let ua = a.assessment.reasons.first?.reason.urgency ?? 0, ub = b.assessment.reasons.first?.reason.urgency ?? 0
                return ua != ub ? ua > ub : a.project.name < b.project.name
            }
            .prefix(laggingLimit)
            .map { LaggingProject(id: $0.stored.id, name: $0.project.name, department: $0.project.department,
                                  rag: $0.assessment.status, reasons: $0.assessment.reasons,
                                  lastReportedPeriod: $0.reporting?.lastReported?.name, reportOverdue: $0.reporting?.stale) }
        return StatusReport(
            zone: z.stored.zone.name, asOf: z.asOf.iso, timeElapsedShare: ShareFigure(z.share),
            ruleSet: z.stored.zone.ruleSet.name, projects: total.projects, milestones: total.milestones,
            overdueMilestones: total.overdueMilestones, plannedInvestment: .single(total.plannedInvestment),
            completedInvestment: .single(total.completedInvestment), totalInvestment: .single(total.totalInvestment),
            reporting: ReportingCounts(total), comparableProjects: total.projectsWithPlanAndProgress, completionPercent: total.completionPercent.map(round2),
            behindPoints: compares ? total.completionPercent.map { round2(z.share.percent - $0) } : nil,
            rag: total.rag, byDepartment: try groups(.department), byCategory: try groups(.category),
            byStage: try groups(.stage), lagging: Array(lagging), zones: nil)
    }

    private func figures(_ name: String, _ s: PortfolioSummary, share: TimeElapsedShare?, zone: String?) -> GroupFigures {
        GroupFigures(name: name, zone: zone, projects: s.projects, milestones: s.milestones, overdueMilestones: s.overdueMilestones,
                     plannedInvestment: s.plannedInvestment, completedInvestment: s.completedInvestment,
                     totalInvestment: s.totalInvestment, reporting: ReportingCounts(s), completionPercent: s.completionPercent.map(round2),
                     behindPoints: share.flatMap { sh in s.completionPercent.map { round2(sh.percent - $0) } }, rag: s.rag)
    }

    private func combine(_ reports: [StatusReport], asOf: CalendarDate) -> StatusReport {
        func perCurrency(_ pick: (StatusReport) -> MoneyTotal) -> MoneyTotal {
            var sums: [CurrencyCode: Int64] = [:]
            for r in reports { for m in pick(r).amounts { sums[m.currency, default: 0] += m.minorUnits } }
            return .perCurrency(sums.keys.sorted().map { Money(minorUnits: sums[$0]!, currency: $0) })
        }
        func tagged(_ pick: (StatusReport) -> [GroupFigures]) -> [GroupFigures] {
            reports.flatMap { r in pick(r).map { var g = $0; g.zone = r.zone; return g } }
        }
        let conventions = Set(reports.map(\.timeElapsedShare.convention))
        let convention = conventions.count == 1 ? conventions.first! : .days
        return StatusReport(
            zone: nil, asOf: asOf.iso, timeElapsedShare: ShareFigure(TimeElapsedShare(asOf: asOf, convention: convention)),
            ruleSet: nil, projects: reports.map(\.projects).reduce(0, +), milestones: reports.map(\.milestones).reduce(0, +),
            overdueMilestones: reports.map(\.overdueMilestones).reduce(0, +),
            plannedInvestment: perCurrency(\.plannedInvestment), completedInvestment: perCurrency(\.completedInvestment),
            totalInvestment: perCurrency(\.totalInvestment), reporting: ReportingCounts(sum: reports.map(\.reporting)), comparableProjects: reports.map(\.comparableProjects).reduce(0, +), completionPercent: nil, behindPoints: nil,
            rag: RAGCounts(red: reports.map(\.rag.red).reduce(0, +), amber: reports.map(\.rag.amber).reduce(0, +),
                           green: reports.map(\.rag.green).reduce(0, +)),
            byDepartment: tagged(\.byDepartment), byCategory: tagged(\.byCategory), byStage: tagged(\.byStage),
            lagging: [], zones: reports)
    }
}

func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

/// Errors a user can cause by naming things that do not exist.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownZone(String, known: [String])
    case noZones
    case badDate(field: String, String)
    case badParameter(field: String, String)

    public var description: String {
        switch self {
        case let .unknownZone(name, known):
            return "no zone named '\(name)'; zones: \(known.isEmpty ? "(none yet: import a project list first)" : known.joined(separator: ", "))"
        case .noZones: return "the database has no zones yet: import a project list (luodi import FILE) or start `luodi serve` without --empty"
        case let .badDate(field, reason): return "\(field): \(reason)"
        case let .badParameter(field, reason): return "\(field): \(reason)"
        }
    }
}
