import Fluent
import SQLKit

/// 003: milestones, deleted with their project.
struct M003_CreateMilestones: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(MilestoneRecord.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectRecord.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("planned_start", .string)
            .field("planned_finish", .string)
            .field("actual_start", .string)
            .field("actual_finish", .string)
            .field("source_status", .string)
            .field("budget_minor", .int64)
            .field("spent_minor", .int64)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "milestones_project").on(MilestoneRecord.schema).column("project_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema(MilestoneRecord.schema).delete()
    }
}
