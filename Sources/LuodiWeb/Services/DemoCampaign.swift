import Fluent
import Foundation
import LuodiCore
import LuodiStore

/// A demonstration landing campaign on the NYC School Construction Authority sample zone,
/// built from the file's real dates and amounts so that every dispatch page has believable
/// content. Reproducible: the same sample and seed give the same campaign.
///
/// - Weekly reports for every week of 2021 (2021-W01 … 2021-W52): each phase's actual spending
///   is spread evenly, by calendar day, from its actual start to its actual end (or, while it
///   runs, its planned end); a project reports in a week when it spent money in it or a phase
///   started or finished in it, and its report gives those actual dates.
/// - Targets for 2021 per district on two derived metrics (projects started, investment
///   completed in 万 US$): the district's real 2021 outcome times a factor drawn from 0.8–1.25
///   (made up, so that some districts are ahead and some behind).
/// - Problems: phases that passed their planned end in 2021 and finished more than two weeks
///   late or not at all, 15 drawn with the seed; each is raised a week after the planned end
///   with a 30-day deadline, assigned the next day, and resolved and closed when the phase
///   actually finished in 2021, or else (every other one) escalated to the district with a
///   21-day order.
/// - Weeks 2021-W49 to 2021-W52 closed (snapshots), and a dispatch meeting on 2021-12-29.
public enum DemoCampaign {
    public static let year = 2021
    public static let seed: UInt64 = 2021
    public static let zoneName = "NYC School Construction Authority"

    /// What was built.
    public struct Outcome: Sendable, Equatable {
        public var reports: Int
        public var reportingProjects: Int
        public var targets: Int
        public var problems: Int
        public var closedPeriods: [String]
        public var meetingItems: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case noSampleZone
        case alreadyBuilt
        public var description: String {
            switch self {
            case .noSampleZone: return "zone '\(DemoCampaign.zoneName)' is missing: start `luodi serve` once on this database (it loads the samples), or import the NYC sample with --profile nyc-sca"
            case .alreadyBuilt: return "the demonstration campaign is already in this database (the zone has progress reports)"
            }
        }
    }

    /// Builds the campaign into the database.
    /// - Throws: `Failure` when the sample zone is missing or already has reports; store errors.
    public static func build(on db: any Database) async throws -> Outcome {
        let portfolio = FluentPortfolioRepository(db: db)
        guard let found = try await portfolio.zone(named: zoneName) else { throw Failure.noSampleZone }
        let reports = ReportRepository(db: db)
        guard try await reports.reports(zoneID: found.id).isEmpty else { throw Failure.alreadyBuilt }
        try await reports.setCycle(zoneID: found.id, .weekly)
        guard let zone = try await portfolio.zone(id: found.id) else { throw Failure.noSampleZone }
        let projects = try await portfolio.projects(zoneID: zone.id)
        var rng = SplitMix64(seed: seed)

        let items = weeklyReports(projects)
        try await reports.fileAll(items, zone: zone)

        let formula = try RankingFormula(metrics: [
            TargetMetric(key: "projectsStarted", name: "新开工项目", unit: "个", direction: .higherIsBetter, workLine: .projects, weight: 40, source: .projectsStarted),
            TargetMetric(key: "investmentCompleted", name: "完成投资", unit: "万美元", direction: .higherIsBetter, workLine: .projects, weight: 60,
                         source: .investmentCompleted),
        ])
        let targetsRepo = TargetRepository(db: db)
        try await targetsRepo.setFormula(zoneID: zone.id, formula)
        let yearEnd = try CalendarDate(year: year, month: 12, day: 31)
        let assessed = try await PortfolioService.on(db).assess(zone, asOf: yearEnd)
        let outcome = try RankingReport.actuals(formula: formula, reported: [], projects: assessed.projects, asOf: yearEnd)
        var targets: [(department: String, metricKey: String, annualTarget: Double?)] = []
        for department in outcome.keys.sorted() {
            for metric in formula.metrics {
                let actual = outcome[department]?[metric.key] ?? 0
                let factor = 0.8 + 0.45 * rng.nextUnit()
                targets.append((department, metric.key, max(1, (actual * factor).rounded())))
            }
        }
        try await targetsRepo.setTargets(zoneID: zone.id, year: year, targets)

        let problems = try await raiseProblems(projects, zone: zone, db: db, rng: &rng)

        var closed: [String] = []
        for week in 49...52 {
            let name = "\(year)-W\(week)"
            try await ReportForms.close(db, zone: zone, period: name, by: "SCA 项目办", on: try ReportingPeriod(name: name).end.adding(days: 1))
            closed.append(name)
        }
        let meeting = try await MeetingForms.create(db, zone: zone, title: "\(year) 年第 52 周调度会",
                                                    heldOn: try CalendarDate(year: year, month: 12, day: 29),
                                                    nextMeeting: try CalendarDate(year: year + 1, month: 1, day: 5))
        let items2 = try await MeetingRepository(db: db).meeting(meeting)?.agenda.count ?? 0
        return Outcome(reports: items.count, reportingProjects: Set(items.map(\.projectID)).count, targets: targets.count,
                       problems: problems, closedPeriods: closed, meetingItems: items2)
    }

    /// The weekly reports of `year` for every project that spent money or started or finished a phase.
    static func weeklyReports(_ projects: [StoredProject]) -> [(projectID: UUID, report: ProgressReport)] {
        var out: [(projectID: UUID, report: ProgressReport)] = []
        var week = ReportingPeriod(containing: try! CalendarDate(year: year, month: 1, day: 4), cycle: .weekly)
        while week.year == year {
            for p in projects {
                var minor: Int64 = 0, actuals: [MilestoneActual] = [], running: [String] = [], notes: [String] = []
                for m in p.plan.milestones {
                    guard let start = m.actualStart else { continue }
                    if let spent = m.spent?.minorUnits, spent > 0, let end = m.actualFinish ?? m.plannedFinish, end >= start {
                        // Cumulative share at the end of each week, so the weekly parts add up to the phase's spending exactly.
                        let days = Int64(start.days(until: end) + 1)
                        func share(through day: CalendarDate) -> Int64 {
                            let elapsed = Int64(min(max(start.days(until: day) + 1, 0), Int(days)))
                            return spent * elapsed / days
                        }
                        let part = share(through: week.end) - share(through: week.start.adding(days: -1))
                        if part > 0 { minor += part; running.append(m.name) }
                    }
                    var actual = MilestoneActual(milestone: m.name)
                    if week.contains(start) { actual.actualStart = start; notes.append("\(m.name) started \(start.iso)") }
                    if let f = m.actualFinish, week.contains(f) { actual.actualFinish = f; notes.append("\(m.name) finished \(f.iso)") }
                    if actual.actualStart != nil || actual.actualFinish != nil { actuals.append(actual) }
                }
                guard minor > 0 || !actuals.isEmpty else { continue }
                let narrative = ((running.isEmpty ? [] : ["\(running.joined(separator: ", ")) in progress"]) + notes).joined(separator: "; ")
                out.append((p.id, ProgressReport(
                    period: week.name, investmentInPeriod: Money(minorUnits: minor, currency: .usd), milestoneActuals: actuals,
                    narrative: narrative, reportedBy: "\(p.plan.project.department ?? "SCA") office", reportedOn: week.end.adding(days: 1))))
            }
            week = week.next
        }
        return out
    }

    /// Raises, follows up and closes or escalates 15 problems on phases late in `year`.
    static func raiseProblems(_ projects: [StoredProject], zone: StoredZone, db: any Database, rng: inout SplitMix64) async throws -> Int {
        let first = try CalendarDate(year: year, month: 1, day: 1), cutoff = try CalendarDate(year: year, month: 11, day: 30)
        let yearEnd = try CalendarDate(year: year, month: 12, day: 31)
        var candidates: [(project: StoredProject, milestone: Milestone, due: CalendarDate)] = []
        for p in projects {
            for m in p.plan.milestones {
                guard let due = m.plannedFinish, due >= first, due <= cutoff, m.actualStart != nil else { continue }
                if let f = m.actualFinish, f <= due.adding(days: 14) { continue }
                candidates.append((p, m, due))
            }
        }
        var chosen: [(project: StoredProject, milestone: Milestone, due: CalendarDate)] = []
        while chosen.count < 15, !candidates.isEmpty {
            chosen.append(candidates.remove(at: Int(rng.next() % UInt64(candidates.count))))
        }
        let repo = ProblemRepository(db: db)
        for (i, c) in chosen.enumerated() {
            let raised = c.due.adding(days: 7), owner = c.project.plan.project.department ?? "SCA"
            let problem = Problem(title: "\(c.milestone.name) 阶段逾期(计划 \(c.due.iso) 完成)",
                                  description: "\(c.project.plan.project.name):\(c.milestone.name) 阶段计划 \(c.due.iso) 完成,逾期未完成。",
                                  raisedBy: "SCA 项目办", raisedOn: raised, ownerDepartment: owner, deadline: raised.adding(days: 30))
            let id = try await repo.raise(problem, zoneID: zone.id, projectID: c.project.id)
            var version = 1
            _ = try await repo.act(id, expectedVersion: version, action: .assign, by: "SCA 项目办", on: raised.adding(days: 1), note: nil, order: nil)
            version += 1
            if let f = c.milestone.actualFinish, f <= yearEnd.adding(days: -1), f > raised.adding(days: 1) {
                _ = try await repo.act(id, expectedVersion: version, action: .resolve, by: owner, on: f, note: nil, order: nil)
                _ = try await repo.act(id, expectedVersion: version + 1, action: .close, by: "SCA 项目办", on: f.adding(days: 1),
                                       note: "阶段已于 \(f.iso) 完成", order: nil)
            } else if i % 2 == 0 {
                let on = problem.deadline.adding(days: 3)
                guard on <= yearEnd else { continue }
                _ = try await repo.act(id, expectedVersion: version, action: .escalate, by: "SCA 项目办", on: on, note: nil,
                                       order: SupervisionOrder(level: .district, issuedOn: on, deadline: on.adding(days: 21),
                                                               rectificationPlan: "区里每周调度,明确完成日期"))
            }
        }
        return chosen.count
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// a seeded generator, so the demonstration campaign is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
