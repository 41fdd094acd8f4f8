import Fluent

/// 015: investment leads, their moves and notes, capital, exchange rates, talent introductions.
struct M015_CreateLeads: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(LeadRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("lead", .string, .required)
            .field("title", .string, .required)
            .field("owner_department", .string, .required)
            .field("stage", .string, .required)
            .field("project_id", .uuid, .references(ProjectRecord.schema, "id"))
            .field("version", .int, .required)
            .create()
        try await db.schema(LeadEventRecord.schema)
            .id()
            .field("lead_id", .uuid, .required, .references(LeadRecord.schema, "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("from_stage", .string)
            .field("to_stage", .string)
            .field("on", .string, .required)
            .field("text", .string)
            .field("by", .string, .required)
            .unique(on: "lead_id", "sequence")
            .create()
        try await db.schema(CapitalRecordRow.schema)
            .id()
            .field("lead_id", .uuid, .required, .references(LeadRecord.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("on", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .create()
        try await db.schema(ExchangeRateRecord.schema)
            .id()
            .field("from_currency", .string, .required)
            .field("to_currency", .string, .required)
            .field("on", .string, .required)
            .field("rate", .string, .required)
            .unique(on: "from_currency", "to_currency", "on")
            .create()
        try await db.schema(TalentRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("category", .string, .required)
            .field("department", .string, .required)
            .field("on", .string, .required)
            .field("count", .int, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        for schema in [TalentRecord.schema, ExchangeRateRecord.schema, CapitalRecordRow.schema, LeadEventRecord.schema, LeadRecord.schema] {
            try await db.schema(schema).delete()
        }
    }
}
