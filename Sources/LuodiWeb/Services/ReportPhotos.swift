import Crypto
import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// Photos attached to progress reports: checked by their bytes, stored as files in the data
/// directory (`attachments/<report id>/<photo id>.<ext>`), recorded in the database.
public struct ReportPhotos: Sendable {
    /// Largest photo accepted, in bytes (10 MiB).
    public static let sizeLimit = 10 * 1024 * 1024
    /// Most photos one report holds.
    public static let countLimit = 20
    /// Largest request body the photo routes read (4 × `sizeLimit`), so that an oversized photo
    /// gets this type's own message rather than the server's generic one.
    static let collectLimit = 4 * sizeLimit

    let db: any Database
    let directory: String

    /// The image formats accepted, recognised by their first bytes (not by name or declared type):
    /// JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), WebP ("RIFF" … "WEBP").
    static let formats: [(contentType: String, ext: String)] = [("image/jpeg", "jpg"), ("image/png", "png"), ("image/webp", "webp")]

    static func format(of data: Data) -> (contentType: String, ext: String)? {
        let b = [UInt8](data.prefix(12))
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return formats[0] }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return formats[1] }
        if b.count == 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return formats[2] }
        return nil
    }

    /// The format of a photo that may be attached, checked before anything is written.
    /// - Throws: a 422 for an empty file, a 413 over `sizeLimit`, a 415 for bytes that are not JPEG, PNG or WebP.
    public static func check(_ data: Data, fileName: String) throws -> (contentType: String, ext: String) {
        guard !data.isEmpty else { throw Abort(.unprocessableEntity, reason: "file: '\(fileName)' is empty") }
        guard data.count <= sizeLimit else { throw Abort(.payloadTooLarge, reason: "file: \(data.count) bytes; a photo may have at most \(sizeLimit) bytes (10 MiB)") }
        guard let format = format(of: data) else {
            throw Abort(.unsupportedMediaType, reason: "file: '\(fileName)' is not a JPEG, PNG or WebP image (checked by its content)")
        }
        return format
    }

    /// Attaches `data` to the report.
    /// - Throws: a 413 over `sizeLimit`, a 415 for bytes that are not JPEG, PNG or WebP, a 404
    ///   for an unknown report, a 422 for a closed period or a full report; nothing is kept then.
    public func add(_ data: Data, fileName: String, to reportID: UUID, by: String) async throws -> ReportAttachment {
        let by = try ProblemForms.required("by", by)
        let format = try Self.check(data, fileName: fileName)
        guard let found = try await ReportRepository(db: db).report(reportID) else { throw Abort(.notFound, reason: "no report with id \(reportID)") }
        let today = try await db.today(inZone: found.zoneID)
        let id = UUID()
        let url = file(reportID: reportID, id: id, ext: format.ext)
        let name = String(fileName.map { $0.isNewline || $0 == "/" || $0 == "\\" ? "_" : $0 }.prefix(200))
        let attachment = ReportAttachment(id: id, reportID: reportID, fileName: name.isEmpty ? "photo.\(format.ext)" : name,
                                          contentType: format.contentType, size: Int64(data.count),
                                          sha256: Self.sha256(data), addedOn: today, addedBy: by)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        do {
            try await ReportRepository(db: db).addAttachment(attachment, limit: Self.countLimit)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return attachment
    }

    /// A photo's bytes, checked against the hash recorded when it was added.
    /// - Throws: a 404 when its file is missing from the data directory, a 409 when the file has
    ///   changed since it was added; the reason names the photo, not the path, which is logged.
    public func bytes(_ a: ReportAttachment, logger: Logger) throws -> Data {
        let url = file(reportID: a.reportID, id: a.id, ext: Self.formats.first { $0.contentType == a.contentType }?.ext ?? "jpg")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            logger.error("photo \(a.id): \(url.path) is missing")
            throw Abort(.notFound, reason: "photo '\(a.fileName)': its file is missing from the data directory")
        }
        guard Self.sha256(data) == a.sha256 else {
            logger.error("photo \(a.id): \(url.path) does not match its recorded SHA-256")
            throw Abort(.conflict, reason: "photo '\(a.fileName)': its file has changed since it was added, so it is not shown")
        }
        return data
    }

    /// Hex SHA-256 of the bytes.
    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    private func file(reportID: UUID, id: UUID, ext: String) -> URL {
        URL(fileURLWithPath: directory).appendingPathComponent("attachments").appendingPathComponent(reportID.uuidString)
            .appendingPathComponent("\(id.uuidString).\(ext)")
    }
}
