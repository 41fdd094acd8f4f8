import Foundation
import LuodiCore
import LuodiStore

/// One project: every field, its light with reasons, milestones as a table and a timeline.
struct ProjectDetailModel {
    let lang: Language
    let path: String
    let id: UUID
    let zone: Zone
    let asOf: CalendarDate
    let plan: ProjectPlan
    let assessment: RAGAssessment
    /// Where the project stands in the zone's reporting cycle; nil when the zone has none.
    let reporting: ReportingState?
    let version: Int
    /// The project's progress reports, oldest period first.
    let reports: [StoredReport]
    /// The problems raised on this project, every state, earliest deadline first.
    let problems: [StoredProblem]
    /// The milestone network's schedule by milestone name (empty without links).
    let network: [String: MilestoneSchedule]
    /// Why the network could not be scheduled, if it could not.
    let networkError: String?
    /// The predecessors field of each milestone, by position: the stored links, or what the
    /// user typed when a save was refused.
    var linkInputs: [String]
    /// Why a save of the predecessors was refused.
    var linkErrors: [String] = []
    /// The raise-problem form on the page (for accounts without the zone's problem list), after a refusal.
    var raiseInput = ProblemsModel.RaiseInput()
    /// The attraction lead the project came from (its history before signing), if any.
    var lead: StoredLead?
    var raiseErrors: [String] = []
}
