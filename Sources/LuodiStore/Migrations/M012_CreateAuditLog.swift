import Fluent

/// 012: the audit log.
struct M012_CreateAuditLog: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(AuditRecord.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("zone_id", .uuid)
            .field("project_id", .uuid)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("action", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(AuditRecord.schema).delete()
    }
}
