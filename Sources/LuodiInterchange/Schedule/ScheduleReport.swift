import LuodiCore

/// The JSON of `luodi schedule --format json`: `{"activities": [...], "criticalPath": [...]}`,
/// dates as local `yyyy-MM-ddTHH:mm`, floats in working minutes.
public struct ScheduleReport: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var earlyStart: String
        public var earlyFinish: String
        public var lateStart: String
        public var lateFinish: String
        public var totalFloatMinutes: Int
        public var freeFloatMinutes: Int
        public var critical: Bool
    }
    /// A WBS node (summary task) with dates rolled up from the activities under it.
    public struct Summary: Codable, Sendable, Equatable {
        public var wbs: String
        public var name: String
        public var earlyStart: String
        public var earlyFinish: String
        public var lateStart: String
        public var lateFinish: String
        public var totalFloatMinutes: Int
        public var critical: Bool
        public var activities: Int
    }

    public var activities: [Row]
    public var criticalPath: [String]
    /// WBS summaries; empty when the file has no WBS.
    public var summaries: [Summary]

    public init(_ s: Schedule, network: ScheduleNetwork? = nil) {
        summaries = network.map { n in
            WBSRollup.summaries(n, s).map {
                Summary(wbs: $0.path, name: $0.name, earlyStart: $0.earlyStart.isoMinute, earlyFinish: $0.earlyFinish.isoMinute,
                        lateStart: $0.lateStart.isoMinute, lateFinish: $0.lateFinish.isoMinute,
                        totalFloatMinutes: $0.totalFloatMinutes, critical: $0.critical, activities: $0.activityCount)
            }
        } ?? []
        activities = s.activities.map {
            Row(id: $0.id, name: $0.name, earlyStart: $0.earlyStart.isoMinute, earlyFinish: $0.earlyFinish.isoMinute,
                lateStart: $0.lateStart.isoMinute, lateFinish: $0.lateFinish.isoMinute,
                totalFloatMinutes: $0.totalFloatMinutes, freeFloatMinutes: $0.freeFloatMinutes, critical: $0.critical)
        }
        criticalPath = s.criticalPath
    }
}

/// The engine's dates against the dates the authoring tool stored in the file.
public struct ScheduleComparison: Sendable {
    public struct Field: Sendable {
        public let name: String
        /// Activities whose stored value exists and equals the engine's.
        public var matched = 0
        /// Of those, how many match only as the same point of working time written differently
        /// (17:00 on one day and 08:00 on the next working day).
        public var equivalent = 0
        /// Activities with a stored value.
        public var compared = 0
        /// `id name: stored X, engine Y` for each mismatch.
        public var mismatches: [String] = []
    }

    public let fields: [Field]

    /// Compares early and late dates, total float and free float.
    public init(file: ScheduleFile, schedule: Schedule) {
        var fields = ["earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalFloat", "freeFloat"].map { Field(name: $0) }
        let byID = Dictionary(uniqueKeysWithValues: file.network.activities.map { ($0.id, $0) })
        for a in schedule.activities {
            guard let s = file.stored[a.id] else { continue }
            let calendar = file.network.calendars[byID[a.id]?.calendar ?? file.network.defaultCalendar] ?? .standard
            func date(_ i: Int, _ stored: ScheduleTime?, _ engine: ScheduleTime) {
                guard let stored else { return }
                fields[i].compared += 1
                if stored == engine {
                    fields[i].matched += 1
                } else if calendar.workingMinutes(from: stored, to: engine) == 0 {
                    fields[i].matched += 1
                    fields[i].equivalent += 1
                } else {
                    fields[i].mismatches.append("\(a.id) \(a.name): stored \(stored.isoMinute), engine \(engine.isoMinute)")
                }
            }
            func minutes(_ i: Int, _ stored: Int?, _ engine: Int) {
                guard let stored else { return }
                fields[i].compared += 1
                if stored == engine { fields[i].matched += 1 } else {
                    fields[i].mismatches.append("\(a.id) \(a.name): stored \(stored) min, engine \(engine) min")
                }
            }
            date(0, s.earlyStart, a.earlyStart)
            date(1, s.earlyFinish, a.earlyFinish)
            date(2, s.lateStart, a.lateStart)
            date(3, s.lateFinish, a.lateFinish)
            minutes(4, s.totalFloatMinutes, a.totalFloatMinutes)
            minutes(5, s.freeFloatMinutes, a.freeFloatMinutes)
        }
        self.fields = fields
    }

    /// One line per field, then the mismatches.
    public var text: String {
        fields.map { f in
            var line = "\(f.name): \(f.matched)/\(f.compared) match"
            if f.equivalent > 0 { line += " (\(f.equivalent) as the same working time written differently)" }
            return ([line] + f.mismatches.map { "  - \($0)" }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
