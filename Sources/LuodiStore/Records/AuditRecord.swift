import Fluent
import Foundation

/// One change, kept for good (审计记录): written in the same transaction as the change, never
/// edited or deleted through the product.
public final class AuditRecord: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "zone_id") public var zoneID: UUID?
    @OptionalField(key: "project_id") public var projectID: UUID?
    /// What kind of record changed: problem, report, period, photo, zone, target, formula, meeting, links, calendar, import.
    @Field(key: "entity") public var entity: String
    @Field(key: "entity_id") public var entityID: String
    /// What was done: raise, assign, …, file, correct, close, set, create, update, apply.
    @Field(key: "action") public var action: String
    /// The record before and after, as JSON; nil when it did not exist before (or after).
    @OptionalField(key: "old_value") public var oldValue: String?
    @OptionalField(key: "new_value") public var newValue: String?

    public init() {}
}
