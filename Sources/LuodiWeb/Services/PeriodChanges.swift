import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// What changed in a period against the previous period's snapshot (week over week): projects
/// that turned red, projects back to green, milestones met, problems closed.
public struct PeriodChanges: Content, Sendable, Equatable {
    public var period: String
    /// The previous period, whose snapshot the lights are compared with.
    public var previous: String
    public var newReds: [String]
    public var greensRegained: [String]
    /// Milestones finished in the period, by the snapshots' counts (the bulletin lists them).
    public var milestonesMet: Int?
    public var problemsClosed: [String]

    /// The lights now (`after`) against the previous snapshot: projects red now and not red
    /// then, green now and not green then. Projects new since the snapshot are left out.
    static func compare(before: [PeriodSnapshot], after: [(id: UUID, name: String, status: RAGStatus)]) -> (newReds: [String], greensRegained: [String]) {
        let was = Dictionary(before.map { ($0.projectID, $0.assessment.status) }, uniquingKeysWith: { a, _ in a })
        var reds: [String] = [], greens: [String] = []
        for p in after {
            guard let then = was[p.id] else { continue }
            if p.status == .red, then != .red { reds.append(p.name) }
            if p.status == .green, then != .green { greens.append(p.name) }
        }
        return (reds.sorted(), greens.sorted())
    }

    /// The changes of a closed period against the previous one, from their two snapshots; nil
    /// unless both are closed.
    static func closed(_ db: any Database, zone: StoredZone, period: ReportingPeriod) async throws -> PeriodChanges? {
        let reports = ReportRepository(db: db)
        let now = try await reports.snapshots(zoneID: zone.id, period: period.name)
        let before = try await reports.snapshots(zoneID: zone.id, period: period.previous.name)
        guard !now.isEmpty, !before.isEmpty else { return nil }
        let lights = compare(before: before, after: now.map { ($0.projectID, $0.projectName, $0.assessment.status) })
        let finishedBefore = Dictionary(before.map { ($0.projectID, $0.milestonesFinished) }, uniquingKeysWith: { a, _ in a })
        let met = now.reduce(0) { $0 + max(0, $1.milestonesFinished - (finishedBefore[$1.projectID] ?? $1.milestonesFinished)) }
        let closedProblems = try await ProblemRepository(db: db).closed(zoneID: zone.id, from: period.start, to: period.end).map(\.problem.problem.title)
        return PeriodChanges(period: period.name, previous: period.previous.name, newReds: lights.newReds, greensRegained: lights.greensRegained,
                             milestonesMet: met, problemsClosed: closedProblems)
    }

    /// The changes of the latest closed period that ended by `asOf`, for the overview; nil when
    /// the zone has not closed two periods in a row.
    static func latest(_ db: any Database, zone: StoredZone, asOf: CalendarDate) async throws -> PeriodChanges? {
        let periods = try await ReportRepository(db: db).closedPeriods(zoneID: zone.id).compactMap { try? ReportingPeriod(name: $0.name) }
        guard let last = periods.filter({ $0.end <= asOf }).max() else { return nil }
        return try await closed(db, zone: zone, period: last)
    }
}
