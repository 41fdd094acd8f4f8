import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// The department ranking (排名通报) of a zone at an as-of date, with the formula beside it and
/// every department's contributions, so anyone can recompute a score by hand.
/// The same value serves the page, `GET /api/v1/ranking` and `luodi report ranking`.
public struct RankingReport: Content, Sendable {
    public var zone: String
    public var asOf: CalendarDate
    /// The period the ranking closes, when asked for by period (its last day is `asOf`).
    public var period: String?
    public var timeElapsedShare: ShareFigure
    public var formula: RankingFormula
    /// The formula in words: `zh-Hans` and `en`.
    public var formulaText: [String: String]
    /// Best first; departments with a target in `asOf`'s year.
    public var departments: [DepartmentScore]

    /// - Parameter period: a period name; the ranking is then at its last day (or today, if it has not ended).
    /// - Throws: a 422 naming `period` for a bad name; `TargetError` for targets the formula does not know.
    /// - Parameter assessed: the zone's projects already assessed at the same date, when the caller has them.
    static func load(_ db: any Database, zone: StoredZone, asOf: CalendarDate?, period: String?,
                     assessed: [AssessedStoredProject]? = nil) async throws -> RankingReport {
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        var date = asOf ?? today
        if let period, !period.isEmpty { date = try ReportForms.period(period).figuresDay(today: today) }
        let targetsRepo = TargetRepository(db: db)
        let formula = try await targetsRepo.formula(zoneID: zone.id)
        let targets = try await targetsRepo.targets(zoneID: zone.id, year: date.year)
        let reported = try await targetsRepo.actuals(zoneID: zone.id)
        var projects: [AssessedStoredProject] = []
        if formula.metrics.contains(where: { $0.source != .reported }) {
            if let assessed { projects = assessed } else { projects = try await PortfolioService.on(db).assess(zone, asOf: date).projects }
        }
        let share = TimeElapsedShare(asOf: date, convention: zone.zone.timeElapsedConvention)
        var actuals = try Self.actuals(formula: formula, reported: reported, projects: projects, asOf: date)
        if formula.metrics.contains(where: \.source.isAttraction) {
            let repo = LeadRepository(db: db)
            Self.addAttraction(formula: formula, leads: try await repo.leads(zoneID: zone.id), talents: try await repo.talents(zoneID: zone.id),
                               currency: zone.zone.currency, asOf: date, into: &actuals)
        }
        let scores: [DepartmentScore]
        do { scores = try Ranking.rank(targets: targets, actuals: actuals, formula: formula, share: share) } catch let e as TargetError {
            throw Abort(.unprocessableEntity, reason: "targets: \(e)")
        }
        return RankingReport(zone: zone.zone.name, asOf: date, period: period.flatMap { $0.isEmpty ? nil : $0 }, timeElapsedShare: ShareFigure(share),
                             formula: formula, formulaText: ["zh-Hans": formula.formulaText(chinese: true), "en": formula.formulaText(chinese: false)],
                             departments: scores)
    }

    /// Department → metric key → figure since 1 January up to `asOf`: reported metrics sum the
    /// year's periods begun by `asOf`; `projectsStarted` counts the department's projects whose
    /// construction started in that span; `investmentCompleted` sums their completed investment
    /// in 万 (10⁴ major units). A department with no figure is absent (it counts as 0).
    static func actuals(formula: RankingFormula, reported: [TargetActual], projects: [AssessedStoredProject],
                        asOf: CalendarDate) throws -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        let reportedKeys = Set(formula.metrics.filter { $0.source == .reported }.map(\.key))
        for a in reported where reportedKeys.contains(a.metricKey) {
            let p: ReportingPeriod
            do { p = try ReportingPeriod(name: a.period) } catch { continue }
            guard p.year == asOf.year, p.start <= asOf else { continue }
            out[a.department, default: [:]][a.metricKey, default: 0] += a.value
        }
        for m in formula.metrics where m.source != .reported {
            for p in projects {
                guard let department = p.project.department else { continue }
                switch m.source {
                case .projectsStarted:
                    if let started = Self.started(p.plan), started.year == asOf.year, started <= asOf {
                        out[department, default: [:]][m.key, default: 0] += 1
                    }
                case .investmentCompleted:
                    if let money = p.project.completedInvestment { out[department, default: [:]][m.key, default: 0] += money.majorUnits / 10_000 }
                case .reported, .leadsSigned, .leadsSignedAmount, .capitalInPlaceUSD, .talentsIntroduced: break
                }
            }
        }
        return out
    }

    /// Adds the metrics taken from attraction records (see `MetricSource`): from 1 January of
    /// `asOf`'s year up to `asOf`, by the lead's owner department or the talents' department.
    static func addAttraction(formula: RankingFormula, leads: [StoredLead], talents: [(category: TalentCategory, department: String, on: CalendarDate, count: Int)],
                              currency: CurrencyCode, asOf: CalendarDate, into out: inout [String: [String: Double]]) {
        func inYear(_ d: CalendarDate) -> Bool { d.year == asOf.year && d <= asOf }
        for m in formula.metrics {
            switch m.source {
            case .leadsSigned:
                for l in leads where l.funnel.reached(.signed, by: asOf).map(inYear) == true {
                    out[l.lead.ownerDepartment, default: [:]][m.key, default: 0] += 1
                }
            case .leadsSignedAmount:
                for l in leads where l.funnel.reached(.signed, by: asOf).map(inYear) == true {
                    if let amount = l.lead.intendedInvestment, amount.currency == currency {
                        out[l.lead.ownerDepartment, default: [:]][m.key, default: 0] += amount.majorUnits / 10_000
                    }
                }
            case .capitalInPlaceUSD:
                for l in leads {
                    for c in l.capital where c.kind == .inPlace && c.amount.currency == .usd && inYear(c.on) {
                        out[l.lead.ownerDepartment, default: [:]][m.key, default: 0] += c.amount.majorUnits / 10_000
                    }
                }
            case .talentsIntroduced:
                for t in talents where inYear(t.on) { out[t.department, default: [:]][m.key, default: 0] += Double(t.count) }
            case .reported, .projectsStarted, .investmentCompleted: break
            }
        }
    }

    /// When construction started: the project's actual start, else its start milestone's actual date.
    static func started(_ plan: ProjectPlan) -> CalendarDate? {
        if let s = plan.project.actualStart { return s }
        let m = plan.milestones.first { $0.kind == .start }
        return m?.actualFinish ?? m?.actualStart
    }
}
