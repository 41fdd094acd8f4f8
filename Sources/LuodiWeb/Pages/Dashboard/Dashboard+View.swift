import LuodiCharts
import LuodiCore
import Plot

enum DashboardView {
    static func render(_ m: DashboardModel) -> HTML {
        let s = m.lang.strings, r = m.report, zone = r.zone ?? ""
        let gauge = OdometerGauge(completionPercent: r.completionPercent, sharePercent: r.timeElapsedShare.percent,
                                  completionLabel: s.completionRate, shareLabel: s.timeElapsedShare, noDataLabel: s.noRateData,
                                  colorByLag: m.comparesInvestment)
        func list(_ extra: [(String, String?)]) -> String {
            SiteURL.projects.url([("zone", zone), ("asOf", r.asOf)] + extra)
        }
        func card(_ label: String, _ value: String, _ note: String? = nil) -> Node<HTML.BodyContext> {
            .div(.class("card"), .div(.class("label"), .text(label)), .div(.class("value"), .text(value)),
                 .unwrap(note) { .div(.class("note"), .text($0)) })
        }
        return Layout.page(title: s.dashboardTitle, lang: m.lang, section: .dashboard, path: m.path,
            .h1(.text("\(s.dashboardTitle) · \(zone)")),
            ZoneDateForm.node(lang: m.lang, action: SiteURL.dashboard.path, zones: m.zones, zone: zone, asOf: r.asOf),
            .p(.class("note"), .text("\(s.convention(m.convention)) · \(s.ruleSet(r.ruleSet ?? ""))")),
            .div(.class("cards"),
                .div(.class("card gauge-card"),
                    .div(.class("label"), .text(s.odometer)),
                    .raw(gauge.svg()),
                    .div(.class("note"), .text(m.comparesInvestment ? (r.behindPoints.map(s.behind) ?? s.noRateData) : s.noInvestmentRule)),
                    .div(.class("note"), .text(s.rateBase(r.comparableProjects, r.projects)))
                ),
                card(s.projects, "\(r.projects)"),
                card(s.milestones, "\(r.milestones)"),
                card(s.overdueMilestones, "\(r.overdueMilestones)"),
                card(s.plannedInvestment, r.reporting.plannedInvestment == 0 ? s.blank : money(r.plannedInvestment, m.lang),
                     s.reportingProjects(r.reporting.plannedInvestment)),
                card(s.completedInvestment, r.reporting.completedInvestment == 0 ? s.blank : money(r.completedInvestment, m.lang),
                     s.reportingProjects(r.reporting.completedInvestment)),
                .div(.class("card"), .div(.class("label"), .text(s.lights)),
                    .div(.class("rag-counts"),
                        .forEach(RAGStatus.allCases.reversed()) { st in
                            .a(.class("bg-\(st.rawValue)"), .href(list([("rag", st.rawValue)])),
                               .div(.class("value"), .text("\(r.rag[st])")), .div(.text(s.rag(st))))
                        }
                    )
                )
            ),
            .unwrap(m.changes) { ChangesView.node($0, lang: m.lang) },
            .h2(.text(s.lagging)),
            r.lagging.isEmpty ? .p(.class("note"), .text(s.noLagging)) :
            .table(
                .tr(.th(.text(s.name)), .th(.text(s.department)), .th(.text(s.status)), .th(.text(s.reasons))),
                .forEach(r.lagging) { p in
                    .tr(.td(.a(.href(SiteURL.project(p.id).url([("asOf", r.asOf)])), .text(p.name)),
                            ReportFlag.node(overdue: p.reportOverdue, last: p.lastReportedPeriod, m.lang)),
                        .td(.text(p.department ?? s.unassigned)),
                        .td(Layout.light(p.rag, m.lang)),
                        .td(ReasonList.node(Array(p.reasons.prefix(3)), lang: m.lang, more: p.reasons.count - 3)))
                }
            ),
            .h2(.text(s.byDepartment)),
            .table(
                .tr(.th(.text(s.department)), .th(.class("num"), .text(s.projects)),
                    .forEach(RAGStatus.allCases.reversed()) { .th(.class("num"), .text(s.rag($0))) },
                    .th(.class("num"), .text(s.overdueMilestones)),
                    .th(.class("num"), .text(s.plannedInvestment)), .th(.class("num"), .text(s.completedInvestment)),
                    .th(.class("num"), .text(s.completionRate)), .th(.text(s.timeElapsedShare))),
                .forEach(r.byDepartment) { g in
                    .tr(.td(.a(.href(list([("department", g.name.isEmpty ? ProjectFilter.unassigned : g.name)])), .text(g.name.isEmpty ? s.unassigned : g.name))),
                        .td(.class("num"), .text("\(g.projects)")),
                        .forEach(RAGStatus.allCases.reversed()) { .td(.class("num"), .text("\(g.rag[$0])")) },
                        .td(.class("num"), .text("\(g.overdueMilestones)")),
                        .td(.class("num"), .text(g.reporting.plannedInvestment == 0 ? s.blank : Format.money(g.plannedInvestment, m.lang))),
                        .td(.class("num"), .text(g.reporting.completedInvestment == 0 ? s.blank : Format.money(g.completedInvestment, m.lang))),
                        .td(.class("num"), .text(Format.percent(g.completionPercent))),
                        .td(.text(g.behindPoints.map(s.behind) ?? "—")))
                }
            )
        )
    }

    private static func money(_ t: MoneyTotal, _ lang: Language) -> String {
        t.amounts.map { Format.money($0, lang) }.joined(separator: " + ")
    }
}
