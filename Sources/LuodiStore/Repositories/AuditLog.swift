import Fluent
import Foundation
import LuodiCore

/// A change as the audit log shows it.
public struct AuditEntry: Sendable, Hashable, Codable {
    public let at: Date
    /// Who made the change: the signed-in account's login; for a change made outside a session
    /// (the command line) the name given with it, "—" when none was given.
    public let actor: String
    public let zoneID: UUID?
    public let projectID: UUID?
    public let entity: String
    public let entityID: String
    public let action: String
    /// JSON of the record before and after.
    public let old: String?
    public let new: String?
}

/// Writes and reads the audit log (审计记录). Every write of the stores goes through
/// `AuditLog.write` inside its own transaction, so a change and its record stand or fall together.
public enum AuditLog {
    /// The actor recorded when a change names nobody.
    public static let nobody = "—"

    /// The login of the account making the changes of the current task (set by the web layer for
    /// each signed-in request); it is the actor of every entry written meanwhile.
    @TaskLocal public static var account: String?

    /// Records one change on `tx`, the change's transaction.
    static func write<Old: Encodable, New: Encodable>(on tx: any Database, zoneID: UUID?, projectID: UUID? = nil, entity: String, entityID: String,
                                                      action: String, actor: String?, old: Old?, new: New?) async throws {
        let r = AuditRecord()
        r.at = Date()
        r.actor = account ?? actor.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 } ?? nobody
        r.zoneID = zoneID
        r.projectID = projectID
        r.entity = entity
        r.entityID = entityID
        r.action = action
        r.oldValue = try old.map(StoreJSON.encode)
        r.newValue = try new.map(StoreJSON.encode)
        try await r.create(on: tx)
    }

    /// The zone's changes, latest first, optionally of one project or by one actor; at most `limit`.
    /// `includeUnzoned` adds the changes of no zone (administrators' accounts, refused sign-ins of
    /// unknown logins), which only an administrator sees.
    public static func entries(on db: any Database, zoneID: UUID, projectID: UUID? = nil, actor: String? = nil, includeUnzoned: Bool = false,
                               limit: Int = 500) async throws -> [AuditEntry] {
        var q = AuditRecord.query(on: db)
        if includeUnzoned, projectID == nil {
            q = q.group(.or) { $0.filter(\.$zoneID == zoneID).filter(\.$zoneID == .null) }
        } else {
            q = q.filter(\.$zoneID == zoneID)
        }
        if let projectID { q = q.filter(\.$projectID == projectID) }
        if let actor { q = q.filter(\.$actor == actor) }
        return try await q.sort(\.$at, .descending).limit(limit).all().map {
            AuditEntry(at: $0.at, actor: $0.actor, zoneID: $0.zoneID, projectID: $0.projectID, entity: $0.entity, entityID: $0.entityID,
                       action: $0.action, old: $0.oldValue, new: $0.newValue)
        }
    }
}

/// A placeholder for "no value" in `AuditLog.write`'s generic parameters.
struct Nothing: Encodable {}
