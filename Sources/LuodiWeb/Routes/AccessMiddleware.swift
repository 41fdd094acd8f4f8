import LuodiCore
import LuodiStore
import Vapor

/// Finds who is asking (an API token in `Authorization: Bearer luodi_…`, or the session cookie),
/// enforces the route's `RouteAccess` and the CSRF token of cookie-authenticated writes, and runs
/// the handler with the account as `SignedIn.current` and as the audit log's actor.
struct AccessMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = req.route else { return try await next.respond(to: req) }
        guard let access = route.declaredAccess else {
            req.logger.critical("route \(route.method) \(route.path.string) declares no access; refused")
            throw Abort(.forbidden, reason: "this address declares no access rule")
        }
        let signedIn = try await identify(req)
        let api = req.url.path.hasPrefix("/api/")
        if access != .open {
            guard let signedIn else {
                if !api, req.method == .GET { return req.redirect(to: SiteURL.login.url([("back", req.pathAndQuery)])) }
                throw Abort(.unauthorized, reason: "sign in first (or send an API token: Authorization: Bearer luodi_…)")
            }
            if signedIn.account.mustChangePassword, access != .signedIn {
                if !api, req.method == .GET { return req.redirect(to: SiteURL.accountPassword.path) }
                throw Abort(.forbidden, reason: "change the one-time password first (\(SiteURL.accountPassword.path))")
            }
            if case let .action(action) = access, !AccessPolicy.mayEver(signedIn.account.role, action) {
                throw Abort(.forbidden, reason: "your role (\(signedIn.account.role.rawValue)) may not \(action.rawValue)")
            }
        }
        if let expected = signedIn?.csrfToken, ![.GET, .HEAD].contains(req.method) {
            try await checkCSRF(req, expected: expected, api: api)
        }
        return try await SignedIn.$current.withValue(signedIn) {
            try await AuditLog.$account.withValue(signedIn?.account.login) { try await next.respond(to: req) }
        }
    }

    private func identify(_ req: Request) async throws -> SignedIn? {
        let service = AccountService(db: req.db)
        // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" is "Bearer".
        if let header = req.headers.first(name: .authorization), header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            guard let account = try await service.account(apiToken: token) else {
                throw Abort(.unauthorized, reason: "the API token is unknown or revoked")
            }
            return SignedIn(account: account, csrfToken: nil, sessionToken: nil)
        }
        guard let token = req.cookies[SignedIn.cookieName]?.string, !token.isEmpty,
              let (account, csrf) = try await service.session(token: token) else { return nil }
        return SignedIn(account: account, csrfToken: csrf, sessionToken: token)
    }

    /// A write with the session cookie must echo the session's CSRF token: the `X-CSRF-Token`
    /// header (API), or the `_csrf` field of a form (pages). OWASP CSRF Prevention Cheat Sheet,
    /// "synchronizer token pattern".
    private func checkCSRF(_ req: Request, expected: String, api: Bool) async throws {
        var given = req.headers.first(name: "X-CSRF-Token")
        if given == nil, !api, let type = req.content.contentType, type == .urlEncodedForm || type.type == "multipart" {
            // Collected into the request (Body.collect(max:) keeps it for the handler; iterating
            // the body as a sequence would use it up). A multipart form is an upload (a list or a
            // photo), allowed up to the largest upload a route takes; the route checks its own.
            let limit = type.type == "multipart" ? max(req.application.uploadLimit + 1024 * 1024, ReportPhotos.collectLimit)
                                                 : req.application.routes.defaultMaxBodySize.value
            _ = try await req.body.collect(max: limit).get()
            // A struct of the one field: only that field is decoded, whatever else the form holds.
            struct Token: Decodable { var _csrf: String }
            given = (try? req.content.decode(Token.self))?._csrf
        }
        guard let given, given == expected else {
            throw Abort(.forbidden, reason: api
                ? "a request signed in by cookie must send the session's CSRF token in X-CSRF-Token (or use an API token)"
                : "the form's security token is missing or out of date; reload the page and submit again")
        }
    }
}
