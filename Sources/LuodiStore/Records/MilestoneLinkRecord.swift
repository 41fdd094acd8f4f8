import Fluent
import Foundation
import LuodiCore

/// A dependency between two milestones of one project, by milestone name.
public final class MilestoneLinkRecord: Model, @unchecked Sendable {
    public static let schema = "milestone_links"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "predecessor") public var predecessor: String
    @Field(key: "successor") public var successor: String
    @Field(key: "type") public var type: String
    @Field(key: "lag_days") public var lagDays: Int

    public init() {}

    public init(projectID: UUID, link: MilestoneLink) {
        id = UUID()
        self.projectID = projectID
        predecessor = link.predecessor
        successor = link.successor
        type = link.type.rawValue
        lagDays = link.lagDays
    }
}
