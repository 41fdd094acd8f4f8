import LuodiCore

/// The period board page: the zone's periods, one period's reports, the close form.
struct ReportsModel {
    let lang: Language
    let path: String
    let zones: [String]
    let board: PeriodBoard
}
