import Fluent
import Foundation

/// A lead (招商线索). Its stage is the last move's; every move and note is a `LeadEventRecord`.
public final class LeadRecord: Model, @unchecked Sendable {
    public static let schema = "leads"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    /// The lead as JSON (`Lead`): investor, channel, amounts and owner, edited together.
    @Field(key: "lead") public var lead: String
    @Field(key: "title") public var title: String
    @Field(key: "owner_department") public var ownerDepartment: String
    @Field(key: "stage") public var stage: String
    /// The key project it became when signed (same identity from then on).
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "version") public var version: Int

    public init() {}
}

/// A move or a note of a lead, in order.
public final class LeadEventRecord: Model, @unchecked Sendable {
    public static let schema = "lead_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "lead_id") public var leadID: UUID
    @Field(key: "sequence") public var sequence: Int
    /// `move` or `note`.
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "from_stage") public var fromStage: String?
    @OptionalField(key: "to_stage") public var toStage: String?
    @Field(key: "on") public var on: String
    /// The reason of a move, the text of a note.
    @OptionalField(key: "text") public var text: String?
    @Field(key: "by") public var by: String

    public init() {}
}

/// Contracted or arrived capital of a lead, by date and currency.
public final class CapitalRecordRow: Model, @unchecked Sendable {
    public static let schema = "lead_capital"

    @ID(key: .id) public var id: UUID?
    @Field(key: "lead_id") public var leadID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "on") public var on: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String

    public init() {}
}

/// A dated exchange rate an administrator entered.
public final class ExchangeRateRecord: Model, @unchecked Sendable {
    public static let schema = "exchange_rates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "from_currency") public var fromCurrency: String
    @Field(key: "to_currency") public var toCurrency: String
    @Field(key: "on") public var on: String
    /// Decimal text, exactly as entered.
    @Field(key: "rate") public var rate: String

    public init() {}
}

/// A counted talent introduction (no personal details).
public final class TalentRecord: Model, @unchecked Sendable {
    public static let schema = "talent_introductions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "category") public var category: String
    @Field(key: "department") public var department: String
    @Field(key: "on") public var on: String
    @Field(key: "count") public var count: Int

    public init() {}
}
