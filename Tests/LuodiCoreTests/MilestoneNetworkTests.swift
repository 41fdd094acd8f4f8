import Testing
@testable import LuodiCore

/// A land → permit → start chain on the PRC calendar around National Day 2021.
@Suite struct MilestoneNetworkTests {
    func d(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }

    func plan(landDone: Bool = false) -> ProjectPlan {
        var land = Milestone(name: "供地", kind: .landSecured)
        land.plannedFinish = d("2021-09-27")
        if landDone { land.actualFinish = d("2021-09-27") }
        var permit = Milestone(name: "施工许可", kind: .constructionPermit)
        permit.plannedFinish = d("2021-10-15")
        var start = Milestone(name: "开工", kind: .start)
        start.plannedFinish = d("2021-10-20")
        return ProjectPlan(project: Project(key: "p", name: "p"), milestones: [land, permit, start],
                           links: [MilestoneLink(predecessor: "供地", successor: "施工许可", lagDays: 10),
                                   MilestoneLink(predecessor: "施工许可", successor: "开工")])
    }

    @Test func onScheduleWithFourDaysToSpare() throws {
        // 10 working days from Monday 27 September: 27, 28, 29, 30 Sep, 8, 9 (Saturday, 调休), 11,
        // 12, 13, 14 October, so the permit can come on the 15th and the start too; the target
        // (start planned on the 20th) leaves 15, 18, 19, 20 October: 4 working days of float.
        let s = try MilestoneNetwork.schedule(plan(), asOf: d("2021-09-01"))
        #expect(s.map(\.earlyStart) == [d("2021-09-27"), d("2021-10-15"), d("2021-10-15")])
        #expect(s.map(\.totalFloatDays) == [4, 4, 4] && s.allSatisfy { !$0.critical })
        #expect(RAGRuleSet.standard.assess(plan(), asOf: d("2021-09-01")).status == .green)
    }

    @Test func lateLandMakesTheChainCritical() throws {
        // Nothing done by Monday 25 October: land can come that day at the earliest; 10 working
        // days (25–29 Oct, 1–5 Nov) put the permit and the start on Monday 8 November, 12 working
        // days (21, 22, 25–29 Oct, 1–5 Nov) after the target of 20 October.
        let s = try MilestoneNetwork.schedule(plan(), asOf: d("2021-10-25"))
        #expect(s.map(\.earlyStart) == [d("2021-10-25"), d("2021-11-08"), d("2021-11-08")])
        #expect(s.map(\.totalFloatDays) == [-12, -12, -12] && s.allSatisfy(\.critical))
        let a = RAGRuleSet.standard.assess(plan(), asOf: d("2021-10-25"))
        #expect(a.reasons.contains { $0.reason == .criticalMilestoneLate(milestone: "供地", daysBehind: 12) && $0.status == .amber })
    }

    @Test func actualsAndTheDataDate() throws {
        // Land done on time; on 18 October the permit is still missing: it can come on the 18th at
        // the earliest, leaving 18, 19, 20 October: 3 days of float to the target.
        let s = try MilestoneNetwork.schedule(plan(landDone: true), asOf: d("2021-10-18"))
        #expect(s[1].earlyStart == d("2021-10-18") && s[1].totalFloatDays == 3)
        // A finished milestone is history: never critical.
        #expect(s[0].finished && !s[0].critical)
    }

    @Test func withoutLinksThereIsNoNetwork() throws {
        var p = plan()
        p.links = []
        #expect(try MilestoneNetwork.schedule(p, asOf: d("2021-10-25")).isEmpty)
    }

    @Test func linksMustNameMilestones() {
        var p = plan()
        p.links.append(MilestoneLink(predecessor: "开工", successor: "竣工"))
        #expect(throws: ScheduleError.unknownActivity("竣工", inRelationship: "开工 FS 竣工")) {
            try MilestoneNetwork.schedule(p, asOf: d("2021-10-25"))
        }
    }
}

extension MilestoneNetworkTests {
    @Test func aZoneExceptionMovesTheNetwork() throws {
        // The zone works on Saturday 30 October 2021: the 10 days from 25 October end on
        // 4 November (25–30 Oct, 1–4 Nov), so the permit can come on Friday the 5th, not Monday the 8th.
        var zone = Zone(name: "z")
        zone.calendarExceptions[d("2021-10-30")] = true
        let s = try MilestoneNetwork.schedule(plan(), asOf: d("2021-10-25"), calendar: zone.workingDays)
        #expect(s[1].earlyStart == d("2021-11-05"))
        #expect(try MilestoneNetwork.schedule(plan(), asOf: d("2021-10-25"))[1].earlyStart == d("2021-11-08"))
    }
}
