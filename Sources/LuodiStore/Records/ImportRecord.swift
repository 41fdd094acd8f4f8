import Fluent
import Foundation

/// One applied import: what file, which profile, and what it changed.
public final class ImportRecord: Model, @unchecked Sendable {
    public static let schema = "imports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "file") public var file: String
    @Field(key: "profile") public var profile: String
    @Field(key: "rows") public var rows: Int
    @Field(key: "projects_created") public var projectsCreated: Int
    @Field(key: "projects_updated") public var projectsUpdated: Int
    @Field(key: "projects_unchanged") public var projectsUnchanged: Int
    @Field(key: "milestones") public var milestones: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// An uploaded file waiting for the user to confirm its dry run. Kept in the database, not on
/// a local disk, so that any of several `luodi serve` processes can commit it.
public final class PendingUploadRecord: Model, @unchecked Sendable {
    public static let schema = "pending_uploads"

    @ID(key: .id) public var id: UUID?
    @Field(key: "file_name") public var fileName: String
    @Field(key: "profile") public var profile: String
    @OptionalField(key: "zone_name") public var zoneName: String?
    @Field(key: "data") public var data: Data
    /// For a workbook: the sheet chosen, by name or 1-based position (nil: the first).
    @OptionalField(key: "sheet") public var sheet: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(fileName: String, profile: String, zoneName: String?, sheet: String?, data: Data) {
        id = UUID()
        self.fileName = fileName
        self.profile = profile
        self.zoneName = zoneName
        self.sheet = sheet
        self.data = data
    }
}
