import Fluent
import SQLKit

/// 002: projects, unique by (zone, key), indexed for the list's filters.
struct M002_CreateProjects: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ProjectRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("project_code", .string)
            .field("category", .string)
            .field("project_class", .string)
            .field("stage", .string)
            .field("industry_cluster", .string)
            .field("department", .string)
            .field("responsible_leader", .string)
            .field("enterprise", .string)
            .field("location", .string)
            .field("total_investment_minor", .int64)
            .field("annual_planned_investment_minor", .int64)
            .field("completed_investment_minor", .int64)
            .field("statistical_enrollment", .string)
            .field("planned_start", .string)
            .field("planned_finish", .string)
            .field("actual_start", .string)
            .field("progress_note", .string)
            .field("source", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "zone_id", "key")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "projects_zone_department").on(ProjectRecord.schema).column("zone_id").column("department").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema(ProjectRecord.schema).delete()
    }
}
