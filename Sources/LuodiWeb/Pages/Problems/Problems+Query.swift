import Foundation
import LuodiCore
import LuodiStore
import Vapor

enum ProblemsPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let asOf = try req.asOfParameter() ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let all = try await req.problems.problems(zoneID: zone.id, asOf: asOf)
        let department = req.query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 }
        let view = try req.problemViewParameter()
        let projects = try await FluentPortfolioRepository(db: req.db).projects(zoneID: zone.id).map { ($0.id, $0.plan.project.name) }
        let reporting = try await req.portfolio.reportingStates(zone, projectIDs: projects.map(\.0), asOf: asOf)
        let model = ProblemsModel(
            lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name), zone: zone.zone.name, asOf: asOf, view: view,
            department: department, departments: Set(all.map(\.problem.ownerDepartment)).sorted { $0.compare($1, options: .numeric) == .orderedAscending },
            problems: view.select(all, asOf: asOf, department: department), projects: projects, reporting: reporting,
            selectedProject: req.query[String.self, at: "project"].flatMap(UUID.init(uuidString:)))
        return ProblemsView.render(model).response()
    }

    /// The raise form; a refusal names the field.
    static func raise(_ req: Request) async throws -> Response {
        struct Form: Content {
            var zone: String?
            var project: String?
            var title: String?
            var description: String?
            var raisedBy: String?
            var ownerDepartment: String?
            var deadline: String?
            var level: String?
        }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let zone: StoredZone
        do { zone = try await req.portfolio.zone(named: form.zone) } catch let e as ServiceError { throw Abort(.notFound, reason: e.description) }
        let deadline: CalendarDate
        do { deadline = try CalendarDate(iso: try ProblemForms.required("deadline", form.deadline ?? "")) } catch let e as CalendarDateError {
            throw Abort(.unprocessableEntity, reason: "deadline: \(e)")
        }
        var projectID: UUID?
        if let text = form.project, !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Abort(.unprocessableEntity, reason: "project: '\(text)' is not a project id") }
            projectID = id
        }
        var level = ProblemLevel.zone
        if let text = form.level, !text.isEmpty {
            guard let l = ProblemLevel(rawValue: text) else { throw Abort(.unprocessableEntity, reason: "level: use zone, district or city") }
            level = l
        }
        let id = try await ProblemForms.raise(req.db, zone: zone, projectID: projectID, title: form.title ?? "",
                                              description: form.description ?? "", raisedBy: form.raisedBy ?? "", raisedOn: nil,
                                              owner: form.ownerDepartment ?? "", deadline: deadline, level: level)
        return req.redirect(to: SiteURL.problem(id).path, redirectType: .normal)
    }
}

enum ProblemPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let found = try await req.problems.problem(id) else {
            throw Abort(.notFound, reason: "no such problem")
        }
        let today = try await req.today(inZone: found.problem.zoneID)
        let asOf = try req.asOfParameter() ?? today
        return ProblemDetailView.render(ProblemModel(lang: req.language, path: req.pathAndQuery, asOf: asOf, problem: found.problem,
                                               history: found.history)).response()
    }

    static func act(_ req: Request) async throws -> Response {
        struct Form: Content {
            var version: Int
            var action: String
            var by: String
            var note: String?
            var deadline: String?
            var rectificationPlan: String?
        }
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound, reason: "no such problem") }
        let form: Form
        do { form = try req.content.decode(Form.self) } catch { throw Abort(.unprocessableEntity, reason: "version and action are required (version: a whole number)") }
        guard let action = ProblemAction(rawValue: form.action), action != .raise else {
            throw Abort(.badRequest, reason: "action: use assign, resolve, reopen, close or escalate")
        }
        var deadline: CalendarDate?
        if let text = form.deadline, !text.isEmpty {
            do { deadline = try CalendarDate(iso: text) } catch { throw Abort(.unprocessableEntity, reason: "deadline: \(error)") }
        }
        try await ProblemForms.act(req.db, id: id, version: form.version, action: action, by: form.by, on: nil,
                                   note: form.note.flatMap { $0.isEmpty ? nil : $0 }, deadline: deadline, plan: form.rectificationPlan)
        return req.redirect(to: SiteURL.problem(id).path, redirectType: .normal)
    }
}
