import Foundation
import LuodiCore
import LuodiStore

/// The meetings page: the zone's meetings and the form that opens one with a generated agenda.
struct MeetingsModel {
    let lang: Language
    let path: String
    let zone: String
    let today: CalendarDate
    let meetings: [(id: UUID, title: String, heldOn: CalendarDate, items: Int)]
}

/// One meeting: its agenda with reasons and decisions, the minutes form, its action items.
struct MeetingModel {
    let lang: Language
    let path: String
    let meeting: StoredMeeting
    /// What the minutes form holds: the stored minutes, or what was typed when a save was refused.
    var attendees: String
    var decisions: [String]
    var errors: [String] = []
    /// What the action form holds after a refusal.
    var action = ActionInput()
    /// The zone's metrics, for a decision that changes a target.
    var metrics: [TargetMetric] = []

    struct ActionInput {
        var position = "", title = "", owner = "", deadline = "", by = ""
    }
}
