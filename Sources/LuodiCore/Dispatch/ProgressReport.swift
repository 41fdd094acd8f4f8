/// Actual dates a report gives for one milestone of its project, by milestone name.
public struct MilestoneActual: Hashable, Sendable, Codable {
    public var milestone: String
    public var actualStart: CalendarDate?
    public var actualFinish: CalendarDate?
    public init(milestone: String, actualStart: CalendarDate? = nil, actualFinish: CalendarDate? = nil) {
        self.milestone = milestone
        self.actualStart = actualStart
        self.actualFinish = actualFinish
    }
}

/// A project's progress report for one reporting period (项目进展报送).
///
/// The report carries what happened *in* the period; to-date figures (累计完成投资) are summed
/// from reports and never typed (see `ReportedProgress`).
public struct ProgressReport: Hashable, Sendable, Codable {
    /// The period's name, e.g. `2021-W10` (see `ReportingPeriod`).
    public var period: String
    /// Investment completed in the period, in the zone's currency; nil when the report gives none.
    public var investmentInPeriod: Money?
    public var milestoneActuals: [MilestoneActual]
    /// Date the project entered the fixed-asset investment statistics (入库), when this report says so.
    public var statisticalEnrollment: CalendarDate?
    /// What was done and what is next (进展情况).
    public var narrative: String
    public var reportedBy: String
    public var reportedOn: CalendarDate

    public init(period: String, investmentInPeriod: Money? = nil, milestoneActuals: [MilestoneActual] = [],
                statisticalEnrollment: CalendarDate? = nil, narrative: String, reportedBy: String, reportedOn: CalendarDate) {
        self.period = period
        self.investmentInPeriod = investmentInPeriod
        self.milestoneActuals = milestoneActuals
        self.statisticalEnrollment = statisticalEnrollment
        self.narrative = narrative
        self.reportedBy = reportedBy
        self.reportedOn = reportedOn
    }

    /// Checks the report against its period, its project's milestones and the zone's currency.
    /// - Throws: `ProgressReportError` naming the field: an actual date after the period's end or
    ///   a finish before its start, an unknown milestone, a negative or foreign-currency amount,
    ///   a report dated before its period began.
    public func validate(period p: ReportingPeriod, milestones: [String], currency: CurrencyCode) throws {
        if let money = investmentInPeriod {
            guard money.currency == currency else { throw ProgressReportError.currency(money.currency, expected: currency) }
            guard money.minorUnits >= 0 else { throw ProgressReportError.negativeInvestment }
        }
        guard reportedOn >= p.start else { throw ProgressReportError.reportedBeforePeriod(reportedOn, p) }
        let known = Set(milestones)
        var seen = Set<String>()
        for a in milestoneActuals {
            guard known.contains(a.milestone) else { throw ProgressReportError.unknownMilestone(a.milestone) }
            guard seen.insert(a.milestone).inserted else { throw ProgressReportError.repeatedMilestone(a.milestone) }
            for (field, day) in [("actualStart", a.actualStart), ("actualFinish", a.actualFinish)] {
                if let day, day > p.end { throw ProgressReportError.actualAfterPeriod(a.milestone, field: field, day, p) }
            }
            if let s = a.actualStart, let f = a.actualFinish, f < s { throw ProgressReportError.finishBeforeStart(a.milestone) }
        }
        if let e = statisticalEnrollment, e > p.end {
            throw ProgressReportError.actualAfterPeriod("statisticalEnrollment", field: "statisticalEnrollment", e, p)
        }
    }
}

/// Figures derived from a project's reports.
public enum ReportedProgress {
    /// Investment completed in `asOf`'s year up to `asOf` (累计完成投资): the sum of the reports
    /// whose period is named in that year and has begun by `asOf`. Nil when no such report gives
    /// an amount, so a project that does not report keeps the figure of its imported list.
    /// - Throws: `MoneyError` if amounts of two currencies meet (reports are checked against the
    ///   zone's currency when filed, so only a corrupt store causes it).
    public static func completedInvestment(_ reports: [(period: ReportingPeriod, investment: Money?)], asOf: CalendarDate) throws -> Money? {
        var total: Money?
        for amount in counted(reports, asOf: asOf) { total = try total.map { try $0.adding(amount) } ?? amount }
        return total
    }

    /// The amounts that count towards `asOf`'s year-to-date figure: of reports whose period is
    /// named in that year and has begun by `asOf`, and that give an amount.
    public static func counted(_ reports: [(period: ReportingPeriod, investment: Money?)], asOf: CalendarDate) -> [Money] {
        reports.compactMap { $0.period.year == asOf.year && $0.period.start <= asOf ? $0.investment : nil }
    }

    /// The latest period reported by `asOf` (a report counts once its period has begun).
    public static func lastReported(_ periods: [ReportingPeriod], asOf: CalendarDate) -> ReportingPeriod? {
        periods.filter { $0.start <= asOf }.max()
    }

    /// True when the zone reports in `cycle` and the project has no report for the period that
    /// ended last before `asOf`'s period, nor a later one ("no report since …"): one whole cycle
    /// has passed without a report.
    public static func isStale(lastReported: ReportingPeriod?, asOf: CalendarDate, cycle: ReportingCycle) -> Bool {
        let due = ReportingPeriod(containing: asOf, cycle: cycle).previous
        guard let last = lastReported else { return true }
        return last.end < due.start
    }
}

/// Why a progress report is refused.
public enum ProgressReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case currency(CurrencyCode, expected: CurrencyCode)
    case negativeInvestment
    case reportedBeforePeriod(CalendarDate, ReportingPeriod)
    case unknownMilestone(String)
    case repeatedMilestone(String)
    case actualAfterPeriod(String, field: String, CalendarDate, ReportingPeriod)
    case finishBeforeStart(String)
    case periodClosed(String)

    public var description: String {
        switch self {
        case let .currency(c, expected): return "investmentInPeriod: the zone keeps money in \(expected), not \(c)"
        case .negativeInvestment: return "investmentInPeriod: cannot be negative (a correction of an earlier period is made on that period's report)"
        case let .reportedBeforePeriod(day, p): return "reportedOn: \(day) is before period \(p.name) begins (\(p.start))"
        case let .unknownMilestone(m): return "milestoneActuals: the project has no milestone named '\(m)'"
        case let .repeatedMilestone(m): return "milestoneActuals: '\(m)' is given twice"
        case let .actualAfterPeriod(m, field, day, p):
            return field == "statisticalEnrollment"
                ? "statisticalEnrollment: \(day) is after period \(p.name) ends (\(p.end))"
                : "milestoneActuals: \(m) \(field) \(day) is after period \(p.name) ends (\(p.end))"
        case let .finishBeforeStart(m): return "milestoneActuals: \(m) finishes before it starts"
        case let .periodClosed(p): return "reason: period \(p) is closed; a change to its report is a correction and needs a reason"
        }
    }
}
