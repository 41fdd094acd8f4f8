import LuodiCharts
import LuodiCore
import Plot
import Vapor

/// The frame of every page: top bar with navigation and language switch, then the content.
enum Layout {
    enum Section { case dashboard, battleMap, projects, problems, reports, meetings, targets, importing }

    static func page(title: String, lang: Language, section: Section?, path: String, _ content: Node<HTML.BodyContext>...) -> HTML {
        let s = lang.strings
        func navLink(_ label: String, _ url: SiteURL, _ this: Section) -> Node<HTML.BodyContext> {
            .a(.class(section == this ? "nav current" : "nav"), .href(url.path), .text(label))
        }
        return HTML(
            .attribute(named: "lang", value: lang.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(s.appName)"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .header(.class("top"),
                    .a(.class("brand"), .href(SiteURL.dashboard.path), .text(s.appName)),
                    .nav(
                        navLink(s.navDashboard, .dashboard, .dashboard),
                        navLink(s.navBattleMap, .battleMap, .battleMap),
                        navLink(s.navProjects, .projects, .projects),
                        navLink(s.problemsTitle, .problems, .problems),
                        navLink(s.reporting.title, .reports, .reports),
                        navLink(s.meetings.title, .meetings, .meetings),
                        navLink(s.targets.title, .targets, .targets),
                        navLink(s.navImport, .importPage, .importing)
                    ),
                    .a(.class("lang"), .href(SiteURL.language(lang.other).url([("back", path)])), .text(s.switchLanguage))
                ),
                .main(.group(content))
            )
        )
    }

    /// A coloured dot and word for a light.
    static func light(_ status: RAGStatus, _ lang: Language) -> Node<HTML.BodyContext> {
        .span(.class("light \(status.rawValue)"), .text(lang.strings.rag(status)))
    }
}

extension HTML {
    /// The page as an HTML response (UTF-8).
    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}

/// Escapes a value for a double-quoted HTML attribute. Plot escapes text nodes but writes
/// attribute values as given, so every value that can hold user data goes through this.
func attr(_ value: String) -> String { Markup.escape(value) }
