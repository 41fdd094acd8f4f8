import Fluent
import Foundation
import LuodiCore

/// A problem row, with the project it blocks (if any) and a version for concurrent edits.
public final class ProblemRecord: Model, @unchecked Sendable {
    public static let schema = "problems"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "raised_by") public var raisedBy: String
    @Field(key: "raised_on") public var raisedOn: String
    @Field(key: "owner_department") public var ownerDepartment: String
    @Field(key: "deadline") public var deadline: String
    @Field(key: "state") public var state: String
    @Field(key: "level") public var level: String
    @OptionalField(key: "resolution_note") public var resolutionNote: String?
    @Field(key: "version") public var version: Int

    public init() {}

    func assign(_ p: Problem) {
        title = p.title
        description = p.description
        raisedBy = p.raisedBy
        raisedOn = p.raisedOn.iso
        ownerDepartment = p.ownerDepartment
        deadline = p.deadline.iso
        state = p.state.rawValue
        level = p.level.rawValue
        resolutionNote = p.resolutionNote
    }

    func domain() throws -> Problem {
        guard let s = ProblemState(rawValue: state), let l = ProblemLevel(rawValue: level) else {
            throw StoreError.corrupt("problem \(title): state '\(state)' or level '\(level)'")
        }
        do {
            var p = Problem(title: title, description: description, raisedBy: raisedBy, raisedOn: try CalendarDate(iso: raisedOn),
                            ownerDepartment: ownerDepartment, deadline: try CalendarDate(iso: deadline), level: l)
            p.state = s
            p.resolutionNote = resolutionNote
            return p
        } catch {
            throw StoreError.corrupt("problem \(title): \(error)")
        }
    }
}

/// One line of a problem's history.
public final class ProblemEventRecord: Model, @unchecked Sendable {
    public static let schema = "problem_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "problem_id") public var problemID: UUID
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "on") public var on: String
    @Field(key: "by") public var by: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "note") public var note: String?

    public init() {}
}

/// A supervision order (督办单) on a problem.
public final class SupervisionOrderRecord: Model, @unchecked Sendable {
    public static let schema = "supervision_orders"

    @ID(key: .id) public var id: UUID?
    @Field(key: "problem_id") public var problemID: UUID
    @Field(key: "level") public var level: String
    @Field(key: "issued_on") public var issuedOn: String
    @Field(key: "deadline") public var deadline: String
    @Field(key: "rectification_plan") public var rectificationPlan: String

    public init() {}
}
