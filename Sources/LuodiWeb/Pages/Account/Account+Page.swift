import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/account`: who I am, my password and my API tokens.
enum AccountPage {
    static func handle(_ req: Request) async throws -> Response {
        try await render(req, message: nil, newToken: nil)
    }

    static func render(_ req: Request, message: String?, error: String? = nil, newToken: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let account = try req.requireAccount()
        let tokens = try await AccountRepository(db: req.db).tokens(of: account)
        let zone = try await account.zoneID.asyncMap { try await req.portfolioRepository.zone(id: $0)?.zone.name }
        return view(account, zone: zone ?? nil, tokens: tokens, lang: req.language, message: message, error: error, newToken: newToken).response(status: status)
    }

    static func passwordForm(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        return passwordView(lang: req.language, mustChange: account.mustChangePassword, error: nil).response()
    }

    struct PasswordForm: Content {
        var current: String
        var password: String
        var repeated: String
    }

    static func changePassword(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let form = try req.content.decode(PasswordForm.self)
        let a = req.language.strings.accounts
        do {
            guard form.password == form.repeated else { throw AccountError.invalid(field: "repeated", reason: a.passwordsDiffer) }
            try await AccountService(db: req.db).changePassword(of: account, current: form.current, new: form.password, sessionToken: req.signedIn?.sessionToken,
                                                                address: req.remoteAddress?.ipAddress ?? "unknown")
        } catch let e as AccountError {
            return passwordView(lang: req.language, mustChange: account.mustChangePassword, error: e.description).response(status: e.status)
        } catch let e as AccountService.SignInError {
            return passwordView(lang: req.language, mustChange: account.mustChangePassword, error: e.reason).response(status: e.status)
        }
        return try await render(req, message: a.passwordChanged, newToken: nil)
    }

    struct TokenForm: Content { var name: String }

    static func createToken(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let form = try req.content.decode(TokenForm.self)
        do {
            let (_, secret) = try await AccountService(db: req.db).createToken(for: account, name: form.name)
            return try await render(req, message: nil, newToken: secret)
        } catch let e as AccountError {
            return try await render(req, message: nil, error: e.description, newToken: nil, status: e.status)
        }
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "id: not a token id (UUID)") }
        try await AccountRepository(db: req.db).revokeToken(id, of: account)
        return req.redirect(to: SiteURL.account.path, redirectType: .normal)
    }

    static func view(_ account: Account, zone: String?, tokens: [APITokenInfo], lang: Language, message: String?, error: String?, newToken: String?) -> HTML {
        let a = lang.strings.accounts
        return Layout.page(title: a.account, lang: lang, section: nil, path: SiteURL.account.path,
            .h1(.text("\(a.account) · \(account.name)")),
            .unwrap(message) { .p(.class("notice"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .text($0)) },
            .table(.class("facts"),
                .tr(.th(.text(a.login)), .td(.text(account.login))),
                .tr(.th(.text(a.role)), .td(.text(a.roleName(account.role)))),
                .tr(.th(.text(a.zone)), .td(.text(zone ?? a.allZones))),
                .unwrap(account.department) { .tr(.th(.text(a.department)), .td(.text($0))) },
                .unwrap(account.enterprise) { .tr(.th(.text(a.enterprise)), .td(.text($0))) }),
            .p(.a(.href(SiteURL.accountPassword.path), .text(a.changePassword))),
            .h2(.text(a.tokens)),
            .p(.class("help"), .text(a.tokensHelp)),
            .unwrap(newToken) { .p(.class("notice"), .text(a.tokenCreated), .br(), .code(.text($0))) },
            .if(tokens.isEmpty, .p(.text(a.noTokens)), else: .table(
                .tr(.th(.text(a.tokenName)), .th(.text(a.created)), .th()),
                .forEach(tokens) { t in
                    .tr(.td(.text(t.name)), .td(.text(Format.utcTime(t.createdAt))),
                        .td(.if(t.revokedAt == nil,
                                .form(.class("inline"), .action(SiteURL.accountTokenRevoke(t.id).path), .method(.post), .csrf(),
                                      .button(.type(.submit), .class("small"), .text(a.revoke))),
                                else: .text(a.revoked))))
                })),
            .form(.class("toolbar"), .action(SiteURL.accountTokens.path), .method(.post), .csrf(),
                .label(.text(a.tokenName), .input(.type(.text), .name("name"), .required(true))),
                .button(.type(.submit), .text(a.createToken))))
    }

    static func passwordView(lang: Language, mustChange: Bool, error: String?) -> HTML {
        let a = lang.strings.accounts
        return Layout.page(title: a.changePassword, lang: lang, section: nil, path: SiteURL.accountPassword.path,
            .h1(.text(a.changePassword)),
            .if(mustChange, .p(.class("notice"), .text(a.mustChange))),
            .unwrap(error) { .p(.class("error"), .text($0)) },
            .form(.class("stack narrow"), .action(SiteURL.accountPassword.path), .method(.post), .csrf(),
                .label(.text(a.currentPassword), .input(.type(.password), .name("current"), .required(true), .attribute(named: "autocomplete", value: "current-password"))),
                .label(.text(a.newPassword), .input(.type(.password), .name("password"), .required(true), .attribute(named: "autocomplete", value: "new-password"))),
                .label(.text(a.repeatPassword), .input(.type(.password), .name("repeated"), .required(true), .attribute(named: "autocomplete", value: "new-password"))),
                .button(.type(.submit), .text(a.changePassword))))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
