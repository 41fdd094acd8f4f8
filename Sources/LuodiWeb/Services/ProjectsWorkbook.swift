import Foundation
import LuodiCore
import LuodiInterchange

/// The project list as .xlsx workbooks in the shape of Luodi's template (`ProjectListSheets`), so
/// both re-import with profile `luodi`:
/// - `projects`: one row per project with the figures of the list page at the as-of date (the
///   completed investment summed from the year's reports where there are any), then the light and
///   its reasons in the reader's language;
/// - `milestones`: the whole list as stored, one row per milestone (predecessors, budgets and the
///   source's status words included), then each milestone's state at the as-of date. Re-imported
///   into the same zone, every project comes back unchanged.
public enum ProjectsWorkbook {
    /// - Throws: `ImportIssue` if the bundled template cannot be read; ZIPFoundation's errors.
    public static func projects(_ zone: AssessedZone, lang: Language) throws -> Data {
        let s = lang.strings
        let sheets = try ProjectListSheets(currency: zone.stored.zone.currency, chinese: lang == .zhHans)
        let list = zone.projects
        return try XLSXWriter.workbook([sheets.projects(list.map(\.plan), sheetName: zone.stored.zone.name, extraHeader: [s.status, s.reasons]) { i in
            let a = list[i].assessment
            return [.text(s.rag(a.status)), .text(a.reasons.map { s.reason($0.reason) }.joined(separator: "；"))]
        }])
    }

    /// - Throws: as `projects`.
    public static func milestones(_ zone: AssessedZone, lang: Language) throws -> Data {
        let w = lang.strings.workbook
        let sheets = try ProjectListSheets(currency: zone.stored.zone.currency, chinese: lang == .zhHans)
        let plans = zone.projects.map(\.stored.plan)
        return try XLSXWriter.workbook([sheets.milestones(plans, sheetName: zone.stored.zone.name, extraHeader: [w.milestoneState]) { i, j in
            guard let j else { return [.empty] }
            let m = plans[i].milestones[j]
            if m.actualFinish != nil { return [.text(w.done)] }
            if m.isOverdue(asOf: zone.asOf) { return [.text(lang.strings.overdue)] }
            return [.text(m.actualStart != nil ? w.inProgress : w.notStarted)]
        }])
    }
}
