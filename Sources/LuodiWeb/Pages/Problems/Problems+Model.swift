import Foundation
import LuodiCore
import LuodiStore

/// The problem list (问题清单) of a zone with its filters and the form to raise one.
struct ProblemsModel {
    let lang: Language
    let path: String
    let zones: [String]
    let zone: String
    let asOf: CalendarDate
    let view: ProblemView
    let department: String?
    let departments: [String]
    let problems: [StoredProblem]
    /// Projects of the zone a new problem can be raised on: (id, name).
    let projects: [(UUID, String)]
    /// Projects' reporting states, to flag late reports.
    let reporting: [UUID: ReportingState]
    /// What the raise form holds: the project from `?project=` (a project page's link), or what
    /// was typed when a raise was refused.
    var input = RaiseInput()
    var errors: [String] = []

    struct RaiseInput {
        var project = "", title = "", description = "", raisedBy = "", owner = "", deadline = "", level = ""
    }
}

/// One problem with its history and the actions that are open to it.
struct ProblemModel {
    let lang: Language
    let path: String
    let asOf: CalendarDate
    let problem: StoredProblem
    let history: [ProblemEvent]
    /// What the action form holds after a refusal, and why it was refused.
    var input = ActInput()
    var errors: [String] = []
    /// Whether the account may act on the problem (the action form is shown) and see the zone's list (the back link).
    var mayAct = false
    var mayList = false

    struct ActInput {
        var action = "", by = "", note = "", deadline = "", plan = ""
    }
}
