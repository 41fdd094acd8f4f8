import Fluent
import Foundation

/// A department's pledged annual figure on one metric, for one year.
public final class DepartmentTargetRecord: Model, @unchecked Sendable {
    public static let schema = "department_targets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "department") public var department: String
    @Field(key: "metric_key") public var metricKey: String
    @Field(key: "annual_target") public var annualTarget: Double

    public init() {}
}

/// A department's figure on a reported metric for one period (not cumulative).
public final class TargetActualRecord: Model, @unchecked Sendable {
    public static let schema = "target_actuals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "department") public var department: String
    @Field(key: "metric_key") public var metricKey: String
    @Field(key: "period") public var period: String
    @Field(key: "period_start") public var periodStart: String
    @Field(key: "value") public var value: Double
    @Field(key: "reported_by") public var reportedBy: String
    @Field(key: "reported_on") public var reportedOn: String

    public init() {}
}
