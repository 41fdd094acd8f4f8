import Fluent
import Foundation

/// A dispatch meeting (调度会) with a version for concurrent edits of its agenda and minutes.
public final class MeetingRecord: Model, @unchecked Sendable {
    public static let schema = "dispatch_meetings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "zone_id") public var zoneID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "held_on") public var heldOn: String
    @Field(key: "next_meeting") public var nextMeeting: String
    /// Who attended (参会人员), as written in the minutes.
    @Field(key: "attendees") public var attendees: String
    @Field(key: "version") public var version: Int

    public init() {}
}

/// One line of a meeting's agenda, in order, with the decision taken on it.
public final class AgendaItemRecord: Model, @unchecked Sendable {
    public static let schema = "agenda_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "meeting_id") public var meetingID: UUID
    @Field(key: "position") public var position: Int
    /// `AgendaItem` as JSON.
    @Field(key: "item") public var item: String
    @OptionalField(key: "decision") public var decision: String?

    public init() {}
}

/// An action item of a meeting; it raises a problem with an owner and a deadline.
public final class MeetingActionRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_actions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "meeting_id") public var meetingID: UUID
    @Field(key: "sequence") public var sequence: Int
    @OptionalField(key: "agenda_title") public var agendaTitle: String?
    @Field(key: "title") public var title: String
    @Field(key: "owner_department") public var ownerDepartment: String
    @Field(key: "deadline") public var deadline: String
    @OptionalField(key: "problem_id") public var problemID: UUID?

    public init() {}
}
