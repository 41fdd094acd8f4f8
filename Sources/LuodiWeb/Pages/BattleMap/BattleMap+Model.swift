import LuodiCore

/// The battle map page: the filters and the drawn map.
struct BattleMapModel {
    let lang: Language
    let path: String
    let zones: [String]
    let zone: String
    let asOf: CalendarDate
    let groupBy: BattleMapQuery.Grouping
    let filter: ProjectFilter
    let departments: [Department]
    let svg: String
}
