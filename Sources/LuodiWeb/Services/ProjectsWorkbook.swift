import Foundation
import LuodiCore
import LuodiInterchange

/// The project list as an .xlsx workbook (the figures of the list page at the as-of date): one
/// sheet, a frozen header, money in the zone's display unit with the unit in the header (万元 for
/// yuan, whole units otherwise), dates as real dates, the light and its reasons in the reader's
/// language. Re-importable with profile `luodi` (the template's headers).
public enum ProjectsWorkbook {
    public static func data(_ zone: AssessedZone, lang: Language) throws -> Data {
        let s = lang.strings
        let currency = zone.stored.zone.currency
        let wan = currency == .cny
        let unit = wan ? "（万元）" : "（\(currency.code)）"
        func money(_ m: Money?) -> XLSXCell {
            guard let m, m.currency == currency else { return .empty }
            return .number(wan ? m.majorUnits / 10_000 : m.majorUnits)
        }
        func date(_ d: CalendarDate?) -> XLSXCell { d.map(XLSXCell.date) ?? .empty }
        func text(_ t: String?) -> XLSXCell { t.map(XLSXCell.text) ?? .empty }
        let header = ["编号", "项目名称", "项目类别", "项目阶段", "责任单位", "建设单位", "总投资" + unit, "年度计划投资" + unit, "累计完成投资" + unit,
                      "计划开工", "计划竣工", "实际开工", s.status, s.reasons]
        let rows: [[XLSXCell]] = zone.projects.map { a in
            let p = a.project
            return [.text(p.key), .text(p.name), text(p.category?.rawValue), text(p.stage?.rawValue), text(p.department), text(p.enterprise),
                    money(p.totalInvestment), money(p.annualPlannedInvestment), money(p.completedInvestment),
                    date(p.plannedStart), date(p.plannedFinish), date(p.actualStart),
                    .text(s.rag(a.assessment.status)), .text(a.assessment.reasons.map { s.reason($0.reason) }.joined(separator: "；"))]
        }
        return try XLSXWriter.workbook([XLSXSheetData(name: zone.stored.zone.name, header: header, rows: rows)])
    }
}
