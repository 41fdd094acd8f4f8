import Fluent
import Foundation
import LuodiCore

/// A deleted project as the restore list shows it.
public struct DeletedProject: Sendable, Hashable, Codable {
    public let id: UUID
    public let key: String
    public let name: String
    public let version: Int
    public let deletedAt: Date
    public let deletedBy: String
}

/// Soft deletion of projects: nothing is removed, a deleted project is skipped by every read
/// (lists, lights, battle map, imports refuse its key) until an administrator restores it.
/// Both are version-checked and audited in their own transaction.
extension FluentPortfolioRepository {
    /// Deletes (hides) a project; `by` is recorded with it.
    /// - Throws: `StoreError.notFound` (no such or already deleted), `StoreError.conflict` (changed since `expectedVersion`).
    public func deleteProject(id: UUID, expectedVersion: Int, by: String) async throws {
        try await db.writeTransaction { tx in
            guard let r = try await ProjectRecord.find(id, on: tx), r.deletedAt == nil else { throw StoreError.notFound("project \(id)") }
            guard r.version == expectedVersion else { throw StoreError.conflict("project \(r.name)", expected: expectedVersion, current: r.version) }
            r.deletedAt = Date()
            r.deletedBy = by
            r.version += 1
            try await r.save(on: tx)
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: id, entity: "project", entityID: r.key, action: "delete", actor: by,
                                     old: Nothing?.none, new: ["name": r.name, "key": r.key])
        }
    }

    /// Restores a deleted project as it was.
    /// - Throws: `StoreError.notFound` when there is no deleted project with this id.
    public func restoreProject(id: UUID) async throws {
        try await db.writeTransaction { tx in
            guard let r = try await ProjectRecord.find(id, on: tx), r.deletedAt != nil else { throw StoreError.notFound("deleted project \(id)") }
            r.deletedAt = nil
            r.deletedBy = nil
            r.version += 1
            try await r.save(on: tx)
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: id, entity: "project", entityID: r.key, action: "restore", actor: nil,
                                     old: Nothing?.none, new: ["name": r.name, "key": r.key])
        }
    }

    /// The zone's deleted projects, latest deletion first (only in zones this repository shows).
    public func deletedProjects(zoneID: UUID) async throws -> [DeletedProject] {
        guard try await zone(id: zoneID) != nil else { return [] }
        return try await ProjectRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$deletedAt != nil).sort(\.$deletedAt, .descending).all().map {
            DeletedProject(id: try $0.requireID(), key: $0.key, name: $0.name, version: $0.version, deletedAt: $0.deletedAt ?? Date(), deletedBy: $0.deletedBy ?? AuditLog.nobody)
        }
    }
}
