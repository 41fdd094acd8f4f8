import Fluent

/// 004: the import log and uploads awaiting confirmation.
struct M004_CreateImports: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ImportRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("file", .string, .required)
            .field("profile", .string, .required)
            .field("rows", .int, .required)
            .field("projects_created", .int, .required)
            .field("projects_updated", .int, .required)
            .field("projects_unchanged", .int, .required)
            .field("milestones", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(PendingUploadRecord.schema)
            .id()
            .field("file_name", .string, .required)
            .field("profile", .string, .required)
            .field("zone_name", .string)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(PendingUploadRecord.schema).delete()
        try await db.schema(ImportRecord.schema).delete()
    }
}
