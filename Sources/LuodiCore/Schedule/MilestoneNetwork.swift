/// A project's milestones scheduled as a CPM network on a working-day calendar (the PRC
/// calendar by default): the float of each milestone and the critical ones.
///
/// A milestone with a planned start and finish is an activity of that many working days; one
/// with a single date is a point. Milestones without predecessors start no earlier than their
/// planned date. Actual dates fix what happened; an unfinished milestone cannot be scheduled
/// before the as-of date (the data date). Late dates run back from the latest planned finish
/// (the target), so a negative float says how many working days the network is behind it.
public struct MilestoneSchedule: Hashable, Sendable {
    public let name: String
    public let earlyStart: CalendarDate
    public let earlyFinish: CalendarDate
    public let lateStart: CalendarDate
    public let lateFinish: CalendarDate
    /// Working days; negative when the milestone is behind the target.
    public let totalFloatDays: Int
    /// Total float ≤ 0 and not finished yet.
    public let critical: Bool
    /// The milestone has an actual finish: its dates are history and its float means nothing.
    public let finished: Bool
}

public enum MilestoneNetwork {
    static let dayStart = 480, dayMinutes = 480

    /// - Returns: one entry per milestone with at least one planned or actual date, in the
    ///   plan's order; empty when the plan has no links (no network to schedule).
    /// - Throws: `ScheduleError` for a cycle or a link naming an unknown milestone.
    public static func schedule(_ plan: ProjectPlan, asOf: CalendarDate, calendar days: WorkingDayCalendar = .chinaShared) throws -> [MilestoneSchedule] {
        guard !plan.links.isEmpty else { return [] }
        let calendar = WorkCalendar(
            name: "zone",
            week: days.workingWeekdays.map { $0 ? [dayStart..<(dayStart + dayMinutes)] : [] },
            exceptions: days.exceptions.mapValues { $0 ? [dayStart..<(dayStart + dayMinutes)] : [] })
        func start(_ d: CalendarDate) -> ScheduleTime { d.daysSinceEpoch * 1440 + dayStart }
        func finish(_ d: CalendarDate) -> ScheduleTime { d.daysSinceEpoch * 1440 + dayStart + dayMinutes }
        let dated = plan.milestones.filter { $0.plannedStart ?? $0.plannedFinish ?? $0.actualStart ?? $0.actualFinish != nil }
        let linked = Set(plan.links.flatMap { [$0.predecessor, $0.successor] })
        let hasPredecessor = Set(plan.links.map(\.successor))
        let names = Set(dated.map(\.name))
        for link in plan.links {
            for name in [link.predecessor, link.successor] where !names.contains(name) {
                throw ScheduleError.unknownActivity(name, inRelationship: "\(link.predecessor) \(link.type.rawValue) \(link.successor)")
            }
        }
        let firstDate = dated.compactMap { $0.plannedStart ?? $0.plannedFinish ?? $0.actualStart }.min() ?? asOf
        var activities: [Activity] = []
        for m in dated {
            var a = Activity(id: m.name, name: m.name, durationMinutes: 0)
            if let s = m.plannedStart, let f = m.plannedFinish, f >= s {
                a.durationMinutes = max(1, days.workingDays(after: s.adding(days: -1), through: f)) * dayMinutes
            }
            let anchor = m.plannedStart ?? m.plannedFinish
            if !hasPredecessor.contains(m.name) || !linked.contains(m.name), let anchor {
                a.constraint = .startNoEarlierThan
                a.constraintDate = start(anchor)
            }
            if m.actualFinish == nil, m.actualStart == nil {
                let dataDate = start(asOf)
                if a.constraintDate.map({ $0 < dataDate }) ?? true {
                    a.constraint = .startNoEarlierThan
                    a.constraintDate = dataDate
                }
            }
            a.actualStart = (m.actualStart ?? m.actualFinish).map(start)
            a.actualFinish = m.actualFinish.map(a.isMilestone ? start : finish)
            a.milestoneAtFinish = false
            activities.append(a)
        }
        let network = ScheduleNetwork(
            activities: activities,
            relationships: plan.links.map {
                Relationship(predecessor: $0.predecessor, successor: $0.successor, type: $0.type, lag: Lag(minutes: $0.lagDays * dayMinutes))
            },
            calendars: ["zone": calendar], defaultCalendar: "zone", projectStart: start(firstDate))
        let result = try CPMScheduler.schedule(network)
        // Measure float against the target: the latest planned finish, when the plan gives one.
        let target = dated.compactMap { $0.plannedFinish ?? $0.plannedStart }.max().map(finish)
        let shift = target.map { calendar.workingMinutes(from: result.projectFinish, to: $0) } ?? 0
        func day(_ t: ScheduleTime, finishing: Bool) -> CalendarDate {
            // A finish at the end of a working day belongs to that day.
            (finishing && t.minuteOfDay == 0 ? t - 1 : t).day
        }
        let finished = Set(dated.filter { $0.actualFinish != nil }.map(\.name))
        return result.activities.map { a in
            let float = (a.totalFloatMinutes + shift) / dayMinutes
            return MilestoneSchedule(
                name: a.name, earlyStart: day(a.earlyStart, finishing: false), earlyFinish: day(a.earlyFinish, finishing: true),
                lateStart: day(calendar.adding(workingMinutes: shift, to: a.lateStart), finishing: false),
                lateFinish: day(calendar.adding(workingMinutes: shift, to: a.lateFinish), finishing: true),
                totalFloatDays: float, critical: float <= 0 && !finished.contains(a.name), finished: finished.contains(a.name))
        }
    }
}
