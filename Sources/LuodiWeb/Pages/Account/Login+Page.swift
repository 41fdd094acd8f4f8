import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/login` and `/logout`: sign in with login and password (throttled), sign out.
enum LoginPage {
    static func form(_ req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: SiteURL.dashboard.path) }
        return view(lang: req.language, login: "", back: req.query[String.self, at: "back"], error: nil).response()
    }

    struct Form: Content {
        var login: String
        var password: String
        var back: String?
    }

    static func signIn(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        do {
            let (account, token) = try await AccountService(db: req.db).signIn(login: form.login, password: form.password, address: address)
            let target = account.mustChangePassword ? SiteURL.accountPassword.path : localPath(form.back) ?? SiteURL.dashboard.path
            let res = req.redirect(to: target, redirectType: .normal)
            res.cookies[SignedIn.cookieName] = HTTPCookies.Value(
                string: token, maxAge: Int(AccountService.sessionLifetime), path: "/",
                isSecure: req.application.http.server.configuration.tlsConfiguration != nil || req.headers.first(name: "X-Forwarded-Proto") == "https",
                isHTTPOnly: true, sameSite: .lax)
            return res
        } catch let e as AccountService.SignInError {
            return view(lang: req.language, login: form.login, back: form.back, error: e.reason).response(status: e.status)
        }
    }

    static func signOut(_ req: Request) async throws -> Response {
        if let s = req.signedIn, let token = s.sessionToken {
            try await AccountService(db: req.db).signOut(token: token, account: s.account)
        }
        let res = req.redirect(to: SiteURL.login.path, redirectType: .normal)
        res.cookies[SignedIn.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        return res
    }

    /// A path on this site to go back to after sign-in (never another host).
    static func localPath(_ back: String?) -> String? {
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.hasPrefix("/\\") else { return nil }
        return back
    }

    static func view(lang: Language, login: String, back: String?, error: String?) -> HTML {
        let a = lang.strings.accounts
        return Layout.page(title: a.signIn, lang: lang, section: nil, path: SiteURL.login.path,
            .h1(.text(a.signIn)),
            .unwrap(error) { .p(.class("error"), .text($0)) },
            .form(.class("stack narrow"), .action(SiteURL.login.path), .method(.post),
                .input(.type(.hidden), .name("back"), .value(attr(localPath(back) ?? ""))),
                .label(.text(a.login), .input(.type(.text), .name("login"), .value(attr(login)), .required(true), .attribute(named: "autocomplete", value: "username"))),
                .label(.text(a.password), .input(.type(.password), .name("password"), .required(true), .attribute(named: "autocomplete", value: "current-password"))),
                .button(.type(.submit), .text(a.signIn))),
            .p(.class("help"), .text(a.signInHelp)))
    }
}
