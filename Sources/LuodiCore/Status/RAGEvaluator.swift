extension RAGRuleSet {
    /// The light of one project at `asOf`, with every reason.
    ///
    /// - Parameters:
    ///   - plan: the project and its milestones.
    ///   - asOf: the as-of date; a date "has passed" when it is strictly before `asOf`.
    ///   - convention: how the time-elapsed share is counted for the investment rule.
    ///   - previous: the light at the last closed assessment, for `redReturnsThroughAmber`.
    ///   - calendar: the zone's working days, for the milestone network.
    ///   - supervision: the open supervision orders on the project's problems; an overdue one is red.
    public func assess(
        _ plan: ProjectPlan, asOf: CalendarDate, convention: TimeElapsedConvention = .days,
        previous: RAGStatus? = nil, calendar: WorkingDayCalendar = .chinaShared, supervision: [SupervisionDue] = []
    ) -> RAGAssessment {
        var reasons: [RAGReason] = []
        let project = plan.project

        if milestoneOverdue != nil {
            if let start = project.plannedStart, start < asOf, project.actualStart == nil,
               (project.stage ?? .preparing) < .underConstruction {
                reasons.append(.startOverdue(due: start, daysLate: start.days(until: asOf),
                                             monthsLate: start.wholeMonths(until: asOf)))
            }
            for m in plan.milestones where m.isOverdue(asOf: asOf) {
                let due = m.plannedFinish!
                reasons.append(.milestoneOverdue(milestone: m.name, due: due, daysLate: due.days(until: asOf),
                                                 monthsLate: due.wholeMonths(until: asOf)))
            }
        }
        if let rule = investmentLag, let plannedMoney = project.annualPlannedInvestment,
           let done = project.completedInvestment, let rate = done.ratio(to: plannedMoney) {
            let share = TimeElapsedShare(asOf: asOf, convention: convention).percent
            let behind = share - rate * 100
            if behind >= rule.amberFromPoints {
                reasons.append(.investmentBehind(completionPercent: rate * 100, sharePercent: share, pointsBehind: behind))
            }
        }
        if let rule = statisticalEnrollment, let started = project.actualStart, started <= asOf,
           project.statisticalEnrollment.map({ $0 > asOf }) ?? true {
            let months = started.wholeMonths(until: asOf)
            if months >= rule.amberAfterMonths {
                reasons.append(.notEnrolled(started: started, monthsSinceStart: months))
            }
        }

        if criticalPath != nil, !plan.links.isEmpty,
           let schedule = try? MilestoneNetwork.schedule(plan, asOf: asOf, calendar: calendar),
           let worst = schedule.filter({ s in s.critical && s.totalFloatDays < 0 && plan.milestones.first { $0.name == s.name }?.actualFinish == nil })
               .min(by: { $0.totalFloatDays < $1.totalFloatDays }) {
            reasons.append(.criticalMilestoneLate(milestone: worst.name, daysBehind: -worst.totalFloatDays))
        }

        for order in supervision where order.deadline < asOf {
            reasons.append(.supervisionOverdue(problem: order.problem, deadline: order.deadline, daysLate: order.deadline.days(until: asOf)))
        }

        var findings = reasons.map { RAGAssessment.Finding(status: $0.status(under: self), reason: $0) }
        var status = findings.map(\.status).max() ?? .green
        if redReturnsThroughAmber, previous == .red, status == .green {
            findings.append(.init(status: .amber, reason: .recoveringFromRed))
            status = .amber
        }
        // Worst first, then the most days late, so the first reason is the one to read.
        findings.sort { a, b in
            if a.status != b.status { return a.status > b.status }
            return a.reason.urgency > b.reason.urgency
        }
        return RAGAssessment(status: status, reasons: findings)
    }
}

extension RAGReason {
    /// A number that orders reasons of one light: days late, or points behind (higher is worse).
    public var urgency: Double {
        switch self {
        case let .milestoneOverdue(_, _, days, _), let .startOverdue(_, days, _): return Double(days)
        case let .investmentBehind(_, _, points): return points
        case let .notEnrolled(_, months): return Double(months * 30)
        case let .criticalMilestoneLate(_, days): return Double(days)
        case let .supervisionOverdue(_, _, days): return Double(days)
        case .recoveringFromRed: return 0
        }
    }
}
