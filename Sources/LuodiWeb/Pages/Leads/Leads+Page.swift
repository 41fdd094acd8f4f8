import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/leads`: the pipeline board of a zone's leads by stage, and the form to record a lead.
enum LeadsPage {
    struct Form: Content {
        var zone: String?
        var title: String?
        var investor: String?
        var origin: String?
        var parentGroup: String?
        var channel: String?
        var industryCluster: String?
        var amount: String?
        var currency: String?
        var ownerDepartment: String?
        var officer: String?
        var stage: String?
        var on: String?
        var by: String?
    }

    static func handle(_ req: Request) async throws -> Response {
        try await render(req, form: nil, errors: [])
    }

    static func render(_ req: Request, form: Form?, errors: [String], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let repo = LeadRepository(db: req.db)
        let leads = try await repo.leads(zoneID: zone.id)
        let today = CalendarDate.today(timeZoneIdentifier: zone.zone.timeZone)
        let talents = try await repo.talents(zoneID: zone.id).filter { $0.on.year == today.year }
        return view(leads, zones: zones.map(\.zone.name), zone: zone.zone, today: today, lang: req.language, path: req.pathAndQuery,
                    form: form, errors: errors, talents: talents, rates: try await repo.exchangeRates()).response(status: status)
    }

    /// A refused talent or rate form: the board again with the reason.
    static func settle(_ req: Request, _ body: () async throws -> Void) async throws -> Response {
        do { try await body() } catch let e as any AbortError where e.status != .notFound && e.status != .forbidden {
            return try await render(req, form: nil, errors: [e.reason], status: e.status)
        }
        return req.redirect(to: SiteURL.leads.url([("zone", req.query[String.self, at: "zone"])]) + (req.url.path.hasSuffix("rates") ? "#rates" : "#talents"),
                            redirectType: .normal)
    }

    static func addTalents(_ req: Request) async throws -> Response {
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        return try await settle(req) {
            let zone = try await req.portfolio.zone(named: f["zone"])
            try req.authorize(.recordFigures, figuresOf: f["department"])
            guard let category = TalentCategory(rawValue: f["category"] ?? "") else { throw LeadError.invalid(field: "category", reason: "choose a category") }
            guard let count = f["count"].flatMap({ Int($0.trimmingWhitespace()) }) else { throw LeadError.invalid(field: "count", reason: "a whole number") }
            try await LeadRepository(db: req.db).addTalents(zoneID: zone.id, category: category, department: f["department"] ?? "",
                                                            on: try LeadPage.day(f["on"], zone: zone), count: count, by: try req.requireAccount().login)
        }
    }

    static func setRate(_ req: Request) async throws -> Response {
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        return try await settle(req) {
            guard let from = try? CurrencyCode(f["from"] ?? ""), let to = try? CurrencyCode(f["to"] ?? "") else {
                throw LeadError.invalid(field: "currency", reason: "choose two currencies")
            }
            let rate = try Attraction.rate(f["rate"] ?? "")
            let day: CalendarDate
            do { day = try CalendarDate(iso: f["on"] ?? "") } catch { throw LeadError.invalid(field: "on", reason: "\(error)") }
            try await LeadRepository(db: req.db).setExchangeRate(ExchangeRate(from: from, to: to, on: day, rate: rate), by: try req.requireAccount().login)
        }
    }

    /// An amount typed on a form: `5000` in the form's currency (万 for yuan, units otherwise), or text with its own unit and currency such as 5000万美元.
    static func amount(_ text: String?, currency: String?) throws -> Money? { try LeadAmount.parse(text, currency: currency) }

    static func create(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        do {
            let zone = try await req.portfolio.zone(named: form.zone)
            let owner = form.ownerDepartment ?? ""
            try req.authorize(.editProject, project: (owner, nil))
            guard let channel = LeadChannel(rawValue: form.channel ?? "") else { throw LeadError.invalid(field: "channel", reason: "choose a channel") }
            guard let stage = LeadStage(rawValue: form.stage ?? "lead") else { throw LeadError.invalid(field: "stage", reason: "choose a stage") }
            let day = try form.on.flatMap { $0.isEmpty ? nil : $0 }.map { text in
                do { return try CalendarDate(iso: text) } catch { throw LeadError.invalid(field: "on", reason: "\(error)") }
            }
            let lead = Lead(title: form.title ?? "", investor: Investor(name: form.investor ?? "", origin: form.origin.flatMap { $0.isEmpty ? nil : $0 },
                                                                        parentGroup: form.parentGroup.flatMap { $0.isEmpty ? nil : $0 }),
                            channel: channel, industryCluster: form.industryCluster.flatMap { $0.isEmpty ? nil : $0 },
                            intendedInvestment: try amount(form.amount, currency: form.currency), ownerDepartment: owner,
                            officer: form.officer.flatMap { $0.isEmpty ? nil : $0 })
            let id = try await LeadRepository(db: req.db).create(zoneID: zone.id, lead, stage: stage, on: try Attraction.checkedDay(day, zone: zone),
                                                                 by: try ProblemForms.required("by", form.by ?? ""))
            return req.redirect(to: SiteURL.lead(id).path, redirectType: .normal)
        } catch let e as any AbortError where e.status != .notFound {
            return try await render(req, form: form, errors: [e.reason], status: e.status)
        }
    }

    static func view(_ leads: [StoredLead], zones: [String], zone: Zone, today: CalendarDate, lang: Language, path: String, form: Form?, errors: [String],
                     talents: [(category: TalentCategory, department: String, on: CalendarDate, count: Int)], rates: [ExchangeRate]) -> HTML {
        let s = lang.strings, l = s.leads
        let columns = LeadStage.pipeline + [.onHold, .lost]
        func idle(_ lead: StoredLead) -> Int {
            let last = ([lead.transitions.last?.on] + lead.notes.map { Optional($0.on) }).compactMap { $0 }.max() ?? today
            return last.days(until: today)
        }
        let f = form ?? Form()
        return Layout.page(title: l.title, lang: lang, section: .leads, path: path,
            .h1(.text("\(l.title) · \(zone.name)")),
            .form(.class("toolbar"), .action(SiteURL.leads.path), .method(.get),
                .label(.text(s.zone), .select(.attribute(named: "name", value: "zone"), .forEach(zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == zone.name)) })),
                .button(.type(.submit), .text(s.show))),
            .p(.a(.href(SiteURL.funnel.url([("zone", zone.name)])), .text("\(l.funnelTitle) ›")), .text(" · "),
               .a(.href(SiteURL.leadsWorkbook.url([("zone", zone.name)])), .text("Excel (.xlsx)"))),
            leads.isEmpty ? .p(.class("note"), .text(l.noLeads)) : .div(.class("board"),
                .forEach(columns) { stage in
                    let here = leads.filter { $0.stage == stage }
                    return .div(.class("column"),
                        .h3(.text("\(l.stage(stage)) (\(here.count))")),
                        .forEach(here) { lead in
                            .a(.class("lead"), .href(SiteURL.lead(lead.id).path),
                               .strong(.text(lead.lead.title)), .br(), .text(lead.lead.investor.name),
                               .br(), .span(.class("muted"), .text("\(lead.lead.ownerDepartment) · \(Format.money(lead.lead.intendedInvestment, lang))")),
                               .if(idle(lead) > 30 && stage.rank != nil && stage != .operating, .group(.br(), .span(.class("flag"), .text(l.daysIdle(idle(lead)))))))
                        })
                }),
            .if(Layout.may(.editProject), .group(
                .h2(.id("new"), .text(l.newLead)),
                .if(!errors.isEmpty, .ul(.class("errors"), .forEach(errors) { .li(.text($0)) })),
                .form(.class("stack"), .action(SiteURL.leads.path), .method(.post), .csrf(),
                    .input(.type(.hidden), .name("zone"), .value(attr(zone.name))),
                    .label(.text(l.leadTitle), .input(.type(.text), .name("title"), .required(true), .value(attr(f.title ?? "")))),
                    .label(.text(l.investor), .input(.type(.text), .name("investor"), .required(true), .value(attr(f.investor ?? "")))),
                    .label(.text(l.origin), .input(.type(.text), .name("origin"), .value(attr(f.origin ?? "")))),
                    .label(.text(l.parentGroup), .input(.type(.text), .name("parentGroup"), .value(attr(f.parentGroup ?? "")))),
                    .label(.text(l.channelLabel), .select(.attribute(named: "name", value: "channel"),
                        .forEach(LeadChannel.allCases) { c in .option(.value(c.rawValue), .label(attr(l.channel(c))), .isSelected(c.rawValue == f.channel)) })),
                    .label(.text(s.industryCluster), .input(.type(.text), .name("industryCluster"), .value(attr(f.industryCluster ?? "")))),
                    .label(.text(l.intended), .input(.type(.text), .name("amount"), .value(attr(f.amount ?? "")))),
                    .label(.text(l.currency), .select(.attribute(named: "name", value: "currency"),
                        .forEach(["CNY", "USD", "EUR", "HKD", "JPY"]) { c in .option(.value(c), .label(c), .isSelected(c == (f.currency ?? "CNY"))) })),
                    .p(.class("help"), .text(l.amountHelp)),
                    .label(.text(s.ownerDepartment), .input(.type(.text), .name("ownerDepartment"), .required(true),
                        .value(attr(f.ownerDepartment ?? SignedIn.current?.account.department ?? "")))),
                    .label(.text(l.officer), .input(.type(.text), .name("officer"), .value(attr(f.officer ?? "")))),
                    .label(.text(l.firstStage), .select(.attribute(named: "name", value: "stage"),
                        .forEach(LeadStage.pipeline) { st in .option(.value(st.rawValue), .label(attr(l.stage(st))), .isSelected(st.rawValue == (f.stage ?? "lead"))) })),
                    .label(.text(l.on), .input(.type(.date), .name("on"), .value(attr(f.on ?? today.iso)))),
                    .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(attr(Layout.byDefault(f.by ?? ""))))),
                    .button(.type(.submit), .text(l.newLead))))),
            .h2(.id("talents"), .text("\(l.talents) · \(today.year)")),
            talents.isEmpty ? .p(.class("note"), .text(s.blank)) : .table(
                .tr(.th(.text(l.on)), .th(.text(s.department)), .th(.text(l.talents)), .th(.class("num"), .text(l.talentCount))),
                .forEach(talents) { t in .tr(.td(.text(t.on.iso)), .td(.text(t.department)), .td(.text(l.talentCategory(t.category))), .td(.class("num"), .text(String(t.count)))) }),
            .if(Layout.may(.recordFigures), .form(.class("toolbar"), .action(SiteURL.leadTalents.url([("zone", zone.name)])), .method(.post), .csrf(),
                .input(.type(.hidden), .name("zone"), .value(attr(zone.name))),
                .label(.text(s.department), .input(.type(.text), .name("department"), .required(true), .value(attr(SignedIn.current?.account.department ?? "")))),
                .label(.text(l.talents), .select(.attribute(named: "name", value: "category"),
                    .forEach(TalentCategory.allCases) { c in .option(.value(c.rawValue), .label(attr(l.talentCategory(c)))) })),
                .label(.text(l.talentCount), .input(.type(.number), .name("count"), .required(true), .attribute(named: "min", value: "1"))),
                .label(.text(l.on), .input(.type(.date), .name("on"), .value(today.iso))),
                .button(.type(.submit), .text(l.addTalents)))),
            .h2(.id("rates"), .text(l.rates)),
            .p(.class("note"), .text(l.rateHelp)),
            rates.isEmpty ? .p(.class("note"), .text(s.blank)) : .table(
                .tr(.th(.text(l.on)), .th(.text(l.currency)), .th(.class("num"), .text(l.rates))),
                .forEach(rates.reversed()) { r in .tr(.td(.text(r.on.iso)), .td(.text("\(r.from.code) → \(r.to.code)")), .td(.class("num"), .text("\(r.rate)"))) }),
            .if(Layout.may(.administerZone), .form(.class("toolbar"), .action(SiteURL.leadRates.url([("zone", zone.name)])), .method(.post), .csrf(),
                .label(.text(l.currency), .select(.attribute(named: "name", value: "from"), .forEach(["USD", "EUR", "HKD", "JPY", "CNY"]) { c in .option(.value(c), .label(c)) })),
                .label(.text("→"), .select(.attribute(named: "name", value: "to"), .forEach(["CNY", "USD", "EUR", "HKD", "JPY"]) { c in .option(.value(c), .label(c)) })),
                .label(.text(l.rates), .input(.type(.text), .name("rate"), .required(true), .attribute(named: "placeholder", value: "6.4601"))),
                .label(.text(l.on), .input(.type(.date), .name("on"), .value(today.iso))),
                .button(.type(.submit), .text(l.setRate)))))
    }
}
