import Fluent

/// 010: dispatch meetings, their agenda items (with decisions) and action items.
struct M010_CreateMeetings: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(MeetingRecord.schema)
            .id()
            .field("zone_id", .uuid, .required, .references(ZoneRecord.schema, "id"))
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("next_meeting", .string, .required)
            .field("attendees", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema(AgendaItemRecord.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("item", .string, .required)
            .field("decision", .string)
            .create()
        try await db.schema(MeetingActionRecord.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("agenda_title", .string)
            .field("title", .string, .required)
            .field("owner_department", .string, .required)
            .field("deadline", .string, .required)
            .field("problem_id", .uuid, .references(ProblemRecord.schema, "id", onDelete: .setNull))
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(MeetingActionRecord.schema).delete()
        try await db.schema(AgendaItemRecord.schema).delete()
        try await db.schema(MeetingRecord.schema).delete()
    }
}
