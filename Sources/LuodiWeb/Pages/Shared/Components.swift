import LuodiCore
import Plot

/// The zone switcher and as-of date picker (a GET form).
enum ZoneDateForm {
    static func node(lang: Language, action: String, zones: [String], zone: String, asOf: String,
                     extra: [Node<HTML.FormContext>] = []) -> Node<HTML.BodyContext> {
        let s = lang.strings
        return .form(.class("toolbar"), .action(action), .method(.get),
            .label(.text(s.zone),
                .select(.attribute(named: "name", value: "zone"), .forEach(zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == zone)) })),
            .label(.text(s.asOf), .input(.type(.date), .name("asOf"), .value(attr(asOf)))),
            .group(extra),
            .button(.type(.submit), .text(s.show))
        )
    }
}

/// A light's reasons, worst first.
enum ReasonList {
    static func node(_ findings: [RAGAssessment.Finding], lang: Language, more: Int = 0) -> Node<HTML.BodyContext> {
        .ul(.class("reasons"),
            .forEach(findings) { f in .li(.class(f.status.rawValue), .text(lang.strings.reason(f.reason))) },
            .if(more > 0, .li(.class("more"), .text("+\(more)"))))
    }
}

/// Shown when the database has no zone yet.
enum EmptyState {
    static func view(lang: Language, path: String) -> HTML {
        let s = lang.strings
        return Layout.page(title: s.dashboardTitle, lang: lang, section: .dashboard, path: path,
            .h1(.text(s.dashboardTitle)),
            .p(.text(s.importIntro)),
            .p(.a(.href(SiteURL.importPage.path), .text(s.importTitle))))
    }
}

/// A page with one message (not found, bad parameter).
enum MessagePage {
    static func view(title: String, message: String, lang: Language, path: String) -> HTML {
        Layout.page(title: title, lang: lang, section: nil, path: path, .h1(.text(title)), .p(.text(message)),
                    .p(.a(.href(SiteURL.projects.path), .text(lang.strings.backToList))))
    }
}

/// What changed in a closed period against the previous one (week over week).
enum ChangesView {
    static func node(_ c: PeriodChanges, lang: Language) -> Node<HTML.BodyContext> {
        let t = lang.strings.bulletin
        return .div(.class("card changes"),
            .div(.class("label"), .text(t.changesSince(c.period, c.previous))),
            .p(.text(t.listed(t.newReds, c.newReds))),
            .p(.text(t.listed(t.greensRegained, c.greensRegained))),
            .unwrap(c.milestonesMet) { .p(.text(t.milestonesMetCount($0))) },
            .p(.text(t.listed(t.problemsClosed, c.problemsClosed))))
    }
}

/// "No report since …" beside a project's name, when a whole reporting cycle passed without a report.
enum ReportFlag {
    static func node(_ state: ReportingState?, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let state, state.stale else { return .empty }
        return .span(.class("flag"), .text(lang.strings.reporting.noReportSince(state.lastReported)))
    }

    /// The same flag from a list row's figures (`lastReportedPeriod`, `reportOverdue`).
    static func node(overdue: Bool?, last: String?, _ lang: Language) -> Node<HTML.BodyContext> {
        guard overdue == true else { return .empty }
        return .span(.class("flag"), .text(lang.strings.reporting.noReportSince(last.flatMap { try? ReportingPeriod(name: $0) })))
    }
}
