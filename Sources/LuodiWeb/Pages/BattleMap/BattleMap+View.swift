import LuodiCore
import Plot

enum BattleMapView {
    static func render(_ m: BattleMapModel) -> HTML {
        let s = m.lang.strings, f = m.filter
        func select<T: Equatable>(_ name: String, _ label: String, _ options: [T], _ selected: T?, all: Bool = true,
                                  value: (T) -> String, text: (T) -> String) -> Node<HTML.FormContext> {
            .label(.text(label), .select(.attribute(named: "name", value: name),
                .if(all, .option(.value(""), .label(attr(s.all)), .isSelected(selected == nil))),
                .forEach(options) { o in .option(.value(attr(value(o))), .label(attr(text(o))), .isSelected(o == selected)) }))
        }
        let extra: [Node<HTML.FormContext>] = [
            select("groupBy", s.groupBy, BattleMapQuery.Grouping.allCases, m.groupBy, all: false, value: \.rawValue,
                   text: { $0 == .department ? s.department : s.categoryLabel }),
            select("department", s.department, m.departments, f.department.map(Department.init(name:)), value: \.name, text: { $0.name == ProjectFilter.unassigned ? s.unassigned : $0.name }),
            select("category", s.categoryLabel, ProjectCategory.allCases, f.category, value: \.rawValue, text: s.category),
            select("rag", s.status, RAGStatus.allCases.reversed(), f.rag, value: \.rawValue, text: s.rag),
        ]
        return Layout.page(title: s.navBattleMap, lang: m.lang, section: .battleMap, path: m.path,
            .h1(.text("\(s.navBattleMap) · \(m.zone)")),
            ZoneDateForm.node(lang: m.lang, action: SiteURL.battleMap.path, zones: m.zones, zone: m.zone, asOf: m.asOf.iso, extra: extra),
            .p(.class("note noprint"), .text(s.battleMapHelp),
               .text(" "), .a(.href(SiteURL.battleMapSVG.url([("zone", m.zone), ("asOf", m.asOf.iso), ("groupBy", m.groupBy.rawValue),
                                                              ("department", f.department), ("category", f.category?.rawValue),
                                                              ("rag", f.rag?.rawValue)])), .text(s.downloadSVG))),
            .div(.class("battle-map-frame"), .raw(m.svg))
        )
    }
}
