import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/api/v1/problems`: raise, list, read and act on problems.
struct ProblemsAPI: RouteCollection {
    struct NewProblem: Content {
        var zone: String?
        var projectID: UUID?
        var title: String
        var description: String?
        var raisedBy: String
        var raisedOn: CalendarDate?
        var ownerDepartment: String
        var deadline: CalendarDate
        var level: ProblemLevel?
    }

    struct Action: Content {
        var version: Int
        var action: ProblemAction
        var by: String
        var on: CalendarDate?
        var note: String?
        /// For `escalate`: the order's deadline and rectification plan.
        var deadline: CalendarDate?
        var rectificationPlan: String?
    }

    struct Row: Content {
        var id: UUID
        var version: Int
        var projectID: UUID?
        var projectName: String?
        var problem: Problem
        var overdue: Bool
        var orders: [SupervisionOrder]
        var history: [ProblemEvent]?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("problems", use: list).access(.action(.readZone))
        routes.post("problems", use: raise).access(.action(.raiseProblem))
        routes.get("problems", ":id", use: read).access(.action(.readProject))
        routes.post("problems", ":id", "actions", use: act).access(.action(.actOnProblem))
    }

    func list(_ req: Request) async throws -> [Row] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        let asOf = try req.asOfParameter() ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let view = try req.problemViewParameter()
        return view.select(try await req.problems.problems(zoneID: zone.id, asOf: asOf), asOf: asOf, department: req.query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 })
            .map { Row(id: $0.id, version: $0.version, projectID: $0.projectID, projectName: $0.projectName, problem: $0.problem,
                       overdue: $0.problem.isOverdue(asOf: asOf), orders: $0.orders, history: nil) }
    }

    func raise(_ req: Request) async throws -> Response {
        let body: NewProblem
        do { body = try req.content.decode(NewProblem.self) } catch {
            throw ProblemForms.bodyError(error, expected: "title, raisedBy, ownerDepartment, deadline (yyyy-MM-dd) and optionally zone, projectID, description, raisedOn, level")
        }
        let zone: StoredZone
        zone = try await req.portfolio.zone(named: body.zone)
        try await req.authorizeProblem(zoneID: zone.id, projectID: body.projectID, ownerDepartment: body.ownerDepartment, .raiseProblem)
        let id = try await ProblemForms.raise(req.db, zone: zone, projectID: body.projectID, title: body.title, description: body.description ?? "",
                                              raisedBy: body.raisedBy, raisedOn: body.raisedOn, owner: body.ownerDepartment,
                                              deadline: body.deadline, level: body.level ?? .zone)
        let row = try await read(req, id: id)
        return try await row.encodeResponse(status: .created, for: req)
    }

    func read(_ req: Request) async throws -> Row {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a problem id (UUID)") }
        return try await read(req, id: id)
    }

    func read(_ req: Request, id: UUID) async throws -> Row {
        guard let found = try await req.problems.problem(id) else { throw Abort(.notFound, reason: "no problem with id \(id)") }
        let p = found.problem
        try await req.authorizeProblem(zoneID: p.zoneID, projectID: p.projectID, ownerDepartment: p.problem.ownerDepartment, .readProject)
        let today = try await req.today(inZone: p.zoneID)
        return Row(id: p.id, version: p.version, projectID: p.projectID, projectName: p.projectName, problem: p.problem,
                   overdue: p.problem.isOverdue(asOf: today), orders: p.orders, history: found.history)
    }

    func act(_ req: Request) async throws -> Row {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a problem id (UUID)") }
        let body: Action
        do { body = try req.content.decode(Action.self) } catch {
            throw ProblemForms.bodyError(error, expected: "version, action (assign, resolve, reopen, close, escalate), by, and on / note / deadline / rectificationPlan as the action needs")
        }
        guard let found = try await req.problems.problem(id) else { throw Abort(.notFound, reason: "no problem with id \(id)") }
        try await req.authorizeProblem(zoneID: found.problem.zoneID, projectID: found.problem.projectID,
                                       ownerDepartment: found.problem.problem.ownerDepartment, .actOnProblem)
        try await ProblemForms.act(req.db, id: id, version: body.version, action: body.action, by: body.by, on: body.on, note: body.note,
                                   deadline: body.deadline, plan: body.rectificationPlan)
        return try await read(req, id: id)
    }
}

/// The checks shared by the problem pages and the API, with errors that name the field.
enum ProblemForms {
    /// Longest accepted text, in characters: short fields (title, names) and long ones
    /// (description, note, rectification plan).
    static let shortLimit = 200, longLimit = 4000

    /// The trimmed text of a required field, or a 422 naming it.
    static func required(_ field: String, _ value: String, limit: Int = shortLimit) throws -> String {
        let text = value.trimmingWhitespace()
        guard text.unicodeScalars.contains(where: { !$0.properties.isDefaultIgnorableCodePoint && !$0.properties.isWhitespace }) else {
            throw Abort(.unprocessableEntity, reason: "\(field): required")
        }
        try limited(field, text, limit: limit)
        return text
    }

    /// A required name (department, person) with every run of spaces, tabs or full-width
    /// spaces made one space, so "青  岛" and "青 岛" are one department.
    static func name(_ field: String, _ value: String) throws -> String {
        try required(field, value).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A 400 for a body that cannot be read, naming the field where the decoder says which one.
    static func bodyError(_ error: any Error, expected: String) -> any Error {
        if !(error is DecodingError), let abort = error as? any AbortError, abort.status != .unprocessableEntity { return abort }
        let field: String?, problem: String
        switch error as? DecodingError {
        case let .keyNotFound(key, _)?: field = key.stringValue; problem = "required"
        case let .valueNotFound(_, c)?: field = c.codingPath.last?.stringValue; problem = "required"
        case let .typeMismatch(_, c)?, let .dataCorrupted(c)?:
            field = c.codingPath.last?.stringValue; problem = "not a valid value (\(c.debugDescription))"
        default: field = nil; problem = ""
        }
        guard let field else { return Abort(.badRequest, reason: "body: expected a JSON object with \(expected)") }
        return Abort(.badRequest, reason: "\(field): \(problem); the body takes \(expected)")
    }

    /// A 422 naming the field when `value` is longer than `limit` characters.
    static func limited(_ field: String, _ value: String?, limit: Int = longLimit) throws {
        if let value, value.count > limit { throw Abort(.unprocessableEntity, reason: "\(field): longer than \(limit) characters") }
    }

    static func raise(_ db: any Database, zone: StoredZone, projectID: UUID?, title: String, description: String, raisedBy: String,
                      raisedOn: CalendarDate?, owner: String, deadline: CalendarDate, level: ProblemLevel) async throws -> UUID {
        let title = try required("title", title), raisedBy = try name("raisedBy", raisedBy), owner = try name("ownerDepartment", owner)
        try limited("description", description)
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let day = raisedOn ?? today
        guard day <= today else { throw Abort(.unprocessableEntity, reason: "raisedOn: \(day) is after today (\(today))") }
        guard deadline >= day else { throw Abort(.unprocessableEntity, reason: "deadline: \(ProblemError.deadlineBeforeRaised)") }
        let problem = Problem(title: title, description: description, raisedBy: raisedBy,
                              raisedOn: day, ownerDepartment: owner, deadline: deadline, level: level)
        do { return try await ProblemRepository(db: db).raise(problem, zoneID: zone.id, projectID: projectID) } catch let e as StoreError {
            throw Abort(.unprocessableEntity, reason: "projectID: \(e)")
        }
    }

    /// Applies an action dated `on` (default today in the zone's time zone). The day may not be
    /// before the problem's last recorded action nor after today, so the history stays in order.
    static func act(_ db: any Database, id: UUID, version: Int, action: ProblemAction, by: String, on: CalendarDate?, note: String?,
                    deadline: CalendarDate?, plan: String?) async throws {
        let by = try required("by", by)
        try limited("note", note)
        try limited("rectificationPlan", plan)
        guard let found = try await ProblemRepository(db: db).problem(id) else { throw Abort(.notFound, reason: "no problem with id \(id)") }
        let today = try await db.today(inZone: found.problem.zoneID)
        let day = on ?? today
        if let last = found.history.last?.on, day < last {
            throw Abort(.unprocessableEntity, reason: "on: \(day) is before the problem's last action (\(last))")
        }
        guard day <= today else { throw Abort(.unprocessableEntity, reason: "on: \(day) is after today (\(today))") }
        var order: SupervisionOrder?
        if action == .escalate {
            guard let deadline, deadline >= day else { throw Abort(.unprocessableEntity, reason: "deadline: an escalation needs a deadline on or after \(day)") }
            guard let plan, !plan.trimmingWhitespace().isEmpty else { throw Abort(.unprocessableEntity, reason: "rectificationPlan: an escalation needs a rectification plan (整改方案)") }
            // At city level there is no order to issue; the repository refuses the escalation.
            order = SupervisionOrder(level: found.problem.problem.level.next ?? .city, issuedOn: day, deadline: deadline, rectificationPlan: plan.trimmingWhitespace())
        }
        do {
            _ = try await ProblemRepository(db: db).act(id, expectedVersion: version, action: action, by: by, on: day, note: note, order: order)
        } catch let e as ProblemError {
            throw Abort(.unprocessableEntity, reason: "\(e == .closeNeedsNote ? "note" : "action"): \(e)")
        } catch let e as StoreError {
            throw e.http
        }
    }
}

extension Database {
    /// Today in the time zone of the zone with `id` (Asia/Shanghai if the zone is gone).
    func today(inZone id: UUID) async throws -> CalendarDate {
        let zone = try await FluentPortfolioRepository(db: self).zone(id: id)
        return zone.map { CalendarDate.today(timeZoneIdentifier: $0.zone.timeZone) } ?? CalendarDate.today()
    }
}

extension Request {
    /// Today in the time zone of the zone with `id` (Asia/Shanghai if the zone is gone).
    func today(inZone id: UUID) async throws -> CalendarDate { try await db.today(inZone: id) }

    /// `view` query parameter of the problem lists (open by default).
    func problemViewParameter() throws -> ProblemView {
        guard let raw = query[String.self, at: "view"], !raw.isEmpty else { return .open }
        guard let v = ProblemView(rawValue: raw) else { throw Abort(.badRequest, reason: "view: use open, week, overdue or all") }
        return v
    }
}
