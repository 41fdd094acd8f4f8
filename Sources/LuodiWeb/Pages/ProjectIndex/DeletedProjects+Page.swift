import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/projects/deleted` (administrators): the zone's deleted projects, each restorable; and the
/// delete and restore actions of the project page.
enum DeletedProjectsPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let deleted = try await req.portfolioRepository.deletedProjects(zoneID: zone.id)
        return view(deleted, zones: zones.map(\.zone.name), zone: zone.zone.name, lang: req.language, path: req.pathAndQuery).response()
    }

    static func delete(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a project id (UUID)") }
        let found = try await req.authorizedProject(id, for: .administerZone)
        let version = try req.content.get(Int.self, at: "version")
        do {
            try await req.portfolioRepository.deleteProject(id: id, expectedVersion: version, by: try req.requireAccount().login)
        } catch let e as StoreError { throw e.http }
        return req.redirect(to: SiteURL.deletedProjects.url([("zone", found.zone.zone.name)]), redirectType: .normal)
    }

    static func restore(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a project id (UUID)") }
        do { try await req.portfolioRepository.restoreProject(id: id) } catch let e as StoreError { throw e.http }
        return req.redirect(to: SiteURL.project(id).path, redirectType: .normal)
    }

    static func view(_ deleted: [DeletedProject], zones: [String], zone: String, lang: Language, path: String) -> HTML {
        let s = lang.strings, d = s.deletion
        return Layout.page(title: d.deletedTitle, lang: lang, section: .projects, path: path,
            .h1(.text("\(d.deletedTitle) · \(zone)")),
            .form(.class("toolbar"), .action(SiteURL.deletedProjects.path), .method(.get),
                .label(.text(s.zone), .select(.attribute(named: "name", value: "zone"), .forEach(zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == zone)) })),
                .button(.type(.submit), .text(s.show))),
            .p(.class("note"), .text(d.deletedHelp)),
            .if(deleted.isEmpty, .p(.text(d.none)), else: .table(
                .tr(.th(.text(s.name)), .th(.text(d.deletedAt)), .th(.text(d.deletedBy)), .th()),
                .forEach(deleted) { p in
                    .tr(.td(.text("\(p.key) · \(p.name)")), .td(.text(Format.utcTime(p.deletedAt))), .td(.text(p.deletedBy)),
                        .td(.form(.class("inline"), .action(SiteURL.projectRestore(p.id).path), .method(.post), .csrf(),
                                  .button(.type(.submit), .class("small"), .text(d.restore)))))
                })))
    }
}
