import Fluent

/// 014: soft deletion of projects — a deleted project keeps its rows, hidden until restored.
struct M014_AddProjectDeletion: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await db.schema(ProjectRecord.schema).field("deleted_at", .datetime).update()
        try await db.schema(ProjectRecord.schema).field("deleted_by", .string).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema(ProjectRecord.schema).deleteField("deleted_by").update()
        try await db.schema(ProjectRecord.schema).deleteField("deleted_at").update()
    }
}
