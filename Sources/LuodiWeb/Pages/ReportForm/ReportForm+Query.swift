import Foundation
import LuodiCore
import LuodiStore
import Vapor

/// `/projects/{id}/report?period=…`: file or edit a project's report; a refusal shows the form
/// again with the reasons and the input kept.
enum ReportFormPage {
    static func handle(_ req: Request) async throws -> Response {
        switch try await query(req, period: req.query[String.self, at: "period"]) {
        case let .page(model): return ReportFormView.render(model).response()
        case let .message(response): return response
        }
    }

    static func save(_ req: Request) async throws -> Response {
        struct Form: Content {
            var period: String?
            var version: Int?
            var investment: String?
            var enrollment: String?
            var narrative: String?
            var reportedBy: String?
            var reportedOn: String?
            var reason: String?
            var changedBy: String?
        }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        guard case var .page(model) = try await query(req, period: form.period) else {
            return try await handle(req)
        }
        model.inputs = ReportFormModel.Inputs(
            investment: form.investment ?? "", enrollment: form.enrollment ?? "", narrative: form.narrative ?? "",
            reportedBy: form.reportedBy ?? "", reportedOn: form.reportedOn ?? "", reason: form.reason ?? "", changedBy: form.changedBy ?? "",
            actuals: model.milestones.indices.map { i in
                ((try? req.content.get(String.self, at: "s\(i)")) ?? "", (try? req.content.get(String.self, at: "f\(i)")) ?? "")
            })
        var errors: [String] = []
        func date(_ text: String, _ field: String) -> CalendarDate? {
            let t = text.trimmingWhitespace()
            guard !t.isEmpty else { return nil }
            do { return try CalendarDate(iso: t) } catch { errors.append("\(field): \(error)"); return nil }
        }
        var actuals: [MilestoneActual] = []
        for (i, m) in model.milestones.enumerated() {
            let typed = model.inputs.actuals[i]
            let start = date(typed.start, "\(m.name) \(model.lang.strings.milestoneActualStart)")
            let finish = date(typed.finish, "\(m.name) \(model.lang.strings.actualFinish)")
            if start != nil || finish != nil { actuals.append(MilestoneActual(milestone: m.name, actualStart: start, actualFinish: finish)) }
        }
        let enrollment = date(model.inputs.enrollment, "statisticalEnrollment")
        let reportedOn = date(model.inputs.reportedOn, "reportedOn")
        var status = HTTPResponseStatus.unprocessableEntity
        if errors.isEmpty {
            let body = ReportsAPI.ReportBody(
                projectID: model.projectID, period: model.period.name, investmentInPeriod: model.inputs.investment, milestoneActuals: actuals,
                statisticalEnrollment: enrollment, narrative: model.inputs.narrative, reportedBy: model.inputs.reportedBy,
                reportedOn: reportedOn, version: form.version, reason: model.inputs.reason, changedBy: model.inputs.changedBy)
            do {
                _ = try await ReportForms.save(req.db, body, unit: model.zone.currency == .cny ? .wan : .one)
                return req.redirect(to: SiteURL.reports.url([("zone", model.zone.name), ("period", model.period.name)]), redirectType: .normal)
            } catch let e as any AbortError {
                errors.append(e.reason)
                status = e.status
            }
        }
        model.errors = errors
        return ReportFormView.render(model).response(status: status)
    }

    enum Outcome {
        case page(ReportFormModel)
        case message(Response)
    }

    static func query(_ req: Request, period name: String?) async throws -> Outcome {
        let s = req.language.strings
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let found = try await req.portfolioRepository.project(id: id) else {
            return .message(MessagePage.view(title: s.notFound, message: s.notFound, lang: req.language, path: req.pathAndQuery).response(status: .notFound))
        }
        try req.authorize(.editProject, on: found.project.plan.project)
        let zone = found.zone.zone
        guard let cycle = zone.reportingCycle else {
            return .message(MessagePage.view(title: s.reporting.title, message: s.reporting.noCycle, lang: req.language, path: req.pathAndQuery)
                .response(status: .unprocessableEntity))
        }
        let period: ReportingPeriod
        if let name, !name.isEmpty {
            period = try ReportForms.period(name)
            guard period.cycle == cycle else { throw ReportStoreError.wrongCycle(period: name, cycle: cycle) }
        } else {
            period = ReportingPeriod(containing: CalendarDate.today(timeZoneIdentifier: zone.timeZone), cycle: cycle)
        }
        let existing = try await req.reports.reports(zoneID: found.zone.id, period: period.name, projectID: id).first
        var revisions: [ReportRevision] = [], photos: [ReportAttachment] = []
        if let existing {
            revisions = try await req.reports.report(existing.id)?.revisions ?? []
            photos = try await req.reports.attachments(reportID: existing.id)
        }
        let closed = try await req.reports.closedPeriods(zoneID: found.zone.id).first { $0.name == period.name }
        let milestones = found.project.plan.milestones
        var inputs = ReportFormModel.Inputs(reportedOn: CalendarDate.today(timeZoneIdentifier: zone.timeZone).iso)
        inputs.actuals = milestones.map { _ in ("", "") }
        if let r = existing?.report {
            inputs.investment = r.investmentInPeriod.map { Self.amountText($0) } ?? ""
            inputs.enrollment = r.statisticalEnrollment?.iso ?? ""
            inputs.narrative = r.narrative
            inputs.reportedBy = r.reportedBy
            inputs.reportedOn = r.reportedOn.iso
            inputs.actuals = milestones.map { m in
                let a = r.milestoneActuals.first { $0.milestone == m.name }
                return (a?.actualStart?.iso ?? "", a?.actualFinish?.iso ?? "")
            }
        }
        return .page(ReportFormModel(lang: req.language, path: req.pathAndQuery, projectID: id, projectName: found.project.plan.project.name,
                                     zone: zone, period: period, closed: closed, existing: existing, revisions: revisions, photos: photos,
                                     milestones: milestones, inputs: inputs))
    }

    /// The photo form: attaches the uploaded `photo` to the project's report of `period`; a
    /// refusal shows the report page again with the reason.
    static func addPhoto(_ req: Request) async throws -> Response {
        struct Form: Content { var period: String?; var by: String?; var photo: File? }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        guard case var .page(model) = try await query(req, period: form.period) else { return try await handle(req) }
        do {
            guard let report = model.existing else { throw Abort(.unprocessableEntity, reason: "file: file the report first, then add photos") }
            guard let photo = form.photo, photo.data.readableBytes > 0 else { throw Abort(.unprocessableEntity, reason: "file: choose a photo") }
            _ = try await req.photos.add(Data(buffer: photo.data), fileName: photo.filename, to: report.id, by: form.by ?? "")
        } catch let e as any AbortError {
            model.errors = [e.reason]
            return ReportFormView.render(model).response(status: e.status)
        }
        return req.redirect(to: SiteURL.projectReport(model.projectID).url([("period", model.period.name)]) + "#photos", redirectType: .normal)
    }

    /// A photo's bytes, as an image that the browser may show but not sniff as anything else.
    static func photo(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let a = try await req.reports.attachment(id) else {
            throw Abort(.notFound, reason: "no such photo")
        }
        guard let report = try await req.reports.report(a.reportID) else { throw Abort(.notFound, reason: "no such photo") }
        do { _ = try await req.authorizedProject(report.report.projectID, for: .readProject) } catch let e as Abort where e.status == .notFound {
            throw Abort(.notFound, reason: "no such photo")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: a.contentType)
        headers.cacheControl = .init(isPrivate: true, maxAge: 86_400)
        return Response(status: .ok, headers: headers, body: .init(data: try req.photos.bytes(a, logger: req.logger)))
    }

    /// An amount as the form's field takes it back: 万元 for CNY, whole units otherwise, without
    /// trailing zeros (1500万 → "1500", 12.5万 → "12.5").
    static func amountText(_ m: Money) -> String {
        "\(m.decimal(in: m.currency == .cny ? .wan : .one))"
    }
}
