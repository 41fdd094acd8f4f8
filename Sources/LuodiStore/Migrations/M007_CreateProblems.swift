import Fluent

/// 007: problems, their history and supervision orders.
struct M007_CreateProblems: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ProblemRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("project_id", .uuid, .references(ProjectRecord.schema, "id", onDelete: .setNull))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("raised_by", .string, .required)
            .field("raised_on", .string, .required)
            .field("owner_department", .string, .required)
            .field("deadline", .string, .required)
            .field("state", .string, .required)
            .field("level", .string, .required)
            .field("resolution_note", .string)
            .field("version", .int, .required)
            .create()
        try await db.schema(ProblemEventRecord.schema)
            .id()
            .field("problem_id", .uuid, .required, .references(ProblemRecord.schema, "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("on", .string, .required)
            .field("by", .string, .required)
            .field("action", .string, .required)
            .field("note", .string)
            .create()
        try await db.schema(SupervisionOrderRecord.schema)
            .id()
            .field("problem_id", .uuid, .required, .references(ProblemRecord.schema, "id", onDelete: .cascade))
            .field("level", .string, .required)
            .field("issued_on", .string, .required)
            .field("deadline", .string, .required)
            .field("rectification_plan", .string, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(SupervisionOrderRecord.schema).delete()
        try await db.schema(ProblemEventRecord.schema).delete()
        try await db.schema(ProblemRecord.schema).delete()
    }
}
