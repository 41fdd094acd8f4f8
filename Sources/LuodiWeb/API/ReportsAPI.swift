import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/api/v1/reports` and `/api/v1/periods`: file and correct progress reports, list periods, close them.
struct ReportsAPI: RouteCollection {
    /// A report as the API takes it. `investmentInPeriod` is text as people type it
    /// (`50万`, `1.2亿`, `300000`); a bare number is whole units (yuan).
    struct ReportBody: Content {
        var projectID: UUID
        var period: String
        var investmentInPeriod: String?
        var milestoneActuals: [MilestoneActual]?
        var statisticalEnrollment: CalendarDate?
        var narrative: String
        var reportedBy: String
        var reportedOn: CalendarDate?
        /// For an edit: the version it is based on, and why (required once the period is closed).
        var version: Int?
        var reason: String?
        /// Who makes an edit (kept in the revision); the reporter when not given.
        var changedBy: String?

        init(projectID: UUID, period: String, investmentInPeriod: String?, milestoneActuals: [MilestoneActual]?, statisticalEnrollment: CalendarDate?,
             narrative: String, reportedBy: String, reportedOn: CalendarDate?, version: Int?, reason: String?, changedBy: String? = nil) {
            self.changedBy = changedBy
            self.projectID = projectID
            self.period = period
            self.investmentInPeriod = investmentInPeriod
            self.milestoneActuals = milestoneActuals
            self.statisticalEnrollment = statisticalEnrollment
            self.narrative = narrative
            self.reportedBy = reportedBy
            self.reportedOn = reportedOn
            self.version = version
            self.reason = reason
        }

        private enum CodingKeys: String, CodingKey {
            case projectID, period, investmentInPeriod, milestoneActuals, statisticalEnrollment, narrative, reportedBy, reportedOn, version, reason, changedBy
        }

        /// Decodes the body; `investmentInPeriod` may also be a JSON number (whole units, yuan).
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            projectID = try c.decode(UUID.self, forKey: .projectID)
            period = try c.decode(String.self, forKey: .period)
            if let number = try? c.decodeIfPresent(Decimal.self, forKey: .investmentInPeriod) {
                investmentInPeriod = "\(number)"
            } else {
                investmentInPeriod = try c.decodeIfPresent(String.self, forKey: .investmentInPeriod)
            }
            milestoneActuals = try c.decodeIfPresent([MilestoneActual].self, forKey: .milestoneActuals)
            statisticalEnrollment = try c.decodeIfPresent(CalendarDate.self, forKey: .statisticalEnrollment)
            narrative = try c.decode(String.self, forKey: .narrative)
            reportedBy = try c.decode(String.self, forKey: .reportedBy)
            reportedOn = try c.decodeIfPresent(CalendarDate.self, forKey: .reportedOn)
            version = try c.decodeIfPresent(Int.self, forKey: .version)
            reason = try c.decodeIfPresent(String.self, forKey: .reason)
            changedBy = try c.decodeIfPresent(String.self, forKey: .changedBy)
        }
    }

    struct ReportRow: Content {
        var id: UUID
        var version: Int
        var projectID: UUID
        var projectName: String
        var periodStart: CalendarDate
        var periodEnd: CalendarDate
        var report: ProgressReport
        var revisions: [ReportRevision]?
        /// Photos; read them from `/photos/{id}`.
        var attachments: [ReportAttachment]?
    }

    struct CloseBody: Content {
        var zone: String?
        var by: String
    }

    struct CycleBody: Content {
        var zone: String?
        var cycle: ReportingCycle
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", use: list).access(.action(.readZone))
        routes.post("reports", use: file).access(.action(.editProject))
        routes.get("reports", ":id", use: read).access(.action(.readZone))
        routes.on(.POST, "reports", ":id", "attachments", body: .collect(maxSize: ByteCount(value: ReportPhotos.collectLimit)), use: attach).access(.action(.editProject))
        routes.put("reports", ":id", use: edit).access(.action(.editProject))
        routes.get("periods", use: periods).access(.action(.readZone))
        routes.post("periods", ":name", "close", use: close).access(.action(.administerZone))
        routes.put("reporting-cycle", use: setCycle).access(.action(.administerZone))
        routes.get("bulletin", use: bulletin).access(.action(.readZone))
        routes.get("audit", use: audit).access(.action(.readAudit))
    }

    /// The zone's audit log, latest first: `projectID`, `actor` and `limit` (default 500) narrow it.
    func audit(_ req: Request) async throws -> [AuditEntry] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        let project = try req.query[String.self, at: "projectID"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            try UUID(uuidString: raw).orThrow(Abort(.badRequest, reason: "projectID: not a project id (UUID)"))
        }
        let limit = req.query[Int.self, at: "limit"] ?? 500
        guard (1...10_000).contains(limit) else { throw Abort(.badRequest, reason: "limit: 1 to 10000") }
        return try await AuditLog.entries(on: req.db, zoneID: zone.id, projectID: project,
                                          actor: req.query[String.self, at: "actor"].flatMap { $0.isEmpty ? nil : $0 }, includeUnzoned: req.signedIn?.account.role == .administrator, limit: limit)
    }

    func bulletin(_ req: Request) async throws -> Bulletin {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        return try await BulletinPage.load(req, zone)
    }

    static let expected = "projectID, period (e.g. 2021-W10), narrative, reportedBy, and optionally investmentInPeriod (text such as \"50万\"), milestoneActuals ([{milestone, actualStart, actualFinish}]), statisticalEnrollment, reportedOn, version and reason for an edit"

    func list(_ req: Request) async throws -> [ReportRow] {
        guard let (_, zone) = try await req.selectedZone() else { return [] }
        let period = req.query[String.self, at: "period"].flatMap { $0.isEmpty ? nil : $0 }
        if let period { _ = try ReportForms.period(period) }
        let project = try req.query[String.self, at: "projectID"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let id = UUID(uuidString: raw) else { throw Abort(.badRequest, reason: "projectID: not a project id (UUID)") }
            return id
        }
        return try await req.reports.reports(zoneID: zone.id, period: period, projectID: project).map { Self.row($0, revisions: nil) }
    }

    func file(_ req: Request) async throws -> Response {
        let body: ReportBody
        do { body = try req.content.decode(ReportBody.self) } catch { throw ProblemForms.bodyError(error, expected: Self.expected) }
        guard body.version == nil else { throw Abort(.unprocessableEntity, reason: "version: a new report has no version; to edit one, PUT /api/v1/reports/{id}") }
        _ = try await req.authorizedProject(body.projectID, for: .editProject)
        let saved = try await ReportForms.save(req.db, body, unit: .one)
        return try await read(req, id: saved.id).encodeResponse(status: .created, for: req)
    }

    func edit(_ req: Request) async throws -> ReportRow {
        let id = try Self.id(req)
        var body: ReportBody
        do { body = try req.content.decode(ReportBody.self) } catch { throw ProblemForms.bodyError(error, expected: Self.expected) }
        guard let found = try await req.reports.report(id) else { throw Abort(.notFound, reason: "no report with id \(id)") }
        try await req.authorizeReport(found.report.projectID, zoneID: found.zoneID, id: id, .editProject)
        guard body.version != nil else { throw Abort(.unprocessableEntity, reason: "version: required to edit a report (it is at version \(found.report.version))") }
        guard body.projectID == found.report.projectID, body.period == found.report.period.name else {
            throw Abort(.unprocessableEntity, reason: "period: an edit keeps the report's project and period (\(found.report.period.name)); file a new report for another")
        }
        body.period = found.report.period.name
        _ = try await ReportForms.save(req.db, body, unit: .one)
        return try await read(req, id: id)
    }

    func read(_ req: Request) async throws -> ReportRow { try await read(req, id: try Self.id(req)) }

    func read(_ req: Request, id: UUID) async throws -> ReportRow {
        guard let found = try await req.reports.report(id) else { throw Abort(.notFound, reason: "no report with id \(id)") }
        try await req.authorizeReport(found.report.projectID, zoneID: found.zoneID, id: id, .readProject)
        var row = Self.row(found.report, revisions: found.revisions)
        row.attachments = try await req.reports.attachments(reportID: id)
        return row
    }

    /// Attaches the request body (a JPEG, PNG or WebP photo) to the report; `fileName` and `by` in the query.
    func attach(_ req: Request) async throws -> Response {
        let id = try Self.id(req)
        guard let found = try await req.reports.report(id) else { throw Abort(.notFound, reason: "no report with id \(id)") }
        try await req.authorizeReport(found.report.projectID, zoneID: found.zoneID, id: id, .editProject)
        guard let body = req.body.data, body.readableBytes > 0 else { throw Abort(.badRequest, reason: "body: send the photo's bytes as the request body") }
        let a = try await req.photos.add(Data(buffer: body), fileName: req.query[String.self, at: "fileName"] ?? "", to: id,
                                         by: req.query[String.self, at: "by"] ?? "")
        return try await a.encodeResponse(status: .created, for: req)
    }

    func periods(_ req: Request) async throws -> Response {
        guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
        let board = try await PeriodBoard.load(req.db, zone: zone, period: req.query[String.self, at: "period"])
        return try await board.encodeResponse(for: req)
    }

    func close(_ req: Request) async throws -> PeriodBoard {
        let body: CloseBody
        do { body = try req.content.decode(CloseBody.self) } catch { throw ProblemForms.bodyError(error, expected: "by and optionally zone") }
        let zone: StoredZone
        zone = try await req.portfolio.zone(named: body.zone)
        let name = req.parameters.get("name") ?? ""
        try await ReportForms.close(req.db, zone: zone, period: name, by: body.by)
        return try await PeriodBoard.load(req.db, zone: zone, period: name)
    }

    func setCycle(_ req: Request) async throws -> PeriodBoard {
        let body: CycleBody
        do { body = try req.content.decode(CycleBody.self) } catch { throw ProblemForms.bodyError(error, expected: "cycle (weekly, halfMonthly or monthly) and optionally zone") }
        let zone: StoredZone
        zone = try await req.portfolio.zone(named: body.zone)
        try await req.reports.setCycle(zoneID: zone.id, body.cycle)
        return try await PeriodBoard.load(req.db, zone: try await req.portfolio.zone(named: zone.zone.name), period: nil)
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a report id (UUID)") }
        return id
    }

    static func row(_ r: StoredReport, revisions: [ReportRevision]?) -> ReportRow {
        ReportRow(id: r.id, version: r.version, projectID: r.projectID, projectName: r.projectName, periodStart: r.period.start,
                  periodEnd: r.period.end, report: r.report, revisions: revisions, attachments: nil)
    }
}

/// The checks shared by the report pages, the API and the CLI, with errors that name the field.
enum ReportForms {
    static func period(_ name: String) throws -> ReportingPeriod {
        do { return try ReportingPeriod(name: name) } catch let e as ReportingPeriodError { throw Abort(.unprocessableEntity, reason: "period: \(e)") }
    }

    /// Files or edits a report; `unit` is the unit of a bare number in `investmentInPeriod`.
    static func save(_ db: any Database, _ body: ReportsAPI.ReportBody, unit: MoneyUnit) async throws -> (id: UUID, version: Int) {
        guard let found = try await FluentPortfolioRepository(db: db).project(id: body.projectID) else {
            throw Abort(.unprocessableEntity, reason: "projectID: no project with id \(body.projectID)")
        }
        let zone = found.zone
        let by = try ProblemForms.required("reportedBy", body.reportedBy)
        let narrative = try ProblemForms.required("narrative", body.narrative, limit: ProblemForms.longLimit)
        try ProblemForms.limited("reason", body.reason)
        let period = try period(body.period)
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let day = body.reportedOn ?? today
        guard day <= today else { throw Abort(.unprocessableEntity, reason: "reportedOn: \(day) is after today (\(today))") }
        var money: Money?
        if let text = body.investmentInPeriod, !text.trimmingWhitespace().isEmpty {
            do { money = try MoneyParser(currency: zone.zone.currency, defaultUnit: unit).parse(text) } catch {
                throw Abort(.unprocessableEntity, reason: "investmentInPeriod: \(error)")
            }
        }
        let report = ProgressReport(period: period.name, investmentInPeriod: money, milestoneActuals: body.milestoneActuals ?? [],
                                    statisticalEnrollment: body.statisticalEnrollment, narrative: narrative, reportedBy: by, reportedOn: day)
        do {
            return try await ReportRepository(db: db).save(report, projectID: body.projectID, zone: zone, expectedVersion: body.version,
                                              by: try body.changedBy.flatMap { $0.trimmingWhitespace().isEmpty ? nil : try ProblemForms.name("changedBy", $0) } ?? by,
                                              on: today, reason: body.reason)
        } catch let e as StoreError {
            throw e.http
        }
    }

    /// Closes a period on `day` (default today) and keeps every project's status at the period's
    /// figures day (`ReportingPeriod.figuresDay`) as its snapshot.
    static func close(_ db: any Database, zone: StoredZone, period name: String, by: String, on day: CalendarDate? = nil) async throws {
        let by = try ProblemForms.required("by", by)
        let period = try period(name)
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let closedOn = min(day ?? today, today)
        let day = period.figuresDay(today: today)
        let assessed = try await PortfolioService.on(db).assess(zone, asOf: day)
        let snapshots = assessed.projects.map {
            PeriodSnapshot(projectID: $0.stored.id, projectName: $0.project.name, assessment: $0.assessment,
                           completedInvestment: $0.project.completedInvestment,
                           milestonesFinished: $0.plan.milestones.filter { m in m.actualFinish.map { $0 <= day } ?? false }.count)
        }
        try await ReportRepository(db: db).close(period: period, zone: zone, by: by, on: closedOn, snapshots: snapshots)
    }
}

extension ReportAttachment: Content {}
extension AuditEntry: Content {}
