import Foundation
import LuodiInterchange
import Vapor

/// How long an uploaded file waits for its dry run to be committed (24 hours).
let pendingUploadLifetime: TimeInterval = 24 * 3600

enum ImportPage {
    struct UploadForm: Content {
        var file: File
        var profile: String?
        var zone: String?
        /// For a workbook: the sheet by name or 1-based position (blank: the first).
        var sheet: String?
    }

    static func form(_ req: Request) async throws -> Response {
        ImportPageView.render(try await model(req)).response()
    }

    /// Stores the upload and shows its dry run; nothing is written to the portfolio yet.
    static func upload(_ req: Request) async throws -> Response {
        var m = try await model(req)
        let form: UploadForm
        do { form = try req.content.decode(UploadForm.self) } catch {
            throw Abort(.badRequest, reason: "file: choose a CSV file to upload")
        }
        let data = Data(buffer: form.file.data)
        // A schedule file (.xml, .xer) is read by its format, whatever profile the form shows.
        let isSchedule = ScheduleImporter.handles(form.file.filename)
        let profile = isSchedule ? nil : (form.profile.flatMap { $0.isEmpty ? nil : $0 } ?? "luodi")
        let zone = form.zone.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }
        let sheet = form.sheet.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }
        let report = try await req.importer.run(.init(data: data, fileName: form.file.filename, profile: profile, zoneName: zone,
                                                      dryRun: true, sizeLimit: req.application.uploadLimit, sheet: sheet))
        let storedProfile = profile ?? ""
        m.report = report
        m.zoneInput = zone
        m.sheetInput = sheet
        try await req.uploads.prune(olderThan: pendingUploadLifetime)
        if report.ok {
            m.pendingUpload = try await req.uploads.save(fileName: form.file.filename, profile: storedProfile, zoneName: zone, sheet: sheet, data: data)
        }
        return ImportPageView.render(m).response(status: report.ok ? .ok : .unprocessableEntity)
    }

    /// Applies a previously uploaded file, all or nothing.
    static func commit(_ req: Request) async throws -> Response {
        var m = try await model(req)
        try await req.uploads.prune(olderThan: pendingUploadLifetime)
        guard let id = req.parameters.get("upload").flatMap(UUID.init(uuidString:)),
              let pending = try await req.uploads.find(id) else {
            m.message = req.language.strings.uploadExpired
            return ImportPageView.render(m).response(status: .notFound)
        }
        let report = try await req.importer.run(.init(data: pending.data, fileName: pending.fileName, profile: pending.profile.isEmpty ? nil : pending.profile,
                                                      zoneName: pending.zoneName, dryRun: false, sizeLimit: req.application.uploadLimit, sheet: pending.sheet))
        if report.committed { try await req.uploads.delete(id) }
        m.report = report
        return ImportPageView.render(m).response(status: report.ok ? .ok : .unprocessableEntity)
    }

    /// `/import/template.xlsx?profile=NAME`: the blank template of a bundled profile (default
    /// `luodi`), Chinese or English by the reader's language.
    static func template(_ req: Request) async throws -> Response {
        let name = req.query[String.self, at: "profile"].flatMap { $0.isEmpty ? nil : $0 } ?? "luodi"
        let mapping: Mapping
        do { mapping = try BundledProfiles.named(name) } catch { throw Abort(.notFound, reason: "profile: \(error)") }
        return Response.download(try ImportTemplate.workbook(mapping, chinese: req.language == .zhHans), name: "\(name)-template.xlsx")
    }

    private static func model(_ req: Request) async throws -> ImportPageModel {
        ImportPageModel(lang: req.language, path: req.url.path, profiles: BundledProfiles.names,
                        zones: try await req.portfolio.zones().map(\.zone.name))
    }
}
