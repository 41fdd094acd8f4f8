/// A work-breakdown-structure node's dates, rolled up from the activities under it, as MS Project
/// shows a summary task and P6 a WBS band: the earliest starts, the latest finishes, the least
/// total float, critical when any activity under it is.
public struct SummarySchedule: Hashable, Sendable {
    /// The node's path of codes joined by ".", e.g. `1.2` or `MDL4D.H1`.
    public let path: String
    public let name: String
    public let earlyStart: ScheduleTime
    public let earlyFinish: ScheduleTime
    public let lateStart: ScheduleTime
    public let lateFinish: ScheduleTime
    public let totalFloatMinutes: Int
    public let critical: Bool
    /// Activities under the node, at any depth.
    public let activityCount: Int
}

public enum WBSRollup {
    /// One summary per WBS node that has activities under it, ordered by path.
    public static func summaries(_ network: ScheduleNetwork, _ schedule: Schedule) -> [SummarySchedule] {
        let byID = Dictionary(uniqueKeysWithValues: schedule.activities.map { ($0.id, $0) })
        var members: [String: [ScheduledActivity]] = [:]
        for a in network.activities {
            guard let s = byID[a.id] else { continue }
            for depth in a.wbsPath.indices {
                members[a.wbsPath[...depth].joined(separator: "."), default: []].append(s)
            }
        }
        return members.keys.sorted().map { path in
            let xs = members[path]!
            return SummarySchedule(
                path: path, name: network.wbsNames[path] ?? path,
                earlyStart: xs.map(\.earlyStart).min()!, earlyFinish: xs.map(\.earlyFinish).max()!,
                lateStart: xs.map(\.lateStart).min()!, lateFinish: xs.map(\.lateFinish).max()!,
                totalFloatMinutes: xs.map(\.totalFloatMinutes).min()!, critical: xs.contains(where: \.critical),
                activityCount: xs.count)
        }
    }
}
