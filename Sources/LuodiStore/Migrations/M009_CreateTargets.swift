import Fluent

/// 009: a zone's ranking formula, departments' annual targets and their reported actuals.
struct M009_CreateTargets: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ZoneRecord.schema).field("ranking_formula", .string).update()
        try await db.schema(DepartmentTargetRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("year", .int, .required)
            .field("department", .string, .required)
            .field("metric_key", .string, .required)
            .field("annual_target", .double, .required)
            .unique(on: "zone_id", "year", "department", "metric_key")
            .create()
        try await db.schema(TargetActualRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("department", .string, .required)
            .field("metric_key", .string, .required)
            .field("period", .string, .required)
            .field("period_start", .string, .required)
            .field("value", .double, .required)
            .field("reported_by", .string, .required)
            .field("reported_on", .string, .required)
            .unique(on: "zone_id", "department", "metric_key", "period")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(TargetActualRecord.schema).delete()
        try await db.schema(DepartmentTargetRecord.schema).delete()
        try await db.schema(ZoneRecord.schema).deleteField("ranking_formula").update()
    }
}
