import Fluent
import Foundation
import LuodiCore

/// An agenda line with the decision taken on it (决定事项).
public struct AgendaEntry: Sendable, Hashable, Codable {
    public var item: AgendaItem
    public var decision: String?
    public init(item: AgendaItem, decision: String? = nil) {
        self.item = item
        self.decision = decision
    }
}

/// An action item of a meeting and the problem it raised.
public struct MeetingAction: Sendable, Hashable, Codable {
    public let agendaTitle: String?
    public let title: String
    public let ownerDepartment: String
    public let deadline: CalendarDate
    public let problemID: UUID?
}

/// A stored dispatch meeting: its agenda in order, its minutes and its action items.
public struct StoredMeeting: Sendable, Hashable, Codable {
    public let id: UUID
    public let version: Int
    public let zoneID: UUID
    public let title: String
    public let heldOn: CalendarDate
    public let nextMeeting: CalendarDate
    public let attendees: String
    public let agenda: [AgendaEntry]
    public let actions: [MeetingAction]
}

/// A meeting's agenda and attendees, as the audit log keeps them.
struct Minutes: Encodable {
    let attendees: String
    let agenda: [AgendaEntry]
}

/// Dispatch meetings (调度会) of a zone.
public struct MeetingRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Creates a meeting with its agenda (already ordered).
    public func create(zoneID: UUID, title: String, heldOn: CalendarDate, nextMeeting: CalendarDate, agenda: [AgendaItem], actor: String? = nil) async throws -> UUID {
        try await db.writeTransaction { tx in
            let m = MeetingRecord()
            m.id = UUID()
            m.zoneID = zoneID
            m.title = title
            m.heldOn = heldOn.iso
            m.nextMeeting = nextMeeting.iso
            m.attendees = ""
            m.version = 1
            try await m.create(on: tx)
            try await Self.write(agenda.map { AgendaEntry(item: $0) }, meetingID: m.id!, on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "meeting", entityID: m.id!.uuidString, action: "create", actor: actor,
                                     old: Nothing?.none, new: ["title": title, "heldOn": heldOn.iso, "nextMeeting": nextMeeting.iso, "items": String(agenda.count)])
            return m.id!
        }
    }

    /// The zone's meetings, latest first, without their agendas.
    public func meetings(zoneID: UUID) async throws -> [(id: UUID, title: String, heldOn: CalendarDate, items: Int)] {
        let records = try await MeetingRecord.query(on: db).filter(\.$zoneID == zoneID).all()
        var out: [(id: UUID, title: String, heldOn: CalendarDate, items: Int)] = []
        for r in records {
            let count = try await AgendaItemRecord.query(on: db).filter(\.$meetingID == r.id!).count()
            out.append((r.id!, r.title, try Self.date(r.heldOn, "meeting \(r.title)"), count))
        }
        return out.sorted { ($0.heldOn, $0.title) > ($1.heldOn, $1.title) }
    }

    public func meeting(_ id: UUID) async throws -> StoredMeeting? {
        guard let m = try await MeetingRecord.find(id, on: db) else { return nil }
        let items = try await AgendaItemRecord.query(on: db).filter(\.$meetingID == id).sort(\.$position).all().map { r in
            AgendaEntry(item: try StoreJSON.decode(AgendaItem.self, r.item, what: "agenda item \(r.position) of meeting \(m.title)"), decision: r.decision)
        }
        let actions = try await MeetingActionRecord.query(on: db).filter(\.$meetingID == id).sort(\.$sequence).all().map { a in
            MeetingAction(agendaTitle: a.agendaTitle, title: a.title, ownerDepartment: a.ownerDepartment,
                          deadline: try Self.date(a.deadline, "action \(a.title)"), problemID: a.problemID)
        }
        return StoredMeeting(id: id, version: m.version, zoneID: m.zoneID, title: m.title, heldOn: try Self.date(m.heldOn, "meeting \(m.title)"),
                             nextMeeting: try Self.date(m.nextMeeting, "meeting \(m.title)"), attendees: m.attendees, agenda: items, actions: actions)
    }

    /// Replaces the agenda (order, added items, decisions) and the attendees, if the meeting is
    /// still at `expectedVersion`.
    /// - Throws: `StoreError.notFound`, `StoreError.conflict`.
    public func update(_ id: UUID, expectedVersion: Int, attendees: String, agenda: [AgendaEntry], actor: String? = nil) async throws -> StoredMeeting {
        let before = try await meeting(id)
        try await db.writeTransaction { tx in
            let m = try await Self.locked(id, expectedVersion, on: tx)
            try await AuditLog.write(on: tx, zoneID: m.zoneID, entity: "meeting", entityID: id.uuidString, action: "update", actor: actor,
                                     old: before.map { Minutes(attendees: $0.attendees, agenda: $0.agenda) }, new: Minutes(attendees: attendees, agenda: agenda))
            m.attendees = attendees
            m.version += 1
            try await m.update(on: tx)
            try await AgendaItemRecord.query(on: tx).filter(\.$meetingID == id).delete()
            try await Self.write(agenda, meetingID: id, on: tx)
        }
        guard let stored = try await meeting(id) else { throw StoreError.notFound("meeting \(id)") }
        return stored
    }

    /// Records an action item that changes a department's annual target, and changes it, in one transaction.
    /// - Throws: `StoreError.notFound`, `StoreError.conflict`.
    public func addTargetAction(_ id: UUID, expectedVersion: Int, agendaTitle: String?, title: String, department: String, metricKey: String,
                                year: Int, annualTarget: Double, effectiveOn: CalendarDate) async throws -> StoredMeeting {
        try await withAction(id, expectedVersion) { m, tx in
            try await TargetRepository.write(zoneID: m.zoneID, year: year, [(department, metricKey, annualTarget)], actor: nil, on: tx)
            return MeetingAction(agendaTitle: agendaTitle, title: title, ownerDepartment: department, deadline: effectiveOn, problemID: nil)
        }
    }

    /// Records an action item and raises its problem in one transaction.
    /// - Throws: `StoreError.notFound`, `StoreError.conflict`.
    public func addAction(_ id: UUID, expectedVersion: Int, agendaTitle: String?, problem: Problem, projectID: UUID?) async throws -> StoredMeeting {
        try await withAction(id, expectedVersion) { m, tx in
            let problemID = try await ProblemRepository.insert(problem, zoneID: m.zoneID, projectID: projectID, on: tx)
            return MeetingAction(agendaTitle: agendaTitle, title: problem.title, ownerDepartment: problem.ownerDepartment,
                                 deadline: problem.deadline, problemID: problemID)
        }
    }

    /// Runs `effect` and records the action item it returns, in one transaction, if the meeting
    /// is still at `expected`; the meeting's version goes up by one.
    private func withAction(_ id: UUID, _ expected: Int,
                            _ effect: @Sendable @escaping (MeetingRecord, any Database) async throws -> MeetingAction) async throws -> StoredMeeting {
        try await db.writeTransaction { tx in
            let m = try await Self.locked(id, expected, on: tx)
            let action = try await effect(m, tx)
            try await AuditLog.write(on: tx, zoneID: m.zoneID, entity: "meeting", entityID: id.uuidString, action: "action", actor: nil,
                                     old: Nothing?.none, new: action)
            let a = MeetingActionRecord()
            a.meetingID = id
            a.sequence = try await MeetingActionRecord.query(on: tx).filter(\.$meetingID == id).count() + 1
            a.agendaTitle = action.agendaTitle
            a.title = action.title
            a.ownerDepartment = action.ownerDepartment
            a.deadline = action.deadline.iso
            a.problemID = action.problemID
            try await a.create(on: tx)
            m.version += 1
            try await m.update(on: tx)
        }
        guard let stored = try await meeting(id) else { throw StoreError.notFound("meeting \(id)") }
        return stored
    }

    private static func locked(_ id: UUID, _ expected: Int, on tx: any Database) async throws -> MeetingRecord {
        guard let m = try await MeetingRecord.find(id, on: tx) else { throw StoreError.notFound("meeting \(id)") }
        guard m.version == expected else { throw StoreError.conflict("meeting '\(m.title)'", expected: expected, current: m.version) }
        return m
    }

    private static func write(_ agenda: [AgendaEntry], meetingID: UUID, on tx: any Database) async throws {
        for (i, entry) in agenda.enumerated() {
            let r = AgendaItemRecord()
            r.meetingID = meetingID
            r.position = i + 1
            r.item = try StoreJSON.encode(entry.item)
            r.decision = entry.decision
            try await r.create(on: tx)
        }
    }

    private static func date(_ text: String, _ what: String) throws -> CalendarDate {
        do { return try CalendarDate(iso: text) } catch { throw StoreError.corrupt("\(what): \(error)") }
    }
}
