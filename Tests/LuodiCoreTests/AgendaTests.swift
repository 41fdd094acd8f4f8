import Testing
@testable import LuodiCore

/// A hand-built meeting on Wednesday 30 June 2021, next meeting 7 July.
@Suite struct AgendaTests {
    func d(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }

    func plan(_ name: String, _ milestones: [(String, String, String?)]) -> ProjectPlan {
        ProjectPlan(project: Project(key: name, name: name), milestones: milestones.map { m in
            var ms = Milestone(name: m.0, kind: .other)
            ms.plannedFinish = d(m.1)
            ms.actualFinish = m.2.map(d)
            return ms
        })
    }

    func schedule(_ name: String, float: Int, critical: Bool) -> MilestoneSchedule {
        MilestoneSchedule(name: name, earlyStart: d("2021-07-01"), earlyFinish: d("2021-07-01"), lateStart: d("2021-07-01"),
                          lateFinish: d("2021-07-01"), totalFloatDays: float, critical: critical, finished: false)
    }

    @Test func theMostUrgentItemComesFirstAndEachSaysWhy() {
        let green = RAGAssessment(status: .green, reasons: [])
        let redA = RAGAssessment(status: .red, reasons: [.init(status: .red, reason: .milestoneOverdue(milestone: "供地", due: d("2021-03-27"), daysLate: 95, monthsLate: 3))])
        let redB = RAGAssessment(status: .red, reasons: [.init(status: .red, reason: .supervisionOverdue(problem: "电力增容", deadline: d("2021-06-20"), daysLate: 10))])
        let amberC = RAGAssessment(status: .amber, reasons: [.init(status: .amber, reason: .startOverdue(due: d("2021-06-01"), daysLate: 29, monthsLate: 0))])
        let projects: [(ref: String, plan: ProjectPlan, assessment: RAGAssessment, schedule: [String: MilestoneSchedule])] = [
            ("a", plan("A厂房", []), redA, [:]),
            // B is red only through its overdue order, which has its own item.
            ("b", plan("B园区", []), redB, [:]),
            ("c", plan("C道路", []), amberC, [:]),
            // D: due in 2 days, no network.
            ("d", plan("D中心", [("主体封顶", "2021-07-02", nil), ("桩基", "2021-06-29", nil), ("开工", "2021-07-01", "2021-06-28")]), green, [:]),
            // E: due in 6 days, critical with 3 working days of float consumed; F: due on the next meeting's day (not listed).
            ("e", plan("E产业园", [("竣工", "2021-07-06", nil)]), green, ["竣工": schedule("竣工", float: -3, critical: true)]),
            ("f", plan("F学校", [("交付", "2021-07-07", nil)]), green, [:]),
        ]
        func problem(_ title: String, deadline: String, state: ProblemState = .assigned) -> Problem {
            var p = Problem(title: title, raisedBy: "办公室", raisedOn: d("2021-05-01"), ownerDepartment: "自然资源局", deadline: d(deadline))
            p.state = state
            return p
        }
        let order = SupervisionOrder(level: .district, issuedOn: d("2021-06-10"), deadline: d("2021-06-20"), rectificationPlan: "限期接电")
        let problems: [(ref: String, problem: Problem, lastOrder: SupervisionOrder?, project: String?, projectRef: String?)] = [
            ("p1", problem("用地指标", deadline: "2021-06-18"), nil, "A厂房", "a"),        // 12 days late
            ("p2", problem("电力增容", deadline: "2021-06-15"), order, "B园区", "b"),       // order 10 days late (the problem itself 15)
            ("p3", problem("规划调整", deadline: "2021-06-01", state: .resolved), nil, nil, nil),
            ("p4", problem("施工许可", deadline: "2021-07-15"), nil, nil, nil),
            ("p5", problem("环评", deadline: "2021-06-20"), nil, "C道路", "c"),             // 10 days late
        ]
        let agenda = Agenda.generate(projects: projects, problems: problems, asOf: d("2021-06-30"), nextMeeting: d("2021-07-07"))
        #expect(agenda.map(\.title) == ["A厂房", "用地指标", "电力增容", "环评", "E产业园 · 竣工", "D中心 · 主体封顶"])
        #expect(agenda.map(\.urgency) == [95, 12, 10, 10, 3, -2])
        #expect(agenda[2].reason == .overdueSupervision(problem: "电力增容", project: "B园区", level: .district, deadline: d("2021-06-20"), daysLate: 10))
        #expect(agenda[2].problemRef == "p2" && agenda[2].projectRef == "b")
        #expect(agenda[4].reason == .milestoneDue(project: "E产业园", milestone: "竣工", due: d("2021-07-06"), daysUntilDue: 6, totalFloatDays: -3, critical: true))
        #expect(agenda[0].critical == false && agenda[4].critical)
    }

    @Test func addedItemsAndTiesFollowTheDocumentedOrder() {
        let added = AgendaItem(title: "安全生产", reason: .added(note: "汛期安全"))
        let coming = AgendaItem(title: "X · 开工", reason: .milestoneDue(project: "X", milestone: "开工", due: d("2021-07-01"), daysUntilDue: 1, totalFloatDays: nil, critical: false))
        let late = AgendaItem(title: "Y", reason: .overdueProblem(problem: "Y", project: nil, deadline: d("2021-06-29"), daysLate: 1))
        // Urgency: late 1 > added 0 > coming −1.
        #expect(Agenda.ordered([coming, added, late]).map(\.title) == ["Y", "安全生产", "X · 开工"])
    }
}
