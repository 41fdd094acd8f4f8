import Foundation
import LuodiCharts
import LuodiCore

/// Builds the battle map (作战图) of a zone: the projects the filter selects, grouped by
/// department or category, each with its light and milestones. Shared by the page and
/// `luodi export battle-map`.
public enum BattleMapQuery {
    public enum Grouping: String, CaseIterable, Sendable { case department, category }

    /// At most this many projects are drawn; the rest are counted in the title.
    public static let rowLimit = 400

    public static func make(_ z: AssessedZone, groupBy: Grouping, filter: ProjectFilter, lang: Language) -> BattleMap {
        let s = lang.strings
        var all = filter
        all.page = 1
        all.perPage = Int.max
        all.sort = .department
        all.descending = false
        let selected = all.apply(to: z.projects, asOf: z.asOf).page
        let shown = Array(selected.prefix(rowLimit))
        let grouped = Dictionary(grouping: shown) { p -> String in
            switch groupBy {
            case .department: return p.project.department ?? s.unassigned
            case .category: return p.project.category.map(s.category) ?? s.unassigned
            }
        }
        let groups = grouped.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }.map { key in
            BattleMap.Group(name: key, rows: grouped[key]!.sorted { $0.project.name < $1.project.name }.map {
                BattleMap.Row(name: $0.project.name + ($0.reporting?.stale == true ? " [\(s.reporting.noReportShort)]" : ""),
                              status: $0.assessment.status, milestones: $0.plan.milestones,
                              critical: Set(((try? MilestoneNetwork.schedule($0.plan, asOf: z.asOf, calendar: z.stored.zone.workingDays)) ?? []).filter(\.critical).map(\.name)))
            })
        }
        var title = "\(s.navBattleMap) · \(z.stored.zone.name) · \(s.asOf) \(z.asOf)"
        if selected.count > shown.count { title += " · " + s.battleMapTruncated(shown.count, selected.count) }
        return BattleMap(title: title, groups: groups, asOf: z.asOf, asOfLabel: "\(s.asOf) \(z.asOf)", noDatesLabel: s.noMilestones)
    }
}
