import Foundation
import LuodiCore
import Plot

enum MeetingsView {
    static func render(_ m: MeetingsModel) -> HTML {
        let s = m.lang.strings, t = s.meetings
        return Layout.page(title: t.title, lang: m.lang, section: .meetings, path: m.path,
            .h1(.text("\(t.title) · \(m.zone)")),
            m.meetings.isEmpty ? .p(.class("note"), .text(t.none)) : .table(
                .tr(.th(.text(t.heldOn)), .th(.text(t.meetingTitle)), .th(.class("num"), .text(t.agenda))),
                .forEach(m.meetings) { x in
                    .tr(.td(.text(x.heldOn.iso)), .td(.a(.href(SiteURL.meeting(x.id).path), .text(x.title))), .td(.class("num"), .text(t.items(x.items))))
                }),
            .h2(.text(t.new)),
            .p(.class("note"), .text(t.agendaHelp)),
            .if(Layout.may(.runMeetings), .form(.class("stack"), .action(SiteURL.meetings.path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("zone"), .value(attr(m.zone))),
                .label(.text(t.meetingTitle), .input(.type(.text), .name("title"), .attribute(named: "placeholder", value: attr("调度会 \(m.today.iso)")))),
                .label(.text(t.heldOn), .input(.type(.date), .name("heldOn"), .value(m.today.iso))),
                .label(.text(t.nextMeeting), .input(.type(.date), .name("nextMeeting"), .value(m.today.adding(days: 7).iso))),
                .button(.type(.submit), .text(t.create))))
        )
    }
}

enum MeetingView {
    static func render(_ m: MeetingModel) -> HTML {
        let s = m.lang.strings, t = s.meetings, x = m.meeting
        let version = String(x.version)
        func small(_ op: String, _ position: Int, _ label: String) -> Node<HTML.BodyContext> {
            .if(Layout.may(.runMeetings), .form(.class("inline"), .action(SiteURL.meetingEdit(x.id).path), .method(.post), .csrf(),
                  .input(.type(.hidden), .name("version"), .value(version)), .input(.type(.hidden), .name("op"), .value(op)),
                  .input(.type(.hidden), .name("position"), .value(String(position))), .button(.type(.submit), .class("small"), .text(label))))
        }
        return Layout.page(title: x.title, lang: m.lang, section: .meetings, path: m.path,
            .p(.a(.href(SiteURL.meetings.path), .text("‹ \(t.title)"))),
            .h1(.text(x.title)),
            .p(.class("note"), .text("\(t.heldOn) \(x.heldOn.iso) · \(t.nextMeeting) \(x.nextMeeting.iso)")),
            .if(!m.errors.isEmpty, .ul(.class("errors"), .forEach(m.errors) { .li(.text($0)) })),
            .h2(.id("agenda"), .text(t.agenda)),
            .table(
                .tr(.th(.class("num"), .text("#")), .th(.text(t.itemTitle)), .th(.text(t.why)), .th(.class("num"), .text(t.urgency)),
                    .th(.text(t.decision)), .th(.class("noprint"), .text(""))),
                .forEach(Array(x.agenda.enumerated())) { i, e in
                    .tr(.td(.class("num"), .text("\(i + 1)")),
                        .td(link(e.item)),
                        .td(.text(t.reason(e.item.reason, s))),
                        .td(.class("num"), .text(String(e.item.urgency))),
                        .td(.text(e.decision ?? "")),
                        .td(.class("noprint nowrap"), small("up", i + 1, t.moveUp), small("down", i + 1, t.moveDown), small("remove", i + 1, t.remove)))
                }),
            .if(Layout.may(.runMeetings), .form(.class("toolbar noprint"), .action(SiteURL.meetingEdit(x.id).path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("version"), .value(version)), .input(.type(.hidden), .name("op"), .value("add")),
                .label(.text(t.itemTitle), .input(.type(.text), .name("title"), .required(true))),
                .label(.text(t.note), .input(.type(.text), .name("note"), .attribute(named: "size", value: "40"))),
                .button(.type(.submit), .text(t.addItem)))),
            .h2(.id("minutes"), .text(t.minutes)),
            .if(Layout.may(.runMeetings), .form(.class("stack"), .action(SiteURL.meetingEdit(x.id).path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("version"), .value(version)), .input(.type(.hidden), .name("op"), .value("minutes")),
                .label(.text(t.attendees), .textarea(.name("attendees"), .attribute(named: "rows", value: "2"), .text(m.attendees))),
                .forEach(Array(x.agenda.enumerated())) { i, e in
                    .label(.text("\(t.decision) \(i + 1) · \(e.item.title)"),
                           .textarea(.name("decision\(i + 1)"), .attribute(named: "rows", value: "2"), .text(i < m.decisions.count ? m.decisions[i] : "")))
                },
                .button(.type(.submit), .text(s.save)))),
            .h2(.id("actions"), .text(t.actions)),
            x.actions.isEmpty ? .p(.class("note"), .text(t.noActions)) : .table(
                .tr(.th(.text(s.problemTitle)), .th(.text(t.fromItem)), .th(.text(s.ownerDepartment)), .th(.text(s.deadline))),
                .forEach(x.actions) { a in
                    .tr(.td(.unwrap(a.problemID, { .a(.href(SiteURL.problem($0).path), .text(a.title)) }, else: .text(a.title))),
                        .td(.text(a.agendaTitle ?? "")), .td(.text(a.ownerDepartment)), .td(.text(a.deadline.iso)))
                }),
            .if(Layout.may(.runMeetings), .form(.class("stack noprint"), .action(SiteURL.meetingAction(x.id).path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("version"), .value(version)),
                .label(.text(t.fromItem), .select(.attribute(named: "name", value: "agendaPosition"), .option(.value(""), .label(attr(s.blank))),
                    .forEach(Array(x.agenda.enumerated())) { i, e in
                        .option(.value(String(i + 1)), .label(attr("\(i + 1) · \(e.item.title)")), .isSelected(m.action.position == String(i + 1)))
                    })),
                .label(.text(s.problemTitle), .input(.type(.text), .name("title"), .required(true), .value(attr(m.action.title)))),
                .label(.text(s.ownerDepartment), .input(.type(.text), .name("ownerDepartment"), .required(true), .value(attr(m.action.owner)))),
                .label(.text(s.deadline), .input(.type(.date), .name("deadline"), .required(true), .value(attr(m.action.deadline)))),
                .label(.text(s.by), .input(.type(.text), .name("by"), .required(true), .value(attr(Layout.byDefault(m.action.by))))),
                .button(.type(.submit), .text(t.addAction)))),
            .if(Layout.may(.runMeetings), .form(.class("toolbar noprint"), .action(SiteURL.meetingTargetAction(x.id).path), .method(.post), .csrf(),
                .input(.type(.hidden), .name("version"), .value(version)),
                .label(.text(t.fromItem), .select(.attribute(named: "name", value: "agendaPosition"), .option(.value(""), .label(attr(s.blank))),
                    .forEach(Array(x.agenda.enumerated())) { i, e in .option(.value(String(i + 1)), .label(attr("\(i + 1) · \(e.item.title)"))) })),
                .label(.text(s.department), .input(.type(.text), .name("department"), .required(true))),
                .label(.text(s.targets.metric), .select(.attribute(named: "name", value: "metricKey"),
                    .forEach(m.metrics) { .option(.value($0.key), .label(attr("\($0.name)(\($0.unit))"))) })),
                .label(.text(s.targets.annualTarget), .input(.type(.text), .name("annualTarget"), .required(true))),
                .button(.type(.submit), .text(t.changeTarget))))
        )
    }

    /// The item's title, linked to its problem or project where it has one.
    static func link(_ item: AgendaItem) -> Node<HTML.BodyContext> {
        if let ref = item.problemRef.flatMap(UUID.init(uuidString:)) { return .a(.href(SiteURL.problem(ref).path), .text(item.title)) }
        if let ref = item.projectRef.flatMap(UUID.init(uuidString:)) { return .a(.href(SiteURL.project(ref).path), .text(item.title)) }
        return .text(item.title)
    }
}
