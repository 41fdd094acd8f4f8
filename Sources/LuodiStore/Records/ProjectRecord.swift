import Fluent
import Foundation
import LuodiCore

/// A project row. Money columns hold minor units of the zone's currency; dates are ISO
/// `yyyy-MM-dd` text, so that they never shift with a time zone and sort as text.
public final class ProjectRecord: Model, @unchecked Sendable {
    public static let schema = "projects"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "project_code") public var projectCode: String?
    @OptionalField(key: "category") public var category: String?
    @OptionalField(key: "project_class") public var projectClass: String?
    @OptionalField(key: "stage") public var stage: String?
    @OptionalField(key: "industry_cluster") public var industryCluster: String?
    @OptionalField(key: "department") public var department: String?
    @OptionalField(key: "responsible_leader") public var responsibleLeader: String?
    @OptionalField(key: "enterprise") public var enterprise: String?
    @OptionalField(key: "location") public var location: String?
    @OptionalField(key: "total_investment_minor") public var totalInvestmentMinor: Int64?
    @OptionalField(key: "annual_planned_investment_minor") public var annualPlannedInvestmentMinor: Int64?
    @OptionalField(key: "completed_investment_minor") public var completedInvestmentMinor: Int64?
    @OptionalField(key: "statistical_enrollment") public var statisticalEnrollment: String?
    @OptionalField(key: "planned_start") public var plannedStart: String?
    @OptionalField(key: "planned_finish") public var plannedFinish: String?
    @OptionalField(key: "actual_start") public var actualStart: String?
    @OptionalField(key: "progress_note") public var progressNote: String?
    @OptionalField(key: "source") public var source: String?
    /// Incremented on every change, for optimistic concurrency.
    @Field(key: "version") public var version: Int
    /// Set when the project was deleted (soft delete): its rows stay, every read skips it, an administrator can restore it.
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @OptionalField(key: "deleted_by") public var deletedBy: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID, zoneID: UUID, project: Project) {
        self.id = id
        self.zoneID = zoneID
        version = 1
        assign(project)
    }

    /// Copies every field of `p` into the row.
    public func assign(_ p: Project) {
        key = p.key
        name = p.name
        projectCode = p.projectCode?.value
        category = p.category?.rawValue
        projectClass = p.projectClass?.rawValue
        stage = p.stage?.rawValue
        industryCluster = p.industryCluster
        department = p.department
        responsibleLeader = p.responsibleLeader
        enterprise = p.enterprise
        location = p.location
        totalInvestmentMinor = p.totalInvestment?.minorUnits
        annualPlannedInvestmentMinor = p.annualPlannedInvestment?.minorUnits
        completedInvestmentMinor = p.completedInvestment?.minorUnits
        statisticalEnrollment = p.statisticalEnrollment?.iso
        plannedStart = p.plannedStart?.iso
        plannedFinish = p.plannedFinish?.iso
        actualStart = p.actualStart?.iso
        progressNote = p.progressNote
        source = p.source
    }

    /// A stored code as its enum.
    /// - Throws: `StoreError.corrupt` naming the value and the type.
    static func code<T: RawRepresentable>(_ raw: String, _: T.Type) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: raw) else { throw StoreError.corrupt("'\(raw)' is not a \(T.self)") }
        return v
    }
}
