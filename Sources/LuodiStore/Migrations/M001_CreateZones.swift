import Fluent

/// 001: zones.
struct M001_CreateZones: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ZoneRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("currency", .string, .required)
            .field("time_zone", .string, .required)
            .field("time_elapsed_convention", .string, .required)
            .field("rule_set", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(ZoneRecord.schema).delete()
    }
}
