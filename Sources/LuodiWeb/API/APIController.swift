import Foundation
import LuodiCore
import LuodiInterchange
import LuodiStore
import Vapor

/// The JSON API under `/api/v1`, described by `GET /api/v1/openapi.json`.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard).access(.action(.readZone))
        routes.get("projects", use: projects).access(.action(.readProject))
        routes.get("projects", ":id", use: project).access(.action(.readProject))
        routes.put("projects", ":id", "links", use: updateLinks).access(.action(.editProject))
        routes.get("projects", "deleted", use: deletedProjects).access(.action(.administerZone))
        routes.delete("projects", ":id", use: deleteProject).access(.action(.administerZone))
        routes.post("projects", ":id", "restore", use: restoreProject).access(.action(.administerZone))
        routes.on(.POST, "imports", body: .collect(maxSize: "64mb"), use: importFile).access(.action(.administerZone))
        routes.get("openapi.json") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }.access(.open)
    }

    /// The same report as `luodi status --json`.
    func dashboard(_ req: Request) async throws -> Response {
        do {
            return try json(try await req.portfolio.status(zoneName: req.zoneParameter, asOf: try req.asOfParameter()))
        } catch let e as ServiceError {
            throw Abort(.notFound, reason: e.description)
        }
    }

    func projects(_ req: Request) async throws -> Response {
        let service = req.portfolio
        let zone: StoredZone
        do { zone = try await service.zone(named: req.zoneParameter) } catch let e as ServiceError {
            throw Abort(.notFound, reason: e.description)
        }
        let filter = try req.projectFilter()
        let z = try await service.assess(zone, asOf: try req.asOfParameter())
        let result = filter.apply(to: z.projects, asOf: z.asOf)
        let items = result.page.map { ProjectSummary($0, asOf: z.asOf) }
        return try json(ProjectListResponse(zone: zone.zone.name, asOf: z.asOf.iso, total: result.total,
                                             page: min(max(1, filter.page), result.pages), perPage: filter.perPage,
                                             pages: result.pages, items: items))
    }

    func project(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Abort(.badRequest, reason: "id: not a project id (UUID)")
        }
        guard let found = try await req.portfolioRepository.project(id: id) else {
            throw Abort(.notFound, reason: "no project with id \(id)")
        }
        let zone = found.zone.zone
        let asOf = try req.asOfParameter() ?? CalendarDate.today(timeZoneIdentifier: zone.timeZone)
        let a = try await req.portfolio.assess(found.project, of: found.zone, asOf: asOf)
        return try json(ProjectDetailResponse(id: id, zone: zone.name, version: found.project.version, asOf: asOf.iso,
                                              project: a.plan.project, milestones: a.plan.milestones, links: a.plan.links,
                                              rag: a.assessment.status, reasons: a.assessment.reasons, reporting: ReportingFigures(a.reporting)))
    }

    /// The zone's deleted projects (administrators).
    func deletedProjects(_ req: Request) async throws -> [DeletedProject] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        return try await req.portfolioRepository.deletedProjects(zoneID: zone.id)
    }

    struct VersionBody: Content { var version: Int }

    /// Soft-deletes a project: 204; 409 when it changed since `version`, 404 when there is none (or it is deleted already).
    func deleteProject(_ req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a project id (UUID)") }
        _ = try await req.authorizedProject(id, for: .administerZone)
        let body: VersionBody
        do { body = try req.content.decode(VersionBody.self) } catch { throw Abort(.badRequest, reason: "body: expected {\"version\": N}, the project's current version") }
        do { try await req.portfolioRepository.deleteProject(id: id, expectedVersion: body.version, by: try req.requireAccount().login) } catch let e as StoreError { throw e.http }
        return .noContent
    }

    /// Restores a deleted project: 200 with the project as it was; 404 when no deleted project has this id.
    func restoreProject(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a project id (UUID)") }
        do { try await req.portfolioRepository.restoreProject(id: id) } catch let e as StoreError { throw e.http }
        return try await project(req)
    }

    /// Replaces a project's milestone dependencies: 200 with the new version, 409 when the
    /// project changed since `version`, 422 naming each bad link, 404 for an unknown project.
    func updateLinks(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Abort(.badRequest, reason: "id: not a project id (UUID)")
        }
        _ = try await req.authorizedProject(id, for: .editProject)
        let update: LinksUpdate
        do { update = try req.content.decode(LinksUpdate.self) } catch {
            throw Abort(.badRequest, reason: "body: expected {\"version\": N, \"links\": [{\"predecessor\", \"successor\", \"type\": \"FS\", \"lagDays\"}]} (\(error))")
        }
        let version: Int
        do throws(LinkEditing.Failure) {
            version = try await LinkEditing.apply(update.links, to: id, expectedVersion: update.version,
                                                  repository: req.portfolioRepository)
        } catch {
            switch error {
            case .notFound: throw Abort(.notFound, reason: "no project with id \(id)")
            case let .conflict(message): throw Abort(.conflict, reason: message)
            case let .invalid(problems): throw Abort(.unprocessableEntity, reason: problems.joined(separator: "; "))
            }
        }
        return try json(LinksUpdated(version: version, links: update.links))
    }

    /// `POST /api/v1/imports?profile=&zone=&dryRun=&fileName=&encoding=&sheet=` with the file as
    /// the body (or as `file` in a multipart form); a body without `fileName` is a workbook when
    /// its media type or zip signature says so, else CSV. 200 with the report, 422 when it has errors.
    func importFile(_ req: Request) async throws -> Response {
        var data: Data
        var fileName = req.query[String.self, at: "fileName"] ?? "upload.csv"
        if req.headers.contentType?.type == "multipart", let form = try? req.content.decode(ImportPage.UploadForm.self) {
            data = Data(buffer: form.file.data)
            fileName = form.file.filename
        } else {
            guard let body = req.body.data else { throw Abort(.badRequest, reason: "body: send the file (CSV, .xlsx, MSPDI or XER) as the request body") }
            data = Data(buffer: body)
            // Without a file name, a workbook is known by its media type or its zip signature.
            if req.query[String.self, at: "fileName"] == nil,
               req.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet" || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                fileName = "upload.xlsx"
            }
        }
        var encoding: TextEncoding?
        if let e = req.query[String.self, at: "encoding"] {
            guard let parsed = TextEncoding(name: e) else { throw Abort(.badRequest, reason: "encoding: use auto, utf-8 or gb18030") }
            encoding = parsed
        }
        let dryRun = try parseBool(req.query[String.self, at: "dryRun"], field: "dryRun") ?? true
        var request = ImportService.Request(data: data, fileName: fileName, profile: req.query[String.self, at: "profile"],
                                            zoneName: req.zoneParameter, encoding: encoding, dryRun: dryRun, sizeLimit: req.application.uploadLimit)
        request.sheet = req.query[String.self, at: "sheet"]
        let report = try await req.importer.run(request)
        return try json(report, status: report.ok ? .ok : .unprocessableEntity)
    }

    private func parseBool(_ raw: String?, field: String) throws -> Bool? {
        guard let raw else { return nil }
        switch raw.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Abort(.badRequest, reason: "\(field): use true or false")
        }
    }

    private func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try JSONCoding.encoder.encode(value)))
    }
}

/// The one JSON encoder of the API and the CLI, so both print the same bytes for the same report.
public enum JSONCoding {
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
extension DeletedProject: Content {}
