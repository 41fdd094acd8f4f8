import LuodiCore
import Plot

enum BulletinView {
    /// The bulletin inside the site's frame, with the period picker and downloads.
    static func page(_ b: Bulletin, lang: Language, path: String, zones: [String]) -> HTML {
        let s = lang.strings, t = s.bulletin
        let query: [(String, String?)] = [("zone", b.zone), ("period", b.period), ("lang", lang.rawValue)]
        return Layout.page(title: "\(t.title) \(b.period)", lang: lang, section: .reports, path: path,
            .form(.class("toolbar"), .action(SiteURL.bulletin.path), .method(.get),
                .label(.text(s.zone), .select(.attribute(named: "name", value: "zone"),
                    .forEach(zones) { z in .option(.value(attr(z)), .label(attr(z)), .isSelected(z == b.zone)) })),
                .label(.text(s.reporting.period), .input(.type(.text), .name("period"), .value(attr(b.period)))),
                .button(.type(.submit), .text(s.show)),
                .a(.href(SiteURL.bulletinMarkdown.url(query)), .text("\(t.download) Markdown")),
                .a(.href(SiteURL.bulletinCSV.url(query)), .text("\(t.download) CSV")),
                .a(.href(SiteURL.bulletinWorkbook.url(query)), .text("\(t.download) Excel"))),
            body(b, lang: lang))
    }

    /// The bulletin alone, with the stylesheet inside, for `luodi report bulletin --format html`.
    static func standalone(_ b: Bulletin, lang: Language) -> HTML {
        HTML(.attribute(named: "lang", value: lang.rawValue),
             .head(.meta(.charset(.utf8)), .element(named: "title", text: BulletinText.heading(b, lang)),
                   .element(named: "style", nodes: [.raw(Stylesheet.css)])),
             .body(.main(body(b, lang: lang))))
    }

    static func body(_ b: Bulletin, lang: Language) -> Node<HTML.BodyContext> {
        .div(.class("bulletin"),
            .h1(.text(BulletinText.heading(b, lang))),
            .forEach(BulletinText.sections(b, lang)) { section in
                .group(
                    .h2(.text(section.title)),
                    .forEach(section.lines) { .p(.text($0)) },
                    .if(!section.header.isEmpty, section.rows.isEmpty ? .p(.class("note"), .text(lang.strings.bulletin.none)) : .table(
                        .tr(.forEach(section.header) { .th(.text($0)) }),
                        .forEach(section.rows) { row in .tr(.forEach(Array(row.enumerated())) { i, cell in
                            // Names keep a readable width; dates and numbers do not break.
                            i == 0 ? .td(.class("name"), .text(cell))
                                : cell.count <= 12 && !cell.contains(" ") ? .td(.class("nowrap"), .text(cell)) : .td(.text(cell))
                        }) })))
            })
    }
}
