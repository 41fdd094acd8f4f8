import Fluent
import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// Progress reports, targets and the ranking for the command line: the same checks and writes as the pages and the API.
/// Refusals are `AbortError`s whose `reason` names the field, as the API answers.
public struct Reporting: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Sets the zone's reporting cycle.
    public func setCycle(zone: String?, _ cycle: ReportingCycle) async throws {
        let z = try await PortfolioService.on(db).zone(named: zone)
        try await ReportRepository(db: db).setCycle(zoneID: z.id, cycle)
    }

    /// Files a report, or edits the project's report of that period when `version` is given.
    /// - Parameters:
    ///   - project: the project's key (e.g. `JM-01`) or its exact name in the zone.
    ///   - investment: the period's investment as people write it (`50万`, `1.2亿`; a bare number is 万元 in a CNY zone).
    /// - Returns: the report's id and version.
    public func file(zone: String?, project: String, period: String, investment: String?, milestoneActuals: [MilestoneActual],
                     enrollment: CalendarDate?, narrative: String, by: String, on: CalendarDate?, version: Int?, reason: String?,
                     changedBy: String? = nil, photos: Int = 0) async throws -> (id: UUID, version: Int) {
        let z = try await PortfolioService.on(db).zone(named: zone)
        let p = try await Self.project(project, in: z, db: db)
        if photos > 0 {
            // Photos are checked before the report is written, so a refused photo leaves the report alone.
            let repo = ReportRepository(db: db)
            if try await repo.closedPeriods(zoneID: z.id).contains(where: { $0.name == period }) {
                throw ReportStoreError.closedToPhotos(period)
            }
            if let existing = try await repo.reports(zoneID: z.id, period: period, projectID: p.id).first,
               try await repo.attachments(reportID: existing.id).count + photos > ReportPhotos.countLimit {
                throw ReportStoreError.tooManyAttachments(ReportPhotos.countLimit)
            }
        }
        let body = ReportsAPI.ReportBody(projectID: p.id, period: period, investmentInPeriod: investment, milestoneActuals: milestoneActuals,
                                         statisticalEnrollment: enrollment, narrative: narrative, reportedBy: by, reportedOn: on,
                                         version: version, reason: reason, changedBy: changedBy)
        return try await ReportForms.save(db, body, unit: z.zone.currency == .cny ? .wan : .one)
    }

    /// Closes a period and keeps every project's status as its snapshot.
    public func close(zone: String?, period: String, by: String) async throws {
        try await ReportForms.close(db, zone: try await PortfolioService.on(db).zone(named: zone), period: period, by: by)
    }

    /// One period (default the current one) as JSON, the shape of `GET /api/v1/periods`.
    public func boardJSON(zone: String?, period: String?) async throws -> String {
        try Self.json(try await PeriodBoard.load(db, zone: try await PortfolioService.on(db).zone(named: zone), period: period))
    }

    /// One period as tab-separated lines: a heading line, then department, project, reported or
    /// not, investment in the period, reported by, on, narrative (cells made safe as in `ProblemText`).
    public func boardText(zone: String?, period: String?, lang: Language) async throws -> String {
        let board = try await PeriodBoard.load(db, zone: try await PortfolioService.on(db).zone(named: zone), period: period)
        let s = lang.strings, r = s.reporting
        guard let period = board.period else { return r.noCycle + "\n" }
        var out = "\(board.zone)\t\(period.name)\t\(period.start.iso)–\(period.end.iso)\t\(r.reportedCount(board.reported, board.expected))\t"
            + (period.closed.map { r.closed($0.closedBy, $0.closedOn) } ?? r.open) + "\n"
        for row in board.rows {
            out += [row.department ?? s.unassigned, row.projectName, row.reportID == nil ? r.missing : r.reported,
                    row.reportID == nil ? "" : Format.money(row.investmentInPeriod, lang), row.reportedBy ?? "", row.reportedOn?.iso ?? "",
                    row.narrative ?? ""].map(ProblemText.cell).joined(separator: "\t") + "\n"
        }
        return out
    }
}

extension Reporting {
    /// The ranking as JSON, the shape of `GET /api/v1/ranking`.
    public func rankingJSON(zone: String?, asOf: CalendarDate?, period: String?) async throws -> String {
        let report = try await RankingReport.load(db, zone: try await TargetForms.zone(db, zone), asOf: asOf, period: period)
        return try Self.json(report)
    }

    /// The ranking as tab-separated text: a heading line (zone, date, time elapsed), the formula,
    /// a header, then one line per department and metric — rank, department, score, metric, unit,
    /// annual target, to date, completion %, ratio, scored ratio, weight, points — so the points
    /// of a department add up to its score.
    public func rankingText(zone: String?, asOf: CalendarDate?, period: String?, lang: Language) async throws -> String {
        let r = try await RankingReport.load(db, zone: try await TargetForms.zone(db, zone), asOf: asOf, period: period)
        let s = lang.strings, t = s.targets
        var out = "\(r.zone)\t\(r.period.map { "\($0)\t" } ?? "")\(s.asOf) \(r.asOf.iso)\t\(t.shareNote(Format.percent(r.timeElapsedShare.percent)))\n"
        out += (r.formulaText[lang.rawValue] ?? "") + "\n"
        guard !r.departments.isEmpty else { return out + t.noTargets + "\n" }
        out += [t.rank, s.department, t.score, t.metric, t.unit, t.annualTarget, t.actualToDate, t.completion, t.ratio, t.capped, t.weight, t.points]
            .joined(separator: "\t") + "\n"
        for d in r.departments {
            for c in d.contributions {
                out += ["\(d.rank)", d.department, Format.fixed2(d.score), c.metricName, c.unit, Format.number(c.annualTarget),
                        Format.number(c.actualToDate) + (c.reported ? "" : " (\(t.notReported))"), Format.percent(c.completion * 100),
                        Format.fixed4(c.ratio), Format.fixed4(c.cappedRatio), Format.number(c.weight), Format.fixed2(c.points)]
                    .map(ProblemText.cell).joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    /// Sets (or with nil removes) one department's target for a year.
    public func setTarget(zone: String?, year: Int, department: String, metricKey: String, annualTarget: Double?) async throws {
        try await TargetForms.setTargets(db, zone: try await TargetForms.zone(db, zone), year: year,
                                         [.init(department: department, metricKey: metricKey, annualTarget: annualTarget)])
    }

    /// Reports a department's figure on a reported metric for one period.
    public func recordActual(zone: String?, department: String, metricKey: String, period: String, value: Double, by: String) async throws {
        _ = try await TargetForms.record(db, zone: try await TargetForms.zone(db, zone), department: department, metricKey: metricKey,
                                         period: period, value: value, by: by)
    }

    /// The zone's formula as JSON (the standard one until the zone sets its own).
    public func formulaJSON(zone: String?) async throws -> String {
        try Self.json(try await TargetRepository(db: db).formula(zoneID: try await TargetForms.zone(db, zone).id))
    }

    /// Replaces the zone's formula with the JSON `data` (the shape `formulaJSON` prints).
    public func setFormula(zone: String?, json data: Data) async throws {
        let formula: RankingFormula
        do { formula = try JSONDecoder().decode(RankingFormula.self, from: data) } catch let e as TargetError {
            throw Abort(.unprocessableEntity, reason: "formula: \(e)")
        } catch {
            throw Abort(.unprocessableEntity, reason: "formula: not a formula ({\"metrics\": [{key, name, unit, direction, workLine, weight, source}], \"cap\": 1.2}): \(error)")
        }
        try await TargetForms.setFormula(db, zone: try await TargetForms.zone(db, zone), formula)
    }

    /// The agenda a meeting held on `heldOn` (default today) would get, as tab-separated lines:
    /// position, urgency in days, item, why it is there.
    public func agendaText(zone: String?, heldOn: CalendarDate?, nextMeeting: CalendarDate?, lang: Language) async throws -> String {
        let z = try await TargetForms.zone(db, zone)
        let (day, next) = try MeetingForms.days(zone: z, heldOn: heldOn, nextMeeting: nextMeeting)
        let s = lang.strings
        let items = try await MeetingForms.agenda(db, zone: z, heldOn: day, nextMeeting: next)
        return "\(z.zone.name)\t\(s.meetings.heldOn) \(day.iso)\t\(s.meetings.nextMeeting) \(next.iso)\t\(s.meetings.items(items.count))\n"
            + items.enumerated().map { i, item in
                ["\(i + 1)", "\(item.urgency)", item.title, s.meetings.reason(item.reason, s)].map(ProblemText.cell).joined(separator: "\t") + "\n"
            }.joined()
    }

    /// Holds a meeting: stores it with its generated agenda.
    /// - Returns: the meeting's id.
    public func createMeeting(zone: String?, title: String?, heldOn: CalendarDate?, nextMeeting: CalendarDate?) async throws -> UUID {
        try await MeetingForms.create(db, zone: try await TargetForms.zone(db, zone), title: title, heldOn: heldOn, nextMeeting: nextMeeting)
    }

    /// The bulletin of `period` as a standalone print-ready HTML page (A4), Markdown, CSV or JSON.
    /// - Parameter format: `html`, `markdown`, `csv` or `json`.
    public func bulletin(zone: String?, period: String, format: String, lang: Language) async throws -> Data {
        let b = try await Bulletin.load(db, zone: try await TargetForms.zone(db, zone), period: period)
        switch format {
        case "html": return Data(BulletinView.standalone(b, lang: lang).render().utf8)
        case "markdown": return Data(BulletinText.markdown(b, lang: lang).utf8)
        case "csv": return try BulletinText.csv(b, lang: lang)
        case "json": return Data(try Self.json(b).utf8)
        case "xlsx": return try BulletinText.workbook(b, lang: lang)
        default: throw Abort(.badRequest, reason: "format: use html, markdown, csv, json or xlsx")
        }
    }

    /// Raises a problem, optionally on a project given by key or exact name.
    /// - Returns: the problem's id.
    public func raiseProblem(zone: String?, project: String?, title: String, description: String, raisedBy: String, raisedOn: CalendarDate?,
                             owner: String, deadline: CalendarDate, level: ProblemLevel) async throws -> UUID {
        let z = try await TargetForms.zone(db, zone)
        var projectID: UUID?
        if let project { projectID = try await Self.project(project, in: z, db: db).id }
        return try await ProblemForms.raise(db, zone: z, projectID: projectID, title: title, description: description, raisedBy: raisedBy,
                                            raisedOn: raisedOn, owner: owner, deadline: deadline, level: level)
    }

    /// Assigns, resolves, reopens, closes or escalates a problem at its current version (the CLI
    /// acts on what it has just read, so it reads the version itself).
    /// - Returns: the problem's state and level afterwards.
    public func actOnProblem(_ id: UUID, action: ProblemAction, by: String, on: CalendarDate?, note: String?, deadline: CalendarDate?,
                             plan: String?) async throws -> Problem {
        guard let found = try await ProblemRepository(db: db).problem(id) else { throw Abort(.notFound, reason: "no problem with id \(id)") }
        try await ProblemForms.act(db, id: id, version: found.problem.version, action: action, by: by, on: on, note: note, deadline: deadline, plan: plan)
        return try await ProblemRepository(db: db).problem(id)?.problem.problem ?? found.problem.problem
    }

    /// A project of the zone by key, or by exact name when that name is unique.
    /// - Throws: a 404 naming the project, or a 422 listing the keys when the name is ambiguous.
    static func project(_ project: String, in z: StoredZone, db: any Database) async throws -> StoredProject {
        let projects = try await FluentPortfolioRepository(db: db).projects(zoneID: z.id)
        let named = projects.filter { $0.plan.project.name == project }
        guard let p = projects.first(where: { $0.plan.project.key == project }) ?? named.first else {
            throw Abort(.notFound, reason: "project: no project with key or name '\(project)' in zone \(z.zone.name)")
        }
        if p.plan.project.key != project, named.count > 1 {
            throw Abort(.unprocessableEntity, reason: "project: \(named.count) projects are named '\(project)'; give the key of one: \(named.map { "'\($0.plan.project.key)'" }.joined(separator: ", "))")
        }
        return p
    }

    /// Deletes (soft) the project with this key or name; returns its key and name.
    /// - Throws: 404 for no such project, 422 for an ambiguous name.
    public func deleteProject(_ project: String, zone: String?, by: String) async throws -> String {
        let z = try await TargetForms.zone(db, zone)
        let p = try await Self.project(project, in: z, db: db)
        do { try await FluentPortfolioRepository(db: db).deleteProject(id: p.id, expectedVersion: p.version, by: by) } catch let e as StoreError { throw e.http }
        return "\(p.plan.project.key) \(p.plan.project.name)"
    }

    /// Restores the deleted project with this key (the most recently deleted one of that key).
    /// - Throws: 404 when the zone has no deleted project with this key.
    public func restoreProject(key: String, zone: String?) async throws -> String {
        let z = try await TargetForms.zone(db, zone)
        let repo = FluentPortfolioRepository(db: db)
        guard let p = try await repo.deletedProjects(zoneID: z.id).first(where: { $0.key == key }) else {
            throw Abort(.notFound, reason: "project: no deleted project with key '\(key)' in zone \(z.zone.name)")
        }
        try await repo.restoreProject(id: p.id)
        return "\(p.key) \(p.name)"
    }

    /// The zone's deleted projects as tab-separated lines: key, name, deleted at (UTC), by.
    public func deletedProjectsText(zone: String?) async throws -> String {
        let z = try await TargetForms.zone(db, zone)
        return try await FluentPortfolioRepository(db: db).deletedProjects(zoneID: z.id)
            .map { [$0.key, $0.name, Format.utcTime($0.deletedAt), $0.deletedBy].map(ProblemText.cell).joined(separator: "\t") + "\n" }.joined()
    }

    /// The attraction funnel as JSON, the figures of `GET /api/v1/funnel`.
    public func funnelJSON(zone: String?, from: CalendarDate?, to: CalendarDate?, stallDays: Int?) async throws -> String {
        try Self.json(try await Attraction.funnel(db, zone: try await TargetForms.zone(db, zone), from: from, to: to, stallDays: stallDays))
    }

    /// The funnel as tab-separated text: a heading, one line per stage (stage, count, amounts,
    /// conversion to next %, dwell median and P90 in days), the signing cohorts, the stalled leads.
    public func funnelText(zone: String?, from: CalendarDate?, to: CalendarDate?, stallDays: Int?, lang: Language) async throws -> String {
        let z = try await TargetForms.zone(db, zone)
        let f = try await Attraction.funnel(db, zone: z, from: from, to: to, stallDays: stallDays)
        let l = lang.strings.leads
        func pct(_ v: Double?) -> String { v.map { Format.fixed2($0 * 100) } ?? "" }
        var out = "\(z.zone.name)\t\(f.from.iso)…\(f.to.iso)\n"
        out += [l.firstStage, l.count, l.amount, l.conversion + " %", l.dwellMedian, l.dwellP90].joined(separator: "\t") + "\n"
        for s in f.stages {
            out += [l.stage(s.stage), String(s.count), s.amount.map { "\($0.currency.code) \(Format.fixed2($0.majorUnits))" }.joined(separator: " + "),
                    pct(s.conversionToNext), s.dwellDaysMedian.map { Format.fixed2($0) } ?? "", s.dwellDaysP90.map(String.init) ?? ""].joined(separator: "\t") + "\n"
        }
        out += "\n" + [l.quarter, l.signedCount, l.landedCount, l.landingRate + " %"].joined(separator: "\t") + "\n"
        for c in f.cohorts { out += [c.quarter, String(c.signed), String(c.landed), pct(c.landingRate)].joined(separator: "\t") + "\n" }
        out += "\n\(l.stalled)\n"
        for s in f.stalled { out += [s.name, l.stage(s.stage), l.stalledReason(s, f.stallDays)].map(ProblemText.cell).joined(separator: "\t") + "\n" }
        return out
    }

    /// The zone's audit log as tab-separated lines, latest first: time (UTC), by, project, record,
    /// its id, action, before, after (cells made safe as in `ProblemText`).
    public func auditText(zone: String?, project: String?, actor: String?, limit: Int) async throws -> String {
        let z = try await TargetForms.zone(db, zone)
        var projectID: UUID?
        if let project { projectID = try await Self.project(project, in: z, db: db).id }
        let names = Dictionary(uniqueKeysWithValues: try await FluentPortfolioRepository(db: db).projects(zoneID: z.id).map { ($0.id, $0.plan.project.name) })
        return try await AuditLog.entries(on: db, zoneID: z.id, projectID: projectID, actor: actor, includeUnzoned: true, limit: limit).map { e in
            [Format.utcTime(e.at), e.actor, e.projectID.flatMap { names[$0] } ?? "", e.entity, e.entityID, e.action, e.old ?? "", e.new ?? ""]
                .map(ProblemText.cell).joined(separator: "\t") + "\n"
        }.joined()
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self) + "\n"
    }
}

extension Application {
    /// Progress reporting over this application's database.
    public var reporting: Reporting { Reporting(db: db) }
}
