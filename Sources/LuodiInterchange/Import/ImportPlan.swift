import LuodiCore

/// What an import would write: the zone, its projects with milestones, and notes on quirks.
/// Applying it is the store's job, in one transaction.
public struct ImportPlan: Sendable {
    public var file: String
    public var profile: String
    public var zone: Zone
    public var projects: [ProjectPlan]
    /// Non-blocking findings (e.g. `PNS read as blank in 7,446 cells`), located where possible.
    public var notes: [ImportIssue]
    /// Data rows read (header excluded, blank lines included).
    public var rowsRead: Int
    public var encoding: TextEncoding
    /// Project fields the file gives (a column, template or constant maps them). On re-import
    /// the others keep their stored values.
    public var providedFields: Set<String> = []
    /// Whether the file gives milestones (its mapping's milestone name column is present);
    /// when it does not, stored milestones and their links are kept.
    public var providesMilestones = false

    public var milestoneCount: Int { projects.reduce(0) { $0 + $1.milestones.count } }
}
