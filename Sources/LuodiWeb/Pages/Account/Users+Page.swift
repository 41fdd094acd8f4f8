import Foundation
import LuodiCore
import LuodiStore
import Plot
import Vapor

/// `/users` (administrators): every account, a new account with a one-time password, role,
/// zone and scope changes (version-checked), password resets.
enum UsersPage {
    static func handle(_ req: Request) async throws -> Response {
        try await render(req, message: nil, error: nil)
    }

    static func render(_ req: Request, message: String?, error: String?, kept: AccountForm? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let accounts = try await AccountRepository(db: req.db).accounts()
        let zones = try await req.portfolio.zones()
        return view(accounts, zones: zones, lang: req.language, message: message, error: error, kept: kept).response(status: status)
    }

    struct AccountForm: Content {
        var login: String?
        var name: String
        var role: String
        var zone: String?
        var department: String?
        var enterprise: String?
        var disabled: String?
        var version: Int?
        var op: String?
    }

    static func settings(_ f: AccountForm, zones: [StoredZone]) throws(AccountError) -> AccountSettings {
        guard let role = Role(rawValue: f.role) else {
            throw .invalid(field: "role", reason: "'\(f.role)' is not a role; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var zoneID: UUID?
        if let name = f.zone, !name.isEmpty {
            guard let z = zones.first(where: { $0.zone.name == name }) else { throw .invalid(field: "zone", reason: "no zone named '\(name)'") }
            zoneID = z.id
        }
        return AccountSettings(name: f.name, role: role, zoneID: role == .administrator ? nil : zoneID, department: f.department,
                               enterprise: f.enterprise, disabled: f.disabled == "on")
    }

    static func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(AccountForm.self)
        let a = req.language.strings.accounts
        do {
            let s = try settings(form, zones: try await req.portfolio.zones())
            let (account, password) = try await AccountService(db: req.db).create(login: form.login ?? "", settings: s, password: nil)
            return try await render(req, message: a.oneTimePassword(account.login, password ?? ""), error: nil)
        } catch let e as AccountError {
            return try await render(req, message: nil, error: e.description, kept: form, status: e.status)
        }
    }

    static func update(_ req: Request) async throws -> Response {
        guard let login = req.parameters.get("login") else { throw Abort(.badRequest, reason: "login: missing") }
        let form = try req.content.decode(AccountForm.self)
        let a = req.language.strings.accounts
        do {
            if form.op == "reset" {
                let password = try await AccountService(db: req.db).reset(login: login)
                return try await render(req, message: a.oneTimePassword(login, password), error: nil)
            }
            guard let version = form.version else { throw AccountError.invalid(field: "version", reason: "missing; reload the page") }
            _ = try await AccountRepository(db: req.db).update(login: login, expectedVersion: version, try settings(form, zones: try await req.portfolio.zones()))
            return req.redirect(to: SiteURL.users.path, redirectType: .normal)
        } catch let e as AccountError {
            return try await render(req, message: nil, error: e.description, status: e.status)
        } catch let e as StoreError {
            if case .conflict = e { return try await render(req, message: nil, error: e.description, status: .conflict) }
            throw e.http
        }
    }

    static func view(_ accounts: [Account], zones: [StoredZone], lang: Language, message: String?, error: String?, kept: AccountForm?) -> HTML {
        let a = lang.strings.accounts
        let zoneName = Dictionary(uniqueKeysWithValues: zones.map { ($0.id, $0.zone.name) })
        func roleSelect(_ selected: String?) -> Node<HTML.LabelContext> {
            .select(.attribute(named: "name", value: "role"),
                    .forEach(Role.allCases) { r in .option(.value(r.rawValue), .label(attr(a.roleName(r))), .isSelected(r.rawValue == selected)) })
        }
        func zoneSelect(_ selected: String?) -> Node<HTML.LabelContext> {
            .select(.attribute(named: "name", value: "zone"), .option(.value(""), .label(attr(a.allZones))),
                    .forEach(zones) { z in .option(.value(attr(z.zone.name)), .label(attr(z.zone.name)), .isSelected(z.zone.name == selected)) })
        }
        return Layout.page(title: a.users, lang: lang, section: .users, path: SiteURL.users.path,
            .h1(.text(a.users)),
            .unwrap(message) { .p(.class("notice"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .text($0)) },
            .p(.class("help"), .text(a.matrixHelp)),
            .table(
                .tr(.th(.text(a.login)), .th(.text("\(a.name) · \(a.role) · \(a.zone) · \(a.department) · \(a.enterprise)")), .th()),
                .forEach(accounts) { u in
                    .tr(.td(.text(u.login), .if(u.disabled, .span(.class("muted"), .text(" (\(a.disabled))")))),
                        .td(.form(.class("inline"), .action(SiteURL.user(u.login).path), .method(.post), .csrf(),
                            .input(.type(.hidden), .name("version"), .value(String(u.version))),
                            .input(.type(.text), .name("name"), .value(attr(u.name)), .attribute(named: "aria-label", value: attr(a.name))),
                            .label(roleSelect(u.role.rawValue)), .label(zoneSelect(u.zoneID.flatMap { zoneName[$0] })),
                            .input(.type(.text), .name("department"), .value(attr(u.department ?? "")), .attribute(named: "placeholder", value: attr(a.department))),
                            .input(.type(.text), .name("enterprise"), .value(attr(u.enterprise ?? "")), .attribute(named: "placeholder", value: attr(a.enterprise))),
                            .label(.input(.type(.checkbox), .name("disabled"), .attribute(named: "checked", value: u.disabled ? "checked" : nil)), .text(a.disabled)),
                            .button(.type(.submit), .class("small"), .text(a.save)))),
                        .td(.form(.class("inline"), .action(SiteURL.user(u.login).path), .method(.post), .csrf(),
                            .input(.type(.hidden), .name("name"), .value(attr(u.name))), .input(.type(.hidden), .name("role"), .value(u.role.rawValue)),
                            .input(.type(.hidden), .name("op"), .value("reset")),
                            .button(.type(.submit), .class("small"), .text(a.resetPassword)))))
                }),
            .h2(.text(a.addUser)),
            .form(.class("stack narrow"), .action(SiteURL.users.path), .method(.post), .csrf(),
                .label(.text(a.login), .input(.type(.text), .name("login"), .value(attr(kept?.login ?? "")), .required(true))),
                .label(.text(a.name), .input(.type(.text), .name("name"), .value(attr(kept?.name ?? "")), .required(true))),
                .label(.text(a.role), roleSelect(kept?.role ?? Role.viewer.rawValue)),
                .label(.text(a.zone), zoneSelect(kept?.zone)),
                .label(.text(a.department), .input(.type(.text), .name("department"), .value(attr(kept?.department ?? "")))),
                .label(.text(a.enterprise), .input(.type(.text), .name("enterprise"), .value(attr(kept?.enterprise ?? "")))),
                .button(.type(.submit), .text(a.addUser))))
    }
}
