import Testing
@testable import LuodiCore

/// Hand-worked networks on MS Project's Standard calendar (Monday–Friday 08:00–12:00, 13:00–17:00),
/// starting Thursday 2018-10-18 08:00.
@Suite struct CPMSchedulerTests {
    func t(_ s: String) -> ScheduleTime { try! ScheduleTime(isoMinute: s) }
    let day = 480

    func network(_ activities: [Activity], _ relationships: [Relationship], calendar: WorkCalendar = .standard) -> ScheduleNetwork {
        ScheduleNetwork(activities: activities, relationships: relationships, calendars: [calendar.name: calendar],
                        defaultCalendar: calendar.name, projectStart: t("2018-10-18T08:00"))
    }

    func run(_ activities: [Activity], _ relationships: [Relationship], calendar: WorkCalendar = .standard) throws -> [String: ScheduledActivity] {
        let s = try CPMScheduler.schedule(network(activities, relationships, calendar: calendar))
        return Dictionary(uniqueKeysWithValues: s.activities.map { ($0.id, $0) })
    }

    func pair(_ type: RelationshipType, lag: Lag = Lag(), aDays: Int = 1) throws -> (ScheduledActivity, ScheduledActivity) {
        let r = try run([Activity(id: "A", name: "A", durationMinutes: aDays * day), Activity(id: "B", name: "B", durationMinutes: day)],
                        [Relationship(predecessor: "A", successor: "B", type: type, lag: lag)])
        return (r["A"]!, r["B"]!)
    }

    @Test func calendarArithmetic() {
        let c = WorkCalendar.standard
        #expect(c.adding(workingMinutes: 480, to: t("2018-10-18T08:00")) == t("2018-10-18T17:00"))
        #expect(c.adding(workingMinutes: 960, to: t("2018-10-18T08:00")) == t("2018-10-19T17:00"))
        #expect(c.adding(workingMinutes: 1, to: t("2018-10-19T17:00")) == t("2018-10-22T08:01"))
        #expect(c.adding(workingMinutes: -480, to: t("2018-10-19T08:00")) == t("2018-10-18T08:00"))
        #expect(c.adding(workingMinutes: 240, to: t("2018-10-18T10:00")) == t("2018-10-18T15:00"))   // across lunch
        #expect(c.nextWorkStart(t("2018-10-18T17:00")) == t("2018-10-19T08:00"))
        #expect(c.nextWorkStart(t("2018-10-18T12:00")) == t("2018-10-18T13:00"))
        #expect(c.previousWorkFinish(t("2018-10-22T08:00")) == t("2018-10-19T17:00"))
        #expect(c.workingMinutes(from: t("2018-10-18T08:00"), to: t("2018-10-22T08:00")) == 960)
    }

    @Test func finishToStart() throws {
        let (a, b) = try pair(.finishToStart)
        #expect(a.earlyFinish == t("2018-10-18T17:00"))
        #expect(b.earlyStart == t("2018-10-19T08:00") && b.earlyFinish == t("2018-10-19T17:00"))
        #expect(a.lateFinish == t("2018-10-19T08:00") && a.totalFloatMinutes == 0 && a.critical && b.critical)
    }

    @Test func finishToStartWithAWeekOfLag() throws {
        // Thursday 17:00 + 5 working days = Thursday 25 October 17:00 → Friday 26 08:00.
        let (_, b) = try pair(.finishToStart, lag: Lag(minutes: 5 * day))
        #expect(b.earlyStart == t("2018-10-26T08:00"))
    }

    @Test func startToStartWithTwoDaysLag() throws {
        // Thursday 08:00 + 2 days = Friday 17:00 → Monday 08:00.
        let (_, b) = try pair(.startToStart, lag: Lag(minutes: 2 * day))
        #expect(b.earlyStart == t("2018-10-22T08:00"))
    }

    @Test func finishToFinishWithTwoDaysLag() throws {
        // B must finish 2 days after A's finish (Thursday 17:00): Monday 17:00.
        let (_, b) = try pair(.finishToFinish, lag: Lag(minutes: 2 * day))
        #expect(b.earlyFinish == t("2018-10-22T17:00") && b.earlyStart == t("2018-10-22T08:00"))
    }

    @Test func startToFinishWithTwoDaysLag() throws {
        // B must finish 2 days after A's start (Thursday 08:00): Friday 17:00, so B starts Friday 08:00.
        let (_, b) = try pair(.startToFinish, lag: Lag(minutes: 2 * day))
        #expect(b.earlyStart == t("2018-10-19T08:00") && b.earlyFinish == t("2018-10-19T17:00"))
    }

    @Test func elapsedLagIgnoresTheCalendar() throws {
        // 24 elapsed hours after Thursday 17:00 is Friday 17:00, so B starts Monday 08:00.
        let (_, b) = try pair(.finishToStart, lag: Lag(minutes: 24 * 60, elapsed: true))
        #expect(b.earlyStart == t("2018-10-22T08:00"))
    }

    @Test func negativeLagOverlaps() throws {
        // A runs Thursday–Friday; a one-day lead starts B on Friday 08:00.
        let (_, b) = try pair(.finishToStart, lag: Lag(minutes: -day), aDays: 2)
        #expect(b.earlyStart == t("2018-10-19T08:00"))
    }

    @Test func totalAndFreeFloat() throws {
        // A (1 d) and B (3 d) both precede C: A can slip 2 days.
        let r = try run([Activity(id: "A", name: "A", durationMinutes: day), Activity(id: "B", name: "B", durationMinutes: 3 * day),
                         Activity(id: "C", name: "C", durationMinutes: day)],
                        [Relationship(predecessor: "A", successor: "C"), Relationship(predecessor: "B", successor: "C")])
        #expect(r["A"]!.totalFloatMinutes == 2 * day && r["A"]!.freeFloatMinutes == 2 * day && !r["A"]!.critical)
        #expect(r["B"]!.critical && r["C"]!.critical)
        #expect(r["C"]!.earlyStart == t("2018-10-23T08:00"))   // Thu, Fri, Mon for B; C on Tuesday
    }

    @Test func constraints() throws {
        let r = try run([Activity(id: "A", name: "A", durationMinutes: day, constraint: .startNoEarlierThan, constraintDate: t("2018-10-24T08:00")),
                         Activity(id: "B", name: "B", durationMinutes: day, constraint: .mustStartOn, constraintDate: t("2018-10-19T08:00")),
                         Activity(id: "C", name: "C", durationMinutes: day, constraint: .finishNoLaterThan, constraintDate: t("2018-10-22T17:00"))],
                        [])
        #expect(r["A"]!.earlyStart == t("2018-10-24T08:00"))
        #expect(r["B"]!.earlyStart == t("2018-10-19T08:00") && r["B"]!.lateStart == t("2018-10-19T08:00"))
        // C could finish as late as the project (Wednesday 24th 17:00) but must finish by Monday 22nd.
        #expect(r["C"]!.lateFinish == t("2018-10-22T17:00") && r["C"]!.totalFloatMinutes == 2 * day)
    }

    @Test func actualsFixTheDates() throws {
        var a = Activity(id: "A", name: "A", durationMinutes: day)
        a.actualStart = t("2018-10-18T13:00")
        let r = try run([a, Activity(id: "B", name: "B", durationMinutes: day)], [Relationship(predecessor: "A", successor: "B")])
        #expect(r["A"]!.earlyFinish == t("2018-10-19T12:00") && r["B"]!.earlyStart == t("2018-10-19T13:00"))
    }

    @Test func aCycleIsNamed() {
        let acts = ["A", "B", "C", "D"].map { Activity(id: $0, name: $0, durationMinutes: day) }
        let rels = [Relationship(predecessor: "D", successor: "A"), Relationship(predecessor: "A", successor: "B"),
                    Relationship(predecessor: "B", successor: "C"), Relationship(predecessor: "C", successor: "A")]
        #expect(throws: ScheduleError.cycle(["A", "B", "C", "A"])) { try CPMScheduler.schedule(network(acts, rels)) }
        #expect(throws: ScheduleError.unknownActivity("X", inRelationship: "X FS A")) {
            try CPMScheduler.schedule(network(acts, [Relationship(predecessor: "X", successor: "A")]))
        }
    }

    @Test func chinaCalendarSkipsNationalDay() throws {
        // A one-day task on Thursday 30 September 2021; its successor waits for Friday 8 October.
        var n = network([Activity(id: "A", name: "A", durationMinutes: day), Activity(id: "B", name: "B", durationMinutes: 2 * day)],
                        [Relationship(predecessor: "A", successor: "B")], calendar: .china())
        n.projectStart = t("2021-09-30T08:00")
        let r = Dictionary(uniqueKeysWithValues: try CPMScheduler.schedule(n).activities.map { ($0.id, $0) })
        #expect(r["B"]!.earlyStart == t("2021-10-08T08:00"))
        #expect(r["B"]!.earlyFinish == t("2021-10-09T17:00"))   // Saturday 9 October is a 调休 working day
    }
}

extension CPMSchedulerTests {
    @Test func finishNoEarlierThanAndMustFinishOn() throws {
        let r = try run([Activity(id: "A", name: "A", durationMinutes: day, constraint: .finishNoEarlierThan, constraintDate: t("2018-10-22T17:00")),
                         Activity(id: "B", name: "B", durationMinutes: day, constraint: .mustFinishOn, constraintDate: t("2018-10-19T17:00"))], [])
        #expect(r["A"]!.earlyStart == t("2018-10-22T08:00") && r["A"]!.earlyFinish == t("2018-10-22T17:00"))
        #expect(r["B"]!.earlyStart == t("2018-10-19T08:00") && r["B"]!.lateFinish == t("2018-10-19T17:00"))
    }

    @Test func startNoLaterThanAgainstTheLogicGivesNegativeFloat() throws {
        // A (3 days, Thu–Mon) must precede B, but B must start by Friday 19th 08:00: the
        // constraint wins the forward pass, and A is 2 days behind (negative float).
        let r = try run([Activity(id: "A", name: "A", durationMinutes: 3 * day),
                         Activity(id: "B", name: "B", durationMinutes: day, constraint: .startNoLaterThan, constraintDate: t("2018-10-19T08:00"))],
                        [Relationship(predecessor: "A", successor: "B")])
        #expect(r["B"]!.earlyStart == t("2018-10-19T08:00") && r["B"]!.lateStart == t("2018-10-19T08:00"))
        #expect(r["A"]!.lateStart == t("2018-10-16T08:00") && r["A"]!.totalFloatMinutes == -2 * day && r["A"]!.critical)
    }

    @Test func asLateAsPossibleDelaysItsSuccessors() throws {
        // B (3 days) sets the finish, Monday 22nd 17:00. A (1 day, ALAP) precedes D (1 day): D can
        // finish on Monday, so A runs on Friday and D's early dates move to Monday.
        let r = try run([Activity(id: "A", name: "A", durationMinutes: day, constraint: .asLateAsPossible),
                         Activity(id: "B", name: "B", durationMinutes: 3 * day),
                         Activity(id: "D", name: "D", durationMinutes: day)],
                        [Relationship(predecessor: "A", successor: "D")])
        #expect(r["A"]!.lateStart == t("2018-10-19T08:00"))
        #expect(r["D"]!.earlyStart == t("2018-10-22T08:00") && r["D"]!.earlyFinish == t("2018-10-22T17:00"))
    }

    func progressNetwork(_ rule: OutOfSequenceRule) -> ScheduleNetwork {
        // P (2 days) should precede S (2 days), but S started on Thursday 18th and has 1 day
        // left at the data date, Friday 19th 08:00; P has not started.
        var s = Activity(id: "S", name: "S", durationMinutes: 2 * day)
        s.actualStart = t("2018-10-18T08:00")
        s.remainingMinutes = day
        var n = network([Activity(id: "P", name: "P", durationMinutes: 2 * day), s], [Relationship(predecessor: "P", successor: "S")])
        n.dataDate = t("2018-10-19T08:00")
        n.outOfSequence = rule
        return n
    }

    @Test func retainedLogicWaitsForThePredecessor() throws {
        let r = Dictionary(uniqueKeysWithValues: try CPMScheduler.schedule(progressNetwork(.retainedLogic)).activities.map { ($0.id, $0) })
        // P cannot start before the data date: Friday and Monday. S's last day follows: Tuesday.
        #expect(r["P"]!.earlyStart == t("2018-10-19T08:00") && r["P"]!.earlyFinish == t("2018-10-22T17:00"))
        #expect(r["S"]!.earlyStart == t("2018-10-18T08:00") && r["S"]!.earlyFinish == t("2018-10-23T17:00"))
    }

    @Test func progressOverrideContinuesFromTheDataDate() throws {
        let r = Dictionary(uniqueKeysWithValues: try CPMScheduler.schedule(progressNetwork(.progressOverride)).activities.map { ($0.id, $0) })
        #expect(r["S"]!.earlyFinish == t("2018-10-19T17:00"))
        // The project now ends with P on Monday; S can slip one working day.
        #expect(r["S"]!.totalFloatMinutes == day && !r["S"]!.critical)
    }
}
