import LuodiCore

/// What the dashboard (作战图总览) shows for one zone at one as-of date.
struct DashboardModel {
    let lang: Language
    let path: String
    /// All zone names, for the switcher.
    let zones: [String]
    /// The zone's status report (the same figures as the API and CLI).
    let report: StatusReport
    let convention: TimeElapsedConvention
    /// Whether the zone's rule set lights projects by investment against the time-elapsed share.
    let comparesInvestment: Bool
    /// What changed in the latest closed period against the one before.
    let changes: PeriodChanges?
}
