import Fluent
import Foundation
import LuodiCore

/// A note on a lead.
public struct LeadNote: Sendable, Codable, Hashable {
    public let on: CalendarDate
    public let text: String
    public let by: String
}

/// A lead with its id, zone, version, stage, history and the project it became.
public struct StoredLead: Sendable, Codable, Hashable {
    public let id: UUID
    public let zoneID: UUID
    public let version: Int
    public let lead: Lead
    public let stage: LeadStage
    public let projectID: UUID?
    public let transitions: [LeadTransition]
    public let notes: [LeadNote]
    public let capital: [CapitalRecord]

    /// As the funnel reads it.
    public var funnel: FunnelLead {
        FunnelLead(id: id, name: lead.title, intendedInvestment: lead.intendedInvestment, transitions: transitions, noteDays: notes.map(\.on))
    }
}

/// Rows of a lead list the store refuses (already recorded, dated after today, a project key
/// unknown or taken): every one, with its row.
public struct LeadImportFailure: Error, Sendable {
    public let rows: [(row: Int, message: String)]
}

/// Refusals of lead changes, naming the field.
public enum LeadError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(field: String, reason: String)
    case move(LeadTransitionError)

    public var description: String {
        switch self {
        case let .invalid(field, reason): return "\(field): \(reason)"
        case let .move(e): return e.description
        }
    }
}

/// Leads, their moves, notes and capital; exchange rates; talent introductions. Every change is
/// version-checked where it edits a lead and audited in its own transaction. Signing a lead
/// (its first move to `signed` or further) makes it a key project of the zone in the same
/// transaction, or links the project given, so the record keeps one identity from first contact
/// to production.
public struct LeadRepository: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Creates a lead at its first stage.
    /// - Throws: `LeadError` naming the field.
    public func create(zoneID: UUID, _ lead: Lead, stage: LeadStage, on day: CalendarDate, by: String) async throws -> UUID {
        try Self.validate(lead)
        let first: LeadTransition
        do throws(LeadTransitionError) { first = try LeadStageMachine.check(history: [], to: stage, on: day, reason: nil, by: by) } catch {
            throw LeadError.move(error)
        }
        return try await db.writeTransaction { tx in
            try await Self.checkNew(lead, zoneID: zoneID, on: tx)
            let r = LeadRecord()
            r.zoneID = zoneID
            r.lead = try StoreJSON.encode(lead)
            r.title = lead.title
            r.ownerDepartment = lead.ownerDepartment
            r.stage = stage.rawValue
            r.version = 1
            try await r.create(on: tx)
            let id = try r.requireID()
            try await Self.event(id, sequence: 1, kind: "move", from: first.from, to: first.to, on: first.on, text: first.reason, by: first.by, on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "lead", entityID: id.uuidString, action: "create", actor: by, old: Nothing?.none, new: lead)
            if (stage.rank ?? 0) >= (LeadStage.signed.rank ?? 0) { try await Self.sign(r, lead: lead, linking: nil, on: tx) }
            return id
        }
    }

    /// One lead per investment and investor in a zone: the same pair again is refused.
    static func checkNew(_ lead: Lead, zoneID: UUID, on tx: any Database) async throws {
        for r in try await LeadRecord.query(on: tx).filter(\.$zoneID == zoneID).filter(\.$title == lead.title).all() {
            let other = try StoreJSON.decode(Lead.self, r.lead, what: "lead \(r.title)")
            if other.investor.name == lead.investor.name {
                throw LeadError.invalid(field: "title", reason: "'\(lead.title)' of \(lead.investor.name) is already recorded (lead \(r.id?.uuidString ?? "?")); move it on its page")
            }
        }
    }

    static func validate(_ l: Lead) throws(LeadError) {
        if l.title.trimmingWhitespace().isEmpty { throw .invalid(field: "title", reason: "name the investment") }
        if l.investor.name.trimmingWhitespace().isEmpty { throw .invalid(field: "investor.name", reason: "name the investing enterprise") }
        if l.ownerDepartment.trimmingWhitespace().isEmpty { throw .invalid(field: "ownerDepartment", reason: "name the department that owns the lead") }
        if let m = l.intendedInvestment, m.minorUnits < 0 { throw .invalid(field: "intendedInvestment", reason: "cannot be negative") }
        for (field, text) in [("title", l.title), ("investor.name", l.investor.name), ("ownerDepartment", l.ownerDepartment)] where text.count > 200 {
            throw .invalid(field: field, reason: "at most 200 characters")
        }
    }

    /// Moves a lead; `linkProject` links an existing project of the zone when the move signs it.
    /// - Throws: `StoreError.conflict` (stale version), `StoreError.notFound`, `LeadError`.
    public func move(_ id: UUID, expectedVersion: Int, to: LeadStage, on day: CalendarDate, reason: String?, by: String,
                     linkProject: UUID? = nil) async throws -> StoredLead {
        try await db.writeTransaction { tx in
            guard let r = try await LeadRecord.find(id, on: tx) else { throw StoreError.notFound("lead \(id)") }
            guard r.version == expectedVersion else { throw StoreError.conflict("lead '\(r.title)'", expected: expectedVersion, current: r.version) }
            let events = try await LeadEventRecord.query(on: tx).filter(\.$leadID == id).sort(\.$sequence).all()
            let history = try events.filter { $0.kind == "move" }.map(Self.transition)
            let t: LeadTransition
            do throws(LeadTransitionError) { t = try LeadStageMachine.check(history: history, to: to, on: day, reason: reason, by: by) } catch {
                throw LeadError.move(error)
            }
            let notedLater = try events.filter { $0.kind == "note" }.map { try CalendarDate(iso: $0.on) }.max()
            if let notedLater, day < notedLater { throw LeadError.move(.beforeLastMove(day, last: notedLater)) }
            try await Self.event(id, sequence: events.count + 1, kind: "move", from: t.from, to: to, on: day, text: t.reason, by: by, on: tx)
            let before = r.stage
            r.stage = to.rawValue
            r.version += 1
            try await r.save(on: tx)
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: r.projectID, entity: "lead", entityID: id.uuidString, action: "move", actor: by,
                                     old: ["stage": before], new: t)
            if r.projectID == nil, (to.rank ?? -1) >= (LeadStage.signed.rank ?? 0) {
                try await Self.sign(r, lead: try StoreJSON.decode(Lead.self, r.lead, what: "lead \(r.title)"), linking: linkProject, on: tx)
            } else if let pid = r.projectID {
                try await Self.follow(pid, to: to, on: day, on: tx)
            }
            return try await Self.stored(r, on: tx)
        }
    }

    /// Imports a checked lead list into the zone named, all of it or nothing: every lead with its
    /// dated moves (a lead at signed or further becomes a key project, as when moved by hand).
    /// A lead already recorded (same investment and investor) is refused with its row, since
    /// its history is edited on its own page, not overwritten by a list. `dryRun` checks only.
    /// - Returns: the number of leads (that would be) created.
    /// - Throws: `LeadError.invalid` naming `zone`; `LeadImportFailure` with every refused row
    ///   (checked in a dry run too).
    /// A row's `projectKey` links the zone's project of that key when the lead signs.
    public func importLeads(zoneName: String, rows: [(row: Int, lead: Lead, moves: [LeadTransition], projectKey: String?)], file: String,
                            dryRun: Bool) async throws -> Int {
        try await db.writeTransaction { tx in
            guard let zone = try await ZoneRecord.query(on: tx).filter(\.$name == zoneName).first(), let zoneID = zone.id else {
                throw LeadError.invalid(field: "zone", reason: "no zone named '\(zoneName)'; import its project list first, or give --zone")
            }
            var existing: [String: UUID] = [:]
            for r in try await LeadRecord.query(on: tx).filter(\.$zoneID == zoneID).all() {
                let lead = try StoreJSON.decode(Lead.self, r.lead, what: "lead \(r.title)")
                existing["\(lead.title)\u{1F}\(lead.investor.name)"] = r.id
            }
            var linked: [Int: UUID] = [:]
            var problems: [(row: Int, message: String)] = []
            let today = CalendarDate.today(timeZoneIdentifier: try zone.domain().timeZone)
            for row in rows {
                do { try Self.validate(row.lead) } catch { problems.append((row.row, "\(error)")) }
                if let id = existing["\(row.lead.title)\u{1F}\(row.lead.investor.name)"] {
                    problems.append((row.row, "'\(row.lead.title)' of \(row.lead.investor.name) is already recorded (lead \(id)); move it on its page"))
                }
                if let late = row.moves.first(where: { $0.on > today }) {
                    problems.append((row.row, "\(late.to.rawValue) on \(late.on) is after today (\(today)); a list records what has happened"))
                }
                if let key = row.projectKey {
                    guard let p = try await ProjectRecord.query(on: tx).filter(\.$zoneID == zoneID).filter(\.$key == key).filter(\.$deletedAt == nil).first() else {
                        problems.append((row.row, "no project with key '\(key)' in zone \(zoneName)"))
                        continue
                    }
                    if try await LeadRecord.query(on: tx).filter(\.$projectID == p.id).first() != nil || linked.values.contains(try p.requireID()) {
                        problems.append((row.row, "project '\(key)' already has a lead"))
                    }
                    linked[row.row] = try p.requireID()
                }
            }
            if !problems.isEmpty { throw LeadImportFailure(rows: problems) }
            guard !dryRun else { return rows.count }
            for row in rows {
                let r = LeadRecord()
                r.zoneID = zoneID
                r.lead = try StoreJSON.encode(row.lead)
                r.title = row.lead.title
                r.ownerDepartment = row.lead.ownerDepartment
                r.stage = (row.moves.last?.to ?? .lead).rawValue
                r.version = 1
                try await r.create(on: tx)
                let id = try r.requireID()
                for (i, m) in row.moves.enumerated() {
                    try await Self.event(id, sequence: i + 1, kind: "move", from: m.from, to: m.to, on: m.on, text: m.reason, by: m.by, on: tx)
                }
                try await AuditLog.write(on: tx, zoneID: zoneID, entity: "lead", entityID: id.uuidString, action: "import", actor: nil,
                                         old: Nothing?.none, new: ["file": file, "row": String(row.row), "title": row.lead.title])
                if let project = linked[row.row] {
                    r.projectID = project
                    try await r.save(on: tx)
                } else if row.moves.contains(where: { ($0.to.rank ?? -1) >= (LeadStage.signed.rank ?? 0) }) {
                    try await Self.sign(r, lead: row.lead, linking: nil, on: tx)
                    if let pid = r.projectID, let last = row.moves.last(where: { $0.to.rank != nil }) { try await Self.follow(pid, to: last.to, on: last.on, on: tx) }
                }
            }
            return rows.count
        }
    }

    /// The project of a signed lead follows the lead's later moves: its stage (注册 registered, 落地
    /// preparing, 开工 under construction with the actual start when it has none, 投产 operating).
    static func follow(_ projectID: UUID, to: LeadStage, on day: CalendarDate, on tx: any Database) async throws {
        let stage: Stage?
        switch to {
        case .registered: stage = .registered
        case .landed: stage = .preparing
        case .underConstruction: stage = .underConstruction
        case .operating: stage = .operating
        default: stage = nil
        }
        guard let stage, let p = try await ProjectRecord.find(projectID, on: tx), p.deletedAt == nil else { return }
        p.stage = stage.rawValue
        if to == .underConstruction, p.actualStart == nil { p.actualStart = day.iso }
        p.version += 1
        try await p.save(on: tx)
    }

    /// Makes the lead a key project (or links `linking`, which must be a live project of its zone).
    private static func sign(_ r: LeadRecord, lead: Lead, linking: UUID?, on tx: any Database) async throws {
        if let linking {
            guard let p = try await ProjectRecord.find(linking, on: tx), p.zoneID == r.zoneID, p.deletedAt == nil else {
                throw LeadError.invalid(field: "projectID", reason: "no project \(linking) in the lead's zone")
            }
            if let other = try await LeadRecord.query(on: tx).filter(\.$projectID == linking).first(), other.id != r.id {
                throw LeadError.invalid(field: "projectID", reason: "project \(p.key) is already the project of lead '\(other.title)'; one lead per project")
            }
            r.projectID = linking
        } else {
            guard let zone = try await ZoneRecord.find(r.zoneID, on: tx) else { throw StoreError.notFound("zone \(r.zoneID)") }
            var project = Project(key: "lead-" + (try r.requireID()).uuidString.prefix(8).lowercased(), name: lead.title)
            project.department = lead.ownerDepartment
            project.enterprise = lead.investor.name
            project.industryCluster = lead.industryCluster
            project.stage = .signed
            project.projectCode = lead.projectCode
            // Only in the zone's currency: amounts in different currencies are never mixed.
            if let m = lead.intendedInvestment, m.currency.code == zone.currency { project.totalInvestment = m }
            project.source = "招商线索 / lead \(try r.requireID())"
            let record = ProjectRecord(id: UUID(), zoneID: r.zoneID, project: project)
            try await record.create(on: tx)
            r.projectID = try record.requireID()
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: r.projectID, entity: "project", entityID: project.key, action: "createFromLead",
                                     actor: nil, old: Nothing?.none, new: project)
        }
        try await r.save(on: tx)
    }

    /// Replaces a lead's details (investor, channel, amount, owner, officer, national project code
    /// once issued); the code also goes to the project it became, when that has none.
    /// - Throws: `StoreError.conflict` (stale version), `StoreError.notFound`, `LeadError`.
    public func update(_ id: UUID, expectedVersion: Int, _ lead: Lead, by: String) async throws -> StoredLead {
        try Self.validate(lead)
        return try await db.writeTransaction { tx in
            guard let r = try await LeadRecord.find(id, on: tx) else { throw StoreError.notFound("lead \(id)") }
            guard r.version == expectedVersion else { throw StoreError.conflict("lead '\(r.title)'", expected: expectedVersion, current: r.version) }
            let before = try StoreJSON.decode(Lead.self, r.lead, what: "lead \(r.title)")
            r.lead = try StoreJSON.encode(lead)
            r.title = lead.title
            r.ownerDepartment = lead.ownerDepartment
            r.version += 1
            try await r.save(on: tx)
            if let code = lead.projectCode, let pid = r.projectID, let p = try await ProjectRecord.find(pid, on: tx), p.projectCode == nil {
                p.projectCode = code.value
                p.version += 1
                try await p.save(on: tx)
            }
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: r.projectID, entity: "lead", entityID: id.uuidString, action: "update", actor: by,
                                     old: before, new: lead)
            return try await Self.stored(r, on: tx)
        }
    }

    /// Adds a note (activity without a move; it keeps the lead from counting as stalled).
    public func note(_ id: UUID, on day: CalendarDate, text: String, by: String) async throws {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty, text.count <= 2000 else { throw LeadError.invalid(field: "text", reason: "write the note (at most 2000 characters)") }
        try await db.writeTransaction { tx in
            guard let r = try await LeadRecord.find(id, on: tx) else { throw StoreError.notFound("lead \(id)") }
            if let first = try await LeadEventRecord.query(on: tx).filter(\.$leadID == id).filter(\.$sequence == 1).first(), day.iso < first.on {
                throw LeadError.invalid(field: "on", reason: "\(day) is before the lead was first recorded (\(first.on))")
            }
            let count = try await LeadEventRecord.query(on: tx).filter(\.$leadID == id).count()
            try await Self.event(id, sequence: count + 1, kind: "note", from: nil, to: nil, on: day, text: text, by: by, on: tx)
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: r.projectID, entity: "lead", entityID: id.uuidString, action: "note", actor: by,
                                     old: Nothing?.none, new: ["on": day.iso, "text": text])
        }
    }

    /// Records contracted or arrived capital.
    public func addCapital(_ id: UUID, _ c: CapitalRecord, by: String) async throws {
        guard c.amount.minorUnits > 0 else { throw LeadError.invalid(field: "amount", reason: "must be above zero") }
        try await db.writeTransaction { tx in
            guard let r = try await LeadRecord.find(id, on: tx) else { throw StoreError.notFound("lead \(id)") }
            let row = CapitalRecordRow()
            row.leadID = id
            row.kind = c.kind.rawValue
            row.on = c.on.iso
            row.amountMinor = c.amount.minorUnits
            row.currency = c.amount.currency.code
            try await row.create(on: tx)
            try await AuditLog.write(on: tx, zoneID: r.zoneID, projectID: r.projectID, entity: "capital", entityID: id.uuidString, action: c.kind.rawValue,
                                     actor: by, old: Nothing?.none, new: c)
        }
    }

    /// The zone's leads with their histories, by title.
    public func leads(zoneID: UUID) async throws -> [StoredLead] {
        try await LeadRecord.query(on: db).filter(\.$zoneID == zoneID).sort(\.$title).all().asyncMap { try await Self.stored($0, on: db) }
    }

    /// One lead; nil when there is none.
    public func lead(_ id: UUID) async throws -> StoredLead? {
        guard let r = try await LeadRecord.find(id, on: db) else { return nil }
        return try await Self.stored(r, on: db)
    }

    /// The lead a project came from, if any.
    public func lead(projectID: UUID) async throws -> StoredLead? {
        guard let r = try await LeadRecord.query(on: db).filter(\.$projectID == projectID).first() else { return nil }
        return try await Self.stored(r, on: db)
    }

    static func stored(_ r: LeadRecord, on db: any Database) async throws -> StoredLead {
        let id = try r.requireID()
        let events = try await LeadEventRecord.query(on: db).filter(\.$leadID == id).sort(\.$sequence).all()
        let capital = try await CapitalRecordRow.query(on: db).filter(\.$leadID == id).all().map { c in
            guard let kind = CapitalRecord.Kind(rawValue: c.kind) else { throw StoreError.corrupt("capital of lead \(id): kind '\(c.kind)'") }
            return CapitalRecord(kind: kind, on: try CalendarDate(iso: c.on), amount: Money(minorUnits: c.amountMinor, currency: try CurrencyCode(c.currency)))
        }.sorted { $0.on < $1.on }
        guard let stage = LeadStage(rawValue: r.stage) else { throw StoreError.corrupt("lead \(r.title): stage '\(r.stage)'") }
        return StoredLead(id: id, zoneID: r.zoneID, version: r.version, lead: try StoreJSON.decode(Lead.self, r.lead, what: "lead \(r.title)"), stage: stage,
                          projectID: r.projectID, transitions: try events.filter { $0.kind == "move" }.map(transition),
                          notes: try events.filter { $0.kind == "note" }.map { LeadNote(on: try CalendarDate(iso: $0.on), text: $0.text ?? "", by: $0.by) },
                          capital: capital)
    }

    static func transition(_ e: LeadEventRecord) throws -> LeadTransition {
        guard let to = e.toStage.flatMap(LeadStage.init(rawValue:)) else { throw StoreError.corrupt("lead event \(e.sequence): stage '\(e.toStage ?? "")'") }
        return LeadTransition(from: e.fromStage.flatMap(LeadStage.init(rawValue:)), to: to, on: try CalendarDate(iso: e.on), reason: e.text, by: e.by)
    }

    private static func event(_ id: UUID, sequence: Int, kind: String, from: LeadStage?, to: LeadStage?, on day: CalendarDate, text: String?,
                              by: String, on tx: any Database) async throws {
        let e = LeadEventRecord()
        e.leadID = id
        e.sequence = sequence
        e.kind = kind
        e.fromStage = from?.rawValue
        e.toStage = to?.rawValue
        e.on = day.iso
        e.text = text
        e.by = by
        try await e.create(on: tx)
    }

    // MARK: exchange rates and talents

    /// Every exchange rate, by date.
    public func exchangeRates() async throws -> [ExchangeRate] {
        try await ExchangeRateRecord.query(on: db).all().map { r in
            guard let rate = Decimal(string: r.rate, locale: Locale(identifier: "en_US_POSIX")) else { throw StoreError.corrupt("exchange rate \(r.on): '\(r.rate)'") }
            return ExchangeRate(from: try CurrencyCode(r.fromCurrency), to: try CurrencyCode(r.toCurrency), on: try CalendarDate(iso: r.on), rate: rate)
        }.sorted { $0.on < $1.on }
    }

    /// Sets (or replaces) the rate of a pair on a day.
    public func setExchangeRate(_ rate: ExchangeRate, by: String) async throws {
        guard rate.rate > 0, rate.from != rate.to else { throw LeadError.invalid(field: "rate", reason: "a positive rate between two different currencies") }
        try await db.writeTransaction { tx in
            let existing = try await ExchangeRateRecord.query(on: tx).filter(\.$fromCurrency == rate.from.code).filter(\.$toCurrency == rate.to.code)
                .filter(\.$on == rate.on.iso).first()
            let r = existing ?? ExchangeRateRecord()
            let old = existing?.rate
            r.fromCurrency = rate.from.code
            r.toCurrency = rate.to.code
            r.on = rate.on.iso
            r.rate = "\(rate.rate)"
            try await r.save(on: tx)
            try await AuditLog.write(on: tx, zoneID: nil, entity: "exchangeRate", entityID: "\(rate.from.code)/\(rate.to.code) \(rate.on.iso)", action: "set",
                                     actor: by, old: old, new: r.rate)
        }
    }

    /// Records a counted talent introduction.
    public func addTalents(zoneID: UUID, category: TalentCategory, department: String, on day: CalendarDate, count: Int, by: String) async throws {
        let department = department.trimmingWhitespace()
        guard !department.isEmpty else { throw LeadError.invalid(field: "department", reason: "name the department") }
        guard (1...100_000).contains(count) else { throw LeadError.invalid(field: "count", reason: "a whole number from 1 to 100000") }
        try await db.writeTransaction { tx in
            let r = TalentRecord()
            r.zoneID = zoneID
            r.category = category.rawValue
            r.department = department
            r.on = day.iso
            r.count = count
            try await r.create(on: tx)
            try await AuditLog.write(on: tx, zoneID: zoneID, entity: "talent", entityID: try r.requireID().uuidString, action: "add", actor: by,
                                     old: Nothing?.none, new: ["category": category.rawValue, "department": department, "on": day.iso, "count": String(count)])
        }
    }

    /// The zone's talent introductions: category, department, day, count.
    public func talents(zoneID: UUID) async throws -> [(category: TalentCategory, department: String, on: CalendarDate, count: Int)] {
        try await TalentRecord.query(on: db).filter(\.$zoneID == zoneID).all().map { r in
            (TalentCategory(rawValue: r.category) ?? .other, r.department, try CalendarDate(iso: r.on), r.count)
        }.sorted { $0.on < $1.on }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for e in self { out.append(try await transform(e)) }
        return out
    }
}
