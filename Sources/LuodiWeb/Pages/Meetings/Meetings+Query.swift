import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/meetings`: the zone's dispatch meetings; a form opens a new one with its generated agenda.
enum MeetingsPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (_, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        return MeetingsView.render(MeetingsModel(
            lang: req.language, path: req.pathAndQuery, zone: zone.zone.name,
            today: CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone),
            meetings: try await MeetingRepository(db: req.db).meetings(zoneID: zone.id))).response()
    }

    static func create(_ req: Request) async throws -> Response {
        struct Form: Content { var zone: String?; var title: String?; var heldOn: String?; var nextMeeting: String? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let zone = try await req.portfolio.zone(named: form.zone)
        func date(_ text: String?, _ field: String) throws -> CalendarDate? {
            guard let t = text?.trimmingWhitespace(), !t.isEmpty else { return nil }
            do { return try CalendarDate(iso: t) } catch { throw Abort(.unprocessableEntity, reason: "\(field): \(error)") }
        }
        let id = try await MeetingForms.create(req.db, zone: zone, title: form.title, heldOn: try date(form.heldOn, "heldOn"),
                                               nextMeeting: try date(form.nextMeeting, "nextMeeting"))
        return req.redirect(to: SiteURL.meeting(id).path, redirectType: .normal)
    }
}

/// `/meetings/{id}`: the agenda (reorder, add, remove), the minutes, the action items.
enum MeetingPage {
    static func handle(_ req: Request) async throws -> Response {
        let m = try await meeting(req)
        return MeetingView.render(try await model(req, m)).response()
    }

    /// The page's model with the stored minutes, or `attendees` and `decisions` as typed.
    static func model(_ req: Request, _ m: StoredMeeting, attendees: String? = nil, decisions: [String]? = nil, errors: [String] = []) async throws -> MeetingModel {
        var model = MeetingModel(lang: req.language, path: req.pathAndQuery, meeting: m, attendees: attendees ?? m.attendees,
                                 decisions: decisions ?? m.agenda.map { $0.decision ?? "" }, errors: errors)
        model.metrics = try await TargetRepository(db: req.db).formula(zoneID: m.zoneID).metrics
        return model
    }

    /// The form of a decision that changes a target; a refusal shows the page with the reason.
    static func targetAction(_ req: Request) async throws -> Response {
        struct Form: Content { var version: Int?; var agendaPosition: String?; var department: String?; var metricKey: String?; var annualTarget: String? }
        let m = try await meeting(req)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        do {
            let text = form.annualTarget?.trimmingWhitespace() ?? ""
            guard let value = Double(text) else { throw Abort(.unprocessableEntity, reason: "annualTarget: '\(text)' is not a number") }
            _ = try await MeetingForms.addTargetAction(req.db, id: m.id, .init(
                version: form.version ?? -1, agendaPosition: form.agendaPosition.flatMap { Int($0) }, department: form.department ?? "",
                metricKey: form.metricKey ?? "", annualTarget: value, year: nil))
        } catch let e as any AbortError {
            return MeetingView.render(try await model(req, m, errors: [e.reason])).response(status: e.status)
        }
        return req.redirect(to: SiteURL.meeting(m.id).path + "#actions", redirectType: .normal)
    }

    /// One edit of the agenda or minutes (`op`: minutes, up, down, remove, add); a refused
    /// minutes save shows the page again with what was typed.
    static func edit(_ req: Request) async throws -> Response {
        let m = try await meeting(req)
        let op = (try? req.content.get(String.self, at: "op")) ?? ""
        let version = (try? req.content.get(Int.self, at: "version")) ?? -1
        let position = (try? req.content.get(Int.self, at: "position")) ?? 0
        var update = MeetingsAPI.AgendaUpdate(version: version)
        let all = Array(1...max(1, m.agenda.count)).filter { $0 <= m.agenda.count }
        guard version == m.version else {
            let e = Abort(.conflict, reason: StoreError.conflict("meeting '\(m.title)'", expected: version, current: m.version).description)
            return MeetingView.render(try await model(req, m, errors: [e.reason])).response(status: e.status)
        }
        let attendees = (try? req.content.get(String.self, at: "attendees")) ?? m.attendees
        let decisions = m.agenda.indices.map { (try? req.content.get(String.self, at: "decision\($0 + 1)")) ?? (m.agenda[$0].decision ?? "") }
        switch op {
        case "minutes":
            update.attendees = attendees
            update.decisions = decisions.enumerated().map { .init(position: $0.offset + 1, decision: $0.element) }
        case "up", "down":
            var order = all
            let i = position - 1, j = op == "up" ? i - 1 : i + 1
            // Moving the first item up or the last down changes nothing, so nothing is written.
            guard order.indices.contains(i), order.indices.contains(j) else {
                return req.redirect(to: SiteURL.meeting(m.id).path + "#agenda", redirectType: .normal)
            }
            order.swapAt(i, j)
            update.order = order
        case "remove":
            guard all.contains(position) else {
                return MeetingView.render(try await model(req, m, errors: ["position: no agenda item at position \(position)"])).response(status: .unprocessableEntity)
            }
            update.order = all.filter { $0 != position }
            update.removingLast = m.agenda.count == 1
        case "add":
            update.added = [.init(title: (try? req.content.get(String.self, at: "title")) ?? "", note: try? req.content.get(String.self, at: "note"))]
        default: throw Abort(.badRequest, reason: "op: use minutes, up, down, remove or add")
        }
        do {
            _ = try await MeetingForms.update(req.db, id: m.id, update)
        } catch let e as any AbortError {
            // The page again, with the reason and the minutes as typed (409: someone saved first; reload to see it).
            return MeetingView.render(try await model(req, m, attendees: attendees, decisions: decisions, errors: [e.reason])).response(status: e.status)
        }
        return req.redirect(to: SiteURL.meeting(m.id).path + (op == "minutes" ? "#minutes" : "#agenda"), redirectType: .normal)
    }

    static func action(_ req: Request) async throws -> Response {
        struct Form: Content { var version: Int?; var agendaPosition: String?; var title: String?; var ownerDepartment: String?; var deadline: String?; var by: String? }
        let m = try await meeting(req)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        do {
            let deadlineText = form.deadline?.trimmingWhitespace() ?? ""
            let deadline: CalendarDate
            do { deadline = try CalendarDate(iso: try ProblemForms.required("deadline", deadlineText)) } catch let e as CalendarDateError {
                throw Abort(.unprocessableEntity, reason: "deadline: \(e)")
            }
            _ = try await MeetingForms.addAction(req.db, id: m.id, .init(
                version: form.version ?? -1, agendaPosition: form.agendaPosition.flatMap { Int($0) }, title: form.title ?? "",
                ownerDepartment: form.ownerDepartment ?? "", deadline: deadline, by: form.by ?? ""))
        } catch let e as any AbortError {
            var model = try await model(req, m, errors: [e.reason])
            model.action = .init(position: form.agendaPosition ?? "", title: form.title ?? "", owner: form.ownerDepartment ?? "",
                                 deadline: form.deadline ?? "", by: form.by ?? "")
            return MeetingView.render(model).response(status: e.status)
        }
        return req.redirect(to: SiteURL.meeting(m.id).path + "#actions", redirectType: .normal)
    }

    private static func meeting(_ req: Request) async throws -> StoredMeeting {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let m = try await MeetingRepository(db: req.db).meeting(id) else {
            throw Abort(.notFound, reason: "no such meeting")
        }
        try req.requireVisible(zoneID: m.zoneID, "such meeting")
        return m
    }
}
