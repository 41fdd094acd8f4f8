import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/api/v1/meetings`: dispatch meetings with a generated agenda, minutes and action items.
struct MeetingsAPI: RouteCollection {
    struct NewMeeting: Content {
        var zone: String?
        var title: String?
        var heldOn: CalendarDate?
        var nextMeeting: CalendarDate?
    }

    struct Added: Content {
        var title: String
        var note: String?
    }

    struct Decision: Content {
        var position: Int
        var decision: String
    }

    /// An edit of the agenda and minutes. `decisions` name items by their position before the
    /// edit; `order` lists those positions in the new order (items left out are removed);
    /// `added` items go at the end.
    struct AgendaUpdate: Content {
        var version: Int
        var attendees: String?
        var order: [Int]?
        var added: [Added]?
        var decisions: [Decision]?
        /// The page's "remove" of the only item left (an empty `order` is otherwise refused).
        var removingLast: Bool?
    }

    struct ActionBody: Content {
        var version: Int
        /// The agenda item (1-based position) the action follows from; its project, if any, is the problem's.
        var agendaPosition: Int?
        var title: String
        var ownerDepartment: String
        var deadline: CalendarDate
        var by: String
    }

    /// A decision that changes a department's annual target (目标调整) instead of raising a problem.
    struct TargetActionBody: Content {
        var version: Int
        var agendaPosition: Int?
        var department: String
        var metricKey: String
        var annualTarget: Double
        /// Default: the meeting's year.
        var year: Int?
    }

    struct Summary: Content {
        var id: UUID
        var title: String
        var heldOn: CalendarDate
        var items: Int
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("meetings", use: list).access(.action(.readZone))
        routes.post("meetings", use: create).access(.action(.runMeetings))
        routes.get("meetings", ":id", use: read).access(.action(.readZone))
        routes.put("meetings", ":id", use: update).access(.action(.runMeetings))
        routes.post("meetings", ":id", "actions", use: addAction).access(.action(.runMeetings))
        routes.post("meetings", ":id", "target-actions", use: addTargetAction).access(.action(.runMeetings))
    }

    func list(_ req: Request) async throws -> [Summary] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        return try await MeetingRepository(db: req.db).meetings(zoneID: zone.id).map { Summary(id: $0.id, title: $0.title, heldOn: $0.heldOn, items: $0.items) }
    }

    func create(_ req: Request) async throws -> Response {
        let body: NewMeeting
        do { body = try req.content.decode(NewMeeting.self) } catch { throw ProblemForms.bodyError(error, expected: "optionally zone, title, heldOn, nextMeeting") }
        let zone = try await req.portfolio.zone(named: body.zone)
        let id = try await MeetingForms.create(req.db, zone: zone, title: body.title, heldOn: body.heldOn, nextMeeting: body.nextMeeting)
        return try await read(req, id: id).encodeResponse(status: .created, for: req)
    }

    func read(_ req: Request) async throws -> StoredMeeting { try await read(req, id: try Self.id(req)) }

    func read(_ req: Request, id: UUID) async throws -> StoredMeeting {
        guard let m = try await MeetingRepository(db: req.db).meeting(id) else { throw Abort(.notFound, reason: "no meeting with id \(id)") }
        try req.requireVisible(zoneID: m.zoneID, "meeting with id \(id)")
        return m
    }

    func update(_ req: Request) async throws -> StoredMeeting {
        let body: AgendaUpdate
        do { body = try req.content.decode(AgendaUpdate.self) } catch {
            throw ProblemForms.bodyError(error, expected: "version, and optionally attendees, order ([positions]), added ([{title, note}]), decisions ([{position, decision}])")
        }
        _ = try await read(req, id: try Self.id(req))
        return try await MeetingForms.update(req.db, id: try Self.id(req), body)
    }

    func addAction(_ req: Request) async throws -> StoredMeeting {
        let body: ActionBody
        do { body = try req.content.decode(ActionBody.self) } catch {
            throw ProblemForms.bodyError(error, expected: "version, title, ownerDepartment, deadline, by, optionally agendaPosition")
        }
        _ = try await read(req, id: try Self.id(req))
        return try await MeetingForms.addAction(req.db, id: try Self.id(req), body)
    }

    func addTargetAction(_ req: Request) async throws -> StoredMeeting {
        let body: TargetActionBody
        do { body = try req.content.decode(TargetActionBody.self) } catch {
            throw ProblemForms.bodyError(error, expected: "version, department, metricKey, annualTarget, optionally year and agendaPosition")
        }
        _ = try await read(req, id: try Self.id(req))
        return try await MeetingForms.addTargetAction(req.db, id: try Self.id(req), body)
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a meeting id (UUID)") }
        return id
    }
}

/// The checks shared by the meeting pages, the API and the CLI, with errors that name the field.
enum MeetingForms {
    /// The agenda of a meeting held on `heldOn` for the zone as it stands then.
    static func agenda(_ db: any Database, zone: StoredZone, heldOn: CalendarDate, nextMeeting: CalendarDate) async throws -> [AgendaItem] {
        let assessed = try await PortfolioService.on(db).assess(zone, asOf: heldOn)
        let calendar = zone.zone.workingDays
        let projects = assessed.projects.map { p in
            let schedule = (try? MilestoneNetwork.schedule(p.plan, asOf: heldOn, calendar: calendar)) ?? []
            return (ref: p.stored.id.uuidString, plan: p.plan, assessment: p.assessment,
                    schedule: Dictionary(schedule.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
        }
        let problems = try await ProblemRepository(db: db).problems(zoneID: zone.id, asOf: heldOn).map {
            (ref: $0.id.uuidString, problem: $0.problem, lastOrder: $0.orders.last, project: $0.projectName, projectRef: $0.projectID?.uuidString)
        }
        return Agenda.generate(projects: projects, problems: problems, asOf: heldOn, nextMeeting: nextMeeting)
    }

    /// A meeting's day (default today in the zone) and the next meeting's (default a week later).
    /// - Throws: a 422 naming `nextMeeting` when it is not after the meeting.
    static func days(zone: StoredZone, heldOn: CalendarDate?, nextMeeting: CalendarDate?) throws -> (day: CalendarDate, next: CalendarDate) {
        let day = heldOn ?? CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let next = nextMeeting ?? day.adding(days: 7)
        guard next > day else { throw Abort(.unprocessableEntity, reason: "nextMeeting: \(next) is not after the meeting (\(day))") }
        return (day, next)
    }

    static func create(_ db: any Database, zone: StoredZone, title: String?, heldOn: CalendarDate?, nextMeeting: CalendarDate?) async throws -> UUID {
        let (day, next) = try days(zone: zone, heldOn: heldOn, nextMeeting: nextMeeting)
        // The next meeting is computed (a week on by default): it must be a date that reads back.
        guard CalendarDate.parsedYears.contains(next.year) else {
            throw Abort(.unprocessableEntity, reason: "nextMeeting: \(next) is outside the years \(CalendarDate.parsedYears.lowerBound)–\(CalendarDate.parsedYears.upperBound)")
        }
        let text = title?.trimmingWhitespace() ?? ""
        let name = text.isEmpty ? "调度会 \(day.iso)" : try ProblemForms.required("title", text)
        return try await MeetingRepository(db: db).create(zoneID: zone.id, title: name, heldOn: day, nextMeeting: next,
                                                          agenda: try await agenda(db, zone: zone, heldOn: day, nextMeeting: next))
    }

    static func update(_ db: any Database, id: UUID, _ body: MeetingsAPI.AgendaUpdate) async throws -> StoredMeeting {
        let repo = MeetingRepository(db: db)
        guard let m = try await repo.meeting(id) else { throw Abort(.notFound, reason: "no meeting with id \(id)") }
        var entries = m.agenda
        for d in body.decisions ?? [] {
            guard entries.indices.contains(d.position - 1) else { throw Abort(.unprocessableEntity, reason: "decisions: no agenda item at position \(d.position)") }
            try ProblemForms.limited("decisions", d.decision)
            let text = d.decision.trimmingWhitespace()
            entries[d.position - 1].decision = text.isEmpty ? nil : text
        }
        if let order = body.order {
            guard !order.isEmpty || entries.isEmpty || body.removingLast == true else {
                throw Abort(.unprocessableEntity, reason: "order: empty would remove every item; remove items one at a time")
            }
            if let lost = body.decisions?.first(where: { !order.contains($0.position) }) {
                throw Abort(.unprocessableEntity, reason: "decisions: the item at position \(lost.position) is removed by order; its decision would be lost")
            }
            guard Set(order).count == order.count, order.allSatisfy({ entries.indices.contains($0 - 1) }) else {
                throw Abort(.unprocessableEntity, reason: "order: list each agenda position (1–\(entries.count)) at most once")
            }
            entries = order.map { entries[$0 - 1] }
        }
        for (i, a) in (body.added ?? []).enumerated() {
            let title = try ProblemForms.required("added[\(i)].title", a.title)
            try ProblemForms.limited("added[\(i)].note", a.note)
            entries.append(AgendaEntry(item: AgendaItem(title: title, reason: .added(note: a.note?.trimmingWhitespace() ?? ""))))
        }
        let attendees = body.attendees ?? m.attendees
        try ProblemForms.limited("attendees", attendees)
        do { return try await repo.update(id, expectedVersion: body.version, attendees: attendees, agenda: entries) } catch let e as StoreError {
            throw e.http
        }
    }

    /// A decision changing a target: checked as `PUT /api/v1/targets` checks it, written with the action item.
    static func addTargetAction(_ db: any Database, id: UUID, _ body: MeetingsAPI.TargetActionBody) async throws -> StoredMeeting {
        let repo = MeetingRepository(db: db)
        guard let m = try await repo.meeting(id) else { throw Abort(.notFound, reason: "no meeting with id \(id)") }
        let department = try ProblemForms.name("department", body.department)
        let formula = try await TargetRepository(db: db).formula(zoneID: m.zoneID)
        guard let metric = formula.metrics.first(where: { $0.key == body.metricKey }) else {
            throw Abort(.unprocessableEntity, reason: "metricKey: '\(body.metricKey)' is not a metric of the zone's formula (\(formula.metrics.map(\.key).joined(separator: ", ")))")
        }
        guard body.annualTarget.isFinite, body.annualTarget > 0, body.annualTarget <= TargetForms.maxFigure else {
            throw Abort(.unprocessableEntity, reason: "annualTarget: a number above 0 and at most 1,000,000,000,000")
        }
        var agendaTitle: String?
        if let position = body.agendaPosition {
            guard m.agenda.indices.contains(position - 1) else { throw Abort(.unprocessableEntity, reason: "agendaPosition: no agenda item at position \(position)") }
            agendaTitle = m.agenda[position - 1].item.title
        }
        let year = body.year ?? m.heldOn.year
        let old = try await TargetRepository(db: db).target(zoneID: m.zoneID, year: year, department: department, metricKey: metric.key)
        let title = "目标调整 / target: \(department) \(metric.name) \(year) \(old.map { Format.number($0) } ?? "—") → \(Format.number(body.annualTarget)) \(metric.unit)"
        do {
            return try await repo.addTargetAction(id, expectedVersion: body.version, agendaTitle: agendaTitle, title: title, department: department,
                                                  metricKey: metric.key, year: year, annualTarget: body.annualTarget, effectiveOn: m.heldOn)
        } catch let e as StoreError {
            throw e.http
        }
    }

    static func addAction(_ db: any Database, id: UUID, _ body: MeetingsAPI.ActionBody) async throws -> StoredMeeting {
        let repo = MeetingRepository(db: db)
        guard let m = try await repo.meeting(id) else { throw Abort(.notFound, reason: "no meeting with id \(id)") }
        let title = try ProblemForms.required("title", body.title), owner = try ProblemForms.name("ownerDepartment", body.ownerDepartment)
        let by = try ProblemForms.required("by", body.by)
        guard body.deadline >= m.heldOn else { throw Abort(.unprocessableEntity, reason: "deadline: \(body.deadline) is before the meeting (\(m.heldOn))") }
        var entry: AgendaEntry?
        if let position = body.agendaPosition {
            guard m.agenda.indices.contains(position - 1) else { throw Abort(.unprocessableEntity, reason: "agendaPosition: no agenda item at position \(position)") }
            entry = m.agenda[position - 1]
        }
        let problem = Problem(title: title, description: entry.map { "\(m.title) · \($0.item.title)" } ?? m.title, raisedBy: by,
                              raisedOn: m.heldOn, ownerDepartment: owner, deadline: body.deadline)
        do {
            return try await repo.addAction(id, expectedVersion: body.version, agendaTitle: entry?.item.title, problem: problem,
                                            projectID: entry?.item.projectRef.flatMap(UUID.init(uuidString:)))
        } catch let e as StoreError {
            throw e.http
        }
    }
}

extension StoredMeeting: Content {}
