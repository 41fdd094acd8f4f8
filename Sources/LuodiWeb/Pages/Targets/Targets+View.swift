import LuodiCore
import Plot

enum TargetsView {
    static func render(_ m: TargetsModel) -> HTML {
        let s = m.lang.strings, t = s.targets, r = m.ranking
        let metrics = r.formula.metrics
        return Layout.page(title: t.title, lang: m.lang, section: .targets, path: m.path,
            .h1(.text("\(t.title) · \(r.zone)")),
            ZoneDateForm.node(lang: m.lang, action: SiteURL.targets.path, zones: m.zones, zone: r.zone, asOf: r.asOf.iso),
            .p(.class("note"), .text("\(t.shareNote("\(r.timeElapsedShare.elapsed)/\(r.timeElapsedShare.total) = \(String(format: "%.2f", r.timeElapsedShare.percent))%")) · \(s.convention(m.convention)) · "),
               .a(.href(SiteURL.targetsWorkbook.url([("zone", r.zone), ("asOf", r.asOf.iso)])), .text("Excel (.xlsx)"))),
            .h2(.text("\(t.ranking) · \(r.asOf.year)")),
            r.departments.isEmpty ? .p(.class("note"), .text(t.noTargets)) : .group(
                .table(
                    .tr(.th(.class("num"), .text(t.rank)), .th(.text(s.department)), .th(.class("num"), .text(t.score)),
                        .forEach(metrics) { .th(.class("num"), .text("\($0.name)(\($0.unit))")) }),
                    .forEach(r.departments) { d in
                        .tr(.td(.class("num"), .text("\(d.rank)")), .td(.text(d.department)), .td(.class("num"), .strong(.text(Format.fixed2(d.score)))),
                            .forEach(metrics) { metric in
                                .td(.class("num"), .unwrap(d.contributions.first { $0.metricKey == metric.key }) { c in
                                    .group(.text("\(Format.number(c.actualToDate))/\(Format.number(c.annualTarget))"), .br(),
                                           .span(.class("note"), .text("\(Format.percent(c.completion * 100)) · \(Format.fixed2(c.points))")))
                                })
                            })
                    }),
                .h2(.text(t.formula)),
                .p(.class("card"), .text(r.formulaText[m.lang.rawValue] ?? "")),
                .h2(.text(t.contributions)),
                .table(
                    .tr(.th(.text(s.department)), .th(.text(t.metric)), .th(.class("num"), .text(t.annualTarget)), .th(.class("num"), .text(t.actualToDate)),
                        .th(.class("num"), .text(t.completion)), .th(.class("num"), .text(t.againstShare)), .th(.class("num"), .text(t.ratio)),
                        .th(.class("num"), .text(t.capped)), .th(.class("num"), .text(t.weight)), .th(.class("num"), .text(t.points))),
                    .forEach(r.departments) { d in
                        .forEach(d.contributions) { c in
                            .tr(.td(.text(d.department)), .td(.text("\(c.metricName)(\(c.unit))")),
                                .td(.class("num"), .text(Format.number(c.annualTarget))),
                                .td(.class("num"), .text(Format.number(c.actualToDate)), .if(!c.reported, .span(.class("flag"), .text(t.notReported)))),
                                .td(.class("num"), .text(Format.percent(c.completion * 100))),
                                .td(.class("num"), .text(c.direction == .higherIsBetter ? Format.signed(c.completion * 100 - r.timeElapsedShare.percent) : "")),
                                .td(.class("num"), .text(Format.fixed4(c.ratio))), .td(.class("num"), .text(Format.fixed4(c.cappedRatio))),
                                .td(.class("num"), .text(Format.number(c.weight))), .td(.class("num"), .text(Format.fixed2(c.points))))
                        }
                    })
            ),
            .h2(.text(t.metrics)),
            .table(
                .tr(.th(.text(t.metric)), .th(.text("key")), .th(.text(t.unit)), .th(.text(t.workLineLabel)),
                    .th(.text(t.directionLabel)), .th(.class("num"), .text(t.weight)), .th(.text(t.sourceLabel))),
                .forEach(metrics) { metric in
                    .tr(.td(.text(metric.name)), .td(.text(metric.key)), .td(.text(metric.unit)), .td(.text(t.workLine(metric.workLine))),
                        .td(.text(t.direction(metric.direction))), .td(.class("num"), .text(Format.number(metric.weight))), .td(.text(t.source(metric.source))))
                }),
            .raw("<datalist id=\"departments\">" + m.departments.map { "<option value=\"\(attr($0))\"></option>" }.joined() + "</datalist>"),
            .div(.class("two"),
                .if(Layout.may(.administerZone), .form(.class("stack"), .action(SiteURL.targetsSet.path), .method(.post), .csrf(),
                    .h2(.text(t.setTarget)),
                    .input(.type(.hidden), .name("zone"), .value(attr(r.zone))),
                    .label(.text(t.year), .input(.type(.number), .name("year"), .value(String(r.asOf.year)), .required(true))),
                    departmentField(m),
                    .label(.text(t.metric), .select(.attribute(named: "name", value: "metricKey"),
                        .forEach(metrics) { .option(.value($0.key), .label(attr("\($0.name)(\($0.unit))"))) })),
                    .label(.text(t.annualTarget), .input(.type(.text), .name("annualTarget"))),
                    .button(.type(.submit), .text(s.save)))),
                .if(Layout.may(.recordFigures), .form(.class("stack"), .action(SiteURL.targetsRecord.path), .method(.post), .csrf(),
                    .h2(.text(t.recordActual)),
                    .input(.type(.hidden), .name("zone"), .value(attr(r.zone))),
                    departmentField(m),
                    .label(.text(t.metric), .select(.attribute(named: "name", value: "metricKey"),
                        .forEach(metrics.filter { $0.source == .reported }) { .option(.value($0.key), .label(attr("\($0.name)(\($0.unit))"))) })),
                    .label(.text(s.reporting.period), .input(.type(.text), .name("period"), .value(attr(m.currentPeriod ?? "")), .required(true))),
                    .label(.text(t.value), .input(.type(.text), .name("value"), .required(true))),
                    .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(attr(Layout.byDefault(""))))),
                    .button(.type(.submit), .text(s.save)))))
        )
    }

    /// The department field; a department officer records only its own department's figures, so
    /// for one it is filled in and fixed.
    private static func departmentField(_ m: TargetsModel) -> Node<HTML.FormContext> {
        if let a = SignedIn.current?.account, a.role == .departmentOfficer, let own = a.department {
            return .label(.text(m.lang.strings.department),
                          .input(.type(.text), .name("department"), .value(attr(own)), .attribute(named: "readonly", value: "readonly")))
        }
        return .label(.text(m.lang.strings.department),
                      .input(.type(.text), .name("department"), .required(true), .attribute(named: "list", value: "departments")))
    }
}
