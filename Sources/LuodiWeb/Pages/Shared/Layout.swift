import LuodiCharts
import LuodiCore
import Plot
import Vapor

/// The frame of every page: top bar with navigation and language switch, then the content.
enum Layout {
    enum Section { case dashboard, battleMap, projects, problems, reports, meetings, targets, leads, importing, users }

    static func page(title: String, lang: Language, section: Section?, path: String, _ content: Node<HTML.BodyContext>...) -> HTML {
        let s = lang.strings
        let account = SignedIn.current?.account
        // Only what the account may open: a link that answers "forbidden" is no help.
        func navLink(_ label: String, _ url: SiteURL, _ this: Section, _ needs: AccessPolicy.Action) -> Node<HTML.BodyContext> {
            guard let account, AccessPolicy.mayEver(account.role, needs) else { return .empty }
            return .a(.class(section == this ? "nav current" : "nav"), .href(url.path), .text(label))
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
                        navLink(s.navDashboard, .dashboard, .dashboard, .readZone),
                        navLink(s.navBattleMap, .battleMap, .battleMap, .readZone),
                        navLink(s.navProjects, .projects, .projects, .readProject),
                        navLink(s.problemsTitle, .problems, .problems, .readZone),
                        navLink(s.reporting.title, .reports, .reports, .readZone),
                        navLink(s.meetings.title, .meetings, .meetings, .readZone),
                        navLink(s.targets.title, .targets, .targets, .readZone),
                        navLink(s.leads.title, .leads, .leads, .readZone),
                        navLink(s.navImport, .importPage, .importing, .administerZone),
                        navLink(s.accounts.users, .users, .users, .manageUsers)
                    ),
                    .unwrap(account) { a in
                        .div(.class("who"),
                             .a(.href(SiteURL.account.path), .text(a.name)),
                             .form(.class("inline"), .action(SiteURL.logout.path), .method(.post), .csrf(),
                                   .button(.type(.submit), .class("small"), .text(s.accounts.signOut))))
                    },
                    .a(.class("lang"), .href(SiteURL.language(lang.other).url([("back", path)])), .text(s.switchLanguage))
                ),
                .main(.group(content))
            )
        )
    }

    /// Whether the signed-in account's role may ever do `action`: pages leave out forms and links it could not use.
    static func may(_ action: AccessPolicy.Action) -> Bool {
        SignedIn.current.map { AccessPolicy.mayEver($0.account.role, action) } ?? false
    }

    /// Whether the signed-in account may do `action` on a project (or lead) of this department and enterprise.
    static func may(_ action: AccessPolicy.Action, department: String?, enterprise: String? = nil) -> Bool {
        SignedIn.current.map { AccessPolicy.allows($0.account.principal, action, project: (department, enterprise)) } ?? false
    }

    /// What a "by" field (经办人) holds: what was typed, else the signed-in person's name — the
    /// record keeps the name given (someone may file for a leader), the audit log the account.
    static func byDefault(_ typed: String) -> String {
        typed.isEmpty ? SignedIn.current?.account.name ?? "" : typed
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

extension Node where Context == HTML.FormContext {
    /// The hidden field carrying the session's CSRF token, which every form that posts needs
    /// (see `AccessMiddleware`); empty when nobody is signed in.
    static func csrf() -> Node {
        guard let token = SignedIn.current?.csrfToken else { return .empty }
        return .input(.type(.hidden), .name("_csrf"), .value(token))
    }
}

/// Escapes a value for a double-quoted HTML attribute. Plot escapes text nodes but writes
/// attribute values as given, so every value that can hold user data goes through this.
func attr(_ value: String) -> String { Markup.escape(value) }
