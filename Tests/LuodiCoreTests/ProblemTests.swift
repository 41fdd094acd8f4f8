import Testing
@testable import LuodiCore

@Suite struct ProblemTests {
    func d(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }
    var problem: Problem { Problem(title: "用电接入", raisedBy: "企业", raisedOn: d("2021-06-01"), ownerDepartment: "供电所", deadline: d("2021-06-30")) }

    @Test func theLifeOfAProblem() throws {
        let assigned = try problem.applying(.assign, note: nil)
        #expect(assigned.state == .assigned)
        let resolved = try assigned.applying(.resolve, note: nil)
        #expect(throws: ProblemError.closeNeedsNote) { try resolved.applying(.close, note: " ") }
        let closed = try resolved.applying(.close, note: "线路已接通")
        #expect(closed.state == .closed && closed.resolutionNote == "线路已接通")
        #expect(throws: ProblemError.notAllowed(.assign, .closed)) { try closed.applying(.assign, note: nil) }
        #expect(try resolved.applying(.reopen, note: nil).state == .assigned)
    }

    @Test func escalationClimbsOneLevelAtATime() throws {
        let district = try problem.applying(.escalate, note: nil)
        #expect(district.level == .district)
        let city = try district.applying(.escalate, note: nil)
        #expect(city.level == .city)
        #expect(throws: ProblemError.alreadyAtTop) { try city.applying(.escalate, note: nil) }
    }

    @Test func overdueAndDueThisWeek() throws {
        // Deadline Wednesday 30 June 2021.
        #expect(!problem.isOverdue(asOf: d("2021-06-30")) && problem.isOverdue(asOf: d("2021-07-01")))
        #expect(problem.isDueThisWeek(asOf: d("2021-06-28")))      // Monday of that week
        #expect(!problem.isDueThisWeek(asOf: d("2021-06-20")))     // Sunday before
        #expect(!(try problem.applying(.resolve, note: nil)).isOverdue(asOf: d("2021-07-05")))
    }

    @Test func anOverdueSupervisionOrderIsRed() {
        let plan = ProjectPlan(project: Project(key: "p", name: "p"), milestones: [])
        let order = SupervisionDue(problem: "用电接入", deadline: d("2021-07-15"))
        #expect(RAGRuleSet.standard.assess(plan, asOf: d("2021-07-15"), supervision: [order]).status == .green)
        let late = RAGRuleSet.standard.assess(plan, asOf: d("2021-07-20"), supervision: [order])
        #expect(late.status == .red && late.reasons.map(\.reason) == [.supervisionOverdue(problem: "用电接入", deadline: d("2021-07-15"), daysLate: 5)])
    }

    @Test func aProblemIsReplayedToAnyDay() throws {
        // Raised 1 June at zone level, assigned 2 June, escalated 11 June (→ district), resolved 25 June, closed 28 June.
        var now = problem
        now.state = .closed
        now.level = .district
        now.resolutionNote = "已接通"
        let history: [(on: CalendarDate, action: ProblemAction, note: String?)] = [
            (d("2021-06-01"), .raise, nil), (d("2021-06-02"), .assign, nil), (d("2021-06-11"), .escalate, nil),
            (d("2021-06-25"), .resolve, nil), (d("2021-06-28"), .close, "已接通"),
        ]
        #expect(now.asOf(d("2021-05-31"), history: history) == nil)
        let first = try #require(now.asOf(d("2021-06-01"), history: history))
        #expect(first.state == .open && first.level == .zone && first.resolutionNote == nil)
        let escalated = try #require(now.asOf(d("2021-06-20"), history: history))
        #expect(escalated.state == .assigned && escalated.level == .district && escalated.isOverdue(asOf: d("2021-07-01")))
        #expect(now.asOf(d("2021-06-26"), history: history)?.state == .resolved)
        #expect(now.asOf(d("2021-06-28"), history: history) == now)
    }
}
