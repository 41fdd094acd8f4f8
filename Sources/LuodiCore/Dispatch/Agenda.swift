/// Why an item is on a dispatch meeting's agenda (调度会议程), with the figures that put it there.
public enum AgendaReason: Hashable, Sendable, Codable {
    /// The project is red; `reasons` are its red findings.
    case redProject(project: String, reasons: [RAGReason])
    /// A problem is past its deadline and not resolved.
    case overdueProblem(problem: String, project: String?, deadline: CalendarDate, daysLate: Int)
    /// The latest supervision order (督办单) on an unresolved problem is past its deadline.
    case overdueSupervision(problem: String, project: String?, level: ProblemLevel, deadline: CalendarDate, daysLate: Int)
    /// A milestone is due before the next meeting and not finished; `totalFloatDays` and
    /// `critical` come from the project's milestone network where it has one.
    case milestoneDue(project: String, milestone: String, due: CalendarDate, daysUntilDue: Int, totalFloatDays: Int?, critical: Bool)
    /// Added by staff, with their own words.
    case added(note: String)
}

/// One agenda line: a title and why it is there.
public struct AgendaItem: Hashable, Sendable, Codable {
    public var title: String
    public var reason: AgendaReason
    /// Project the item is about, if any (the store's id as text, so the core stays database-free).
    public var projectRef: String?
    /// Problem the item is about, if any.
    public var problemRef: String?

    public init(title: String, reason: AgendaReason, projectRef: String? = nil, problemRef: String? = nil) {
        self.title = title
        self.reason = reason
        self.projectRef = projectRef
        self.problemRef = problemRef
    }

    /// How urgent the item is, in days; higher first. Late items count their days late (a red
    /// project: its latest finding, where a critical milestone counts the working days of float
    /// it has consumed). A milestone due before the next meeting counts minus the smaller of the
    /// days until it is due and its total float in working days, so a critical milestone that
    /// has consumed its float (negative total float) counts as late by that much. Added items are 0.
    public var urgency: Int {
        switch reason {
        case let .redProject(_, reasons): return reasons.map(Self.daysLate).max() ?? 0
        case let .overdueProblem(_, _, _, days), let .overdueSupervision(_, _, _, _, days): return days
        case let .milestoneDue(_, _, _, until, float, _): return max(-until, -(float ?? Int.max))
        case .added: return 0
        }
    }

    /// On the critical path (a critical milestone due, or a red project late on one).
    public var critical: Bool {
        switch reason {
        case let .milestoneDue(_, _, _, _, _, critical): return critical
        case let .redProject(_, reasons): return reasons.contains { if case .criticalMilestoneLate = $0 { return true } else { return false } }
        default: return false
        }
    }

    /// Rank of the kind when urgency ties: a supervision order before a problem before a red
    /// project before a coming milestone before an added item.
    var kindRank: Int {
        switch reason {
        case .overdueSupervision: return 0
        case .overdueProblem: return 1
        case .redProject: return 2
        case .milestoneDue: return 3
        case .added: return 4
        }
    }

    static func daysLate(_ r: RAGReason) -> Int {
        switch r {
        case let .milestoneOverdue(_, _, days, _), let .startOverdue(_, days, _), let .supervisionOverdue(_, _, days): return days
        case let .criticalMilestoneLate(_, days): return days
        case .investmentBehind, .notEnrolled, .recoveringFromRed: return 0
        }
    }
}

/// The agenda a dispatch meeting starts from.
public enum Agenda {
    /// The generated agenda, most urgent first: `AgendaItem.urgency` descending, then critical
    /// items first, then by kind (supervision, problem, red project, milestone), then title.
    public static func ordered(_ items: [AgendaItem]) -> [AgendaItem] {
        items.sorted { a, b in
            if a.urgency != b.urgency { return a.urgency > b.urgency }
            if a.critical != b.critical { return a.critical }
            if a.kindRank != b.kindRank { return a.kindRank < b.kindRank }
            return a.title < b.title
        }
    }

    /// The agenda of a meeting held on `asOf` whose next meeting is on `nextMeeting`:
    /// red projects (unless every red finding is an overdue supervision order, which has its own
    /// item), unresolved problems past their deadline (as their overdue supervision order where
    /// they have one), and unfinished milestones due from `asOf` until the day before `nextMeeting`.
    ///
    /// - Parameters:
    ///   - projects: each project's plan, light and, where it has a network, its schedule by
    ///     milestone name; `ref` is the project's id as text.
    ///   - problems: each problem with its latest supervision order and the blocked project's name.
    public static func generate(
        projects: [(ref: String, plan: ProjectPlan, assessment: RAGAssessment, schedule: [String: MilestoneSchedule])],
        problems: [(ref: String, problem: Problem, lastOrder: SupervisionOrder?, project: String?, projectRef: String?)],
        asOf: CalendarDate, nextMeeting: CalendarDate
    ) -> [AgendaItem] {
        var items: [AgendaItem] = []
        for p in projects {
            let name = p.plan.project.name
            let red = p.assessment.reasons.filter { $0.status == .red }.map(\.reason)
            let onlySupervision = red.allSatisfy { if case .supervisionOverdue = $0 { return true } else { return false } }
            if p.assessment.status == .red, !onlySupervision {
                items.append(AgendaItem(title: name, reason: .redProject(project: name, reasons: red), projectRef: p.ref))
            }
            for m in p.plan.milestones where m.actualFinish == nil {
                guard let due = m.plannedFinish, due >= asOf, due < nextMeeting else { continue }
                let s = p.schedule[m.name]
                items.append(AgendaItem(title: "\(name) · \(m.name)",
                                        reason: .milestoneDue(project: name, milestone: m.name, due: due, daysUntilDue: asOf.days(until: due),
                                                              totalFloatDays: s?.totalFloatDays, critical: s?.critical ?? false),
                                        projectRef: p.ref))
            }
        }
        for p in problems where p.problem.isUnresolved {
            if let order = p.lastOrder, order.deadline < asOf {
                items.append(AgendaItem(title: p.problem.title,
                                        reason: .overdueSupervision(problem: p.problem.title, project: p.project, level: order.level,
                                                                    deadline: order.deadline, daysLate: order.deadline.days(until: asOf)),
                                        projectRef: p.projectRef, problemRef: p.ref))
            } else if p.problem.isOverdue(asOf: asOf) {
                items.append(AgendaItem(title: p.problem.title,
                                        reason: .overdueProblem(problem: p.problem.title, project: p.project, deadline: p.problem.deadline,
                                                                daysLate: p.problem.deadline.days(until: asOf)),
                                        projectRef: p.projectRef, problemRef: p.ref))
            }
        }
        return ordered(items)
    }
}
