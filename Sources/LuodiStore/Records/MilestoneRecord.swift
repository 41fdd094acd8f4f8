import Fluent
import Foundation
import LuodiCore

/// A milestone row, ordered within its project by `position`.
public final class MilestoneRecord: Model, @unchecked Sendable {
    public static let schema = "milestones"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "planned_start") public var plannedStart: String?
    @OptionalField(key: "planned_finish") public var plannedFinish: String?
    @OptionalField(key: "actual_start") public var actualStart: String?
    @OptionalField(key: "actual_finish") public var actualFinish: String?
    @OptionalField(key: "source_status") public var sourceStatus: String?
    @OptionalField(key: "budget_minor") public var budgetMinor: Int64?
    @OptionalField(key: "spent_minor") public var spentMinor: Int64?

    public init() {}

    public init(projectID: UUID, position: Int, milestone m: Milestone) {
        id = UUID()
        self.projectID = projectID
        self.position = position
        name = m.name
        kind = m.kind.rawValue
        plannedStart = m.plannedStart?.iso
        plannedFinish = m.plannedFinish?.iso
        actualStart = m.actualStart?.iso
        actualFinish = m.actualFinish?.iso
        sourceStatus = m.sourceStatus
        budgetMinor = m.budget?.minorUnits
        spentMinor = m.spent?.minorUnits
    }
}
