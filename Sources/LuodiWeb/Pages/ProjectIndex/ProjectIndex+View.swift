import LuodiCore
import Plot

enum ProjectIndexView {
    static func render(_ m: ProjectIndexModel) -> HTML {
        let s = m.lang.strings, f = m.filter
        let current = min(max(1, f.page), m.pages)
        func link(page: Int? = nil, sort: ProjectFilter.SortKey? = nil) -> String {
            var order = f.descending ? "desc" : "asc"
            if let sort { order = sort == f.sort ? (f.descending ? "asc" : "desc") : (sort == .name || sort == .department ? "asc" : "desc") }
            return SiteURL.projects.url([
                ("zone", m.zone), ("asOf", m.asOf.iso), ("department", f.department), ("category", f.category?.rawValue),
                ("stage", f.stage?.rawValue), ("rag", f.rag?.rawValue), ("q", f.search),
                ("sort", (sort ?? f.sort).rawValue), ("order", order), ("page", page.map(String.init) ?? (sort == nil ? String(current) : nil)),
            ])
        }
        func header(_ label: String, _ key: ProjectFilter.SortKey, num: Bool = false) -> Node<HTML.TableRowContext> {
            let arrow = f.sort == key ? (f.descending ? " ▼" : " ▲") : ""
            return .th(.class(num ? "num" : ""), .a(.href(link(sort: key)), .text(label + arrow)))
        }
        func select<T>(_ name: String, _ label: String, _ options: [T], _ selected: T?, value: (T) -> String, text: (T) -> String) -> Node<HTML.FormContext>
        where T: Equatable {
            .label(.text(label), .select(.attribute(named: "name", value: name),
                .option(.value(""), .label(attr(s.all)), .isSelected(selected == nil)),
                .forEach(options) { o in .option(.value(attr(value(o))), .label(attr(text(o))), .isSelected(o == selected)) }))
        }
        let extra: [Node<HTML.FormContext>] = [
            select("department", s.department, m.departments, f.department.map(Department.init(name:)), value: \.name, text: { $0.name == ProjectFilter.unassigned ? s.unassigned : $0.name }),
            select("category", s.categoryLabel, ProjectCategory.allCases, f.category, value: \.rawValue, text: s.category),
            select("stage", s.stageLabel, Stage.allCases, f.stage, value: \.rawValue, text: s.stage),
            select("rag", s.status, RAGStatus.allCases.reversed(), f.rag, value: \.rawValue, text: s.rag),
            .label(.text(s.search), .input(.type(.search), .name("q"), .value(attr(f.search ?? "")))),
        ]
        return Layout.page(title: s.projectsTitle, lang: m.lang, section: .projects, path: m.path,
            .h1(.text("\(s.projectsTitle) · \(m.zone)")),
            ZoneDateForm.node(lang: m.lang, action: SiteURL.projects.path, zones: m.zones, zone: m.zone, asOf: m.asOf.iso, extra: extra),
            .p(.class("note"), .text("\(s.convention(m.convention)) · \(s.ruleSet(m.ruleSet)) · "),
               .a(.href(SiteURL.projectsWorkbook.url([("zone", m.zone), ("asOf", m.asOf.iso)])), .text("Excel (.xlsx)")), .text(" · "),
               .a(.href(SiteURL.milestonesWorkbook.url([("zone", m.zone), ("asOf", m.asOf.iso)])), .attribute(named: "title", value: attr(s.workbook.fullListHelp)),
                  .text(s.workbook.fullList)),
               .if(Layout.may(.administerZone), .group(.text(" · "), .a(.href(SiteURL.deletedProjects.url([("zone", m.zone)])), .text(s.deletion.deletedTitle))))),
            .div(.class("pager"),
                .span(.text(s.page(current, m.pages, m.total))),
                .if(current > 1, .a(.href(link(page: current - 1)), .text("‹ \(s.previous)"))),
                .if(current < m.pages, .a(.href(link(page: current + 1)), .text("\(s.next) ›")))),
            .table(
                .tr(header(s.name, .name), header(s.department, .department), .th(.text(s.categoryLabel)), header(s.stageLabel, .stage),
                    header(s.status, .rag), .th(.text(s.reasons)), header(s.plannedInvestment, .planned, num: true),
                    header(s.completedInvestment, .completed, num: true), header(s.completionRate, .rate, num: true),
                    header(s.overdueMilestones, .overdue, num: true)),
                .forEach(m.rows) { r in
                    .tr(.td(.a(.href(SiteURL.project(r.id).url([("asOf", m.asOf.iso)])), .text(r.name)),
                            ReportFlag.node(overdue: r.reportOverdue, last: r.lastReportedPeriod, m.lang)),
                        .td(.text(r.department ?? s.blank)),
                        .td(.text(r.category.map(s.category) ?? s.blank)),
                        .td(.text(r.stage.map(s.stage) ?? s.blank)),
                        .td(Layout.light(r.rag, m.lang)),
                        .td(.unwrap(r.reasons.first) { ReasonList.node([$0], lang: m.lang, more: r.reasons.count - 1) }),
                        .td(.class("num"), .text(Format.money(r.annualPlannedInvestment, m.lang))),
                        .td(.class("num"), .text(Format.money(r.completedInvestment, m.lang))),
                        .td(.class("num"), .text(Format.percent(r.completionPercent))),
                        .td(.class("num"), .text("\(r.overdueMilestones)")))
                }
            ),
            .div(.class("pager"),
                .if(current > 1, .a(.href(link(page: current - 1)), .text("‹ \(s.previous)"))),
                .if(current < m.pages, .a(.href(link(page: current + 1)), .text("\(s.next) ›"))))
        )
    }
}
