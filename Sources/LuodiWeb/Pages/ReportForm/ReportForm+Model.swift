import Foundation
import LuodiCore
import LuodiStore

/// A project's report for one period: the form (new or edit), and the report's revisions.
struct ReportFormModel {
    /// What the form fields hold: the stored report, or what the user typed when a save was refused.
    struct Inputs {
        var investment = ""
        var enrollment = ""
        var narrative = ""
        var reportedBy = ""
        var reportedOn = ""
        var reason = ""
        /// Who makes an edit.
        var changedBy = ""
        /// Actual start and finish typed per milestone, by position.
        var actuals: [(start: String, finish: String)] = []
    }

    let lang: Language
    let path: String
    let projectID: UUID
    let projectName: String
    let zone: Zone
    let period: ReportingPeriod
    let closed: ClosedPeriod?
    let existing: StoredReport?
    let revisions: [ReportRevision]
    let photos: [ReportAttachment]
    let milestones: [Milestone]
    var inputs: Inputs
    var errors: [String] = []
}
