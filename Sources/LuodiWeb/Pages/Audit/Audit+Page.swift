import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/audit`: the zone's changes, latest first, optionally of one project or by one person.
enum AuditPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let project = try req.query[String.self, at: "project"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            try UUID(uuidString: raw).orThrow(Abort(.badRequest, reason: "project: not a project id (UUID)"))
        }
        let actor = req.query[String.self, at: "by"].flatMap { $0.isEmpty ? nil : $0 }
        let entries = try await AuditLog.entries(on: req.db, zoneID: zone.id, projectID: project, actor: actor,
                                                includeUnzoned: req.signedIn?.account.role == .administrator)
        let names = Dictionary(uniqueKeysWithValues: try await req.portfolioRepository.projects(zoneID: zone.id).map { ($0.id, $0.plan.project.name) })
        return view(entries, lang: req.language, path: req.pathAndQuery, zones: zones.map(\.zone.name), zone: zone.zone.name,
                    project: project, actor: actor, names: names).response()
    }

    static func view(_ entries: [AuditEntry], lang: Language, path: String, zones: [String], zone: String, project: UUID?, actor: String?,
                     names: [UUID: String]) -> HTML {
        let s = lang.strings, a = s.audit
        return Layout.page(title: a.title, lang: lang, section: nil, path: path,
            .h1(.text("\(a.title) · \(zone)")),
            .form(.class("toolbar"), .action(SiteURL.audit.path), .method(.get),
                .label(.text(s.zone), .select(.attribute(named: "name", value: "zone"), .forEach(zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == zone)) })),
                .label(.text(s.name), .select(.attribute(named: "name", value: "project"), .option(.value(""), .label(attr(s.all))),
                    .forEach(names.sorted { $0.value < $1.value }) { id, name in .option(.value(id.uuidString), .label(attr(name)), .isSelected(id == project)) })),
                .label(.text(a.actor), .input(.type(.text), .name("by"), .value(attr(actor ?? "")))),
                .button(.type(.submit), .text(s.show))),
            .p(.class("note"), .text(a.help)),
            entries.isEmpty ? .p(.class("note"), .text(a.none)) : .table(
                .tr(.th(.text(a.at)), .th(.text(a.actor)), .th(.text(s.name)), .th(.text(a.entity)), .th(.text(s.action)), .th(.text(a.old)), .th(.text(a.new))),
                .forEach(entries) { e in
                    .tr(.td(.class("nowrap"), .text(Format.utcTime(e.at))), .td(.text(e.actor)), .td(.text(e.projectID.flatMap { names[$0] } ?? "")),
                        .td(.text("\(e.entity) \(e.entityID.count > 40 ? String(e.entityID.prefix(8)) + "…" : e.entityID)")), .td(.text(e.action)),
                        .td(.class("json"), .text(e.old ?? "")), .td(.class("json"), .text(e.new ?? "")))
                })
        )
    }

}
