import Fluent

/// 011: photos attached to progress reports (the files live in the data directory).
struct M011_CreateReportAttachments: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ReportAttachmentRecord.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ProgressReportRecord.schema, "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("added_on", .string, .required)
            .field("added_by", .string, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(ReportAttachmentRecord.schema).delete()
    }
}
