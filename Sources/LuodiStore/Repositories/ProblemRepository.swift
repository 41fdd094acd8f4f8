import Fluent
import Foundation
import LuodiCore

/// A stored problem with what the pages show around it.
public struct StoredProblem: Sendable, Hashable {
    public let id: UUID
    public let version: Int
    public let zoneID: UUID
    public let projectID: UUID?
    public let projectName: String?
    public let problem: Problem
    /// Supervision orders, oldest first.
    public let orders: [SupervisionOrder]
}

/// One line of a problem's history.
public struct ProblemEvent: Sendable, Hashable, Codable {
    public let on: CalendarDate
    public let by: String
    public let action: ProblemAction
    public let note: String?
}

/// A problem after an action, with the action's note and the order it issued, as the audit log keeps it.
struct ActedProblem: Encodable {
    let problem: Problem
    let note: String?
    let order: SupervisionOrder?
}

/// Problems (问题清单) and supervision orders (督办单) of a zone.
public struct ProblemRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Raises a problem; its history starts with "raise".
    /// - Throws: `StoreError.notFound` when the project is not in the zone.
    public func raise(_ problem: Problem, zoneID: UUID, projectID: UUID?) async throws -> UUID {
        try await db.writeTransaction { tx in try await Self.insert(problem, zoneID: zoneID, projectID: projectID, on: tx) }
    }

    /// Raises a problem inside the caller's transaction (a meeting's action item raises one with its own write).
    static func insert(_ problem: Problem, zoneID: UUID, projectID: UUID?, on tx: any Database) async throws -> UUID {
        if let projectID {
            guard let project = try await ProjectRecord.find(projectID, on: tx), project.zoneID == zoneID, project.deletedAt == nil else {
                throw StoreError.notFound("project \(projectID) in this zone")
            }
        }
        let record = ProblemRecord()
        record.id = UUID()
        record.zoneID = zoneID
        record.projectID = projectID
        record.version = 1
        record.assign(problem)
        try await record.create(on: tx)
        try await event(record.id!, sequence: 1, on: problem.raisedOn, by: problem.raisedBy, action: .raise, note: nil, on: tx)
        try await AuditLog.write(on: tx, zoneID: zoneID, projectID: projectID, entity: "problem", entityID: record.id!.uuidString,
                                 action: ProblemAction.raise.rawValue, actor: problem.raisedBy, old: Nothing?.none, new: problem)
        return record.id!
    }

    /// Applies an action if the problem is still at `expectedVersion`; `order` goes with `.escalate`.
    /// - Throws: `StoreError.conflict`, `StoreError.notFound`, or `ProblemError` for an action the state does not allow.
    public func act(_ id: UUID, expectedVersion: Int, action: ProblemAction, by: String, on day: CalendarDate,
                    note: String?, order: SupervisionOrder?) async throws -> StoredProblem {
        try await db.writeTransaction { tx in
            guard let record = try await ProblemRecord.find(id, on: tx) else { throw StoreError.notFound("problem \(id)") }
            if let projectID = record.projectID, try await ProjectRecord.find(projectID, on: tx)?.deletedAt != nil {
                throw StoreError.notFound("problem \(id) (its project is deleted; restore the project first)")
            }
            guard record.version == expectedVersion else {
                throw StoreError.conflict("problem '\(record.title)'", expected: expectedVersion, current: record.version)
            }
            let before = try record.domain()
            let after = try before.applying(action, note: note)
            record.assign(after)
            record.version += 1
            try await AuditLog.write(on: tx, zoneID: record.zoneID, projectID: record.projectID, entity: "problem", entityID: id.uuidString,
                                     action: action.rawValue, actor: by, old: before,
                                     new: ActedProblem(problem: after, note: note, order: action == .escalate ? order : nil))
            try await record.update(on: tx)
            let count = try await ProblemEventRecord.query(on: tx).filter(\.$problemID == id).count()
            try await Self.event(id, sequence: count + 1, on: day, by: by, action: action, note: note, on: tx)
            if action == .escalate, let order {
                let o = SupervisionOrderRecord()
                o.problemID = id
                o.level = order.level.rawValue
                o.issuedOn = order.issuedOn.iso
                o.deadline = order.deadline.iso
                o.rectificationPlan = order.rectificationPlan
                try await o.create(on: tx)
            }
            return try await stored([record], on: tx)[0]
        }
    }

    /// Every problem of the zone, in every state, earliest deadline first (then by title); with
    /// `asOf`, as they stood at the end of that day (state and level replayed from the history,
    /// orders issued by then; problems raised later left out), so a past date's lights, lists,
    /// agendas and bulletins are what they were then. With `projectID`, only that project's.
    /// A deleted project's problems are kept but not listed.
    public func problems(zoneID: UUID, projectID: UUID? = nil, asOf: CalendarDate? = nil) async throws -> [StoredProblem] {
        var query = ProblemRecord.query(on: db).filter(\.$zoneID == zoneID)
        if let projectID { query = query.filter(\.$projectID == projectID) }
        let deleted = Set(try await ProjectRecord.query(on: db).filter(\.$zoneID == zoneID).filter(\.$deletedAt != nil).all().compactMap(\.id))
        var all = try await stored(try await query.all().filter { $0.projectID.map { !deleted.contains($0) } ?? true }, on: db)
        if let asOf, !all.isEmpty {
            let events = try await ProblemEventRecord.query(on: db).filter(\.$problemID ~~ all.map(\.id)).all()
            let byProblem = Dictionary(grouping: events, by: \.problemID)
            all = try all.compactMap { p in
                let history = try (byProblem[p.id] ?? []).sorted { $0.sequence < $1.sequence }.map { e in
                    (on: try CalendarDate(iso: e.on), action: ProblemAction(rawValue: e.action) ?? .raise, note: e.note)
                }
                guard let then = p.problem.asOf(asOf, history: history) else { return nil }
                return StoredProblem(id: p.id, version: p.version, zoneID: p.zoneID, projectID: p.projectID, projectName: p.projectName,
                                     problem: then, orders: p.orders.filter { $0.issuedOn <= asOf })
            }
        }
        return all.sorted { ($0.problem.deadline, $0.problem.title) < ($1.problem.deadline, $1.problem.title) }
    }

    /// One problem with its history, oldest first; nil when there is no such problem.
    public func problem(_ id: UUID) async throws -> (problem: StoredProblem, history: [ProblemEvent])? {
        guard let record = try await ProblemRecord.find(id, on: db) else { return nil }
        let events = try await ProblemEventRecord.query(on: db).filter(\.$problemID == id).sort(\.$sequence).all().map { e in
            ProblemEvent(on: try CalendarDate(iso: e.on), by: e.by, action: ProblemAction(rawValue: e.action) ?? .raise, note: e.note)
        }
        return (try await stored([record], on: db)[0], events)
    }

    /// Problems of the zone closed (销号) from `from` through `to`, with the day of closing, by day then title.
    public func closed(zoneID: UUID, from: CalendarDate, to: CalendarDate) async throws -> [(problem: StoredProblem, on: CalendarDate)] {
        let all = try await problems(zoneID: zoneID)
        let ids = all.map(\.id)
        guard !ids.isEmpty else { return [] }
        let events = try await ProblemEventRecord.query(on: db).filter(\.$problemID ~~ ids).filter(\.$action == ProblemAction.close.rawValue).all()
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        return try events.compactMap { e -> (problem: StoredProblem, on: CalendarDate)? in
            let day = try CalendarDate(iso: e.on)
            guard day >= from, day <= to, let p = byID[e.problemID] else { return nil }
            return (p, day)
        }.sorted { ($0.on, $0.problem.problem.title) < ($1.on, $1.problem.problem.title) }
    }

    /// The latest supervision order of each problem unresolved at `asOf`, by project: what turns lights red.
    public func openOrders(zoneID: UUID, asOf: CalendarDate) async throws -> [UUID: [SupervisionDue]] {
        var out: [UUID: [SupervisionDue]] = [:]
        for p in try await problems(zoneID: zoneID, asOf: asOf) {
            guard let projectID = p.projectID, p.problem.isUnresolved, let last = p.orders.last else { continue }
            out[projectID, default: []].append(SupervisionDue(problem: p.problem.title, deadline: last.deadline))
        }
        return out
    }

    private func stored(_ records: [ProblemRecord], on db: any Database) async throws -> [StoredProblem] {
        let ids = records.compactMap(\.id)
        let orders = ids.isEmpty ? [] : try await SupervisionOrderRecord.query(on: db).filter(\.$problemID ~~ ids).all()
        let byProblem = Dictionary(grouping: orders, by: \.problemID)
        let projectIDs = Array(Set(records.compactMap(\.projectID)))
        let names = projectIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await ProjectRecord.query(on: db).filter(\.$id ~~ projectIDs).all().map { ($0.id!, $0.name) })
        return try records.map { r in
            StoredProblem(
                id: r.id!, version: r.version, zoneID: r.zoneID, projectID: r.projectID, projectName: r.projectID.flatMap { names[$0] },
                problem: try r.domain(),
                orders: try (byProblem[r.id!] ?? []).map { o in
                    SupervisionOrder(level: ProblemLevel(rawValue: o.level) ?? .district, issuedOn: try CalendarDate(iso: o.issuedOn),
                                     deadline: try CalendarDate(iso: o.deadline), rectificationPlan: o.rectificationPlan)
                }.sorted { $0.issuedOn < $1.issuedOn })
        }
    }

    private static func event(_ id: UUID, sequence: Int, on day: CalendarDate, by: String, action: ProblemAction, note: String?, on db: any Database) async throws {
        let e = ProblemEventRecord()
        e.problemID = id
        e.sequence = sequence
        e.on = day.iso
        e.by = by
        e.action = action.rawValue
        e.note = note
        try await e.create(on: db)
    }
}
