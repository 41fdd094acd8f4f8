import LuodiCore

/// A reproducible random network for benchmarks: `count` activities of 1–10 working days on the
/// PRC calendar, each after the first with one or two predecessors among the 50 activities
/// before it (1.5 links per activity on average), mostly FS with some SS and FF and lags of
/// 0–2 days. A linear congruential generator keeps it identical from run to run.
enum SyntheticNetwork {
    static func make(count: Int) -> ScheduleNetwork {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let day = 480
        let activities = (0..<count).map { Activity(id: "A\($0)", name: "Activity \($0)", durationMinutes: (1 + next(10)) * day) }
        var relationships: [Relationship] = []
        for i in 1..<max(1, count) {
            let links = next(2) == 0 ? 1 : 2
            var used = Set<Int>()
            for _ in 0..<links {
                let p = max(0, i - 1 - next(min(i, 50)))
                guard used.insert(p).inserted else { continue }
                let roll = next(10)
                let type: RelationshipType = roll < 8 ? .finishToStart : roll == 8 ? .startToStart : .finishToFinish
                relationships.append(Relationship(predecessor: "A\(p)", successor: "A\(i)", type: type, lag: Lag(minutes: next(3) * day)))
            }
        }
        let calendar = WorkCalendar.china()
        return ScheduleNetwork(activities: activities, relationships: relationships, calendars: [calendar.name: calendar],
                               defaultCalendar: calendar.name, projectStart: try! ScheduleTime(isoMinute: "2021-03-01T08:00"))
    }
}
