import CSV
import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/audit`: the zone's changes, latest first, optionally of one project or by one person.
enum AuditPage {
    /// The entries the query asks for (zone, `project`, `by`), with the zone's project names.
    static func query(_ req: Request) async throws -> (zones: [StoredZone], zone: StoredZone, project: UUID?, actor: String?, entries: [AuditEntry], names: [UUID: String])? {
        guard let (zones, zone) = try await req.selectedZone() else { return nil }
        let project = try req.query[String.self, at: "project"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            try UUID(uuidString: raw).orThrow(Abort(.badRequest, reason: "project: not a project id (UUID)"))
        }
        let actor = req.query[String.self, at: "by"].flatMap { $0.isEmpty ? nil : $0 }
        let entries = try await AuditLog.entries(on: req.db, zoneID: zone.id, projectID: project, actor: actor,
                                                includeUnzoned: req.signedIn?.account.role == .administrator, limit: 100_000)
        let names = Dictionary(uniqueKeysWithValues: try await req.portfolioRepository.projects(zoneID: zone.id).map { ($0.id, $0.plan.project.name) })
        return (zones, zone, project, actor, entries, names)
    }

    static func handle(_ req: Request) async throws -> Response {
        guard let q = try await query(req) else { return EmptyState.view(lang: req.language, path: req.pathAndQuery).response() }
        return view(Array(q.entries.prefix(500)), lang: req.language, path: req.pathAndQuery, zones: q.zones.map(\.zone.name), zone: q.zone.zone.name,
                    project: q.project, actor: q.actor, names: q.names).response()
    }

    /// `/audit.csv`: the same entries, all of them, as CSV (UTF-8 with a byte-order mark, CRLF,
    /// formula-looking cells defused as in `ProblemText`), to keep or hand to an auditor.
    static func csv(_ req: Request) async throws -> Response {
        guard let q = try await query(req) else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let s = req.language.strings, a = s.audit
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: [a.at, a.actor, s.name, a.entity, "id", s.action, a.old, a.new].map(ProblemText.cell))
        for e in q.entries {
            try writer.write(row: [Format.utcTime(e.at), e.actor, e.projectID.flatMap { q.names[$0] } ?? "", e.entity, e.entityID, e.action,
                                   e.old ?? "", e.new ?? ""].map(ProblemText.cell))
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Response.download(Data([0xEF, 0xBB, 0xBF]) + data, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: "audit.csv")
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
            .p(.class("note"), .text(a.help), .text(" "),
               .a(.href(SiteURL.auditCSV.url([("zone", zone), ("project", project?.uuidString), ("by", actor)])), .text("CSV"))),
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
