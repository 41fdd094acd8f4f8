import Plot

enum ImportPageView {
    static func render(_ m: ImportPageModel) -> HTML {
        let s = m.lang.strings, w = s.workbook
        return Layout.page(title: s.importTitle, lang: m.lang, section: .importing, path: m.path,
            .h1(.text(s.importTitle)),
            .p(.class("note"), .text(s.importIntro)),
            .form(.class("toolbar"), .action(SiteURL.importPage.path), .method(.post), .csrf(), .enctype(.multipartData),
                .label(.text(s.file), .input(.type(.file), .name("file"), .required(true), .attribute(named: "accept", value: ".csv,text/csv,.xlsx,.xml,.xer"))),
                .label(.text(s.profile), .select(.attribute(named: "name", value: "profile"),
                    .forEach(m.profiles) { p in .option(.value(attr(p)), .label(attr("\(p) · \(s.profileHelp(p))")), .isSelected(p == m.report?.profile)) })),
                .label(.text(s.zoneOverride), .input(.type(.text), .name("zone"), .value(attr(m.zoneInput ?? "")), .attribute(named: "list", value: "zones"))),
                .element(named: "datalist", nodes: [.attribute(named: "id", value: "zones")] + m.zones.map { z in
                    .element(named: "option", nodes: [.attribute(named: "value", value: attr(z))]) }),
                .label(.text(w.sheet), .input(.type(.text), .name("sheet"), .value(attr(m.sheetInput ?? "")), .placeholder(attr(w.sheetPlaceholder)))),
                .button(.type(.submit), .text(s.dryRun))
            ),
            .p(.class("note"), .strong(.text(w.templates + ": ")),
               .group(m.profiles.map { p in .group(.a(.href(SiteURL.importTemplate.url([("profile", p)])), .text(p)), .text(" ")) }),
               .text(" · " + w.templatesHelp)),
            .unwrap(m.message) { .p(.class("overdue"), .text($0)) },
            .unwrap(m.report) { r in
                .div(
                    .h2(.text(r.committed ? s.committedTitle : s.dryRunTitle), .text(" · \(r.file)")),
                    .if(r.ok, .p(.text(s.importSummary(r)))),
                    .if(!r.errors.isEmpty, .group(
                        .p(.class("overdue"), .text(s.nothingWritten)),
                        .h2(.text("\(s.errorsTitle) (\(r.errors.count))")),
                        .ul(.class("errors"), .forEach(r.errors.prefix(500)) { .li(.text($0.description)) }),
                        .if(r.errors.count > 500, .p(.text("… +\(r.errors.count - 500)")))
                    )),
                    .if(!r.notes.isEmpty, .group(
                        .h2(.text("\(s.notesTitle) (\(r.notes.count))")),
                        .ul(.class("notes"), .forEach(r.notes.prefix(200)) { .li(.text($0.description)) })
                    )),
                    .unwrap(m.pendingUpload) { id in
                        .form(.action(SiteURL.importCommit(id).path), .method(.post), .csrf(),
                              .button(.type(.submit), .text(s.commit)))
                    }
                )
            }
        )
    }
}
