import Fluent
import Foundation

/// Uploaded files awaiting confirmation of their dry run.
public struct UploadRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Stores the bytes and returns the id to commit them by.
    public func save(fileName: String, profile: String, zoneName: String?, sheet: String? = nil, data: Data) async throws -> UUID {
        let record = PendingUploadRecord(fileName: fileName, profile: profile, zoneName: zoneName, sheet: sheet, data: data)
        try await record.create(on: db)
        return try record.requireID()
    }

    public func find(_ id: UUID) async throws -> PendingUploadRecord? {
        try await PendingUploadRecord.find(id, on: db)
    }

    /// Deletes uploads whose dry run was never committed, older than `age` seconds.
    public func prune(olderThan age: TimeInterval, now: Date = Date()) async throws {
        try await PendingUploadRecord.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-age)).delete()
    }

    public func delete(_ id: UUID) async throws {
        try await PendingUploadRecord.query(on: db).filter(\.$id == id).delete()
    }
}
