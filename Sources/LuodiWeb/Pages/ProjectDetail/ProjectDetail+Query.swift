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
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let found = try await FluentPortfolioRepository(db: req.db).project(id: id) else { return nil }
        let zone = found.zone.zone
        let asOf = try req.asOfParameter() ?? CalendarDate.today(timeZoneIdentifier: zone.timeZone)
        let assessment = zone.ruleSet.assess(found.project.plan, asOf: asOf, convention: zone.timeElapsedConvention)
        var network: [String: MilestoneSchedule] = [:], networkError: String?
        do {
            for s in try MilestoneNetwork.schedule(found.project.plan, asOf: asOf) { network[s.name] = s }
        } catch {
            networkError = "\(error)"
        }
        return ProjectDetailModel(lang: req.language, path: req.pathAndQuery, id: id, zone: zone, asOf: asOf,
                                  plan: found.project.plan, assessment: assessment, version: found.project.version,
                                  network: network, networkError: networkError)
    }
}
