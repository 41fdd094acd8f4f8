import Fluent
import Foundation
import LuodiCore

/// A department's figure on a reported metric for one period.
public struct TargetActual: Sendable, Hashable, Codable {
    public let department: String
    public let metricKey: String
    public let period: String
    /// In the metric's unit, for the period alone.
    public let value: Double
    public let reportedBy: String
    public let reportedOn: CalendarDate
}

/// A zone's ranking formula, departments' annual targets and reported actuals.
public struct TargetRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// The zone's formula; the standard one until the zone sets its own.
    /// - Throws: `StoreError.corrupt` when the stored formula cannot be read.
    public func formula(zoneID: UUID) async throws -> RankingFormula {
        guard let zone = try await ZoneRecord.find(zoneID, on: db) else { throw StoreError.notFound("zone \(zoneID)") }
        guard let text = zone.rankingFormula else { return .standard }
        return try StoreJSON.decode(RankingFormula.self, text, what: "zone \(zone.name): ranking_formula")
    }

    /// Replaces the zone's formula.
    public func setFormula(zoneID: UUID, _ formula: RankingFormula, actor: String? = nil) async throws {
        let old = try await self.formula(zoneID: zoneID)
        try await db.writeTransaction { tx in
            guard let zone = try await ZoneRecord.find(zoneID, on: tx) else { throw StoreError.notFound("zone \(zoneID)") }
            zone.rankingFormula = try StoreJSON.encode(formula)
            try await zone.update(on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "formula", entityID: zoneID.uuidString, action: "set", actor: actor, old: old, new: formula)
        }
    }

    /// Every target of the zone, all years: which metrics are in use.
    public func targetsInUse(zoneID: UUID) async throws -> [(department: String, metricKey: String, year: Int)] {
        try await DepartmentTargetRecord.query(on: db).filter(\.$zoneID == zoneID).all()
            .map { ($0.department, $0.metricKey, $0.year) }.sorted { ($0.year, $0.department, $0.metricKey) < ($1.year, $1.department, $1.metricKey) }
    }

    /// The year's targets, by department then metric key.
    public func targets(zoneID: UUID, year: Int) async throws -> [DepartmentTarget] {
        try await DepartmentTargetRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$year == year).all().map {
            do { return try DepartmentTarget(department: $0.department, metricKey: $0.metricKey, annualTarget: $0.annualTarget) } catch {
                throw StoreError.corrupt("target of \($0.department) on \($0.metricKey): \(error)")
            }
        }.sorted { ($0.department, $0.metricKey) < ($1.department, $1.metricKey) }
    }

    /// Sets (or, with nil, removes) targets of the year, all in one transaction.
    public func setTargets(zoneID: UUID, year: Int, _ changes: [(department: String, metricKey: String, annualTarget: Double?)], actor: String? = nil) async throws {
        try await db.writeTransaction { tx in try await Self.write(zoneID: zoneID, year: year, changes, actor: actor, on: tx) }
    }

    /// The target a department has on a metric in a year, if any.
    public func target(zoneID: UUID, year: Int, department: String, metricKey: String) async throws -> Double? {
        try await DepartmentTargetRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$year == year)
            .filter(\.$department == department).filter(\.$metricKey == metricKey).first()?.annualTarget
    }

    /// Sets targets inside the caller's transaction (a meeting's decision changes one with its own write).
    static func write(zoneID: UUID, year: Int, _ changes: [(department: String, metricKey: String, annualTarget: Double?)], actor: String?,
                      on tx: any Database) async throws {
        for c in changes {
            let existing = try await DepartmentTargetRecord.query(on: tx).filter(\.$zoneID == zoneID).filter(\.$year == year)
                .filter(\.$department == c.department).filter(\.$metricKey == c.metricKey).first()
            if existing?.annualTarget != c.annualTarget {
                try await AuditLog.write(on: tx, zoneID: zoneID, entity: "target", entityID: "\(year)/\(c.department)/\(c.metricKey)",
                                         action: c.annualTarget == nil ? "remove" : "set", actor: actor, old: existing?.annualTarget, new: c.annualTarget)
            }
            switch (existing, c.annualTarget) {
            case let (record?, value?): record.annualTarget = value; try await record.update(on: tx)
            case let (record?, nil): try await record.delete(on: tx)
            case let (nil, value?):
                let r = DepartmentTargetRecord()
                r.zoneID = zoneID
                r.year = year
                r.department = c.department
                r.metricKey = c.metricKey
                r.annualTarget = value
                try await r.create(on: tx)
            case (nil, nil): break
            }
        }
    }

    /// Records (or replaces) a department's figure for one period.
    /// - Throws: `ReportStoreError.closedToFigures` when the period is closed (checked in the write's transaction).
    public func record(zoneID: UUID, department: String, metricKey: String, period: ReportingPeriod, value: Double,
                       by: String, on day: CalendarDate) async throws {
        try await db.writeTransaction { tx in
            if try await ReportingPeriodRecord.query(on: tx).filter(\.$zoneID == zoneID).filter(\.$name == period.name).first() != nil {
                throw ReportStoreError.closedToFigures(period.name)
            }
            let found = try await TargetActualRecord.query(on: tx).filter(\.$zoneID == zoneID).filter(\.$department == department)
                .filter(\.$metricKey == metricKey).filter(\.$period == period.name).first()
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "actual", entityID: "\(period.name)/\(department)/\(metricKey)",
                                     action: "record", actor: by, old: found?.value, new: value)
            let r = found ?? TargetActualRecord()
            r.zoneID = zoneID
            r.department = department
            r.metricKey = metricKey
            r.period = period.name
            r.periodStart = period.start.iso
            r.value = value
            r.reportedBy = by
            r.reportedOn = day.iso
            try await r.save(on: tx)
        }
    }

    /// Every reported figure of the zone, by period start, department and metric.
    public func actuals(zoneID: UUID) async throws -> [TargetActual] {
        try await TargetActualRecord.query(on: db).filter(\.$zoneID == zoneID).all().map { r in
            do {
                return TargetActual(department: r.department, metricKey: r.metricKey, period: r.period, value: r.value,
                                    reportedBy: r.reportedBy, reportedOn: try CalendarDate(iso: r.reportedOn))
            } catch {
                throw StoreError.corrupt("actual of \(r.department) on \(r.metricKey) in \(r.period): \(error)")
            }
        }.sorted { ($0.period, $0.department, $0.metricKey) < ($1.period, $1.department, $1.metricKey) }
    }
}
