import Fluent
import Foundation
import LuodiCore
import SQLKit

/// What one account may see of the portfolio: zone isolation and an enterprise liaison's own
/// projects, applied where the portfolio is read so no page, API, export or error message can
/// show the rest. A zone or project outside it reads as one that does not exist.
public struct Visibility: Sendable, Hashable {
    /// The only zone shown; nil: every zone.
    public var zoneID: UUID?
    /// The only enterprise (建设单位) whose projects are shown; nil: every project of the zone.
    public var enterprise: String?

    public init(zoneID: UUID?, enterprise: String? = nil) {
        self.zoneID = zoneID
        self.enterprise = enterprise
    }

    /// No restriction (an administrator, the command line).
    public static let everything = Visibility(zoneID: nil)

    func shows(zoneID: UUID) -> Bool { self.zoneID.map { $0 == zoneID } ?? true }
    func shows(_ p: Project) -> Bool { enterprise.map { $0 == p.enterprise?.trimmingWhitespace() } ?? true }
}

/// `PortfolioRepository` on Fluent (SQLite or PostgreSQL), showing what `visibility` allows.
public struct FluentPortfolioRepository: PortfolioRepository {
    let db: any Database
    let visibility: Visibility

    public init(db: any Database, visibility: Visibility = .everything) {
        self.db = db
        self.visibility = visibility
    }

    public func zones() async throws -> [StoredZone] {
        // Creation order, so that the first zone (the default page) does not change when a
        // zone with an earlier name is imported.
        try await ZoneRecord.query(on: db).sort(\.$createdAt).sort(\.$name).all()
            .map { StoredZone(id: try $0.requireID(), zone: try $0.domain()) }.filter { visibility.shows(zoneID: $0.id) }
    }

    public func zone(named name: String) async throws -> StoredZone? {
        try await ZoneRecord.query(on: db).filter(\.$name == name).first()
            .map { StoredZone(id: try $0.requireID(), zone: try $0.domain()) }.flatMap { visibility.shows(zoneID: $0.id) ? $0 : nil }
    }

    public func zone(id: UUID) async throws -> StoredZone? {
        guard visibility.shows(zoneID: id) else { return nil }
        return try await ZoneRecord.find(id, on: db).map { StoredZone(id: try $0.requireID(), zone: try $0.domain()) }
    }

    public func projects(zoneID: UUID) async throws -> [StoredProject] {
        guard let zone = try await zone(id: zoneID) else { throw StoreError.notFound("zone \(zoneID)") }
        return try await PortfolioRows.projects(sql, zoneID: zoneID, currency: zone.zone.currency)
            .filter { visibility.shows($0.plan.project) }
            .sorted { ($0.plan.project.name, $0.plan.project.key) < ($1.plan.project.name, $1.plan.project.key) }
    }

    public func project(id: UUID) async throws -> (zone: StoredZone, project: StoredProject)? {
        guard let record = try await ProjectRecord.find(id, on: db),
              let zone = try await zone(id: record.zoneID),
              let project = try await PortfolioRows.projects(sql, zoneID: zone.id, currency: zone.zone.currency, id: id).first,
              visibility.shows(project.plan.project)
        else { return nil }
        return (zone, project)
    }

    /// Both drivers Luodi uses (SQLite and PostgreSQL) are SQL databases.
    private var sql: any SQLDatabase { db as! any SQLDatabase }

    public func replaceLinks(projectID: UUID, expectedVersion: Int, links: [MilestoneLink]) async throws -> Int {
        try await db.writeTransaction { tx in
            guard let record = try await ProjectRecord.find(projectID, on: tx), record.deletedAt == nil else { throw StoreError.notFound("project \(projectID)") }
            guard record.version == expectedVersion else {
                throw StoreError.conflict("project '\(record.name)'", expected: expectedVersion, current: record.version)
            }
            let old = try await MilestoneLinkRecord.query(on: tx).filter(\.$projectID == projectID).all()
                .map { MilestoneLink(predecessor: $0.predecessor, successor: $0.successor, type: RelationshipType(rawValue: $0.type) ?? .finishToStart, lagDays: $0.lagDays) }
            try await AuditLog.write(on: tx, zoneID: record.zoneID, projectID: projectID, entity: "links", entityID: projectID.uuidString,
                                     action: "replace", actor: nil, old: old, new: links)
            try await MilestoneLinkRecord.query(on: tx).filter(\.$projectID == projectID).delete()
            for chunk in links.map({ MilestoneLinkRecord(projectID: projectID, link: $0) }).chunked(1000) { try await chunk.create(on: tx) }
            record.version += 1
            try await record.update(on: tx)
            return record.version
        }
    }

    public func updateCalendarExceptions(zoneID: UUID, changes: [CalendarDate: Bool?]) async throws -> StoredZone {
        try await db.writeTransaction { tx in
            guard let record = try await ZoneRecord.find(zoneID, on: tx) else { throw StoreError.notFound("zone \(zoneID)") }
            let old = record.calendarExceptions
            var zone = try record.domain()
            for (day, working) in changes { zone.calendarExceptions[day] = working }
            record.calendarExceptions = try ZoneRecord.encode(zone.calendarExceptions)
            try await record.update(on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "calendar", entityID: zoneID.uuidString, action: "update", actor: nil,
                                     old: old, new: record.calendarExceptions)
            return StoredZone(id: zoneID, zone: zone)
        }
    }

    public func updateRuleSet(zoneID: UUID, _ rules: RAGRuleSet) async throws -> StoredZone {
        try await db.writeTransaction { tx in
            guard let record = try await ZoneRecord.find(zoneID, on: tx) else { throw StoreError.notFound("zone \(zoneID)") }
            var zone = try record.domain()
            let old = zone.ruleSet
            zone.ruleSet = rules
            record.ruleSet = try StoreJSON.encode(rules)
            try await record.update(on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "zone", entityID: zoneID.uuidString, action: "ruleSet", actor: nil, old: old, new: rules)
            return StoredZone(id: zoneID, zone: zone)
        }
    }

    public func isEmpty() async throws -> Bool {
        try await ProjectRecord.query(on: db).count() == 0
    }

    public func preview(_ batch: PortfolioBatch) async throws -> ImportOutcome {
        try await write(batch, on: db, commit: false)
    }

    public func apply(_ batch: PortfolioBatch) async throws -> ImportOutcome {
        try await db.writeTransaction { tx in try await write(batch, on: tx, commit: true) }
    }

    private func write(_ batch: PortfolioBatch, on db: any Database, commit: Bool) async throws -> ImportOutcome {
        let existingZone = try await ZoneRecord.query(on: db).filter(\.$name == batch.zone.name).first()
        var outcome = ImportOutcome(zone: batch.zone.name, zoneCreated: existingZone == nil)
        let zoneRecord: ZoneRecord
        if let existingZone {
            guard existingZone.currency == batch.zone.currency.code else {
                throw StoreError.configuration(
                    "zone '\(batch.zone.name)' keeps its money in \(existingZone.currency); this file is in \(batch.zone.currency.code), and amounts in different currencies are never mixed")
            }
            zoneRecord = existingZone
        } else {
            zoneRecord = try ZoneRecord(id: UUID(), zone: batch.zone)
            if commit { try await zoneRecord.create(on: db) }
        }
        let zoneID = try zoneRecord.requireID()
        let currency = batch.zone.currency

        var existing: [String: StoredProject] = [:]
        var records: [UUID: ProjectRecord] = [:]
        if existingZone != nil {
            // A deleted project keeps its key: importing it again would make a second project of
            // that key, or bring the deleted one back unseen. Say so, and write nothing.
            let deleted = try await ProjectRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$deletedAt != nil).all()
            let incoming = Set(batch.projects.map(\.project.key))
            if let d = deleted.first(where: { incoming.contains($0.key) }) {
                throw StoreError.configuration("project \(d.key) (\(d.name)) was deleted\(d.deletedBy.map { " by \($0)" } ?? ""); an administrator can restore it (Deleted projects, or POST /api/v1/projects/{id}/restore), then import again")
            }
            for p in try await PortfolioRows.projects(db as! any SQLDatabase, zoneID: zoneID, currency: currency) {
                existing[p.plan.project.key] = p
            }
            if commit {
                for r in try await ProjectRecord.query(on: db).filter(\.$zoneID == zoneID).all() { records[try r.requireID()] = r }
            }
        }

        var newProjects: [ProjectRecord] = []
        var newMilestones: [MilestoneRecord] = []
        var newLinks: [MilestoneLinkRecord] = []
        var replaced: [UUID] = []
        for incoming in batch.projects {
            outcome.milestones += incoming.milestones.count
            if let old = existing[incoming.project.key] {
                var plan = incoming
                if let fields = batch.fields { plan.project = old.plan.project.merging(incoming.project, fields: fields) }
                if !batch.replacesMilestones {
                    plan.milestones = old.plan.milestones
                    plan.links = old.plan.links
                }
                if old.plan == plan { outcome.projectsUnchanged += 1; continue }
                outcome.projectsUpdated += 1
                guard commit else { continue }
                guard let record = records[old.id] else { throw StoreError.notFound("project \(old.id)") }
                record.assign(plan.project)
                record.version += 1
                try await record.update(on: db)
                // In the project's own history: what the import changed, before and after.
                try await AuditLog.write(on: db, zoneID: zoneID, projectID: old.id, entity: "project", entityID: old.plan.project.key, action: "import",
                                         actor: nil, old: old.plan, new: plan)
                guard batch.replacesMilestones else { continue }
                replaced.append(old.id)
                newMilestones += plan.milestones.enumerated().map { MilestoneRecord(projectID: old.id, position: $0.offset, milestone: $0.element) }
                newLinks += plan.links.map { MilestoneLinkRecord(projectID: old.id, link: $0) }
            } else {
                let plan = incoming
                outcome.projectsCreated += 1
                guard commit else { continue }
                let id = UUID()
                newProjects.append(ProjectRecord(id: id, zoneID: zoneID, project: plan.project))
                newMilestones += plan.milestones.enumerated().map { MilestoneRecord(projectID: id, position: $0.offset, milestone: $0.element) }
                newLinks += plan.links.map { MilestoneLinkRecord(projectID: id, link: $0) }
            }
        }
        guard commit else { return outcome }
        for chunk in replaced.chunked(500) {
            try await MilestoneRecord.query(on: db).filter(\.$projectID ~~ chunk).delete()
            try await MilestoneLinkRecord.query(on: db).filter(\.$projectID ~~ chunk).delete()
        }
        // Batched inserts; chunks stay below SQLite's limit on bound parameters.
        for chunk in newProjects.chunked(500) { try await chunk.create(on: db) }
        for chunk in newMilestones.chunked(1000) { try await chunk.create(on: db) }
        for chunk in newLinks.chunked(1000) { try await chunk.create(on: db) }
        let log = ImportRecord()
        log.zoneID = zoneID
        log.file = batch.file
        log.profile = batch.profile
        log.rows = batch.rows
        log.projectsCreated = outcome.projectsCreated
        log.projectsUpdated = outcome.projectsUpdated
        log.projectsUnchanged = outcome.projectsUnchanged
        log.milestones = outcome.milestones
        try await AuditLog.write(on: db, zoneID: zoneID, entity: "import", entityID: batch.file, action: "apply", actor: nil,
                                 old: Nothing?.none, new: outcome)
        try await log.create(on: db)
        return outcome
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
