import Foundation
import LuodiCharts
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/leads/funnel`: the funnel of a period as an SVG chart and a table, the landing rate of each
/// signing quarter and the stalled leads with their reasons — the figures of `/api/v1/funnel`
/// and `luodi report funnel`.
enum FunnelPage {
    static func handle(_ req: Request) async throws -> Response {
        guard let (zones, zone) = try await req.selectedZone() else {
            return EmptyState.view(lang: req.language, path: req.pathAndQuery).response()
        }
        let f = try await Attraction.funnel(req.db, zone: zone, from: try req.dateParameter("from"), to: try req.dateParameter("to"),
                                            stallDays: try req.stallDays())
        let perCurrency = try await Attraction.capital(req.db, zone: zone, currency: nil, from: f.from, to: f.to)
        // In the zone's currency through the dated rates, or why not (a missing rate is named, never guessed).
        var converted: Result<Attraction.CapitalTotals, Abort>
        do { converted = .success(try await Attraction.capital(req.db, zone: zone, currency: zone.zone.currency, from: f.from, to: f.to)) } catch let e as Abort {
            converted = .failure(e)
        }
        return view(f, zones: zones.map(\.zone.name), zone: zone.zone.name, lang: req.language, path: req.pathAndQuery,
                    capital: (perCurrency, converted)).response()
    }

    static func percent(_ v: Double?) -> String { v.map { Format.percent($0 * 100) } ?? "—" }

    static func view(_ f: Funnel, zones: [String], zone: String, lang: Language, path: String,
                     capital: (perCurrency: Attraction.CapitalTotals, converted: Result<Attraction.CapitalTotals, Abort>)) -> HTML {
        func sums(_ m: [Money]) -> String { m.isEmpty ? "—" : m.map { Format.money($0, lang) }.joined(separator: " + ") }
        let s = lang.strings, l = s.leads
        let chart = FunnelChart(bars: f.stages.map { st in
            FunnelChart.Bar(label: l.stage(st.stage), count: st.count, conversionLabel: st.conversionToNext.map { l.conversionLabel(percent($0)) })
        }).svg()
        return Layout.page(title: l.funnelTitle, lang: lang, section: .leads, path: path,
            .p(.a(.href(SiteURL.leads.url([("zone", zone)])), .text("‹ \(l.title)"))),
            .h1(.text("\(l.funnelTitle) · \(zone)")),
            .form(.class("toolbar"), .action(SiteURL.funnel.path), .method(.get),
                .label(.text(s.zone), .select(.attribute(named: "name", value: "zone"), .forEach(zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == zone)) })),
                .label(.text(l.from), .input(.type(.date), .name("from"), .value(f.from.iso))),
                .label(.text(l.to), .input(.type(.date), .name("to"), .value(f.to.iso))),
                .label(.text(l.stallDays), .input(.type(.number), .name("stallDays"), .value(String(f.stallDays)))),
                .button(.type(.submit), .text(s.show))),
            .div(.class("card"), .raw(chart)),
            .table(
                .tr(.th(.text(l.firstStage)), .th(.class("num"), .text(l.count)), .th(.class("num"), .text(l.amount)), .th(.class("num"), .text(l.conversion)),
                    .th(.class("num"), .text(l.dwellMedian)), .th(.class("num"), .text(l.dwellP90))),
                .forEach(f.stages) { st in
                    .tr(.td(.text(l.stage(st.stage))), .td(.class("num"), .text(String(st.count))),
                        .td(.class("num"), .text(st.amount.isEmpty ? "—" : st.amount.map { Format.money($0, lang) }.joined(separator: " + "))),
                        .td(.class("num"), .text(percent(st.conversionToNext))),
                        .td(.class("num"), .text(st.dwellDaysMedian.map { Format.fixed2($0) } ?? "—")),
                        .td(.class("num"), .text(st.dwellDaysP90.map(String.init) ?? "—")))
                }),
            .h2(.text(l.capital)),
            .table(.tr(.th(), .th(.class("num"), .text(l.capitalKind(.contracted))), .th(.class("num"), .text(l.capitalKind(.inPlace)))),
                   .tr(.td(.text(l.currency)), .td(.class("num"), .text(sums(capital.perCurrency.contracted))), .td(.class("num"), .text(sums(capital.perCurrency.inPlace)))),
                   {
                       switch capital.converted {
                       case let .success(t):
                           return .tr(.td(.text("\(t.currency ?? "")")), .td(.class("num"), .text(sums(t.contracted))), .td(.class("num"), .text(sums(t.inPlace))))
                       case let .failure(e):
                           return .tr(.td(.attribute(named: "colspan", value: "3"), .class("error"), .text(e.reason)))
                       }
                   }()),
            {
                guard case let .success(t) = capital.converted, !t.ratesUsed.isEmpty else { return .empty }
                return .p(.class("note"), .text("\(l.rates): " + t.ratesUsed.map { "\($0.from.code)→\($0.to.code) \($0.rate) (\($0.on))" }.joined(separator: "; ")))
            }(),
            .h2(.text(l.cohorts)),
            .table(.tr(.th(.text(l.quarter)), .th(.class("num"), .text(l.signedCount)), .th(.class("num"), .text(l.landedCount)), .th(.class("num"), .text(l.landingRate))),
                   .forEach(f.cohorts) { c in
                       .tr(.td(.text(c.quarter)), .td(.class("num"), .text(String(c.signed))), .td(.class("num"), .text(String(c.landed))),
                           .td(.class("num"), .text(percent(c.landingRate))))
                   }),
            .h2(.text("\(l.stalled) (\(f.stalled.count))")),
            .table(.tr(.th(.text(l.leadTitle)), .th(.text(l.firstStage)), .th(.text(l.reason))),
                   .forEach(f.stalled) { x in
                       .tr(.td(.a(.href(SiteURL.lead(x.id).path), .text(x.name))), .td(.text(l.stage(x.stage))), .td(.text(l.stalledReason(x, f.stallDays))))
                   }),
            .p(.class("note"), .text(l.definitions)))
    }
}
