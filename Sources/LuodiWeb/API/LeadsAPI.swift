import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/api/v1/leads`, `/api/v1/funnel`, `/api/v1/capital`, `/api/v1/exchange-rates`, `/api/v1/talents`:
/// investment and talent attraction (双招双引).
struct LeadsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("leads", use: list).access(.action(.readZone))
        routes.post("leads", use: create).access(.action(.editProject))
        routes.get("leads", ":id", use: read).access(.action(.readZone))
        routes.put("leads", ":id", use: update).access(.action(.editProject))
        routes.post("leads", ":id", "moves", use: move).access(.action(.editProject))
        routes.post("leads", ":id", "notes", use: note).access(.action(.editProject))
        routes.post("leads", ":id", "capital", use: capital).access(.action(.editProject))
        routes.get("funnel", use: funnel).access(.action(.readZone))
        routes.get("capital", use: capitalTotals).access(.action(.readZone))
        routes.get("exchange-rates", use: rates).access(.action(.readZone))
        routes.put("exchange-rates", use: setRate).access(.action(.administerZone))
        routes.get("talents", use: talents).access(.action(.readZone))
        routes.post("talents", use: addTalents).access(.action(.recordFigures))
    }

    struct NewLead: Content {
        var zone: String?
        var title: String
        var investor: Investor
        var channel: LeadChannel
        var industryCluster: String?
        var intendedInvestment: Money?
        var ownerDepartment: String
        var officer: String?
        var projectCode: String?
        var stage: LeadStage?
        var on: CalendarDate?
        var by: String
    }

    struct Move: Content {
        var version: Int
        var to: LeadStage
        var on: CalendarDate?
        var reason: String?
        var by: String
        /// Link this existing project of the zone instead of making one, when the move signs the lead.
        var projectID: UUID?
    }

    struct Note: Content {
        var on: CalendarDate?
        var text: String
        var by: String
    }

    struct Capital: Content {
        var kind: CapitalRecord.Kind
        var on: CalendarDate
        var amount: Money
        var by: String
    }

    func list(_ req: Request) async throws -> [StoredLead] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        return try await LeadRepository(db: req.db).leads(zoneID: zone.id)
    }

    func create(_ req: Request) async throws -> Response {
        let body: NewLead
        do { body = try req.content.decode(NewLead.self) } catch {
            throw ProblemForms.bodyError(error, expected: "title, investor {name, origin, parentGroup}, channel, ownerDepartment, by, and optionally zone, industryCluster, intendedInvestment {currency, minorUnits}, officer, projectCode, stage, on")
        }
        let zone = try await req.portfolio.zone(named: body.zone)
        try req.authorize(.editProject, project: (body.ownerDepartment, nil))
        let code = try body.projectCode.flatMap { $0.isEmpty ? nil : $0 }.map { text in
            do { return try ProjectCode(text) } catch { throw Abort(.unprocessableEntity, reason: "projectCode: \(error)") }
        }
        let lead = Lead(title: body.title, investor: body.investor, channel: body.channel, industryCluster: body.industryCluster,
                        intendedInvestment: body.intendedInvestment, ownerDepartment: body.ownerDepartment, officer: body.officer, projectCode: code)
        let id = try await LeadRepository(db: req.db).create(zoneID: zone.id, lead, stage: body.stage ?? .lead,
                                                             on: try Attraction.checkedDay(body.on, zone: zone), by: try ProblemForms.required("by", body.by))
        return try await read(req, id: id).encodeResponse(status: .created, for: req)
    }

    func read(_ req: Request) async throws -> StoredLead { try await read(req, id: try Self.id(req)) }

    func read(_ req: Request, id: UUID) async throws -> StoredLead {
        guard let lead = try await LeadRepository(db: req.db).lead(id) else { throw Abort(.notFound, reason: "no lead with id \(id)") }
        try req.requireVisible(zoneID: lead.zoneID, "lead with id \(id)")
        return lead
    }

    /// The lead, checked for `editProject` by its owner department.
    func editable(_ req: Request) async throws -> (StoredLead, StoredZone) {
        let lead = try await read(req, id: try Self.id(req))
        try req.authorize(.editProject, project: (lead.lead.ownerDepartment, nil))
        guard let zone = try await req.portfolioRepository.zone(id: lead.zoneID) else { throw Abort(.notFound, reason: "no lead with id \(lead.id)") }
        return (lead, zone)
    }

    struct Details: Content {
        var version: Int
        var title: String
        var investor: Investor
        var channel: LeadChannel
        var industryCluster: String?
        var intendedInvestment: Money?
        var ownerDepartment: String
        var officer: String?
        var projectCode: String?
        var by: String
    }

    /// Replaces the lead's details; `version` must be current (409 otherwise). Moving the lead to
    /// another department needs the right to edit in both.
    func update(_ req: Request) async throws -> StoredLead {
        let (lead, _) = try await editable(req)
        let b: Details
        do { b = try req.content.decode(Details.self) } catch {
            throw ProblemForms.bodyError(error, expected: "version, title, investor {name, origin, parentGroup}, channel, ownerDepartment, by, and optionally industryCluster, intendedInvestment, officer, projectCode")
        }
        try req.authorize(.editProject, project: (b.ownerDepartment, nil))
        let code = try b.projectCode.flatMap { $0.isEmpty ? nil : $0 }.map { text in
            do { return try ProjectCode(text) } catch { throw Abort(.unprocessableEntity, reason: "projectCode: \(error)") }
        }
        let details = Lead(title: b.title, investor: b.investor, channel: b.channel, industryCluster: b.industryCluster, intendedInvestment: b.intendedInvestment,
                           ownerDepartment: b.ownerDepartment, officer: b.officer, projectCode: code)
        do { return try await LeadRepository(db: req.db).update(lead.id, expectedVersion: b.version, details, by: try ProblemForms.required("by", b.by)) } catch let e as StoreError {
            throw e.http
        }
    }

    func move(_ req: Request) async throws -> StoredLead {
        let (lead, zone) = try await editable(req)
        let body: Move
        do { body = try req.content.decode(Move.self) } catch { throw ProblemForms.bodyError(error, expected: "version, to, by, and optionally on, reason, projectID") }
        if let pid = body.projectID { _ = try await req.authorizedProject(pid, for: .editProject) }
        do {
            return try await LeadRepository(db: req.db).move(lead.id, expectedVersion: body.version, to: body.to, on: try Attraction.checkedDay(body.on, zone: zone),
                                                             reason: body.reason, by: try ProblemForms.required("by", body.by), linkProject: body.projectID)
        } catch let e as StoreError { throw e.http }
    }

    func note(_ req: Request) async throws -> StoredLead {
        let (lead, zone) = try await editable(req)
        let body: Note
        do { body = try req.content.decode(Note.self) } catch { throw ProblemForms.bodyError(error, expected: "text, by, and optionally on") }
        try await LeadRepository(db: req.db).note(lead.id, on: try Attraction.checkedDay(body.on, zone: zone), text: body.text, by: try ProblemForms.required("by", body.by))
        return try await read(req, id: lead.id)
    }

    func capital(_ req: Request) async throws -> StoredLead {
        let (lead, zone) = try await editable(req)
        let body: Capital
        do { body = try req.content.decode(Capital.self) } catch { throw ProblemForms.bodyError(error, expected: "kind (contracted|inPlace), on, amount {currency, minorUnits}, by") }
        try await LeadRepository(db: req.db).addCapital(lead.id, CapitalRecord(kind: body.kind, on: try Attraction.checkedDay(body.on, zone: zone), amount: body.amount),
                                                        by: try ProblemForms.required("by", body.by))
        return try await read(req, id: lead.id)
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a lead id (UUID)") }
        return id
    }

    func funnel(_ req: Request) async throws -> Funnel {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        return try await Attraction.funnel(req.db, zone: zone, from: try req.dateParameter("from"), to: try req.dateParameter("to"),
                                           stallDays: try req.stallDays())
    }

    func capitalTotals(_ req: Request) async throws -> Attraction.CapitalTotals {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let to = try req.dateParameter("to") ?? today
        let from = try req.dateParameter("from") ?? CalendarDate(year: to.year, month: 1, day: 1)
        let currency = try req.query[String.self, at: "currency"].flatMap { $0.isEmpty ? nil : $0 }.map { text in
            do { return try CurrencyCode(text) } catch { throw Abort(.badRequest, reason: "currency: \(error)") }
        }
        return try await Attraction.capital(req.db, zone: zone, currency: currency, from: from, to: to)
    }

    func rates(_ req: Request) async throws -> [ExchangeRate] { try await LeadRepository(db: req.db).exchangeRates() }

    struct RateBody: Content {
        var from: CurrencyCode
        var to: CurrencyCode
        var on: CalendarDate
        /// Decimal text, e.g. "6.4601" (a string, so no digit is lost to binary floating point).
        var rate: String
    }

    func setRate(_ req: Request) async throws -> [ExchangeRate] {
        let body: RateBody
        do { body = try req.content.decode(RateBody.self) } catch { throw ProblemForms.bodyError(error, expected: "from, to (currency codes), on, rate (decimal text)") }
        try await LeadRepository(db: req.db).setExchangeRate(ExchangeRate(from: body.from, to: body.to, on: body.on, rate: try Attraction.rate(body.rate)),
                                                             by: try req.requireAccount().login)
        return try await rates(req)
    }

    struct TalentRow: Content {
        var category: TalentCategory
        var department: String
        var on: CalendarDate
        var count: Int
    }

    func talents(_ req: Request) async throws -> [TalentRow] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        return try await LeadRepository(db: req.db).talents(zoneID: zone.id).map { TalentRow(category: $0.category, department: $0.department, on: $0.on, count: $0.count) }
    }

    struct NewTalents: Content {
        var zone: String?
        var category: TalentCategory
        var department: String
        var on: CalendarDate?
        var count: Int
    }

    func addTalents(_ req: Request) async throws -> Response {
        let body: NewTalents
        do { body = try req.content.decode(NewTalents.self) } catch { throw ProblemForms.bodyError(error, expected: "category, department, count, and optionally zone, on") }
        let zone = try await req.portfolio.zone(named: body.zone)
        try req.authorize(.recordFigures, figuresOf: body.department)
        try await LeadRepository(db: req.db).addTalents(zoneID: zone.id, category: body.category, department: body.department,
                                                        on: try Attraction.checkedDay(body.on, zone: zone), count: body.count, by: try req.requireAccount().login)
        return try await talents(req).encodeResponse(status: .created, for: req)
    }
}

extension ExchangeRate: Content {}

extension Request {
    /// The `stallDays` parameter: a whole number of days.
    /// - Throws: 400 naming it.
    func stallDays() throws -> Int? {
        guard let text = query[String.self, at: "stallDays"], !text.isEmpty else { return nil }
        guard let n = Int(text) else { throw Abort(.badRequest, reason: "stallDays: '\(text)' is not a whole number of days (1–3650)") }
        return n
    }

    /// A date query parameter.
    /// - Throws: 400 naming the parameter.
    func dateParameter(_ name: String) throws -> CalendarDate? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        do { return try CalendarDate(iso: text) } catch { throw Abort(.badRequest, reason: "\(name): \(error)") }
    }
}
