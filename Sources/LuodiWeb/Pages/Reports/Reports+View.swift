import LuodiCore
import Plot

enum ReportsView {
    static func render(_ m: ReportsModel) -> HTML {
        let s = m.lang.strings, r = s.reporting, b = m.board
        return Layout.page(title: r.title, lang: m.lang, section: .reports, path: m.path,
            .h1(.text("\(r.title) · \(b.zone)")),
            .unwrap(b.cycle, { cycle in .group(
                .form(.class("toolbar"), .action(SiteURL.reports.path), .method(.get),
                    .label(.text(s.zone), .select(.attribute(named: "name", value: "zone"),
                        .forEach(m.zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == b.zone)) })),
                    .label(.text(r.period), .select(.attribute(named: "name", value: "period"),
                        .forEach(b.periods) { p in
                            .option(.value(p.name), .label(attr("\(p.name)(\(p.start.iso)–\(p.end.iso))\(p.closed == nil ? "" : " ✓")")),
                                    .isSelected(p.name == b.period?.name))
                        })),
                    .button(.type(.submit), .text(s.show))),
                .p(.class("note"), .text("\(r.cycleLabel) · \(r.cycle(cycle))")),
                .unwrap(b.period) { period in .group(
                    .h2(.text("\(period.name)(\(period.start.iso) – \(period.end.iso))· \(r.reportedCount(b.reported, b.expected))")),
                    .unwrap(period.closed, { c in .p(.class("note"), .text(r.closed(c.closedBy, c.closedOn))) }, else:
                        .if(Layout.may(.administerZone), .form(.class("toolbar noprint"), .action(SiteURL.reportsClose.path), .method(.post), .csrf(),
                            .input(.type(.hidden), .name("zone"), .value(attr(b.zone))),
                            .input(.type(.hidden), .name("period"), .value(period.name)),
                            .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(attr(Layout.byDefault(""))))),
                            .button(.type(.submit), .text(r.closePeriod)),
                            .span(.class("note"), .text(r.closeHelp))))),
                    .unwrap(b.changes) { ChangesView.node($0, lang: m.lang) },
                    table(b, period: period.name, closed: period.closed != nil, lang: m.lang)
                ) },
                .h2(.text(r.cycleLabel)),
                cycleForm(b, lang: m.lang, current: cycle),
                .p(.class("note"), .text(r.changeCycleHelp))
            ) }, else: .group(
                .p(.text(r.noCycle)),
                cycleForm(b, lang: m.lang, current: nil)
            ))
        )
    }

    /// Sets (or changes) the zone's reporting cycle.
    private static func cycleForm(_ b: PeriodBoard, lang: Language, current: ReportingCycle?) -> Node<HTML.BodyContext> {
        let r = lang.strings.reporting
        guard Layout.may(.administerZone) else { return .empty }
        return .form(.class("toolbar noprint"), .action(SiteURL.reportsCycle.path), .method(.post), .csrf(),
            .input(.type(.hidden), .name("zone"), .value(attr(b.zone))),
            .label(.text(r.cycleLabel), .select(.attribute(named: "name", value: "cycle"),
                .forEach(ReportingCycle.allCases) { c in .option(.value(c.rawValue), .label(attr(r.cycle(c))), .isSelected(c == current)) })),
            .button(.type(.submit), .text(r.setCycle)))
    }

    /// The period's rows; a closed period offers no "file" link for the projects that did not report.
    private static func table(_ b: PeriodBoard, period: String, closed: Bool, lang: Language) -> Node<HTML.BodyContext> {
        let s = lang.strings, r = s.reporting
        return .table(
            .tr(.th(.text(s.department)), .th(.text(s.name)), .th(.text(s.status)), .th(.class("num"), .text(r.investmentInPeriod)),
                .th(.text(s.progressNote)), .th(.text(r.reportedBy)), .th(.text(r.reportedOn)), .th(.text(""))),
            .forEach(b.rows) { row in
                .tr(.td(.class("nowrap"), .text(row.department ?? s.unassigned)),
                    .td(.a(.href(SiteURL.project(row.projectID).path), .text(row.projectName))),
                    .td(.class("nowrap"), row.reportID == nil ? .span(.class("missing"), .text(r.missing)) : .text(r.reported)),
                    .td(.class("num"), .text(row.reportID == nil ? "" : Format.money(row.investmentInPeriod, lang))),
                    .td(.text(row.narrative.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 } ?? "")),
                    .td(.text(row.reportedBy ?? "")),
                    .td(.class("nowrap"), .text(row.reportedOn?.iso ?? "")),
                    .td(.class("nowrap"), row.reportID == nil && closed || !Layout.may(.editProject, department: row.department) ? .text("") :
                        .a(.href(SiteURL.projectReport(row.projectID).url([("period", period)])), .text(row.reportID == nil ? r.file : r.edit))))
            }
        )
    }
}
