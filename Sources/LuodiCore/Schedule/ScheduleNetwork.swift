/// The four precedence relationships of the critical path method.
public enum RelationshipType: String, CaseIterable, Sendable, Codable {
    case finishToStart = "FS", startToStart = "SS", finishToFinish = "FF", startToFinish = "SF"
}

/// A lag (negative: a lead), in working minutes of the successor's calendar, or elapsed minutes.
public struct Lag: Hashable, Sendable, Codable {
    public var minutes: Int
    /// Elapsed (calendar) time rather than working time, as MS Project's "edays" and P6's
    /// 24-hour lag calendar express it.
    public var elapsed: Bool
    public init(minutes: Int = 0, elapsed: Bool = false) {
        self.minutes = minutes
        self.elapsed = elapsed
    }
}

/// Date constraints, as MS Project and P6 name them.
public enum ConstraintKind: String, CaseIterable, Sendable, Codable {
    case asSoonAsPossible, asLateAsPossible
    case startNoEarlierThan, startNoLaterThan, finishNoEarlierThan, finishNoLaterThan
    case mustStartOn, mustFinishOn
}

/// An activity (task) of a schedule. Durations are working minutes of its calendar.
public struct Activity: Hashable, Sendable {
    /// Stable id: an MSPDI task UID or a P6 activity code.
    public var id: String
    public var name: String
    public var durationMinutes: Int
    /// Calendar name; nil uses the network's default calendar.
    public var calendar: String?
    public var constraint: ConstraintKind
    public var constraintDate: ScheduleTime?
    public var actualStart: ScheduleTime?
    public var actualFinish: ScheduleTime?
    /// Working minutes left of a started activity at the data date; nil: the whole duration.
    public var remainingMinutes: Int?
    /// The codes of the WBS nodes (summary tasks) above the activity, outermost first.
    public var wbsPath: [String] = []

    public init(id: String, name: String, durationMinutes: Int, calendar: String? = nil,
                constraint: ConstraintKind = .asSoonAsPossible, constraintDate: ScheduleTime? = nil) {
        self.id = id
        self.name = name
        self.durationMinutes = durationMinutes
        self.calendar = calendar
        self.constraint = constraint
        self.constraintDate = constraintDate
    }

    /// A milestone has no duration.
    public var isMilestone: Bool { durationMinutes == 0 }
    /// A finish milestone may sit at the end of a working period (MS Project's milestones and
    /// P6's finish milestones); a start milestone moves to the next start of work.
    public var milestoneAtFinish = true
}

/// "`successor` depends on `predecessor`" with a type and a lag.
public struct Relationship: Hashable, Sendable {
    public var predecessor: String
    public var successor: String
    public var type: RelationshipType
    public var lag: Lag
    public init(predecessor: String, successor: String, type: RelationshipType = .finishToStart, lag: Lag = Lag()) {
        self.predecessor = predecessor
        self.successor = successor
        self.type = type
        self.lag = lag
    }
}

/// Which calendar measures a relationship's lag: MS Project uses the successor's, P6 lets the
/// project choose (SCHEDOPTIONS `sched_calendar_on_relationship_lag`).
public enum LagCalendarRule: String, Sendable, Codable {
    case successor, predecessor, twentyFourHour, projectDefault
}

/// How an activity that started before its predecessors allowed ("out of sequence") is
/// scheduled, as P6 names the two choices (SCHEDOPTIONS `sched_retained_logic`,
/// `sched_progress_override`).
public enum OutOfSequenceRule: String, Sendable, Codable {
    /// Its remaining work waits for the predecessors, as if the logic still held (P6's default).
    case retainedLogic
    /// Its remaining work continues from the data date, ignoring the predecessors (MS Project's behaviour).
    case progressOverride
}

/// Everything the scheduler needs: activities, relationships, calendars and the project start.
public struct ScheduleNetwork: Sendable {
    /// The data (status) date: nothing that has not happened is scheduled before it.
    public var dataDate: ScheduleTime?
    /// Out-of-sequence progress; retained logic by default.
    public var outOfSequence: OutOfSequenceRule = .retainedLogic
    /// Names of the WBS nodes by path (codes joined by ".").
    public var wbsNames: [String: String] = [:]
    /// Calendar of lags; MS Project's rule by default.
    public var lagCalendar: LagCalendarRule = .successor
    public var activities: [Activity]
    public var relationships: [Relationship]
    public var calendars: [String: WorkCalendar]
    public var defaultCalendar: String
    /// The project start: no activity starts earlier unless an actual or a constraint says so.
    public var projectStart: ScheduleTime

    public init(activities: [Activity], relationships: [Relationship], calendars: [String: WorkCalendar],
                defaultCalendar: String, projectStart: ScheduleTime) {
        self.activities = activities
        self.relationships = relationships
        self.calendars = calendars
        self.defaultCalendar = defaultCalendar
        self.projectStart = projectStart
    }
}

/// One activity's computed dates and floats. Floats are working minutes of its calendar.
public struct ScheduledActivity: Hashable, Sendable {
    public let id: String
    public let name: String
    public let earlyStart: ScheduleTime
    public let earlyFinish: ScheduleTime
    public let lateStart: ScheduleTime
    public let lateFinish: ScheduleTime
    public let totalFloatMinutes: Int
    public let freeFloatMinutes: Int
    public let critical: Bool
}

/// The result of a CPM run.
public struct Schedule: Sendable {
    /// In the network's activity order.
    public let activities: [ScheduledActivity]
    /// Critical activities (total float ≤ 0) in precedence order.
    public let criticalPath: [String]
    public let projectFinish: ScheduleTime
}

/// Why a network cannot be scheduled.
public enum ScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The activities of a cycle, in order (the first repeats at the end).
    case cycle([String])
    case unknownActivity(String, inRelationship: String)
    case unknownCalendar(String, activity: String)
    case noWorkingTime(calendar: String)

    public var description: String {
        switch self {
        case let .cycle(ids): return "the relationships form a cycle: \(ids.joined(separator: " → "))"
        case let .unknownActivity(id, r): return "relationship \(r) names activity '\(id)', which is not in the schedule"
        case let .unknownCalendar(c, a): return "activity '\(a)' uses calendar '\(c)', which is not in the schedule"
        case let .noWorkingTime(c): return "calendar '\(c)' has no working time"
        }
    }
}
