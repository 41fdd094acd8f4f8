import Fluent
import SQLKit

/// 005: milestone dependencies, deleted with their project.
struct M005_CreateMilestoneLinks: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(MilestoneLinkRecord.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectRecord.schema, "id", onDelete: .cascade))
            .field("predecessor", .string, .required)
            .field("successor", .string, .required)
            .field("type", .string, .required)
            .field("lag_days", .int, .required)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "milestone_links_project").on(MilestoneLinkRecord.schema).column("project_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema(MilestoneLinkRecord.schema).delete()
    }
}
