import Foundation
import LuodiCore
import LuodiStore
import Vapor

enum ProjectDetailPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let model = try await query(req) else {
            let s = req.language.strings
            return MessagePage.view(title: s.notFound, message: s.notFound, lang: req.language, path: req.pathAndQuery).response(status: .notFound)
        }
        return ProjectDetailView.render(model).response()
    }

    static func query(_ req: Request) async throws -> ProjectDetailModel? {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { return nil }
        return try await query(req, id: id)
    }

    static func query(_ req: Request, id: UUID) async throws -> ProjectDetailModel? {
        guard let found = try await req.portfolioRepository.project(id: id) else { return nil }
        let zone = found.zone.zone
        let asOf = try req.asOfParameter() ?? CalendarDate.today(timeZoneIdentifier: zone.timeZone)
        let assessed = try await req.portfolio.assess(found.project, of: found.zone, asOf: asOf)
        var network: [String: MilestoneSchedule] = [:], networkError: String?
        do {
            for s in try MilestoneNetwork.schedule(found.project.plan, asOf: asOf, calendar: zone.workingDays) { network[s.name] = s }
        } catch {
            networkError = "\(error)"
        }
        let plan = assessed.plan
        let inputs = plan.milestones.map { m in
            plan.links.filter { $0.successor == m.name }.map(linkText).joined(separator: "; ")
        }
        var model = ProjectDetailModel(lang: req.language, path: req.pathAndQuery, id: id, zone: zone, asOf: asOf,
                                       plan: plan, assessment: assessed.assessment, reporting: assessed.reporting, version: found.project.version,
                                       reports: try await req.reports.reports(zoneID: found.zone.id, projectID: id),
                                       problems: try await req.problems.problems(zoneID: found.zone.id, projectID: id, asOf: asOf),
                                       network: network, networkError: networkError, linkInputs: inputs)
        model.lead = try await LeadRepository(db: req.db).lead(projectID: id)
        return model
    }

    /// A link as the predecessors field writes it: `供地`, `供地 FS+10`, `开工 SS-2`.
    static func linkText(_ l: MilestoneLink) -> String {
        l.type == .finishToStart && l.lagDays == 0 ? l.predecessor
            : "\(l.predecessor) \(l.type.rawValue)\(l.lagDays == 0 ? "" : l.lagDays > 0 ? "+\(l.lagDays)" : "\(l.lagDays)")"
    }

    /// Saves the predecessors form; on a refusal the page comes back with the reasons and the
    /// user's input kept.
    static func saveLinks(_ req: Request) async throws -> Response {
        guard var model = try await query(req) else {
            let s = req.language.strings
            return MessagePage.view(title: s.notFound, message: s.notFound, lang: req.language, path: req.url.path).response(status: .notFound)
        }
        try req.authorize(.editProject, on: model.plan.project)
        let version = try req.content.get(Int.self, at: "version")
        let typed = model.plan.milestones.indices.map { (try? req.content.get(String.self, at: "p\($0)")) ?? "" }
        let fields = zip(model.plan.milestones.map(\.name), typed).map { (successor: $0.0, text: $0.1) }
        let outcome: Result<Int, LinkEditing.Failure>
        switch LinkEditing.parse(fields) {
        case let .failure(f): outcome = .failure(f)
        case let .success(links):
            do throws(LinkEditing.Failure) {
                outcome = .success(try await LinkEditing.apply(links, to: model.id, expectedVersion: version,
                                                               repository: req.portfolioRepository))
            } catch {
                outcome = .failure(error)
            }
        }
        switch outcome {
        case .success:
            return req.redirect(to: SiteURL.project(model.id).url([("asOf", model.asOf.iso)]), redirectType: .normal)
        case let .failure(failure):
            model.linkInputs = typed
            let status: HTTPResponseStatus
            switch failure {
            case let .invalid(problems): model.linkErrors = problems; status = .unprocessableEntity
            case let .conflict(message): model.linkErrors = [message]; status = .conflict
            case .notFound: model.linkErrors = [req.language.strings.notFound]; status = .notFound
            }
            return ProjectDetailView.render(model).response(status: status)
        }
    }
}
