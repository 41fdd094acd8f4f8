import LuodiCore
import Plot

enum ReportFormView {
    static func render(_ m: ReportFormModel) -> HTML {
        let s = m.lang.strings, r = s.reporting
        let title = "\(m.projectName) · \(m.period.name)"
        return Layout.page(title: title, lang: m.lang, section: .reports, path: m.path,
            .p(.a(.href(SiteURL.reports.url([("zone", m.zone.name), ("period", m.period.name)])), .text("‹ \(r.title) \(m.period.name)")),
               .text(" · "), .a(.href(SiteURL.project(m.projectID).path), .text(m.projectName))),
            .h1(.text("\(m.existing == nil ? r.file : r.edit) · \(title)")),
            .p(.class("note"), .text("\(m.period.start.iso) – \(m.period.end.iso) · \(m.closed.map { r.closed($0.closedBy, $0.closedOn) } ?? r.open)")),
            .if(!m.errors.isEmpty, .ul(.class("errors"), .forEach(m.errors) { .li(.text($0)) })),
            .form(.class("stack"), .action(SiteURL.projectReport(m.projectID).path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("period"), .value(m.period.name)),
                .unwrap(m.existing) { .input(.type(.hidden), .name("version"), .value(String($0.version))) },
                .label(.text("\(r.investmentInPeriod) · \(r.investmentHelp(m.zone.currency))"),
                       .input(.type(.text), .name("investment"), .value(attr(m.inputs.investment)))),
                .label(.text(s.progressNote), .textarea(.name("narrative"), .required(true), .attribute(named: "rows", value: "4"),
                                                       .attribute(named: "cols", value: "70"), .text(m.inputs.narrative))),
                .if(!m.milestones.isEmpty, .group(
                    .p(.class("note"), .text(r.actualsHelp)),
                    .table(.class("compact"),
                        .tr(.th(.text(s.milestoneName)), .th(.text(s.milestonePlannedFinish)), .th(.text(s.milestoneActualStart)), .th(.text(s.actualFinish))),
                        .forEach(Array(m.milestones.enumerated())) { i, ms in
                            .tr(.td(.text(ms.name)), .td(.text(Format.date(ms.plannedFinish, m.lang))),
                                .td(.input(.type(.date), .name("s\(i)"), .value(attr(i < m.inputs.actuals.count ? m.inputs.actuals[i].start : "")))),
                                .td(.input(.type(.date), .name("f\(i)"), .value(attr(i < m.inputs.actuals.count ? m.inputs.actuals[i].finish : "")))))
                        }))),
                .label(.text(s.statisticalEnrollment), .input(.type(.date), .name("enrollment"), .value(attr(m.inputs.enrollment)))),
                .label(.text(r.reportedBy), .input(.type(.text), .name("reportedBy"), .required(true), .value(attr(Layout.byDefault(m.inputs.reportedBy))))),
                .label(.text(r.reportedOn), .input(.type(.date), .name("reportedOn"), .value(attr(m.inputs.reportedOn)))),
                .if(m.existing != nil, .group(
                    .label(.text(m.closed == nil ? r.reason : "\(r.reason) · \(r.reasonHelp)"),
                        .input(.type(.text), .name("reason"), .value(attr(m.inputs.reason)), .attribute(named: "size", value: "60"))),
                    .label(.text(r.changedBy), .input(.type(.text), .name("changedBy"), .value(attr(Layout.byDefault(m.inputs.changedBy))))))),
                .button(.type(.submit), .text(s.save))
            ),
            .unwrap(m.existing) { _ in .group(
                .h2(.id("photos"), .text(r.photos)),
                m.photos.isEmpty ? .p(.class("note"), .text(r.noPhotos)) : .div(.class("photos"),
                    .forEach(m.photos) { p in
                        .a(.href(SiteURL.photo(p.id).path), .img(.src(SiteURL.photo(p.id).path), .alt(attr(p.fileName))),
                           .span(.class("note"), .text("\(p.fileName) · \(p.addedBy) \(p.addedOn.iso)")))
                    }),
                .if(m.closed == nil, .form(.class("toolbar"), .action(SiteURL.projectReportPhotos(m.projectID).path), .method(.post), .csrf(),
                    .enctype(.multipartData),
                    .input(.type(.hidden), .name("period"), .value(m.period.name)),
                    .label(.text(r.photoFile), .input(.type(.file), .name("photo"), .attribute(named: "accept", value: "image/jpeg,image/png,image/webp"), .required(true))),
                    .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(attr(Layout.byDefault(m.inputs.reportedBy))))),
                    .button(.type(.submit), .text(r.addPhoto)))))
            },
            .if(!m.revisions.isEmpty, .group(
                .h2(.text(r.revisions)),
                .table(
                    .tr(.th(.text(s.actedOn)), .th(.text(s.by)), .th(.text(r.reason)), .th(.text(r.previousContent))),
                    .forEach(m.revisions.reversed()) { v in
                        .tr(.td(.text(v.on.iso), .if(v.correction, .span(.class("flag"), .text(r.correction)))),
                            .td(.text(v.by)), .td(.text(v.reason ?? "")),
                            .td(.text("\(r.investmentInPeriod) \(Format.money(v.previous.investmentInPeriod, m.lang)) · \(v.previous.narrative)")))
                    }
                )
            ))
        )
    }
}
