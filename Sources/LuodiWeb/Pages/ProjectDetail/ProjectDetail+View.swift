import LuodiCharts
import LuodiCore
import Plot

enum ProjectDetailView {
    /// The project's reports, latest first, with a link to file the current period's.
    static func reportsTable(_ m: ProjectDetailModel) -> Node<HTML.BodyContext> {
        let s = m.lang.strings, r = s.reporting
        guard m.zone.reportingCycle != nil else { return .p(.class("note"), .text(r.noCycle)) }
        return .group(
            m.reports.isEmpty ? .p(.class("note"), .text(r.noReports)) : .table(
                .tr(.th(.text(r.period)), .th(.class("num"), .text(r.investmentInPeriod)), .th(.text(s.progressNote)),
                    .th(.text(r.reportedBy)), .th(.text(r.reportedOn))),
                .forEach(m.reports.reversed()) { rep in
                    .tr(.td(may(.editProject, m) ? .a(.href(SiteURL.projectReport(m.id).url([("period", rep.period.name)])), .text(rep.period.name))
                                                 : .text(rep.period.name)),
                        .td(.class("num"), .text(Format.money(rep.report.investmentInPeriod, m.lang))),
                        .td(.text(rep.report.narrative)), .td(.text(rep.report.reportedBy)), .td(.text(rep.report.reportedOn.iso)))
                }),
            .if(may(.editProject, m), .p(.a(.href(SiteURL.projectReport(m.id).path), .text(r.fileThisPeriod)))))
    }

    /// Whether the signed-in account may do `action` on this project: forms it may not use are not shown.
    static func may(_ action: AccessPolicy.Action, _ m: ProjectDetailModel) -> Bool {
        Layout.may(action, department: m.plan.project.department, enterprise: m.plan.project.enterprise)
    }

    /// Raising a problem: a link to the problem list's form, or for an account that does not see
    /// the zone's list (an enterprise liaison) the form itself.
    static func raiseProblem(_ m: ProjectDetailModel) -> Node<HTML.BodyContext> {
        let s = m.lang.strings
        guard may(.raiseProblem, m) else { return .empty }
        if may(.readZone, m) {
            return .p(.a(.href(SiteURL.problems.path + "?zone=" + (m.zone.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                             + "&project=" + m.id.uuidString), .text(s.raiseProblem)))
        }
        let input = m.raiseInput
        return .group(
            .if(!m.raiseErrors.isEmpty, .ul(.class("errors"), .id("raise"), .forEach(m.raiseErrors) { .li(.text($0)) })),
            .form(.class("stack"), .action(SiteURL.problems.path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("zone"), .value(attr(m.zone.name))), .input(.type(.hidden), .name("project"), .value(m.id.uuidString)),
                .label(.text(s.problemTitle), .input(.type(.text), .name("title"), .required(true), .attribute(named: "size", value: "60"), .value(attr(input.title)))),
                .label(.text(s.problemDescription), .textarea(.name("description"), .attribute(named: "rows", value: "3"), .attribute(named: "cols", value: "60"),
                                                             .text(input.description))),
                .label(.text(s.raisedBy), .input(.type(.text), .name("raisedBy"), .required(true), .value(attr(Layout.byDefault(input.raisedBy))))),
                .label(.text(s.ownerDepartment), .input(.type(.text), .name("ownerDepartment"), .required(true),
                                                         .value(attr(input.owner.isEmpty ? m.plan.project.department ?? "" : input.owner)))),
                .label(.text(s.deadline), .input(.type(.date), .name("deadline"), .required(true), .value(attr(input.deadline)))),
                .button(.type(.submit), .text(s.raiseProblem))))
    }

    static func render(_ m: ProjectDetailModel) -> HTML {
        let s = m.lang.strings, p = m.plan.project
        func field(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(label)), .dd(.text(value ?? s.blank)))
        }
        let timeline = MilestoneTimeline(milestones: m.plan.milestones, asOf: m.asOf, asOfLabel: "\(s.asOf) \(m.asOf)",
                                         plannedLabel: s.planned, actualLabel: s.actual).svg()
        return Layout.page(title: p.name, lang: m.lang, section: .projects, path: m.path,
            .p(.a(.href(SiteURL.projects.url([("zone", m.zone.name), ("asOf", m.asOf.iso)])), .text("‹ \(s.backToList)"))),
            .h1(.text(p.name), .text(" "), Layout.light(m.assessment.status, m.lang), ReportFlag.node(m.reporting, m.lang)),
            .form(.class("toolbar"), .action(SiteURL.project(m.id).path), .method(.get),
                  .label(.text(s.asOf), .input(.type(.date), .name("asOf"), .value(m.asOf.iso))),
                  .button(.type(.submit), .text(s.show))),
            .h2(.text(s.reasons)),
            m.assessment.reasons.isEmpty ? .p(.text(s.greenNoReasons)) : ReasonList.node(m.assessment.reasons, lang: m.lang),
            .p(.class("note"), .text("\(s.ruleSet(m.zone.ruleSet.name)) · \(s.convention(m.zone.timeElapsedConvention))")),
            .dl(.class("fields"),
                field(s.zone, m.zone.name),
                field(s.department, p.department),
                field(s.projectCode, p.projectCode?.value),
                field(s.categoryLabel, p.category.map(s.category)),
                field(s.classLabel, p.projectClass.map(s.projectClass)),
                field(s.stageLabel, p.stage.map(s.stage)),
                field(s.industryCluster, p.industryCluster),
                field(s.responsibleLeader, p.responsibleLeader),
                field(s.enterprise, p.enterprise),
                field(s.location, p.location),
                field(s.totalInvestment, p.totalInvestment.map { Format.money($0, m.lang) }),
                field(s.plannedInvestment, p.annualPlannedInvestment.map { Format.money($0, m.lang) }),
                field(s.completedInvestment, p.completedInvestment.map { money in
                    Format.money(money, m.lang) + (m.reporting.map { $0.derivedFromReports ? "(\(s.reporting.fromReports($0.summedReports)))" : "" } ?? "")
                }),
                field(s.completionRate, p.annualPlannedInvestment.flatMap { plan in p.completedInvestment?.ratio(to: plan) }.map { Format.percent($0 * 100) }),
                field(s.statisticalEnrollment, p.statisticalEnrollment?.iso),
                field(s.plannedStart, p.plannedStart?.iso),
                field(s.plannedFinish, p.plannedFinish?.iso),
                field(s.actualStart, p.actualStart?.iso)
            ),
            .unwrap(p.progressNote) { .group(.h2(.text(s.progressNote)), .p(.text($0))) },
            .unwrap(m.lead) { lead in
                .group(.h2(.text(s.leads.fromLead)),
                       .p(.a(.href(SiteURL.lead(lead.id).path), .text("\(lead.lead.investor.name) · \(s.leads.stage(lead.stage))"))),
                       .ol(.class("timeline"), .forEach(lead.transitions) { t in .li(.text("\(t.on.iso) \(s.leads.stage(t.to))")) }))
            },
            .unwrap(p.source) { .p(.class("note"), .text("\(s.source): \($0)")) },
            .if(may(.readAudit, m), .p(.class("note"), .a(.href(SiteURL.audit.url([("zone", m.zone.name), ("project", m.id.uuidString)])), .text(s.audit.title)))),
            .h2(.text(s.problemsTitle)),
            ProblemsView.table(m.problems, asOf: m.asOf, lang: m.lang),
            raiseProblem(m),
            .h2(.text(s.reporting.projectReports)),
            reportsTable(m),
            .h2(.text(s.timeline)),
            .unwrap(timeline, { .div(.class("card"), .raw($0)) }, else: .p(.class("note"), .text(s.noMilestones))),
            .h2(.text(s.milestonesTitle)),
            .unwrap(m.networkError) { .p(.class("overdue"), .text($0)) },
            .if(!m.network.isEmpty, .p(.class("note"), .text(s.networkNote))),
            m.plan.milestones.isEmpty ? .p(.class("note"), .text(s.noMilestones)) :
            .table(
                .tr(.th(.text(s.milestoneName)), .th(.text(s.kind)), .th(.text(s.milestonePlannedStart)), .th(.text(s.milestonePlannedFinish)),
                    .th(.text(s.milestoneActualStart)), .th(.text(s.actualFinish)), .th(.text(s.status)),
                    .if(!m.network.isEmpty, .group(.th(.text(s.predecessors)), .th(.class("num"), .text(s.totalFloat)), .th(.text(s.critical)))),
                    .th(.class("num"), .text(s.budget)), .th(.class("num"), .text(s.spent))),
                .forEach(m.plan.milestones) { ms in
                    .tr(.td(.text(ms.name)), .td(.text(s.milestoneKind(ms.kind))),
                        .td(.text(Format.date(ms.plannedStart, m.lang))), .td(.text(Format.date(ms.plannedFinish, m.lang))),
                        .td(.text(Format.date(ms.actualStart, m.lang))), .td(.text(Format.date(ms.actualFinish, m.lang))),
                        .td(.text(ms.sourceStatus ?? ""), .if(ms.isOverdue(asOf: m.asOf), .span(.class("overdue"), .text(" \(s.overdue)")))),
                        .if(!m.network.isEmpty, .group(
                            .td(.text(m.plan.links.filter { $0.successor == ms.name }
                                .map(ProjectDetailPage.linkText)
                                .joined(separator: "; "))),
                            .td(.class("num"), .text(m.network[ms.name].flatMap { $0.finished ? nil : "\($0.totalFloatDays)" } ?? "")),
                            .td(m.network[ms.name]?.critical == true ? .span(.class("overdue"), .text(s.critical)) : .text(""))
                        )),
                        .td(.class("num"), .text(Format.money(ms.budget, m.lang))),
                        .td(.class("num"), .text(Format.money(ms.spent, m.lang))))
                }
            ),
            .if(!m.plan.milestones.isEmpty && may(.editProject, m), .group(
                .h2(.id("links"), .text(s.editPredecessors)),
                .p(.class("note"), .text(s.predecessorsHelp)),
                .if(!m.linkErrors.isEmpty, .ul(.class("errors"), .forEach(m.linkErrors) { .li(.text($0)) })),
                .form(.action(SiteURL.projectLinks(m.id).url([("asOf", m.asOf.iso)])), .method(.post), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(String(m.version))),
                    .table(
                        .tr(.th(.text(s.milestoneName)), .th(.text(s.predecessors))),
                        .forEach(Array(m.plan.milestones.enumerated())) { i, ms in
                            .tr(.td(.text(ms.name)),
                                .td(.input(.type(.text), .name("p\(i)"), .value(attr(i < m.linkInputs.count ? m.linkInputs[i] : "")),
                                           .attribute(named: "size", value: "50"))))
                        }
                    ),
                    .p(.button(.type(.submit), .text(s.save)))
                )
            )),
            .if(may(.administerZone, m), .group(
                .h2(.text(s.deletion.delete)),
                .p(.class("note"), .text(s.deletion.deleteHelp)),
                .form(.class("toolbar"), .action(SiteURL.projectDelete(m.id).path), .method(.post), .csrf(),
                      .input(.type(.hidden), .name("version"), .value(String(m.version))),
                      .button(.type(.submit), .text(s.deletion.delete)))))
        )
    }
}
