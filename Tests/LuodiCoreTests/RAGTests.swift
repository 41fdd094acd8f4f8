import Testing
@testable import LuodiCore

/// Hand-built projects at hand-worked as-of dates, against the standard rule set of DESIGN.md.
@Suite struct RAGTests {
    let rules = RAGRuleSet.standard
    func date(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }
    func yi(_ v: Double) -> Money { Money(minorUnits: Int64((v * 10_000_000_000).rounded()), currency: .cny) }

    func plan(milestoneDue: String? = nil, planned: Double? = nil, completed: Double? = nil, started: String? = nil,
              enrolled: String? = nil) -> ProjectPlan {
        var p = Project(key: "p", name: "p")
        p.annualPlannedInvestment = planned.map(yi)
        p.completedInvestment = completed.map(yi)
        p.actualStart = started.map(date)
        p.statisticalEnrollment = enrolled.map(date)
        var ms: [Milestone] = []
        if let due = milestoneDue {
            var m = Milestone(name: "开工", kind: .start)
            m.plannedFinish = date(due)
            ms.append(m)
        }
        return ProjectPlan(project: p, milestones: ms)
    }

    @Test func greenWithNoReason() {
        let a = rules.assess(plan(), asOf: date("2021-06-30"))
        #expect(a.status == .green && a.reasons.isEmpty)
    }

    @Test func overdueMilestoneIsAmberThenRedAfterThreeMonths() {
        let p = plan(milestoneDue: "2021-03-31")
        // 2021-03-31 → 2021-06-30: 91 days, 2 whole months → amber.
        let amber = rules.assess(p, asOf: date("2021-06-30"))
        #expect(amber.status == .amber)
        #expect(amber.reasons == [.init(status: .amber, reason: .milestoneOverdue(milestone: "开工", due: date("2021-03-31"), daysLate: 91, monthsLate: 2))])
        // → 2021-07-01: 3 whole months → red.
        #expect(rules.assess(p, asOf: date("2021-07-01")).status == .red)
        // Due today is not yet overdue.
        #expect(rules.assess(p, asOf: date("2021-03-31")).status == .green)
    }

    @Test func actualFinishClearsTheOverdue() {
        var p = plan(milestoneDue: "2021-03-31")
        p.milestones[0].actualFinish = date("2021-04-10")
        #expect(rules.assess(p, asOf: date("2021-07-01")).status == .green)
    }

    @Test func investmentBehindTheTimeElapsedShare() {
        // 30 June 2021: share 181/365 = 49.59 %.
        // 0.30 of 1 亿 = 30 % → 19.59 points behind → amber.
        let amber = rules.assess(plan(planned: 1, completed: 0.3), asOf: date("2021-06-30"))
        #expect(amber.status == .amber)
        if case let .investmentBehind(c, s, points) = amber.reasons.first?.reason {
            #expect(abs(c - 30) < 1e-9 && abs(s - 49.589) < 0.001 && abs(points - 19.589) < 0.001)
        } else {
            Issue.record("expected an investment reason, got \(amber.reasons)")
        }
        // 15 % → 34.59 points behind → red.
        #expect(rules.assess(plan(planned: 1, completed: 0.15), asOf: date("2021-06-30")).status == .red)
        // 40 % → 9.59 points behind → green.
        #expect(rules.assess(plan(planned: 1, completed: 0.4), asOf: date("2021-06-30")).status == .green)
        // A blank completed figure is unknown, not zero: no light from this rule.
        #expect(rules.assess(plan(planned: 1, completed: nil), asOf: date("2021-06-30")).status == .green)
    }

    @Test func monthsConventionChangesTheShare() {
        // 29 June by months: June is not over, 5/12 = 41.67 %; 35 % is 6.67 points behind → green.
        // By days: 180/365 = 49.32 %, 14.32 points behind → amber.
        let p = plan(planned: 1, completed: 0.35)
        #expect(rules.assess(p, asOf: date("2021-06-29"), convention: .months).status == .green)
        #expect(rules.assess(p, asOf: date("2021-06-29"), convention: .days).status == .amber)
        // On 30 June, June is over: 6/12 = 50 %, 15 points behind → amber.
        #expect(rules.assess(p, asOf: date("2021-06-30"), convention: .months).status == .amber)
    }

    @Test func startedAndNotEnrolled() {
        let p = plan(started: "2021-04-15")
        #expect(rules.assess(p, asOf: date("2021-05-14")).status == .green)   // 0 whole months
        #expect(rules.assess(p, asOf: date("2021-05-15")).status == .amber)   // 1 month
        #expect(rules.assess(p, asOf: date("2021-06-15")).status == .red)     // 2 months
        #expect(rules.assess(plan(started: "2021-04-15", enrolled: "2021-05-01"), asOf: date("2021-06-15")).status == .green)
    }

    @Test func worstReasonFirst() {
        let a = rules.assess(plan(milestoneDue: "2021-01-31", planned: 1, completed: 0.3), asOf: date("2021-06-30"))
        #expect(a.status == .red)
        #expect(a.reasons.map(\.status) == [.red, .amber])
    }

    @Test func redReturnsThroughAmber() {
        var strict = rules
        strict.redReturnsThroughAmber = true
        let a = strict.assess(plan(), asOf: date("2021-06-30"), previous: .red)
        #expect(a.status == .amber && a.reasons.map(\.reason) == [.recoveringFromRed])
        #expect(rules.assess(plan(), asOf: date("2021-06-30"), previous: .red).status == .green)
    }

    @Test func capitalProgramIgnoresInvestmentAndStatistics() {
        let a = RAGRuleSet.capitalProgram.assess(plan(planned: 1, completed: 0, started: "2021-01-01"), asOf: date("2021-06-30"))
        #expect(a.status == .green)
    }
}

@Suite struct RollupTests {
    func yuan(_ v: Int64) -> Money { Money(minorUnits: v * 100, currency: .cny) }

    @Test func sumsCountsAndRatesByDepartment() throws {
        // given: A has plans 100 and 300 with 40 and 60 done; B has no plan and 50 done.
        func item(_ dept: String, planned: Int64?, done: Int64?, status: RAGStatus, overdue: Bool = false) -> AssessedProject {
            var p = Project(key: dept + "\(planned ?? 0)", name: "x")
            p.department = dept
            p.annualPlannedInvestment = planned.map(yuan)
            p.completedInvestment = done.map(yuan)
            var m = Milestone(name: "m", kind: .start)
            m.plannedFinish = overdue ? try! CalendarDate(iso: "2021-01-01") : nil
            return AssessedProject(plan: ProjectPlan(project: p, milestones: [m]), assessment: RAGAssessment(status: status, reasons: []))
        }
        let items = [item("A", planned: 100, done: 40, status: .red, overdue: true), item("A", planned: 300, done: 60, status: .green),
                     item("B", planned: nil, done: 50, status: .amber)]
        let asOf = try CalendarDate(iso: "2021-06-30")

        // when
        let all = try Rollup.summarize(items, asOf: asOf, currency: .cny)
        let byDept = try Rollup.grouped(items, by: .department, asOf: asOf, currency: .cny)

        // then: (40 + 60) / (100 + 300) = 25 %; B's 50 counts in the completed sum but not in the rate.
        #expect(all.projects == 3 && all.milestones == 3 && all.overdueMilestones == 1)
        #expect(all.plannedInvestment == yuan(400) && all.completedInvestment == yuan(150))
        #expect(all.completionPercent == 25 && all.projectsWithPlanAndProgress == 2)
        #expect(all.rag == RAGCounts(red: 1, amber: 1, green: 1))
        #expect(byDept.map(\.group) == ["A", "B"])
        #expect(byDept[0].summary.completionPercent == 25 && byDept[1].summary.completionPercent == nil)
        #expect(byDept[1].summary.completedInvestment == yuan(50))
    }
}
