import Foundation
import LuodiCore
import LuodiStore
import Vapor

enum ProblemsPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let model = try await model(req, zoneName: nil) else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        return ProblemsView.render(model).response()
    }

    /// The list of the zone named in the query (or `zoneName`), at the query's as-of date.
    static func model(_ req: Request, zoneName: String?) async throws -> ProblemsModel? {
        guard let (zones, selected) = try await req.selectedZone() else { return nil }
        let zone = try zoneName.map { name in try zones.first { $0.zone.name == name }.orThrow(Abort(.notFound, reason: "no zone named '\(name)'")) } ?? selected
        let asOf = try req.asOfParameter() ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let all = try await req.problems.problems(zoneID: zone.id, asOf: asOf)
        let department = req.query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 }
        let view = try req.problemViewParameter()
        let projects = try await req.portfolioRepository.projects(zoneID: zone.id).map { ($0.id, $0.plan.project.name) }
        let reporting = try await req.portfolio.reportingStates(zone, projectIDs: projects.map(\.0), asOf: asOf)
        var model = ProblemsModel(
            lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name), zone: zone.zone.name, asOf: asOf, view: view,
            department: department, departments: Set(all.map(\.problem.ownerDepartment)).sorted { $0.compare($1, options: .numeric) == .orderedAscending },
            problems: view.select(all, asOf: asOf, department: department), projects: projects, reporting: reporting)
        model.input.project = req.query[String.self, at: "project"] ?? ""
        return model
    }

    /// The raise form; a refusal shows the list again with the reason and the form as typed.
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
        let input = ProblemsModel.RaiseInput(project: form.project ?? "", title: form.title ?? "", description: form.description ?? "",
                                             raisedBy: form.raisedBy ?? "", owner: form.ownerDepartment ?? "", deadline: form.deadline ?? "",
                                             level: form.level ?? "")
        do {
            let zone: StoredZone
            zone = try await req.portfolio.zone(named: form.zone)
            let deadline: CalendarDate
            do { deadline = try CalendarDate(iso: try ProblemForms.required("deadline", input.deadline)) } catch let e as CalendarDateError {
                throw Abort(.unprocessableEntity, reason: "deadline: \(e)")
            }
            var projectID: UUID?
            if !input.project.isEmpty {
                guard let id = UUID(uuidString: input.project) else { throw Abort(.unprocessableEntity, reason: "project: '\(input.project)' is not a project id") }
                projectID = id
            }
            var level = ProblemLevel.zone
            if !input.level.isEmpty {
                guard let l = ProblemLevel(rawValue: input.level) else { throw Abort(.unprocessableEntity, reason: "level: use zone, district or city") }
                level = l
            }
            try await req.authorizeProblem(zoneID: zone.id, projectID: projectID, ownerDepartment: input.owner, .raiseProblem)
            let id = try await ProblemForms.raise(req.db, zone: zone, projectID: projectID, title: input.title, description: input.description,
                                                  raisedBy: input.raisedBy, raisedOn: nil, owner: input.owner, deadline: deadline, level: level)
            return req.redirect(to: SiteURL.problem(id).path, redirectType: .normal)
        } catch let e as any AbortError where e.status != .notFound {
            // The list page shows the zone's problems: an account that sees only its own projects
            // (an enterprise liaison) gets the project page again, where it raised the problem.
            guard let account = req.signedIn?.account, AccessPolicy.mayEver(account.role, .readZone) else {
                guard let id = UUID(uuidString: input.project), var page = try await ProjectDetailPage.query(req, id: id) else { throw e }
                page.raiseErrors = [e.reason]
                page.raiseInput = input
                return ProjectDetailView.render(page).response(status: e.status)
            }
            guard var model = try await model(req, zoneName: form.zone) else { throw e }
            model.errors = [e.reason]
            model.input = input
            return ProblemsView.render(model).response(status: e.status)
        }
    }
}

enum ProblemPage {
    static func handle(_ req: Request) async throws -> Response {
        ProblemDetailView.render(try await model(req)).response()
    }

    static func model(_ req: Request) async throws -> ProblemModel {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let found = try await req.problems.problem(id) else {
            throw Abort(.notFound, reason: "no such problem")
        }
        try await req.authorizeProblem(zoneID: found.problem.zoneID, projectID: found.problem.projectID,
                                       ownerDepartment: found.problem.problem.ownerDepartment, .readProject)
        let today = try await req.today(inZone: found.problem.zoneID)
        let asOf = try req.asOfParameter() ?? today
        var model = ProblemModel(lang: req.language, path: req.pathAndQuery, asOf: asOf, problem: found.problem, history: found.history)
        model.mayAct = (try? await req.authorizeProblem(zoneID: found.problem.zoneID, projectID: found.problem.projectID,
                                                        ownerDepartment: found.problem.problem.ownerDepartment, .actOnProblem)) != nil
        model.mayList = req.signedIn.map { AccessPolicy.mayEver($0.account.role, .readZone) } ?? false
        return model
    }

    /// The action form; a refusal (a stale page, a missing note or plan) shows the problem again
    /// with the reason and the form as typed.
    static func act(_ req: Request) async throws -> Response {
        struct Form: Content {
            var version: Int?
            var action: String?
            var by: String?
            var note: String?
            var deadline: String?
            var rectificationPlan: String?
        }
        var model = try await model(req)
        try await req.authorizeProblem(zoneID: model.problem.zoneID, projectID: model.problem.projectID,
                                       ownerDepartment: model.problem.problem.ownerDepartment, .actOnProblem)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let input = ProblemModel.ActInput(action: form.action ?? "", by: form.by ?? "", note: form.note ?? "", deadline: form.deadline ?? "",
                                          plan: form.rectificationPlan ?? "")
        do {
            guard let version = form.version else { throw Abort(.unprocessableEntity, reason: "version: required (a whole number)") }
            guard let action = ProblemAction(rawValue: input.action), action != .raise else {
                throw Abort(.unprocessableEntity, reason: "action: use assign, resolve, reopen, close or escalate")
            }
            var deadline: CalendarDate?
            if !input.deadline.isEmpty {
                do { deadline = try CalendarDate(iso: input.deadline) } catch { throw Abort(.unprocessableEntity, reason: "deadline: \(error)") }
            }
            try await ProblemForms.act(req.db, id: model.problem.id, version: version, action: action, by: input.by, on: nil,
                                       note: input.note.isEmpty ? nil : input.note, deadline: deadline, plan: input.plan)
        } catch let e as any AbortError where e.status != .notFound {
            model.errors = [e.reason]
            model.input = input
            return ProblemDetailView.render(model).response(status: e.status)
        }
        return req.redirect(to: SiteURL.problem(model.problem.id).path, redirectType: .normal)
    }
}

extension Optional {
    /// The value, or `error` thrown.
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}
