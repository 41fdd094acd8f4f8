import Foundation
import LuodiCharts
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/leads/{id}`: one lead's record from first contact on (moves, notes, capital), the project it
/// became with its light, and the forms to move it, note it and record capital.
enum LeadPage {
    static func handle(_ req: Request) async throws -> Response {
        try await render(req, errors: [], kept: [:])
    }

    static func load(_ req: Request) async throws -> (StoredLead, StoredZone) {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let lead = try await LeadRepository(db: req.db).lead(id) else {
            throw Abort(.notFound, reason: "no such lead")
        }
        try req.requireVisible(zoneID: lead.zoneID, "such lead")
        guard let zone = try await req.portfolioRepository.zone(id: lead.zoneID) else { throw Abort(.notFound, reason: "no such lead") }
        return (lead, zone)
    }

    static func render(_ req: Request, errors: [String], kept: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let (lead, zone) = try await load(req)
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        var project: (id: UUID, name: String, rag: RAGStatus)?
        if let pid = lead.projectID, let found = try await req.portfolioRepository.project(id: pid) {
            let a = try await req.portfolio.assess(found.project, of: found.zone, asOf: today)
            project = (pid, found.project.plan.project.name, a.assessment.status)
        }
        return view(lead, zone: zone.zone, project: project, today: today, lang: req.language, path: req.pathAndQuery,
                    errors: errors, kept: kept).response(status: status)
    }

    /// Runs a change of the lead's page; a refusal shows the page again with the reason and the input kept.
    static func change(_ req: Request, _ body: (StoredLead, StoredZone, [String: String]) async throws -> Void) async throws -> Response {
        let (lead, zone) = try await load(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        do {
            try req.authorize(.editProject, project: (lead.lead.ownerDepartment, nil))
            try await body(lead, zone, form)
        } catch let e as any AbortError where e.status != .notFound && e.status != .forbidden {
            return try await render(req, errors: [e.reason], kept: form, status: e.status)
        } catch let e as StoreError {
            guard case .conflict = e else { throw e.http }
            return try await render(req, errors: [e.description], kept: form, status: .conflict)
        }
        return req.redirect(to: SiteURL.lead(lead.id).path, redirectType: .normal)
    }

    static func day(_ text: String?, zone: StoredZone) throws -> CalendarDate {
        let given = try text.flatMap { $0.isEmpty ? nil : $0 }.map { t in
            do { return try CalendarDate(iso: t) } catch { throw LeadError.invalid(field: "on", reason: "\(error)") }
        }
        return try Attraction.checkedDay(given, zone: zone)
    }

    static func move(_ req: Request) async throws -> Response {
        try await change(req) { lead, zone, f in
            guard let to = LeadStage(rawValue: f["to"] ?? "") else { throw LeadError.invalid(field: "to", reason: "choose a stage") }
            guard let version = f["version"].flatMap(Int.init) else { throw LeadError.invalid(field: "version", reason: "missing; reload the page") }
            _ = try await LeadRepository(db: req.db).move(lead.id, expectedVersion: version, to: to, on: try day(f["on"], zone: zone), reason: f["reason"],
                                                          by: try ProblemForms.required("by", f["by"] ?? ""))
        }
    }

    static func edit(_ req: Request) async throws -> Response {
        try await change(req) { lead, _, f in
            guard let channel = LeadChannel(rawValue: f["channel"] ?? "") else { throw LeadError.invalid(field: "channel", reason: "choose a channel") }
            guard let version = f["version"].flatMap(Int.init) else { throw LeadError.invalid(field: "version", reason: "missing; reload the page") }
            let owner = f["ownerDepartment"] ?? ""
            try req.authorize(.editProject, project: (owner, nil))
            func text(_ k: String) -> String? { f[k].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } }
            let code = try text("projectCode").map { t in
                do { return try ProjectCode(t) } catch { throw LeadError.invalid(field: "projectCode", reason: "\(error)") }
            }
            let details = Lead(title: f["title"] ?? "", investor: Investor(name: f["investor"] ?? "", origin: text("origin"), parentGroup: text("parentGroup")),
                               channel: channel, industryCluster: text("industryCluster"), intendedInvestment: try LeadAmount.parse(f["amount"], currency: f["currency"]),
                               ownerDepartment: owner, officer: text("officer"), projectCode: code)
            _ = try await LeadRepository(db: req.db).update(lead.id, expectedVersion: version, details, by: try req.requireAccount().login)
        }
    }

    static func note(_ req: Request) async throws -> Response {
        try await change(req) { lead, zone, f in
            try await LeadRepository(db: req.db).note(lead.id, on: try day(f["on"], zone: zone), text: f["text"] ?? "",
                                                      by: try ProblemForms.required("by", f["by"] ?? ""))
        }
    }

    static func capital(_ req: Request) async throws -> Response {
        try await change(req) { lead, zone, f in
            guard let kind = CapitalRecord.Kind(rawValue: f["kind"] ?? "") else { throw LeadError.invalid(field: "kind", reason: "contracted or in place") }
            guard let money = try LeadsPage.amount(f["amount"], currency: f["currency"]) else { throw LeadError.invalid(field: "amount", reason: "required") }
            try await LeadRepository(db: req.db).addCapital(lead.id, CapitalRecord(kind: kind, on: try day(f["on"], zone: zone), amount: money),
                                                            by: try ProblemForms.required("by", f["by"] ?? ""))
        }
    }

    static func view(_ lead: StoredLead, zone: Zone, project: (id: UUID, name: String, rag: RAGStatus)?, today: CalendarDate, lang: Language, path: String,
                     errors: [String], kept: [String: String]) -> HTML {
        let s = lang.strings, l = s.leads, x = lead.lead
        func field(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(label)), .dd(.text(value ?? s.blank)))
        }
        // Moves and notes in date order (a note after a move of the same day).
        let events: [(on: CalendarDate, what: String, detail: String, by: String)] =
            (lead.transitions.map { t in (t.on, "\(t.from.map { l.stage($0) + " → " } ?? "")\(l.stage(t.to))", t.reason ?? "", t.by) }
             + lead.notes.map { n in (n.on, l.note, n.text, n.by) }).enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
        let mayEdit = Layout.may(.editProject, department: x.ownerDepartment)
        func value(_ name: String, _ fallback: String = "") -> String { attr(kept[name] ?? fallback) }
        return Layout.page(title: x.title, lang: lang, section: .leads, path: path,
            .p(.a(.href(SiteURL.leads.url([("zone", zone.name)])), .text("‹ \(l.title)"))),
            .h1(.text(x.title), .text(" "), .span(.class("flag"), .text(l.stage(lead.stage)))),
            .unwrap(project) { p in
                .p(.text("\(l.becameProject): "), .a(.href(SiteURL.project(p.id).path), .text(p.name)), .text(" "), Layout.light(p.rag, lang))
            },
            .dl(.class("fields"),
                field(l.investor, x.investor.name), field(l.origin, x.investor.origin), field(l.parentGroup, x.investor.parentGroup),
                field(l.channelLabel, l.channel(x.channel)), field(s.industryCluster, x.industryCluster),
                field(l.intended, x.intendedInvestment.map { Format.money($0, lang) }), field(s.ownerDepartment, x.ownerDepartment),
                field(l.officer, x.officer), field(s.projectCode, x.projectCode?.value)),
            .h2(.text(l.timeline)),
            .table(.tr(.th(.text(l.on)), .th(.text(l.move)), .th(.text(l.reason + " / " + l.note)), .th(.text(s.by))),
                   .forEach(events) { e in .tr(.td(.class("nowrap"), .text(e.on.iso)), .td(.text(e.what)), .td(.text(e.detail)), .td(.text(e.by))) }),
            .h2(.text(l.capital)),
            lead.capital.isEmpty ? .p(.class("note"), .text(s.blank)) : .table(
                .tr(.th(.text(l.on)), .th(.text(l.capital)), .th(.class("num"), .text(l.money))),
                .forEach(lead.capital) { c in .tr(.td(.text(c.on.iso)), .td(.text(l.capitalKind(c.kind))), .td(.class("num"), .text(Format.money(c.amount, lang)))) }),
            .if(mayEdit, .group(
                .if(!errors.isEmpty, .ul(.class("errors"), .id("errors"), .forEach(errors) { .li(.text($0)) })),
                .div(.class("two"),
                    .form(.class("stack"), .action(SiteURL.leadMove(lead.id).path), .method(.post), .csrf(),
                        .h3(.text(l.move)),
                        .input(.type(.hidden), .name("version"), .value(String(lead.version))),
                        .label(.text(l.moveTo), .select(.attribute(named: "name", value: "to"),
                            .forEach(LeadStage.allCases.filter { $0 != lead.stage }) { st in
                                .option(.value(st.rawValue), .label(attr(l.stage(st))), .isSelected(st.rawValue == (kept["to"] ?? lead.stage.next?.rawValue)))
                            })),
                        .label(.text(l.on), .input(.type(.date), .name("on"), .value(value("on", today.iso)))),
                        .label(.text(l.reason), .input(.type(.text), .name("reason"), .value(value("reason")))),
                        .p(.class("help"), .text(l.reasonHelp)),
                        .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(value("by", Layout.byDefault(""))))),
                        .button(.type(.submit), .text(l.move))),
                    .div(
                        .form(.class("stack"), .action(SiteURL.leadNote(lead.id).path), .method(.post), .csrf(),
                            .h3(.text(l.addNote)),
                            .label(.text(l.note), .textarea(.name("text"), .attribute(named: "rows", value: "2"), .text(kept["text"] ?? ""))),
                            .label(.text(l.on), .input(.type(.date), .name("on"), .value(value("on", today.iso)))),
                            .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(value("by", Layout.byDefault(""))))),
                            .button(.type(.submit), .text(l.addNote))),
                        .form(.class("stack"), .action(SiteURL.leadCapital(lead.id).path), .method(.post), .csrf(),
                            .h3(.text(l.addCapital)),
                            .label(.text(l.capital), .select(.attribute(named: "name", value: "kind"),
                                .forEach(CapitalRecord.Kind.allCases) { k in .option(.value(k.rawValue), .label(attr(l.capitalKind(k))), .isSelected(k.rawValue == kept["kind"])) })),
                            .label(.text(l.money), .input(.type(.text), .name("amount"), .required(true), .value(value("amount")))),
                            .label(.text(l.currency), .select(.attribute(named: "name", value: "currency"),
                                .forEach(["CNY", "USD", "EUR", "HKD", "JPY"]) { c in .option(.value(c), .label(c), .isSelected(c == (kept["currency"] ?? x.intendedInvestment?.currency.code ?? "CNY"))) })),
                            .p(.class("help"), .text(l.amountHelp)),
                            .label(.text(l.on), .input(.type(.date), .name("on"), .value(value("on", today.iso)))),
                            .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(value("by", Layout.byDefault(""))))),
                            .button(.type(.submit), .text(l.addCapital))))),
                .form(.class("stack"), .action(SiteURL.leadEdit(lead.id).path), .method(.post), .csrf(),
                    .h3(.text(l.editDetails)),
                    .input(.type(.hidden), .name("version"), .value(String(lead.version))),
                    .label(.text(l.leadTitle), .input(.type(.text), .name("title"), .required(true), .value(value("title", x.title)))),
                    .label(.text(l.investor), .input(.type(.text), .name("investor"), .required(true), .value(value("investor", x.investor.name)))),
                    .label(.text(l.origin), .input(.type(.text), .name("origin"), .value(value("origin", x.investor.origin ?? "")))),
                    .label(.text(l.parentGroup), .input(.type(.text), .name("parentGroup"), .value(value("parentGroup", x.investor.parentGroup ?? "")))),
                    .label(.text(l.channelLabel), .select(.attribute(named: "name", value: "channel"),
                        .forEach(LeadChannel.allCases) { c in .option(.value(c.rawValue), .label(attr(l.channel(c))), .isSelected(c.rawValue == (kept["channel"] ?? x.channel.rawValue))) })),
                    .label(.text(s.industryCluster), .input(.type(.text), .name("industryCluster"), .value(value("industryCluster", x.industryCluster ?? "")))),
                    .label(.text(l.intended), .input(.type(.text), .name("amount"),
                        .value(value("amount", x.intendedInvestment.map { $0.currency == .cny ? Format.fixed2($0.majorUnits / 10_000) : Format.fixed2($0.majorUnits) } ?? "")))),
                    .label(.text(l.currency), .select(.attribute(named: "name", value: "currency"),
                        .forEach(["CNY", "USD", "EUR", "HKD", "JPY"]) { c in .option(.value(c), .label(c), .isSelected(c == (kept["currency"] ?? x.intendedInvestment?.currency.code ?? "CNY"))) })),
                    .label(.text(s.ownerDepartment), .input(.type(.text), .name("ownerDepartment"), .required(true), .value(value("ownerDepartment", x.ownerDepartment)))),
                    .label(.text(l.officer), .input(.type(.text), .name("officer"), .value(value("officer", x.officer ?? "")))),
                    .label(.text(s.projectCode), .input(.type(.text), .name("projectCode"), .value(value("projectCode", x.projectCode?.value ?? "")))),
                    .button(.type(.submit), .text(s.save))))))
    }
}
