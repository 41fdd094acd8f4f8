import LuodiCore

/// A schedule read from a file: the network to schedule, and the dates the authoring tool
/// stored, for `luodi schedule --compare`.
public struct ScheduleFile: Sendable {
    public var network: ScheduleNetwork
    /// Dates and floats as the file stores them, by activity id.
    public var stored: [String: StoredDates]
    /// Things the reader left out or could not express (summary links, percent lags…).
    public var notes: [String]

    /// What MS Project or P6 computed, as saved in the file.
    public struct StoredDates: Sendable, Hashable {
        public var earlyStart: ScheduleTime?
        public var earlyFinish: ScheduleTime?
        public var lateStart: ScheduleTime?
        public var lateFinish: ScheduleTime?
        public var totalFloatMinutes: Int?
        public var freeFloatMinutes: Int?
        public var critical: Bool?
    }
}
