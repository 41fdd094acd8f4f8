/// Where a problem is handled, and how high it has been escalated.
public enum ProblemLevel: String, CaseIterable, Sendable, Codable, Comparable {
    /// 开发区 / 功能区
    case zone
    /// 区(市)
    case district
    /// 市
    case city

    public static func < (a: ProblemLevel, b: ProblemLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The level an escalation goes to; nil at city level.
    public var next: ProblemLevel? {
        let i = Self.allCases.firstIndex(of: self)! + 1
        return i < Self.allCases.count ? Self.allCases[i] : nil
    }
}

/// The life of a problem: open → assigned → resolved → closed (销号).
public enum ProblemState: String, CaseIterable, Sendable, Codable {
    case open, assigned, resolved, closed
}

/// What someone does to a problem; each becomes a line of its history.
public enum ProblemAction: String, CaseIterable, Sendable, Codable {
    case raise, assign, resolve, reopen, close, escalate
}

/// A problem blocking a project (问题清单): who raised it, which department owns it, by when.
public struct Problem: Hashable, Sendable, Codable {
    public var title: String
    public var description: String
    public var raisedBy: String
    public var raisedOn: CalendarDate
    public var ownerDepartment: String
    public var deadline: CalendarDate
    public var state: ProblemState
    public var level: ProblemLevel
    /// Required to close (销号).
    public var resolutionNote: String?

    public init(title: String, description: String = "", raisedBy: String, raisedOn: CalendarDate,
                ownerDepartment: String, deadline: CalendarDate, level: ProblemLevel = .zone) {
        self.title = title
        self.description = description
        self.raisedBy = raisedBy
        self.raisedOn = raisedOn
        self.ownerDepartment = ownerDepartment
        self.deadline = deadline
        self.state = .open
        self.level = level
    }

    /// Open or assigned: not yet resolved or closed (销号).
    public var isUnresolved: Bool { state == .open || state == .assigned }

    /// The problem as it stood at the end of `day`, replayed from its history (the actions after
    /// "raise", oldest first, as recorded); nil when it was raised after `day`. The level before
    /// the first escalation is the current level lowered once per escalation in the history.
    public func asOf(_ day: CalendarDate, history: [(on: CalendarDate, action: ProblemAction, note: String?)]) -> Problem? {
        guard raisedOn <= day else { return nil }
        var p = self
        p.state = .open
        p.resolutionNote = nil
        let escalations = history.filter { $0.action == .escalate }.count
        let index = max(0, ProblemLevel.allCases.firstIndex(of: level)! - escalations)
        p.level = ProblemLevel.allCases[index]
        for event in history where event.on <= day && event.action != .raise {
            p = (try? p.applying(event.action, note: event.note)) ?? p
        }
        return p
    }

    /// Past its deadline (strictly before `asOf`) and not resolved or closed.
    public func isOverdue(asOf: CalendarDate) -> Bool {
        isUnresolved && deadline < asOf
    }

    /// Due from `asOf` through the following Sunday and not resolved or closed ("due this week").
    public func isDueThisWeek(asOf: CalendarDate) -> Bool {
        guard isUnresolved, deadline >= asOf else { return false }
        let sunday = asOf.adding(days: 6 - WorkingDayCalendar.weekdayIndex(asOf))
        return deadline <= sunday
    }

    /// The problem after `action`, or why the action is not allowed now.
    /// - Throws: `ProblemError` naming the action and the state, or the missing note.
    public func applying(_ action: ProblemAction, note: String?) throws -> Problem {
        var p = self
        switch (action, state) {
        case (.assign, .open), (.assign, .assigned): p.state = .assigned
        case (.resolve, .open), (.resolve, .assigned): p.state = .resolved
        case (.reopen, .resolved): p.state = .assigned
        case (.close, .resolved):
            guard let note, !note.trimmingWhitespace().isEmpty else { throw ProblemError.closeNeedsNote }
            p.state = .closed
            p.resolutionNote = note
        case (.escalate, .open), (.escalate, .assigned):
            guard let next = level.next else { throw ProblemError.alreadyAtTop }
            p.level = next
        default:
            throw ProblemError.notAllowed(action, state)
        }
        return p
    }
}

/// An escalation (督办单): a higher level orders the problem solved by its own deadline, with a
/// rectification plan. Overdue orders turn the project red.
public struct SupervisionOrder: Hashable, Sendable, Codable {
    public var level: ProblemLevel
    public var issuedOn: CalendarDate
    public var deadline: CalendarDate
    /// The rectification plan the owner must follow (整改方案).
    public var rectificationPlan: String

    public init(level: ProblemLevel, issuedOn: CalendarDate, deadline: CalendarDate, rectificationPlan: String) {
        self.level = level
        self.issuedOn = issuedOn
        self.deadline = deadline
        self.rectificationPlan = rectificationPlan
    }
}

/// An order that is still open for its problem, as the lights read it.
public struct SupervisionDue: Hashable, Sendable, Codable {
    public var problem: String
    public var deadline: CalendarDate
    public init(problem: String, deadline: CalendarDate) {
        self.problem = problem
        self.deadline = deadline
    }
}

public enum ProblemError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAllowed(ProblemAction, ProblemState)
    case closeNeedsNote
    case alreadyAtTop
    case deadlineBeforeRaised

    public var description: String {
        switch self {
        case let .notAllowed(a, s): return "a problem that is \(s.rawValue) cannot be given the action '\(a.rawValue)'"
        case .closeNeedsNote: return "closing (销号) needs a resolution note"
        case .alreadyAtTop: return "the problem is already at city level"
        case .deadlineBeforeRaised: return "the deadline is before the day the problem was raised"
        }
    }
}
