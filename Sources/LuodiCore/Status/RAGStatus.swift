/// A traffic light (红黄绿灯). Ordered green < amber < red, so the worst of several is `max`.
public enum RAGStatus: String, CaseIterable, Sendable, Codable, Comparable {
    case green, amber, red

    public static func < (a: RAGStatus, b: RAGStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One reason for a light, with the figures that produced it, so a page can say it in any language.
public enum RAGReason: Hashable, Sendable, Codable {
    /// A milestone's planned finish passed without an actual finish; `daysLate` calendar days ago.
    case milestoneOverdue(milestone: String, due: CalendarDate, daysLate: Int, monthsLate: Int)
    /// The project's planned start passed and it has not started.
    case startOverdue(due: CalendarDate, daysLate: Int, monthsLate: Int)
    /// Investment completion rate is `pointsBehind` percentage points below the time-elapsed share.
    case investmentBehind(completionPercent: Double, sharePercent: Double, pointsBehind: Double)
    /// Construction started `monthsSinceStart` whole months ago and the project is not enrolled (入库).
    case notEnrolled(started: CalendarDate, monthsSinceStart: Int)
    /// A critical milestone of the project's network is behind the plan's target finish by
    /// `daysBehind` working days (the float it has consumed beyond zero).
    case criticalMilestoneLate(milestone: String, daysBehind: Int)
    /// A supervision order (督办单) on one of the project's problems passed its deadline.
    case supervisionOverdue(problem: String, deadline: CalendarDate, daysLate: Int)
    /// The project was red at the last assessment and must pass through amber before green.
    case recoveringFromRed

    /// The light this reason calls for under `rules`.
    public func status(under rules: RAGRuleSet) -> RAGStatus {
        switch self {
        case let .milestoneOverdue(_, _, _, months), let .startOverdue(_, _, months):
            return months >= (rules.milestoneOverdue?.redAfterMonths ?? Int.max) ? .red : .amber
        case let .investmentBehind(_, _, points):
            return points > (rules.investmentLag?.redBeyondPoints ?? .infinity) ? .red : .amber
        case let .notEnrolled(_, months):
            return months >= (rules.statisticalEnrollment?.redAfterMonths ?? Int.max) ? .red : .amber
        case let .criticalMilestoneLate(_, days):
            return days >= (rules.criticalPath?.redAfterDays ?? Int.max) ? .red : .amber
        case .supervisionOverdue:
            return .red
        case .recoveringFromRed:
            return .amber
        }
    }
}

/// A light with every reason that produced it. Green has no reasons.
public struct RAGAssessment: Hashable, Sendable, Codable {
    public let status: RAGStatus
    /// Each reason with the light it calls for, worst first.
    public let reasons: [Finding]

    /// A reason and the light it calls for.
    public struct Finding: Hashable, Sendable, Codable {
        public let status: RAGStatus
        public let reason: RAGReason
    }

    public init(status: RAGStatus, reasons: [Finding]) {
        self.status = status
        self.reasons = reasons
    }
}
