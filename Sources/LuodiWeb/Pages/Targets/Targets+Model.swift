import LuodiCore
import LuodiStore

/// The targets page: the ranking with its formula and contributions, the metrics, and the forms.
struct TargetsModel {
    let lang: Language
    let path: String
    let zones: [String]
    let ranking: RankingReport
    let convention: TimeElapsedConvention
    /// The current period of the zone's cycle, proposed in the figure form.
    let currentPeriod: String?
    let departments: [String]
}
