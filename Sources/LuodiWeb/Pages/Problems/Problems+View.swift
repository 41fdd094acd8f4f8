import Foundation
import LuodiCore
import LuodiStore
import Plot

enum ProblemsView {
    static func render(_ m: ProblemsModel) -> HTML {
        let s = m.lang.strings
        let extra: [Node<HTML.FormContext>] = [
            .label(.text(s.problemList), .select(.attribute(named: "name", value: "view"),
                .forEach(ProblemView.allCases) { v in .option(.value(v.rawValue), .label(attr(s.problemView(v))), .isSelected(v == m.view)) })),
            .label(.text(s.ownerDepartment), .select(.attribute(named: "name", value: "department"),
                .option(.value(""), .label(attr(s.all)), .isSelected(m.department == nil)),
                .forEach(m.departments) { d in .option(.value(attr(d)), .label(attr(d)), .isSelected(d == m.department)) })),
        ]
        return Layout.page(title: s.problemsTitle, lang: m.lang, section: .problems, path: m.path,
            .h1(.text("\(s.problemsTitle) · \(m.zone)")),
            .p(.class("note"), .a(.href(SiteURL.problemsWorkbook.url([("zone", m.zone), ("asOf", m.asOf.iso)])), .text("Excel (.xlsx)"))),
            ZoneDateForm.node(lang: m.lang, action: SiteURL.problems.path, zones: m.zones, zone: m.zone, asOf: m.asOf.iso, extra: extra),
            table(m.problems, asOf: m.asOf, lang: m.lang, reporting: m.reporting),
            .h2(.id("raise"), .text(s.raiseProblem)),
            .if(!m.errors.isEmpty, .ul(.class("errors"), .forEach(m.errors) { .li(.text($0)) })),
            .if(Layout.may(.raiseProblem), .form(.class("stack"), .action(SiteURL.problems.path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("zone"), .value(attr(m.zone))),
                .label(.text(s.name), .select(.attribute(named: "name", value: "project"),
                    .option(.value(""), .label(attr(s.blank))),
                    .forEach(m.projects) { p in
                        .option(.value(p.0.uuidString), .label(attr(p.1)), .isSelected(p.0.uuidString.caseInsensitiveCompare(m.input.project) == .orderedSame))
                    })),
                .label(.text(s.problemTitle), .input(.type(.text), .name("title"), .required(true), .attribute(named: "size", value: "60"), .value(attr(m.input.title)))),
                .label(.text(s.problemDescription), .textarea(.name("description"), .attribute(named: "rows", value: "3"), .attribute(named: "cols", value: "60"),
                                                             .text(m.input.description))),
                .label(.text(s.raisedBy), .input(.type(.text), .name("raisedBy"), .required(true), .value(attr(Layout.byDefault(m.input.raisedBy))))),
                .label(.text(s.ownerDepartment), .input(.type(.text), .name("ownerDepartment"), .required(true), .value(attr(m.input.owner)))),
                .label(.text(s.deadline), .input(.type(.date), .name("deadline"), .required(true), .value(attr(m.input.deadline)))),
                .label(.text(s.level), .select(.attribute(named: "name", value: "level"),
                    .forEach(ProblemLevel.allCases) { l in .option(.value(l.rawValue), .label(attr(s.problemLevel(l))), .isSelected(l.rawValue == m.input.level)) })),
                .button(.type(.submit), .text(s.raiseProblem))
            ))
        )
    }

    /// The problem table shared by the problem list and the project page.
    static func table(_ problems: [StoredProblem], asOf: CalendarDate, lang: Language, reporting: [UUID: ReportingState] = [:]) -> Node<HTML.BodyContext> {
        let s = lang.strings
        return problems.isEmpty ? .p(.class("note"), .text(s.noProblems)) :
            .table(
                .tr(.th(.text(s.problemTitle)), .th(.text(s.name)), .th(.text(s.ownerDepartment)), .th(.text(s.deadline)),
                    .th(.text(s.status)), .th(.text(s.level)), .th(.text(s.supervision))),
                .forEach(problems) { p in
                    .tr(.td(.a(.href(SiteURL.problem(p.id).path), .text(p.problem.title))),
                        .td(.text(p.projectName ?? s.blank), ReportFlag.node(p.projectID.flatMap { reporting[$0] }, lang)),
                        .td(.text(p.problem.ownerDepartment)),
                        .td(p.problem.isOverdue(asOf: asOf) ? .span(.class("overdue"), .text("\(p.problem.deadline) \(s.overdue)")) : .text(p.problem.deadline.iso)),
                        .td(.text(s.problemState(p.problem.state))),
                        .td(.text(s.problemLevel(p.problem.level))),
                        .td(.unwrap(p.orders.last) { o in
                            o.deadline < asOf && p.problem.isUnresolved
                                ? .span(.class("overdue"), .text("\(s.problemLevel(o.level)) \(o.deadline) \(s.overdue)"))
                                : .text("\(s.problemLevel(o.level)) \(o.deadline)")
                        }))
                }
            )
    }
}

enum ProblemDetailView {
    static func render(_ m: ProblemModel) -> HTML {
        let s = m.lang.strings, p = m.problem.problem
        func field(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(label)), .dd(.text(value ?? s.blank)))
        }
        return Layout.page(title: p.title, lang: m.lang, section: .problems, path: m.path,
            .if(m.mayList, .p(.a(.href(SiteURL.problems.path), .text("‹ \(s.problemsTitle)")))),
            .h1(.text(p.title), .if(p.isOverdue(asOf: m.asOf), .span(.class("overdue"), .text(" \(s.overdue)")))),
            .dl(.class("fields"),
                .dt(.text(s.name)),
                .dd(.unwrap(m.problem.projectID, { id in .a(.href(SiteURL.project(id).path), .text(m.problem.projectName ?? s.blank)) },
                            else: .text(s.blank))),
                field(s.status, s.problemState(p.state)),
                field(s.ownerDepartment, p.ownerDepartment),
                field(s.level, s.problemLevel(p.level)),
                field(s.raisedBy, "\(p.raisedBy) · \(p.raisedOn)"),
                field(s.deadline, p.deadline.iso),
                field(s.problemDescription, p.description.isEmpty ? nil : p.description),
                field(s.resolutionNote, p.resolutionNote)),
            .if(!m.problem.orders.isEmpty, .group(
                .h2(.text(s.supervision)),
                .table(.tr(.th(.text(s.level)), .th(.text(s.issuedOn)), .th(.text(s.deadline)), .th(.text(s.rectificationPlan))),
                       .forEach(m.problem.orders) { o in
                           .tr(.td(.text(s.problemLevel(o.level))), .td(.text(o.issuedOn.iso)), .td(.text(o.deadline.iso)), .td(.text(o.rectificationPlan)))
                       }))),
            .h2(.text(s.history)),
            .table(.tr(.th(.text(s.actedOn)), .th(.text(s.by)), .th(.text(s.action)), .th(.text(s.note))),
                   .forEach(m.history) { e in
                       .tr(.td(.text(e.on.iso)), .td(.text(e.by)), .td(.text(s.problemActionDone(e.action))), .td(.text(e.note ?? "")))
                   }),
            .if(p.state != .closed && m.mayAct, .group(
                .h2(.id("act"), .text(s.action)),
                .if(!m.errors.isEmpty, .ul(.class("errors"), .forEach(m.errors) { .li(.text($0)) })),
                .form(.class("stack"), .action(SiteURL.problemAct(m.problem.id).path), .method(.post), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(String(m.problem.version))),
                    .label(.text(s.action), .select(.attribute(named: "name", value: "action"),
                        .forEach(ProblemAction.allCases.filter { $0 != .raise && (try? p.applying($0, note: "x")) != nil }) { a in
                            .option(.value(a.rawValue), .label(attr(s.problemAction(a))), .isSelected(a.rawValue == m.input.action))
                        })),
                    .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(attr(Layout.byDefault(m.input.by))))),
                    .label(.text(s.note), .input(.type(.text), .name("note"), .attribute(named: "size", value: "60"), .value(attr(m.input.note)))),
                    .p(.class("note"), .text(s.escalateHelp)),
                    .label(.text(s.deadline), .input(.type(.date), .name("deadline"), .value(attr(m.input.deadline)))),
                    .label(.text(s.rectificationPlan), .textarea(.name("rectificationPlan"), .attribute(named: "rows", value: "2"), .attribute(named: "cols", value: "60"),
                                                                .text(m.input.plan))),
                    .button(.type(.submit), .text(s.save))
                )
            ))
        )
    }
}
