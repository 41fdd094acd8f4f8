import Fluent

/// 006: a zone's own calendar exceptions (closures and extra working days).
struct M006_AddZoneCalendarExceptions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ZoneRecord.schema).field("calendar_exceptions", .string).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema(ZoneRecord.schema).deleteField("calendar_exceptions").update()
    }
}
