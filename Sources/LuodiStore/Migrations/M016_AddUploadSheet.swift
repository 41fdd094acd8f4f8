import Fluent

/// 016: the worksheet chosen for an uploaded workbook, kept with the upload until its commit.
struct M016_AddUploadSheet: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(PendingUploadRecord.schema).field("sheet", .string).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema(PendingUploadRecord.schema).deleteField("sheet").update()
    }
}
