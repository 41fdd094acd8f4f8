import LuodiCore

/// The plain-text form of a `StatusReport` for `luodi status` without `--json`.
public enum StatusTable {
    public static func render(_ r: StatusReport) -> String {
        var out: [String] = []
        for zone in r.zones ?? [r] {
            out.append("Zone: \(zone.zone ?? "all")   as of \(zone.asOf)   rule set: \(zone.ruleSet ?? "-")")
            let share = zone.timeElapsedShare
            out.append("Time elapsed (by \(share.convention.rawValue)): \(share.elapsed)/\(share.total) = \(fixed(share.percent))%")
            out.append("Projects \(zone.projects)   milestones \(zone.milestones)   overdue milestones \(zone.overdueMilestones)")
            out.append("RAG: red \(zone.rag.red)   amber \(zone.rag.amber)   green \(zone.rag.green)")
            func sum(_ t: MoneyTotal, _ n: Int) -> String { n == 0 ? "- (no project gives it)" : "\(money(t)) (\(n) projects)" }
            out.append("Planned \(sum(zone.plannedInvestment, zone.reporting.plannedInvestment))   completed \(sum(zone.completedInvestment, zone.reporting.completedInvestment))   total \(sum(zone.totalInvestment, zone.reporting.totalInvestment))")
            let lag = zone.behindPoints.map { $0 >= 0 ? "behind time elapsed by \(fixed($0)) points" : "ahead of time elapsed by \(fixed(-$0)) points" } ?? "n/a"
            out.append("Completion \(zone.completionPercent.map { fixed($0) + "%" } ?? "n/a") over \(zone.comparableProjects) projects with plan and progress; \(lag)")
            let rows = zone.byDepartment.map { g in
                [g.name.isEmpty ? "(unassigned)" : g.name, "\(g.projects)", "\(g.rag.red)", "\(g.rag.amber)", "\(g.rag.green)",
                 "\(g.overdueMilestones)", g.reporting.plannedInvestment == 0 ? "-" : plain(g.plannedInvestment),
                 g.reporting.completedInvestment == 0 ? "-" : plain(g.completedInvestment), g.completionPercent.map { fixed($0) + "%" } ?? "-"]
            }
            out.append(table(["department", "projects", "red", "amber", "green", "overdue", "planned", "completed", "rate"], rows))
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func money(_ t: MoneyTotal) -> String { t.amounts.map(plain).joined(separator: " + ") }
    static func plain(_ m: Money) -> String { "\(m.currency) \(fixed(m.majorUnits))" }

    static func fixed(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        var s = String(r)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    /// Columns padded to the widest cell; CJK characters count as two columns.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { width($0[i]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - width(cell))
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
