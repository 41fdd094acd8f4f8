import Foundation
import LuodiCore

/// Project lists as worksheets in the shape of Luodi's own template (profile `luodi`), so that an
/// exported list re-imports with that profile to the same projects, milestones and links:
/// headers are the profile's own column names (Chinese or English), money is in 万元 for a yuan
/// zone and in whole units otherwise with the unit in the header (`总投资（万元）`,
/// `total_investment (USD)`: the import takes the zone's currency from it), dates are real dates,
/// coded fields are the glossary's words (`CodedWords`), predecessors are written in the
/// template's syntax (`开工 FS+120`).
public struct ProjectListSheets: Sendable {
    public let currency: CurrencyCode
    public let chinese: Bool
    private let template: Mapping

    /// - Throws: `ImportIssue` if the bundled `luodi` profile cannot be read (a packaging fault).
    public init(currency: CurrencyCode, chinese: Bool) throws {
        self.currency = currency
        self.chinese = chinese
        template = try BundledProfiles.named("luodi")
    }

    /// The template's project fields, in the template's order.
    static let projectFields: [ProjectField] = [.name, .projectCode, .category, .projectClass, .stage, .industryCluster, .department,
                                                .responsibleLeader, .enterprise, .location, .totalInvestment, .annualPlannedInvestment,
                                                .completedInvestment, .statisticalEnrollment, .plannedStart, .plannedFinish, .actualStart,
                                                .progressNote, .source]
    /// The template's milestone fields, in the template's order.
    static let milestoneFields: [MilestoneField] = [.name, .kind, .plannedStart, .plannedFinish, .actualStart, .actualFinish, .predecessors,
                                                    .status, .budget, .spent]
    /// The header of one column: the profile's Chinese or English name, with the money unit.
    func header(_ column: Mapping.ColumnName?, field: String) -> String {
        let name = (column ?? Mapping.ColumnName([field])).shown(chinese: chinese)
        guard ImportTemplate.moneyFields.contains(field) else { return name }
        let unit = currency == .cny ? "万元" : currency.code
        return chinese ? "\(name)（\(unit)）" : "\(name) (\(unit))"
    }

    var projectHeader: [String] {
        [header(template.identity.columns.first, field: "ref")]
            + Self.projectFields.map { header(template.project[$0.rawValue]?.column, field: $0.rawValue) }
    }

    var milestoneHeader: [String] { Self.milestoneFields.map { header(template.milestone?[$0.rawValue]?.column, field: $0.rawValue) } }

    func money(_ m: Money?) -> XLSXCell {
        guard let m, m.currency == currency else { return .empty }
        return .decimal(m.decimal(in: currency == .cny ? .wan : .one))
    }

    func projectCells(_ p: Project) -> [XLSXCell] {
        func text(_ t: String?) -> XLSXCell { t.map(XLSXCell.text) ?? .empty }
        func date(_ d: CalendarDate?) -> XLSXCell { d.map(XLSXCell.date) ?? .empty }
        return [.text(p.key), .text(p.name), text(p.projectCode?.value), text(p.category.map { CodedWords.category($0, chinese: chinese) }),
                text(p.projectClass.map { CodedWords.projectClass($0, chinese: chinese) }), text(p.stage.map { CodedWords.stage($0, chinese: chinese) }),
                text(p.industryCluster), text(p.department), text(p.responsibleLeader), text(p.enterprise), text(p.location),
                money(p.totalInvestment), money(p.annualPlannedInvestment), money(p.completedInvestment),
                date(p.statisticalEnrollment), date(p.plannedStart), date(p.plannedFinish), date(p.actualStart), text(p.progressNote), text(p.source)]
    }

    func milestoneCells(_ m: Milestone, links: [MilestoneLink]) -> [XLSXCell] {
        func date(_ d: CalendarDate?) -> XLSXCell { d.map(XLSXCell.date) ?? .empty }
        let predecessors = PredecessorSyntax.format(links, successor: m.name)
        return [.text(m.name), .text(CodedWords.milestoneKind(m.kind, chinese: chinese)), date(m.plannedStart), date(m.plannedFinish),
                date(m.actualStart), date(m.actualFinish), predecessors.isEmpty ? .empty : .text(predecessors),
                m.sourceStatus.map(XLSXCell.text) ?? .empty, money(m.budget), money(m.spent)]
    }

    /// One row per project with every project column of the template, then `extraHeader`
    /// columns filled by `extra(i)` for `plans[i]` (the light, its reasons: not fields, so the
    /// import passes over them).
    public func projects(_ plans: [ProjectPlan], sheetName: String, extraHeader: [String] = [],
                         extra: (Int) -> [XLSXCell] = { _ in [] }) -> XLSXSheetData {
        XLSXSheetData(name: sheetName, header: projectHeader + extraHeader,
                      rows: plans.indices.map { projectCells(plans[$0].project) + extra($0) })
    }

    /// The whole list, one row per milestone in the template's shape: a project's columns on its
    /// first row and blank on the rows of its other milestones; a project without milestones is
    /// one row. `extra(i, j)` fills `extraHeader` for milestone `j` of `plans[i]` (nil: none).
    public func milestones(_ plans: [ProjectPlan], sheetName: String, extraHeader: [String] = [],
                           extra: (Int, Int?) -> [XLSXCell] = { _, _ in [] }) -> XLSXSheetData {
        let projectWidth = projectHeader.count, milestoneWidth = milestoneHeader.count
        var rows: [[XLSXCell]] = []
        for (i, plan) in plans.enumerated() {
            let project = projectCells(plan.project)
            // Continuation rows repeat the identity (编号, 项目名称) so each row reads on its own.
            let continuation = Array(project.prefix(2)) + Array(repeating: XLSXCell.empty, count: projectWidth - 2)
            if plan.milestones.isEmpty {
                rows.append(project + Array(repeating: .empty, count: milestoneWidth) + extra(i, nil))
            }
            for (j, m) in plan.milestones.enumerated() {
                rows.append((j == 0 ? project : continuation) + milestoneCells(m, links: plan.links) + extra(i, j))
            }
        }
        return XLSXSheetData(name: sheetName, header: projectHeader + milestoneHeader + extraHeader, rows: rows)
    }
}
