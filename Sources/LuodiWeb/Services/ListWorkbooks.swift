import Fluent
import Foundation
import LuodiCore
import LuodiInterchange
import LuodiStore
import Vapor

/// The lists that export as .xlsx, each at `/NAME.xlsx` (`zone`, `asOf`, `period`, `lang` in the
/// query) and `luodi export NAME --output FILE`.
public enum ListWorkbook: String, CaseIterable, Sendable {
    case projects, milestones, problems, leads, targets

    /// The workbook and its download name.
    /// - Parameters:
    ///   - service: the portfolio as the reader may see it (a liaison's projects only).
    ///   - asOf: the list's date (default today in the zone's time zone).
    ///   - period: for `targets`, a period whose last day is the date instead.
    /// - Throws: store errors; a 422 for a bad period.
    public func make(service: PortfolioService, db: any Database, zone: StoredZone, asOf: CalendarDate?, period: String?,
                     lang: Language) async throws -> (data: Data, fileName: String) {
        let day = asOf ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        switch self {
        case .projects:
            return (try ProjectsWorkbook.projects(try await service.assess(zone, asOf: day), lang: lang), "projects-\(day.iso).xlsx")
        case .milestones:
            return (try ProjectsWorkbook.milestones(try await service.assess(zone, asOf: day), lang: lang), "milestones-\(day.iso).xlsx")
        case .problems:
            return (try ListWorkbooks.problems(try await ProblemRepository(db: db).problems(zoneID: zone.id, asOf: day), asOf: day, lang: lang),
                    "problems-\(day.iso).xlsx")
        case .leads:
            let keys = Dictionary(try await service.repository.projects(zoneID: zone.id).map { ($0.id, $0.plan.project.key) }, uniquingKeysWith: { a, _ in a })
            return (try ListWorkbooks.leads(try await LeadRepository(db: db).leads(zoneID: zone.id), projectKeys: keys, lang: lang), "leads.xlsx")
        case .targets:
            let report = try await RankingReport.load(db, zone: zone, asOf: asOf, period: period)
            return (try ListWorkbooks.ranking(report, lang: lang), "targets-\(report.asOf.iso).xlsx")
        }
    }
}

/// The problem, lead and target lists as .xlsx workbooks (typed cells, frozen header), beside
/// `ProjectsWorkbook` and `BulletinText.workbook`.
enum ListWorkbooks {
    /// Every problem of the zone as it stood at `asOf`: deadline and raised-on as dates.
    static func problems(_ problems: [StoredProblem], asOf: CalendarDate, lang: Language) throws -> Data {
        let s = lang.strings
        let rows: [[XLSXCell]] = problems.map { p in
            [.text(p.problem.title), .text(p.projectName ?? ""), .text(p.problem.ownerDepartment), .text(s.problemState(p.problem.state)),
             .text(s.problemLevel(p.problem.level)), .date(p.problem.raisedOn), .text(p.problem.raisedBy), .date(p.problem.deadline),
             .text(p.problem.isOverdue(asOf: asOf) ? s.overdue : ""), .text(p.problem.description)]
        }
        return try XLSXWriter.workbook([XLSXSheetData(name: s.problemsTitle, header: [s.problemTitle, s.name, s.ownerDepartment, s.status, s.level,
                                                                                      s.workbook.raisedOn, s.raisedBy, s.deadline, s.overdue, s.problemDescription],
                                                      rows: rows)])
    }

    /// Every lead of the zone in the lead-list template's shape (`LeadListSheet`): re-importable
    /// with profile `leads`, its project named by key; the current stage last.
    static func leads(_ leads: [StoredLead], projectKeys: [UUID: String], lang: Language) throws -> Data {
        let l = lang.strings.leads
        let entries = leads.map { LeadListEntry(lead: $0.lead, stage: $0.stage, transitions: $0.transitions, projectKey: $0.projectID.flatMap { projectKeys[$0] }) }
        return try XLSXWriter.workbook([try LeadListSheet(chinese: lang == .zhHans).sheet(entries, sheetName: l.title, stageHeader: l.firstStage, stageName: l.stage)])
    }

    /// The ranking and the targets behind it at the report's date: a sheet of ranks and scores
    /// (best first), and a sheet of every department's metrics: annual target and actual in the
    /// metric's unit, completion and the time-elapsed share in percent, weight and points, as
    /// numbers (completion and share to 2 decimals, as the page's figures before rounding to 1).
    static func ranking(_ r: RankingReport, lang: Language) throws -> Data {
        let t = lang.strings.targets, w = lang.strings.workbook, s = lang.strings
        var ranks: [[XLSXCell]] = r.departments.map { [.number(Double($0.rank)), .text($0.department), .number(round2($0.score))] }
        if ranks.isEmpty { ranks = [[.text(t.noTargets)]] }
        let detail: [[XLSXCell]] = r.departments.flatMap { d in
            d.contributions.map { c in
                [.text(d.department), .text(c.metricName), .text(c.unit), .number(c.annualTarget), .number(c.actualToDate),
                 .number(round2(c.completion * 100)), .number(round2(r.timeElapsedShare.percent)), .number(c.weight), .number(round2(c.points)),
                 .text(c.reported ? "" : t.notReported)]
            }
        }
        let formula = r.formulaText[lang.rawValue] ?? ""
        return try XLSXWriter.workbook([
            XLSXSheetData(name: t.ranking, header: [t.rank, s.department, t.score], rows: ranks + [[], [.text(formula)]]),
            XLSXSheetData(name: w.targetDetail, header: [s.department, t.metric, t.unit, t.annualTarget, t.actualToDate, w.completionPercent,
                                                         w.sharePercent, t.weight, t.points, t.notReported], rows: detail),
        ])
    }
}
