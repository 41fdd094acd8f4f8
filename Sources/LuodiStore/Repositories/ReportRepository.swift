import Fluent
import Foundation
import LuodiCore

/// A stored progress report with its project's name.
public struct StoredReport: Sendable, Hashable {
    public let id: UUID
    public let version: Int
    public let projectID: UUID
    public let projectName: String
    public let period: ReportingPeriod
    public let report: ProgressReport
}

/// What a report said before an edit, and who changed it, when and why.
public struct ReportRevision: Sendable, Hashable, Codable {
    public let on: CalendarDate
    public let by: String
    public let reason: String?
    /// Made after the period was closed (更正).
    public let correction: Bool
    public let previous: ProgressReport
}

/// A photo attached to a report.
public struct ReportAttachment: Sendable, Hashable, Codable {
    public let id: UUID
    public let reportID: UUID
    public let fileName: String
    public let contentType: String
    /// Bytes.
    public let size: Int64
    public let sha256: String
    public let addedOn: CalendarDate
    public let addedBy: String
    public init(id: UUID, reportID: UUID, fileName: String, contentType: String, size: Int64, sha256: String, addedOn: CalendarDate, addedBy: String) {
        self.id = id
        self.reportID = reportID
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.addedOn = addedOn
        self.addedBy = addedBy
    }
}

/// A closed period: who closed it and when.
public struct ClosedPeriod: Sendable, Hashable, Codable {
    public let name: String
    public let closedOn: CalendarDate
    public let closedBy: String
}

/// A project's status frozen at a period's close.
public struct PeriodSnapshot: Sendable, Hashable, Codable {
    public let projectID: UUID
    public let projectName: String
    public let assessment: RAGAssessment
    public let completedInvestment: Money?
    /// Milestones with an actual finish at the close.
    public let milestonesFinished: Int
    public init(projectID: UUID, projectName: String, assessment: RAGAssessment, completedInvestment: Money?, milestonesFinished: Int) {
        self.projectID = projectID
        self.projectName = projectName
        self.assessment = assessment
        self.completedInvestment = completedInvestment
        self.milestonesFinished = milestonesFinished
    }
}

/// Why the store refuses a report or a period change.
public enum ReportStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noCycle(zone: String)
    case wrongCycle(period: String, cycle: ReportingCycle)
    case alreadyReported(period: String, project: String, version: Int)
    case periodClosed(String)
    case closedToNewReports(String)
    case alreadyClosed(String)
    case notBegun(String, start: CalendarDate)
    case tooManyAttachments(Int)
    case closedToPhotos(String)
    case closedToFigures(String)

    public var description: String {
        switch self {
        case let .noCycle(zone): return "zone: \(zone) has no reporting cycle yet; set one (luodi report cycle weekly|halfMonthly|monthly --zone \(zone))"
        case let .wrongCycle(period, cycle): return "period: '\(period)' is not a period of the zone's \(cycle.rawValue) cycle"
        case let .alreadyReported(period, project, version): return "version: \(project) already has a report for \(period) (version \(version)); edit that report instead"
        case let .periodClosed(p): return "reason: period \(p) is closed; a change to its reports is a correction and needs a reason"
        case let .alreadyClosed(p): return "period: \(p) is already closed"
        case let .closedToNewReports(p): return "period: \(p) is closed and takes no new reports; report in the current period"
        case let .notBegun(p, start): return "period: \(p) has not begun (it starts \(start))"
        case let .tooManyAttachments(n): return "file: a report holds at most \(n) photos"
        case let .closedToPhotos(p): return "file: period \(p) is closed; its reports take no more photos"
        case let .closedToFigures(p): return "period: \(p) is closed; its figures can no longer change"
        }
    }
}

/// Reporting cycles, progress reports, closed periods and their snapshots.
public struct ReportRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Sets how often the zone reports. Existing reports keep their periods.
    public func setCycle(zoneID: UUID, _ cycle: ReportingCycle, actor: String? = nil) async throws {
        try await db.writeTransaction { tx in
            guard let zone = try await ZoneRecord.find(zoneID, on: tx) else { throw StoreError.notFound("zone \(zoneID)") }
            let old = zone.reportingCycle
            zone.reportingCycle = cycle.rawValue
            try await zone.update(on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "zone", entityID: zoneID.uuidString, action: "reportingCycle",
                                     actor: actor, old: old, new: cycle.rawValue)
        }
    }

    /// Files a new report (`expectedVersion` nil) or edits one at `expectedVersion`, keeping the
    /// replaced content as a revision. The report's milestone actual dates are written to the
    /// project's milestones and its enrolment date to the project, in the same transaction.
    /// - Parameter reason: why the report changes; required when its period is closed.
    /// - Returns: the report's id and new version.
    /// - Throws: `ReportStoreError` (no cycle, wrong cycle, already reported, closed period),
    ///   `ProgressReportError` from the report's checks, `StoreError.notFound` or `.conflict`.
    public func save(_ report: ProgressReport, projectID: UUID, zone: StoredZone, expectedVersion: Int?,
                     by: String, on day: CalendarDate, reason: String?) async throws -> (id: UUID, version: Int) {
        guard let cycle = zone.zone.reportingCycle else { throw ReportStoreError.noCycle(zone: zone.zone.name) }
        let period = try ReportingPeriod(name: report.period)
        guard period.cycle == cycle else { throw ReportStoreError.wrongCycle(period: period.name, cycle: cycle) }
        return try await db.writeTransaction { tx in
            guard let project = try await ProjectRecord.find(projectID, on: tx), project.zoneID == zone.id, project.deletedAt == nil else {
                throw StoreError.notFound("project \(projectID) in zone \(zone.zone.name)")
            }
            let milestones = try await MilestoneRecord.query(on: tx).filter(\.$projectID == projectID).all()
            try report.validate(period: period, milestones: milestones.map(\.name), currency: zone.zone.currency)
            let closed = try await ReportingPeriodRecord.query(on: tx).filter(\.$zoneID == zone.id).filter(\.$name == period.name).first() != nil
            let existing = try await ProgressReportRecord.query(on: tx).filter(\.$projectID == projectID).filter(\.$period == period.name).first()
            let record: ProgressReportRecord
            if let existing {
                guard let expectedVersion else {
                    throw ReportStoreError.alreadyReported(period: period.name, project: project.name, version: existing.version)
                }
                guard existing.version == expectedVersion else {
                    throw StoreError.conflict("the \(period.name) report of '\(project.name)'", expected: expectedVersion, current: existing.version)
                }
                let reason = reason?.trimmingWhitespace()
                if closed, reason?.isEmpty ?? true { throw ReportStoreError.periodClosed(period.name) }
                let previous = try existing.domain(currency: zone.zone.currency)
                try await AuditLog.write(on: tx, zoneID: zone.id, projectID: projectID, entity: "report", entityID: existing.id!.uuidString,
                                         action: closed ? "correct" : "edit", actor: by, old: previous, new: report)
                let count = try await ReportRevisionRecord.query(on: tx).filter(\.$reportID == existing.id!).count()
                let revision = ReportRevisionRecord()
                revision.reportID = existing.id!
                revision.sequence = count + 1
                revision.on = day.iso
                revision.by = by
                revision.reason = reason.flatMap { $0.isEmpty ? nil : $0 }
                revision.correction = closed
                revision.previous = try StoreJSON.encode(previous)
                try await revision.create(on: tx)
                record = existing
                record.version += 1
            } else {
                guard expectedVersion == nil else { throw StoreError.notFound("a \(period.name) report of '\(project.name)' to edit") }
                if closed { throw ReportStoreError.closedToNewReports(period.name) }
                record = ProgressReportRecord()
                record.id = UUID()
                record.zoneID = zone.id
                record.projectID = projectID
                record.version = 1
                try await AuditLog.write(on: tx, zoneID: zone.id, projectID: projectID, entity: "report", entityID: record.id!.uuidString,
                                         action: "file", actor: by, old: Nothing?.none, new: report)
            }
            try record.assign(report, period: period)
            try await record.save(on: tx)
            var projectChanged = false
            for actual in report.milestoneActuals {
                guard let m = milestones.first(where: { $0.name == actual.milestone }) else { continue }
                if let s = actual.actualStart { m.actualStart = s.iso }
                if let f = actual.actualFinish { m.actualFinish = f.iso }
                if m.hasChanges { try await m.update(on: tx); projectChanged = true }
            }
            if let enrolled = report.statisticalEnrollment, project.statisticalEnrollment != enrolled.iso {
                project.statisticalEnrollment = enrolled.iso
                projectChanged = true
            }
            if projectChanged {
                project.version += 1
                try await project.update(on: tx)
            }
            return (record.id!, record.version)
        }
    }

    /// Files many new reports in one transaction (a campaign's history, an import): each is
    /// checked as `save` checks it, none may exist yet, and none may fall in a closed period.
    /// Milestone actual dates and enrolment dates are not written back (the reports are taken to
    /// record what the milestones already say).
    /// - Throws: `ReportStoreError` or `ProgressReportError` for the first bad report; nothing is written then.
    public func fileAll(_ items: [(projectID: UUID, report: ProgressReport)], zone: StoredZone) async throws {
        guard let cycle = zone.zone.reportingCycle else { throw ReportStoreError.noCycle(zone: zone.zone.name) }
        try await db.writeTransaction { tx in
            let projects = Dictionary(uniqueKeysWithValues: try await ProjectRecord.query(on: tx).filter(\.$zoneID == zone.id).all().map { ($0.id!, $0) })
            let ids = Array(projects.keys)
            let milestones = ids.isEmpty ? [:] : Dictionary(grouping: try await MilestoneRecord.query(on: tx).filter(\.$projectID ~~ ids).all(), by: \.projectID)
            let closed = Set(try await ReportingPeriodRecord.query(on: tx).filter(\.$zoneID == zone.id).all().map(\.name))
            let existing = Set(try await ProgressReportRecord.query(on: tx).filter(\.$zoneID == zone.id).all().map { "\($0.projectID) \($0.period)" })
            var records: [ProgressReportRecord] = []
            for item in items {
                guard let project = projects[item.projectID] else { throw StoreError.notFound("project \(item.projectID) in zone \(zone.zone.name)") }
                let period = try ReportingPeriod(name: item.report.period)
                guard period.cycle == cycle else { throw ReportStoreError.wrongCycle(period: period.name, cycle: cycle) }
                guard !closed.contains(period.name) else { throw ReportStoreError.closedToNewReports(period.name) }
                guard !existing.contains("\(item.projectID) \(period.name)") else {
                    throw ReportStoreError.alreadyReported(period: period.name, project: project.name, version: 1)
                }
                try item.report.validate(period: period, milestones: (milestones[item.projectID] ?? []).map(\.name), currency: zone.zone.currency)
                let r = ProgressReportRecord()
                r.id = UUID()
                r.zoneID = zone.id
                r.projectID = item.projectID
                r.version = 1
                try r.assign(item.report, period: period)
                records.append(r)
            }
            for chunk in records.chunked(500) { try await Array(chunk).create(on: tx) }
            try await AuditLog.write(on: tx, zoneID: zone.id, entity: "reports", entityID: zone.id.uuidString, action: "fileAll", actor: nil,
                                     old: Nothing?.none, new: ["reports": records.count])
        }
    }

    /// Closes a period of the zone's cycle and stores every project's status as it stands.
    /// - Throws: `ReportStoreError` when the period is of another cycle, has not begun by `day`, or is closed already.
    public func close(period: ReportingPeriod, zone: StoredZone, by: String, on day: CalendarDate, snapshots: [PeriodSnapshot]) async throws {
        guard let cycle = zone.zone.reportingCycle else { throw ReportStoreError.noCycle(zone: zone.zone.name) }
        guard period.cycle == cycle else { throw ReportStoreError.wrongCycle(period: period.name, cycle: cycle) }
        guard period.start <= day else { throw ReportStoreError.notBegun(period.name, start: period.start) }
        try await db.writeTransaction { tx in
            if try await ReportingPeriodRecord.query(on: tx).filter(\.$zoneID == zone.id).filter(\.$name == period.name).first() != nil {
                throw ReportStoreError.alreadyClosed(period.name)
            }
            let record = ReportingPeriodRecord()
            record.zoneID = zone.id
            record.name = period.name
            record.closedOn = day.iso
            record.closedBy = by
            try await record.create(on: tx)
            try await AuditLog.write(on: tx, zoneID: zone.id, entity: "period", entityID: period.name, action: "close", actor: by,
                                     old: Nothing?.none, new: ["period": period.name, "closedOn": day.iso, "snapshots": String(snapshots.count)])
            for s in snapshots {
                let r = PeriodSnapshotRecord()
                r.zoneID = zone.id
                r.period = period.name
                r.projectID = s.projectID
                r.projectName = s.projectName
                r.assessment = try StoreJSON.encode(s.assessment)
                r.completedInvestmentMinor = s.completedInvestment?.minorUnits
                r.milestonesFinished = s.milestonesFinished
                try await r.create(on: tx)
            }
        }
    }

    /// The zone's closed periods, latest first.
    public func closedPeriods(zoneID: UUID) async throws -> [ClosedPeriod] {
        try await ReportingPeriodRecord.query(on: db).filter(\.$zoneID == zoneID).all().map { r in
            do {
                return (try ReportingPeriod(name: r.name), ClosedPeriod(name: r.name, closedOn: try CalendarDate(iso: r.closedOn), closedBy: r.closedBy))
            } catch {
                throw StoreError.corrupt("closed period '\(r.name)': \(error)")
            }
        }.sorted { $0.0 > $1.0 }.map(\.1)
    }

    /// Each project's light at the latest period closed whose figures day (`ReportingPeriod.figuresDay`)
    /// is before `asOf`: "the light at the last closed assessment" of the rule that a red project
    /// returns to green only through amber. Empty when no such period was closed.
    public func previousLights(zoneID: UUID, before asOf: CalendarDate) async throws -> [UUID: RAGStatus] {
        let periods = try await closedPeriods(zoneID: zoneID).compactMap { try? ReportingPeriod(name: $0.name) }
        guard let last = periods.filter({ $0.figuresDay(today: asOf) < asOf }).max() else { return [:] }
        return Dictionary(try await snapshots(zoneID: zoneID, period: last.name).map { ($0.projectID, $0.assessment.status) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// The snapshots taken when `period` closed, by project name; empty when it is open.
    public func snapshots(zoneID: UUID, period: String) async throws -> [PeriodSnapshot] {
        let currency = try CurrencyCode(try await ZoneRecord.find(zoneID, on: db)?.currency ?? "CNY")
        return try await PeriodSnapshotRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$period == period).all().map { r in
            do {
                return PeriodSnapshot(projectID: r.projectID, projectName: r.projectName,
                                      assessment: try JSONDecoder().decode(RAGAssessment.self, from: Data(r.assessment.utf8)),
                                      completedInvestment: r.completedInvestmentMinor.map { Money(minorUnits: $0, currency: currency) },
                                      milestonesFinished: r.milestonesFinished)
            } catch {
                throw StoreError.corrupt("snapshot of \(r.projectName) in \(period): \(error)")
            }
        }.sorted { $0.projectName < $1.projectName }
    }

    /// Reports of the zone, optionally of one period or one project, by period then project name;
    /// a deleted project's reports are kept but not listed.
    public func reports(zoneID: UUID, period: String? = nil, projectID: UUID? = nil) async throws -> [StoredReport] {
        var query = ProgressReportRecord.query(on: db).filter(\.$zoneID == zoneID)
        if let period { query = query.filter(\.$period == period) }
        if let projectID { query = query.filter(\.$projectID == projectID) }
        let deleted = Set(try await ProjectRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$deletedAt != nil).all().compactMap(\.id))
        return try await stored(try await query.all().filter { !deleted.contains($0.projectID) }, zoneID: zoneID)
            .sorted { ($0.period.start, $0.projectName) < ($1.period.start, $1.projectName) }
    }

    /// One report with its revisions, oldest first; nil when there is none.
    public func report(_ id: UUID) async throws -> (report: StoredReport, zoneID: UUID, revisions: [ReportRevision])? {
        guard let record = try await ProgressReportRecord.find(id, on: db) else { return nil }
        let revisions = try await ReportRevisionRecord.query(on: db).filter(\.$reportID == id).sort(\.$sequence).all().map { r in
            do {
                return ReportRevision(on: try CalendarDate(iso: r.on), by: r.by, reason: r.reason, correction: r.correction,
                                      previous: try JSONDecoder().decode(ProgressReport.self, from: Data(r.previous.utf8)))
            } catch {
                throw StoreError.corrupt("revision \(r.sequence) of report \(id): \(error)")
            }
        }
        return (try await stored([record], zoneID: record.zoneID)[0], record.zoneID, revisions)
    }

    /// Records a photo of a report whose file is already in place, unless the report's period is
    /// closed or the report has `limit` photos already.
    /// - Throws: `StoreError.notFound`, `ReportStoreError.closedToPhotos`, `ReportStoreError.tooManyAttachments`.
    public func addAttachment(_ a: ReportAttachment, limit: Int) async throws {
        try await db.writeTransaction { tx in
            guard let report = try await ProgressReportRecord.find(a.reportID, on: tx) else { throw StoreError.notFound("report \(a.reportID)") }
            if try await ReportingPeriodRecord.query(on: tx).filter(\.$zoneID == report.zoneID).filter(\.$name == report.period).first() != nil {
                throw ReportStoreError.closedToPhotos(report.period)
            }
            let count = try await ReportAttachmentRecord.query(on: tx).filter(\.$reportID == a.reportID).count()
            guard count < limit else { throw ReportStoreError.tooManyAttachments(limit) }
            let r = ReportAttachmentRecord()
            r.id = a.id
            r.sequence = count + 1
            r.reportID = a.reportID
            r.fileName = a.fileName
            r.contentType = a.contentType
            r.size = a.size
            r.sha256 = a.sha256
            r.addedOn = a.addedOn.iso
            r.addedBy = a.addedBy
            try await r.create(on: tx)
            try await AuditLog.write(on: tx, zoneID: report.zoneID, projectID: report.projectID, entity: "photo", entityID: a.id.uuidString,
                                     action: "add", actor: a.addedBy, old: Nothing?.none, new: a)
        }
    }

    /// A report's photos, in the order they were added.
    public func attachments(reportID: UUID) async throws -> [ReportAttachment] {
        try await ReportAttachmentRecord.query(on: db).filter(\.$reportID == reportID).sort(\.$sequence).all().map(Self.attachment)
    }

    public func attachment(_ id: UUID) async throws -> ReportAttachment? {
        try await ReportAttachmentRecord.find(id, on: db).map(Self.attachment)
    }

    private static func attachment(_ r: ReportAttachmentRecord) throws -> ReportAttachment {
        do {
            return ReportAttachment(id: r.id!, reportID: r.reportID, fileName: r.fileName, contentType: r.contentType, size: r.size,
                                    sha256: r.sha256, addedOn: try CalendarDate(iso: r.addedOn), addedBy: r.addedBy)
        } catch {
            throw StoreError.corrupt("attachment \(r.fileName): \(error)")
        }
    }

    /// Each project's reported periods and amounts, for the derived figures and freshness.
    public func reportedFigures(zoneID: UUID) async throws -> [UUID: [(period: ReportingPeriod, investment: Money?)]] {
        let zone = try await ZoneRecord.find(zoneID, on: db)
        let currency = try CurrencyCode(zone?.currency ?? "CNY")
        let rows = try await ProgressReportRecord.query(on: db).filter(\.$zoneID == zoneID)
            .field(\.$projectID).field(\.$period).field(\.$investmentMinor).all()
        var out: [UUID: [(period: ReportingPeriod, investment: Money?)]] = [:]
        for r in rows {
            let p: ReportingPeriod
            do { p = try ReportingPeriod(name: r.period) } catch { throw StoreError.corrupt("progress report period '\(r.period)': \(error)") }
            out[r.projectID, default: []].append((p, r.investmentMinor.map { Money(minorUnits: $0, currency: currency) }))
        }
        return out
    }

    private func stored(_ records: [ProgressReportRecord], zoneID: UUID) async throws -> [StoredReport] {
        guard let zone = try await ZoneRecord.find(zoneID, on: db) else { return [] }
        let currency = try CurrencyCode(zone.currency)
        let ids = Array(Set(records.map(\.projectID)))
        let names = ids.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await ProjectRecord.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) })
        return try records.map { r in
            let period: ReportingPeriod
            do { period = try ReportingPeriod(name: r.period) } catch { throw StoreError.corrupt("progress report period '\(r.period)': \(error)") }
            return StoredReport(id: r.id!, version: r.version, projectID: r.projectID, projectName: names[r.projectID] ?? "?",
                                period: period, report: try r.domain(currency: currency))
        }
    }
}
