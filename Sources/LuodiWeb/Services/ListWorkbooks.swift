import Foundation
import LuodiCore
import LuodiInterchange
import LuodiStore
import Vapor

/// The problem list and the lead list as .xlsx workbooks (typed cells, frozen header), beside
/// `ProjectsWorkbook`.
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
                                                                                      lang == .zhHans ? "提出日期" : "Raised on", s.raisedBy, s.deadline, s.overdue, s.problemDescription],
                                                      rows: rows)])
    }

    /// Every lead of the zone: stage, investor, intended investment in its currency (whole units
    /// with the currency in its own column, never mixed), first contact and signing dates.
    static func leads(_ leads: [StoredLead], lang: Language) throws -> Data {
        let l = lang.strings.leads, s = lang.strings
        let rows: [[XLSXCell]] = leads.map { x in
            [.text(x.lead.title), .text(x.lead.investor.name), .text(x.lead.investor.origin ?? ""), .text(l.channel(x.lead.channel)),
             .text(l.stage(x.stage)), x.lead.intendedInvestment.map { .number($0.majorUnits) } ?? .empty, .text(x.lead.intendedInvestment?.currency.code ?? ""),
             .text(x.lead.ownerDepartment), x.transitions.first.map { .date($0.on) } ?? .empty,
             x.transitions.first { ($0.to.rank ?? -1) >= (LeadStage.signed.rank ?? 0) }.map { .date($0.on) } ?? .empty]
        }
        return try XLSXWriter.workbook([XLSXSheetData(name: l.title, header: [l.leadTitle, l.investor, l.origin, l.channelLabel, l.firstStage, l.intended,
                                                                              l.currency, s.ownerDepartment, l.stage(.lead), l.stage(.signed)], rows: rows)])
    }

    /// A workbook download.
    static func response(_ data: Data, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.contentDisposition = .init(.attachment, filename: name)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
